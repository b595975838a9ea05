/* The send journal: who has which version of which event.  A plain-text
 * file beside the agenda (FILE.journal), appended to and never rewritten
 * in place, one record a line, fields separated by one tab:
 *
 *   version  UID SEQ FINGERPRINT TIME
 *   intent   UID SEQ METHOD ADDRESS TIME
 *   sent     UID SEQ METHOD ADDRESS MESSAGE-ID TIME
 *   failed   UID SEQ METHOD ADDRESS temporary|permanent TIME REASON
 *   snapshot UID SEQ TIME TEXT
 *   reply    UID SEQ ADDRESS PARTSTAT DTSTAMP GUESTS DELEGATED TIME MESSAGE-ID COMMENT
 *   counter  UID SEQ ADDRESS START END DTSTAMP TIME MESSAGE-ID COMMENT
 *   mailbox  UID SOURCE UIDVALIDITY LAST TIME
 *
 * and '#' comment lines.  SEQ is 0..RT_JOURNAL_MAX_SEQUENCE, TIME
 * seconds since 1970, METHOD REQUEST (an invitation or update), WITHDRAW
 * (one attendee's invitation withdrawn), CANCEL (the event cancelled) or
 * REMIND (the invitation again, to someone who has not answered it).
 * A FINGERPRINT is "m1:" and 16 hex digits (what recipients see, see
 * rt_mail_fingerprint()), "cancelled", "withdrawn", or 16 bare hex
 * digits (an earlier retrason's: not comparable with a new one;
 * invite send then asks for --adopt or --sequence).
 * A reply is an attendee's answer (iMIP REPLY) to version SEQ: PARTSTAT
 * one of RFC 5545's words, DTSTAMP its seconds since 1970 or '-',
 * GUESTS 0..1000 more people they bring, DELEGATED the address it was
 * delegated to or '-', and the COMMENT they wrote ('' for none).  A
 * counter is a proposal of other times (iMIP COUNTER), START and END
 * seconds or '-'.  A mailbox record says how far an IMAP mailbox has
 * been read: its UIDVALIDITY and the last UID taken.  Replies and
 * counters change no one's state of invitation, and their SEQUENCE
 * (from outside) does not count towards the event's.
 * A snapshot holds the agenda file of version SEQ, its backslashes, tabs,
 * CRs and line ends written \\, \t, \r and \n (and so a COMMENT): an
 * update says what changed since the version its recipient has.
 * Every field is checked on reading as strictly as on first input
 * (addresses by the distribution list's parser); a line that fails is a
 * diagnostic at journal:line:col, never a recipient.  In a journal
 * that opens with the header this retrason writes, records must also
 * come in its order: a version line before the intents at its SEQUENCE
 * (and one fingerprint a SEQUENCE), and an intent before its outcome.
 * A last line
 * without its newline is what a crash or a full disk leaves: a writer
 * drops it, a reader ignores it.
 *
 * The model.
 * - The event is its UID; the journal pins the UID of its first record.
 * - A version is a SEQUENCE with a fingerprint: a new one is taken when
 *   the agenda's fingerprint differs from the latest content version's,
 *   and is written with the first message that carries it.  SEQUENCE
 *   numbers only grow: each new one is one past the highest the journal
 *   holds for the UID, in any record.
 * - Each recipient of an event is in one state, from their latest sent
 *   message: not invited; invited at version k (a REQUEST or REMIND); withdrawn
 *   at k (a WITHDRAW); cancelled at k (a CANCEL).  Failures and intents
 *   change no state: what a failed message carried is still owed.
 * - Each person's answer is their reply with the highest (SEQUENCE,
 *   DTSTAMP), as clients order them (RFC 5546 2.1.5), not the latest to
 *   arrive: a reply not above it is not recorded, so that reading the
 *   same mail again, or a late older one, changes nothing.  The same
 *   holds for proposals.  A reply from someone never invited is kept,
 *   apart: it makes nobody an invitee.
 * - Write-ahead: an intent is made durable before its message goes out,
 *   and its outcome (sent or failed) with the next batch.  A message
 *   whose intent has no outcome was in flight when a run stopped: it
 *   may have reached the recipient, and is owed again.
 *
 * A writer holds an exclusive lock (fcntl) on the file for the whole
 * run; a second writer is refused at once, told which process has it.
 * Opening for writing compacts a journal that has grown to more than
 * twice the records that hold its state (every version, and each
 * recipient's state and latest record): written whole beside it, then
 * renamed over it. */
