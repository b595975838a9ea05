/* Private to src/ical/: a zone as the zone database has it, read from
 * its TZif file (RFC 8536: the 64-bit table and the TZ string after it)
 * — the same data Python's zoneinfo and the C library read.  vtimezone.c
 * checks libical's view of a zone against it, and writes a VTIMEZONE
 * from its transitions where libical is wrong. */
#ifndef RETRASON_ICAL_TZIF_H
#define RETRASON_ICAL_TZIF_H

#include <stdbool.h>
#include <stddef.h>

struct rt_tzif;

/* One change of the zone's local time. */
struct rt_tzif_change {
	long long at; /* UTC seconds since 1970 */
	int from, to; /* UTC offsets in seconds, before and after */
	bool dst;     /* whether the time after is daylight time */
	char abbr[16];
};

/* The zone of the TZif file at path, or NULL if it cannot be read or
 * is malformed.  Free with rt_tzif_free(). */
struct rt_tzif *rt_tzif_load(const char *path);
void rt_tzif_free(struct rt_tzif *z);
/* The zone named tzid, from the directory libical reads zones from, or
 * NULL.  The last one asked for is kept (an agenda has one zone, and the
 * VTIMEZONE and every UTC instant need it): owned here, valid until a
 * call for another zone. */
const struct rt_tzif *rt_tzif_zone(const char *tzid);

/* The UTC offset in seconds at the UTC instant t. */
int rt_tzif_offset(const struct rt_tzif *z, long long t);

/* The changes in (lo, hi], in order, into *out (allocated; the caller
 * frees it).  Returns their number. */
size_t rt_tzif_changes(const struct rt_tzif *z, long long lo, long long hi,
		       struct rt_tzif_change **out);

/* The last change at or before t; for a zone that never changed, one at
 * t to the time it always had. */
struct rt_tzif_change rt_tzif_change_before(const struct rt_tzif *z, long long t);

/* The instant of the last change in the file's table (after it the TZ
 * string rules); 0 for a zone without changes. */
long long rt_tzif_table_end(const struct rt_tzif *z);

#endif
