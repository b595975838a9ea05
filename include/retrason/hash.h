/* FNV-1a, 64 bits: the one hash for tables and stable identifiers
 * (UIDs, Message-IDs, fingerprints).  Not for secrecy. */
#ifndef RETRASON_HASH_H
#define RETRASON_HASH_H

#include <stddef.h>
#include <stdint.h>

#define RT_HASH_BASIS 0xcbf29ce484222325u

static inline uint64_t rt_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3u;
	return h;
}

static inline uint64_t rt_hash_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* The same with ASCII letters folded to lower case (addresses). */
static inline uint64_t rt_hash_fold(uint64_t h, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 0x100000001b3u;
	}
	return h;
}

#endif
