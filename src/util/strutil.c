#include "retrason/strutil.h"

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

const char *rt_did_you_mean(const char *word, size_t len,
			    const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	if (len == 0 || len > 64)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t d = rt_edit_distance(word, len, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* Allow about one typo per three letters, at least one. */
	size_t limit = len / 3 > 1 ? len / 3 : 1;
	if (best && best_d <= limit)
		return best;
	return NULL;
}
