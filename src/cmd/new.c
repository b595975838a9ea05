/* retrason agenda new: a commented starter file that checks clean. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/datetime.h"
#include "retrason/tz.h"
#include "retrason/xalloc.h"

static const char intro[] =
	"Usage: retrason agenda new [--lang=de|en]\n"
	"\n"
	"Print a starter agenda file, every field explained in a comment, dated\n"
	"a week from today in this computer's time zone.  It passes\n"
	"'retrason agenda check' as it is:\n"
	"\n"
	"    retrason agenda new > workshop.agenda\n";

static const char *const starter[2] = {
	[RT_LANG_EN] =
		"# An agenda for retrason: check it with  retrason agenda check FILE\n"
		"# and see it with  retrason agenda show FILE.  Lines starting with #\n"
		"# are comments.  The format is in  man 5 retrason-agenda.\n"
		"\n"
		"# The header: one 'Field: value' a line, up to the first blank line.\n"
		"# Title and Date are required; an indented line continues the one above.\n"
		"Title: Kick-off workshop\n"
		"# YYYY-MM-DD, or FIRST..LAST for several days\n"
		"Date: @DATE@\n"
		"# HH:MM-HH:MM; leave the line out for an all-day event\n"
		"Time: 10:00-12:00\n"
		"# The IANA zone the times are in\n"
		"Timezone: @ZONE@\n"
		"# de or en: the language dates and labels are written in\n"
		"Language: en\n"
		"Location: Town hall, room 1\n"
		"Address: Main street 1, 12345 Town\n"
		"# Who invites: Name <address>; invitations are answered to it\n"
		"Organizer: Jane Doe <jane.doe@example.org>\n"
		"Phone: +49 123 456789\n"
		"# Calendars know the event by its UID: keep it when the event changes\n"
		"UID: @UID@\n"
		"# Also: Contact, Email, URL, Status (confirmed, tentative, cancelled),\n"
		"# Reminder (30 minutes, 1 day), Categories, and X-Anything of your own.\n"
		"\n"
		"The description: free text, re-flowed on display.  A blank line\n"
		"starts a new paragraph.\n"
		"\n"
		"- lines starting with a dash are list items\n"
		"\n"
		"# The agenda: START[-END] | TITLE | SPEAKERS | ROOM, one item a line.\n"
		"# An item without END ends where the next one starts.\n"
		"Agenda:\n"
		"10:00 | Welcome | Jane Doe\n"
		"10:15-11:30 | Talk and discussion | Dr. Erika Mustermann; Max Müller | Room 1\n"
		"    an indented line is a note of the item above\n"
		"11:30 | Next steps\n"
		"12:00 | Lunch\n",
	[RT_LANG_DE] =
		"# Eine Agenda für retrason: prüfen mit  retrason agenda check DATEI\n"
		"# und ansehen mit  retrason agenda show DATEI.  Zeilen mit # am Anfang\n"
		"# sind Kommentare.  Das Format steht in  man 5 retrason-agenda.\n"
		"\n"
		"# Der Kopf: eine Zeile 'Feld: Wert' je Feld, bis zur ersten Leerzeile.\n"
		"# Title und Date sind Pflicht; eine eingerückte Zeile setzt die vorige fort.\n"
		"Title: Auftaktwerkstatt\n"
		"# JJJJ-MM-TT, oder ERSTER..LETZTER für mehrere Tage\n"
		"Date: @DATE@\n"
		"# HH:MM-HH:MM; ohne diese Zeile ist die Veranstaltung ganztägig\n"
		"Time: 10:00-12:00\n"
		"# Die IANA-Zeitzone der Uhrzeiten\n"
		"Timezone: @ZONE@\n"
		"# de oder en: die Sprache von Datum und Beschriftungen\n"
		"Language: de\n"
		"Location: Rathaus, Raum 1\n"
		"Address: Hauptstraße 1, 12345 Musterstadt\n"
		"# Wer einlädt: Name <Adresse>; an sie gehen die Antworten\n"
		"Organizer: Erika Mustermann <erika.mustermann@example.org>\n"
		"Phone: 0123 456789\n"
		"# Kalender kennen den Termin an seiner UID: bei Änderungen behalten\n"
		"UID: @UID@\n"
		"# Außerdem: Contact, Email, URL, Status (confirmed, tentative,\n"
		"# cancelled), Reminder (30 minutes, 1 Tag), Categories, X-Eigenes.\n"
		"\n"
		"Die Beschreibung: freier Text, der bei der Anzeige neu umbrochen wird.\n"
		"Eine Leerzeile beginnt einen neuen Absatz.\n"
		"\n"
		"- Zeilen mit einem Strich am Anfang sind Aufzählungspunkte\n"
		"\n"
		"# Die Agenda: BEGINN[-ENDE] | TITEL | SPRECHER | RAUM, ein Punkt je Zeile.\n"
		"# Ein Punkt ohne ENDE endet, wo der nächste beginnt.\n"
		"Agenda:\n"
		"10:00 | Begrüßung | Erika Mustermann\n"
		"10:15-11:30 | Impulsvortrag und Diskussion | Prof. Dr. Max Müller | Raum 1\n"
		"    eine eingerückte Zeile ist eine Notiz zum Punkt darüber\n"
		"11:30 | Nächste Schritte\n"
		"12:00 | Mittagessen\n",
};

int cmd_agenda_new(int argc, char **argv)
{
	const char *cmd = "agenda new";
	enum rt_lang lang = RT_LANG_EN;
	bool given = false;
	int first;
	const struct opt opts[] = {
		OPT_LANG(&lang, &given, "de or en (default: the locale, else en)"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts};
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (first < argc)
		return usage_error(cmd, "takes no file: redirect its output, e.g. '> my.agenda'");
	if (!given && !rt_lang_from_env(&lang))
		lang = RT_LANG_EN;

	/* A week from today, local time: a date that checks and is yet to come. */
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	struct rt_date d = rt_date_add_days(
		(struct rt_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, 7);
	char date[16];
	snprintf(date, sizeof(date), "%04d-%02d-%02d", d.year, d.month, d.day);

	/* A fresh UID for every starter, so copies don't share an identity. */
	unsigned char rnd[8] = {0};
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, rnd, sizeof(rnd)) != (ssize_t)sizeof(rnd)) {
		unsigned long long t = (unsigned long long)now ^ ((unsigned long long)getpid() << 32);
		memcpy(rnd, &t, sizeof(rnd));
	}
	if (fd >= 0)
		close(fd);
	char uid[64];
	snprintf(uid, sizeof(uid), "%02x%02x%02x%02x%02x%02x%02x%02x@example.org", rnd[0],
		 rnd[1], rnd[2], rnd[3], rnd[4], rnd[5], rnd[6], rnd[7]);

	char *zone = rt_tz_system();
	const char *rule = rt_tz_env_rule();
	if (rule)
		errorf("warning: TZ='%s' is not a zone name; the starter says 'Timezone: %s': "
		       "put the event's zone there",
		       rule, zone);
	const char *vars[][2] = {{"@DATE@", date}, {"@ZONE@", zone}, {"@UID@", uid}};
	for (const char *p = starter[lang]; *p;) {
		const char *at = strchr(p, '@');
		size_t k = 0;
		if (!at)
			at = p + strlen(p);
		fwrite(p, 1, (size_t)(at - p), stdout);
		p = at;
		if (!*p)
			break;
		for (k = 0; k < 3; k++)
			if (!strncmp(p, vars[k][0], strlen(vars[k][0])))
				break;
		if (k < 3) {
			fputs(vars[k][1], stdout);
			p += strlen(vars[k][0]);
		} else {
			putchar(*p++); /* an @ of an e-mail address */
		}
	}
	free(zone);
	return EX_OK;
}
