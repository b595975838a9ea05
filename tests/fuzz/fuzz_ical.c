/* The iCalendar writer fed with whatever agendas the parser accepts:
 * the output has CRLF lines of at most 75 octets, re-parses with
 * libical, and keeps every value: the event's SUMMARY, LOCATION,
 * DESCRIPTION (the whole programme), URL, CONTACT, CATEGORIES and X-
 * fields; an instance (RECURRENCE-ID, same UID and SUMMARY) at least
 * for every day with hours other than Time's, starting and ending at
 * that day's instants; and one VEVENT per item with its SUMMARY,
 * LOCATION, DESCRIPTION and RELATED-TO. */
#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "retrason/agenda.h"
#include "retrason/ical.h"
#include "retrason/render.h"
#include "retrason/zone.h"

static void same(const char *what, const char *got, const char *want, const char *ics,
		 size_t n)
{
	if (!got || strcmp(got, want)) {
		fprintf(stderr, "%s: got '%s', want '%s'\n", what, got ? got : "(none)", want);
		fuzz_fail(what, ics, n);
	}
}

/* "a, b, c" of the non-NULL ones, as the writer joins LOCATION and
 * CONTACT. */
static void joined(struct rt_buf *b, const char *const *parts, size_t n)
{
	rt_buf_reset(b);
	for (size_t i = 0; i < n; i++)
		if (parts[i])
			rt_buf_addf(b, "%s%s", b->len ? ", " : "", parts[i]);
}

static const char *url_of(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
	return p ? icalproperty_get_url(p) : NULL;
}

static const char *related_to(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_RELATEDTO_PROPERTY);
	return p ? icalproperty_get_relatedto(p) : NULL;
}

/* A DTSTART or DTEND as its UTC instant, through the file's VTIMEZONE. */
static long long instant_of(struct icaltimetype t)
{
	return (long long)icaltime_as_timet_with_zone(t, t.zone ? t.zone
							    : icaltimezone_get_utc_timezone());
}

/* A day's instance: the day its RECURRENCE-ID names, at the day's
 * hours. */
static void check_instance(const struct rt_agenda *a, icalcomponent *ev, const char *uid,
			   bool *seen, const char *ics, size_t n)
{
	same("instance UID", icalcomponent_get_uid(ev), uid, ics, n);
	same("instance SUMMARY", icalcomponent_get_summary(ev), a->title, ics, n);
	struct icaltimetype rid = icalcomponent_get_recurrenceid(ev);
	struct rt_date d = {rid.year, rid.month, rid.day};
	long i = rt_date_to_days(d) - rt_date_to_days(a->first);
	if (a->all_day || i < 0 || (size_t)i >= a->ndays || seen[i])
		fuzz_fail("ics: an instance of no day, or of one day twice", ics, n);
	seen[i] = true;
	const struct rt_day *day = &a->days[i];
	if (instant_of(icalcomponent_get_dtstart(ev)) !=
		    rt_zone_utc(a->timezone, day->date, day->start) ||
	    instant_of(icalcomponent_get_dtend(ev)) !=
		    rt_zone_utc(a->timezone, day->date, day->end))
		fuzz_fail("ics: an instance not at its day's hours", ics, n);
}

static const char *contact_of(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CONTACT_PROPERTY);
	return p ? icalproperty_get_contact(p) : NULL;
}

