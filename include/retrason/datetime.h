/* Calendar dates and wall-clock times, proleptic Gregorian, no time zone. */
#ifndef RETRASON_DATETIME_H
#define RETRASON_DATETIME_H

#include <stdbool.h>

struct rt_date {
	int year, month, day; /* month 1..12, day 1..31 */
};

/* How a wall-clock time falls in a time zone: once, not at all (clocks
 * jump over it, spring forward) or twice (they go back over it). */
enum rt_local { RT_LOCAL_ONCE, RT_LOCAL_SKIPPED, RT_LOCAL_TWICE };
/* The change of clocks a skipped or repeated time is in: its UTC
 * instant and the UTC offsets before and after, in seconds. */
struct rt_local_change {
	long long at;
	int before, after;
};

bool rt_is_leap_year(int year);
int rt_days_in_month(int year, int month);
bool rt_date_valid(struct rt_date d);
/* 0 = Monday … 6 = Sunday (ISO 8601). */
int rt_date_weekday(struct rt_date d);
/* Days since 1970-01-01 (negative before). */
long rt_date_to_days(struct rt_date d);
struct rt_date rt_date_from_days(long days);
struct rt_date rt_date_add_days(struct rt_date d, long n);
int rt_date_cmp(struct rt_date a, struct rt_date b);

#define RT_MINUTES_PER_DAY 1440

#endif
