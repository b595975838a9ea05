#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retrason/utf8.h"

void fuzz_fail(const char *what, const char *s, size_t n)
{
	fprintf(stderr, "invariant broken: %s\n--- output (%zu bytes) ---\n", what, n);
	fwrite(s, 1, n > 4096 ? 4096 : n, stderr);
	fputs("\n---\n", stderr);
	abort();
}

bool fuzz_utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rt_utf8_decode(s + i, n - i, &cp);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

bool fuzz_no_controls(const char *s, size_t n, const char *allowed)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 || c == 0x7f) && !(c && strchr(allowed, c)))
			return false;
	}
	return true;
}

/* A small recursive-descent JSON checker: structure, strings (escapes,
 * no raw controls), numbers, literals. */
struct json {
	const char *s;
	size_t n, i;
	int depth;
};

static void ws(struct json *j)
{
	while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
		j->i++;
}

static bool lit(struct json *j, const char *w)
{
	size_t k = strlen(w);
	if (j->n - j->i < k || memcmp(j->s + j->i, w, k))
		return false;
	j->i += k;
	return true;
}

static bool string(struct json *j)
{
	if (j->i >= j->n || j->s[j->i] != '"')
		return false;
	j->i++;
	while (j->i < j->n) {
		unsigned char c = (unsigned char)j->s[j->i++];
		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (j->i >= j->n)
				return false;
			c = (unsigned char)j->s[j->i++];
			if (c == 'u') {
				for (int k = 0; k < 4; k++, j->i++)
					if (j->i >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->i]) ||
					    !j->s[j->i])
						return false;
			} else if (!c || !strchr("\"\\/bfnrt", c)) {
				return false;
			}
		}
	}
	return false;
}

static bool number(struct json *j)
{
	size_t start = j->i;
	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	size_t digits = j->i;
	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	if (j->i == digits || (j->s[digits] == '0' && j->i - digits > 1))
		return false;
	return j->i > start;
}

static bool value(struct json *j)
{
	if (++j->depth > 64)
		return false;
	ws(j);
	bool ok = false;
	if (j->i >= j->n)
		return false;
	char c = j->s[j->i];
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		j->i++;
		ws(j);
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			ok = true;
		} else {
			for (;;) {
				if (c == '{') {
					ws(j);
					if (!string(j))
						break;
					ws(j);
					if (j->i >= j->n || j->s[j->i++] != ':')
						break;
				}
				if (!value(j))
					break;
				ws(j);
				if (j->i < j->n && j->s[j->i] == ',') {
					j->i++;
					continue;
				}
				if (j->i < j->n && j->s[j->i] == close) {
					j->i++;
					ok = true;
				}
				break;
			}
		}
	} else if (c == '"') {
		ok = string(j);
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		ok = number(j);
	} else {
		ok = lit(j, "true") || lit(j, "false") || lit(j, "null");
	}
	j->depth--;
	return ok;
}

bool fuzz_json_valid(const char *s, size_t n)
{
	struct json j = {s, n, 0, 0};
	if (!value(&j))
		return false;
	ws(&j);
	return j.i == n;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes "=?UTF-8?Q?...?=" words; whitespace between two of them goes. */
static char *decode_words(const char *v)
{
	static const char open[] = "=?UTF-8?Q?";
	size_t n = strlen(v), o = 0;
	char *out = malloc(n + 1);
	bool after_word = false;
	if (!out)
		abort();
	for (size_t i = 0; i < n;) {
		if (!strncmp(v + i, open, sizeof(open) - 1)) {
			const char *end = strstr(v + i + sizeof(open) - 1, "?=");
			if (!end)
				fuzz_fail("header: unterminated encoded word", v, n);
			if ((size_t)(end - (v + i)) + 2 > 75)
				fuzz_fail("header: encoded word longer than 75", v, n);
			for (const char *p = v + i + sizeof(open) - 1; p < end; p++) {
				if (*p == '_') {
					out[o++] = ' ';
				} else if (*p == '=') {
					int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);
					if (lo < 0)
						fuzz_fail("header: bad =XX in encoded word", v, n);
					out[o++] = (char)(hi * 16 + lo);
					p += 2;
				} else if (*p == '?' || *p == ' ' || *p == '"') {
					fuzz_fail("header: raw special in encoded word", v, n);
				} else {
					out[o++] = *p;
				}
			}
			i = (size_t)(end - v) + 2;
			after_word = true;
			continue;
		}
		if (after_word && v[i] == ' ') {
			size_t k = i;
			while (v[k] == ' ')
				k++;
			if (!strncmp(v + k, open, sizeof(open) - 1)) {
				i = k;
				continue;
			}
		}
		after_word = false;
		out[o++] = v[i++];
	}
	out[o] = '\0';
	return out;
}

