#include "retrason/mime.h"

#include <stdbool.h>
#include <string.h>

#include "retrason/utf8.h"

#define LINE_MAX_CHARS 78 /* RFC 5322 2.1.1: SHOULD */
#define WORD_MAX 75       /* RFC 2047 2: an encoded word */

static bool plain_char(unsigned char c)
{
	return c >= 0x20 && c < 0x7F;
}

/* Q-encoding (RFC 2047 4.2) as allowed in a phrase (5.3): letters,
 * digits and !*+-/ stand for themselves, space is "_". */
static size_t q_len(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    strchr("!*+-/ ", c))
		return 1;
	return 3;
}

static void q_put(struct rt_buf *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	if (c == ' ')
		rt_buf_addc(out, '_');
	else if (q_len(c) == 1)
		rt_buf_addc(out, (char)c);
	else {
		char e[3] = {'=', hex[c >> 4], hex[c & 15]};
		rt_buf_add(out, e, 3);
	}
}

/* Appends s as encoded words, folding between them; *col is the column
 * the output has reached on the current line. */
static void encoded_words(struct rt_buf *out, const char *s, size_t len, size_t *col)
{
	static const char open[] = "=?UTF-8?Q?", close[] = "?=";
	const size_t frame = sizeof(open) - 1 + sizeof(close) - 1;
	size_t i = 0;
	while (i < len) {
		/* A word fills the rest of the line (or starts a new one when
		 * little is left), whole characters only. */
		size_t lead = *col + (i > 0);
		bool fold = *col > 1 && lead + frame + 16 > LINE_MAX_CHARS;
		size_t room = fold || lead >= LINE_MAX_CHARS ? WORD_MAX : LINE_MAX_CHARS - lead;
		if (room > WORD_MAX)
			room = WORD_MAX;
		size_t used = frame, end = i;
		while (end < len) {
			size_t n = rt_utf8_seqlen(s + end, len - end), w = 0;
			for (size_t k = 0; k < n; k++)
				w += q_len((unsigned char)s[end + k]);
			if (used + w > room)
				break;
			used += w;
			end += n;
		}
		if (end == i)
			end = i + rt_utf8_seqlen(s + i, len - i); /* cannot happen: 4 × 3 < 75 */
		if (fold) {
			rt_buf_adds(out, "\r\n ");
			*col = 1;
		} else if (i > 0) {
			rt_buf_addc(out, ' ');
			(*col)++;
		}
		rt_buf_adds(out, open);
		for (size_t k = i; k < end; k++)
			q_put(out, (unsigned char)s[k]);
		rt_buf_adds(out, close);
		*col += used;
		i = end;
	}
}

static bool needs_encoding(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!plain_char((unsigned char)s[i]))
			return true;
	/* "=?" would read as the start of an encoded word; a word too long
	 * for a line can only be folded as encoded words. */
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		if (i + 1 < len && s[i] == '=' && s[i + 1] == '?')
			return true;
		/* Plain text folds at single spaces; runs of them would make
		 * lines that cannot be folded without changing the text. */
		if (i + 1 < len && s[i] == ' ' && s[i + 1] == ' ')
			return true;
		run = s[i] == ' ' ? 0 : run + 1;
		if (run > 60)
			return true;
	}
	return false;
}

/* Plain ASCII text, folded at spaces. */
static void folded_text(struct rt_buf *out, const char *s, size_t len, size_t *col)
{
	size_t i = 0;
	while (i < len) {
		size_t sp = i;
		while (sp < len && s[sp] != ' ')
			sp++;
		size_t word = sp - i;
		if (i > 0 && *col + word > LINE_MAX_CHARS) {
			/* Fold before the blank that precedes this word. */
			out->len--;
			rt_buf_adds(out, "\r\n ");
			*col = 1;
		}
		rt_buf_add(out, s + i, word);
		*col += word;
		if (sp < len) {
			/* A full line: the blank starts the next one. */
			if (*col >= LINE_MAX_CHARS) {
				rt_buf_adds(out, "\r\n");
				*col = 0;
			}
			rt_buf_addc(out, ' ');
			(*col)++;
		}
		i = sp + 1;
	}
}

void rt_mime_header_text(struct rt_buf *out, const char *name, const char *value)
{
	size_t len = strlen(value);
	rt_buf_addf(out, "%s: ", name);
	size_t col = strlen(name) + 2;
	if (needs_encoding(value, len))
		encoded_words(out, value, len, &col);
	else
		folded_text(out, value, len, &col);
	rt_buf_adds(out, "\r\n");
}

static bool atext_phrase(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || (c && strchr(" !#$%&'*+-/=?^_`{|}~", c));
		if (!ok)
			return false;
	}
	return len > 0 && s[0] != ' ' && s[len - 1] != ' ';
}

/* Escaped length of the longest space-separated word of a quoted name. */
static size_t longest_quoted_word(const char *s, size_t len)
{
	size_t best = 0, cur = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == ' ') {
			best = cur > best ? cur : best;
			cur = 0;
		} else {
			cur += 1 + (s[i] == '"' || s[i] == '\\');
		}
	}
	return best;
}

/* A quoted string, folded at its spaces: unfolding keeps the space, so
 * the name reads the same (and, unlike encoded words split mid-name,
 * every parser agrees on it). */
