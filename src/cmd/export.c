/* retrason agenda export: the agenda as JSON, Markdown or HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/export.h"
#include "retrason/strutil.h"

static const char intro[] =
	"Usage: retrason agenda export --format=FORMAT [options] [FILE|-]\n"
	"\n"
	"Write the agenda for scripts and the web: json (a versioned schema,\n"
	"see retrason(1)), markdown (for wikis), or html (one self-contained\n"
	"page to publish or print).\n";

static const char *const formats[] = {"json", "markdown", "html"};
static int (*const writers[])(FILE *, const struct rt_agenda *,
			      const struct rt_export_opts *) = {
	rt_export_json, rt_export_markdown, rt_export_html};

struct job {
	int format;
	const struct rt_agenda *a;
	struct rt_export_opts o;
};

static int write_export(FILE *f, void *ctx)
{
	struct job *j = ctx;
	return writers[j->format](f, j->a, &j->o);
}

static int format_value(const char *cmd, const char *arg, void *dest)
{
	int *out = dest;
	for (int i = 0; i < 3; i++)
		if (!strcmp(arg, formats[i]) || (i == 1 && !strcmp(arg, "md"))) {
			*out = i;
			return EX_OK;
		}
	const char *near = rt_did_you_mean(arg, strlen(arg), formats, 3);
	if (near)
		return usage_error(cmd, "unknown format '%s'; did you mean '%s'?", arg, near);
	return usage_error(cmd, "unknown format '%s' (use json, markdown or html)", arg);
}

int cmd_agenda_export(int argc, char **argv)
{
	const char *cmd = "agenda export";
	const char *output = NULL, *journal = NULL, *path;
	struct job j = {.format = -1};
	bool lang_given = false;
	int first;
	const struct opt opts[] = {
		{.type = OPT_TYPE_CALL, .short_name = 'f', .long_name = "format", .arg = "FORMAT",
		 .help = "json, markdown or html", .dest = &j.format, .call = format_value},
		OPT_OUTPUT(&output, "OUT", "write OUT (atomically) instead of standard output"),
		OPT_LANG(&j.o.lang, &lang_given, "de or en: the words added around the agenda\n"
						    "(default: the file's Language, else the locale)"),
		OPT_JOURNAL(&journal, "the send journal, for the event's UID and SEQUENCE\n"
				      "(default: FILE.journal)"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts};
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (j.format < 0)
		return usage_error(cmd, "--format is required: json, markdown or html");
	if ((rc = agenda_operand(cmd, argc, argv, first, true, &path)) != OPTS_CONTINUE)
		return rc;

	struct loaded l;
	rc = load_for_output(path, false, &l);
	if (rc)
		return rc;
	{
		char *uid = NULL;
		rc = event_identity(cmd, journal, path, l.agenda, NULL, false, -1, &uid,
				    &j.o.sequence);
		j.a = l.agenda;
		j.o.uid = uid;
		j.o.lang = pick_lang(l.agenda, lang_given, j.o.lang);
		if (!rc)
			rc = write_output(output, write_export, &j);
		free(uid);
	}
	loaded_finish(&l);
	return rc;
}
