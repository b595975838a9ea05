#include "retrason/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "retrason/xalloc.h"

#define CHUNK 65536

struct rt_arena_chunk {
	struct rt_arena_chunk *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

void rt_arena_init(struct rt_arena *a)
{
	a->head = NULL;
}

void rt_arena_finish(struct rt_arena *a)
{
	struct rt_arena_chunk *c = a->head;
	while (c) {
		struct rt_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

static void *alloc_aligned(struct rt_arena *a, size_t n, size_t align)
{
	struct rt_arena_chunk *c = a->head;
	size_t pad = c ? (align - c->used % align) % align : 0;
	if (!c || c->size - c->used < n + pad) {
		/* Big requests get a chunk of their own, placed behind the
		 * current one so its free space is not wasted. */
		size_t size = n > CHUNK / 4 ? n : CHUNK;
		if (size > SIZE_MAX - sizeof(*c))
			size = SIZE_MAX - sizeof(*c); /* xmalloc will fail loudly */
		struct rt_arena_chunk *nc = xmalloc(sizeof(*nc) + size);
		nc->used = 0;
		nc->size = size;
		if (c && size != CHUNK) {
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
