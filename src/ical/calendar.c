/* The calendar, written as a stream so that a 100,000-item agenda never
 * sits in memory as a string: libical writes each property and each
 * alarm (icalproperty_as_ical_string_r, icalcomponent_as_ical_string_r),
 * and only the BEGIN and END lines that frame them are written here.
 * The event's DESCRIPTION, the whole programme, is handed to libical in
 * pieces of about 64 KiB as it is rendered.  All of libical's text is
 * folded again on the way out (fold.h says why). */
#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "fold.h"
#include "retrason/buf.h"
#include "retrason/ical.h"
#include "retrason/render.h"
#include "retrason/xalloc.h"
#include "retrason/zone.h"
#include "vtimezone.h"

struct ctx {
	const struct rt_agenda *a;
	const struct rt_ics_opts *o;
	const char *tzid;    /* TZID parameter; NULL: times in UTC ("Z") */
	const char *uid;
	struct icaltimetype dtstamp;
	struct rt_buf folded; /* output not handed on yet */
	struct rt_out out;    /* to the file */
	struct rt_ical_fold fold;
	struct rt_buf text;   /* scratch for DESCRIPTION and friends */
	struct rt_buf piece;  /* a piece of the streamed DESCRIPTION */
	bool desc_begun;      /* its property line has been started */
};

/* Text written by libical (or a BEGIN or END line), folded into the
 * output. */
static void emit(struct ctx *c, const char *s, size_t n)
{
	rt_ical_fold_add(&c->fold, s, n);
	rt_out_maybe_flush(&c->out);
}

static void emit_line(struct ctx *c, const char *line)
{
	emit(c, line, strlen(line));
}

static void emit_libical(struct ctx *c, char *s)
{
	emit(c, s, strlen(s));
	icalmemory_free_buffer(s);
}

/* CATEGORIES and X- properties: libical 3.0.16 escapes only '\' in
 * them, leaving ',' and ';' bare even with VALUE=TEXT (a CATEGORIES of
 * "Work; play" reads as two), so the line is joined here from libical's
 * own pieces: the name, each parameter, and the value escaped as TEXT
 * by a value of no property (which libical escapes fully). */
static void put_text_list_prop(struct ctx *c, icalproperty *p)
{
	struct rt_buf line;
	struct rt_buf *b = &line;
	rt_buf_init(b);
	rt_buf_adds(b, icalproperty_get_property_name(p));
	for (icalparameter *q = icalproperty_get_first_parameter(p, ICAL_ANY_PARAMETER); q;
	     q = icalproperty_get_next_parameter(p, ICAL_ANY_PARAMETER)) {
		char *t = icalparameter_as_ical_string_r(q);
		rt_buf_addc(b, ';');
		rt_buf_adds(b, t);
		icalmemory_free_buffer(t);
	}
	icalvalue *v = icalvalue_new_text(icalproperty_isa(p) == ICAL_X_PROPERTY
						  ? icalproperty_get_x(p)
						  : icalproperty_get_categories(p));
	char *t = icalvalue_as_ical_string_r(v);
	rt_buf_addc(b, ':');
	rt_buf_adds(b, t);
	rt_buf_adds(b, "\r\n");
	icalmemory_free_buffer(t);
	icalvalue_free(v);
	emit(c, b->data, b->len);
	rt_buf_finish(b);
}

static void put_prop(struct ctx *c, icalproperty *p)
{
	icalproperty_kind k = icalproperty_isa(p);
	if (k == ICAL_X_PROPERTY || k == ICAL_CATEGORIES_PROPERTY)
		put_text_list_prop(c, p);
	else
		emit_libical(c, icalproperty_as_ical_string_r(p));
}

/* A wall-clock time in the agenda's zone, minutes past the midnight of
 * date (a day or more past midnight moves to later dates); in UTC when
 * there is no VTIMEZONE. */
static struct icaltimetype local_time(const struct ctx *c, struct rt_date date, int minutes,
				      bool is_date)
{
	struct icaltimetype t = icaltime_null_time();
	date = rt_date_add_days(date, minutes / RT_MINUTES_PER_DAY);
	minutes %= RT_MINUTES_PER_DAY;
	t.year = date.year;
	t.month = date.month;
	t.day = date.day;
	if (is_date) {
		t.is_date = 1;
	} else {
		t.hour = minutes / 60;
		t.minute = minutes % 60;
		if (!c->tzid)
			t.zone = icaltimezone_get_utc_timezone();
	}
	return t;
}

