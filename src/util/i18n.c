#include "retrason/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "retrason/agenda.h"
#include "retrason/strutil.h"

static const char *const messages[2][RT_MSG_COUNT] = {
	[RT_LANG_EN] = {"When", "Where", "Organizer", "Contact", "Phone", "Email", "Web",
			"Agenda", "CANCELLED", "tentative", "all day", "daily",
			"Invitation", "Updated", "Cancelled", "Time", "Session", "Speakers",
			"Room", "Invitation withdrawn",
			"CANCELLED: this event will not take place.",
			"INVITATION WITHDRAWN: you are no longer invited to this event; "
			"please remove it from your calendar.",
			"What has changed", "Title", "New", "Dropped", "speakers, room or notes",
			"The programme has changed.", "Also changed", "description", "reminder",
			"more changes", "Reminder",
			"REMINDER: you have not answered this invitation yet; please accept or "
			"decline it in your calendar."},
	[RT_LANG_DE] = {"Wann", "Wo", "Veranstalter", "Kontakt", "Telefon", "E-Mail",
			"Web", "Agenda", "ABGESAGT", "vorläufig", "ganztägig",
			"täglich", "Einladung", "Aktualisiert", "Abgesagt", "Zeit",
			"Programmpunkt", "Mitwirkende", "Raum", "Einladung zurückgezogen",
			"ABGESAGT: Diese Veranstaltung findet nicht statt.",
			"EINLADUNG ZURÜCKGEZOGEN: Sie sind zu dieser Veranstaltung nicht mehr "
			"eingeladen; bitte entfernen Sie sie aus Ihrem Kalender.",
			"Was sich geändert hat", "Titel", "Neu im Programm", "Entfällt",
			"Mitwirkende, Raum oder Hinweise", "Das Programm hat sich geändert.",
			"Außerdem geändert", "Beschreibung", "Erinnerung", "weitere Änderungen",
			"Erinnerung",
			"ERINNERUNG: Sie haben auf diese Einladung noch nicht geantwortet; bitte "
			"sagen Sie in Ihrem Kalender zu oder ab."},
};

static const char *const weekdays[2][7] = {
	[RT_LANG_EN] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
			"Saturday", "Sunday"},
	[RT_LANG_DE] = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
			"Samstag", "Sonntag"},
};

static const char *const months[2][12] = {
	[RT_LANG_EN] = {"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
	[RT_LANG_DE] = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
			"August", "September", "Oktober", "November", "Dezember"},
};

/* The English ones are also RFC 5322's (the Date header): keep them so. */
static const char *const weekdays_short[2][7] = {
	[RT_LANG_EN] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	[RT_LANG_DE] = {"Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."},
};

static const char *const months_short[2][12] = {
	[RT_LANG_EN] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
			"Oct", "Nov", "Dec"},
	/* Duden's abbreviations: short months stay whole. */
	[RT_LANG_DE] = {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.",
			"Sept.", "Okt.", "Nov.", "Dez."},
};

bool rt_lang_from_tag(const char *tag, enum rt_lang *out)
{
	size_t n = strcspn(tag, "-_.@");
	if (rt_strncaseeq(tag, n, "de")) {
		*out = RT_LANG_DE;
		return true;
	}
	if (rt_strncaseeq(tag, n, "en")) {
		*out = RT_LANG_EN;
		return true;
	}
	return false;
}

bool rt_lang_from_env(enum rt_lang *out)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		/* The first variable set decides, as for setlocale(). */
		if (rt_lang_from_tag(v, out))
			return true;
		if (!strcmp(v, "C") || !strcmp(v, "POSIX") || !strncmp(v, "C.", 2)) {
			*out = RT_LANG_EN;
			return true;
		}
		return false;
	}
	return false;
}

const char *rt_msg(enum rt_lang lang, enum rt_msg msg)
{
	return messages[lang][msg];
}

const char *rt_month_name(enum rt_lang lang, int month)
{
	return months[lang][month - 1];
}

const char *rt_month_abbr(enum rt_lang lang, int month)
{
	return months_short[lang][month - 1];
}

const char *rt_weekday_abbr(enum rt_lang lang, int weekday)
{
	return weekdays_short[lang][weekday];
}

void rt_fmt_date(struct rt_buf *out, enum rt_lang lang, struct rt_date d,
		 bool with_year)
{
	const char *wd = weekdays[lang][rt_date_weekday(d)];
	const char *mon = months[lang][d.month - 1];
	if (lang == RT_LANG_DE)
		rt_buf_addf(out, "%s, %d. %s", wd, d.day, mon);
	else
		rt_buf_addf(out, "%s, %d %s", wd, d.day, mon);
	if (with_year)
		rt_buf_addf(out, " %d", d.year);
}

void rt_fmt_date_short(struct rt_buf *out, enum rt_lang lang, struct rt_date d)
{
	const char *wd = weekdays_short[lang][rt_date_weekday(d)];
	const char *mon = months_short[lang][d.month - 1];
	if (lang == RT_LANG_DE)
		rt_buf_addf(out, "%s, %d. %s %d", wd, d.day, mon, d.year);
	else
		rt_buf_addf(out, "%s %d %s %d", wd, d.day, mon, d.year);
}

void rt_fmt_clock(struct rt_buf *out, int minutes)
{
	/* By hand: printf here costs more than the rest of a calendar line. */
	minutes %= 1440;
	char s[5] = {(char)('0' + minutes / 600), (char)('0' + minutes / 60 % 10), ':',
		     (char)('0' + minutes % 60 / 10), (char)('0' + minutes % 10)};
	rt_buf_add(out, s, 5);
}

void rt_fmt_clock_range(struct rt_buf *out, int start, int end, bool next_day)
{
	rt_fmt_clock(out, start);
	if (end == RT_OPEN_END)
		return;
	rt_buf_adds(out, "–");
	rt_fmt_clock(out, end);
	if (next_day)
		rt_buf_adds(out, RT_NEXT_DAY_MARK);
}

void rt_fmt_clock_suffix(struct rt_buf *out, enum rt_lang lang)
{
	if (lang == RT_LANG_DE)
		rt_buf_adds(out, " Uhr");
}