#ifndef RETRASON_JOURNAL_H
#define RETRASON_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "retrason/arena.h"
#include "retrason/buf.h"
#include "retrason/diag.h"
#include "retrason/reply.h"

#define RT_JOURNAL_MAX_SEQUENCE 1000000000
#define RT_JOURNAL_MAX_LINE 4096
/* An agenda larger than this gets no snapshot (its updates no summary). */
#define RT_JOURNAL_MAX_SNAPSHOT ((size_t)256 << 10)

enum rt_journal_kind {
	RT_J_VERSION, RT_J_INTENT, RT_J_SENT, RT_J_FAILED, RT_J_SNAPSHOT,
	RT_J_REPLY, RT_J_COUNTER, RT_J_MAILBOX,
};
#define RT_JOURNAL_NO_RECORD ((size_t)-1)
#define RT_JOURNAL_MAX_GUESTS 1000
enum rt_journal_method { RT_JM_REQUEST, RT_JM_WITHDRAW, RT_JM_CANCEL, RT_JM_REMIND };

/* The journal words for each. */
extern const char *const rt_journal_method_names[4];

struct rt_journal_record {
	enum rt_journal_kind kind;
	enum rt_journal_method method; /* not for a version */
	bool permanent;                /* a failure that won't pass */
	int sequence;
	long long time;
	const char *uid;
	const char *addr;   /* NULL for a version, a snapshot, a mailbox */
	const char *detail; /* fingerprint, Message-ID ("" if none), reason,
			     * a snapshot's text as written (escaped), or a
			     * mailbox's SOURCE */
	/* A reply or a counter. */
	enum rt_partstat partstat;
	long long dtstamp, start, end; /* -1: none */
	int guests;
	const char *delegated; /* NULL: none */
	const char *comment;   /* unescaped; "" for none */
	/* A mailbox. */
	unsigned long uidvalidity, last_uid;
};

enum rt_journal_state {
	RT_JS_NONE,      /* not invited (nothing sent, or only failures) */
	RT_JS_INVITED,   /* has a REQUEST */
	RT_JS_WITHDRAWN, /* their invitation was withdrawn */
	RT_JS_CANCELLED, /* the event was cancelled for them */
};

struct rt_journal_person {
	const char *uid;
	const char *addr;   /* as first written */
	enum rt_journal_state state;
	int sequence;       /* of the message behind state; -1 for NONE */
	size_t last;        /* their latest message record (index), or
			     * RT_JOURNAL_NO_RECORD: only replies from them */
	size_t state_rec;   /* the sent record behind state, unless NONE */
	bool in_flight;     /* the latest record is an intent */
	int reminded;       /* the SEQUENCE of their latest reminder, or -1 */
	size_t answer;      /* their answer (a reply record), or NO_RECORD */
	size_t proposal;    /* their latest counter, or NO_RECORD */
};

struct rt_journal_event {
	const char *uid;
	int max_sequence; /* the highest SEQUENCE of any record */
};

struct rt_journal {
	char *path;
	int fd;       /* -1 when read only */
	bool created; /* by this open: removed on close if nothing was written */
	struct rt_arena arena;
	struct rt_journal_record *rec; /* in file order, then this run's */
	size_t nrec, caprec;
	struct rt_journal_person *people; /* in order of first appearance */
	size_t npeople, cappeople;
	size_t *index;  /* person + 1, open addressing on uid and address */
	size_t nindex;  /* a power of two */
	struct rt_journal_event *events; /* one per UID */
	size_t nevents, capevents;
	size_t *eindex; /* event + 1, open addressing on the uid */
	size_t neindex;
	size_t *versions; /* the version records (indexes into rec) */
	size_t nversions, capversions;
	size_t *snapshots; /* the snapshot records */
	size_t nsnapshots, capsnapshots;
	size_t *mailboxes; /* the latest mailbox record of each SOURCE */
	size_t nmailboxes, capmailboxes;
	struct rt_buf pending; /* lines not yet written */
	size_t bytes;   /* the file's size as read and written */
	off_t reserved; /* allocated up to here (fallocate) */
	bool no_reserve; /* the file system can't */
	bool durable;   /* the last sync wrote everything, even if it failed after */
	bool ordered;   /* has the header this retrason writes: records must
			 * come in the order it writes them */
	char *text;     /* the file as read (diagnostics point into it) */
	struct rt_diags diags;
};

