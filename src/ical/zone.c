/* VTIMEZONE components from the system's zone database, by libical, in
 * the form Outlook and the other big clients read: the zone's plain IANA
 * name as TZID and one open-ended rule per observance. */
#include <string.h>

#include "retrason/ical.h"
#include "zone.h"

/* Whether two recurrence rules differ only in UNTIL. */
static bool same_rule(struct icalrecurrencetype a, struct icalrecurrencetype b)
{
	return a.freq == b.freq && a.interval == b.interval &&
	       a.by_month[0] == b.by_month[0] && a.by_month[1] == b.by_month[1] &&
	       a.by_day[0] == b.by_day[0] && a.by_day[1] == b.by_day[1] &&
	       a.by_month_day[0] == b.by_month_day[0];
}

static int offset_of(icalcomponent *obs, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(obs, kind);
	if (!p)
		return 0;
	return kind == ICAL_TZOFFSETFROM_PROPERTY ? icalproperty_get_tzoffsetfrom(p)
						   : icalproperty_get_tzoffsetto(p);
}

/* libical 3.0 writes a zone's rules as read from the 32-bit part of the
 * zone file: each rule ends with UNTIL in 2037 and starts again, open,
 * in 2037/38.  Outlook wants one open rule per observance: drop the
 * restart and lift the UNTIL of the rule it continues. */
static void merge_split_rules(icalcomponent *vtz)
{
	bool again = true;
	while (again) {
		again = false;
		for (icalcomponent *a = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
		     a && !again; a = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
			icalproperty *ra = icalcomponent_get_first_property(a, ICAL_RRULE_PROPERTY);
			if (!ra)
				continue;
			struct icalrecurrencetype rra = icalproperty_get_rrule(ra);
			if (icaltime_is_null_time(rra.until))
				continue;
			/* Find the open rule of the same kind that continues it. */
			icalcomponent *b = NULL;
			icalcomponent *it;
			icalcompiter ci = icalcomponent_begin_component(vtz, icalcomponent_isa(a));
			while ((it = icalcompiter_deref(&ci))) {
				icalcompiter_next(&ci);
				icalproperty *rb;
				if (it == a || !(rb = icalcomponent_get_first_property(
							 it, ICAL_RRULE_PROPERTY)))
					continue;
				struct icalrecurrencetype rrb = icalproperty_get_rrule(rb);
				if (icaltime_is_null_time(rrb.until) && same_rule(rra, rrb) &&
				    offset_of(a, ICAL_TZOFFSETFROM_PROPERTY) ==
					    offset_of(it, ICAL_TZOFFSETFROM_PROPERTY) &&
				    offset_of(a, ICAL_TZOFFSETTO_PROPERTY) ==
					    offset_of(it, ICAL_TZOFFSETTO_PROPERTY))
					b = it;
			}
			if (!b)
				continue;
			rra.until = icaltime_null_time();
			icalproperty_set_rrule(ra, rra);
			icalcomponent_remove_component(vtz, b);
			icalcomponent_free(b);
			again = true; /* the iterator is stale: start over */
		}
	}
}

icaltimezone *rt_zone_lookup(const char *tzid)
{
	return icaltimezone_get_builtin_timezone(tzid);
}

icalcomponent *rt_zone_vtimezone(icaltimezone *zone, const char *tzid,
				 struct rt_date from)
{
	icalcomponent *src = icaltimezone_get_component(zone);
	if (!src)
		return NULL; /* UTC itself: times are written with Z */
	icalcomponent *vtz = icalcomponent_new_clone(src);

	/* Only the rules in force from the day before the event on. */
	struct icaltimetype start = icaltime_null_time();
	struct rt_date before = rt_date_add_days(from, -1);
	start.year = before.year;
	start.month = before.month;
	start.day = before.day;
	start.zone = icaltimezone_get_utc_timezone();
	icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 1);
	merge_split_rules(vtz);

	/* The plain IANA name, not libical's "/freeassociation…/" one. */
	icalproperty *p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, tzid);
	return vtz;
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
long long rt_ics_utc(const char *tzid, struct rt_date date, int minutes)
{
	icaltimezone *zone = rt_zone_lookup(tzid);
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
