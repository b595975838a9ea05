/* The calendar itself, written one event at a time between a
 * hand-written VCALENDAR header and footer, so a 100,000-item agenda
 * never sits in memory as a string.  The event is built with libical
 * (its DESCRIPTION streamed in by hand); the items' events, many and
 * alike, are written directly. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "fold.h"
#include "retrason/buf.h"
#include "retrason/ical.h"
#include "retrason/render.h"
#include "retrason/xalloc.h"
#include "zone.h"

struct ctx {
	const struct rt_agenda *a;
	const struct rt_ics_opts *o;
	const char *tzid;    /* TZID parameter; NULL: times in UTC ("Z") */
	const char *uid;
	struct icaltimetype dtstamp;
	FILE *out;
	struct rt_buf text; /* scratch for DESCRIPTION and friends */
	struct rt_buf folded;
	struct rt_ical_text desc;
	size_t desc_pieces; /* pieces of DESCRIPTION already handed over */
	/* For item events: the lines they all share, and the names (with
	 * LANGUAGE) of their text properties. */
	struct rt_buf item_lines, item_related;
	struct rt_buf stamp; /* scratch for DTSTART and DTEND */
	char *summary, *location, *description;
};

bool rt_ics_zone_known(const char *tzid)
{
	return rt_zone_lookup(tzid) != NULL;
}

/* A wall-clock time in the agenda's zone, minutes past the midnight of
 * date (a day or more past midnight moves to later dates). */
static icalproperty *when(const struct ctx *c, icalproperty *(*make)(struct icaltimetype),
			  struct rt_date date, int minutes, bool is_date)
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
	icalproperty *p = make(t);
	if (!is_date && c->tzid)
		icalproperty_add_parameter(p, icalparameter_new_tzid(c->tzid));
	return p;
}

static void text_prop(const struct ctx *c, icalcomponent *ev, icalproperty *p)
{
	if (c->a->language)
		icalproperty_add_parameter(p, icalparameter_new_language(c->a->language));
	icalcomponent_add_property(ev, p);
}

/* CN values are quoted by libical; a double quote inside can't be. */
static char *cn_text(const char *name)
{
	char *s = xstrdup(name);
	for (char *p = s; *p; p++)
		if (*p == '"')
			*p = '\'';
	return s;
}

static icalproperty *mailto(icalproperty *(*make)(const char *), const char *name,
			    const char *addr)
{
	struct rt_buf uri;
	rt_buf_init(&uri);
	rt_buf_addf(&uri, "mailto:%s", addr);
	icalproperty *p = make(rt_buf_str(&uri));
	rt_buf_finish(&uri);
	if (name) {
		char *cn = cn_text(name);
		icalproperty_add_parameter(p, icalparameter_new_cn(cn));
		free(cn);
	}
	return p;
}

