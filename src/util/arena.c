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

void *rt_arena_alloc(struct rt_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	struct rt_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
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
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

char *rt_arena_strndup(struct rt_arena *a, const char *s, size_t n)
{
	char *p = rt_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
