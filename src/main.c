/* retrason: global options, the command table and dispatch. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd/cmd.h"
#include "config.h"
#include "retrason/strutil.h"

struct command {
	const char *noun, *verb;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{"agenda", "show", cmd_agenda_show, "print an agenda laid out for the terminal"},
	{"agenda", "check", cmd_agenda_check, "check agenda files, report every problem"},
	{"agenda", "ics", cmd_agenda_ics, "write the event as an iCalendar file"},
	{"agenda", "export", cmd_agenda_export, "write the agenda as JSON, Markdown or HTML"},
	{"agenda", "new", cmd_agenda_new, "print a starter agenda file to fill in"},
	{"invite", "ics", cmd_invite_ics, "write the invitation's iCalendar payload"},
	{"invite", "send", cmd_invite_send, "send the invitation to a list by e-mail"},
	{"invite", "cancel", cmd_invite_cancel, "cancel the event for all invited"},
	{"invite", "replies", cmd_invite_replies, "read the answers from a mailbox"},
	{"invite", "remind", cmd_invite_remind, "send it again to those who did not answer"},
	{"invite", "status", cmd_invite_status, "who has which version and who answered"},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_commands(FILE *f, const char *noun)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (noun && strcmp(commands[i].noun, noun))
			continue;
		char name[32];
		snprintf(name, sizeof(name), "%s %s", commands[i].noun, commands[i].verb);
		fprintf(f, "  %-16s %s\n", name, commands[i].summary);
	}
}

static void print_usage(FILE *f)
{
	fputs("Usage: retrason [--help] [--version] NOUN VERB [options] [args]\n"
	      "\n"
	      "One plain-text agenda file for a meeting or workshop: check it, show\n"
	      "it laid out in the terminal, turn it into calendar files.\n"
	      "\n"
	      "Commands:\n",
	      f);
	print_commands(f, NULL);
	fputs("\n"
	      "'retrason help NOUN VERB' or 'retrason NOUN VERB --help' tells more;\n"
	      "the manuals are retrason(1) and retrason-agenda(5).\n",
	      f);
}

static bool is_noun(const char *s)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].noun, s))
			return true;
	return false;
}

static int unknown_noun(const char *noun)
{
	const char *nouns[NCOMMANDS + 1];
	for (size_t i = 0; i < NCOMMANDS; i++)
		nouns[i] = commands[i].noun;
	nouns[NCOMMANDS] = "help";
	const char *near = rt_did_you_mean(noun, strlen(noun), nouns, NCOMMANDS + 1);
	if (near)
		errorf("unknown command '%s'; did you mean '%s'?", noun, near);
	else
		errorf("unknown command '%s'", noun);
	fputs("Try 'retrason --help'.\n", stderr);
	return EX_USAGE;
}

static const struct command *find(const char *noun, const char *verb, int *status)
{
	const char *verbs[NCOMMANDS];
	size_t n = 0;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].noun, noun))
			continue;
		if (verb && !strcmp(commands[i].verb, verb))
			return &commands[i];
		verbs[n++] = commands[i].verb;
	}
	if (!n) {
		*status = unknown_noun(noun);
		return NULL;
	}
	if (!verb) {
		fprintf(stderr, "retrason %s: which one?\n", noun);
		print_commands(stderr, noun);
	} else {
		const char *near = rt_did_you_mean(verb, strlen(verb), verbs, n);
		if (near)
			errorf("unknown command '%s %s'; did you mean '%s %s'?", noun, verb,
			       noun, near);
		else
			errorf("unknown command '%s %s'", noun, verb);
		fprintf(stderr, "Try 'retrason %s --help'.\n", noun);
	}
	*status = EX_USAGE;
	return NULL;
}

static int run(const struct command *c, int argc, char **argv)
{
	/* The command sees its verb as argv[0], then its own arguments. */
	return c->run(argc, argv);
}

static int help(int argc, char **argv)
{
	int status = EX_OK;
	if (argc == 0) {
		print_usage(stdout);
		return EX_OK;
	}
	if (argc == 1 && is_noun(argv[0])) {
		printf("Usage: retrason %s VERB [options] [args]\n\nCommands:\n", argv[0]);
		print_commands(stdout, argv[0]);
		return EX_OK;
	}
	const struct command *c = find(argv[0], argc > 1 ? argv[1] : NULL, &status);
	if (!c)
		return status;
	char *args[] = {argv[1], "--help", NULL};
	return run(c, 2, args);
}

static int dispatch(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return EX_USAGE;
	}
	const char *first = argv[1];
	if (!strcmp(first, "--help") || !strcmp(first, "-h"))
		return help(0, NULL);
	if (!strcmp(first, "--version") || !strcmp(first, "-V")) {
		printf("retrason %s\n", RETRASON_VERSION);
		return EX_OK;
	}
	if (!strcmp(first, "help"))
		return help(argc - 2, argv + 2);
	if (first[0] == '-') {
		errorf("unknown option '%s'", first);
		fputs("Try 'retrason --help'.\n", stderr);
		return EX_USAGE;
	}
	if (!is_noun(first))
		return unknown_noun(first);
	if (argc == 2 || !strcmp(argv[2], "--help") || !strcmp(argv[2], "-h")) {
		if (argc == 2) {
			fprintf(stderr, "retrason %s: which one?\n", first);
			print_commands(stderr, first);
			return EX_USAGE;
		}
		char *args[] = {argv[1]};
		return help(1, args);
	}
	int status = EX_OK;
	const struct command *c = find(first, argv[2], &status);
	if (!c)
		return status;
	return run(c, argc - 2, argv + 2);
}

int main(int argc, char **argv)
{
	int status = dispatch(argc, argv);

	/* A full disk or a closed pipe must not pass silently. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errorf("error writing to standard output");
		if (status == EX_OK)
			status = EX_IOERR;
	}
	return status;
}
