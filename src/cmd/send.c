/* retrason invite send / invite cancel: the invitation mails, sent over
 * SMTP with a journal, or written out (--dry-run). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/atomic.h"
#include "retrason/mail.h"
#include "retrason/mailbox.h"
#include "retrason/strutil.h"
#include "retrason/journal.h"
#include "retrason/smtp.h"
#include "retrason/xalloc.h"

static const char send_usage[] =
	"Usage: retrason invite send --to LIST [options] FILE\n"
	"       retrason invite cancel --to LIST [options] FILE\n"
	"\n"
	"Send the invitation (or the cancellation) to everyone on the\n"
	"distribution list LIST over SMTP: one message per recipient, who is\n"
	"alone in To: and the only attendee.  A journal beside FILE records who\n"
	"got which version: running the same command again sends only what is\n"
	"still owed, and after FILE changed, an update to everyone.\n"
	"\n"
	"Options:\n"
	"      --to=LIST        the distribution list, one recipient a line\n"
	"      --smtp=URL       smtp://[user@]host[:port] (STARTTLS required but on\n"
	"                       loopback) or smtps://; default $RETRASON_SMTP_URL\n"
	"      --from=ADDR      From: this mailbox; the organizer gets Reply-To:\n"
	"      --cacert=FILE    trust the CAs in FILE (a private mail server)\n"
	"      --insecure       don't verify the server's certificate (unsafe)\n"
	"      --timeout=SECS   give up on a silent server after SECS (default 60)\n"
	"      --retries=N      retry a temporary failure N times (default 2)\n"
	"      --parallel=N     send over N connections at once (default 1)\n"
	"      --rate=N         send at most N messages a minute\n"
	"      --journal=FILE   the journal (default: FILE.journal)\n"
	"      --sequence=N     SEQUENCE of this version, instead of the journal's\n"
	"      --lang=LANG      de or en: subject and text (default: the file's)\n"
	"      --dry-run        send nothing: write the messages, as an mbox on\n"
	"                       standard output or with -o into DIR\n"
	"  -o, --output=DIR     with --dry-run: one .eml file per recipient in DIR\n"
	"  -q, --quiet          nothing but errors and the final summary\n"
	"  -h, --help           show this help\n"
	"\n"
	"Settings may also come from $RETRASON_SMTP_URL and _USER, and from\n"
	"~/.config/retrason/config (see retrason(1)).  The password comes from\n"
	"$RETRASON_SMTP_PASSWORD, the config's password-command or ~/.netrc,\n"
	"never from the command line.  Exit status: 0 all sent, 75 some failed\n"
	"for now (run again), 69 some were refused, 77 the login was refused.\n";

struct send_args {
	const char *cmd;
	const char *to, *output, *from, *journal;
	bool dry_run, lang_given, quiet, sequence_given;
	struct settings settings;
	int retries, rate, parallel;
	struct rt_smtp_config smtp;
	struct rt_mail_opts o;
};

struct tally {
	size_t sent, skipped, temporary, permanent;
	bool auth, fatal;
	bool down; /* the server is unavailable: start nothing more */
};

static void progress(const struct send_args *args, const struct tally *t, size_t total)
{
	if (args->quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%zu/%zu sent, %zu failed", t->sent + t->skipped, total,
		t->temporary + t->permanent);
}

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0)
		;
}

/* One message to send: to whom, and whether it invites or cancels. */
struct target {
	struct rt_recipient who;
	enum rt_ics_method method;
};

static const char *const method_names[] = {"PUBLISH", "REQUEST", "CANCEL"};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One connection of a run and the message it carries. */
struct slot {
	struct rt_smtp *smtp;
	struct rt_buf msg;
	size_t target;
	int attempt;
	bool busy;           /* a transfer is under way */
	long long retry_at;  /* > 0: waiting to try the message again */
};

/* Records the outcome of one message; sets t->auth or t->fatal when the
 * run must stop. */
