/* Private to src/ical/: the VTIMEZONE a calendar carries. */
#ifndef RETRASON_ICAL_VTIMEZONE_H
#define RETRASON_ICAL_VTIMEZONE_H

#include "retrason/datetime.h"

/* The VTIMEZONE for the zone tzid with the rules in force from the date
 * from on, as folded text ending in CRLF; NULL for UTC, which needs
 * none, or a zone libical does not know.  Valid until the next call. */
const char *rt_ical_vtimezone(const char *tzid, struct rt_date from);

#endif
