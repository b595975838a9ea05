/* Allocation that never returns NULL: on failure it prints and exits 71
 * (EX_OSERR), so no caller checks.  Everything returned is freed with free(). */
#ifndef RETRASON_XALLOC_H
#define RETRASON_XALLOC_H

#include <stddef.h>
#include <stdlib.h> /* free() */

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* realloc for arrays: nmemb * size, with the multiplication checked. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A hint for a large array just grown from "from" to n bytes and about
 * to be filled (the items of a big agenda): map its new pages in one
 * system call rather than one page fault every 4 KiB.  Does nothing for
 * small growth or on systems without MADV_POPULATE_WRITE (Linux 5.14). */
void rt_prefault(void *p, size_t from, size_t n);

/* Grow an array *p holding *cap elements so that it holds at least need. */
#define XGROW(p, cap, need)                                                  \
	do {                                                                 \
		if ((need) > (cap)) {                                        \
			size_t xg_n_ = (cap) ? (cap) * 2 : 8;                \
			while (xg_n_ < (need))                               \
				xg_n_ *= 2;                                  \
			(p) = xreallocarray((p), xg_n_, sizeof(*(p)));       \
			(cap) = xg_n_;                                       \
		}                                                            \
	} while (0)

#endif
