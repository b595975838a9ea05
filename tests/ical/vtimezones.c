/* vtimezones: for tests/vtimezone.py, the VTIMEZONE retrason writes for
 * each line "ZONE FIRST LAST" of standard input (an event in ZONE from
 * the day FIRST to the day LAST, as YYYY-MM-DD), each followed by a line
 * "%%", or "%% none" where retrason writes none (UTC, an unknown zone).
 * One process for thousands of zones and dates: the sweep would take
 * minutes with one retrason run each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/ical/vtimezone.h"

int main(void)
{
	char line[256], tzid[128];
	struct rt_date first, last;
	while (fgets(line, sizeof(line), stdin)) {
		if (sscanf(line, "%127s %d-%d-%d %d-%d-%d", tzid, &first.year, &first.month,
			   &first.day, &last.year, &last.month, &last.day) != 7 ||
		    !rt_date_valid(first) || !rt_date_valid(last)) {
			fprintf(stderr, "vtimezones: bad line: %s", line);
			return 2;
		}
		const char *vtz = rt_ical_vtimezone(tzid, first, last);
		if (!vtz) {
			puts("%% none");
			continue;
		}
		fputs(vtz, stdout);
		puts("%%");
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
