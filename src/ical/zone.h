/* Private to src/ical/: time zones. */
#ifndef RETRASON_ICAL_ZONE_H
#define RETRASON_ICAL_ZONE_H

#include <libical/ical.h>
#include <stdbool.h>

#include "retrason/datetime.h"

/* libical's zone for an IANA name, or NULL.  Owned by libical. */
icaltimezone *rt_zone_lookup(const char *tzid);

/* A VTIMEZONE for zone named tzid, holding the rules in force from the
 * date from on; NULL for UTC, which needs none.  Caller frees. */
icalcomponent *rt_zone_vtimezone(icaltimezone *zone, const char *tzid,
				 struct rt_date from);

#endif
