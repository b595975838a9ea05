/* VTIMEZONE components from the system's zone database, by libical, in
 * the form Outlook and the other big clients read: the zone's plain IANA
 * name as TZID and one open-ended rule per observance where the zone has
 * a rule today, checked against the zone file itself (tzif.c). */
#include "vtimezone.h"

#include <libical/ical.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "retrason/buf.h"
#include "retrason/xalloc.h"
#include "tzif.h"

/* Whether two recurrence rules differ only in UNTIL. */
static bool same_rule(struct icalrecurrencetype a, struct icalrecurrencetype b)
{
	if (a.freq != b.freq || a.interval != b.interval || a.count || b.count)
		return false;
	for (int i = 0; i < ICAL_BY_MONTH_SIZE && (a.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX ||
						   b.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX); i++)
		if (a.by_month[i] != b.by_month[i])
			return false;
	for (int i = 0; i < ICAL_BY_DAY_SIZE && (a.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX ||
						 b.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX); i++)
		if (a.by_day[i] != b.by_day[i])
			return false;
	for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE &&
			(a.by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX ||
			 b.by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX);
	     i++)
		if (a.by_month_day[i] != b.by_month_day[i])
			return false;
	return true;
}

static int offset_of(icalcomponent *obs, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(obs, kind);
	if (!p)
		return 0;
	return kind == ICAL_TZOFFSETFROM_PROPERTY ? icalproperty_get_tzoffsetfrom(p)
						   : icalproperty_get_tzoffsetto(p);
}

static const char *name_of(icalcomponent *obs)
{
	icalproperty *p = icalcomponent_get_first_property(obs, ICAL_TZNAME_PROPERTY);
	return p ? icalproperty_get_tzname(p) : "";
}

/* A time's fields as seconds since 1970, its zone ignored. */
static long long secs_of(struct icaltimetype t)
{
	struct rt_date d = {t.year, t.month, t.day};
	return rt_date_to_days(d) * 86400LL + t.hour * 3600 + t.minute * 60 + t.second;
}

static struct icaltimetype floating_of(long long s)
{
	long days = (long)(s / 86400 - (s % 86400 < 0));
	long rest = (long)(s - days * 86400LL);
	struct rt_date d = rt_date_from_days(days);
	struct icaltimetype t = icaltime_null_time();
	t.year = d.year;
	t.month = d.month;
	t.day = d.day;
	t.hour = (int)(rest / 3600);
	t.minute = (int)(rest / 60 % 60);
	t.second = (int)(rest % 60);
	return t;
}

static bool has_rrule(icalcomponent *obs, struct icalrecurrencetype *r)
{
	icalproperty *p = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
	if (p && r)
		*r = icalproperty_get_rrule(p);
	return p != NULL;
}

static long long dtstart_onset(icalcomponent *obs)
{
	return secs_of(icalcomponent_get_dtstart(obs)) - offset_of(obs, ICAL_TZOFFSETFROM_PROPERTY);
}

/* The UTC instant of a rule's UNTIL, or LLONG_MAX. */
static long long until_of(icalcomponent *obs, struct icalrecurrencetype r)
{
	if (icaltime_is_null_time(r.until))
		return LLONG_MAX;
	long long u = secs_of(r.until);
	return icaltime_is_utc(r.until) ? u : u - offset_of(obs, ICAL_TZOFFSETFROM_PROPERTY);
}

/* The onsets (UTC) of an observance's RRULE after its DTSTART, in order,
 * from about the instant skip on (0: from DTSTART), until fn returns
 * false; open: as if the rule had no UNTIL.  UNTIL is compared as the
 * UTC instant it is (libical's iterator compares it with the local time
 * as if both were in one zone). */
