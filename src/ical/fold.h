/* Private to src/ical/: line folding of iCalendar text. */
#ifndef RETRASON_ICAL_FOLD_H
#define RETRASON_ICAL_FOLD_H

#include <stddef.h>

#include "retrason/buf.h"

/* Appends in[0..len), iCalendar text in any folding, to out unfolded and
 * folded again per RFC 5545 3.1: every line ends in CRLF and holds at
 * most 75 octets, breaks fall between UTF-8 characters, continuation
 * lines start with one space.  We refold libical's output rather than
 * trust it: its folding has changed between versions. */
void rt_ical_refold(const char *in, size_t len, struct rt_buf *out);

/* Writing one TEXT property by hand, in pieces: for the event's
 * DESCRIPTION, which holds the whole programme and may run to megabytes,
 * so it is escaped and folded as it is produced rather than built whole
 * and copied by libical. */
struct rt_ical_text {
	struct rt_buf *out;
	size_t col;
};

/* Starts "NAME;PARAMS:" (name as given, parameters included). */
void rt_ical_text_begin(struct rt_ical_text *w, struct rt_buf *out, const char *name);
/* Appends text, escaping \ ; , and newline (RFC 5545 3.3.11), folding. */
void rt_ical_text_add(struct rt_ical_text *w, const char *s, size_t len);
/* Appends without escaping (property name, parameters). */
void rt_ical_text_raw(struct rt_ical_text *w, const char *s, size_t len);
/* Ends the property line. */
void rt_ical_text_end(struct rt_ical_text *w);

#endif
