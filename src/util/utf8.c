#include "retrason/utf8.h"

#include <stdbool.h>

#include "retrason/buf.h"

struct rt_wc_range {
	uint32_t first, last;
};

#include "wcwidth_table.h"

size_t rt_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

static int in_table(uint32_t cp, const struct rt_wc_range *t, size_t n)
{
	size_t lo = 0, hi = n;
	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int rt_wcwidth(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (in_table(cp, rt_wc_zero, COUNT(rt_wc_zero)))
		return 0;
	if (in_table(cp, rt_wc_wide, COUNT(rt_wc_wide)))
		return 2;
	return 1;
}

size_t rt_utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += rt_utf8_next(s + i, len - i, &cp);
		w += (size_t)rt_wcwidth(cp); /* U+FFFD: one column */
	}
	return w;
}

size_t rt_utf8_chars(const char *s, size_t len)
{
	size_t c = 0, i = 0;
	while (i < len) {
		i += rt_utf8_seqlen(s + i, len - i);
		c++;
	}
	return c;
}

size_t rt_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t rt_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	size_t n = rt_utf8_decode(s, len, cp);
	if (n)
		return n;
	*cp = 0xFFFD;
	return 1;
}

size_t rt_utf8_seqlen(const char *s, size_t len)
{
	uint32_t cp;
	if ((unsigned char)s[0] < 0x80)
		return 1; /* most text: no need to decode */
	size_t n = rt_utf8_decode(s, len, &cp);
	return n ? n : 1;
}

void rt_utf8_add(struct rt_buf *out, uint32_t cp)
{
	char e[4];
	rt_buf_add(out, e, rt_utf8_encode(cp, e));
}

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 ||
	       cp == 0x2029;
}

static bool is_dropped_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t rt_utf8_clean(struct rt_buf *out, const char *s, size_t n, size_t max)
{
	size_t start = out->len;
	bool blank = false; /* a blank is owed before the next character */
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rt_utf8_decode(s + i, n - i, &cp);
		if (!k)
			cp = 0xFFFD;
		i += k ? k : 1;
		if (is_blank_cp(cp)) {
			blank = out->len > start;
			continue;
		}
		if (is_dropped_cp(cp))
			continue;
		char e[4];
		size_t m = rt_utf8_encode(cp, e);
		if (out->len - start + blank + m > max)
			break;
		if (blank)
			rt_buf_addc(out, ' ');
		rt_buf_add(out, e, m);
		blank = false;
	}
	return out->len - start;
}
