#include "retrason/strutil.h"

#include <stdio.h>
#include <string.h>

#include "retrason/xalloc.h"

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

int rt_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		char x = lower(*a), y = lower(*b);
		if (x != y || !x)
			return (unsigned char)x - (unsigned char)y;
	}
}

bool rt_strncaseeq(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

size_t rt_edit_distance(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	/* Three rows suffice for adjacent transpositions. */
	size_t *rows = xcalloc(3 * (blen + 1), sizeof(*rows));
	size_t *prev2 = rows, *prev = rows + blen + 1, *cur = rows + 2 * (blen + 1);

	for (size_t j = 0; j <= blen; j++)
		prev[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= blen; j++) {
			size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
			size_t best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best)
				best = prev[j - 1] + cost;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[blen];
	free(rows);
	return d;
}

void rt_nearest_init(struct rt_nearest *n, const char *word, size_t len, size_t letters)
{
	n->word = word;
	n->len = len;
	n->limit = len / letters > 1 ? len / letters : 1;
	n->best = NULL;
	n->best_d = (size_t)-1;
}

void rt_nearest_add(struct rt_nearest *n, const char *candidate)
{
	/* Nothing to suggest for nothing; a long word is no typo, and its
	 * distances would cost len times each candidate's length. */
	if (n->len == 0 || n->len > 64)
		return;
	/* The distance is at least the difference in length: skip the
	 * candidates that cannot come within the limit without computing
	 * it (most of the ~600 zone names). */
	size_t c = strlen(candidate);
	if ((c > n->len ? c - n->len : n->len - c) > n->limit)
		return;
	size_t d = rt_edit_distance(n->word, n->len, candidate);
	if (d <= n->limit && d < n->best_d) {
		n->best_d = d;
		n->best = candidate;
	}
}

const char *rt_did_you_mean(const char *word, size_t len,
			    const char *const *candidates, size_t n)
{
	struct rt_nearest near;
	rt_nearest_init(&near, word, len, 3);
	for (size_t i = 0; i < n; i++)
		rt_nearest_add(&near, candidates[i]);
	return near.best;
}

const char *rt_did_you_mean_note(char *buf, size_t size, const char *near,
				 const char *otherwise)
{
	if (!near)
		return otherwise;
	snprintf(buf, size, "did you mean '%s'?", near);
	return buf;
}
