/* How wall-clock times fall in a zone: once, skipped or repeated, and
 * their UTC instants (RFC 5545 3.3.5: a repeated time is its first
 * occurrence, a skipped one read with the offset from before). */
#include <stdlib.h>

#include "check.h"
#include "retrason/zone.h"

int main(void)
{
	/* Times are read with the zone files of $TZDIR's default. */
	static const struct {
		const char *zone;
		struct rt_date date;
		int hh, mm;
		enum rt_local want;
		long long utc; /* seconds since 1970, or -1: not checked */
	} rows[] = {
		/* New York, 9 March 2025: 02:00 EST -> 03:00 EDT. */
		{"America/New_York", {2025, 3, 9}, 1, 59, RT_LOCAL_ONCE, 1741503540},
		{"America/New_York", {2025, 3, 9}, 2, 0, RT_LOCAL_ONCE, 1741503600},
		{"America/New_York", {2025, 3, 9}, 2, 30, RT_LOCAL_SKIPPED, -1},
		{"America/New_York", {2025, 3, 9}, 2, 59, RT_LOCAL_SKIPPED, -1},
		{"America/New_York", {2025, 3, 9}, 3, 0, RT_LOCAL_ONCE, 1741503600},
		/* 3 November 2024: 02:00 EDT -> 01:00 EST; the first is meant. */
		{"America/New_York", {2024, 11, 3}, 0, 59, RT_LOCAL_ONCE, 1730609940},
		{"America/New_York", {2024, 11, 3}, 1, 0, RT_LOCAL_TWICE, 1730610000},
		{"America/New_York", {2024, 11, 3}, 1, 30, RT_LOCAL_TWICE, 1730611800},
		{"America/New_York", {2024, 11, 3}, 2, 0, RT_LOCAL_ONCE, 1730617200},
		/* Lord Howe moves by half an hour. */
		{"Australia/Lord_Howe", {2024, 4, 7}, 1, 45, RT_LOCAL_TWICE, -1},
		{"Australia/Lord_Howe", {2024, 10, 6}, 2, 15, RT_LOCAL_SKIPPED, -1},
		/* No changes at all. */
		{"UTC", {2024, 3, 31}, 2, 30, RT_LOCAL_ONCE, 1711852200},
		{"Asia/Tokyo", {2024, 3, 31}, 2, 30, RT_LOCAL_ONCE, 1711819800},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct rt_local_change c;
		int minutes = rows[i].hh * 60 + rows[i].mm;
		CHECK(rt_zone_known(rows[i].zone));
		CHECK(rt_zone_local(rows[i].zone, rows[i].date, minutes, &c) == rows[i].want);
		if (rows[i].utc >= 0)
			CHECK(rt_zone_utc(rows[i].zone, rows[i].date, minutes) == rows[i].utc);
	}
	/* The change a skipped time falls in: 02:00 EST, to UTC-04:00. */
	struct rt_local_change c;
	rt_zone_local("America/New_York", (struct rt_date){2025, 3, 9}, 150, &c);
	CHECK(c.at == 1741503600 && c.before == -5 * 3600 && c.after == -4 * 3600);
	return check_done();
}
