/* The words retrason writes into an agenda's output, in German and
 * English.  Built in, because the locales that would provide month and
 * day names are often not installed. */
#ifndef RETRASON_I18N_H
#define RETRASON_I18N_H

#include <stdbool.h>

#include "retrason/buf.h"
#include "retrason/datetime.h"

enum rt_lang { RT_LANG_EN, RT_LANG_DE };

enum rt_msg {
	RT_MSG_WHEN,
	RT_MSG_WHERE,
	RT_MSG_ORGANIZER,
	RT_MSG_CONTACT,
	RT_MSG_PHONE,
	RT_MSG_EMAIL,
	RT_MSG_WEB,
	RT_MSG_AGENDA,
	RT_MSG_CANCELLED,
	RT_MSG_TENTATIVE,
	RT_MSG_ALL_DAY,
	RT_MSG_DAILY,
	RT_MSG_INVITATION,
	RT_MSG_UPDATED,
	RT_MSG_CANCELLED_SUBJECT,
	RT_MSG_TIME,
	RT_MSG_ITEM,
	RT_MSG_SPEAKERS,
	RT_MSG_ROOM,
	RT_MSG_WITHDRAWN_SUBJECT,
	RT_MSG_CANCEL_BANNER,
	RT_MSG_WITHDRAW_BANNER,
	RT_MSG_CHANGES,
	RT_MSG_TITLE,
	RT_MSG_NEW_ITEM,
	RT_MSG_DROPPED_ITEM,
	RT_MSG_ITEM_DETAILS,
	RT_MSG_PROGRAMME_CHANGED,
	RT_MSG_ALSO_CHANGED,
	RT_MSG_DESCRIPTION,
	RT_MSG_REMINDER,
	RT_MSG_MORE_CHANGES,
	RT_MSG_REMINDER_SUBJECT,
	RT_MSG_REMIND_BANNER,
	RT_MSG_COUNT
};

/* Reads a BCP 47 tag ("de", "de-AT", "en-GB"): true if it names a
 * language retrason has words for. */
bool rt_lang_from_tag(const char *tag, enum rt_lang *out);
/* From LC_ALL, LC_MESSAGES, LANG (in POSIX order); false if none says. */
bool rt_lang_from_env(enum rt_lang *out);

const char *rt_msg(enum rt_lang lang, enum rt_msg msg);

/* Month 1..12, weekday 0 = Monday … 6 = Sunday (rt_date_weekday()):
 * "Dezember" / "December", "Dez." / "Dec", "Mo." / "Mon".  The English
 * abbreviations are those RFC 5322 dates use, whatever the language. */
const char *rt_month_name(enum rt_lang lang, int month);
const char *rt_month_abbr(enum rt_lang lang, int month);
const char *rt_weekday_abbr(enum rt_lang lang, int weekday);

/* "Montag, 5. Dezember 2022" / "Monday, 5 December 2022"; without the
 * year when with_year is false ("Montag, 5. Dezember"). */
void rt_fmt_date(struct rt_buf *out, enum rt_lang lang, struct rt_date d,
		 bool with_year);
/* "Mo., 5. Dez. 2022" / "Mon 5 Dec 2022": for mail subjects. */
void rt_fmt_date_short(struct rt_buf *out, enum rt_lang lang, struct rt_date d);

/* "16:00", for minutes after midnight (taken modulo a day). */
void rt_fmt_clock(struct rt_buf *out, int minutes);
/* An item's "09:00–10:30" ("09:00" when open-ended), and " (+1)" when
 * next_day (see rt_item_next_day()). */
void rt_fmt_clock_range(struct rt_buf *out, int start, int end, bool next_day);
/* The mark of an end on the next day, " (+1)". */
#define RT_NEXT_DAY_MARK " (+1)"
/* Appends " Uhr" in German, nothing in English: "16:00–18:00 Uhr". */
void rt_fmt_clock_suffix(struct rt_buf *out, enum rt_lang lang);

#endif
