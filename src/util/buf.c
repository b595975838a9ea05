#include "retrason/buf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "retrason/xalloc.h"

void rt_buf_init(struct rt_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void rt_buf_finish(struct rt_buf *b)
{
	free(b->data);
	rt_buf_init(b);
}

void rt_buf_reset(struct rt_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void reserve(struct rt_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < extra) /* overflow */
		need = (size_t)-1;
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < need)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
		b->data[b->len] = '\0'; /* a first reservation: "" until added to */
	}
}

void rt_buf_reserve(struct rt_buf *b, size_t n)
{
	reserve(b, n);
}

void rt_buf_add(struct rt_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void rt_buf_adds(struct rt_buf *b, const char *s)
{
	rt_buf_add(b, s, strlen(s));
}

void rt_buf_addc(struct rt_buf *b, char c)
{
	rt_buf_add(b, &c, 1);
}

void rt_buf_addn(struct rt_buf *b, char c, size_t n)
{
	reserve(b, n);
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void rt_buf_addu(struct rt_buf *b, unsigned long v, int width)
{
	char digits[24];
	int n = 0;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < (int)sizeof(digits));
	if (width > n)
		rt_buf_addn(b, '0', (size_t)(width - n));
	reserve(b, (size_t)n);
	while (n)
		b->data[b->len++] = digits[--n];
	b->data[b->len] = '\0';
}

void rt_buf_vaddf(struct rt_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	if (!fmt) /* never; but says so to GCC's sanitizer builds */
		return;
	reserve(b, 64);
	/* Format straight into the free space; only a long result needs
	 * a second pass. */
	va_copy(cp, ap);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->data + b->len, room, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void rt_buf_addf(struct rt_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	rt_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

const char *rt_buf_str(const struct rt_buf *b)
{
	return b->data ? b->data : "";
}

char *rt_buf_steal(struct rt_buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	rt_buf_init(b);
	return s;
}

/* Hands on the first n bytes of b and keeps the rest. */
static void hand_on(struct rt_out *o, size_t n)
{
	struct rt_buf *b = o->b;
	if (!n)
		return;
	/* A write error is not checked here: the FILE keeps it, and
	 * rt_out_finish() reports it. */
	if (o->file)
		fwrite(b->data, 1, n, o->file);
	else
		o->fn(o->ctx, b->data, n);
	memmove(b->data, b->data + n, b->len - n + 1);
	b->len -= n;
}

void rt_out_maybe_flush_but(struct rt_out *o, size_t keep)
{
	if ((o->file || o->fn) && o->b->len >= RT_OUT_PIECE && keep < o->b->len)
		hand_on(o, o->b->len - keep);
}

void rt_out_maybe_flush(struct rt_out *o)
{
	rt_out_maybe_flush_but(o, 0);
}

int rt_out_finish(struct rt_out *o)
{
	if (o->file || o->fn)
		hand_on(o, o->b->len);
	if (!o->file)
		return 0;
	return fflush(o->file) == 0 && !ferror(o->file) ? 0 : (errno ? errno : EIO);
}
