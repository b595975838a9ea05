/* A growable byte buffer, always NUL-terminated.  Held by value:
 * rt_buf_init() / rt_buf_finish(), or rt_buf_steal() to take the string.
 * And rt_out, output built in such a buffer and handed on in pieces. */
#ifndef RETRASON_BUF_H
#define RETRASON_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct rt_buf {
	char *data; /* NULL until something is added */
	size_t len;
	size_t cap;
};

void rt_buf_init(struct rt_buf *b);
void rt_buf_finish(struct rt_buf *b);
void rt_buf_reset(struct rt_buf *b); /* len = 0, keeps the memory */
/* Makes room for n more bytes (and the NUL) without changing len. */
void rt_buf_reserve(struct rt_buf *b, size_t n);
void rt_buf_add(struct rt_buf *b, const char *s, size_t n);
void rt_buf_adds(struct rt_buf *b, const char *s);
void rt_buf_addc(struct rt_buf *b, char c);
void rt_buf_addn(struct rt_buf *b, char c, size_t n); /* c, n times */
/* v in decimal, zero-padded to width digits: what printf("%0*lu") does,
 * without printf's cost in loops over 100,000 items. */
void rt_buf_addu(struct rt_buf *b, unsigned long v, int width);
void rt_buf_addf(struct rt_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rt_buf_vaddf(struct rt_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The contents ("" when empty); valid until the next change. */
const char *rt_buf_str(const struct rt_buf *b);
/* Hands over the string (caller frees) and leaves b empty. */
char *rt_buf_steal(struct rt_buf *b);

/* Output written into a buffer and handed on in pieces of about 64 KiB
 * as it grows, so that a 100,000-item document never sits in memory
 * whole.  Writers add to *b with the rt_buf functions and call
 * rt_out_maybe_flush() where a piece may end.  Set up by value, e.g.
 * {.b = &buf, .file = stdout}; b stays the caller's. */
#define RT_OUT_PIECE 65536
typedef void (*rt_out_fn)(void *ctx, const char *s, size_t n);
struct rt_out {
	struct rt_buf *b; /* the text not handed on yet */
	FILE *file;       /* where it goes: a file, */
	rt_out_fn fn;     /* or fn(ctx, text, length); */
	void *ctx;        /* with neither, it all stays in b */
};

/* Hands on what b holds once that is RT_OUT_PIECE bytes or more. */
void rt_out_maybe_flush(struct rt_out *o);
/* The same, but keeps back b's last keep bytes, whose fate is not
 * known yet (plain text's trailing newlines, say). */
void rt_out_maybe_flush_but(struct rt_out *o, size_t keep);
/* Hands on the rest, and flushes the file: 0, or an errno value when
 * the file could not be written (a full disk, a closed pipe), however
 * long ago that happened. */
int rt_out_finish(struct rt_out *o);

#endif
