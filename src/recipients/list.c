#include "retrason/recipients.h"

#include <stdint.h>
#include <string.h>

#include "retrason/hash.h"
#include "retrason/mailbox.h"
#include "retrason/strutil.h"
#include "retrason/textline.h"
#include "retrason/xalloc.h"

static char *arena_copy(void *ctx, const char *s, size_t n)
{
	return rt_arena_strndup(ctx, s, n);
}

/* An open-addressing set of recipient indexes, keyed by the address
 * folded to lower case: a 10,000-name list is deduplicated in one pass. */
struct seen {
	size_t *slot; /* index + 1; 0 = empty */
	size_t cap;
};

static size_t *seen_find(struct seen *s, const struct rt_recipients *r, const char *addr)
{
	size_t i = (size_t)rt_hash_fold(RT_HASH_BASIS, addr) & (s->cap - 1);
	while (s->slot[i] && rt_strcasecmp(r->v[s->slot[i] - 1].addr, addr) != 0)
		i = (i + 1) & (s->cap - 1);
	return &s->slot[i];
}

static void seen_grow(struct seen *s, const struct rt_recipients *r)
{
	struct seen bigger = {xcalloc(s->cap * 2, sizeof(size_t)), s->cap * 2};
	for (size_t k = 0; k < r->n; k++)
		*seen_find(&bigger, r, r->v[k].addr) = k + 1;
	free(s->slot);
	*s = bigger;
}

void rt_recipients_parse(const char *buf, size_t len, struct rt_recipients *r,
			 struct rt_diags *d)
{
	struct seen seen = {xcalloc(64, sizeof(size_t)), 64};
	size_t pos = 0;
	unsigned no = 0;
	struct rt_line ln;

	memset(r, 0, sizeof(*r));
	rt_arena_init(&r->arena);
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		pos = 3;
	size_t nul = rt_find_nul(buf, len);
	if (nul < len) {
		rt_diag_at(d, RT_ERROR, 0, 0, 0, 0, "a distribution list is UTF-8 text",
			   "NUL byte: this is a binary file, not a list of recipients");
		free(seen.slot);
		return;
	}
	while (rt_next_line(buf, len, &pos, &no, &ln)) {
		if (!rt_line_check(d, &ln, RT_RECIPIENTS_MAX_LINE))
			continue;
		size_t i = 0;
		while (i < ln.len && rt_is_space(ln.s[i]))
			i++;
		if (i == ln.len || ln.s[i] == '#')
			continue;

		struct rt_mailbox m;
		struct rt_mailbox_error e;
		if (!rt_mailbox_parse(ln.s, ln.len, &m, &e, arena_copy, &r->arena)) {
			rt_diag_at(d, RT_ERROR, ln.no, ln.off, ln.off + e.offset, e.length,
				   e.hint ? e.hint
					  : "one recipient a line: 'Name <name@example.org>'",
				   "%s", e.message);
			continue;
		}
		size_t *slot = seen_find(&seen, r, m.addr);
		if (*slot) {
			rt_diag_at(d, RT_WARNING, ln.no, ln.off, ln.off + i, ln.len - i, NULL,
				   "%s is already on line %u; this one is left out", m.addr,
				   r->v[*slot - 1].line);
			continue;
		}
		XGROW(r->v, r->cap, r->n + 1);
		r->v[r->n] = (struct rt_recipient){m.name, m.addr, ln.no};
		*slot = ++r->n;
		if (r->n * 2 > seen.cap)
			seen_grow(&seen, r);
	}
	if (r->n == 0 && d->errors == 0)
		rt_diag_at(d, RT_ERROR, 0, 0, 0, 0,
			   "one recipient a line: 'Name <name@example.org>'",
			   "the list has no recipients");
	free(seen.slot);
}

void rt_recipients_finish(struct rt_recipients *r)
{
	free(r->v);
	rt_arena_finish(&r->arena);
	memset(r, 0, sizeof(*r));
}