static void each_rule_onset(icalcomponent *obs, long long skip, bool open,
			    bool (*fn)(long long onset, void *ctx), void *ctx)
{
	struct icalrecurrencetype r;
	if (!has_rrule(obs, &r))
		return;
	long long until = open ? LLONG_MAX : until_of(obs, r);
	r.until = icaltime_null_time();
	int from = offset_of(obs, ICAL_TZOFFSETFROM_PROPERTY);
	struct icaltimetype start = icalcomponent_get_dtstart(obs);
	start.zone = NULL;
	long long first = secs_of(start);
	icalrecur_iterator *it = icalrecur_iterator_new(r, start);
	if (!it)
		return;
	/* Each step costs libical's ICU calendar microseconds: skip the
	 * decades before the years asked about. */
	if (skip && !r.count && skip + from > first)
		icalrecur_iterator_set_start(it, floating_of(skip + from));
	/* Zone rules are yearly: a few hundred years is every one. */
	for (int n = 0; n < 1000; n++) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t))
			break;
		long long local = secs_of(t);
		if (local <= first)
			continue; /* DTSTART itself */
		if (local - from > until || !fn(local - from, ctx))
			break;
	}
	icalrecur_iterator_free(it);
}

/* Where an observance's onsets fall around an instant. */
struct around {
	long long t;
	bool before;    /* an onset at or before t */
	long long last; /* the last of those */
	bool after;     /* an onset after t */
	long long next; /* the first of those */
};

static void note_onset(struct around *a, long long onset)
{
	if (onset <= a->t) {
		if (!a->before || onset > a->last)
			a->last = onset;
		a->before = true;
	} else {
		if (!a->after || onset < a->next)
			a->next = onset;
		a->after = true;
	}
}

static bool around_rule(long long onset, void *ctx)
{
	note_onset(ctx, onset);
	return onset <= ((struct around *)ctx)->t;
}

/* Zone rules have an onset every year or every few: the last one before
 * an instant is within the eight years before it (else look further). */
#define LOOK_BACK (8 * 366 * 86400LL)

static struct around onsets_around(icalcomponent *obs, long long t)
{
	struct around a = {.t = t};
	note_onset(&a, dtstart_onset(obs));
	int from = offset_of(obs, ICAL_TZOFFSETFROM_PROPERTY);
	for (icalproperty *p = icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(obs, ICAL_RDATE_PROPERTY)) {
		struct icaltimetype r = icalproperty_get_rdate(p).time;
		if (!icaltime_is_null_time(r))
			note_onset(&a, secs_of(r) - (icaltime_is_utc(r) ? 0 : from));
	}
	struct icalrecurrencetype r;
	if (!has_rrule(obs, &r))
		return a;
	long long until = until_of(obs, r), end = until < t ? until : t;
	struct around rule = {.t = t};
	each_rule_onset(obs, end - LOOK_BACK, false, around_rule, &rule);
	if (!rule.before && end - LOOK_BACK > dtstart_onset(obs)) {
		rule = (struct around){.t = t};
		each_rule_onset(obs, 0, false, around_rule, &rule);
	}
	if (rule.before)
		note_onset(&a, rule.last);
	if (rule.after)
		note_onset(&a, rule.next);
	return a;
}

/* The first onset of the observance's rule after its UNTIL, were the
 * rule to go on: where a continuation of it has to start. */
static bool next_after_until(icalcomponent *obs, long long *onset)
{
	struct icalrecurrencetype r;
	if (!has_rrule(obs, &r) || icaltime_is_null_time(r.until) ||
	    icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY))
		return false;
	struct around a = {.t = until_of(obs, r)};
	each_rule_onset(obs, a.t - LOOK_BACK, true, around_rule, &a);
	*onset = a.next;
	return a.after;
}

static void set_until(icalcomponent *obs, struct icaltimetype until)
{
	icalproperty *p = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
	struct icalrecurrencetype r = icalproperty_get_rrule(p);
	r.until = until;
	icalproperty_set_rrule(p, r);
}

