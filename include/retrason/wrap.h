/* Breaking UTF-8 text into lines of a display width. */
#ifndef RETRASON_WRAP_H
#define RETRASON_WRAP_H

#include <stddef.h>

struct rt_wrap_line {
	size_t off, len; /* bytes of the input */
	size_t width;    /* display columns */
};

/* Greedy wrap of s[0..len) into lines of at most width columns (at least
 * 1).  Breaks at spaces, after a hyphen inside a word, and around East
 * Asian wide characters; a word wider than a line is broken where it must
 * be, never inside a character or before a combining mark.  Spaces at a
 * break are dropped.  Returns the number of lines; *lines (caller frees)
 * holds them.  Empty input gives 0 lines. */
size_t rt_wrap(const char *s, size_t len, size_t width, struct rt_wrap_line **lines);

#endif
