/* A bump allocator: many small strings, one owner, one free.  The agenda
 * model keeps its strings here so freeing a 100,000-item agenda is a
 * handful of free() calls. */
#ifndef RETRASON_ARENA_H
#define RETRASON_ARENA_H

#include <stddef.h>

struct rt_arena_chunk;

struct rt_arena {
	struct rt_arena_chunk *head;
	size_t chunks; /* how many have been taken */
};

void rt_arena_init(struct rt_arena *a);
/* Frees every block handed out. */
void rt_arena_finish(struct rt_arena *a);
/* n bytes, aligned for any object; valid until rt_arena_finish(). */
void *rt_arena_alloc(struct rt_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *rt_arena_strndup(struct rt_arena *a, const char *s, size_t n);

#endif
