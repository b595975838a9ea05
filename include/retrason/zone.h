/* Time zones: wall-clock times in an IANA zone as UTC instants, from
 * the system's zone database (the one `agenda check` looks names up
 * in, include/retrason/tz.h): its TZif file as the VTIMEZONE is
 * checked against, else libical's reading of it.  libical stays
 * behind this interface. */
#ifndef RETRASON_ZONE_H
#define RETRASON_ZONE_H

#include <stdbool.h>

#include "retrason/datetime.h"

/* Whether libical knows the zone (it reads the same zone database as
 * the agenda check, so this fails only on odd systems). */
bool rt_zone_known(const char *tzid);

/* The UTC instant, in seconds since 1970, of a wall-clock time in the
 * zone tzid: minutes after the midnight of date (a day or more past it
 * moves to later dates).  A time skipped by a DST change counts as if
 * the clocks had not changed yet; one that happens twice is the first.
 * tzid must be known (rt_zone_known). */
long long rt_zone_utc(const char *tzid, struct rt_date date, int minutes);

/* The other way: the wall clock in tzid (known) at the UTC instant utc,
 * as a date and minutes after its midnight (seconds dropped). */
void rt_zone_wall(const char *tzid, long long utc, struct rt_date *date, int *minutes);

/* How minutes after the midnight of date fall in the zone tzid (known):
 * once, skipped or twice; for the last two, *change is the change of
 * clocks they fall in. */
enum rt_local rt_zone_local(const char *tzid, struct rt_date date, int minutes,
			    struct rt_local_change *change);

#endif
