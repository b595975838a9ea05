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

/* The known zone name closest to name (case or a typo), or NULL.
 * Caller frees. */
char *rt_tz_suggest(const char *name);

#endif
