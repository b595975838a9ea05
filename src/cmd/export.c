/* retrason agenda export: the agenda as JSON, Markdown or HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/export.h"
#include "retrason/ical.h"
#include "retrason/strutil.h"

static const char usage[] =
	"Usage: retrason agenda export --format=FORMAT [options] [FILE|-]\n"
	"\n"
	"Write the agenda for scripts and the web: json (a versioned schema,\n"
	"see retrason(1)), markdown (for wikis), or html (one self-contained\n"
	"page to publish or print).\n"
	"\n"
	"Options:\n"
	"  -f, --format=FORMAT  json, markdown or html\n"
	"  -o, --output=OUT     write OUT (atomically) instead of standard output\n"
	"      --lang=LANG      de or en: the words added around the agenda\n"
	"      --journal=FILE   the send journal, for the event's UID and SEQUENCE\n"
	"                       (default: FILE.journal)\n"
	"  -h, --help           show this help\n";

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

static int format_option(const char *cmd, const char *arg, int *out)
{
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
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"lang", required_argument, NULL, 'L'},
		{"journal", required_argument, NULL, 'J'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "agenda export";
	const char *output = NULL, *journal = NULL;
	struct job j = {.format = -1};
	bool lang_given = false;
	int c, rc;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "f:o:h", longopts)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = format_option(cmd, optarg, &j.format)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case 'L':
			if (!lang_option(cmd, optarg, &j.o.lang))
				return EX_USAGE;
			lang_given = true;
			break;
		case 'J':
			journal = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return EX_OK;
		default:
			return EX_USAGE;
		}
	}
	if (j.format < 0)
		return usage_error(cmd, "--format is required: json, markdown or html");
	if (argc - optind > 1)
		return usage_error(cmd, "one agenda file at a time (got %d)", argc - optind);
	const char *path = optind < argc ? argv[optind] : "-";
	if (optind == argc && isatty(STDIN_FILENO))
		return usage_error(cmd, "no agenda file given");

	struct loaded l;
	rc = load_good_agenda(path, &l);
	if (rc)
		return rc;
	if (!rt_ics_zone_known(l.agenda->timezone)) {
		/* UTC instants and offsets come from libical's zone data. */
		errorf("libical does not know the time zone '%s'", l.agenda->timezone);
		rc = EX_DATAERR;
	} else {
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
