#include "fold.h"

#include <string.h>

#include "retrason/utf8.h"

#define MAX_OCTETS 75

void rt_ical_fold_init(struct rt_ical_fold *f, struct rt_buf *out)
{
	*f = (struct rt_ical_fold){.out = out};
}

/* How many octets from s on are whole characters that need nothing
 * done (no line break, no escape), at most room of them. */
static size_t run(const char *s, size_t len, size_t room)
{
	size_t r = 0;
	if (room > len)
		room = len;
	while (r < room) {
		unsigned char c = (unsigned char)s[r];
		if (c >= 0x20 && c < 0x7F && c != '\\') {
			r++;
			continue;
		}
		size_t n = rt_utf8_lead_len(c);
		if (n == 1 || n > room - r)
			break;
		for (size_t k = 1; k < n; k++)
			if (((unsigned char)s[r + k] & 0xC0) != 0x80)
				return r;
		r += n;
	}
	return r;
}

void rt_ical_fold_add(struct rt_ical_fold *f, const char *s, size_t len)
{
	/* Room enough: a bare LF becomes CRLF, a fold adds three octets
	 * to a line of at least 71, a pending break two. */
	rt_buf_reserve(f->out, 2 * len + 8);
	char *o = f->out->data + f->out->len;
	size_t col = f->col;
	for (size_t i = 0; i < len; i++) {
		/* Most text is a run of whole characters that fits on the
		 * line: copy it at once (this loop is a good part of the
		 * time of a large calendar). */
		if (!f->brk && !f->cont) {
			size_t r = run(s + i, len - i, MAX_OCTETS - col);
			if (r) {
				memcpy(o, s + i, r);
				o += r;
				col += r;
				i += r - 1;
				f->cr = f->esc = false;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			f->cr = true; /* a CR before it, without its LF, is dropped */
			continue;
		}
		f->cr = false;
		if (c == '\n') {
			if (f->brk) {
				*o++ = '\r';
				*o++ = '\n';
				col = 0;
			}
			f->brk = true;
			f->esc = false;
			f->cont = 0;
			continue;
		}
		if (f->brk) {
			f->brk = false;
			if (c == ' ' || c == '\t')
				continue; /* a fold: the line goes on */
			*o++ = '\r';
			*o++ = '\n';
			col = 0;
		}
		if (f->cont && (c & 0xC0) == 0x80) {
			f->cont--; /* counted with its lead byte */
			*o++ = (char)c;
			continue;
		}
		unsigned n = rt_utf8_lead_len(c);
		f->cont = n - 1;
		/* An escape pair stays on one line. */
		bool pair = c == '\\' && !f->esc;
		f->esc = pair;
		if (col + (pair ? 2 : n) > MAX_OCTETS) {
			*o++ = '\r';
			*o++ = '\n';
			*o++ = ' ';
			col = 1;
		}
		*o++ = (char)c;
		col += n;
	}
	f->col = col;
	f->out->len = (size_t)(o - f->out->data);
	f->out->data[f->out->len] = '\0';
}

void rt_ical_fold_join(struct rt_ical_fold *f)
{
	f->brk = false;
}

void rt_ical_fold_finish(struct rt_ical_fold *f)
{
	if (f->brk || f->col)
		rt_buf_add(f->out, "\r\n", 2);
	f->brk = false;
	f->col = 0;
}
