/* The one place that formats diagnostics about user input. */
#include "retrason/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

/* Source lines longer than this (in columns) are shown as a window
 * around the caret, so a 10 MB line does not flood the terminal. */
#define WINDOW 160
#define TABSTOP 8

void rt_diags_init(struct rt_diags *d, const char *path, const char *src,
		   size_t src_len)
{
	memset(d, 0, sizeof(*d));
	d->path = path;
	d->src = src;
	d->src_len = src_len;
}

void rt_diags_finish(struct rt_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].message);
		free(d->v[i].hint);
		free(d->v[i].note);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* Messages and hints quote the user's text, cut to a length: whatever
 * that cut or the text holds, what is printed is valid UTF-8 without
 * controls (each bad byte or control becomes U+FFFD). */
static char *clean(const char *s)
{
	struct rt_buf b;
	size_t n = strlen(s);
	rt_buf_init(&b);
	rt_buf_reserve(&b, n);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += rt_utf8_next(s + i, n - i, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			cp = 0xFFFD;
		rt_utf8_add(&b, cp);
	}
	return rt_buf_steal(&b);
}

/* A message as printf would write it, cleaned as above. */
static char *vformat(const char *fmt, va_list ap)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_vaddf(&b, fmt, ap);
	char *out = clean(rt_buf_str(&b));
	rt_buf_finish(&b);
	return out;
}

void rt_diag_at(struct rt_diags *d, enum rt_severity sev, unsigned line,
		size_t line_start, size_t offset, size_t length,
		const char *hint, const char *fmt, ...)
{
	d->last_kept = false;
	if (sev == RT_ERROR) {
		if (++d->errors > RT_DIAG_MAX_ERRORS)
			return;
	} else {
		/* Warnings share the cap so a pathological file stays bounded. */
		if (++d->warnings > RT_DIAG_MAX_ERRORS)
			return;
	}
	d->last_kept = true;
	XGROW(d->v, d->cap, d->n + 1);
	struct rt_diag *r = &d->v[d->n++];
	va_list ap;
	memset(r, 0, sizeof(*r));
	r->severity = sev;
	r->line = line;
	r->line_start = line_start;
	r->offset = offset < line_start ? line_start : offset;
	r->length = length ? length : 1;
	va_start(ap, fmt);
	r->message = vformat(fmt, ap);
	va_end(ap);
	r->hint = hint ? clean(hint) : NULL;
}

void rt_diag_note(struct rt_diags *d, unsigned line, size_t line_start, size_t offset,
		  size_t length, const char *fmt, ...)
{
	if (!d->last_kept || !line)
		return;
	struct rt_diag *r = &d->v[d->n - 1];
	va_list ap;
	free(r->note);
	va_start(ap, fmt);
	r->note = vformat(fmt, ap);
	va_end(ap);
	r->note_line = line;
	r->note_line_start = line_start;
	r->note_offset = offset < line_start ? line_start : offset;
	r->note_length = length ? length : 1;
}

struct style {
	const char *bold, *err, *warn, *note, *caret, *off;
};

/* Where the source line that starts at start ends, before its LF or
 * CR LF: a file with CRLF line ends shows no stray CR. */
static size_t line_end(const struct rt_diags *d, size_t start)
{
	const char *nl = memchr(d->src + start, '\n', d->src_len - start);
	size_t end = nl ? (size_t)(nl - d->src) : d->src_len;
	if (end > start && d->src[end - 1] == '\r')
		end--;
	return end;
}

/* Appends one character of the source as it is shown: tabs expanded,
 * invalid bytes and controls as U+FFFD, so the line can't garble the
 * terminal.  Returns the bytes consumed and sets *w to the columns. */
static size_t show_char(const char *s, size_t len, size_t col, struct rt_buf *out,
			size_t *w)
{
	uint32_t cp;
	size_t n = rt_utf8_decode(s, len, &cp);
	if (n == 0) {
		if (out)
			rt_buf_adds(out, "\xEF\xBF\xBD");
		*w = 1;
		return 1;
	}
	if (cp == '\t') {
		*w = TABSTOP - col % TABSTOP;
		if (out)
			rt_buf_addn(out, ' ', *w);
	} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		if (out)
			rt_buf_adds(out, "\xEF\xBF\xBD");
		*w = 1;
	} else {
		if (out)
			rt_buf_add(out, s, n);
		*w = (size_t)rt_wcwidth(cp);
	}
	return n;
}

/* One place in the source: the line it is on, and a caret under it. */
struct place {
	unsigned line;
	size_t line_start, offset, length;
};

