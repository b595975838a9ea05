/* libical_fold TITLE: a calendar of one event titled TITLE, written by
 * libical alone, for tests/ics.py to show why src/ical/fold.c folds
 * libical's text again. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: libical_fold TITLE\n", stderr);
		return 2;
	}
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//retrason//tests//EN"));
	icalcomponent *ev = icalcomponent_new_vevent();
	icaltimezone *utc = icaltimezone_get_utc_timezone();
	icalcomponent_add_property(ev, icalproperty_new_uid("libical-fold@retrason.test"));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
					       icaltime_from_timet_with_zone(1669000000, 0, utc)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(
					       icaltime_from_timet_with_zone(1700000000, 0, utc)));
	icalcomponent_add_property(ev, icalproperty_new_summary(argv[1]));
	icalcomponent_add_component(cal, ev);
	char *s = icalcomponent_as_ical_string_r(cal);
	fputs(s, stdout);
	icalmemory_free_buffer(s);
	icalcomponent_free(cal);
	return ferror(stdout) ? 1 : 0;
}
