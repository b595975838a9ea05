/* retrason invite send / cancel / remind: the invitation mails, sent
 * over SMTP with a journal, or written out (--dry-run). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/atomic.h"
#include "retrason/changes.h"
#include "retrason/mail.h"
#include "retrason/mailbox.h"
#include "retrason/strutil.h"
#include "retrason/journal.h"
#include "retrason/plan.h"
#include "retrason/smtp.h"
#include "retrason/xalloc.h"

static const char send_intro[] =
	"Usage: retrason invite send --to LIST [options] FILE\n"
	"\n"
	"Send the invitation to everyone on the distribution list LIST over\n"
	"SMTP: one message per recipient, who is alone in To: and the only\n"
	"attendee.  A journal beside FILE records who has which version: the\n"
	"same command again sends only what is still owed, and after FILE\n"
	"changed, an update.  People invited earlier and missing from LIST stay\n"
	"invited unless --remove-missing.  Every run prints its plan first.\n";

static const char cancel_intro[] =
	"Usage: retrason invite cancel [--to LIST] [options] FILE\n"
	"\n"
	"Cancel the event for everyone the journal beside FILE says is invited,\n"
	"once each, over SMTP.  Every run prints its plan first.\n";

static const char remind_intro[] =
	"Usage: retrason invite remind [--to LIST] [options] FILE\n"
	"\n"
	"Send the invitation again, with a line asking for an answer, to everyone\n"
	"the journal beside FILE says has this version and has not answered it\n"
	"(answers come in with invite replies); with --to, only to those on\n"
	"LIST.  Each person is reminded once a version unless --again.  Nothing\n"
	"is sent when FILE changed since it went out: invite send the update\n"
	"first.  Every run prints its plan first.\n";

static const char outro[] =
	"Settings may also come from $RETRASON_SMTP_URL and _USER, and from\n"
	"~/.config/retrason/config (see retrason(1)).  The password comes from\n"
	"$RETRASON_SMTP_PASSWORD, the config's password-command or ~/.netrc,\n"
	"never from the command line.  Exit status: 0 all sent, 75 some failed\n"
	"for now (run again), 69 some were refused, 77 the login was refused.\n";

struct send_args {
	const char *cmd;
	const char *to, *output, *from, *journal;
	bool dry_run, lang_given, quiet, sequence_given, remove_missing, adopt, remind, again;
	struct settings settings;
	int retries, rate, parallel;
	struct rt_smtp_config smtp;
	struct rt_mail_opts o;
};

struct tally {
	size_t sent, temporary, permanent, unrecorded;
	bool auth, fatal;
	bool io;   /* the journal can't be written: start nothing more */
	bool down; /* the server is unavailable: start nothing more */
};

static void progress(const struct send_args *args, const struct tally *t, size_t total)
{
	if (args->quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%zu/%zu sent, %zu failed", t->sent, total,
		t->temporary + t->permanent);
}

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0)
		;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum rt_journal_method jmethod(enum rt_plan_kind k)
{
	return k == RT_PLAN_WITHDRAW ? RT_JM_WITHDRAW
	       : k == RT_PLAN_CANCEL ? RT_JM_CANCEL
	       : k == RT_PLAN_REMIND ? RT_JM_REMIND
				     : RT_JM_REQUEST;
}

/* An update's parts, for recipients who have version has: they open
 * with what changed since. */
struct update_parts {
	int has;
	struct rt_changes changes;
	struct rt_buf text, html;
};

/* A run: the plan, its journal, and the text and HTML parts, made once
 * for each kind of message (invitation, cancellation, withdrawal) and,
 * for updates, for each version their recipients have. */
struct run {
	struct send_args *args;
	const struct rt_agenda *a;
	const struct rt_file *source; /* the agenda file, for the snapshot */
	struct rt_plan plan;
	struct rt_journal j;
	bool version_recorded, withdrawal_recorded;
	struct rt_buf text[4], html[4];
	bool made[4];
	struct update_parts *updates;
	size_t nupdates;
};

/* What changed since version has, from the journal's snapshot of it;
 * none when there is no snapshot or it no longer reads. */
static void changes_since(const struct run *r, int has, struct rt_changes *c)
{
	memset(c, 0, sizeof(*c));
	size_t len;
	char *was_text = rt_journal_snapshot(&r->j, r->plan.uid, has, &len);
	if (!was_text)
		return;
	struct rt_diags d;
	rt_diags_init(&d, "snapshot", was_text, len);
	struct rt_agenda *was = rt_agenda_parse(was_text, len, NULL, &d);
	if (was && !d.errors)
		rt_changes_between(c, was, r->a, r->args->o.lang);
	rt_agenda_free(was);
	rt_diags_finish(&d);
	free(was_text);
}

