/* retrason agenda ics and retrason invite ics: iCalendar files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/ical.h"
#include "retrason/journal.h"
#include "retrason/recipients.h"

static const char agenda_usage[] =
	"Usage: retrason agenda ics [options] [FILE|-]\n"
	"\n"
	"Write the event as an iCalendar file to import or subscribe to\n"
	"(METHOD:PUBLISH), with the whole agenda in its description.  When the\n"
	"agenda has a send journal, its UID and SEQUENCE are the journal's.\n"
	"\n"
	"Options:\n"
	"  -o, --output=OUT     write OUT (atomically) instead of standard output\n"
	"      --items          also one calendar entry per agenda item\n"
	"      --sequence=N     the event's SEQUENCE (default: the journal's)\n"
	"      --journal=FILE   the send journal (default: FILE.journal)\n"
	"      --lang=LANG      de or en: the words added to the description\n"
	"  -h, --help           show this help\n";

static const char invite_usage[] =
	"Usage: retrason invite ics --to LIST [options] [FILE|-]\n"
	"\n"
	"Write the invitation payload (METHOD:REQUEST) that invitation mails\n"
	"carry, with everyone on the distribution list LIST as an attendee;\n"
	"with --cancel, the cancellation (METHOD:CANCEL).\n"
	"\n"
	"Options:\n"
	"      --to=LIST        the distribution list, one recipient a line\n"
	"      --cancel         cancel the event\n"
	"  -o, --output=OUT     write OUT (atomically) instead of standard output\n"
	"      --sequence=N     the SEQUENCE (default: what invite send would send)\n"
	"      --journal=FILE   the send journal (default: FILE.journal)\n"
	"      --lang=LANG      de or en: the words added to the description\n"
	"  -h, --help           show this help\n";

struct ics_args {
	const char *cmd;
	const char *output;
	const char *to;
	const char *journal;
	struct rt_ics_opts o;
	bool lang_given, sequence_given;
	bool cancel;
};

struct write_ctx {
	const struct rt_agenda *a;
	const struct rt_ics_opts *o;
};

static int write_ics(FILE *f, void *ctx)
{
	struct write_ctx *w = ctx;
	return rt_ics_write(f, w->a, w->o);
}

static int write_calendar(struct ics_args *args, const struct rt_agenda *a)
{
	if (!rt_ics_zone_known(a->timezone)) {
		errorf("libical does not know the time zone '%s'", a->timezone);
		return EX_DATAERR;
	}
	struct write_ctx w = {a, &args->o};
	return write_output(args->output, write_ics, &w);
}

static int run(int argc, char **argv, struct ics_args *args, const char *usage,
	       bool invite)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"items", no_argument, NULL, 'I'},
		{"sequence", required_argument, NULL, 'S'},
		{"lang", required_argument, NULL, 'L'},
		{"to", required_argument, NULL, 'T'},
		{"cancel", no_argument, NULL, 'X'},
		{"journal", required_argument, NULL, 'J'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = args->cmd;
	int c;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "o:h", longopts)) != -1) {
		switch (c) {
		case 'o':
			args->output = optarg;
			break;
		case 'I':
			if (invite)
				return usage_error(cmd, "--items is for 'agenda ics'");
			args->o.items = true;
			break;
		case 'S':
			if (!int_value(optarg, 0, RT_JOURNAL_MAX_SEQUENCE, &args->o.sequence))
				return usage_error(cmd, "invalid --sequence '%s' (0 to %d)", optarg,
						   RT_JOURNAL_MAX_SEQUENCE);
			args->sequence_given = true;
			break;
		case 'J':
			args->journal = optarg;
			break;
		case 'L':
			if (!lang_option(cmd, optarg, &args->o.lang))
				return EX_USAGE;
			args->lang_given = true;
			break;
		case 'T':
			if (!invite)
				return usage_error(cmd, "--to is for 'invite ics'");
			args->to = optarg;
			break;
		case 'X':
			if (!invite)
				return usage_error(cmd, "--cancel is for 'invite ics'");
			args->cancel = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return EX_OK;
		default:
			return EX_USAGE;
		}
	}
	if (argc - optind > 1)
		return usage_error(cmd, "one agenda file at a time (got %d)", argc - optind);
	if (invite && !args->to)
		return usage_error(cmd, "--to LIST is required: who is invited?");
	const char *path = optind < argc ? argv[optind] : "-";
	if (optind == argc && isatty(STDIN_FILENO))
		return usage_error(cmd, "no agenda file given");
	if (invite && !strcmp(path, "-") && !strcmp(args->to, "-"))
		return usage_error(cmd, "the agenda and the list can't both be standard input");
	int rc = source_date(cmd, &args->o.dtstamp);
	if (rc)
		return rc;

	struct rt_recipients list;
	memset(&list, 0, sizeof(list)); /* empty, and fine to finish */
	if (invite) {
		rc = load_list(args->to, &list);
		if (rc) {
			rt_recipients_finish(&list);
			return rc;
		}
		args->o.attendees = &list;
		args->o.method = args->cancel ? RT_ICS_CANCEL : RT_ICS_REQUEST;
	}

	struct loaded l;
	rc = load_good_agenda(path, &l);
	if (rc) {
		rt_recipients_finish(&list);
		return rc;
	}
	if (invite && !l.agenda->organizer.addr) {
		errorf("%s: an invitation needs an 'Organizer:' to answer to", l.diags.path);
		rc = EX_DATAERR;
	} else {
		char *uid = NULL;
		rc = event_identity(cmd, args->journal, path, l.agenda, invite ? &list : NULL,
				    args->cancel, args->sequence_given ? args->o.sequence : -1, &uid,
				    &args->o.sequence);
		args->o.uid = uid;
		args->o.lang = pick_lang(l.agenda, args->lang_given, args->o.lang);
		if (!rc)
			rc = write_calendar(args, l.agenda);
		free(uid);
	}
	loaded_finish(&l);
	rt_recipients_finish(&list);
	return rc;
}

int cmd_agenda_ics(int argc, char **argv)
{
	struct ics_args args = {.cmd = "agenda ics"};
	args.o.method = RT_ICS_PUBLISH;
	return run(argc, argv, &args, agenda_usage, false);
}

int cmd_invite_ics(int argc, char **argv)
{
	struct ics_args args = {.cmd = "invite ics"};
	return run(argc, argv, &args, invite_usage, true);
}