/* Whether a time the clocks repeat, to be written as its UTC instant:
 * by RFC 5545 the zone form means the first, but ical.js,
 * python-icalendar and khal read the second (3.3.5 FORM #2 is read the
 * same by all). */
static bool repeated(const struct ctx *c, struct rt_date date, int minutes)
{
	struct rt_local_change change;
	date = rt_date_add_days(date, minutes / RT_MINUTES_PER_DAY);
	return c->tzid &&
	       rt_zone_local(c->tzid, date, minutes % RT_MINUTES_PER_DAY, &change) == RT_LOCAL_TWICE;
}

static struct icaltimetype utc_time(const struct ctx *c, struct rt_date date, int minutes)
{
	date = rt_date_add_days(date, minutes / RT_MINUTES_PER_DAY);
	return icaltime_from_timet_with_zone(
		(time_t)rt_zone_utc(c->tzid, date, minutes % RT_MINUTES_PER_DAY), 0,
		icaltimezone_get_utc_timezone());
}

static icalproperty *when(const struct ctx *c, icalproperty *(*make)(struct icaltimetype),
			  struct rt_date date, int minutes, bool is_date)
{
	icalproperty *p = make(local_time(c, date, minutes, is_date));
	if (!is_date && c->tzid)
		icalproperty_add_parameter(p, icalparameter_new_tzid(c->tzid));
	return p;
}

/* A TEXT property in the agenda's language. */
static icalproperty *text_param(const struct ctx *c, icalproperty *p)
{
	if (c->a->language)
		icalproperty_add_parameter(p, icalparameter_new_language(c->a->language));
	return p;
}

static void text_prop(const struct ctx *c, icalcomponent *ev, icalproperty *p)
{
	icalcomponent_add_property(ev, text_param(c, p));
}

static icalproperty *mailto(icalproperty *(*make)(const char *), const char *name,
			    const char *addr)
{
	struct rt_buf uri;
	rt_buf_init(&uri);
	rt_buf_addf(&uri, "mailto:%s", addr);
	icalproperty *p = make(rt_buf_str(&uri));
	rt_buf_finish(&uri);
	/* RFC 6868: libical 3.0.16 writes a double quote as ^' (and reads
	 * ^^, ^n, ^' back) but leaves a ^ of the name as it is, so that
	 * "Jane^nDoe" would come back with a line break: that one is ours. */
	if (name) {
		struct rt_buf cn;
		rt_buf_init(&cn);
		for (const char *s = name; *s; s++) {
			if (*s == '^')
				rt_buf_addc(&cn, '^');
			rt_buf_addc(&cn, *s);
		}
		icalproperty_add_parameter(p, icalparameter_new_cn(rt_buf_str(&cn)));
		rt_buf_finish(&cn);
	}
	return p;
}

static void common(struct ctx *c, icalcomponent *ev)
{
	icalcomponent_add_property(ev, icalproperty_new_uid(c->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->dtstamp));
	icalcomponent_add_property(ev, icalproperty_new_sequence(c->o->sequence));
	if (c->a->organizer.addr)
		icalcomponent_add_property(ev, mailto(icalproperty_new_organizer,
						      c->a->organizer.name,
						      c->a->organizer.addr));
}

static const char *location(struct ctx *c, const char *room)
{
	const struct rt_agenda *a = c->a;
	const char *parts[3] = {room, a->location, a->address};
	rt_buf_reset(&c->text);
	for (size_t i = 0; i < 3; i++) {
		if (!parts[i])
			continue;
		if (c->text.len)
			rt_buf_adds(&c->text, ", ");
		rt_buf_adds(&c->text, parts[i]);
	}
	return c->text.len ? rt_buf_str(&c->text) : NULL;
}

/* An override's DTSTART or DTEND: in the zone, or a time the clocks
 * repeat as its UTC instant. */
static icalproperty *day_time(const struct ctx *c, icalproperty *(*make)(struct icaltimetype),
			      struct rt_date date, int minutes)
{
	return repeated(c, date, minutes) ? make(utc_time(c, date, minutes))
					  : when(c, make, date, minutes, false);
}

/* The seconds the daily rule gives a day: DTEND - DTSTART of the first,
 * exact (RFC 5545 3.8.5.3), whatever the clocks do on the others. */