static struct update_parts *update_parts(struct run *r, struct rt_mail_opts *o, int has)
{
	for (size_t i = 0; i < r->nupdates; i++)
		if (r->updates[i].has == has)
			return &r->updates[i];
	r->updates = xrealloc(r->updates, (r->nupdates + 1) * sizeof(*r->updates));
	struct update_parts *u = &r->updates[r->nupdates++];
	u->has = has;
	changes_since(r, has, &u->changes);
	rt_buf_init(&u->text);
	rt_buf_init(&u->html);
	o->changes = &u->changes;
	rt_mail_text_part(&u->text, r->a, o);
	rt_mail_html_part(&u->html, r->a, o);
	o->changes = NULL;
	return u;
}

static int part_kind(enum rt_plan_kind k)
{
	return k == RT_PLAN_REMIND ? 3 : k == RT_PLAN_WITHDRAW ? 2 : k == RT_PLAN_CANCEL ? 1 : 0;
}

static int build(struct run *r, const struct rt_plan_entry *e, struct rt_buf *out)
{
	struct rt_mail_opts o = r->args->o;
	o.uid = r->plan.uid;
	o.sequence = e->sequence;
	o.method = e->kind == RT_PLAN_WITHDRAW || e->kind == RT_PLAN_CANCEL ? RT_ICS_CANCEL
									     : RT_ICS_REQUEST;
	o.withdrawal = e->kind == RT_PLAN_WITHDRAW;
	o.update = e->kind == RT_PLAN_UPDATE;
	o.reminder = e->kind == RT_PLAN_REMIND;
	int k = part_kind(e->kind);
	if (o.update) {
		struct update_parts *u = update_parts(r, &o, e->has);
		o.text_part = &u->text;
		o.html_part = &u->html;
	} else {
		if (!r->made[k]) {
			rt_mail_text_part(&r->text[k], r->a, &o);
			rt_mail_html_part(&r->html[k], r->a, &o);
			r->made[k] = true;
		}
		o.text_part = &r->text[k];
		o.html_part = &r->html[k];
	}
	rt_buf_reset(out);
	return rt_mail_build(out, r->a, &e->who, &o);
}

/* Write-ahead: what is about to go out, with its version the first
 * time, so that a version is recorded with its first message. */
static void intend(struct run *r, const struct rt_plan_entry *e, long long when)
{
	if (e->kind == RT_PLAN_WITHDRAW && !r->withdrawal_recorded) {
		rt_journal_add_version(&r->j, r->plan.uid, e->sequence, "withdrawn", when);
		r->withdrawal_recorded = true;
	} else if (e->kind != RT_PLAN_WITHDRAW && r->plan.new_version && !r->version_recorded) {
		rt_journal_add_version(&r->j, r->plan.uid, e->sequence, r->plan.fingerprint, when);
		/* What this version said, for the updates that follow it. */
		if (e->kind != RT_PLAN_CANCEL &&
		    !rt_journal_snapshot_exists(&r->j, r->plan.uid, e->sequence))
			rt_journal_add_snapshot(&r->j, r->plan.uid, e->sequence, r->source->data,
						r->source->len, when);
		r->version_recorded = true;
	}
	rt_journal_add_intent(&r->j, r->plan.uid, e->sequence, jmethod(e->kind), e->who.addr,
			      when);
}

/* One connection of a run and the message it carries. */
struct slot {
	struct rt_smtp *smtp;
	struct rt_buf msg;
	size_t entry;
	int attempt;
	bool busy;           /* a transfer is under way */
	bool fresh;          /* assigned, its intent not yet durable */
	long long retry_at;  /* > 0: waiting to try the message again */
};

/* Records the outcome of one message; sets t->auth or t->fatal when the
 * run must stop. */