static void outcome(struct send_args *args, const struct target *tg, const char *uid,
		    struct rt_journal *j, enum rt_smtp_result r, const char *err,
		    const struct rt_buf *msg, struct tally *t)
{
	const char *to = tg->who.addr;
	const char *method = method_names[tg->method];
	long long now = (long long)time(NULL);
	if (r == RT_SMTP_OK) {
		const char *id = strstr(msg->data, "\r\nMessage-ID: ");
		char mid[256] = "";
		if (id)
			sscanf(id + 14, "%255[^\r]", mid);
		t->sent++;
		if (rt_journal_record(j, "sent", uid, args->o.sequence, method, to, mid, now)) {
			/* Without the record a re-run would send again: stop. */
			errorf("cannot write the journal %s", j->path);
			t->fatal = true;
		}
		return;
	}
	if (r == RT_SMTP_AUTH) {
		errorf("the server refused the login: %s", err);
		t->auth = true;
		return;
	}
	if (r == RT_SMTP_FATAL) {
		errorf("cannot send: %s", err);
		t->fatal = true;
		return;
	}
	if (r == RT_SMTP_DOWN) {
		t->down = true;
		r = RT_SMTP_TEMPORARY;
	}
	bool temp = r == RT_SMTP_TEMPORARY;
	if (!args->quiet || !temp)
		fprintf(stderr, "%sretrason: %s: %s%s\n",
			isatty(STDERR_FILENO) && !args->quiet ? "\r\033[K" : "", to,
			temp ? "failed for now: " : "refused: ", err);
	rt_journal_record(j, temp ? "temporary" : "permanent", uid, args->o.sequence, method,
			  to, err, now);
	if (temp)
		t->temporary++;
	else
		t->permanent++;
}

/* Sends every message still owed over args->parallel connections,
 * recording each in the journal as the server accepts it. */
