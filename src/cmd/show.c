/* retrason agenda show: the agenda laid out for a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/i18n.h"
#include "retrason/render.h"

static const char usage[] =
	"Usage: retrason agenda show [options] [FILE|-]\n"
	"\n"
	"Print an agenda file laid out for reading: title, date and time written\n"
	"out, venue, contacts, the description and the programme as a table.\n"
	"Without FILE (or with -) the agenda is read from standard input.\n"
	"\n"
	"Options:\n"
	"  -w, --width=COLS     lay out for COLS columns (20-1000); default: the\n"
	"                       terminal's width, else $COLUMNS, else 80\n"
	"      --color[=WHEN]   colour and bold: auto (default), always, never\n"
	"      --lang=LANG      de or en; default: the file's Language, else the\n"
	"                       locale (LC_ALL, LC_MESSAGES, LANG), else en\n"
	"  -h, --help           show this help\n";

static bool parse_width(const char *s, size_t *out)
{
	char *end;
	long v;
	if (!s || !*s)
		return false;
	v = strtol(s, &end, 10);
	if (*end || v < RT_TEXT_MIN_WIDTH || v > RT_TEXT_MAX_WIDTH)
		return false;
	*out = (size_t)v;
	return true;
}

static size_t terminal_width(void)
{
	struct winsize ws;
	size_t w;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col < RT_TEXT_MIN_WIDTH ? RT_TEXT_MIN_WIDTH : ws.ws_col;
	if (parse_width(getenv("COLUMNS"), &w))
		return w;
	return 80;
}

int cmd_agenda_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"width", required_argument, NULL, 'w'},
		{"color", optional_argument, NULL, 'C'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "agenda show";
	size_t width = 0;
	enum color_mode color = COLOR_AUTO;
	enum rt_lang lang = RT_LANG_EN;
	bool lang_given = false;
	int c;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "w:h", longopts)) != -1) {
		switch (c) {
		case 'w':
			if (!parse_width(optarg, &width))
				return usage_error(cmd, "invalid width '%s' (use %d to %d columns)",
						   optarg, RT_TEXT_MIN_WIDTH, RT_TEXT_MAX_WIDTH);
			break;
		case 'C':
			if (!color_option(cmd, optarg, &color))
				return EX_USAGE;
			break;
		case 'L':
			if (!lang_option(cmd, optarg, &lang))
				return EX_USAGE;
			lang_given = true;
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
	const char *path = optind < argc ? argv[optind] : "-";
	if (optind == argc && isatty(STDIN_FILENO))
		return usage_error(cmd, "no agenda file given");

	struct loaded l;
	int rc = load_good_agenda(path, &l);
	if (rc)
		return rc;
	lang = pick_lang(l.agenda, lang_given, lang);

	struct rt_text_opts o = {
		.width = width ? width : terminal_width(),
		.color = want_color(STDOUT_FILENO, color),
		.lang = lang,
	};
	struct rt_buf out;
	rt_buf_init(&out);
	rt_render_text(&out, l.agenda, &o);
	fwrite(out.data, 1, out.len, stdout);
	rt_buf_finish(&out);
	loaded_finish(&l);
	return EX_OK;
}
