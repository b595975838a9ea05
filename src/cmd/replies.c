/* retrason invite replies: the answers to an invitation, read from where
 * they land (an IMAP mailbox, a Maildir, an mbox, a message) into the
 * journal, for invite status and invite remind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "cmd.h"
#include "retrason/buf.h"
#include "retrason/journal.h"
#include "retrason/msgsource.h"
#include "retrason/reply.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"

static const char intro[] =
	"Usage: retrason invite replies [options] FILE [SOURCE...]\n"
	"\n"
	"Read the answers to the invitation of the agenda FILE (iMIP replies:\n"
	"accepted, tentative, declined, delegated, and proposals of other times)\n"
	"from each SOURCE into the journal beside FILE, for invite status and\n"
	"invite remind.  SOURCE is an imap:// or imaps:// mailbox URL (default:\n"
	"the config file's 'imap ='), a Maildir, an mbox file, one message, or -\n"
	"for a message or an mbox on standard input.  Nothing is deleted, moved\n"
	"or marked read; an IMAP mailbox is read on from where the last run\n"
	"stopped, and a message read twice changes nothing.\n";

static const char outro[] =
	"The IMAP login is the URL's user, else $RETRASON_IMAP_USER or 'imap-user ='\n"
	"in the config; the password $RETRASON_IMAP_PASSWORD, the config's\n"
	"imap-password-command or ~/.netrc, never the command line.  Exit status:\n"
	"0 read, 75 a mailbox failed for now (run again), 77 the login was\n"
	"refused, 69 the server can't be used (TLS), 66 a SOURCE is missing.\n";

/* What one run read, for its summary. */
struct tally {
	size_t messages;
	size_t recorded[5]; /* answers, by partstat */
	size_t proposals, known, other_event, one_day;
	size_t outcome[5];  /* messages without an answer of ours, by outcome */
	bool io;            /* the journal can't be written: stop */
};

struct walk {
	struct rt_journal *j;
	const char *uid;
	struct tally *t;
	long long now;
	size_t unsynced;
	bool stop; /* the journal can't be written: read no more */
};

static void journal_failed(struct walk *w, int e)
{
	errorf("cannot write the journal %s: %s", w->j->path, strerror(e));
	w->t->io = true;
	w->stop = true;
}

/* One message: its answers to this event recorded, the rest counted. */
static bool message(void *ctx, const char *msg, size_t len, const struct rt_msg_origin *o)
{
	(void)o;
	struct walk *w = ctx;
	struct rt_replies rs;
	rt_replies_init(&rs);
	enum rt_reply_outcome out = rt_reply_parse(msg, len, &rs);
	w->t->messages++;
	bool ours = false;
	for (size_t i = 0; i < rs.n; i++) {
		const struct rt_reply *r = &rs.v[i];
		if (strcmp(r->uid, w->uid) != 0) {
			w->t->other_event++;
			continue;
		}
		ours = true;
		if (r->recurrence_id) {
			/* An answer for one day of a multi-day event: the
			 * journal keeps answers to the whole event only. */
			w->t->one_day++;
		} else if (!rt_journal_add_reply(w->j, w->uid, r, rs.message_id, w->now)) {
			w->t->known++;
		} else if (r->kind == RT_REPLY_COUNTER) {
			w->t->proposals++;
		} else {
			w->t->recorded[r->partstat]++;
		}
	}
	if (!ours && out != RT_REPLY_FOUND)
		w->t->outcome[out]++;
	rt_replies_finish(&rs);
	/* Durable as it goes, so that a run stopped half-way keeps what it
	 * read: the IMAP position is written after the answers. */
	if (++w->unsynced >= 256) {
		int e = rt_journal_sync(w->j);
		w->unsynced = 0;
		if (e) {
			journal_failed(w, e);
			return false;
		}
	}
	return true;
}

