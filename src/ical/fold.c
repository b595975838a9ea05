#include "fold.h"

#define MAX_OCTETS 75

/* Octets in the UTF-8 character that starts with byte c. */
static size_t char_len(unsigned char c)
{
	if (c < 0xC0)
		return 1; /* ASCII, or a stray continuation byte: move on */
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	return 4;
}

void rt_ical_refold(const char *in, size_t len, struct rt_buf *out)
{
	size_t col = 0, i = 0;
	while (i < len) {
		/* A line break: a fold (break + blank) disappears, a real
		 * one ends the line.  Accept bare LF as well as CRLF. */
		size_t brk = 0;
		if (in[i] == '\r' && i + 1 < len && in[i + 1] == '\n')
			brk = 2;
		else if (in[i] == '\n')
			brk = 1;
		if (brk) {
			if (i + brk < len && (in[i + brk] == ' ' || in[i + brk] == '\t')) {
				i += brk + 1;
				continue;
			}
			rt_buf_add(out, "\r\n", 2);
			col = 0;
			i += brk;
			continue;
		}
		size_t n = char_len((unsigned char)in[i]);
		if (n > len - i)
			n = len - i;
		if (col + n > MAX_OCTETS) {
			rt_buf_add(out, "\r\n ", 3);
			col = 1;
		}
		rt_buf_add(out, in + i, n);
		col += n;
		i += n;
	}
	if (col)
		rt_buf_add(out, "\r\n", 2);
}
