/* fdatasync() in a background thread (private to src/mail/): a sender
 * keeps its other connections busy while a batch of journal lines
 * reaches the disk. */
#ifndef RETRASON_BGSYNC_H
#define RETRASON_BGSYNC_H

#include <stdbool.h>

struct rt_bgsync;

/* A syncer for fd, or NULL if no thread could be started (the caller
 * then syncs in the foreground). */
struct rt_bgsync *rt_bgsync_new(int fd);

/* Asks for everything written to fd so far to be made durable; returns
 * a ticket that rt_bgsync_done() reports once it is. */
unsigned long rt_bgsync_request(struct rt_bgsync *s);

/* Whether the sync for ticket has finished; if any sync failed, *err
 * holds its errno value (the syncer stops syncing then). */
bool rt_bgsync_done(struct rt_bgsync *s, unsigned long ticket, int *err);

/* Readable whenever a sync has finished since the last drain: for
 * poll() beside the sockets. */
int rt_bgsync_fd(const struct rt_bgsync *s);
void rt_bgsync_drain(struct rt_bgsync *s);

/* Waits for every requested sync, stops the thread and frees; returns
 * the first error (0 if none). */
int rt_bgsync_free(struct rt_bgsync *s);

#endif
