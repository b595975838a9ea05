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

static const char agenda_intro[] =
	"Usage: retrason agenda ics [options] [FILE|-]\n"
	"\n"
	"Write the event as an iCalendar file to import or subscribe to\n"
	"(METHOD:PUBLISH), with the whole agenda in its description.  When the\n"
	"agenda has a send journal, its UID and SEQUENCE are the journal's.\n";

static const char invite_intro[] =
	"Usage: retrason invite ics --to LIST [options] [FILE|-]\n"
	"\n"
	"Write the invitation payload (METHOD:REQUEST) that invitation mails\n"
	"carry, with everyone on the distribution list LIST as an attendee;\n"
	"with --cancel, the cancellation (METHOD:CANCEL).\n";

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

#define OUTPUT_HELP "write OUT (atomically) instead of standard output"
#define LANG_HELP \
	"de or en: the words added to the description\n" \
	"(default: the file's Language, else the locale)"

static int run(int argc, char **argv, struct ics_args *args, bool invite)
{
	const char *cmd = args->cmd, *path;
	int first;
	const struct opt agenda_opts[] = {
		OPT_OUTPUT(&args->output, "OUT", OUTPUT_HELP),
		OPT_FLAG(0, "items", &args->o.items, "also one calendar entry per agenda item"),
		OPT_SEQUENCE(&args->o.sequence, &args->sequence_given,
			     "the event's SEQUENCE (default: the journal's)"),
		OPT_JOURNAL(&args->journal, "the send journal (default: FILE.journal)"),
		OPT_LANG(&args->o.lang, &args->lang_given, LANG_HELP),
		OPT_END,
	};
	const struct opt invite_opts[] = {
		OPT_STRING(0, "to", &args->to, "LIST", "the distribution list, one recipient a line"),
		OPT_FLAG(0, "cancel", &args->cancel, "cancel the event"),
		OPT_OUTPUT(&args->output, "OUT", OUTPUT_HELP),
		OPT_SEQUENCE(&args->o.sequence, &args->sequence_given,
			     "the SEQUENCE (default: what invite send would send)"),
		OPT_JOURNAL(&args->journal, "the send journal (default: FILE.journal)"),
		OPT_LANG(&args->o.lang, &args->lang_given, LANG_HELP),
		OPT_END,
	};
	const struct command_spec agenda_spec = {
		.name = "agenda ics", .intro = agenda_intro, .opts = agenda_opts};
	const struct command_spec invite_spec = {
		.name = "invite ics", .intro = invite_intro, .opts = invite_opts,
		.sibling = &agenda_spec};
	/* agenda ics names invite ics's options too (but can't point at a
	 * spec built after it): set here. */
	struct command_spec agenda_named = agenda_spec;
	agenda_named.sibling = &invite_spec;

	int rc = parse_options(invite ? &invite_spec : &agenda_named, argc, argv, &first);
	if (rc == OPTS_CONTINUE && invite && !args->to)
		rc = usage_error(cmd, "--to LIST is required: who is invited?");
	if (rc == OPTS_CONTINUE)
		rc = agenda_operand(cmd, argc, argv, first, true, &path);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (invite && !strcmp(path, "-") && !strcmp(args->to, "-"))
		return usage_error(cmd, "the agenda and the list can't both be standard input");
	rc = source_date(cmd, &args->o.dtstamp);
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
	rc = load_for_output(path, invite, &l);
	if (rc) {
		rt_recipients_finish(&list);
		return rc;
	}
	{
		char *uid = NULL;
		rc = event_identity(cmd, args->journal, path, l.agenda, invite ? &list : NULL,
				    args->cancel, args->sequence_given ? args->o.sequence : -1, &uid,
				    &args->o.sequence);
		args->o.uid = uid;
		args->o.lang = pick_lang(l.agenda, args->lang_given, args->o.lang);
		struct write_ctx w = {l.agenda, &args->o};
		if (!rc)
			rc = write_output(args->output, write_ics, &w);
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
	return run(argc, argv, &args, false);
}

int cmd_invite_ics(int argc, char **argv)
{
	struct ics_args args = {.cmd = "invite ics"};
	return run(argc, argv, &args, true);
}