static bool same_kind(icalcomponent *a, icalcomponent *b)
{
	return icalcomponent_isa(a) == icalcomponent_isa(b) && !strcmp(name_of(a), name_of(b)) &&
	       offset_of(a, ICAL_TZOFFSETTO_PROPERTY) == offset_of(b, ICAL_TZOFFSETTO_PROPERTY);
}

/* 2^31 - 1: libical 3.0 reads the 32-bit table of the zone file, whose
 * last entry zic puts there, changing nothing. */
#define END_OF_32_BITS 2147483647LL

static long long day_of(long long local)
{
	return local / 86400 - (local % 86400 < 0);
}

/* What merge_split_rules knows of an observance. */
struct piece {
	icalcomponent *obs;
	bool ends;      /* its rule has an UNTIL (and nothing else is odd) */
	long long next; /* then the onset after it, were the rule to go on */
	long long start;
};

/* Whether b continues a's rule after its UNTIL: the same rule and
 * offsets starting at the very next onset of a's rule, or libical's 2038
 * observance standing for it (see merge_split_rules). */
static bool continues(const struct piece *a, const struct piece *b)
{
	struct icalrecurrencetype ra, rb;
	if (!a->ends || !same_kind(a->obs, b->obs) || !has_rrule(a->obs, &ra) ||
	    !has_rrule(b->obs, &rb) || !same_rule(ra, rb) ||
	    icalcomponent_get_first_property(b->obs, ICAL_RDATE_PROPERTY))
		return false;
	int a_from = offset_of(a->obs, ICAL_TZOFFSETFROM_PROPERTY);
	int b_from = offset_of(b->obs, ICAL_TZOFFSETFROM_PROPERTY);
	if (b_from == a_from && b->start == a->next)
		return true;
	if (b->start != END_OF_32_BITS || b_from != offset_of(b->obs, ICAL_TZOFFSETTO_PROPERTY))
		return false;
	/* Its rule's first onset, at 03:14:07 UTC's time of day, falls on
	 * the day the continuation has to start. */
	struct around f = onsets_around(b->obs, b->start);
	return f.after && day_of(f.next + b_from) == day_of(a->next + a_from);
}

/* libical 3.0 writes a zone's rules as read from the 32-bit part of the
 * zone file: a rule ends with UNTIL in 2037 and starts again, open, in
 * 2037/38 — or, in zones whose daylight time spans the new year, in an
 * observance that starts at 2038-01-19 03:14:07 UTC changing nothing and
 * then repeats the rule at that time of day.  Outlook wants one open
 * rule per observance.  Join a rule with the one that continues it, only
 * where that one starts at the very next onset of the rule (Havana's
 * rule pauses in 2026/27: its two parts stay apart); drop the 2038
 * observance, or join it to the rule it stands for. */
static void merge_split_rules(icalcomponent *vtz)
{
	size_t n = (size_t)icalcomponent_count_components(vtz, ICAL_ANY_COMPONENT), k = 0;
	struct piece *p = xcalloc(n ? n : 1, sizeof(*p));
	for (icalcomponent *c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     c && k < n; c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT), k++) {
		p[k].obs = c;
		p[k].start = dtstart_onset(c);
		p[k].ends = next_after_until(c, &p[k].next);
	}
	for (size_t i = 0; i < k; i++) {
		for (size_t j = 0; p[i].obs && j < k; j++) {
			if (j == i || !p[j].obs || !continues(&p[i], &p[j]))
				continue;
			struct icalrecurrencetype rb;
			has_rrule(p[j].obs, &rb);
			set_until(p[i].obs, rb.until);
			p[i].ends = p[j].ends;
			p[i].next = p[j].next;
			icalcomponent_remove_component(vtz, p[j].obs);
			icalcomponent_free(p[j].obs);
			p[j].obs = NULL;
			j = (size_t)-1; /* what continues the longer rule */
		}
	}
	for (size_t i = 0; i < k; i++)
		if (p[i].obs && p[i].start == END_OF_32_BITS && !has_rrule(p[i].obs, NULL) &&
		    !icalcomponent_get_first_property(p[i].obs, ICAL_RDATE_PROPERTY) &&
		    offset_of(p[i].obs, ICAL_TZOFFSETFROM_PROPERTY) ==
			    offset_of(p[i].obs, ICAL_TZOFFSETTO_PROPERTY)) {
			icalcomponent_remove_component(vtz, p[i].obs);
			icalcomponent_free(p[i].obs);
		}
	free(p);
}

