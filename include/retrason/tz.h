/* IANA time zone names, checked against the system's zone database
 * ($TZDIR, else /usr/share/zoneinfo) without loading libical. */
#ifndef RETRASON_TZ_H
#define RETRASON_TZ_H

#include <stdbool.h>

enum rt_tz_result {
	RT_TZ_OK,
	RT_TZ_UNKNOWN,       /* no such zone */
	RT_TZ_UNVERIFIABLE,  /* there is no zone database to look in */
};

enum rt_tz_result rt_tz_lookup(const char *name);

/* The system's zone name (TZ, /etc/timezone, /etc/localtime), or "UTC".
 * Caller frees. */
char *rt_tz_system(void);

/* $TZ when it is set but names no zone of the database: a POSIX rule
 * ("EST5EDT,M3.2.0,M11.1.0") or a file outside it.  Calendars know
 * zones by name only, so such a TZ can't be written into one, and
 * rt_tz_system() passes over it.  NULL when TZ is unset, a zone, or
 * there is no database to tell. */
const char *rt_tz_env_rule(void);

/* The known zone name closest to name (case or a typo), or NULL.
 * Caller frees. */
char *rt_tz_suggest(const char *name);

#endif
