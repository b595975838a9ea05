#include "fold.h"

#include <string.h>

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
	/* Worst case: every 74 octets gain three. */
	rt_buf_reserve(out, len + len / 24 + 8);
	char *o = out->data + out->len;
	size_t col = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)in[i];
		/* A line break: a fold (break + blank) disappears, a real
		 * one ends the line.  Accept bare LF as well as CRLF. */
		if (c == '\r' || c == '\n') {
			size_t brk = c == '\n' ? 1 : (i + 1 < len && in[i + 1] == '\n') ? 2 : 0;
			if (brk) {
				if (i + brk < len && (in[i + brk] == ' ' || in[i + brk] == '\t')) {
					i += brk + 1;
					continue;
				}
				*o++ = '\r';
				*o++ = '\n';
				col = 0;
				i += brk;
				continue;
			}
			/* A CR without its LF: libical, folding a line that
			 * fills the width exactly, can put its fold between the
			 * CR and LF of the line's end ("\r\r\n \n").  Text
			 * values never hold a CR, so drop it. */
			i++;
			continue;
		}
		size_t n = char_len(c);
		if (n > len - i)
			n = len - i;
		if (col + n > MAX_OCTETS) {
			*o++ = '\r';
			*o++ = '\n';
			*o++ = ' ';
			col = 1;
		}
		for (size_t k = 0; k < n; k++)
			*o++ = in[i + k];
		col += n;
		i += n;
	}
	if (col) {
		*o++ = '\r';
		*o++ = '\n';
	}
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
}

void rt_ical_text_begin(struct rt_ical_text *w, struct rt_buf *out, const char *name)
{
	w->out = out;
	w->col = 0;
	rt_ical_text_raw(w, name, strlen(name));
	rt_ical_text_raw(w, ":", 1);
}

/* Appends s, folding, without escaping: whole runs at a time, cut only
 * where a line is full, and then before a UTF-8 lead byte. */
void rt_ical_text_raw(struct rt_ical_text *w, const char *s, size_t len)
{
	while (len) {
		size_t room = MAX_OCTETS - w->col;
		size_t n = len < room ? len : room;
		if (n < len)
			while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
				n--; /* don't split a character */
		rt_buf_add(w->out, s, n);
		w->col += n;
		s += n;
		len -= n;
		if (len) {
			rt_buf_add(w->out, "\r\n ", 3);
			w->col = 1;
		}
	}
}

void rt_ical_text_add(struct rt_ical_text *w, const char *s, size_t len)
{
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		const char *esc = NULL;
		switch (s[i]) {
		case '\\': esc = "\\\\"; break;
		case ';': esc = "\\;"; break;
		case ',': esc = "\\,"; break;
		case '\n': esc = "\\n"; break;
		default: continue;
		}
		rt_ical_text_raw(w, s + from, i - from);
		/* An escape pair is never split by a fold. */
		if (w->col + 2 > MAX_OCTETS) {
			rt_buf_add(w->out, "\r\n ", 3);
			w->col = 1;
		}
		rt_buf_add(w->out, esc, 2);
		w->col += 2;
		from = i + 1;
	}
	rt_ical_text_raw(w, s + from, len - from);
}

void rt_ical_text_end(struct rt_ical_text *w)
{
	rt_buf_add(w->out, "\r\n", 2);
	w->col = 0;
}
