/* UTF-8 decoding and terminal display width, independent of the locale. */
#ifndef RETRASON_UTF8_H
#define RETRASON_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s (len > 0).  Returns the bytes it took
 * (1..4), or 0 when s does not start with a valid UTF-8 sequence
 * (overlong forms, surrogates and values past U+10FFFF are invalid). */
size_t rt_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The next character of s (len > 0), for text going out: returns its
 * length, at least 1, and sets *cp; an invalid sequence counts one byte
 * and reads as U+FFFD, so output made from *cp is valid UTF-8. */
size_t rt_utf8_next(const char *s, size_t len, uint32_t *cp);
/* The same length without the code point: the bytes of the character
 * at s (len > 0), 1 for an invalid one.  Text cut where these end is
 * cut between characters, and a cut never swallows a CR or LF. */
size_t rt_utf8_seqlen(const char *s, size_t len);
/* The bytes a character with lead byte c claims, unchecked: for text
 * known to be valid, read in pieces that may end inside a character
 * (1 for ASCII and for a stray continuation byte). */
static inline unsigned rt_utf8_lead_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}
/* Appends cp's UTF-8 encoding to out. */
struct rt_buf;
void rt_utf8_add(struct rt_buf *out, uint32_t cp);
/* Columns a code point takes in a terminal: 0 (combining marks, format
 * characters, controls), 1, or 2 (East Asian wide, emoji). */
int rt_wcwidth(uint32_t cp);

/* Appends s[0..n), text from outside (a mail, a server), as one line
 * that is safe to print or to record: valid UTF-8 (an invalid byte
 * becomes U+FFFD); tabs, line breaks (also U+0085, U+2028, U+2029) and
 * spaces, each run of them one space; other controls (C0, DEL, C1) and
 * the bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069, which reorder a terminal's line)
 * dropped; no blank at either end; at most max bytes, cut between
 * characters.  Returns the bytes appended. */
size_t rt_utf8_clean(struct rt_buf *out, const char *s, size_t n, size_t max);

/* Display width of a string; an invalid byte counts as one column. */
size_t rt_utf8_width(const char *s, size_t len);

/* Number of code points (an invalid byte counts as one): the column
 * numbers in diagnostics count these. */
size_t rt_utf8_chars(const char *s, size_t len);

/* Whether cp is refused in any text retrason reads (rt_line_check()):
 * a C0 or C1 control, DEL, or a Unicode line or paragraph separator,
 * which some programs take for line breaks. */
static inline int rt_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

/* Appends the UTF-8 encoding of cp to out (at least 4 bytes); returns
 * the number of bytes written. */
size_t rt_utf8_encode(uint32_t cp, char *out);

#endif
