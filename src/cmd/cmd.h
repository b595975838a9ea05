/* Private to the command layer: the subcommands and what they share.
 * Only main() and the cmd_*() functions deal in exit codes. */
#ifndef RETRASON_CMD_H
#define RETRASON_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "retrason/agenda.h"
#include "retrason/diag.h"
#include "retrason/i18n.h"
#include "retrason/journal.h"
#include "retrason/readfile.h"
#include "retrason/recipients.h"

/* Each gets argv[0] = its verb, parses its own options and returns an
 * exit status (sysexits.h). */
int cmd_agenda_show(int argc, char **argv);
int cmd_agenda_check(int argc, char **argv);
int cmd_agenda_ics(int argc, char **argv);
int cmd_agenda_new(int argc, char **argv);
int cmd_agenda_export(int argc, char **argv);
int cmd_invite_ics(int argc, char **argv);
int cmd_invite_send(int argc, char **argv);
int cmd_invite_cancel(int argc, char **argv);
int cmd_invite_remind(int argc, char **argv);
int cmd_invite_replies(int argc, char **argv);
int cmd_invite_status(int argc, char **argv);

/* "retrason: " and the message on standard error. */
void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports a command-line mistake with a pointer to --help; returns 64. */
int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A command's options (options.c): one table yields getopt_long's
 * arguments and the --help text.  -h/--help is added to every table. */
enum opt_type {
	OPT_TYPE_END,
	OPT_TYPE_FLAG,   /* dest: bool, set true */
	OPT_TYPE_STRING, /* dest: const char *, the value (argv's, not copied) */
	OPT_TYPE_INT,    /* dest: int, a whole number from lo to hi */
	OPT_TYPE_CALL,   /* call(command, value, dest) reads it: 0 or an exit status */
};
struct opt {
	enum opt_type type;
	char short_name;       /* 0: long only */
	const char *long_name;
	const char *arg;       /* the value's name in --help; NULL: takes none */
	bool optional;         /* the value may be left out: --color[=WHEN] */
	const char *help;      /* its --help text; lines separated by \n */
	void *dest;
	bool *given;           /* if set, becomes true when the option is seen */
	int lo, hi;            /* OPT_INT's range */
	const char *unit;      /* OPT_INT: named after the range in errors */
	int (*call)(const char *cmd, const char *arg, void *dest);
};
#define OPT_FLAG(s, l, d, h) {.type = OPT_TYPE_FLAG, .short_name = s, .long_name = l, .help = h, .dest = d}
#define OPT_STRING(s, l, d, a, h) \
	{.type = OPT_TYPE_STRING, .short_name = s, .long_name = l, .arg = a, .help = h, .dest = d}
#define OPT_INT(l, d, a, from, to, u, h)                                              \
	{.type = OPT_TYPE_INT, .long_name = l, .arg = a, .help = h, .dest = d, .lo = from, \
	 .hi = to, .unit = u}
#define OPT_END {.type = OPT_TYPE_END}
/* The options several commands have, each read one way everywhere. */
#define OPT_LANG(d, g, h) \
	{.type = OPT_TYPE_CALL, .long_name = "lang", .arg = "LANG", .help = h, .dest = d, .given = g, \
	 .call = lang_value}
#define OPT_COLOR(d, h)                                                                   \
	{.type = OPT_TYPE_CALL, .long_name = "color", .arg = "WHEN", .optional = true, .help = h, \
	 .dest = d, .call = color_value}
#define OPT_SEQUENCE(d, g, h)                                                            \
	{.type = OPT_TYPE_INT, .long_name = "sequence", .arg = "N", .help = h, .dest = d, .given = g, \
	 .lo = 0, .hi = RT_JOURNAL_MAX_SEQUENCE}
#define OPT_OUTPUT(d, a, h) OPT_STRING('o', "output", d, a, h)
#define OPT_JOURNAL(d, h) OPT_STRING(0, "journal", d, "FILE", h)

struct command_spec {
	const char *name;   /* "agenda show", as errors name it */
	const char *intro;  /* --help before the options: usage, what it does */
	const struct opt *opts, *more; /* listed in this order; more may be NULL */
	const char *outro;  /* --help after the options, or NULL */
	/* A command whose options, given here, are named as its own
	 * ("--items is for 'agenda ics'"), or NULL. */
	const struct command_spec *sibling;
};

/* What parse_options() and agenda_operand() return to carry on: no
 * exit status is negative. */
#define OPTS_CONTINUE (-1)

/* Reads argv's options into their destinations; *first is then the
 * index of the first operand.  Returns OPTS_CONTINUE, or the exit
 * status to return: 0 after printing --help, 64 after a mistake
 * (reported with a "did you mean" for a long option). */
int parse_options(const struct command_spec *c, int argc, char **argv, int *first);
void print_help(const struct command_spec *c, FILE *f);

/* The agenda file among the operands argv[first..]: exactly one, or,
 * from_stdin, at most one, none meaning standard input unless that is
 * a terminal.  Returns OPTS_CONTINUE or 64 (reported). */
int agenda_operand(const char *cmd, int argc, char **argv, int first, bool from_stdin,
		   const char **path);