static void outcome(struct run *r, const struct rt_plan_entry *e, enum rt_smtp_result res,
		    const char *err, const struct rt_buf *msg, struct tally *t)
{
	const struct send_args *args = r->args;
	const char *to = e->who.addr;
	long long now = (long long)time(NULL);
	enum rt_journal_method m = jmethod(e->kind);
	if (res == RT_SMTP_OK) {
		const char *id = strstr(msg->data, "\r\nMessage-ID: ");
		char mid[256] = "";
		if (id)
			sscanf(id + 14, "%255[^\r]", mid);
		t->sent++;
		rt_journal_add_sent(&r->j, r->plan.uid, e->sequence, m, to, mid, now);
		return;
	}
	if (res == RT_SMTP_AUTH || res == RT_SMTP_FATAL) {
		/* The session's failure, not this recipient's: said once, and
		 * the message is owed still. */
		if (res == RT_SMTP_FATAL)
			errorf("cannot send: %s", err);
		else if (args->smtp.user)
			errorf("the server refused the login of %s: %s", args->smtp.user, err);
		else
			errorf("the server wants a login: %s", err);
		if (res == RT_SMTP_AUTH)
			fprintf(stderr, "note: the login is RETRASON_SMTP_USER or 'user =' in the "
					"config file; the password RETRASON_SMTP_PASSWORD, the "
					"config's password-command or ~/.netrc\n");
		rt_journal_add_failed(&r->j, r->plan.uid, e->sequence, m, to, false, err, now);
		*(res == RT_SMTP_AUTH ? &t->auth : &t->fatal) = true;
		return;
	}
	if (res == RT_SMTP_DOWN) {
		t->down = true;
		res = RT_SMTP_TEMPORARY;
	}
	bool temp = res == RT_SMTP_TEMPORARY;
	if (!args->quiet || !temp)
		fprintf(stderr, "%sretrason: %s: %s%s\n",
			isatty(STDERR_FILENO) && !args->quiet ? "\r\033[K" : "", to,
			temp ? "failed for now: " : "refused: ", err);
	rt_journal_add_failed(&r->j, r->plan.uid, e->sequence, m, to, !temp, err, now);
	if (temp)
		t->temporary++;
	else
		t->permanent++;
}

/* SIGINT or SIGTERM during a run: the first stops new messages (those
 * in flight finish and are recorded), a second abandons those too. */
static volatile sig_atomic_t signals;

static void on_signal(int sig)
{
	(void)sig;
	signals++;
}

static bool stopping(const struct tally *t)
{
	return t->auth || t->fatal || t->down || t->io || signals;
}

/* Makes what was recorded durable: the outcomes of the messages that
 * finished and the intents of those about to start.  Nothing starts
 * unless this succeeds. */
static void sync_journal(struct run *r, struct tally *t, size_t unrecorded)
{
	int e = rt_journal_sync(&r->j);
	if (!e)
		return;
	errorf("cannot write the journal %s: %s", r->j.path, strerror(e));
	t->io = true;
	if (!r->j.durable)
		t->unrecorded += unrecorded;
}

