/* Command-line options: one table per command, from which both
 * getopt_long's arguments and the --help text are made (the shape of
 * git's parse-options), so an option can't be accepted and left out of
 * --help, or the other way round. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/strutil.h"

/* More than any command has; a longer table is a bug caught by the
 * tests, which run every command's --help. */
#define MAX_OPTS 32
/* Where an option's help text starts on its --help line. */
#define HELP_COLUMN 23

static size_t collect(const struct command_spec *c, const struct opt **all)
{
	size_t n = 0;
	const struct opt *tables[2] = {c->opts, c->more};
	for (int t = 0; t < 2; t++)
		for (const struct opt *o = tables[t]; o && o->type != OPT_TYPE_END; o++) {
			if (n == MAX_OPTS)
				abort();
			all[n++] = o;
		}
	return n;
}

static void help_line(FILE *f, const struct opt *o)
{
	char left[64];
	int len;
	if (o->short_name)
		len = snprintf(left, sizeof(left), "  -%c, --%s", o->short_name, o->long_name);
	else
		len = snprintf(left, sizeof(left), "      --%s", o->long_name);
	if (o->arg && len > 0 && (size_t)len < sizeof(left))
		len += snprintf(left + len, sizeof(left) - (size_t)len,
				o->optional ? "[=%s]" : "=%s", o->arg);
	fputs(left, f);
	fprintf(f, "%*s", len < HELP_COLUMN ? HELP_COLUMN - len : 1, "");
	for (const char *p = o->help; *p;) {
		size_t n = strcspn(p, "\n");
		fwrite(p, 1, n, f);
		fputc('\n', f);
		p += n;
		if (*p == '\n' && *++p)
			fprintf(f, "%*s", HELP_COLUMN, "");
	}
}

void print_help(const struct command_spec *c, FILE *f)
{
	const struct opt *all[MAX_OPTS];
	size_t n = collect(c, all);
	fputs(c->intro, f);
	fputs("\nOptions:\n", f);
	for (size_t i = 0; i < n; i++)
		help_line(f, all[i]);
	static const struct opt help = OPT_FLAG('h', "help", NULL, "show this help");
	help_line(f, &help);
	if (c->outro) {
		fputc('\n', f);
		fputs(c->outro, f);
	}
}

static bool has_long(const struct command_spec *c, const char *name, size_t len)
{
	const struct opt *all[MAX_OPTS];
	size_t n = c ? collect(c, all) : 0;
	for (size_t i = 0; i < n; i++)
		if (strlen(all[i]->long_name) == len && !strncmp(all[i]->long_name, name, len))
			return true;
	return false;
}

/* getopt_long found a mistake at argv[optind - 1]: say which, with a
 * "did you mean" for a long option, or the command it belongs to. */
static int mistake(const struct command_spec *c, int argc, char **argv, int prev)
{
	const char *cmd = c->name;
	const char *arg = optind - 1 >= prev && optind - 1 < argc ? argv[optind - 1] : NULL;
	if (arg && !strncmp(arg, "--", 2)) {
		const char *name = arg + 2;
		size_t n = strcspn(name, "=");
		const struct opt *all[MAX_OPTS];
		const char *names[MAX_OPTS + 1];
		size_t count = collect(c, all);
		for (size_t i = 0; i < count; i++)
			names[i] = all[i]->long_name;
		names[count++] = "help";
		if (has_long(c, name, n) || (n == 4 && !strncmp(name, "help", 4))) {
			if (name[n] == '=')
				return usage_error(cmd, "option '--%.*s' takes no value", (int)n, name);
			return usage_error(cmd, "option '--%.*s' needs a value", (int)n, name);
		}
		if (has_long(c->sibling, name, n))
			return usage_error(cmd, "--%.*s is for '%s'", (int)n, name, c->sibling->name);
		const char *near = rt_did_you_mean(name, n, names, count);
		if (near)
			return usage_error(cmd, "unknown option '--%.*s'; did you mean '--%s'?",
					   (int)n, name, near);
		return usage_error(cmd, "unknown option '--%.*s'", (int)n, name);
	}
	if (optopt && optopt != 'h') {
		const struct opt *all[MAX_OPTS];
		size_t count = collect(c, all);
		for (size_t i = 0; i < count; i++)
			if (all[i]->short_name == optopt)
				return usage_error(cmd, "option '-%c' needs a value", optopt);
	}
	return usage_error(cmd, "unknown option '-%c'", optopt ? optopt : '?');
}

