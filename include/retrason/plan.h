/* What a run of `invite send` or `invite cancel` owes: computed from
 * the distribution list, the agenda's current version and each
 * recipient's state in the journal (the model in retrason/journal.h),
 * in time linear in the list and the journal.
 *
 * invite send, for everyone on the list:
 *   not invited, withdrawn or cancelled  -> an invitation (never "Updated")
 *   invited at another version           -> an update
 *   invited at this version              -> nothing
 * and for those invited earlier who are no longer on the list: nothing
 * (they stay invited and the run says so), or, only when asked for
 * (remove_missing), one withdrawal each; withdrawn stays withdrawn.
 * invite cancel: everyone invited, once.
 * invite remind: everyone invited at the agenda's version who has not
 * answered it (an answer to an earlier version is none), once a version
 * unless again; with a list, only those on it.  Nothing when the agenda
 * changed since it was sent (the update comes first).  SEQUENCE numbers only grow:
 * a new version, a re-invitation after a withdrawal or cancellation,
 * and a withdrawal each take one past the journal's highest. */
#ifndef RETRASON_PLAN_H
#define RETRASON_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/journal.h"
#include "retrason/recipients.h"

enum rt_plan_kind {
	RT_PLAN_INVITE, RT_PLAN_UPDATE, RT_PLAN_WITHDRAW, RT_PLAN_CANCEL, RT_PLAN_REMIND,
};

struct rt_plan_entry {
	struct rt_recipient who; /* borrowed from the list or the journal */
	enum rt_plan_kind kind;
	int sequence;            /* of the message */
	int has;                 /* the SEQUENCE they have, or -1 */
};

struct rt_plan_opts {
	bool cancel;         /* invite cancel */
	bool remind;         /* invite remind */
	bool again;          /* remind those reminded of this version before */
	bool remove_missing; /* withdraw those invited and no longer on the list */
	int sequence;        /* --sequence for this version, or -1 */
	bool adopt;          /* take the agenda as the latest version, whose
			      * fingerprint is from an older retrason */
};

struct rt_plan {
	const char *uid;
	const char *fingerprint; /* of the version the REQUESTs or CANCELs carry */
	int sequence;            /* its SEQUENCE */
	bool new_version;        /* to be recorded with its first message */
	int withdraw_sequence;   /* of the withdrawals; -1 if none */
	bool legacy;             /* the latest version's fingerprint is from an
				  * older retrason: nothing may be sent until
				  * the user says whether the agenda changed
				  * (--adopt, or --sequence) */
	bool adopted;            /* --adopt: record fingerprint at sequence
				  * before anything else, sending nothing for it */
	struct rt_plan_entry *v; /* the messages owed, list order first */
	size_t n;
	size_t count[5];         /* by kind */
	size_t unchanged;        /* on the list with this version already */
	size_t done;             /* withdrawn or cancelled before: nothing more */
	const char **kept;       /* invited earlier, not on the list, left invited */
	size_t nkept;
	size_t never_invited;    /* cancel, remind: on the list but never invited */
	/* remind: */
	bool changed;            /* the agenda is not the version sent: no reminders */
	size_t answered;         /* answered this version */
	size_t reminded;         /* reminded of it before */
	size_t outdated;         /* invited at an earlier version: owed an update */
	/* Reasons not to send at all: --sequence not above what someone has
	 * or the journal used (calendars would drop it as stale), or past
	 * RT_JOURNAL_MAX_SEQUENCE. */
	int too_low;             /* the SEQUENCE --sequence must exceed, or -1 */
	bool exhausted;
};

void rt_plan_make(struct rt_plan *p, const struct rt_journal *j, const char *uid,
		  const char *fingerprint, const struct rt_recipients *list,
		  const struct rt_plan_opts *o);
void rt_plan_finish(struct rt_plan *p);

#endif
