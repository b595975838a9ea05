/* Time-zone arithmetic with libical's zone data. */
#include "retrason/zone.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "retrason/xalloc.h"
#include "tzif.h"

bool rt_zone_known(const char *tzid)
{
	return icaltimezone_get_builtin_timezone(tzid) != NULL;
}

/* The zone last asked for.  An agenda has one, and every item's times
 * are converted (exports, the journal's fingerprint): looking it up by
 * name each time was a fifth of `agenda ics --items`.  Kept to exit. */
static struct {
	char *tzid;
	icaltimezone *lib;
	const struct rt_tzif *db; /* tzif.c's; NULL: no file, libical then */
} last;

static void use(const char *tzid)
{
	if (!last.tzid || strcmp(last.tzid, tzid)) {
		free(last.tzid);
		last.tzid = xstrdup(tzid);
		last.lib = icaltimezone_get_builtin_timezone(tzid);
	}
	/* Asked each time: tzif.c keeps one zone, which the VTIMEZONE may
	 * have changed since (a cheap name compare when it has not). */
	last.db = last.lib ? rt_tzif_zone(tzid) : NULL;
}

/* The zone file's offset: libical's is wrong in some zones and years
 * (Tehran 2018, Sao Paulo 2014; see tzif.c), where the VTIMEZONE is
 * written from the file, so the instants must come from it too. */
static int offset_at(long long utc)
{
	if (last.db)
		return rt_tzif_offset(last.db, utc);
	struct icaltimetype t =
		icaltime_from_timet_with_zone((time_t)utc, 0, icaltimezone_get_utc_timezone());
	return icaltimezone_get_utc_offset_of_utc_time(last.lib, &t, NULL);
}

/* RFC 5545, 3.3.5: a local time that happens twice is its first
 * occurrence; one skipped by a change is read with the offset from
 * before the gap.  (libical's own conversion takes the second.) */
long long rt_zone_utc(const char *tzid, struct rt_date date, int minutes)
{
	use(tzid);
	long long local = (long long)rt_date_to_days(date) * 86400 + (long long)minutes * 60;
	if (!last.lib)
		return local;
	/* Zones change at most once within a day either side. */
	int before = offset_at(local - 86400), after = offset_at(local + 86400);
	long long early = local - (before > after ? before : after);
	long long late = local - (before > after ? after : before);
	if (offset_at(early) == local - early)
		return early;
	if (offset_at(late) == local - late)
		return late;
	return local - before; /* in the gap */
}

void rt_zone_wall(const char *tzid, long long utc, struct rt_date *date, int *minutes)
{
	use(tzid);
	long long local = utc + (last.lib ? offset_at(utc) : 0);
	long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	*date = rt_date_from_days((long)days);
	*minutes = (int)((local - days * 86400) / 60);
}

enum rt_local rt_zone_local(const char *tzid, struct rt_date date, int minutes,
			    struct rt_local_change *change)
{
	use(tzid);
	long long local = (long long)rt_date_to_days(date) * 86400 + (long long)minutes * 60;
	if (!last.lib)
		return RT_LOCAL_ONCE;
	/* Zones change at most once within a day either side. */
	long long lo = local - 2 * 86400, hi = local + 2 * 86400;
	int before = offset_at(lo), after = offset_at(hi);
	if (before == after)
		return RT_LOCAL_ONCE;
	while (hi - lo > 1) { /* the change: the first second at the new offset */
		long long mid = lo + (hi - lo) / 2;
		if (offset_at(mid) == before)
			lo = mid;
		else
			hi = mid;
	}
	bool early = local - before < hi, late = local - after >= hi;
	change->at = hi;
	change->before = before;
	change->after = after;
	if (early && late)
		return RT_LOCAL_TWICE;
	/* Where the gap starts ("ends at 02:00" the night clocks go to
	 * 03:00) is the instant of the change itself, read as RFC 5545
	 * reads a skipped time: once, not a mistake. */
	if (early || late || local - before == hi)
		return RT_LOCAL_ONCE;
	return RT_LOCAL_SKIPPED;
}