static bool whole_number(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static int take(const struct command_spec *c, const struct opt *o, const char *value)
{
	switch (o->type) {
	case OPT_TYPE_FLAG:
		*(bool *)o->dest = true;
		break;
	case OPT_TYPE_STRING:
		*(const char **)o->dest = value;
		break;
	case OPT_TYPE_INT:
		if (!whole_number(value, o->lo, o->hi, o->dest))
			return usage_error(c->name, "invalid --%s '%s' (%d to %d%s%s)", o->long_name,
					   value, o->lo, o->hi, o->unit ? " " : "",
					   o->unit ? o->unit : "");
		break;
	case OPT_TYPE_CALL: {
		int rc = o->call(c->name, value, o->dest);
		if (rc)
			return rc;
		break;
	}
	case OPT_TYPE_END:
		abort();
	}
	if (o->given)
		*o->given = true;
	return OPTS_CONTINUE;
}

int parse_options(const struct command_spec *c, int argc, char **argv, int *first)
{
	const struct opt *all[MAX_OPTS];
	size_t n = collect(c, all);
	struct option longopts[MAX_OPTS + 2];
	char shortopts[2 * MAX_OPTS + 4];
	size_t ns = 0;
	shortopts[ns++] = ':'; /* a missing value is ':', told apart from '?' */
	for (size_t i = 0; i < n; i++) {
		const struct opt *o = all[i];
		longopts[i] = (struct option){
			o->long_name,
			!o->arg ? no_argument : o->optional ? optional_argument : required_argument,
			NULL, 256 + (int)i};
		if (o->short_name) {
			shortopts[ns++] = o->short_name;
			if (o->arg)
				shortopts[ns++] = ':';
		}
	}
	longopts[n] = (struct option){"help", no_argument, NULL, 'h'};
	longopts[n + 1] = (struct option){NULL, 0, NULL, 0};
	shortopts[ns++] = 'h';
	shortopts[ns] = '\0';

	opterr = 0;
	optind = 0; /* 0: getopt starts afresh (GNU), so tests may parse twice */
	for (;;) {
		int prev = optind > 0 ? optind : 1;
		int k = getopt_long(argc, argv, shortopts, longopts, NULL);
		if (k == -1)
			break;
		if (k == 'h') {
			print_help(c, stdout);
			return EX_OK;
		}
		if (k == '?' || k == ':')
			return mistake(c, argc, argv, prev);
		size_t i = 0;
		if (k >= 256)
			i = (size_t)(k - 256);
		else
			while (i < n && all[i]->short_name != k)
				i++;
		int rc = take(c, all[i], optarg);
		if (rc != OPTS_CONTINUE)
			return rc;
	}
	*first = optind;
	return OPTS_CONTINUE;
}

int agenda_operand(const char *cmd, int argc, char **argv, int first, bool from_stdin,
		   const char **path)
{
	if (!from_stdin) {
		if (argc - first != 1)
			return usage_error(cmd, "give one agenda file");
		*path = argv[first];
		return OPTS_CONTINUE;
	}
	if (argc - first > 1)
		return usage_error(cmd, "one agenda file at a time (got %d)", argc - first);
	if (first == argc && isatty(STDIN_FILENO))
		return usage_error(cmd, "no agenda file given");
	*path = first < argc ? argv[first] : "-";
	return OPTS_CONTINUE;
}

int lang_value(const char *cmd, const char *arg, void *dest)
{
	if (strlen(arg) > 16 || !rt_lang_from_tag(arg, dest))
		return usage_error(cmd, "unsupported language '%s' (use de or en)", arg);
	return 0;
}

int color_value(const char *cmd, const char *arg, void *dest)
{
	enum color_mode *out = dest;
	if (!arg || !strcmp(arg, "always"))
		*out = COLOR_ALWAYS;
	else if (!strcmp(arg, "never"))
		*out = COLOR_NEVER;
	else if (!strcmp(arg, "auto"))
		*out = COLOR_AUTO;
	else
		return usage_error(cmd, "invalid --color '%s' (use auto, always or never)", arg);
	return 0;
}