/* The onsets of an observance from t0 on, in order (at most
 * ONSETS_MAX). */
#define ONSETS_MAX 64
struct onsets {
	size_t n;
	bool full;
	long long t0, at[ONSETS_MAX];
};

static void add_onset(struct onsets *o, long long t)
{
	if (t < o->t0)
		return;
	if (o->n == ONSETS_MAX) {
		o->full = true;
		return;
	}
	size_t i = o->n++;
	for (; i && o->at[i - 1] > t; i--)
		o->at[i] = o->at[i - 1];
	o->at[i] = t;
}

static bool collect_onset(long long onset, void *ctx)
{
	struct onsets *o = ctx;
	add_onset(o, onset);
	return !o->full;
}

/* Adds an onset (a local time) to an observance as an RDATE.  The
 * first RDATE repeats DTSTART: RFC 5545 counts DTSTART as an onset
 * anyway, but ical.js (Thunderbird) ignores DTSTART where there are
 * RDATEs, and reads the times before it as UTC. */
static void add_rdate(icalcomponent *obs, struct icaltimetype local)
{
	struct icaldatetimeperiodtype rd = {.period = icalperiodtype_null_period()};
	if (!icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY)) {
		rd.time = icalcomponent_get_dtstart(obs);
		icalcomponent_add_property(obs, icalproperty_new_rdate(rd));
	}
	rd.time = local;
	icalcomponent_add_property(obs, icalproperty_new_rdate(rd));
}

/* A finite observance (no rule, or one with UNTIL) as the onsets that
 * matter from t0 on: DTSTART the first, RDATEs all.  The same offsets
 * from t0 on, and no UNTIL: python3-icalendar 4 (khal) cannot read an
 * UNTIL at all. */
static void as_onsets(icalcomponent *obs, long long t0)
{
	struct icalrecurrencetype r;
	bool rule = has_rrule(obs, &r);
	if (rule && icaltime_is_null_time(r.until) && !r.count)
		return; /* open: stays as it is */
	struct onsets o = {.t0 = t0};
	int from = offset_of(obs, ICAL_TZOFFSETFROM_PROPERTY);
	add_onset(&o, dtstart_onset(obs));
	icalproperty *p, *next;
	for (p = icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(obs, ICAL_RDATE_PROPERTY)) {
		struct icaltimetype t = icalproperty_get_rdate(p).time;
		if (icaltime_is_null_time(t))
			return; /* a PERIOD: leave it */
		add_onset(&o, secs_of(t) - (icaltime_is_utc(t) ? 0 : from));
	}
	each_rule_onset(obs, t0 - 2 * 86400, false, collect_onset, &o);
	if (o.full || !o.n)
		return;
	for (p = icalcomponent_get_first_property(obs, ICAL_ANY_PROPERTY); p; p = next) {
		next = icalcomponent_get_next_property(obs, ICAL_ANY_PROPERTY);
		icalproperty_kind k = icalproperty_isa(p);
		if (k == ICAL_RRULE_PROPERTY || k == ICAL_RDATE_PROPERTY) {
			icalcomponent_remove_property(obs, p);
			icalproperty_free(p);
		}
	}
	icalcomponent_set_dtstart(obs, floating_of(o.at[0] + from));
	for (size_t i = 1; i < o.n; i++)
		add_rdate(obs, floating_of(o.at[i] + from));
}

