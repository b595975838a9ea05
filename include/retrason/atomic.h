/* Writing an output file atomically: into a temporary file beside it,
 * then renamed over it, so readers see the old file or the whole new one
 * and a failure leaves nothing half-written behind. */
#ifndef RETRASON_ATOMIC_H
#define RETRASON_ATOMIC_H

#include <stdio.h>

struct rt_atomic {
	char *path; /* the destination */
	char *tmp;  /* the temporary file beside it */
	FILE *f;    /* write here */
};

/* Returns 0 or an errno value; on success w->f is open for writing.
 * An existing path that is not a regular file (a device, a FIFO) is
 * written directly, since renaming over it would replace it. */
int rt_atomic_open(struct rt_atomic *w, const char *path);
/* Flushes, syncs and renames into place; returns 0 or an errno value
 * (then the temporary file is gone and the destination untouched). */
int rt_atomic_commit(struct rt_atomic *w);
/* Throws the temporary file away. */
void rt_atomic_abort(struct rt_atomic *w);

#endif