/* Sends every message of the plan over args->parallel connections. */
static int send_all(struct run *r)
{
	struct send_args *args = r->args;
	const struct rt_plan_entry *v = r->plan.v;
	size_t n = r->plan.n;
	struct tally t = {0};
	char err[512];
	int rc = EX_OK;
	size_t nslots = (size_t)args->parallel, next = 0, active = 0;
	struct slot *slots = xcalloc(nslots, sizeof(*slots));
	struct rt_smtp_pool *pool = rt_smtp_pool_new();
	const char *from = args->o.from_addr ? args->o.from_addr : r->a->organizer.addr;
	long long interval = args->rate ? 60000LL / args->rate : 0, last_start = 0;
	size_t finished_unsynced = 0; /* sent, their records not yet durable */
	bool recorded = false;         /* outcomes not yet durable */
	size_t unstarted = 0;          /* taken from the plan, never started */

	struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	for (size_t k = 0; k < nslots; k++) {
		slots[k].smtp = rt_smtp_open(&args->smtp);
		rt_buf_init(&slots[k].msg);
		if (!slots[k].smtp)
			t.fatal = true;
	}
	if (!pool || t.fatal)
		errorf("cannot start libcurl");

	for (;;) {
		long long now = now_ms();
		/* Give idle connections the next messages owed ... */
		size_t assigned = 0;
		for (size_t k = 0; k < nslots && !stopping(&t); k++) {
			struct slot *sl = &slots[k];
			if (sl->busy || sl->retry_at || next == n)
				continue;
			if (interval && last_start && now < last_start + interval * (long long)(assigned + 1))
				break; /* --rate: not yet */
			sl->entry = next++;
			sl->attempt = 0;
			int e = build(r, &v[sl->entry], &sl->msg);
			if (e) {
				errorf("cannot make the message for %s: %s", v[sl->entry].who.addr,
				       strerror(e));
				t.fatal = true;
				break;
			}
			intend(r, &v[sl->entry], (long long)time(NULL));
			sl->fresh = true;
			assigned++;
		}
		/* ... record that they are going out, durably, with the outcomes
		 * of those that finished ... */
		if (assigned || recorded) {
			sync_journal(r, &t, finished_unsynced);
			finished_unsynced = 0;
			recorded = false;
		}
		/* ... then send them, and the retries that are due. */
		for (size_t k = 0; k < nslots; k++) {
			struct slot *sl = &slots[k];
			bool due = sl->retry_at && now >= sl->retry_at;
			if (sl->busy || !(sl->fresh || due))
				continue;
			if (stopping(&t)) {
				sl->fresh = false;
				unstarted++; /* its intent is recorded: owed still */
				continue;
			}
			sl->fresh = false;
			sl->retry_at = 0;
			sl->busy = true;
			active++;
			last_start = now;
			rt_smtp_start(pool, sl->smtp, from, v[sl->entry].who.addr, sl->msg.data,
				      sl->msg.len);
		}
		bool waiting = false;
		for (size_t k = 0; k < nslots; k++)
			waiting |= slots[k].retry_at > 0 && !stopping(&t);
		if ((!active && !waiting && (next == n || stopping(&t))) || signals > 1)
			break;

		enum rt_smtp_result res;
		struct rt_smtp *done = active ? rt_smtp_wait(pool, 200, &res, err, sizeof(err)) : NULL;
		if (!done) {
			if (!active)
				pause_ms(20); /* only timers left: retries or --rate */
			continue;
		}
		/* Take every message that has finished; their outcomes become
		 * durable before any new message starts, so at most the
		 * messages in flight can be sent twice after a crash. */
		while (done) {
			struct slot *sl = NULL;
			for (size_t k = 0; k < nslots && !sl; k++)
				if (slots[k].smtp == done)
					sl = &slots[k];
			sl->busy = false;
			active--;
			if ((res == RT_SMTP_TEMPORARY || res == RT_SMTP_DOWN) &&
			    sl->attempt < args->retries && !stopping(&t)) {
				sl->retry_at = now_ms() + (1000LL << sl->attempt); /* 1 s, 2 s … */
				sl->attempt++;
			} else {
				outcome(r, &v[sl->entry], res, err, &sl->msg, &t);
				finished_unsynced += res == RT_SMTP_OK;
				recorded = true;
			}
			done = active ? rt_smtp_wait(pool, 0, &res, err, sizeof(err)) : NULL;
		}
		progress(args, &t, n);
	}
	if (recorded && !t.io)
		sync_journal(r, &t, finished_unsynced);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);

	if (!args->quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	fprintf(stderr, "retrason: %zu sent, %zu failed for now, %zu refused", t.sent,
		t.temporary, t.permanent);
	fprintf(stderr, " (SEQUENCE %d, journal: %s)\n", r->plan.sequence, r->j.path);
	/* Not tried: those still owed after the failure, and those a
	 * waiting retry held back. */
	size_t untried = n - next + unstarted;
	for (size_t k = 0; k < nslots; k++)
		untried += slots[k].retry_at > 0 || slots[k].busy;
	if (signals && !t.down)
		fprintf(stderr, "retrason: interrupted; %zu not sent%s\n", untried,
			signals > 1 ? " (messages that were on their way may have arrived)" : "");
	else if (t.down && untried)
		fprintf(stderr, "retrason: the server is unavailable; %zu not tried\n", untried);
	else if (t.io && untried)
		fprintf(stderr, "retrason: %zu not sent: the journal could not record them first\n",
			untried);
	if (t.unrecorded)
		fprintf(stderr, "retrason: %zu sent but not recorded: a re-run sends them again\n",
			t.unrecorded);
	if (t.down || t.io || signals)
		t.temporary += untried;
	if (t.temporary || t.io)
		fprintf(stderr, "retrason: %s\n",
			t.io ? "make room for the journal, then run the same command again"
			     : "run the same command again to retry");

	if (t.auth)
		rc = EX_NOPERM;
	else if (t.io)
		rc = EX_IOERR;
	else if (t.fatal || t.permanent)
		rc = EX_UNAVAILABLE;
	else if (t.temporary)
		rc = EX_TEMPFAIL;
	for (size_t k = 0; k < nslots; k++) {
		if (slots[k].busy)
			rt_smtp_abandon(pool, slots[k].smtp);
		rt_smtp_close(slots[k].smtp);
		rt_buf_finish(&slots[k].msg);
	}
	free(slots);
	rt_smtp_pool_free(pool);
	return rc;
}

