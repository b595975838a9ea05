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

#endif
