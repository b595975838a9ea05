/* What changed between two versions of an agenda, as its recipients see
 * it, in words for an update's mail: the title, when, where, items of
 * the programme added, removed or moved, and what else differs. */
#ifndef RETRASON_CHANGES_H
#define RETRASON_CHANGES_H

#include <stddef.h>

#include "retrason/agenda.h"
#include "retrason/i18n.h"

/* At most this many lines; the rest are counted in a last one. */
#define RT_CHANGES_MAX 12

struct rt_changes {
	char **line; /* each one change, without a line break */
	size_t n;
};

/* The changes from was to now (both read without errors), in lang. */
void rt_changes_between(struct rt_changes *c, const struct rt_agenda *was,
			const struct rt_agenda *now, enum rt_lang lang);
void rt_changes_finish(struct rt_changes *c);

#endif
