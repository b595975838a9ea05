/* Private to src/export/: what the three formats share. */
#ifndef RETRASON_EXPORT_SHARED_H
#define RETRASON_EXPORT_SHARED_H

#include <stdbool.h>

#include "retrason/agenda.h"
#include "retrason/buf.h"
#include "retrason/datetime.h"

/* Which optional columns the programme needs: any item with speakers,
 * any with a room. */
void export_columns(const struct rt_agenda *a, bool *speakers, bool *rooms);

/* "2022-12-05" */
void export_date(struct rt_buf *b, struct rt_date d);

/* A mailto: URL for an address, characters that mean something in a
 * URL percent-encoded. */
void export_mailto(struct rt_buf *b, const char *addr);
/* Whether u is an http: or https: address: only those become links, so
 * that a file cannot plant javascript: or data: URLs. */
bool export_is_web_url(const char *u);

#endif
