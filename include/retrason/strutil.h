/* Small string helpers shared by the parsers and the command table. */
#ifndef RETRASON_STRUTIL_H
#define RETRASON_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* ASCII-only case-insensitive comparison (field names, keywords);
 * independent of the locale on purpose. */
int rt_strcasecmp(const char *a, const char *b);
bool rt_strncaseeq(const char *a, size_t alen, const char *b);

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, each edit costing one), ASCII case folded. */
size_t rt_edit_distance(const char *a, size_t alen, const char *b);

/* "Did you mean": the candidate closest to word by rt_edit_distance()
 * (the first of equals), if it is at most len / letters edits away (at
 * least one); else none, and none for a word of more than 64 bytes.
 * Candidates come one at a time, so any list can be searched without
 * building an array of it:
 *
 *     struct rt_nearest n;
 *     rt_nearest_init(&n, word, len, 3);
 *     for (each name) rt_nearest_add(&n, name);
 *     n.best: the candidate itself (not a copy), or NULL
 */
struct rt_nearest {
	const char *word;
	size_t len, limit;
	const char *best;
	size_t best_d;
};
void rt_nearest_init(struct rt_nearest *n, const char *word, size_t len, size_t letters);
void rt_nearest_add(struct rt_nearest *n, const char *candidate);

/* The same over an array, one edit per three letters: for field names,
 * keywords, commands and options.  Returns one of candidates or NULL. */
const char *rt_did_you_mean(const char *word, size_t len,
			    const char *const *candidates, size_t n);

/* The note for an unknown word: "did you mean 'near'?" written into buf
 * (size bytes), or otherwise when near is NULL.  Returns the note. */
const char *rt_did_you_mean_note(char *buf, size_t size, const char *near,
				 const char *otherwise);

/* Space or tab: the only blanks in our formats. */
static inline bool rt_is_space(char c)
{
	return c == ' ' || c == '\t';
}

#endif
