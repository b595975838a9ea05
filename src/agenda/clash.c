/* Clashes in the programme: two items in one room at once, or one
 * speaker in two items at once.  Warnings, not errors: a plenary that
 * spans its talks, or a chair named in each, may be meant.  Each names
 * the other item in a note at its place, as a compiler shows a previous
 * definition.  Only items that overlap some other item in time are
 * looked at, with one table per kind of name: most programmes have
 * none, and then this costs one pass over the times. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <strings.h>

#include "parser.h"
#include "retrason/hash.h"
#include "retrason/xalloc.h"

/* A room's or speaker's latest-ending item so far. */
struct entry {
	uint64_t h;
	const char *name; /* NULL: an empty slot */
	size_t item;
	struct span at;
};

static long long minute_of(const struct rt_item *it, int minutes)
{
	return (long long)it->day * RT_MINUTES_PER_DAY + minutes;
}

static void warn(struct parser *p, const struct item_place *places, bool rooms,
		 const char *name, size_t k, struct span at, size_t other, struct span other_at)
{
	const struct rt_item *it = &p->a->items[k], *o = &p->a->items[other];
	const struct item_place *here = &places[k], *there = &places[other];
	char from[8], to[8];
	fmt_clock(from, sizeof(from), o->start);
	fmt_clock(to, sizeof(to), o->end);
	if (rooms)
		rt_diag_at(p->d, RT_WARNING, here->line, here->line_start, at.off, at.len, NULL,
			   "'%s' and '%s' are in room '%s' at the same time", it->title,
			   o->title, name);
	else
		rt_diag_at(p->d, RT_WARNING, here->line, here->line_start, at.off, at.len, NULL,
			   "'%s' is in '%s' and '%s' at the same time", name, it->title,
			   o->title);
	rt_diag_note(p->d, there->line, there->line_start, other_at.off, other_at.len,
		     "'%s' is from %s to %s", o->title, from, to);
}

/* Which items overlap some other item at all.  Items come in order of
 * their start, so an item overlaps a later one exactly when it ends
 * after the next one starts, and an earlier one when it starts before
 * the latest end so far.  Should they not be in order (a day line out of
 * order), every item is a candidate.  Returns how many are; *out is
 * NULL for none. */
static size_t overlapping(const struct rt_agenda *a, bool **out)
{
	bool *maybe = NULL;
	long long latest_end = LLONG_MIN, prev_end = LLONG_MIN, prev_start = LLONG_MIN;
	bool sorted = true;
	for (size_t k = 0; k < a->nitems && sorted; k++) {
		const struct rt_item *it = &a->items[k];
		long long s = minute_of(it, it->start);
		long long e = it->end == RT_OPEN_END ? LLONG_MIN : minute_of(it, it->end);
		sorted = s >= prev_start;
		if (s < latest_end) {
			if (!maybe)
				maybe = xcalloc(a->nitems, sizeof(*maybe));
			maybe[k] = true;
			if (s < prev_end)
				maybe[k - 1] = true;
		}
		if (e > latest_end)
			latest_end = e;
		prev_start = s;
		prev_end = e;
	}
	if (!sorted) {
		free(maybe);
		maybe = xcalloc(a->nitems, sizeof(*maybe));
		for (size_t k = 0; k < a->nitems; k++)
			maybe[k] = true;
	}
	size_t n = 0;
	for (size_t k = 0; maybe && k < a->nitems; k++)
		n += maybe[k];
	*out = maybe;
	return n;
}

static void sweep(struct parser *p, const struct item_place *places,
		  const struct span *speakers, const bool *maybe, bool rooms)
{
	const struct rt_agenda *a = p->a;
	size_t names = 0;
	for (size_t k = 0; k < a->nitems; k++)
		if (maybe[k])
			names += rooms ? a->items[k].room != NULL : a->items[k].nspeakers;
	if (!names)
		return;
	size_t cap = 16;
	while (cap < 2 * names)
		cap *= 2;
	struct entry *t = xcalloc(cap, sizeof(*t));
	for (size_t k = 0; k < a->nitems; k++) {
		const struct rt_item *it = &a->items[k];
		if (!maybe[k] || it->end == RT_OPEN_END)
			continue; /* no end to overlap with */
		long long start = minute_of(it, it->start), end = minute_of(it, it->end);
		size_t count = rooms ? it->room != NULL : it->nspeakers;
		for (size_t j = 0; j < count; j++) {
			const char *name = rooms ? it->room : it->speakers[j];
			struct span at = rooms ? places[k].room : speakers[places[k].first_speaker + j];
			uint64_t h = rt_hash_fold(RT_HASH_BASIS, name);
			size_t i = (size_t)h & (cap - 1);
			/* ASCII case folded: "Room 1" and "room 1" are one room. */
			while (t[i].name && !(t[i].h == h && !strcasecmp(t[i].name, name)))
				i = (i + 1) & (cap - 1);
			if (!t[i].name) {
				t[i] = (struct entry){h, name, k, at};
				continue;
			}
			const struct rt_item *o = &a->items[t[i].item];
			long long other_end = minute_of(o, o->end);
			if (t[i].item != k && other_end > start)
				warn(p, places, rooms, name, k, at, t[i].item, t[i].at);
			if (end > other_end) {
				t[i].item = k;
				t[i].at = at;
			}
		}
	}
	free(t);
}

void check_clashes(struct parser *p, const struct item_place *places,
		   const struct span *speakers)
{
	bool *maybe;
	if (!overlapping(p->a, &maybe))
		return;
	sweep(p, places, speakers, maybe, true);
	sweep(p, places, speakers, maybe, false);
	free(maybe);
}
