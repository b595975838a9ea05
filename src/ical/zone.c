/* Time-zone arithmetic with libical's zone data. */
#include "retrason/zone.h"

#include <libical/ical.h>

bool rt_zone_known(const char *tzid)
{
	return icaltimezone_get_builtin_timezone(tzid) != NULL;
}

static int offset_at(icaltimezone *zone, long long utc)
{
	struct icaltimetype t =
		icaltime_from_timet_with_zone((time_t)utc, 0, icaltimezone_get_utc_timezone());
	return icaltimezone_get_utc_offset_of_utc_time(zone, &t, NULL);
}

/* RFC 5545, 3.3.5: a local time that happens twice is its first
 * occurrence; one skipped by a change is read with the offset from
 * before the gap.  (libical's own conversion takes the second.) */
long long rt_zone_utc(const char *tzid, struct rt_date date, int minutes)
{
	icaltimezone *zone = icaltimezone_get_builtin_timezone(tzid);
	long long local = (long long)rt_date_to_days(date) * 86400 + (long long)minutes * 60;
	if (!zone)
		return local;
	/* Zones change at most once within a day either side. */
	int before = offset_at(zone, local - 86400), after = offset_at(zone, local + 86400);
	long long early = local - (before > after ? before : after);
	long long late = local - (before > after ? after : before);
	if (offset_at(zone, early) == local - early)
		return early;
	if (offset_at(zone, late) == local - late)
		return late;
	return local - before; /* in the gap */
}