static int send_all(struct send_args *args, const struct rt_agenda *a, const char *uid,
		    const struct target *targets, size_t n, struct rt_journal *j)
{
	struct tally t = {0};
	char err[512];
	int rc = EX_OK;
	size_t nslots = (size_t)args->parallel, next = 0, active = 0;
	struct slot *slots = xcalloc(nslots, sizeof(*slots));
	struct rt_smtp_pool *pool = rt_smtp_pool_new();
	const char *from = args->o.from_addr ? args->o.from_addr : a->organizer.addr;
	long long interval = args->rate ? 60000LL / args->rate : 0, last_start = 0;

	for (size_t k = 0; k < nslots; k++) {
		slots[k].smtp = rt_smtp_open(&args->smtp);
		rt_buf_init(&slots[k].msg);
		if (!slots[k].smtp)
			t.fatal = true;
	}
	if (!pool || t.fatal)
		errorf("cannot start libcurl");

	for (;;) {
		bool stop = t.auth || t.fatal || t.down;
		long long now = now_ms();
		/* Give idle connections the next message still owed. */
		for (size_t k = 0; k < nslots && !stop; k++) {
			struct slot *sl = &slots[k];
			if (sl->busy || (sl->retry_at && now < sl->retry_at))
				continue;
			if (interval && last_start && now < last_start + interval)
				break; /* --rate: not yet */
			if (!sl->retry_at) {
				while (next < n && rt_journal_was_sent(j, uid, args->o.sequence,
								       method_names[targets[next].method],
								       targets[next].who.addr)) {
					t.skipped++;
					next++;
				}
				if (next == n)
					continue;
				sl->target = next++;
				sl->attempt = 0;
				struct rt_mail_opts o = args->o;
				o.method = targets[sl->target].method;
				rt_buf_reset(&sl->msg);
				int e = rt_mail_build(&sl->msg, a, &targets[sl->target].who, &o);
				if (e) {
					errorf("cannot make the message for %s: %s",
					       targets[sl->target].who.addr, strerror(e));
					t.fatal = true;
					break;
				}
			}
			sl->retry_at = 0;
			sl->busy = true;
			active++;
			last_start = now;
			rt_smtp_start(pool, sl->smtp, from, targets[sl->target].who.addr,
				      sl->msg.data, sl->msg.len);
		}
		bool waiting = false;
		for (size_t k = 0; k < nslots; k++)
			waiting |= slots[k].retry_at > 0 && !(t.auth || t.fatal || t.down);
		if (!active && !waiting && (next == n || t.auth || t.fatal || t.down))
			break;

		enum rt_smtp_result r;
		struct rt_smtp *done = active ? rt_smtp_wait(pool, 200, &r, err, sizeof(err)) : NULL;
		if (!done) {
			if (!active)
				pause_ms(20); /* only timers left: retries or --rate */
			continue;
		}
		/* Take every message that has finished, then make their journal
		 * lines durable with one fsync before any new message starts: at
		 * most the messages in flight can be sent twice after a crash. */
		bool recorded = false;
		while (done) {
			struct slot *sl = NULL;
			for (size_t k = 0; k < nslots && !sl; k++)
				if (slots[k].smtp == done)
					sl = &slots[k];
			sl->busy = false;
			active--;
			if ((r == RT_SMTP_TEMPORARY || r == RT_SMTP_DOWN) &&
			    sl->attempt < args->retries && !(t.auth || t.fatal || t.down)) {
				sl->retry_at = now_ms() + (1000LL << sl->attempt); /* 1 s, 2 s … */
				sl->attempt++;
			} else {
				outcome(args, &targets[sl->target], uid, j, r, err, &sl->msg, &t);
				recorded = true;
			}
			done = active ? rt_smtp_wait(pool, 0, &r, err, sizeof(err)) : NULL;
		}
		if (recorded) {
			int e = rt_journal_sync(j);
			if (e) {
				errorf("cannot write the journal %s: %s", j->path, strerror(e));
				t.fatal = true;
			}
		}
		progress(args, &t, n);
	}

	if (!args->quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	fprintf(stderr, "retrason: %zu sent, %zu failed for now, %zu refused", t.sent,
		t.temporary, t.permanent);
	if (t.skipped)
		fprintf(stderr, "; %zu had this version already", t.skipped);
	fprintf(stderr, " (SEQUENCE %d, journal: %s)\n", args->o.sequence, j->path);
	if (t.down) {
		/* Not tried: those still owed after the failure, and those a
		 * waiting retry held back. */
		size_t untried = 0;
		for (size_t k = next; k < n; k++)
			untried += !rt_journal_was_sent(j, uid, args->o.sequence,
							method_names[targets[k].method],
							targets[k].who.addr);
		for (size_t k = 0; k < nslots; k++)
			untried += slots[k].retry_at > 0;
		fprintf(stderr, "retrason: the server is unavailable; %zu not tried\n", untried);
		t.temporary += untried;
	}
	if (t.temporary)
		fprintf(stderr, "retrason: run the same command again to retry\n");

	if (t.auth)
		rc = EX_NOPERM;
	else if (t.fatal || t.permanent)
		rc = EX_UNAVAILABLE;
	else if (t.temporary)
		rc = EX_TEMPFAIL;
	for (size_t k = 0; k < nslots; k++) {
		rt_smtp_close(slots[k].smtp);
		rt_buf_finish(&slots[k].msg);
	}
	free(slots);
	rt_smtp_pool_free(pool);
	return rc;
}

/* The SEQUENCE of what this run sends, from the journal: the same as
 * last time if the agenda is unchanged, the next one if it changed or
 * is cancelled.  Records a new version unless read only.  Returns 0 or
 * an exit status. */
static int settle_version(struct send_args *args, const struct rt_agenda *a, const char *uid,
			  struct rt_journal *j)
{
	bool cancel = args->o.method == RT_ICS_CANCEL;
	char *fp = cancel ? xstrdup("cancelled") : rt_mail_fingerprint(a);
	const struct rt_journal_version *last = rt_journal_latest(j, uid);
	bool fresh = true;
	if (args->sequence_given)
		args->o.sequence += cancel;
	else if (!last)
		args->o.sequence = cancel;
	else if (!strcmp(last->fingerprint, fp)) {
		args->o.sequence = last->sequence;
		fresh = false;
	} else
		args->o.sequence = last->sequence + 1;
	if (!cancel)
		args->o.update = args->o.sequence > 0;
	int rc = EX_OK;
	if (fresh && j->f) {
		int e = rt_journal_version(j, uid, args->o.sequence, fp, (long long)time(NULL));
		if (e) {
			errorf("cannot write the journal %s: %s", j->path, strerror(e));
			rc = EX_CANTCREAT;
		}
	}
	free(fp);
	return rc;
}

/* Who gets what: for an invitation, everyone on the list, and a
 * cancellation for whoever was invited before but is no longer on it;
 * for a cancellation, everyone on the list or invited before. */
static struct target *targets_for(const struct send_args *args, const struct rt_recipients *list,
				  const struct rt_journal *j, const char *uid, size_t *n)
{
	struct target *t = xcalloc(list->n + j->ninvited + 1, sizeof(*t));
	size_t k = 0, ulen = strlen(uid);
	for (size_t i = 0; i < list->n; i++)
		t[k++] = (struct target){list->v[i], args->o.method};
	for (size_t i = 0; i < j->ninvited; i++) {
		const char *e = j->invited[i];
		if (strncmp(e, uid, ulen) || e[ulen] != '\t')
			continue;
		const char *addr = e + ulen + 1;
		bool known = false;
		for (size_t m = 0; m < k && !known; m++)
			known = !rt_strcasecmp(t[m].who.addr, addr);
		if (!known)
			t[k++] = (struct target){{NULL, (char *)addr, 0}, RT_ICS_CANCEL};
	}
	*n = k;
	return t;
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

static int with_journal(struct send_args *args, const struct rt_agenda *a,
			const struct rt_recipients *list, const char *agenda_path)
{
	struct rt_buf path;
	rt_buf_init(&path);
	int prc = journal_path(args->cmd, args->journal, agenda_path, &path);
	if (prc) {
		rt_buf_finish(&path);
		return prc;
	}
	/* Before the journal records anything: without libcurl, nothing
	 * can be sent. */
	char why[512];
	if (!args->dry_run && !rt_smtp_init(why, sizeof(why))) {
		errorf("%s", why);
		rt_buf_finish(&path);
		return EX_UNAVAILABLE;
	}
	struct rt_journal j;
	int e = rt_journal_open(&j, rt_buf_str(&path), args->dry_run);
	if (e) {
		errorf("cannot use the journal %s: %s", rt_buf_str(&path), strerror(e));
		rt_buf_finish(&path);
		return EX_CANTCREAT;
	}
	rt_buf_finish(&path);
	char *uid = rt_agenda_uid(a);
	size_t n = 0;
	struct target *t = NULL;
	struct rt_buf text, html;
	rt_buf_init(&text);
	rt_buf_init(&html);
	rt_mail_text_part(&text, a, args->o.lang);
	rt_mail_html_part(&html, a, args->o.lang);
	args->o.text_part = &text;
	args->o.html_part = &html;
	int rc = settle_version(args, a, uid, &j);
	if (!rc)
		t = targets_for(args, list, &j, uid, &n);
	if (!rc && !args->dry_run) {
		rc = send_all(args, a, uid, t, n, &j);
	} else if (!rc) {
		struct rt_buf msg;
		rt_buf_init(&msg);
		for (size_t i = 0; i < n && !rc; i++) {
			if (rt_journal_was_sent(&j, uid, args->o.sequence,
						method_names[t[i].method], t[i].who.addr))
				continue; /* a dry run shows what a real one would send */
			struct rt_mail_opts o = args->o;
			o.method = t[i].method;
			rt_buf_reset(&msg);
			e = rt_mail_build(&msg, a, &t[i].who, &o);
			if (e) {
				errorf("cannot make the message for %s: %s", t[i].who.addr,
				       strerror(e));
				rc = EX_SOFTWARE;
			} else if (args->output) {
				rc = write_eml(args->output, i, t[i].who.addr, &msg);
			} else {
				write_mbox(&msg, args->o.date);
			}
		}
		rt_buf_finish(&msg);
	}
	free(t);
	free(uid);
	args->o.text_part = NULL;
	args->o.html_part = NULL;
	rt_buf_finish(&text);
	rt_buf_finish(&html);
	rt_journal_close(&j);
	return rc;
}

static int run(int argc, char **argv, struct send_args *args)
{
	static const struct option longopts[] = {
		{"to", required_argument, NULL, 'T'},
		{"dry-run", no_argument, NULL, 'n'},
		{"output", required_argument, NULL, 'o'},
		{"from", required_argument, NULL, 'F'},
		{"sequence", required_argument, NULL, 'S'},
		{"lang", required_argument, NULL, 'L'},
		{"smtp", required_argument, NULL, 'U'},
		{"cacert", required_argument, NULL, 'A'},
		{"insecure", no_argument, NULL, 'K'},
		{"timeout", required_argument, NULL, 'W'},
		{"retries", required_argument, NULL, 'R'},
		{"rate", required_argument, NULL, 'P'},
		{"journal", required_argument, NULL, 'J'},
		{"parallel", required_argument, NULL, 'N'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = args->cmd;
	int c, n;

	args->retries = 2;
	args->parallel = 1;
	args->smtp.timeout = 60;
	optind = 0;
	while ((c = next_option(cmd, argc, argv, "o:qh", longopts)) != -1) {
		switch (c) {
		case 'T':
			args->to = optarg;
			break;
		case 'n':
			args->dry_run = true;
			break;
		case 'o':
			args->output = optarg;
			break;
		case 'F':
			args->from = optarg;
			break;
		case 'S':
			if (!int_value(optarg, 0, 1000000, &args->o.sequence))
				return usage_error(cmd, "invalid --sequence '%s' (a number from 0)",
						   optarg);
			args->sequence_given = true;
			break;
		case 'L':
			if (!lang_option(cmd, optarg, &args->o.lang))
				return EX_USAGE;
			args->lang_given = true;
			break;
		case 'U':
			args->smtp.url = optarg;
			break;
		case 'A':
			args->smtp.cacert = optarg;
			break;
		case 'K':
			args->smtp.insecure = true;
			break;
		case 'W':
			if (!int_value(optarg, 1, 3600, &n))
				return usage_error(cmd, "invalid --timeout '%s' (1 to 3600 seconds)",
						   optarg);
			args->smtp.timeout = n;
			break;
		case 'R':
			if (!int_value(optarg, 0, 10, &args->retries))
				return usage_error(cmd, "invalid --retries '%s' (0 to 10)", optarg);
			break;
		case 'P':
			if (!int_value(optarg, 1, 100000, &args->rate))
				return usage_error(cmd, "invalid --rate '%s' (messages a minute)",
						   optarg);
			break;
		case 'J':
			args->journal = optarg;
			break;
		case 'N':
			if (!int_value(optarg, 1, 16, &args->parallel))
				return usage_error(cmd, "invalid --parallel '%s' (1 to 16 connections)",
						   optarg);
			break;
		case 'q':
			args->quiet = true;
			break;
		case 'h':
			fputs(send_usage, stdout);
			return EX_OK;
		default:
			return EX_USAGE;
		}
	}
	if (!args->to)
		return usage_error(cmd, "--to LIST is required: who is invited?");
	if (argc - optind != 1)
		return usage_error(cmd, "give one agenda file");
	if (args->output && !args->dry_run)
		return usage_error(cmd, "-o DIR goes with --dry-run");
	int rc = settings_load(&args->settings);
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
		char why[256];
		if (!rt_smtp_config_check(&args->smtp, why, sizeof(why)))
			return usage_error(cmd, "%s", why);
		rc = settings_password(&args->settings);
		if (rc)
			return rc;
		args->smtp.password = args->settings.password;
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
			errorf("%s is not a directory", args->output);
			free(from.name);
			free(from.addr);
			return EX_CANTCREAT;
		}
	}

	struct rt_recipients list;
	memset(&list, 0, sizeof(list)); /* empty, and fine to finish */
	struct loaded l;
	rc = need_ical();
	if (!rc)
		rc = load_list(args->to, &list);
	if (!rc)
		rc = load_good_agenda(argv[optind], &l);
	if (!rc) {
		if (!l.agenda->organizer.addr) {
			errorf("%s: an invitation needs an 'Organizer:' to answer to",
			       l.diags.path);
			rc = EX_DATAERR;
		}
		args->o.lang = pick_lang(l.agenda, args->lang_given, args->o.lang);
		if (!rc)
			rc = with_journal(args, l.agenda, &list, argv[optind]);
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

int cmd_invite_cancel(int argc, char **argv)
{
	struct send_args args = {.cmd = "invite cancel"};
	args.o.method = RT_ICS_CANCEL;
	int rc = run(argc, argv, &args);
	settings_finish(&args.settings);
	return rc;
}
