/* retrason agenda check: every problem in agenda files, compiler-style. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"

static const char intro[] =
	"Usage: retrason agenda check [options] FILE...\n"
	"\n"
	"Check agenda files and report every problem as FILE:LINE:COL with the\n"
	"line and a hint.  Silent for a good file.  - reads standard input.\n";

static const char outro[] =
	"Exit status: 0 all good, 65 a file has errors (or warnings with\n"
	"--strict), 66 a file can't be read, 64 a usage error.\n";

int cmd_agenda_check(int argc, char **argv)
{
	const char *cmd = "agenda check";
	bool strict = false;
	enum color_mode color = COLOR_AUTO;
	int status = EX_OK, first;
	size_t errors = 0, warnings = 0;
	const struct opt opts[] = {
		OPT_FLAG(0, "strict", &strict, "warnings fail the check too"),
		OPT_COLOR(&color, "colour the report: auto (default), always, never"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts, .outro = outro};
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (first == argc)
		return usage_error(cmd, "no agenda file given");

	bool colored = want_color(STDERR_FILENO, color);
	for (int i = first; i < argc; i++) {
		struct loaded l;
		rc = load_agenda(argv[i], &l);
		if (rc) {
			/* Unreadable files outrank bad data: say the worse thing. */
			if (status == EX_OK || status == EX_DATAERR)
				status = rc;
			continue;
		}
		rt_diags_print(&l.diags, stderr, colored);
		errors += l.diags.errors;
		warnings += l.diags.warnings;
		if (l.diags.errors || (strict && l.diags.warnings)) {
			if (status == EX_OK)
				status = EX_DATAERR;
		}
		loaded_finish(&l);
	}
	if (errors || warnings) {
		fprintf(stderr, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s",
			warnings, warnings == 1 ? "" : "s");
		if (argc - first > 1)
			fprintf(stderr, " in %d files", argc - first);
		fputc('\n', stderr);
	}
	return status;
}
