/* Private to src/ical/: the VTIMEZONE a calendar carries. */
#ifndef RETRASON_ICAL_VTIMEZONE_H
#define RETRASON_ICAL_VTIMEZONE_H

#include "retrason/datetime.h"

/* The VTIMEZONE for the zone tzid that gives the zone database's
 * offsets at every instant of an event from the day from to the day to
 * (a day either side too), with the rules in force from there on, as
 * folded text ending in CRLF; NULL for UTC, which needs none, or a zone
 * libical does not know.  Valid until the next call. */
const char *rt_ical_vtimezone(const char *tzid, struct rt_date from, struct rt_date to);

#endif
