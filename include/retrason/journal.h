/* The send journal: what was sent to whom, so that a re-run sends only
 * what is still owed.  A text file, one line per message, appended and
 * fsync'd as each message is accepted by the server:
 *
 *   version TAB uid TAB sequence TAB fingerprint TAB time
 *   sent    TAB uid TAB sequence TAB method TAB address TAB message-id TAB time
 *   failed  TAB uid TAB sequence TAB method TAB address TAB temporary|permanent
 *           TAB time TAB reason
 *
 * A version line is written when an agenda is first sent and whenever
 * it has changed since: the journal owns SEQUENCE. */
#ifndef RETRASON_JOURNAL_H
#define RETRASON_JOURNAL_H

#include <stdbool.h>
#include <stdio.h>

struct rt_journal_version {
	char *uid;
	int sequence;
	char *fingerprint;
};

struct rt_journal {
	char *path;
	FILE *f;      /* open for appending; NULL when read only */
	char **sent;  /* "uid\tseq\tmethod\taddress" (address lower-cased), sorted */
	size_t nsent;
	struct rt_journal_version *versions; /* in file order */
	size_t nversions;
	char **invited; /* "uid\taddress" of every REQUEST sent, file order */
	size_t ninvited;
};

/* Reads the journal at path (a missing one is empty) and, unless
 * read_only, opens it for appending.  Returns 0 or an errno value. */
int rt_journal_open(struct rt_journal *j, const char *path, bool read_only);

/* The latest version recorded for uid, or NULL. */
const struct rt_journal_version *rt_journal_latest(const struct rt_journal *j,
						   const char *uid);
/* Records a new version of uid (durable, like rt_journal_record()). */
int rt_journal_version(struct rt_journal *j, const char *uid, int sequence,
		       const char *fingerprint, long long when);
void rt_journal_close(struct rt_journal *j);

/* Whether this version (uid, sequence, method) already reached addr. */
bool rt_journal_was_sent(const struct rt_journal *j, const char *uid, int sequence,
			 const char *method, const char *addr);

/* Appends one line; status is "sent", "temporary" or "permanent",
 * detail the Message-ID or the reason.  The line is durable only after
 * rt_journal_sync(): a sender records every message that finished
 * together, then syncs once before it starts the next ones. */
int rt_journal_record(struct rt_journal *j, const char *status, const char *uid,
		      int sequence, const char *method, const char *addr,
		      const char *detail, long long when);
/* Flushes and fsyncs what was recorded; returns 0 or an errno value. */
int rt_journal_sync(struct rt_journal *j);

/* One line of the journal, for `invite status`. */
struct rt_journal_entry {
	char *kind;    /* "version", "sent" or "failed" */
	char *uid;
	int sequence;
	char *method;  /* NULL for a version */
	char *address; /* NULL for a version */
	char *status;  /* "sent", "temporary" or "permanent"; NULL for a version */
	char *detail;  /* Message-ID, reason, or fingerprint */
	long long time;
};

/* Reads every line of the journal at path, in order.  Returns 0 (a
 * missing journal is empty) or an errno value.  Free with
 * rt_journal_entries_free(). */
int rt_journal_read(const char *path, struct rt_journal_entry **out, size_t *n);
void rt_journal_entries_free(struct rt_journal_entry *e, size_t n);

#endif
