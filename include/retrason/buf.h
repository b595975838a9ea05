/* A growable byte buffer, always NUL-terminated.  Held by value:
 * rt_buf_init() / rt_buf_finish(), or rt_buf_steal() to take the string. */
#ifndef RETRASON_BUF_H
#define RETRASON_BUF_H

#include <stdarg.h>
#include <stddef.h>

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

#endif
