/* readback FILE.ics: reads a calendar back with libical and prints what
 * a calendar program would take from it, one fact a line, for
 * tests/ics.py to compare with what the agenda means.  Times are turned
 * into UTC with the VTIMEZONE inside the file (not the system's), so the
 * zone retrason wrote is what is tested. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (n + 1 == cap) {
			char *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
			}
			buf = bigger;
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

static int print_time(icalcomponent *cal, icalproperty *p, const char *label)
{
	if (!p)
		return 0;
	struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
	if (t.is_date) {
		printf("%s %04d-%02d-%02d\n", label, t.year, t.month, t.day);
		return 0;
	}
	icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	if (tzp) {
		const char *tzid = icalparameter_get_tzid(tzp);
		icaltimezone *zone = icalcomponent_get_timezone(cal, tzid);
		if (!zone) {
			printf("%s no VTIMEZONE for %s\n", label, tzid);
			return 1;
		}
		t.zone = zone;
	} else if (!icaltime_is_utc(t)) {
		printf("%s floating\n", label);
		return 1;
	}
	struct icaltimetype u = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
	printf("%s %04d-%02d-%02dT%02d:%02d:%02dZ\n", label, u.year, u.month, u.day, u.hour,
	       u.minute, u.second);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: readback FILE.ics\n", stderr);
		return 2;
	}
	char *text = slurp(argv[1]);
	if (!text) {
		perror(argv[1]);
		return 2;
	}
	icalcomponent *cal = icalparser_parse_string(text);
	free(text);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		puts("not a VCALENDAR");
		return 1;
	}
	int bad = 0;
	icalproperty *m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
	printf("METHOD %s\n", m ? icalproperty_get_value_as_string(m) : "-");
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		printf("VEVENT %s\n", icalcomponent_get_uid(e));
		printf("SUMMARY %s\n", icalcomponent_get_summary(e));
		bad |= print_time(cal, icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY),
				  "DTSTART");
		bad |= print_time(cal, icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY),
				  "DTEND");
		icalproperty *p;
		if ((p = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY)))
			printf("RRULE %s\n", icalproperty_get_value_as_string(p));
		if ((p = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY)))
			printf("STATUS %s\n", icalproperty_get_value_as_string(p));
		if ((p = icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY)))
			printf("SEQUENCE %d\n", icalproperty_get_sequence(p));
		for (p = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY); p;
		     p = icalcomponent_get_next_property(e, ICAL_ATTENDEE_PROPERTY))
			printf("ATTENDEE %s\n", icalproperty_get_attendee(p));
		/* The names as libical decodes them (RFC 6868 ^' is a quote). */
		if ((p = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY))) {
			icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
			if (cn)
				printf("ORGANIZER-CN %s\n", icalparameter_get_cn(cn));
		}
		printf("ALARMS %d\n", icalcomponent_count_components(e, ICAL_VALARM_COMPONENT));
	}
	/* libical flags what it could not read as X-LIC-ERROR properties. */
	char *all = icalcomponent_as_ical_string_r(cal);
	if (strstr(all, "X-LIC-ERROR")) {
		puts("X-LIC-ERROR in the calendar");
		bad = 1;
	}
	free(all);
	icalcomponent_free(cal);
	icaltimezone_free_builtin_timezones();
	return bad;
}