static void common(struct ctx *c, icalcomponent *ev, const char *uid)
{
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
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

static icalcomponent *main_event(struct ctx *c)
{
	const struct rt_agenda *a = c->a;
	icalcomponent *ev = icalcomponent_new_vevent();
	common(c, ev, c->uid);

	if (a->all_day) {
		icalcomponent_add_property(ev, when(c, icalproperty_new_dtstart, a->first, 0, true));
		icalcomponent_add_property(
			ev, when(c, icalproperty_new_dtend, rt_date_add_days(a->last, 1), 0, true));
	} else {
		icalcomponent_add_property(ev, when(c, icalproperty_new_dtstart, a->first,
						    a->start, false));
		icalcomponent_add_property(ev, when(c, icalproperty_new_dtend, a->first,
						    a->end, false));
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
	/* DESCRIPTION is written by emit_main(), streamed. */

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

/* "NAME" or "NAME;LANGUAGE=tag" (a BCP 47 tag: nothing to quote). */
static char *text_prop_name(const char *name, const char *language)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_adds(&b, name);
	if (language)
		rt_buf_addf(&b, ";LANGUAGE=%s", language);
	return rt_buf_steal(&b);
}

/* The lines every item event shares, serialised by libical once: "lines"
 * (DTSTAMP, SEQUENCE, ORGANIZER) and "related" (RELATED-TO). */
static void shared_item_lines(struct ctx *c, struct rt_buf *lines, struct rt_buf *related)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	common(c, ev, "-");
	char *s = icalcomponent_as_ical_string_r(ev);
	struct rt_buf folded;
	rt_buf_init(&folded);
	rt_ical_refold(s, strlen(s), &folded);
	/* Between the BEGIN and UID lines and the END line (libical
	 * writes properties in the order they were added). */
	const char *from = strstr(folded.data, "\r\nDTSTAMP");
	const char *to = strstr(folded.data, "END:VEVENT\r\n");
	rt_buf_add(lines, from + 2, (size_t)(to - from - 2));
	rt_buf_finish(&folded);
	free(s);
	icalcomponent_free(ev);

	icalproperty *rel = icalproperty_new_relatedto(c->uid);
	s = icalproperty_as_ical_string_r(rel);
	rt_ical_refold(s, strlen(s), related);
	free(s);
	icalproperty_free(rel);
}

/* One property line of TEXT value, escaped and folded. */
static void item_text(struct ctx *c, const char *name, const char *text)
{
	struct rt_ical_text w;
	rt_ical_text_begin(&w, &c->folded, name);
	rt_ical_text_add(&w, text, strlen(text));
	rt_ical_text_end(&w);
}

/* YYYYMMDD */
static void add_date(struct rt_buf *b, struct rt_date d)
{
	rt_buf_addu(b, (unsigned long)d.year, 4);
	rt_buf_addu(b, (unsigned long)d.month, 2);
	rt_buf_addu(b, (unsigned long)d.day, 2);
}

/* DTSTART or DTEND: a wall-clock time in the agenda's zone (TZID), or
 * in UTC when there is no VTIMEZONE. */
static void item_time(struct ctx *c, const char *name, struct rt_date date, int minutes)
{
	date = rt_date_add_days(date, minutes / RT_MINUTES_PER_DAY);
	minutes %= RT_MINUTES_PER_DAY;
	struct rt_buf *b = &c->stamp;
	rt_buf_reset(b);
	rt_buf_adds(b, name);
	if (c->tzid) {
		rt_buf_adds(b, ";TZID=");
		rt_buf_adds(b, c->tzid);
	}
	rt_buf_addc(b, ':');
	add_date(b, date);
	rt_buf_addc(b, 'T');
	rt_buf_addu(b, (unsigned long)(minutes / 60), 2);
	rt_buf_addu(b, (unsigned long)(minutes % 60), 2);
	rt_buf_adds(b, c->tzid ? "00" : "00Z");
	struct rt_ical_text w = {.out = &c->folded, .col = 0};
	rt_ical_text_raw(&w, b->data, b->len);
	rt_ical_text_end(&w);
}

/* An item's event.  Items are many and all alike, so they are written
 * here directly (with the writer that streams the main DESCRIPTION)
 * rather than built and serialised by libical, which took half the time
 * of a 100,000-item calendar.  Property for property it is what libical
 * wrote: tests/ics.py and the fuzz target read it back with libical. */
static void item_event(struct ctx *c, size_t k, unsigned parallel)
{
	const struct rt_agenda *a = c->a;
	const struct rt_item *it = &a->items[k];
	struct rt_date date;
	int min;
	rt_agenda_when(a, it->day, it->start, &date, &min);

	rt_buf_adds(&c->folded, "BEGIN:VEVENT\r\n");
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
	item_text(c, "UID", rt_buf_str(u));
	rt_buf_add(&c->folded, c->item_lines.data, c->item_lines.len);

	struct rt_date day = a->days[it->day].date;
	item_time(c, "DTSTART", day, it->start);
	if (it->end != RT_OPEN_END)
		item_time(c, "DTEND", day, it->end);
	item_text(c, c->summary, it->title);
	const char *loc = location(c, it->room);
	if (loc)
		item_text(c, c->location, loc);
	rt_buf_reset(&c->text);
	rt_render_plain_item(&c->text, it);
	if (c->text.len)
		item_text(c, c->description, rt_buf_str(&c->text));
	rt_buf_add(&c->folded, c->item_related.data, c->item_related.len);
	rt_buf_adds(&c->folded, "END:VEVENT\r\n");
}

static void flush_folded(struct ctx *c)
{
	fwrite(c->folded.data, 1, c->folded.len, c->out);
	rt_buf_reset(&c->folded);
}

static void description_piece(void *ctx, const char *s, size_t n)
{
	struct ctx *c = ctx;
	c->desc_pieces++;
	rt_ical_text_add(&c->desc, s, n);
	if (c->folded.len > 65536)
		flush_folded(c);
}

/* The event, with its DESCRIPTION — the whole programme — escaped and
 * folded as it is rendered and put where RFC 5545 wants properties:
 * before any VALARM. */
static void emit_main(struct ctx *c, icalcomponent *ev)
{
	char *s = icalcomponent_as_ical_string_r(ev);
	rt_buf_reset(&c->folded);
	rt_ical_refold(s, strlen(s), &c->folded);
	free(s);
	icalcomponent_free(ev);

	const char *alarm = strstr(c->folded.data, "\r\nBEGIN:VALARM\r\n");
	size_t cut = alarm ? (size_t)(alarm - c->folded.data) + 2
			   : c->folded.len - strlen("END:VEVENT\r\n");
	char *tail = xstrdup(c->folded.data + cut);
	c->folded.len = cut;
	flush_folded(c);

	char *name = text_prop_name("DESCRIPTION", c->a->language);
	rt_buf_reset(&c->text);
	rt_ical_text_begin(&c->desc, &c->folded, name);
	rt_render_plain(&c->text, c->a, c->o->lang, description_piece, c);
	if (c->text.len || c->desc_pieces) {
		rt_ical_text_add(&c->desc, c->text.data, c->text.len);
		rt_ical_text_end(&c->desc);
		flush_folded(c);
	} else {
		rt_buf_reset(&c->folded); /* nothing to describe: no property */
	}
	free(name);
	fputs(tail, c->out);
	free(tail);
}

/* The VTIMEZONE for a zone from a date on, as folded text.  Making it
 * costs libical (and ICU) a millisecond, and invitations need the same
 * one for every recipient: keep the last. */
static const char *vtimezone_text(icaltimezone *zone, const char *tzid, struct rt_date from)
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
	icalcomponent *vtz = rt_zone_vtimezone(zone, tzid, from);
	if (vtz) {
		char *s = icalcomponent_as_ical_string_r(vtz);
		struct rt_buf folded;
		rt_buf_init(&folded);
		rt_ical_refold(s, strlen(s), &folded);
		text = rt_buf_steal(&folded);
		free(s);
		icalcomponent_free(vtz);
	}
	return text;
}