static void print_source(const struct rt_diags *d, const struct place *r, FILE *f,
			 const struct style *st)
{
	size_t start = r->line_start, end = line_end(d, start);
	size_t off = r->offset > end ? end : r->offset;
	size_t stop = off + r->length > end ? end : off + r->length;
	size_t caret_col = 0, caret_w = 0, total = 0, col = 0, w;

	/* First pass: columns of the caret and of the whole line. */
	for (size_t i = start; i < end;) {
		if (i == off)
			caret_col = col;
		i += show_char(d->src + i, end - i, col, NULL, &w);
		col += w;
		if (i > off && i <= stop)
			caret_w = col - caret_col;
	}
	if (off >= end)
		caret_col = col;
	total = col;
	if (caret_w == 0)
		caret_w = 1;

	size_t from = 0, to = total;
	if (total > WINDOW) {
		from = caret_col > WINDOW / 3 ? caret_col - WINDOW / 3 : 0;
		to = from + WINDOW;
		if (to > total)
			to = total;
	}

	struct rt_buf text, mark;
	rt_buf_init(&text);
	rt_buf_init(&mark);
	if (from > 0)
		rt_buf_adds(&text, "…");
	col = 0;
	for (size_t i = start; i < end && col < to;) {
		size_t before = text.len;
		size_t n = show_char(d->src + i, end - i, col, &text, &w);
		if (col < from || col + w > to)
			text.len = before; /* outside the window: drop it again */
		i += n;
		col += w;
	}
	if (to < total)
		rt_buf_adds(&text, "…");
	rt_buf_addn(&mark, ' ', caret_col - from + (from > 0));
	rt_buf_addc(&mark, '^');
	size_t tildes = caret_w - 1;
	if (caret_col + caret_w > to)
		tildes = to > caret_col + 1 ? to - caret_col - 1 : 0;
	rt_buf_addn(&mark, '~', tildes);

	char num[24];
	int nw = snprintf(num, sizeof(num), "%u", r->line);
	fprintf(f, " %*s | %s\n", nw < 4 ? 4 : nw, num, rt_buf_str(&text));
	fprintf(f, " %*s | %s%s%s\n", nw < 4 ? 4 : nw, "", st->caret,
		rt_buf_str(&mark), st->off);
	rt_buf_finish(&text);
	rt_buf_finish(&mark);
}

static size_t column(const struct rt_diags *d, const struct place *at)
{
	return rt_utf8_chars(d->src + at->line_start, at->offset - at->line_start) + 1;
}

/* Source order, file-wide records last; stable, so records about one
 * place keep the order they were found in. */
static int by_position(const void *pa, const void *pb)
{
	const struct rt_diag *a = *(const struct rt_diag *const *)pa;
	const struct rt_diag *b = *(const struct rt_diag *const *)pb;
	unsigned la = a->line ? a->line : UINT32_MAX, lb = b->line ? b->line : UINT32_MAX;
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->line && a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return a < b ? -1 : a > b; /* pointers into one array: found-order */
}

void rt_diags_print(const struct rt_diags *d, FILE *f, bool color)
{
	static const struct style plain = {"", "", "", "", "", ""};
	static const struct style ansi = {"\033[1m",    "\033[1;31m", "\033[1;35m",
					  "\033[1;36m", "\033[1;32m", "\033[0m"};
	const struct style *st = color ? &ansi : &plain;
	const struct rt_diag **order = xcalloc(d->n + 1, sizeof(*order));

	for (size_t i = 0; i < d->n; i++)
		order[i] = &d->v[i];
	qsort(order, d->n, sizeof(*order), by_position);
	for (size_t i = 0; i < d->n; i++) {
		const struct rt_diag *r = order[i];
		bool err = r->severity == RT_ERROR;
		const char *label = err ? "error" : "warning";
		if (r->line) {
			struct place at = {r->line, r->line_start, r->offset, r->length};
			fprintf(f, "%s%s:%u:%zu:%s %s%s:%s %s\n", st->bold, d->path,
				r->line, column(d, &at), st->off, err ? st->err : st->warn,
				label, st->off, r->message);
			print_source(d, &at, f, st);
			if (r->note) {
				struct place other = {r->note_line, r->note_line_start,
						      r->note_offset, r->note_length};
				fprintf(f, "%s%s:%u:%zu:%s %snote:%s %s\n", st->bold, d->path,
					other.line, column(d, &other), st->off, st->note,
					st->off, r->note);
				print_source(d, &other, f, st);
			}
		} else {
			fprintf(f, "%s%s:%s %s%s:%s %s\n", st->bold, d->path, st->off,
				err ? st->err : st->warn, label, st->off, r->message);
		}
		if (r->hint)
			fprintf(f, "%snote:%s %s\n", st->note, st->off, r->hint);
	}
	free(order);
	if (d->errors > RT_DIAG_MAX_ERRORS)
		fprintf(f, "%s%s:%s %snote:%s %zu more errors not shown\n", st->bold,
			d->path, st->off, st->note, st->off,
			d->errors - RT_DIAG_MAX_ERRORS);
}