static long long rule_length(const struct ctx *c, struct rt_date date)
{
	const struct rt_agenda *a = c->a;
	if (!c->tzid)
		return (long long)(a->end - a->start) * 60;
	return rt_zone_utc(c->tzid, date, a->end) - rt_zone_utc(c->tzid, date, a->start);
}

/* The exact length the daily rule gives every day: DTEND - DTSTART of
 * the first; but when the first starts at a repeated time, which
 * clients read either way, a DURATION of the second day's length
 * (main_event()). */
static long long rule_duration(const struct ctx *c)
{
	const struct rt_agenda *a = c->a;
	bool start_twice = a->ndays > 1 && repeated(c, a->first, a->start);
	return rule_length(c, start_twice ? a->days[1].date : a->first);
}

/* Whether day i of a multi-day event needs an instance of its own
 * (RECURRENCE-ID) for every client to show it right: it has other hours
 * than the rule; or the rule's exact length is not the day's, as on the
 * night of a change of clocks; or a start or end the clocks repeat,
 * which the zone form of the rule leaves to each client's reading.  On
 * the first day that holds for a repeated end too, though the rule's
 * DTEND is its UTC instant (main_event()): ical.js ends every
 * occurrence of a rule at its start plus the length on the wall clock,
 * and reads the repeated result as the second. */
static bool day_overridden(const struct ctx *c, const struct rt_day *d)
{
	const struct rt_agenda *a = c->a;
	/* The first day's length is the rule's unless its start repeats,
	 * and then it has an instance anyway. */
	return d->start != a->start || d->end != a->end ||
	       rule_length(c, d->date) != rule_duration(c) ||
	       repeated(c, d->date, d->start) || repeated(c, d->date, d->end);
}

/* The event; with day, only that day's instance of a multi-day event,
 * all else the same, so that it replaces the rule's. */
