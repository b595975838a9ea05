/* retrason invite send / invite cancel: the invitation mails.  This
 * version writes them (--dry-run); sending over SMTP is the next step. */
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
#include "retrason/xalloc.h"

static const char send_usage[] =
	"Usage: retrason invite send --to LIST --dry-run [options] FILE\n"
	"       retrason invite cancel --to LIST --dry-run [options] FILE\n"
	"\n"
	"Make the invitation mail (or the cancellation) for everyone on the\n"
	"distribution list LIST: one message per recipient, who is alone in To:\n"
	"and the only attendee.  With --dry-run nothing is sent: the messages go\n"
	"to standard output as an mbox, or into DIR as one .eml file each.\n"
	"Sending over SMTP is not in this version yet.\n"
	"\n"
	"Options:\n"
	"      --to=LIST        the distribution list, one recipient a line\n"
	"      --dry-run        write the messages instead of sending them\n"
	"  -o, --output=DIR     one .eml file per recipient in DIR (with --dry-run)\n"
	"      --from=ADDR      From: this mailbox; the organizer gets Reply-To:\n"
	"      --sequence=N     SEQUENCE of the last version sent (default 0); an\n"
	"                       invitation with N > 0 is an update\n"
	"      --lang=LANG      de or en: subject and text (default: the file's)\n"
	"  -h, --help           show this help\n";

struct send_args {
	const char *cmd;
	const char *to, *output, *from;
	bool dry_run, lang_given;
	struct rt_mail_opts o;
};

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

static int run(int argc, char **argv, struct send_args *args)
{
	static const struct option longopts[] = {
		{"to", required_argument, NULL, 'T'},
		{"dry-run", no_argument, NULL, 'n'},
		{"output", required_argument, NULL, 'o'},
		{"from", required_argument, NULL, 'F'},
		{"sequence", required_argument, NULL, 'S'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = args->cmd;
	int c;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "o:h", longopts)) != -1) {
		char *end;
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
			errno = 0;
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || errno || v < 0 || v > 1000000)
				return usage_error(cmd, "invalid --sequence '%s' (a number from 0)",
						   optarg);
			args->o.sequence = (int)v;
			break;
		case 'L':
			if (!lang_option(cmd, optarg, &args->o.lang))
				return EX_USAGE;
			args->lang_given = true;
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
	if (!args->dry_run) {
		errorf("%s: sending over SMTP is not in this version of retrason yet; "
		       "--dry-run writes the messages",
		       cmd);
		return EX_UNAVAILABLE;
	}
	int rc = source_date(cmd, &args->o.date);
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
	struct loaded l;
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
		if (args->o.method == RT_ICS_CANCEL)
			args->o.sequence++;
		else
			args->o.update = args->o.sequence > 0;
		struct rt_buf msg;
		rt_buf_init(&msg);
		for (size_t i = 0; i < list.n && !rc; i++) {
			rt_buf_reset(&msg);
			int err = rt_mail_build(&msg, l.agenda, &list.v[i], &args->o);
			if (err) {
				errorf("cannot make the message for %s: %s", list.v[i].addr,
				       strerror(err));
				rc = EX_SOFTWARE;
			} else if (args->output) {
				rc = write_eml(args->output, i, list.v[i].addr, &msg);
			} else {
				write_mbox(&msg, args->o.date);
			}
		}
		rt_buf_finish(&msg);
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
	return run(argc, argv, &args);
}

int cmd_invite_cancel(int argc, char **argv)
{
	struct send_args args = {.cmd = "invite cancel"};
	args.o.method = RT_ICS_CANCEL;
	return run(argc, argv, &args);
}