/* Whether to colour output written to fd: --color=always/never, else a
 * terminal that is not "dumb" and NO_COLOR unset or empty. */
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
bool want_color(int fd, enum color_mode mode);
/* OPT_TYPE_CALL readers: --color's value (NULL: always) into an enum
 * color_mode, --lang's into an enum rt_lang. */
int color_value(const char *cmd, const char *arg, void *dest);
int lang_value(const char *cmd, const char *arg, void *dest);

/* A loaded agenda file: the text, its diagnostics and the model. */
struct loaded {
	struct rt_file file;
	struct rt_diags diags;
	struct rt_agenda *agenda;
};

/* Reads and parses path ("-" = standard input).  Returns 0, or the exit
 * status for a file that could not be read (reported already). */
int load_agenda(const char *path, struct loaded *l);
void loaded_finish(struct loaded *l);

/* Loads an agenda for output: like load_agenda(), and a file with errors
 * is reported (to stderr) and refused with 65.  Warnings stay silent:
 * 'agenda check' is where they are shown. */
int load_good_agenda(const char *path, struct loaded *l);

/* Loads an agenda for a calendar, an export or a mail: as
 * load_good_agenda(), and refused with 65 (l freed) when libical does
 * not know its time zone (UTC instants come from libical's zone data)
 * or, need_organizer, it has no Organizer: to answer to. */
int load_for_output(const char *path, bool need_organizer, struct loaded *l);

/* The output language: --lang if given, else the file's Language (one
 * without a translation is English), else the locale, else English. */
enum rt_lang pick_lang(const struct rt_agenda *a, bool given, enum rt_lang lang);

/* DTSTAMP and Date: now, or $SOURCE_DATE_EPOCH for reproducible
 * output.  Returns 0, or 64 after reporting a bad value. */
int source_date(const char *cmd, long long *out);

/* Reads a distribution list ("-": standard input) into r, which is
 * always initialised (free with rt_recipients_finish()).  Problems are
 * printed; returns 0, 65 for bad lines, 66 when it can't be read. */
int load_list(const char *path, struct rt_recipients *r);

/* The send journal's path into out: --journal's value, else the agenda's
 * path with ".journal"; 64 after reporting an agenda from stdin. */
struct rt_buf;
int journal_path(const char *cmd, const char *given, const char *agenda, struct rt_buf *out);

/* The send journal, opened for reading or for a run that sends; what
 * keeps it from being used is reported.  Returns 0 or an exit status
 * (65 damaged, 74 unreadable, 75 locked by another run). */
struct rt_journal;
int open_journal(struct rt_journal *j, const char *path, bool write);

/* The event's UID into *uid (caller frees): the journal's, pinned at its
 * first send, when the agenda's derived UID has changed since (with a
 * warning and the UID: line to add); an explicit UID: that differs is
 * refused with 65.  warn_missing: also warn when the file has no UID:
 * line. */
int pin_uid(const struct rt_agenda *a, const char *path, const struct rt_journal *j,
	    bool warn_missing, char **uid);

/* The UID and SEQUENCE to write for an agenda: from its journal (given,
 * else beside the agenda; none for standard input) as `invite send`
 * would send them now, for the list (or nobody); sequence >= 0 is
 * --sequence.  Returns 0 or an exit status (reported). */
int event_identity(const char *cmd, const char *journal, const char *agenda_path,
		   const struct rt_agenda *a, const struct rt_recipients *list, bool cancel,
		   int sequence, char **uid, int *seq);

/* Writes an output with write(f, ctx), which returns 0 or an errno
 * value: to standard output when path is NULL or "-", else atomically
 * to path.
 * Returns 0, or 73/74 after reporting the failure. */
int write_output(const char *path, int (*write)(FILE *f, void *ctx), void *ctx);

/* Mail settings from $XDG_CONFIG_HOME/retrason/config ("key = value"
 * lines; the command line and the environment take precedence).
 * SET_IMAP is the SOURCE read when none is given (retrason/msgsource.h),
 * with its own login and password-command. */
enum setting {
	SET_SMTP, SET_USER, SET_FROM, SET_CACERT, SET_PASSWORD_COMMAND,
	SET_IMAP, SET_IMAP_USER, SET_IMAP_PASSWORD_COMMAND, SET_COUNT
};
struct settings {
	char *path;               /* the config file looked for */
	char *value[SET_COUNT];   /* NULL if not set */
	char *password;           /* after settings_password(); wiped on finish */
};
/* Returns 0, or 78 (EX_CONFIG) after reporting a bad file. */
int settings_load(struct settings *s);
const char *settings_get(const struct settings *s, enum setting k);
/* The password from the environment variable env_name, else the first
 * line printed by the setting command (SET_PASSWORD_COMMAND,
 * SET_IMAP_PASSWORD_COMMAND), else nothing (libcurl then reads
 * ~/.netrc).  Returns 0 or 78. */
int settings_password_from(struct settings *s, const char *env_name, enum setting command);
/* SMTP's: settings_password_from(s, "RETRASON_SMTP_PASSWORD",
 * SET_PASSWORD_COMMAND). */
int settings_password(struct settings *s);
void settings_finish(struct settings *s);

#endif