static void part(bool *first, size_t n, const char *one, const char *many)
{
	if (!n)
		return;
	fprintf(stderr, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = false;
}

static void summary(const char *source, const struct tally *t)
{
	size_t answers = 0;
	for (int k = 0; k < 5; k++)
		answers += t->recorded[k];
	fprintf(stderr, "retrason: %s: %zu message%s: %zu new answer%s", source, t->messages,
		t->messages == 1 ? "" : "s", answers, answers == 1 ? "" : "s");
	if (answers) {
		bool first = true;
		fputs(" (", stderr);
		part(&first, t->recorded[RT_PS_ACCEPTED], "accepted", "accepted");
		part(&first, t->recorded[RT_PS_TENTATIVE], "tentative", "tentative");
		part(&first, t->recorded[RT_PS_DECLINED], "declined", "declined");
		part(&first, t->recorded[RT_PS_DELEGATED], "delegated", "delegated");
		part(&first, t->recorded[RT_PS_NEEDS_ACTION], "undecided", "undecided");
		fputc(')', stderr);
	}
	bool first = false;
	part(&first, t->proposals, "proposal of other times", "proposals of other times");
	part(&first, t->known, "known already or older", "known already or older");
	part(&first, t->one_day, "answer for a single day (not recorded)",
	     "answers for single days (not recorded)");
	part(&first, t->other_event, "answer for another event", "answers for other events");
	part(&first, t->outcome[RT_REPLY_AUTO], "auto-reply", "auto-replies");
	part(&first, t->outcome[RT_REPLY_NO_CALENDAR], "without a calendar",
	     "without a calendar");
	part(&first, t->outcome[RT_REPLY_NOT_ICAL_REPLY], "calendar that is no answer",
	     "calendars that are no answer");
	part(&first, t->outcome[RT_REPLY_BROKEN], "broken calendar", "broken calendars");
	fputc('\n', stderr);
}

static int exit_for(enum rt_source_result r)
{
	switch (r) {
	case RT_SOURCE_OK: return EX_OK;
	case RT_SOURCE_USAGE: return EX_USAGE;
	case RT_SOURCE_NOINPUT: return EX_NOINPUT;
	case RT_SOURCE_IO: return EX_IOERR;
	case RT_SOURCE_CONFIG: return EX_CONFIG;
	case RT_SOURCE_AUTH: return EX_NOPERM;
	case RT_SOURCE_TEMPORARY: return EX_TEMPFAIL;
	case RT_SOURCE_TLS: return EX_UNAVAILABLE;
	case RT_SOURCE_PROTOCOL: return EX_PROTOCOL;
	case RT_SOURCE_STOPPED: return EX_IOERR; /* only the journal stops a walk */
	}
	return EX_SOFTWARE;
}

/* One SOURCE read into the journal; IMAP from where the journal says the
 * last run stopped. */
static int read_source(struct walk *w, const char *source, const struct rt_imap_config *imap)
{
	unsigned long validity = 0, last = 0, was_validity = 0, was_last = 0;
	bool had = rt_journal_mailbox(w->j, w->uid, source, &validity, &last);
	was_validity = validity;
	was_last = last;
	struct tally t;
	memset(&t, 0, sizeof(t));
	w->t = &t;
	char err[512] = "";
	struct rt_source_counts counts = {0};
	enum rt_source_result r = rt_source_walk(source, imap, &validity, &last, message, w,
						 &counts, err, sizeof(err));
	if (!t.io && validity && (!had || validity != was_validity || last != was_last))
		rt_journal_add_mailbox(w->j, w->uid, source, validity, last, w->now);
	int e = rt_journal_sync(w->j);
	if (e && !t.io)
		journal_failed(w, e);
	summary(source, &t);
	if (counts.too_large)
		errorf("%s: %lu message%s over %u MiB skipped", source, counts.too_large,
		       counts.too_large == 1 ? "" : "s", RT_MSG_MAX >> 20);
	if (r != RT_SOURCE_OK && r != RT_SOURCE_STOPPED)
		errorf("%s: %s", source, err);
	if (r == RT_SOURCE_AUTH)
		fprintf(stderr, "note: the login is the URL's user, RETRASON_IMAP_USER or "
				"'imap-user =' in the config file; the password "
				"RETRASON_IMAP_PASSWORD, the config's imap-password-command or "
				"~/.netrc\n");
	if (r == RT_SOURCE_TEMPORARY)
		fprintf(stderr, "note: what was read is recorded; run again for the rest\n");
	return t.io ? EX_IOERR : exit_for(r);
}

/* Every SOURCE checked before any is read, and the IMAP login looked
 * up once if one is a mailbox. */
static int prepare(const char *cmd, const char *const *sources, size_t n, struct settings *set,
		   struct rt_imap_config *imap)
{
	bool any_imap = false;
	for (size_t i = 0; i < n; i++)
		any_imap |= rt_source_is_imap(sources[i]);
	if (any_imap) {
		const char *user = getenv("RETRASON_IMAP_USER");
		imap->user = user && *user ? user : settings_get(set, SET_IMAP_USER);
		if (!imap->cacert)
			imap->cacert = settings_get(set, SET_CACERT);
		int rc = settings_password_from(set, "RETRASON_IMAP_PASSWORD",
						SET_IMAP_PASSWORD_COMMAND);
		if (rc)
			return rc;
		imap->password = set->password;
	}
	for (size_t i = 0; i < n; i++) {
		char err[512];
		enum rt_source_result r = rt_source_check(sources[i], imap, err, sizeof(err));
		if (r == RT_SOURCE_USAGE)
			return usage_error(cmd, "%s: %s", sources[i], err);
		if (r != RT_SOURCE_OK) {
			errorf("%s: %s", sources[i], err);
			return exit_for(r);
		}
	}
	if (imap->insecure)
		errorf("warning: --insecure: the server's certificate is not checked; anyone in "
		       "between can read these mails and the login");
	return EX_OK;
}

int cmd_invite_replies(int argc, char **argv)
{
	const char *cmd = "invite replies", *journal = NULL, *path;
	bool insecure = false;
	int timeout = 60, first;
	struct rt_imap_config imap = {0};
	struct settings set;
	const struct opt opts[] = {
		OPT_JOURNAL(&journal, "the journal (default: FILE.journal)"),
		OPT_STRING(0, "cacert", &imap.cacert, "FILE",
			   "trust the CAs in FILE (a private mail server)"),
		OPT_FLAG(0, "insecure", &insecure, "don't verify the server's certificate (unsafe)"),
		OPT_INT("timeout", &timeout, "SECS", 1, 3600, "seconds",
			"give up on a silent server after SECS (default 60)"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts,
					  .outro = outro};
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (first >= argc)
		return usage_error(cmd, "which agenda's replies? give its FILE");
	path = argv[first];
	imap.insecure = insecure;
	imap.timeout = timeout;
	rc = settings_load(&set);
	if (rc)
		return rc;
	/* The SOURCEs: the operands, else the config file's mailbox. */
	const char *const *sources = (const char *const *)argv + first + 1;
	size_t nsources = (size_t)(argc - first - 1);
	const char *dflt = settings_get(&set, SET_IMAP);
	if (!nsources && dflt && *dflt) {
		sources = &dflt;
		nsources = 1;
	}
	rc = nsources ? prepare(cmd, sources, nsources, &set, &imap)
		      : usage_error(cmd, "no SOURCE: name a mailbox, Maildir, mbox or message "
					 "file, or set 'imap = URL' in the config file");
	if (rc) {
		settings_finish(&set);
		return rc;
	}

	struct rt_buf jpath;
	rt_buf_init(&jpath);
	rc = journal_path(cmd, journal, path, &jpath);
	struct loaded l;
	if (!rc)
		rc = load_good_agenda(path, &l);
	if (rc) {
		rt_buf_finish(&jpath);
		settings_finish(&set);
		return rc;
	}
	struct rt_journal j;
	rc = open_journal(&j, rt_buf_str(&jpath), true);
	const char *uid = rc ? NULL : rt_journal_uid(&j);
	if (!rc && (!uid || !rt_journal_latest(&j, uid, false))) {
		errorf("the journal %s has no invitation sent: replies answer what invite send "
		       "sent", rt_buf_str(&jpath));
		rc = EX_DATAERR;
	}
	struct walk w = {.j = &j, .uid = uid, .now = (long long)time(NULL)};
	int failed = 0;
	/* Every SOURCE, even after one failed; the first failure decides. */
	for (size_t i = 0; !rc && i < nsources && !w.stop; i++) {
		int r = read_source(&w, sources[i], &imap);
		if (r && !failed)
			failed = r;
	}
	if (!rc)
		rc = failed;
	rt_journal_close(&j);
	rt_buf_finish(&jpath);
	loaded_finish(&l);
	settings_finish(&set);
	return rc;
}