static icalcomponent *main_event(struct ctx *c, const struct rt_day *day)
{
	const struct rt_agenda *a = c->a;
	icalcomponent *ev = icalcomponent_new_vevent();
	common(c, ev);

	if (day) {
		icalcomponent_add_property(
			ev, when(c, icalproperty_new_recurrenceid, day->date, a->start, false));
		icalcomponent_add_property(
			ev, day_time(c, icalproperty_new_dtstart, day->date, day->start));
		icalcomponent_add_property(ev,
					   day_time(c, icalproperty_new_dtend, day->date, day->end));
	} else if (a->all_day) {
		icalcomponent_add_property(ev, when(c, icalproperty_new_dtstart, a->first, 0, true));
		icalcomponent_add_property(
			ev, when(c, icalproperty_new_dtend, rt_date_add_days(a->last, 1), 0, true));
	} else {
		/* A time the clocks repeat as its UTC instant (see
		 * repeated()), but the start of a daily rule, which must be
		 * in the zone for the rule to keep to the clocks.  The rule's
		 * length must not depend on a client's reading of a repeated
		 * start either, so then it is a DURATION (rule_duration());
		 * the first day, whose start is read either way, gets an
		 * instance of its own. */
		bool one = a->ndays <= 1;
		bool start_twice = repeated(c, a->first, a->start);
		icalcomponent_add_property(
			ev, one ? day_time(c, icalproperty_new_dtstart, a->first, a->start)
				: when(c, icalproperty_new_dtstart, a->first, a->start, false));
		if (!one && start_twice)
			icalcomponent_add_property(
				ev, icalproperty_new_duration(icaldurationtype_from_int(
					    (int)rule_duration(c))));
		else
			icalcomponent_add_property(
				ev, day_time(c, icalproperty_new_dtend, a->first, a->end));
		if (a->ndays > 1) {
			/* One entry a day, not a block through the nights. */
			struct icalrecurrencetype r;
			icalrecurrencetype_clear(&r);
			r.freq = ICAL_DAILY_RECURRENCE;
			r.count = (int)a->ndays;
			icalcomponent_add_property(ev, icalproperty_new_rrule(r));
		}
	}
	text_prop(c, ev, icalproperty_new_summary(a->title));
	const char *loc = location(c, NULL);
	if (loc)
		text_prop(c, ev, icalproperty_new_location(loc));
	/* DESCRIPTION is written by put_event(), streamed. */

	if (a->url)
		icalcomponent_add_property(ev, icalproperty_new_url(a->url));
	for (size_t i = 0; i < a->ncategories; i++)
		text_prop(c, ev, icalproperty_new_categories(a->categories[i]));

	rt_buf_reset(&c->text);
	const char *contact[] = {a->contact, a->phone, a->email};
	for (size_t i = 0; i < 3; i++)
		if (contact[i])
			rt_buf_addf(&c->text, "%s%s", c->text.len ? ", " : "", contact[i]);
	if (c->text.len)
		text_prop(c, ev, icalproperty_new_contact(rt_buf_str(&c->text)));

	/* A withdrawal says nothing of the event's status: it goes on
	 * without this attendee (RFC 5546 3.2.5). */
	enum icalproperty_status st = ICAL_STATUS_NONE;
	if (c->o->withdrawal)
		;
	else if (c->o->method == RT_ICS_CANCEL || a->status == RT_STATUS_CANCELLED)
		st = ICAL_STATUS_CANCELLED;
	else if (a->status == RT_STATUS_TENTATIVE)
		st = ICAL_STATUS_TENTATIVE;
	else if (a->status == RT_STATUS_CONFIRMED || c->o->method != RT_ICS_PUBLISH)
		st = ICAL_STATUS_CONFIRMED;
	if (st != ICAL_STATUS_NONE)
		icalcomponent_add_property(ev, icalproperty_new_status(st));

	for (size_t i = 0; i < a->nx; i++) {
		if (!*a->x[i].value)
			continue; /* an empty property reads back as none at all */
		icalproperty *x = icalproperty_new_x(a->x[i].value);
		struct rt_buf name;
		rt_buf_init(&name);
		for (const char *p = a->x[i].name; *p; p++)
			rt_buf_addc(&name, (*p >= 'a' && *p <= 'z') ? (char)(*p - 32) : *p);
		icalproperty_set_x_name(x, rt_buf_str(&name));
		rt_buf_finish(&name);
		icalcomponent_add_property(ev, x);
	}

	if (c->o->method != RT_ICS_PUBLISH && c->o->attendees) {
		const struct rt_recipients *r = c->o->attendees;
		for (size_t i = 0; i < r->n; i++) {
			icalproperty *p = mailto(icalproperty_new_attendee, r->v[i].name,
						 r->v[i].addr);
			icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
			/* An answer is asked for an invitation, not a cancellation. */
			if (c->o->method == RT_ICS_REQUEST) {
				icalproperty_add_parameter(
					p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
				icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
			}
			icalcomponent_add_property(ev, p);
		}
	}

	/* Alarms only when publishing: invitations' alarms are stripped
	 * by the clients that receive them, and rightly so. */
	if (c->o->method == RT_ICS_PUBLISH && a->reminder != RT_NO_REMINDER) {
		icalcomponent *alarm = icalcomponent_new_valarm();
		struct icaltriggertype trig;
		memset(&trig, 0, sizeof(trig));
		trig.time = icaltime_null_time();
		trig.duration = icaldurationtype_from_int(-a->reminder * 60);
		icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(alarm, icalproperty_new_trigger(trig));
		icalcomponent_add_property(alarm, icalproperty_new_description(a->title));
		icalcomponent_add_component(ev, alarm);
	}
	return ev;
}

static void description_piece(void *ctx, const char *s, size_t n)
{
	struct ctx *c = ctx;
	rt_buf_reset(&c->piece);
	rt_buf_add(&c->piece, s, n); /* libical wants it NUL-terminated */
	if (!c->desc_begun) {
		/* The property with its first piece; the rest continue its
		 * line, escaped by libical as TEXT. */
		icalproperty *p = icalproperty_new_description(rt_buf_str(&c->piece));
		put_prop(c, text_param(c, p));
		icalproperty_free(p);
		rt_ical_fold_join(&c->fold);
		c->desc_begun = true;
	} else {
		icalvalue *v = icalvalue_new_text(rt_buf_str(&c->piece));
		emit_libical(c, icalvalue_as_ical_string_r(v));
		icalvalue_free(v);
	}
}

/* The DESCRIPTION, the whole programme: pieces of it are handed to
 * libical as they are rendered. */
static void description(struct ctx *c)
{
	struct rt_out o = {.b = &c->text, .fn = description_piece, .ctx = c};
	rt_buf_reset(&c->text);
	c->desc_begun = false;
	rt_render_plain(&o, c->a, c->o->lang);
	rt_out_finish(&o);
	if (c->desc_begun) /* else nothing to describe: no property */
		emit_line(c, "\r\n"); /* ends the line the pieces continued */
}

/* The event: its properties, the DESCRIPTION, then its alarm, where
 * RFC 5545 wants components. */
static void put_event(struct ctx *c, icalcomponent *ev)
{
	emit_line(c, "BEGIN:VEVENT\r\n");
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_ANY_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_ANY_PROPERTY))
		put_prop(c, p);
	description(c);
	for (icalcomponent *sub = icalcomponent_get_first_component(ev, ICAL_ANY_COMPONENT); sub;
	     sub = icalcomponent_get_next_component(ev, ICAL_ANY_COMPONENT))
		emit_libical(c, icalcomponent_as_ical_string_r(sub));
	emit_line(c, "END:VEVENT\r\n");
	icalcomponent_free(ev);
}

