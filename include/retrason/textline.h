/* Lines of the text files people write (agendas, distribution lists):
 * splitting them, and refusing what must never reach a calendar or a
 * mail header. */
#ifndef RETRASON_TEXTLINE_H
#define RETRASON_TEXTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/diag.h"

struct rt_line {
	const char *s; /* without the line break (LF or CRLF) */
	size_t len;
	size_t off; /* of s[0] in the whole buffer */
	unsigned no; /* 1-based */
};

/* The next line of buf[0..len) from *pos; false at the end.  *no counts
 * lines and starts at 0. */
bool rt_next_line(const char *buf, size_t len, size_t *pos, unsigned *no,
		  struct rt_line *out);

/* True if the line is fit to read: valid UTF-8, no control character
 * (tab aside; CR only as part of CRLF), at most max bytes.  Otherwise
 * adds an error at the offending character and returns false. */
bool rt_line_check(struct rt_diags *d, const struct rt_line *ln, size_t max);

/* The offset of the first NUL byte in buf, or len.  A NUL means a binary
 * file: reported once by the caller, not line by line. */
size_t rt_find_nul(const char *buf, size_t len);

#endif