char *fuzz_header_value(const char *h, size_t n, const char *name)
{
	size_t nl = strlen(name);
	if (n < nl + 4 || strncmp(h, name, nl) || h[nl] != ':' || h[nl + 1] != ' ')
		fuzz_fail("header: does not start with its name", h, n);
	if (h[n - 2] != '\r' || h[n - 1] != '\n')
		fuzz_fail("header: does not end in CRLF", h, n);
	size_t col = 0, line = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (c == '\r') {
			if (i + 1 >= n || h[i + 1] != '\n')
				fuzz_fail("header: bare CR", h, n);
			/* Past 78 (RFC 5322's SHOULD) only for what cannot be
			 * folded: an address alone on its line. */
			if (col > 78) {
				const char *p = h + line, *e = h + i;
				if (line == 0)
					p += nl + 2;
				while (p < e && (*p == ' ' || *p == '\t'))
					p++;
				if (*p != '<' || e[-1] != '>' || memchr(p, ' ', (size_t)(e - p)))
					fuzz_fail("header: a line longer than 78", h, n);
			}
			line = i + 2;
			if (i + 2 < n && h[i + 2] != ' ' && h[i + 2] != '\t')
				fuzz_fail("header: a line break that is not a fold", h, n);
			i++;
			col = 0;
			continue;
		}
		if (c == '\n')
			fuzz_fail("header: bare LF", h, n);
		if (c < 0x20 || c > 0x7e)
			fuzz_fail("header: not printable ASCII", h, n);
		if (++col > 998)
			fuzz_fail("header: a line longer than 998", h, n);
	}
	/* Unfold: drop each CRLF, keep the blank after it. */
	char *v = malloc(n);
	size_t o = 0;
	if (!v)
		abort();
	for (size_t i = nl + 2; i < n - 2; i++) {
		if (h[i] == '\r') {
			i++;
			continue;
		}
		v[o++] = h[i];
	}
	v[o] = '\0';
	return v;
}

char *fuzz_decode_words(const char *v)
{
	return decode_words(v);
}

char *fuzz_display_name(const char *value, const char *addr)
{
	size_t n = strlen(value), an = strlen(addr);
	if (n < an + 2 || value[n - an - 2] != '<' || strncmp(value + n - an - 1, addr, an) ||
	    value[n - 1] != '>')
		fuzz_fail("mailbox header: no <addr> at the end", value, n);
	size_t dn = n - an - 2;
	if (dn && value[dn - 1] == ' ')
		dn--;
	char *out = malloc(dn + 1);
	size_t o = 0;
	if (!out)
		abort();
	if (dn && value[0] == '"') {
		if (dn < 2 || value[dn - 1] != '"')
			fuzz_fail("mailbox header: bad quoted string", value, n);
		for (size_t i = 1; i < dn - 1; i++) {
			if (value[i] == '\\')
				i++;
			else if (value[i] == '"')
				fuzz_fail("mailbox header: raw quote in quoted string", value, n);
			out[o++] = value[i];
		}
	} else {
		memcpy(out, value, dn);
		o = dn;
	}
	out[o] = '\0';
	if (dn && value[0] != '"') {
		char *d = decode_words(out);
		free(out);
		return d;
	}
	return out;
}