/* The properties of an item's event, made once and given each item's
 * values in turn: items are many and all alike.  Those that are the
 * same in every item (DTSTAMP, SEQUENCE, ORGANIZER; RELATED-TO) are
 * written by libical once, and their text used for each. */
struct item_props {
	icalproperty *uid, *dtstart, *dtend, *summary, *location, *description;
	struct rt_buf shared, related;
};

/* Appends libical's text of p to b, and frees p. */
static void prop_text(struct rt_buf *b, icalproperty *p)
{
	char *s = icalproperty_as_ical_string_r(p);
	rt_buf_adds(b, s);
	icalmemory_free_buffer(s);
	icalproperty_free(p);
}

static void item_props_init(struct ctx *c, struct item_props *ip)
{
	const struct rt_agenda *a = c->a;
	struct rt_date d = a->first;
	ip->uid = icalproperty_new_uid("-");
	ip->dtstart = when(c, icalproperty_new_dtstart, d, 0, false);
	ip->dtend = when(c, icalproperty_new_dtend, d, 0, false);
	ip->summary = text_param(c, icalproperty_new_summary("-"));
	ip->location = text_param(c, icalproperty_new_location("-"));
	ip->description = text_param(c, icalproperty_new_description("-"));
	rt_buf_init(&ip->shared);
	rt_buf_init(&ip->related);
	prop_text(&ip->shared, icalproperty_new_dtstamp(c->dtstamp));
	prop_text(&ip->shared, icalproperty_new_sequence(c->o->sequence));
	if (a->organizer.addr)
		prop_text(&ip->shared, mailto(icalproperty_new_organizer, a->organizer.name,
					      a->organizer.addr));
	prop_text(&ip->related, icalproperty_new_relatedto(c->uid));
}

static void item_props_finish(struct item_props *ip)
{
	icalproperty *all[] = {ip->uid, ip->dtstart, ip->dtend, ip->summary, ip->location,
			       ip->description};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		icalproperty_free(all[i]);
	rt_buf_finish(&ip->shared);
	rt_buf_finish(&ip->related);
}

/* YYYYMMDD */
static void add_date(struct rt_buf *b, struct rt_date d)
{
	rt_buf_addu(b, (unsigned long)d.year, 4);
	rt_buf_addu(b, (unsigned long)d.month, 2);
	rt_buf_addu(b, (unsigned long)d.day, 2);
}

/* An item's DTSTART or DTEND: in the zone (prop has its TZID), or a
 * time the clocks repeat as its UTC instant (see repeated()). */
static void item_time(struct ctx *c, icalproperty *prop,
		      void (*set)(icalproperty *, struct icaltimetype),
		      icalproperty *(*make)(struct icaltimetype), struct rt_date day, int minutes)
{
	if (repeated(c, day, minutes)) {
		icalproperty *utc = make(utc_time(c, day, minutes));
		put_prop(c, utc);
		icalproperty_free(utc);
		return;
	}
	set(prop, local_time(c, day, minutes, false));
	put_prop(c, prop);
}