/* Drops the observances that no longer matter at lo: all but the one in
 * force then (whose last onset at or before lo is the latest of all) and
 * those with onsets after lo.  (libical's icaltimezone_truncate_vtimezone
 * drops the one in force when its rule ended before lo: Vancouver in
 * December 2025.)  Open rules stay whole, as libical wrote them; the
 * others keep only the onsets from the one in force on. */
static void cut_before(icalcomponent *vtz, long long lo)
{
	size_t n = (size_t)icalcomponent_count_components(vtz, ICAL_ANY_COMPONENT), k = 0;
	if (!n)
		return;
	icalcomponent **obs = xcalloc(n, sizeof(*obs));
	struct around *at = xcalloc(n, sizeof(*at));
	bool any = false;
	long long cut = 0;
	for (icalcomponent *c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     c && k < n; c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT), k++) {
		obs[k] = c;
		at[k] = onsets_around(c, lo);
		if (at[k].before && (!any || at[k].last > cut))
			cut = at[k].last;
		any |= at[k].before;
	}
	for (size_t i = 0; any && i < k; i++) {
		bool in_force = at[i].before && at[i].last == cut;
		if (in_force || at[i].after) {
			as_onsets(obs[i], in_force ? cut : at[i].next);
		} else {
			icalcomponent_remove_component(vtz, obs[i]);
			icalcomponent_free(obs[i]);
		}
	}
	free(obs);
	free(at);
}

static int offset_at(icaltimezone *zone, long long utc)
{
	struct icaltimetype t =
		icaltime_from_timet_with_zone((time_t)utc, 0, icaltimezone_get_utc_timezone());
	return icaltimezone_get_utc_offset_of_utc_time(zone, &t, NULL);
}

/* Whether vtz gives the zone's offset at every instant from lo to hi:
 * at every quarter of an hour, and either side of each of the zone's
 * changes.  The zone is the zone file where it could be read (libical's
 * own offsets are wrong in some: see rt_zone_vtimezone), else libical's
 * builtin zone. */
static bool agrees(icalcomponent *vtz, icaltimezone *lib, const struct rt_tzif *db,
		   long long lo, long long hi)
{
	icaltimezone *mine = icaltimezone_new();
	if (!icaltimezone_set_component(mine, icalcomponent_new_clone(vtz))) {
		icaltimezone_free(mine, 1);
		return false;
	}
	bool ok = true;
	for (long long t = lo; ok && t <= hi; t += 900)
		ok = offset_at(mine, t) == (db ? rt_tzif_offset(db, t) : offset_at(lib, t));
	if (db && ok) {
		struct rt_tzif_change *v;
		size_t n = rt_tzif_changes(db, lo, hi, &v);
		for (size_t i = 0; ok && i < n; i++)
			ok = offset_at(mine, v[i].at - 1) == v[i].from &&
			     offset_at(mine, v[i].at) == v[i].to;
		free(v);
	}
	icaltimezone_free(mine, 1);
	return ok;
}

/* One change as an onset: an RDATE of the observance it shares offsets
 * and name with, or the DTSTART of a new one. */
static void add_change(icalcomponent *vtz, const struct rt_tzif_change *c)
{
	struct icaltimetype local = floating_of(c->at + c->from);
	icalcomponent_kind kind = c->dst ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT;
	for (icalcomponent *o = icalcomponent_get_first_component(vtz, kind); o;
	     o = icalcomponent_get_next_component(vtz, kind))
		if (offset_of(o, ICAL_TZOFFSETFROM_PROPERTY) == c->from &&
		    offset_of(o, ICAL_TZOFFSETTO_PROPERTY) == c->to && !strcmp(name_of(o), c->abbr)) {
			add_rdate(o, local);
			return;
		}
	icalcomponent *o = icalcomponent_new(kind);
	icalcomponent_add_property(o, icalproperty_new_tzname(c->abbr));
	icalcomponent_add_property(o, icalproperty_new_tzoffsetfrom(c->from));
	icalcomponent_add_property(o, icalproperty_new_tzoffsetto(c->to));
	icalcomponent_add_property(o, icalproperty_new_dtstart(local));
	icalcomponent_add_component(vtz, o);
}