/* At most a few addresses in a sentence, then how many more. */
static void some(const char *const *addr, size_t n)
{
	for (size_t i = 0; i < n && i < 5; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", addr[i]);
	if (n > 5)
		fprintf(stderr, " and %zu more", n - 5);
}

static void count(bool *first, size_t n, const char *one, const char *many)
{
	if (!n)
		return;
	fprintf(stderr, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = false;
}

/* The plan, before anything is sent. */
static void print_plan(const struct run *r, const char *list_path)
{
	const struct rt_plan *p = &r->plan;
	bool first = true;
	fprintf(stderr, "retrason: plan for SEQUENCE %d of %s: ", p->sequence, p->uid);
	count(&first, p->count[RT_PLAN_INVITE], "invitation", "invitations");
	count(&first, p->count[RT_PLAN_UPDATE], "update", "updates");
	count(&first, p->count[RT_PLAN_WITHDRAW], "withdrawal", "withdrawals");
	if (p->count[RT_PLAN_WITHDRAW])
		fprintf(stderr, " (at SEQUENCE %d)", p->withdraw_sequence);
	count(&first, p->count[RT_PLAN_CANCEL], "cancellation", "cancellations");
	count(&first, p->count[RT_PLAN_REMIND], "reminder", "reminders");
	if (first)
		fputs("nothing to send", stderr);
	if (p->answered)
		fprintf(stderr, "; %zu answered this version", p->answered);
	if (p->reminded)
		fprintf(stderr, "; %zu reminded of it before (--again reminds them again)",
			p->reminded);
	if (p->outdated)
		fprintf(stderr, "; %zu %s an earlier version (invite send updates them)",
			p->outdated, p->outdated == 1 ? "has" : "have");
	if (p->unchanged)
		fprintf(stderr, "; %zu %s this version already", p->unchanged,
			p->unchanged == 1 ? "has" : "have");
	if (p->done)
		fprintf(stderr, "; %zu withdrawn or cancelled before", p->done);
	fputc('\n', stderr);
	if (p->nkept) {
		fprintf(stderr, "retrason: %zu %s invited earlier %s not on %s; left invited (",
			p->nkept, p->nkept == 1 ? "person" : "people", p->nkept == 1 ? "is" : "are",
			list_path);
		some(p->kept, p->nkept);
		fputs("); --remove-missing withdraws their invitations\n", stderr);
	}
	if (p->never_invited)
		fprintf(stderr, "retrason: %zu on %s %s never invited: nothing to %s\n",
			p->never_invited, list_path, p->never_invited == 1 ? "was" : "were",
			r->args->remind ? "remind them of" : "cancel");
}

static char *copy_str(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	return xstrndup(s, n);
}

/* mboxrd (as mutt and mblaze read it): LF line ends, a ">" added to
 * lines that already read ">*From ". */
static void write_mbox(const struct rt_buf *msg, long long date)
{
	time_t t = (time_t)date;
	struct tm tm;
	char stamp[64];
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof(stamp), "%a %b %e %H:%M:%S %Y", &tm);
	printf("From retrason %s\n", stamp);
	const char *p = msg->data, *end = msg->data + msg->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t len = n && p[n - 1] == '\r' ? n - 1 : n;
		size_t gt = 0;
		while (gt < len && p[gt] == '>')
			gt++;
		if (len - gt >= 5 && !memcmp(p + gt, "From ", 5))
			putchar('>');
		fwrite(p, 1, len, stdout);
		putchar('\n');
		p = nl ? nl + 1 : end;
	}
	putchar('\n');
}

static int write_eml(const char *dir, size_t index, const char *addr,
		     const struct rt_buf *msg)
{
	struct rt_buf path;
	rt_buf_init(&path);
	rt_buf_addf(&path, "%s/%04zu-", dir, index + 1);
	/* The address, made safe as a file name. */
	for (const char *c = addr; *c; c++)
		rt_buf_addc(&path, (*c == '/' || *c == '\\') ? '_' : *c);
	rt_buf_adds(&path, ".eml");
	struct rt_atomic w;
	int err = rt_atomic_open(&w, rt_buf_str(&path));
	if (!err) {
		fwrite(msg->data, 1, msg->len, w.f);
		err = rt_atomic_commit(&w);
	}
	if (err)
		errorf("cannot write %s: %s", rt_buf_str(&path), strerror(err));
	rt_buf_finish(&path);
	return err ? EX_CANTCREAT : EX_OK;
}

/* --adopt: this agenda is the version recipients have; recorded, with
 * its snapshot, before any message of the run. */
static int adopt(struct run *r)
{
	long long now = (long long)time(NULL);
	rt_journal_add_version(&r->j, r->plan.uid, r->plan.sequence, r->plan.fingerprint, now);
	rt_journal_add_snapshot(&r->j, r->plan.uid, r->plan.sequence, r->source->data,
				r->source->len, now);
	int e = rt_journal_sync(&r->j);
	if (e) {
		errorf("cannot write the journal %s: %s", r->j.path, strerror(e));
		return EX_IOERR;
	}
	fprintf(stderr, "retrason: recorded this agenda as SEQUENCE %d, the version sent before\n",
		r->plan.sequence);
	r->version_recorded = true;
	return EX_OK;
}

