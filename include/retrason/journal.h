/* The send journal: what was sent to whom, so that a re-run sends only
 * what is still owed.  A text file, one line per message, appended and
 * fsync'd as each message is accepted by the server:
 *
 *   sent  TAB uid TAB sequence TAB method TAB address TAB message-id TAB time
 *   failed TAB uid TAB sequence TAB method TAB address TAB temporary|permanent
 *          TAB time TAB reason
 */
#ifndef RETRASON_JOURNAL_H
#define RETRASON_JOURNAL_H

#include <stdbool.h>
#include <stdio.h>

struct rt_journal {
	char *path;
	FILE *f;      /* open for appending */
	char **sent;  /* "uid\tseq\tmethod\taddress" (address lower-cased), sorted */
	size_t nsent;
};

/* Reads what the journal at path says was sent and opens it for
 * appending (creating it).  Returns 0 or an errno value. */
int rt_journal_open(struct rt_journal *j, const char *path);
void rt_journal_close(struct rt_journal *j);

/* Whether this version (uid, sequence, method) already reached addr. */
bool rt_journal_was_sent(const struct rt_journal *j, const char *uid, int sequence,
			 const char *method, const char *addr);

/* Appends one line and makes it durable before returning 0 (or errno).
 * status is "sent", "temporary" or "permanent"; detail the Message-ID
 * or the reason. */
int rt_journal_record(struct rt_journal *j, const char *status, const char *uid,
		      int sequence, const char *method, const char *addr,
		      const char *detail, long long when);

#endif
