/* VTIMEZONE components from the system's zone database, by libical, in
 * the form Outlook and the other big clients read: the zone's plain IANA
 * name as TZID and one open-ended rule per observance. */
#include "vtimezone.h"

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "fold.h"
#include "retrason/buf.h"
#include "retrason/xalloc.h"

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

/* A VTIMEZONE for zone named tzid, holding the rules in force from the
 * date from on; NULL for UTC, which needs none.  Caller frees. */
static icalcomponent *vtimezone(icaltimezone *zone, const char *tzid, struct rt_date from)
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

/* Making one costs libical (and ICU) a millisecond, and invitations
 * need the same one for every recipient: the last is kept. */
const char *rt_ical_vtimezone(const char *tzid, struct rt_date from)
{
	static char *key, *text;
	char k[128];
	snprintf(k, sizeof(k), "%s %04d-%02d-%02d", tzid, from.year, from.month, from.day);
	if (key && !strcmp(key, k))
		return text;
	free(key);
	free(text);
	key = xstrdup(k);
	text = NULL;
	icaltimezone *zone = icaltimezone_get_builtin_timezone(tzid);
	icalcomponent *vtz = zone ? vtimezone(zone, tzid, from) : NULL;
	if (vtz) {
		char *s = icalcomponent_as_ical_string_r(vtz);
		struct rt_buf folded;
		struct rt_ical_fold f;
		rt_buf_init(&folded);
		rt_ical_fold_init(&f, &folded);
		rt_ical_fold_add(&f, s, strlen(s));
		rt_ical_fold_finish(&f);
		text = rt_buf_steal(&folded);
		icalmemory_free_buffer(s);
		icalcomponent_free(vtz);
	}
	return text;
}
