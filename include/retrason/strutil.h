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
 * transpositions), ASCII case folded.  Used for "did you mean". */
size_t rt_edit_distance(const char *a, size_t alen, const char *b);

/* The candidate closest to word, or NULL if none is close enough to be
 * a plausible typo (as git's help.c decides for commands). */
const char *rt_did_you_mean(const char *word, size_t len,
			    const char *const *candidates, size_t n);

/* Space or tab: the only blanks in our formats. */
static inline bool rt_is_space(char c)
{
	return c == ' ' || c == '\t';
}

#endif
