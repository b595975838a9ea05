#include "retrason/wrap.h"

#include <stdbool.h>

#include "retrason/utf8.h"
#include "retrason/xalloc.h"

struct wrapper {
	struct rt_wrap_line *v;
	size_t n, cap;
};

static void emit(struct wrapper *w, const char *s, size_t from, size_t to)
{
	while (to > from && s[to - 1] == ' ')
		to--;
	XGROW(w->v, w->cap, w->n + 1);
	w->v[w->n].off = from;
	w->v[w->n].len = to - from;
	w->v[w->n].width = rt_utf8_width(s + from, to - from);
	w->n++;
}

/* After a hyphen inside a word ("Kick-Off"), but not inside addresses
 * and URLs, where a break would read as part of the text. */
static bool hyphen_break(const char *s, size_t len, size_t at)
{
	size_t a = at, b = at + 1;
	if (at == 0 || s[at - 1] == ' ' || b >= len || s[b] == ' ' || s[b] == '-')
		return false;
	while (a > 0 && s[a - 1] != ' ')
		a--;
	while (b < len && s[b] != ' ')
		b++;
	/* Keep short fragments together: "DLR-TS", "E-Mail". */
	if (at - a < 2 || b - at - 1 < 3)
		return false;
	for (size_t k = a; k < b; k++)
		if (s[k] == '@' || s[k] == '/' || s[k] == '<')
			return false;
	return true;
}

size_t rt_wrap(const char *s, size_t len, size_t width, struct rt_wrap_line **lines)
{
	struct wrapper w = {NULL, 0, 0};
	size_t i = 0;

	if (width < 1)
		width = 1;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t start = i, col = 0;
		size_t brk = 0; /* a break opportunity: line ends here … */
		size_t brk_next = 0; /* … and the next one starts here */
		bool have_brk = false;
		uint32_t prev = 0;
		bool done = false;

		while (i < len) {
			uint32_t cp;
			size_t n = rt_utf8_next(s + i, len - i, &cp);
			int cw = rt_wcwidth(cp);
			if (cp == ' ') {
				brk = i;
				brk_next = i + 1;
				have_brk = true;
				col += 1;
				i += n;
				prev = cp;
				continue;
			}
			/* Wide characters (CJK) may break on either side. */
			if (cw == 2 && i > start && prev != ' ') {
				brk = brk_next = i;
				have_brk = true;
			}
			if (col + (size_t)cw > width && cw > 0) {
				if (have_brk && brk_next > start) {
					emit(&w, s, start, brk);
					i = brk_next;
				} else if (i > start) {
					emit(&w, s, start, i); /* a word wider than the line */
				} else {
					emit(&w, s, start, i + n); /* one too-wide character */
					i += n;
				}
				done = true;
				break;
			}
			/* A combining mark stays with the character before it. */
			if (cw == 0 && have_brk && brk == i && brk_next == i)
				brk = brk_next = i + n;
			col += (size_t)cw;
			i += n;
			if (cw == 2 || (cp == '-' && hyphen_break(s, len, i - n))) {
				brk = brk_next = i;
				have_brk = true;
			}
			prev = cp;
		}
		if (!done)
			emit(&w, s, start, len);
	}
	*lines = w.v;
	return w.n;
}
