/* E-mail mailboxes as organisers write them: `Name <addr>`,
 * `"Last, First" <addr>` or `addr`.  Shared by the agenda's Organizer
 * field and the distribution list. */
#ifndef RETRASON_MAILBOX_H
#define RETRASON_MAILBOX_H

#include <stdbool.h>
#include <stddef.h>

struct rt_mailbox {
	char *name; /* display name, unquoted; NULL if none */
	char *addr; /* addr-spec, ASCII; NULL if none */
};

struct rt_mailbox_error {
	size_t offset; /* bytes into the input where the problem starts */
	size_t length;
	const char *message; /* static text */
	const char *hint;    /* static text or NULL */
};

/* Parses s[0..len).  On success fills *out with strings allocated by
 * alloc(ctx, p, n) (a copy of p[0..n), NUL-terminated) and returns true;
 * otherwise fills *err and returns false.  Never accepts a control
 * character, so nothing parsed here can carry CR or LF into a header. */
bool rt_mailbox_parse(const char *s, size_t len, struct rt_mailbox *out,
		      struct rt_mailbox_error *err,
		      char *(*alloc)(void *ctx, const char *p, size_t n), void *ctx);

/* Checks a bare addr-spec (local@domain); same error conventions. */
bool rt_addr_check(const char *s, size_t len, struct rt_mailbox_error *err);

#endif