enum rt_journal_status {
	RT_JOURNAL_OK,
	RT_JOURNAL_IO,   /* *err is an errno value */
	RT_JOURNAL_BUSY, /* another run holds the lock; *err is its pid (0: unknown) */
	RT_JOURNAL_BAD,  /* lines that fail the grammar: j->diags */
};

/* Reads the journal at path (a missing one is empty).  For writing it
 * is created if need be, locked, and a cut-off last line dropped.  On
 * any status but OK, j->diags may hold diagnostics to print; in every
 * case release with rt_journal_close(). */
enum rt_journal_status rt_journal_open(struct rt_journal *j, const char *path, bool write,
				       int *err);
/* Writes what is pending (dropped if it can't be), releases the lock. */
void rt_journal_close(struct rt_journal *j);

/* The UID of the journal's first record, or NULL for an empty one. */
const char *rt_journal_uid(const struct rt_journal *j);
/* The highest SEQUENCE any record holds for uid, or -1. */
int rt_journal_max_sequence(const struct rt_journal *j, const char *uid);
/* The version with the highest SEQUENCE for uid, or NULL; content:
 * only versions of the agenda (not "cancelled" or "withdrawn"). */
const struct rt_journal_record *rt_journal_latest(const struct rt_journal *j, const char *uid,
						  bool content);
/* The fingerprint recorded for uid's version seq, or NULL. */
const char *rt_journal_fingerprint(const struct rt_journal *j, const char *uid, int seq);
/* The agenda file of uid's version seq, as sent (caller frees; its
 * length in *len), or NULL if the journal has none. */
char *rt_journal_snapshot(const struct rt_journal *j, const char *uid, int seq, size_t *len);
bool rt_journal_snapshot_exists(const struct rt_journal *j, const char *uid, int seq);
/* What addr has of uid, or NULL if the journal never named them. */
const struct rt_journal_person *rt_journal_find(const struct rt_journal *j, const char *uid,
						const char *addr);

/* Adding records: each is applied to the state at once and written by
 * the next rt_journal_sync().  Text from outside (a server's reply) is
 * cut to one line of printable characters. */
void rt_journal_add_version(struct rt_journal *j, const char *uid, int seq,
			    const char *fingerprint, long long when);
/* The agenda file of a new version, written with it (not above
 * RT_JOURNAL_MAX_SNAPSHOT bytes: then nothing is written). */
void rt_journal_add_snapshot(struct rt_journal *j, const char *uid, int seq, const char *text,
			     size_t len, long long when);
void rt_journal_add_intent(struct rt_journal *j, const char *uid, int seq,
			   enum rt_journal_method m, const char *addr, long long when);
void rt_journal_add_sent(struct rt_journal *j, const char *uid, int seq,
			 enum rt_journal_method m, const char *addr, const char *message_id,
			 long long when);
void rt_journal_add_failed(struct rt_journal *j, const char *uid, int seq,
			   enum rt_journal_method m, const char *addr, bool permanent,
			   const char *reason, long long when);
/* An answer or proposal read from a reply mail (a->kind), recorded if
 * it is above what addr has answered (see the model); returns whether
 * it was.  A SEQUENCE above RT_JOURNAL_MAX_SEQUENCE counts as that,
 * none (-1) as 0; the comment is made one line of text. */
bool rt_journal_add_reply(struct rt_journal *j, const char *uid, const struct rt_reply *a,
			  const char *message_id, long long when);
/* How far SOURCE (an IMAP mailbox URL, without password) has been read:
 * false if never. */
bool rt_journal_mailbox(const struct rt_journal *j, const char *uid, const char *source,
			unsigned long *uidvalidity, unsigned long *last_uid);
void rt_journal_add_mailbox(struct rt_journal *j, const char *uid, const char *source,
			    unsigned long uidvalidity, unsigned long last_uid, long long when);
/* Writes and fdatasyncs what was added, then makes sure there is room
 * on the disk for the next records (kept allocated ahead of the end);
 * returns 0 or an errno value: then nothing more may be sent, and the
 * run stops.  What was added before a failure of that last step is
 * durable. */
int rt_journal_sync(struct rt_journal *j);

#endif
