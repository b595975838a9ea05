#include "retrason/arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "retrason/xalloc.h"

#define CHUNK 65536
#define HUGE_CHUNK ((size_t)2 << 20)

struct rt_arena_chunk {
	struct rt_arena_chunk *next;
	size_t used, size;
	bool mapped;
	alignas(max_align_t) unsigned char data[];
};

void rt_arena_init(struct rt_arena *a)
{
	a->head = NULL;
	a->chunks = 0;
}

void rt_arena_finish(struct rt_arena *a)
{
	struct rt_arena_chunk *c = a->head;
	while (c) {
		struct rt_arena_chunk *next = c->next;
		if (c->mapped)
			munmap(c, HUGE_CHUNK);
		else
			free(c);
		c = next;
	}
	a->head = NULL;
}

/* 2 MiB, aligned to 2 MiB so that a huge page can back it: map twice
 * the size and give back the ends. */
static void *huge_chunk(void)
{
	char *p = mmap(NULL, 2 * HUGE_CHUNK, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	uintptr_t start = ((uintptr_t)p + HUGE_CHUNK - 1) & ~(uintptr_t)(HUGE_CHUNK - 1);
	char *q = (char *)start;
	if (q > p)
		munmap(p, (size_t)(q - p));
	munmap(q + HUGE_CHUNK, (size_t)(p + 2 * HUGE_CHUNK - (q + HUGE_CHUNK)));
	return q;
}

static void *alloc_aligned(struct rt_arena *a, size_t n, size_t align)
{
	struct rt_arena_chunk *c = a->head;
	size_t pad = c ? (align - c->used % align) % align : 0;
	if (!c || c->size - c->used < n + pad) {
		/* Big requests get a chunk of their own, placed behind the
		 * current one so its free space is not wasted. */
		struct rt_arena_chunk *nc = NULL;
		size_t size = n > CHUNK / 4 ? n : CHUNK;
		/* Once an arena has grown past a few chunks it is a big agenda:
		 * take 2 MiB at a time in huge pages, where the kernel offers
		 * them, so its strings cost a handful of page faults instead of
		 * one every 4 KiB (a third of a large check's time). */
		if (size == CHUNK && ++a->chunks > 8) {
			void *p = huge_chunk();
			if (p) {
#ifdef MADV_HUGEPAGE
				madvise(p, HUGE_CHUNK, MADV_HUGEPAGE);
#endif
				nc = p;
				nc->mapped = true;
				size = HUGE_CHUNK - sizeof(*nc);
			}
		}
		if (!nc) {
			if (size > SIZE_MAX - sizeof(*nc))
				size = SIZE_MAX - sizeof(*nc); /* xmalloc will fail loudly */
			nc = xmalloc(sizeof(*nc) + size);
			nc->mapped = false;
		}
		nc->used = 0;
		nc->size = size;
		if (c && size != CHUNK && !nc->mapped) {
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
		pad = 0;
	}
	void *p = c->data + c->used + pad;
	c->used += pad + n;
	return p;
}

void *rt_arena_alloc(struct rt_arena *a, size_t n)
{
	return alloc_aligned(a, n, alignof(max_align_t));
}

char *rt_arena_strndup(struct rt_arena *a, const char *s, size_t n)
{
	char *p = alloc_aligned(a, n + 1, 1); /* strings need no alignment */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
