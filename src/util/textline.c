#include "retrason/textline.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "retrason/utf8.h"

bool rt_next_line(const char *buf, size_t len, size_t *pos, unsigned *no,
		  struct rt_line *out)
{
	if (*pos >= len)
		return false;
	const char *nl = memchr(buf + *pos, '\n', len - *pos);
	size_t end = nl ? (size_t)(nl - buf) : len;
	out->s = buf + *pos;
	out->len = end - *pos;
	out->off = *pos;
	out->no = ++*no;
	if (out->len && out->s[out->len - 1] == '\r')
		out->len--;
	*pos = nl ? end + 1 : len;
	return true;
}

size_t rt_find_nul(const char *buf, size_t len)
{
	const char *nul = memchr(buf, '\0', len);
	return nul ? (size_t)(nul - buf) : len;
}

/* Skips printable ASCII (0x20-0x7E), the bulk of any file, eight bytes
 * at a time: checking a 100,000-item agenda is mostly this loop. */
static size_t skip_printable_ascii(const char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t ctl = (w - ones * 0x20) & ~w; /* some byte < 0x20 */
		uint64_t x = w ^ (ones * 0x7F);
		uint64_t del = (x - ones) & ~x; /* some byte == 0x7F */
		if ((w | ctl | del) & high)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)(s[i] - 0x20) < 0x5F)
		i++;
	return i;
}

static void report(struct rt_diags *d, const struct rt_line *ln, size_t at, size_t n,
		   const char *hint, const char *msg)
{
	rt_diag_at(d, RT_ERROR, ln->no, ln->off, ln->off + at, n, hint, "%s", msg);
}

bool rt_line_check(struct rt_diags *d, const struct rt_line *ln, size_t max)
{
	char msg[96];
	if (ln->len > max) {
		snprintf(msg, sizeof(msg), "line is too long (%zu bytes; at most %zu)",
			 ln->len, max);
		report(d, ln, 0, 1,
		       "break long text into several lines; they are joined on display",
		       msg);
		return false;
	}
	for (size_t i = 0; i < ln->len;) {
		i = skip_printable_ascii(ln->s, i, ln->len);
		if (i == ln->len)
			break;
		unsigned char c = (unsigned char)ln->s[i];
		uint32_t cp = c;
		size_t n = 1;
		if (c >= 0x80) {
			n = rt_utf8_decode(ln->s + i, ln->len - i, &cp);
			if (n == 0) {
				snprintf(msg, sizeof(msg), "invalid UTF-8 (byte 0x%02X)", c);
				report(d, ln, i, 1,
				       "save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)",
				       msg);
				return false;
			}
		}
		/* C0 and C1 controls, and the Unicode line separators that
		 * some programs treat as line breaks. */
		if (cp != '\t' && rt_is_control(cp)) {
			snprintf(msg, sizeof(msg), "control character U+%04X in the text",
				 (unsigned)cp);
			report(d, ln, i, n,
			       cp == '\r' ? "a carriage return may only end a line"
					  : "remove it: the file must be plain text",
			       msg);
			return false;
		}
		i += n;
	}
	return true;
}