static int dry_run(struct run *r)
{
	struct rt_buf msg;
	rt_buf_init(&msg);
	int rc = EX_OK;
	for (size_t i = 0; i < r->plan.n && !rc; i++) {
		const struct rt_plan_entry *e = &r->plan.v[i];
		int err = build(r, e, &msg);
		if (err) {
			errorf("cannot make the message for %s: %s", e->who.addr, strerror(err));
			rc = EX_SOFTWARE;
		} else if (r->args->output) {
			rc = write_eml(r->args->output, i, e->who.addr, &msg);
		} else {
			write_mbox(&msg, r->args->o.date);
		}
	}
	rt_buf_finish(&msg);
	return rc;
}

static int with_journal(struct send_args *args, const struct loaded *l,
			const struct rt_recipients *list, const char *agenda_path)
{
	const struct rt_agenda *a = l->agenda;
	struct rt_buf path;
	rt_buf_init(&path);
	int rc = journal_path(args->cmd, args->journal, agenda_path, &path);
	if (rc) {
		rt_buf_finish(&path);
		return rc;
	}
	struct run r = {.args = args, .a = a, .source = &l->file};
	for (int k = 0; k < 4; k++) {
		rt_buf_init(&r.text[k]);
		rt_buf_init(&r.html[k]);
	}
	rc = open_journal(&r.j, rt_buf_str(&path), !args->dry_run);
	rt_buf_finish(&path);
	char *uid = NULL, *fp = NULL;
	if (!rc)
		rc = pin_uid(a, agenda_path, &r.j, true, &uid);
	if (!rc) {
		bool cancel = args->o.method == RT_ICS_CANCEL;
		fp = cancel ? xstrdup("cancelled") : rt_mail_fingerprint(a);
		struct rt_plan_opts po = {.cancel = cancel,
					  .remind = args->remind,
					  .again = args->again,
					  .remove_missing = args->remove_missing,
					  .adopt = args->adopt,
					  .sequence = args->sequence_given ? args->o.sequence : -1};
		rt_plan_make(&r.plan, &r.j, uid, fp, list, &po);
		/* Nobody to cancel for: say so, don't report success. */
		bool unknown = cancel && !args->to && rt_journal_max_sequence(&r.j, uid) < 0;
		if (!unknown)
			print_plan(&r, args->to ? args->to : "the list");
		if (r.plan.changed) {
			errorf("%s is not the version that went out (or nothing went out yet): "
			       "a reminder would carry what nobody was sent", agenda_path);
			fprintf(stderr, "note: run invite send first, so that everyone has this "
					"version; then remind those who have not answered it\n");
			rc = EX_DATAERR;
		} else if (unknown) {
			rc = usage_error(args->cmd, "the journal %s has no record of this event: "
						    "give --to LIST to cancel it for those on it",
					 r.j.path);
		} else if (r.plan.legacy && !args->sequence_given) {
			const struct rt_journal_record *v = rt_journal_latest(&r.j, uid, true);
			errorf("the journal %s was written by an older retrason: its versions can't "
			       "be compared with this agenda, so retrason can't tell whether it "
			       "changed", r.j.path);
			fprintf(stderr, "note: if it is what went out as SEQUENCE %d, run once with "
					"--adopt (that sends nobody an update); if it changed since, "
					"give --sequence %d to send everyone the update\n",
				v->sequence, rt_journal_max_sequence(&r.j, uid) + 1);
			rc = EX_DATAERR;
		} else if (r.plan.too_low >= 0) {
			errorf("--sequence %d is not above SEQUENCE %d, which recipients have or the "
			       "journal used: calendars would drop the messages as stale; give "
			       "--sequence %d or more, or leave it out",
			       r.plan.sequence, r.plan.too_low, r.plan.too_low + 1);
			rc = EX_USAGE;
		} else if (r.plan.exhausted) {
			errorf("this event has used every SEQUENCE (up to %d): calendars can take no "
			       "further version of it; announce the next as a new event (another "
			       "UID and --journal)", RT_JOURNAL_MAX_SEQUENCE);
			rc = EX_DATAERR;
		} else if (args->dry_run) {
			rc = dry_run(&r);
		} else {
			if (r.plan.adopted)
				rc = adopt(&r);
			if (!rc && r.plan.n)
				rc = send_all(&r);
		}
		rt_plan_finish(&r.plan);
	}
	for (int k = 0; k < 4; k++) {
		rt_buf_finish(&r.text[k]);
		rt_buf_finish(&r.html[k]);
	}
	for (size_t i = 0; i < r.nupdates; i++) {
		rt_changes_finish(&r.updates[i].changes);
		rt_buf_finish(&r.updates[i].text);
		rt_buf_finish(&r.updates[i].html);
	}
	free(r.updates);
	free(fp);
	free(uid);
	rt_journal_close(&r.j);
	return rc;
}