static void check_calendar(const struct rt_agenda *a, const char *ics, size_t n,
			   enum rt_lang lang)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		if (ics[i] == '\r') {
			if (i + 1 >= n || ics[i + 1] != '\n')
				fuzz_fail("ics: bare CR", ics, n);
			i++;
			col = 0;
		} else if (ics[i] == '\n') {
			fuzz_fail("ics: bare LF", ics, n);
		} else if (++col > 75) {
			fuzz_fail("ics: a line longer than 75 octets", ics, n);
		}
	}
	if (!fuzz_utf8_valid(ics, n))
		fuzz_fail("ics: invalid UTF-8", ics, n);

	char *copy = strndup(ics, n);
	icalcomponent *cal = icalparser_parse_string(copy);
	free(copy);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT)
		fuzz_fail("ics: libical cannot read it back", ics, n);

	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	if (!ev)
		fuzz_fail("ics: no VEVENT", ics, n);
	same("SUMMARY", icalcomponent_get_summary(ev), a->title, ics, n);

	struct rt_buf want;
	rt_buf_init(&want);
	const char *where[] = {a->location, a->address};
	joined(&want, where, 2);
	if (want.len)
		same("LOCATION", icalcomponent_get_location(ev), rt_buf_str(&want), ics, n);
	rt_buf_reset(&want);
	struct rt_out plain = {.b = &want}; /* all of it in want */
	rt_render_plain(&plain, a, lang);
	if (want.len)
		same("DESCRIPTION", icalcomponent_get_description(ev), rt_buf_str(&want), ics, n);
	if (a->url)
		same("URL", url_of(ev), a->url, ics, n);
	const char *contact[] = {a->contact, a->phone, a->email};
	joined(&want, contact, 3);
	if (want.len)
		same("CONTACT", contact_of(ev), rt_buf_str(&want), ics, n);
	size_t c = 0;
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY), c++) {
		if (c >= a->ncategories)
			fuzz_fail("ics: more CATEGORIES than given", ics, n);
		same("CATEGORIES", icalproperty_get_categories(p), a->categories[c], ics, n);
	}
	if (c != a->ncategories)
		fuzz_fail("ics: CATEGORIES lost", ics, n);
	/* X- fields with a value, in order (an empty one is not written). */
	size_t x = 0;
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY), x++) {
		while (x < a->nx && !*a->x[x].value)
			x++;
		if (x >= a->nx || strcasecmp(icalproperty_get_x_name(p), a->x[x].name))
			fuzz_fail("ics: an X- field lost or renamed", ics, n);
		same("X- value", icalproperty_get_x(p), a->x[x].value, ics, n);
	}
	while (x < a->nx && !*a->x[x].value)
		x++;
	if (x != a->nx)
		fuzz_fail("ics: X- fields lost", ics, n);
	const char *uid = icalcomponent_get_uid(ev);

	size_t k = 0;
	bool *seen = calloc(a->ndays + 1, sizeof(*seen));
	while ((ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))) {
		if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
			if (k)
				fuzz_fail("ics: an instance after the items", ics, n);
			check_instance(a, ev, uid, seen, ics, n);
			continue;
		}
		if (k >= a->nitems)
			fuzz_fail("ics: more VEVENTs than items", ics, n);
		const struct rt_item *it = &a->items[k];
		same("item SUMMARY", icalcomponent_get_summary(ev), it->title, ics, n);
		const char *iwhere[] = {it->room, a->location, a->address};
		joined(&want, iwhere, 3);
		if (want.len)
			same("item LOCATION", icalcomponent_get_location(ev), rt_buf_str(&want), ics,
			     n);
		rt_buf_reset(&want);
		rt_render_plain_item(&want, it);
		if (want.len)
			same("item DESCRIPTION", icalcomponent_get_description(ev),
			     rt_buf_str(&want), ics, n);
		same("item RELATED-TO", related_to(ev), uid, ics, n);
		k++;
	}
	rt_buf_finish(&want);
	if (k != a->nitems)
		fuzz_fail("ics: fewer VEVENTs than items", ics, n);
	for (size_t i = 0; !a->all_day && i < a->ndays; i++)
		if ((a->days[i].start != a->start || a->days[i].end != a->end) && !seen[i])
			fuzz_fail("ics: a day with hours of its own has no instance", ics, n);
	free(seen);
	icalcomponent_free(cal);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 18))
		return 0;
	struct rt_diags d;
	rt_diags_init(&d, "fuzz.agenda", (const char *)data, size);
	struct rt_parse_opts po = {.default_timezone = "UTC", .local = rt_zone_local};
	struct rt_agenda *a = rt_agenda_parse((const char *)data, size, &po, &d);
	if (a && d.errors == 0 && rt_zone_known(a->timezone)) {
		enum rt_lang lang = size && (data[0] & 1) ? RT_LANG_DE : RT_LANG_EN;
		struct rt_ics_opts o = {
			.method = RT_ICS_PUBLISH,
			.items = true,
			.dtstamp = 1700000000,
			.lang = lang,
		};
		char *s = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&s, &n);
		if (!f || rt_ics_write(f, a, &o))
			abort();
		fclose(f);
		check_calendar(a, s, n, lang);
		free(s);
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);
	return 0;
}