/* An item's event, related to the main one. */
static void item_event(struct ctx *c, struct item_props *ip, size_t k, unsigned parallel)
{
	const struct rt_agenda *a = c->a;
	const struct rt_item *it = &a->items[k];
	struct rt_date date;
	int min;
	rt_agenda_when(a, it->day, it->start, &date, &min);

	emit_line(c, "BEGIN:VEVENT\r\n");
	/* Stable while the item keeps its day and start time. */
	struct rt_buf *u = &c->text;
	rt_buf_reset(u);
	rt_buf_adds(u, "item-");
	add_date(u, date);
	rt_buf_addc(u, 'T');
	rt_buf_addu(u, (unsigned long)(min / 60), 2);
	rt_buf_addu(u, (unsigned long)(min % 60), 2);
	rt_buf_addc(u, '-');
	rt_buf_addu(u, parallel, 1);
	rt_buf_addc(u, '.');
	rt_buf_adds(u, c->uid);
	icalproperty_set_uid(ip->uid, rt_buf_str(u));
	put_prop(c, ip->uid);
	emit(c, ip->shared.data, ip->shared.len);

	struct rt_date day = a->days[it->day].date;
	item_time(c, ip->dtstart, icalproperty_set_dtstart, icalproperty_new_dtstart, day,
		  it->start);
	if (it->end != RT_OPEN_END)
		item_time(c, ip->dtend, icalproperty_set_dtend, icalproperty_new_dtend, day,
			  it->end);
	icalproperty_set_summary(ip->summary, it->title);
	put_prop(c, ip->summary);
	const char *loc = location(c, it->room);
	if (loc) {
		icalproperty_set_location(ip->location, loc);
		put_prop(c, ip->location);
	}
	rt_buf_reset(&c->text);
	rt_render_plain_item(&c->text, it);
	if (c->text.len) {
		icalproperty_set_description(ip->description, rt_buf_str(&c->text));
		put_prop(c, ip->description);
	}
	emit(c, ip->related.data, ip->related.len);
	emit_line(c, "END:VEVENT\r\n");
}

/* Every item as an event of its own. */
static void items(struct ctx *c)
{
	const struct rt_agenda *a = c->a;
	struct item_props ip;
	item_props_init(c, &ip);
	unsigned parallel = 0;
	for (size_t k = 0; k < a->nitems; k++) {
		bool same = k && a->items[k - 1].day == a->items[k].day &&
			    a->items[k - 1].start == a->items[k].start;
		parallel = same ? parallel + 1 : 0;
		item_event(c, &ip, k, parallel);
	}
	item_props_finish(&ip);
}

/* VERSION, PRODID, CALSCALE and METHOD. */
static void calendar_props(struct ctx *c)
{
	icalproperty *p[] = {
		icalproperty_new_version("2.0"),
		icalproperty_new_prodid("-//retrason//retrason " RETRASON_VERSION "//EN"),
		icalproperty_new_calscale("GREGORIAN"),
		/* The name the mail's method= gives too. */
		icalproperty_new_method(
			icalproperty_string_to_method(rt_ics_method_name(c->o->method))),
	};
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		put_prop(c, p[i]);
		icalproperty_free(p[i]);
	}
}

int rt_ics_write(FILE *out, const struct rt_agenda *a, const struct rt_ics_opts *o)
{
	struct ctx c = {.a = a, .o = o, .out = {.b = &c.folded, .file = out}};
	/* --items puts times on an all-day event's items too. */
	bool timed = !a->all_day || (o->items && a->nitems);
	const char *vtz = timed ? rt_ical_vtimezone(a->timezone, a->first, a->last) : NULL;
	char *uid = o->uid ? xstrdup(o->uid) : rt_agenda_uid(a);

	c.tzid = vtz ? a->timezone : NULL;
	c.uid = uid;
	c.dtstamp = icaltime_from_timet_with_zone((time_t)o->dtstamp, 0,
						  icaltimezone_get_utc_timezone());
	rt_buf_init(&c.folded);
	rt_buf_init(&c.text);
	rt_buf_init(&c.piece);
	rt_ical_fold_init(&c.fold, &c.folded);

	emit_line(&c, "BEGIN:VCALENDAR\r\n");
	calendar_props(&c);
	if (vtz)
		emit_line(&c, vtz);
	put_event(&c, main_event(&c, NULL));
	/* A cancellation is of the whole event: of the rule, no instance
	 * (RFC 5546 3.2.5). */
	for (size_t i = 0; a->ndays > 1 && !a->all_day && o->method != RT_ICS_CANCEL &&
			   i < a->ndays; i++)
		if (day_overridden(&c, &a->days[i]))
			put_event(&c, main_event(&c, &a->days[i]));
	if (o->items && o->method == RT_ICS_PUBLISH)
		items(&c);
	emit_line(&c, "END:VCALENDAR\r\n");
	rt_ical_fold_finish(&c.fold);
	int err = rt_out_finish(&c.out);

	rt_buf_finish(&c.folded);
	rt_buf_finish(&c.text);
	rt_buf_finish(&c.piece);
	free(uid);
	return err;
}
