/* Private to src/export/: text built in a buffer and handed to a FILE
 * in pieces, so that a 100,000-item export never sits in memory whole. */
#ifndef RETRASON_EXPORT_SINK_H
#define RETRASON_EXPORT_SINK_H

#include <stdbool.h>
#include <stdio.h>

#include "retrason/agenda.h"
#include "retrason/buf.h"
#include "retrason/datetime.h"

struct sink {
	struct rt_buf *b;
	FILE *f; /* NULL: everything stays in b */
};

/* Writes out what b holds once it is large. */
void sink_maybe_flush(struct sink *s);
/* Writes out the rest and flushes f; returns 0 or an errno value. */
int sink_finish(struct sink *s);

/* Which optional columns the programme needs: any item with speakers,
 * any with a room. */
void sink_columns(const struct rt_agenda *a, bool *speakers, bool *rooms);

/* "2022-12-05" */
void sink_date(struct rt_buf *b, struct rt_date d);

/* A mailto: URL for an address, characters that mean something in a
 * URL percent-encoded. */
void sink_mailto(struct rt_buf *b, const char *addr);
/* Whether u is an http: or https: address: only those become links, so
 * that a file cannot plant javascript: or data: URLs. */
bool sink_is_web_url(const char *u);

#endif