static void quoted_name(struct rt_buf *out, const char *s, size_t len, size_t *col)
{
	rt_buf_addc(out, '"');
	(*col)++;
	size_t i = 0;
	while (i <= len) {
		size_t sp = i;
		while (sp < len && s[sp] != ' ')
			sp++;
		size_t w = 0;
		for (size_t k = i; k < sp; k++)
			w += 1 + (s[k] == '"' || s[k] == '\\');
		if (i > 0) {
			/* Room for the blank, the word and, after the last, the '"'. */
			if (*col + 1 + w + (sp == len) > LINE_MAX_CHARS) {
				rt_buf_adds(out, "\r\n");
				*col = 0;
			}
			rt_buf_addc(out, ' ');
			(*col)++;
		}
		for (size_t k = i; k < sp; k++) {
			if (s[k] == '"' || s[k] == '\\')
				rt_buf_addc(out, '\\');
			rt_buf_addc(out, s[k]);
		}
		*col += w;
		if (sp == len)
			break;
		i = sp + 1;
	}
	rt_buf_addc(out, '"');
	(*col)++;
}

void rt_mime_header_mailbox(struct rt_buf *out, const char *name, const char *display,
			    const char *addr)
{
	size_t col = strlen(name) + 2;
	rt_buf_addf(out, "%s: ", name);
	if (display && *display) {
		size_t len = strlen(display);
		/* Plain ASCII goes as atoms when it fits, else as a quoted
		 * string folded at spaces; anything else, or a word too long
		 * to fold around, as encoded words. */
		if (needs_encoding(display, len) || longest_quoted_word(display, len) > 60) {
			encoded_words(out, display, len, &col);
		} else if (atext_phrase(display, len) && col + len <= LINE_MAX_CHARS) {
			rt_buf_adds(out, display);
			col += len;
		} else {
			quoted_name(out, display, len, &col);
		}
		if (col + strlen(addr) + 3 > LINE_MAX_CHARS)
			rt_buf_adds(out, "\r\n");
		rt_buf_addc(out, ' ');
	}
	rt_buf_addf(out, "<%s>\r\n", addr);
}

void rt_mime_qp(struct rt_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	/* Worst case: every byte as =XX, and a soft break "=\r\n" after
	 * every 24 bytes (a line holds at least 73 characters). */
	rt_buf_reserve(out, len * 3 + (len / 24 + 2) * 3 + 2);
	char *o = out->data + out->len;
	size_t col = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || (c == '\r' && i + 1 < len && s[i + 1] == '\n')) {
			if (c == '\r')
				i++;
			*o++ = '\r';
			*o++ = '\n';
			col = 0;
			continue;
		}
		bool at_end = i + 1 == len || s[i + 1] == '\n' || s[i + 1] == '\r';
		/* Literal: printable ASCII but '=', not a blank before a line
		 * end, and not a line-leading "." or "F" (SMTP's dot, mbox's
		 * "From ") so no relay or mailbox can change the text. */
		bool literal = (c >= 0x21 && c <= 0x7E && c != '=') ||
			       ((c == ' ' || c == '\t') && !at_end);
		if (col == 0 && (c == '.' || c == 'F'))
			literal = false;
		size_t w = literal ? 1 : 3;
		if (col + w > 75) {
			*o++ = '=';
			*o++ = '\r';
			*o++ = '\n';
			col = 0;
			if (c == '.' || c == 'F') {
				literal = false;
				w = 3;
			}
		}
		if (literal) {
			*o++ = (char)c;
		} else {
			*o++ = '=';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
		col += w;
	}
	if (col) {
		*o++ = '\r';
		*o++ = '\n';
	}
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
}

void rt_mime_base64(struct rt_buf *out, const char *s, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	size_t col = 0;
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)u[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)u[i + 1] << 8;
		if (i + 2 < len)
			v |= u[i + 2];
		char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63],
			     i + 1 < len ? b64[v >> 6 & 63] : '=', i + 2 < len ? b64[v & 63] : '='};
		rt_buf_add(out, q, 4);
		col += 4;
		if (col == 76) {
			rt_buf_adds(out, "\r\n");
			col = 0;
		}
	}
	if (col)
		rt_buf_adds(out, "\r\n");
}

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

void rt_mime_base64_decode(struct rt_buf *out, const char *s, size_t len)
{
	unsigned long acc = 0;
	int bits = 0;
	rt_buf_reserve(out, len / 4 * 3 + 3);
	for (size_t i = 0; i < len && s[i] != '='; i++) {
		int v = b64_value((unsigned char)s[i]);
		if (v < 0)
			continue;
		acc = (acc << 6 | (unsigned long)v) & 0xFFFFFF;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			rt_buf_addc(out, (char)(acc >> bits & 0xFF));
		}
	}
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

void rt_mime_qp_decode(struct rt_buf *out, const char *s, size_t len)
{
	rt_buf_reserve(out, len);
	for (size_t i = 0; i < len;) {
		/* A line: its text up to the blanks before its end. */
		size_t eol = i;
		while (eol < len && s[eol] != '\n')
			eol++;
		bool crlf = eol < len && eol > i && s[eol - 1] == '\r';
		size_t end = crlf ? eol - 1 : eol;
		while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		bool soft = false;
		for (size_t k = i; k < end; k++) {
			int hi, lo;
			if (s[k] != '=') {
				rt_buf_addc(out, s[k]);
			} else if (k + 1 == end) {
				soft = true;
			} else if (k + 2 < end && (hi = hex_value((unsigned char)s[k + 1])) >= 0 &&
				   (lo = hex_value((unsigned char)s[k + 2])) >= 0) {
				rt_buf_addc(out, (char)(hi << 4 | lo));
				k += 2;
			} else {
				rt_buf_addc(out, '=');
			}
		}
		if (eol < len && !soft)
			rt_buf_adds(out, crlf ? "\r\n" : "\n");
		i = eol < len ? eol + 1 : len;
	}
}