/* The zone's real changes, from the one in force at lo on, as onsets:
 * right from lo to the end of the zone file's table (2037, or later
 * where the file lists more) and at least to hi, but without the open
 * rules of the other form. */
static icalcomponent *rdate_form(const struct rt_tzif *db, const char *tzid, long long lo,
				 long long hi)
{
	icalcomponent *vtz = icalcomponent_new_vtimezone();
	icalcomponent_add_property(vtz, icalproperty_new_tzid(tzid));
	struct rt_tzif_change first = rt_tzif_change_before(db, lo);
	long long end = rt_tzif_table_end(db), most = hi + 30 * 366 * 86400LL;
	end = end < hi ? hi : end > most ? most : end;
	struct rt_tzif_change *v;
	size_t n = rt_tzif_changes(db, first.at, end, &v);
	add_change(vtz, &first);
	for (size_t i = 0; i < n; i++)
		add_change(vtz, &v[i]);
	free(v);
	return vtz;
}

static void set_tzid(icalcomponent *vtz, const char *tzid)
{
	icalproperty *p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, tzid);
}

/* A VTIMEZONE for zone named tzid that gives the zone database's
 * offsets at every instant of an event from the day first to the day
 * last (and a day either side), and the rules in force from there on;
 * NULL for UTC, which needs none.  Caller frees. */
static icalcomponent *vtimezone(icaltimezone *zone, const char *tzid, struct rt_date first,
				struct rt_date last)
{
	icalcomponent *src = icaltimezone_get_component(zone);
	if (!src)
		return NULL; /* UTC itself: times are written with Z */

	/* Every local time of every day, a day either side and more. */
	long long lo = (rt_date_to_days(first) - 2) * 86400LL;
	long long hi = (rt_date_to_days(last) + 3) * 86400LL;

	icalcomponent *vtz = icalcomponent_new_clone(src);
	merge_split_rules(vtz);
	cut_before(vtz, lo);
	set_tzid(vtz, tzid); /* the plain IANA name, not "/freeassociation…/" */

	/* libical builds its rules from the zone file's transitions and gets
	 * some wrong (São Paulo 2014, Tehran 2018/19, Jerusalem 2013–16,
	 * St. John's from 2038: see the commit); so does the cutting, were
	 * it wrong.  Then the zone file's own changes are the answer. */
	const struct rt_tzif *db = rt_tzif_zone(tzid);
	if (!agrees(vtz, zone, db, lo, hi)) {
		icalcomponent_free(vtz);
		if (db) {
			vtz = rdate_form(db, tzid, lo, hi);
		} else {
			vtz = icalcomponent_new_clone(src); /* libical's, whole */
			set_tzid(vtz, tzid);
		}
	}
	return vtz;
}

/* Making one costs libical (and ICU) a millisecond, and invitations
 * need the same one for every recipient: the last is kept. */
const char *rt_ical_vtimezone(const char *tzid, struct rt_date from, struct rt_date to)
{
	static char *key, *text;
	char k[128];
	snprintf(k, sizeof(k), "%s %04d-%02d-%02d %04d-%02d-%02d", tzid, from.year, from.month,
		 from.day, to.year, to.month, to.day);
	if (key && !strcmp(key, k))
		return text;
	free(key);
	free(text);
	key = xstrdup(k);
	text = NULL;
	icaltimezone *zone = icaltimezone_get_builtin_timezone(tzid);
	icalcomponent *vtz = zone ? vtimezone(zone, tzid, from, to) : NULL;
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
