/* retrason agenda check: every problem in agenda files, compiler-style. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"

static const char usage[] =
	"Usage: retrason agenda check [options] FILE...\n"
	"\n"
	"Check agenda files and report every problem as FILE:LINE:COL with the\n"
	"line and a hint.  Silent for a good file.  - reads standard input.\n"
	"\n"
	"Options:\n"
	"      --strict         warnings fail the check too\n"
	"      --color[=WHEN]   colour the report: auto (default), always, never\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 all good, 65 a file has errors (or warnings with\n"
	"--strict), 66 a file can't be read, 64 a usage error.\n";

int cmd_agenda_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"strict", no_argument, NULL, 'S'},
		{"color", optional_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "agenda check";
	bool strict = false;
	enum color_mode color = COLOR_AUTO;
	int c, status = EX_OK;
	size_t errors = 0, warnings = 0;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case 'S':
			strict = true;
			break;
		case 'C':
			if (!color_option(cmd, optarg, &color))
				return EX_USAGE;
			break;
		case 'h':
			fputs(usage, stdout);
			return EX_OK;
		default:
			return EX_USAGE;
		}
	}
	if (optind == argc)
		return usage_error(cmd, "no agenda file given");

	bool colored = want_color(STDERR_FILENO, color);
	for (int i = optind; i < argc; i++) {
		struct loaded l;
		int rc = load_agenda(argv[i], &l);
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
		if (argc - optind > 1)
			fprintf(stderr, " in %d files", argc - optind);
		fputc('\n', stderr);
	}
	return status;
}
