/* The iCalendar writer fed with whatever agendas the parser accepts:
 * the output has CRLF lines of at most 75 octets, re-parses with
 * libical, and keeps every value: the event's SUMMARY, LOCATION and
 * DESCRIPTION (the whole programme), and one VEVENT per item with its
 * title. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "retrason/agenda.h"
#include "retrason/ical.h"
#include "retrason/render.h"

static void same(const char *what, const char *got, const char *want, const char *ics,
		 size_t n)
{
	if (!got || strcmp(got, want)) {
		fprintf(stderr, "%s: got '%s', want '%s'\n", what, got ? got : "(none)", want);
		fuzz_fail(what, ics, n);
	}
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
	if (a->location || a->address) {
		rt_buf_addf(&want, "%s%s%s", a->location ? a->location : "",
			    a->location && a->address ? ", " : "", a->address ? a->address : "");
		same("LOCATION", icalcomponent_get_location(ev), rt_buf_str(&want), ics, n);
	}
	rt_buf_reset(&want);
	rt_render_plain(&want, a, lang, NULL, NULL);
	if (want.len)
		same("DESCRIPTION", icalcomponent_get_description(ev), rt_buf_str(&want), ics, n);
	rt_buf_finish(&want);

	size_t k = 0;
	while ((ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))) {
		if (k >= a->nitems)
			fuzz_fail("ics: more VEVENTs than items", ics, n);
		same("item SUMMARY", icalcomponent_get_summary(ev), a->items[k].title, ics, n);
		k++;
	}
	if (k != a->nitems)
		fuzz_fail("ics: fewer VEVENTs than items", ics, n);
	icalcomponent_free(cal);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 18))
		return 0;
	struct rt_diags d;
	rt_diags_init(&d, "fuzz.agenda", (const char *)data, size);
	struct rt_parse_opts po = {.default_timezone = "UTC"};
	struct rt_agenda *a = rt_agenda_parse((const char *)data, size, &po, &d);
	if (a && d.errors == 0 && rt_ics_zone_known(a->timezone)) {
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