static int run(int argc, char **argv, struct send_args *args)
{
	const char *cmd = args->cmd, *path;
	int timeout = 60, first;
	const struct opt shared[] = {
		OPT_STRING(0, "smtp", &args->smtp.url, "URL",
			   "smtp://[user@]host[:port] (STARTTLS required but on\n"
			   "loopback) or smtps://; default $RETRASON_SMTP_URL"),
		OPT_STRING(0, "from", &args->from, "ADDR",
			   "From: this mailbox; the organizer gets Reply-To:"),
		OPT_STRING(0, "cacert", &args->smtp.cacert, "FILE",
			   "trust the CAs in FILE (a private mail server)"),
		OPT_FLAG(0, "insecure", &args->smtp.insecure,
			 "don't verify the server's certificate (unsafe)"),
		OPT_INT("timeout", &timeout, "SECS", 1, 3600, "seconds",
			"give up on a silent server after SECS (default 60)"),
		OPT_INT("retries", &args->retries, "N", 0, 10, NULL,
			"retry a temporary failure N times (default 2)"),
		OPT_INT("parallel", &args->parallel, "N", 1, 16, "connections",
			"send over N connections at once (default 1)"),
		OPT_INT("rate", &args->rate, "N", 1, 100000, "messages a minute",
			"send at most N messages a minute"),
		OPT_JOURNAL(&args->journal, "the journal (default: FILE.journal)"),
		OPT_LANG(&args->o.lang, &args->lang_given,
			 "de or en: subject and text (default: the file's\n"
			 "Language, else the locale, else en)"),
		OPT_FLAG(0, "dry-run", &args->dry_run,
			 "send nothing: write the messages, as an mbox on\n"
			 "standard output or with -o into DIR"),
		OPT_OUTPUT(&args->output, "DIR",
			   "with --dry-run: one .eml file per recipient in DIR\n"
			   "(- is standard output)"),
		OPT_FLAG('q', "quiet", &args->quiet, "nothing but the plan, errors and the summary"),
		OPT_END,
	};
	const struct opt send_opts[] = {
		OPT_STRING(0, "to", &args->to, "LIST", "the distribution list, one recipient a line"),
		OPT_FLAG(0, "remove-missing", &args->remove_missing,
			 "withdraw the invitation of those invited earlier\n"
			 "who are no longer on LIST, once each"),
		OPT_FLAG(0, "adopt", &args->adopt,
			 "a journal from an older retrason: this agenda is what\n"
			 "went out last (records it, sends no update)"),
		OPT_SEQUENCE(&args->o.sequence, &args->sequence_given,
			     "SEQUENCE of this version, instead of the journal's"),
		OPT_END,
	};
	const struct opt cancel_opts[] = {
		OPT_STRING(0, "to", &args->to, "LIST", "whom to cancel for when there is no journal"),
		OPT_SEQUENCE(&args->o.sequence, &args->sequence_given,
			     "SEQUENCE of this version, instead of the journal's"),
		OPT_END,
	};
	const struct opt remind_opts[] = {
		OPT_STRING(0, "to", &args->to, "LIST", "remind only those on LIST"),
		OPT_FLAG(0, "again", &args->again,
			 "remind those reminded of this version before too"),
		OPT_END,
	};
	const struct command_spec send_spec = {
		.name = "invite send", .intro = send_intro, .opts = send_opts, .more = shared,
		.outro = outro};
	const struct command_spec cancel_spec = {
		.name = "invite cancel", .intro = cancel_intro, .opts = cancel_opts,
		.more = shared, .outro = outro, .sibling = &send_spec};
	const struct command_spec remind_spec = {
		.name = "invite remind", .intro = remind_intro, .opts = remind_opts,
		.more = shared, .outro = outro, .sibling = &send_spec};

	args->retries = 2;
	args->parallel = 1;
	int rc = parse_options(args->remind			 ? &remind_spec
			       : args->o.method == RT_ICS_CANCEL ? &cancel_spec
								 : &send_spec,
			       argc, argv, &first);
	if (rc == OPTS_CONTINUE)
		rc = agenda_operand(cmd, argc, argv, first, false, &path);
	if (rc != OPTS_CONTINUE)
		return rc;
	args->smtp.timeout = timeout;
	bool cancel = args->o.method == RT_ICS_CANCEL;
	if (!args->to && !cancel && !args->remind)
		return usage_error(cmd, "--to LIST is required: who is invited?");
	if (args->adopt && args->sequence_given)
		return usage_error(cmd, "--adopt goes without --sequence: it records the agenda "
					"as the version sent before");
	if (args->output && !args->dry_run)
		return usage_error(cmd, "-o DIR goes with --dry-run");
	if (args->output && !strcmp(args->output, "-"))
		args->output = NULL; /* the mbox on standard output */
	rc = settings_load(&args->settings);
	if (rc)
		return rc;
	/* Command line, then environment, then the config file. */
	const char *env_url = getenv("RETRASON_SMTP_URL");
	const char *env_user = getenv("RETRASON_SMTP_USER");
	if (!args->smtp.url)
		args->smtp.url = env_url && *env_url ? env_url
						      : settings_get(&args->settings, SET_SMTP);
	args->smtp.user = env_user && *env_user ? env_user
						: settings_get(&args->settings, SET_USER);
	if (!args->smtp.cacert)
		args->smtp.cacert = settings_get(&args->settings, SET_CACERT);
	if (!args->from)
		args->from = settings_get(&args->settings, SET_FROM);
	if (!args->dry_run) {
		if (!args->smtp.url || !*args->smtp.url)
			return usage_error(cmd, "no SMTP server: give --smtp URL, set "
						"RETRASON_SMTP_URL, or 'smtp = URL' in the config "
						"file (or --dry-run)");
		char why[512];
		if (!rt_smtp_init(why, sizeof(why))) {
			errorf("%s", why);
			return EX_UNAVAILABLE;
		}
		rc = settings_password(&args->settings);
		if (rc)
			return rc;
		args->smtp.password = args->settings.password;
		switch (rt_smtp_config_check(&args->smtp, why, sizeof(why))) {
		case RT_SMTP_CHECK_OK:
			break;
		case RT_SMTP_CHECK_USAGE:
			return usage_error(cmd, "%s", why);
		case RT_SMTP_CHECK_FILE:
			errorf("%s", why);
			return EX_CONFIG;
		}
		if (args->smtp.insecure)
			errorf("warning: --insecure: the server's certificate is not checked; "
			       "anyone in between can read and change these mails");
	}
	rc = source_date(cmd, &args->o.date);
	if (rc)
		return rc;

	struct rt_mailbox from = {NULL, NULL};
	if (args->from) {
		struct rt_mailbox_error e;
		if (!rt_mailbox_parse(args->from, strlen(args->from), &from, &e, copy_str, NULL))
			return usage_error(cmd, "--from '%s': %s", args->from, e.message);
		args->o.from_name = from.name;
		args->o.from_addr = from.addr;
	}
	if (args->output) {
		struct stat st;
		if (stat(args->output, &st) != 0 || !S_ISDIR(st.st_mode)) {
			if (stat(args->output, &st) != 0)
				errorf("cannot write into %s: %s (-o DIR needs an existing "
				       "directory)",
				       args->output, strerror(errno));
			else
				errorf("%s is not a directory", args->output);
			free(from.name);
			free(from.addr);
			return EX_CANTCREAT;
		}
	}

	struct rt_recipients list;
	memset(&list, 0, sizeof(list)); /* empty, and fine to finish */
	struct loaded l;
	rc = 0;
	if (args->to)
		rc = load_list(args->to, &list);
	if (!rc)
		rc = load_for_output(path, true, &l);
	if (!rc && l.diags.warnings)
		/* Mail that can't be taken back: the warnings at least named. */
		fprintf(stderr, "retrason: %s has %zu warning%s (agenda check %s shows them)\n",
			path, l.diags.warnings, l.diags.warnings == 1 ? "" : "s", path);
	if (!rc) {
		args->o.lang = pick_lang(l.agenda, args->lang_given, args->o.lang);
		rc = with_journal(args, &l, &list, path);
		loaded_finish(&l);
	}
	rt_recipients_finish(&list);
	free(from.name);
	free(from.addr);
	return rc;
}

int cmd_invite_send(int argc, char **argv)
{
	struct send_args args = {.cmd = "invite send"};
	args.o.method = RT_ICS_REQUEST;
	int rc = run(argc, argv, &args);
	settings_finish(&args.settings);
	return rc;
}

int cmd_invite_remind(int argc, char **argv)
{
	struct send_args args = {.cmd = "invite remind", .remind = true};
	args.o.method = RT_ICS_REQUEST;
	int rc = run(argc, argv, &args);
	settings_finish(&args.settings);
	return rc;
}

int cmd_invite_cancel(int argc, char **argv)
{
	struct send_args args = {.cmd = "invite cancel"};
	args.o.method = RT_ICS_CANCEL;
	int rc = run(argc, argv, &args);
	settings_finish(&args.settings);
	return rc;
}