/* Every item as an event of its own, related to the main one. */
static void items(struct ctx *c)
{
	const struct rt_agenda *a = c->a;
	rt_buf_init(&c->item_lines);
	rt_buf_init(&c->item_related);
	rt_buf_init(&c->stamp);
	shared_item_lines(c, &c->item_lines, &c->item_related);
	c->summary = text_prop_name("SUMMARY", a->language);
	c->location = text_prop_name("LOCATION", a->language);
	c->description = text_prop_name("DESCRIPTION", a->language);

	rt_buf_reset(&c->folded);
	unsigned parallel = 0;
	for (size_t k = 0; k < a->nitems; k++) {
		bool same = k && a->items[k - 1].day == a->items[k].day &&
			    a->items[k - 1].start == a->items[k].start;
		parallel = same ? parallel + 1 : 0;
		item_event(c, k, parallel);
		if (c->folded.len > 65536)
			flush_folded(c);
	}
	flush_folded(c);
	rt_buf_finish(&c->item_lines);
	rt_buf_finish(&c->item_related);
	rt_buf_finish(&c->stamp);
	free(c->summary);
	free(c->location);
	free(c->description);
}

int rt_ics_write(FILE *out, const struct rt_agenda *a, const struct rt_ics_opts *o)
{
	static const char *const methods[] = {"PUBLISH", "REQUEST", "CANCEL"};
	struct ctx c = {.a = a, .o = o, .out = out};
	icaltimezone *zone = rt_zone_lookup(a->timezone);
	/* --items puts times on an all-day event's items too. */
	bool timed = !a->all_day || (o->items && a->nitems);
	const char *vtz = zone && timed ? vtimezone_text(zone, a->timezone, a->first) : NULL;
	char *uid = o->uid ? xstrdup(o->uid) : rt_agenda_uid(a);

	c.tzid = vtz ? a->timezone : NULL;
	c.uid = uid;
	c.dtstamp = icaltime_from_timet_with_zone((time_t)o->dtstamp, 0,
						  icaltimezone_get_utc_timezone());
	rt_buf_init(&c.text);
	rt_buf_init(&c.folded);

	fprintf(out,
		"BEGIN:VCALENDAR\r\n"
		"VERSION:2.0\r\n"
		"PRODID:-//retrason//retrason %s//EN\r\n"
		"CALSCALE:GREGORIAN\r\n"
		"METHOD:%s\r\n",
		RETRASON_VERSION, methods[o->method]);
	if (vtz)
		fputs(vtz, out);
	emit_main(&c, main_event(&c));
	if (o->items && o->method == RT_ICS_PUBLISH)
		items(&c);
	fputs("END:VCALENDAR\r\n", out);

	rt_buf_finish(&c.text);
	rt_buf_finish(&c.folded);
	free(uid);
	return fflush(out) == 0 && !ferror(out) ? 0 : (errno ? errno : EIO);
}
