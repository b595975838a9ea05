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

static const char intro[] =
	"Usage: retrason agenda show [options] [FILE|-]\n"
	"\n"
	"Print an agenda file laid out for reading: title, date and time written\n"
	"out, venue, contacts, the description and the programme as a table.\n"
	"Without FILE (or with -) the agenda is read from standard input.\n";

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
	const char *cmd = "agenda show";
	int width = 0;
	enum color_mode color = COLOR_AUTO;
	enum rt_lang lang = RT_LANG_EN;
	bool lang_given = false;
	const struct opt opts[] = {
		{.type = OPT_TYPE_INT, .short_name = 'w', .long_name = "width", .arg = "COLS",
		 .help = "lay out for COLS columns (20-1000); default: the\n"
			 "terminal's width, else $COLUMNS, else 80",
		 .dest = &width, .lo = RT_TEXT_MIN_WIDTH, .hi = RT_TEXT_MAX_WIDTH,
		 .unit = "columns"},
		OPT_COLOR(&color, "colour and bold: auto (default), always, never"),
		OPT_LANG(&lang, &lang_given, "de or en; default: the file's Language, else the\n"
					    "locale (LC_ALL, LC_MESSAGES, LANG), else en"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts};
	const char *path;
	int first;
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc == OPTS_CONTINUE)
		rc = agenda_operand(cmd, argc, argv, first, true, &path);
	if (rc != OPTS_CONTINUE)
		return rc;

	struct loaded l;
	rc = load_good_agenda(path, &l);
	if (rc)
		return rc;
	lang = pick_lang(l.agenda, lang_given, lang);

	struct rt_text_opts o = {
		.width = width ? (size_t)width : terminal_width(),
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
