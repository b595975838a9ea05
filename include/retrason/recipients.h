/* Distribution lists: one recipient a line, as `Name <addr>`,
 * `"Last, First" <addr>` or `addr`; `#` comments and blank lines. */
#ifndef RETRASON_RECIPIENTS_H
#define RETRASON_RECIPIENTS_H

#include <stddef.h>

#include "retrason/arena.h"
#include "retrason/diag.h"

struct rt_recipient {
	char *name; /* NULL if none */
	char *addr;
	unsigned line;
};

struct rt_recipients {
	struct rt_recipient *v; /* in file order, each address once */
	size_t n, cap;
	struct rt_arena arena; /* owns the strings */
};

/* Parses buf[0..len) into r (which it initialises).  Malformed lines are
 * errors in d, positioned like the agenda's; a repeated address (compared
 * case-insensitively) is dropped with a warning; an empty list is an
 * error.  Free with rt_recipients_finish() in every case. */
void rt_recipients_parse(const char *buf, size_t len, struct rt_recipients *r,
			 struct rt_diags *d);
void rt_recipients_finish(struct rt_recipients *r);

#define RT_RECIPIENTS_MAX_LINE 4096

#endif
