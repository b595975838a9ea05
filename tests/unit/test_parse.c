/* The agenda parser: the model it builds, and the first diagnostic for
 * each kind of mistake (every one is also an end-to-end case). */
#include <stdlib.h>

#include "check.h"
#include "retrason/agenda.h"

#define HEAD "Title: T\nDate: 2024-03-05\nTime: 09:00-17:00\nTimezone: UTC\n"

static struct rt_agenda *parse(const char *text, struct rt_diags *d)
{
	static const struct rt_parse_opts opts = {.default_timezone = "UTC"};
	rt_diags_init(d, "t.agenda", text, strlen(text));
	return rt_agenda_parse(text, strlen(text), &opts, d);
}

static const struct {
	const char *text;
	size_t errors, warnings;
	unsigned line; /* of the first diagnostic */
	size_t col;    /* bytes, 1-based */
	const char *message; /* a part of it */
} rows[] = {
	{HEAD, 0, 0, 0, 0, NULL},
	{"", 1, 0, 0, 0, "empty"},
	{"\xEF\xBB\xBF", 1, 0, 0, 0, "empty"},
	{"Title: T\nDate: 2024-03-05\n", 0, 0, 0, 0, NULL}, /* all-day: no zone warning */
	/* blank lines above the first field don't end the header */
	{"# a comment block\n\n  \nTitle: T\nDate: 2024-03-05\n", 0, 0, 0, 0, NULL},
	{"Title: T\nDate: 2024-03-05\nTime: 9:00-10:00\n", 0, 1, 0, 0, "Timezone"},
	{"Titel: T\n", 3, 0, 1, 1, "unknown field 'Titel'"},
	{HEAD "title: U\n", 1, 0, 5, 1, "given twice"},
	{"Title: T\nDate: 2023-02-29\n", 1, 0, 2, 15, "February 2023 has 28 days"},
	{"Title: T\nDate: 2024-02-29\n", 0, 0, 0, 0, NULL},
	{"Title: T\nDate: 2024-13-01\n", 1, 0, 2, 12, "no month 13"},
	{"Title: T\nDate: 2024-1-5\n", 1, 0, 2, 7, "YYYY-MM-DD"},
	{"Title: T\nDate: 2024-03-07..2024-03-05\n", 1, 0, 2, 7, "ends before"},
	{"Title: T\nDate: 2024-03-05 .. 2024-03-07\n", 0, 0, 0, 0, NULL},
	{"Title: T\nDate: 2024-01-02\nTime: 25:00-26:00\nTimezone: UTC\n", 1, 0, 3, 7,
	 "invalid time '25:00'"},
	{"Title: T\nDate: 2024-01-02\nTime: 10:3O-11:00\nTimezone: UTC\n", 1, 0, 3, 11,
	 "letter 'O'"},
	{"Title: T\nDate: 2024-01-02\nTime: 10:00-10:00\nTimezone: UTC\n", 1, 0, 3, 13,
	 "ends when it starts"},
	{"Title: T\nDate: 2024-01-02\nTime: 22:00-24:00\nTimezone: UTC\n", 0, 0, 0, 0, NULL},
	{"Title: T\nDate: 2024-01-02\nTime: 24:00-01:00\nTimezone: UTC\n", 1, 0, 3, 7,
	 "invalid time"},
	{"Title: T\nDate: 2024-01-02\nTime: 10:00 \xE2\x80\x93 11:00 Uhr\nTimezone: UTC\n",
	 0, 0, 0, 0, NULL},
	{"Title: T\nDate: 2024-01-02\nTime: 10:00-11:00\nTimezone: Mars/Olympus\n", 1, 0,
	 4, 11, "unknown time zone"},
	{"Title: T\nDate: 2024-01-02\nTime: 10:00-11:00\nTimezone: ../../etc/passwd\n", 1,
	 0, 4, 11, "unknown time zone"},
	{HEAD "Status: maybe\n", 1, 0, 5, 9, "unknown status"},
	{HEAD "Status: Canceled\n", 0, 0, 0, 0, NULL},
	{HEAD "Reminder: 2 Stunden vorher\n", 0, 0, 0, 0, NULL},
	{HEAD "Reminder: 5 weeks\n", 1, 0, 5, 11, "at most 4 weeks"},
	{HEAD "Language: xx-\n", 1, 0, 5, 11, "invalid language"},
	{HEAD "Language: es\n", 0, 1, 5, 11, "no translation"},
	{HEAD "URL: example.org\n", 1, 0, 5, 6, "scheme"},
	{HEAD "Email: a@b\n", 0, 0, 0, 0, NULL},
	{HEAD "X-Custom: kept\nX-Custom: twice\n", 1, 0, 6, 1, "given twice"},
	{HEAD "  \n", 0, 0, 0, 0, NULL}, /* a blank line may hold spaces */
	{" indented\n" HEAD, 1, 0, 1, 1, "indented line before the first field"},
	{HEAD "no colon here\n", 1, 0, 5, 1, "expected 'Field: value'"},
	{HEAD "\xFF\n", 1, 0, 5, 1, "invalid UTF-8"},
	{HEAD "Location: a\x01z\n", 1, 0, 5, 12, "U+0001"},
	{HEAD "Location: a\rz\n", 1, 0, 5, 12, "U+000D"},
	{HEAD "Location: a\xC2\x85z\n", 1, 0, 5, 12, "U+0085"},
	{HEAD "Location: a\xE2\x80\xA8z\n", 1, 0, 5, 12, "U+2028"},
	{"Title: \0\n", 1, 0, 1, 8, "NUL byte"},
	{HEAD "\nAgenda:\n09:00 | A\n08:00 | B\n", 1, 0, 8, 1, "before the item above"},
	{HEAD "\nAgenda:\n09:00 A\n", 1, 0, 7, 6, "expected '|'"},
	{HEAD "\nAgenda:\nhello\n", 1, 0, 7, 1, "expected an agenda item"},
	{HEAD "\nAgenda:\n09:00 |  \n", 1, 0, 7, 1, "no title"},
	{HEAD "\nAgenda:\n09:00 | a | b | c | d\n", 1, 0, 7, 19, "too many"},
	{HEAD "\nAgenda:\n10:00-09:00 | a\n", 1, 0, 7, 1, "ends before it starts"},
	{HEAD "\nAgenda:\n08:00 | early\n", 0, 1, 7, 1, "before the event"},
	{HEAD "\nAgenda:\n09:00-18:00 | long\n", 0, 1, 7, 7, "ends after the event"},
	{HEAD "\nAgenda:\n[2024-03-06]\n", 1, 0, 7, 2, "not a day of this event"},
	{HEAD "\nAgenda:\n[2024-03-05] Day\n09:00 | a\n", 0, 0, 0, 0, NULL},
	{HEAD "\nAgenda:\n  note\n", 1, 0, 7, 1, "before the first agenda item"},
	{HEAD "\nAgenda:\n09:00 | a | x,,y\n", 0, 1, 7, 15, "empty name"},
	{HEAD "\nAgenda:\n09:00 | a\nAgenda:\n", 1, 0, 8, 1, "second 'Agenda:'"},
};

static void check_rows(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct rt_diags d;
		/* Rows with a NUL need their real length. */
		const char *text = rows[i].text;
		size_t len = strlen(text);
		if (strstr(rows[i].message ? rows[i].message : "", "NUL"))
			len = 10;
		rt_diags_init(&d, "t.agenda", text, len);
		static const struct rt_parse_opts opts = {.default_timezone = "UTC"};
		struct rt_agenda *a = rt_agenda_parse(text, len, &opts, &d);
		/* The rows leave UID out; its warning has a test of its own. */
		for (size_t k = 0; k < d.n; k++)
			if (strstr(d.v[k].message, "no 'UID:'")) {
				d.warnings--;
				free(d.v[k].message);
				free(d.v[k].hint);
				memmove(&d.v[k], &d.v[k + 1], (d.n - k - 1) * sizeof(d.v[0]));
				d.n--;
				break;
			}
		if (d.errors != rows[i].errors || d.warnings != rows[i].warnings)
			fprintf(stderr, "row %zu: %zu errors, %zu warnings; first: %s\n", i,
				d.errors, d.warnings, d.n ? d.v[0].message : "-");
		CHECK_INT(d.errors, rows[i].errors);
		CHECK_INT(d.warnings, rows[i].warnings);
		if (rows[i].message && d.n) {
			const struct rt_diag *r = &d.v[0];
			if (!strstr(r->message, rows[i].message))
				fprintf(stderr, "row %zu: message \"%s\"\n", i, r->message);
			CHECK(strstr(r->message, rows[i].message) != NULL);
			CHECK_INT(r->line, rows[i].line);
			if (r->line)
				CHECK_INT(r->offset - r->line_start + 1, rows[i].col);
		}
		rt_agenda_free(a);
		rt_diags_finish(&d);
	}
}

static void check_kickoff_model(void)
{
	static const char text[] =
		"Title: Workshop zur „Strategiebildung\n"
		"  in SüdOstNiedersachsen“\n"
		"Date: 2022-12-05\n"
		"Time: 16:00-18:00\n"
		"Timezone: Europe/Berlin\n"
		"Organizer: \"Allianz, Team\" <retrason@allianz-fuer-die-region.de>\n"
		"Reminder: 1 day\n"
		"X-Network: ReTraSON\n"
		"UID: kickoff@example.org\n"
		"\n"
		"First paragraph\n"
		"continues here.\n"
		"\n"
		"• a list item\n"
		"  continued\n"
		"- another\n"
		"\n"
		"Agenda:\n"
		"16:00 | Grußwort | Projektteam ReTraSON, Projektteam DLR-TS\n"
		"16:10 | Impuls \\| Diskussion | Prof. Dr. Michael Ortgiese\n"
		"    Folien folgen\n"
		"    per Mail\n"
		"16:30 | Kick-Off | Müller, Hans; Doe, Jane | Saal 1\n"
		"17:50 | Abschluss\n"
		"18:00 | Networking\n";
	struct rt_diags d;
	struct rt_agenda *a = parse(text, &d);

	CHECK_INT(d.errors + d.warnings, 0);
	CHECK_STR(a->title, "Workshop zur „Strategiebildung in SüdOstNiedersachsen“");
	CHECK(a->first.year == 2022 && a->first.month == 12 && a->first.day == 5);
	CHECK(rt_date_cmp(a->first, a->last) == 0);
	CHECK(!a->all_day);
	CHECK_INT(a->start, 16 * 60);
	CHECK_INT(a->end, 18 * 60);
	CHECK_STR(a->timezone, "Europe/Berlin");
	CHECK(a->timezone_given);
	CHECK_STR(a->organizer.name, "Allianz, Team");
	CHECK_STR(a->organizer.addr, "retrason@allianz-fuer-die-region.de");
	CHECK_INT(a->reminder, 1440);
	CHECK_INT(a->nx, 1);
	CHECK_STR(a->x[0].name, "X-Network");
	CHECK_STR(a->x[0].value, "ReTraSON");

	CHECK_INT(a->ndesc, 3);
	CHECK(!a->desc[0].list_item);
	CHECK_STR(a->desc[0].text, "First paragraph continues here.");
	CHECK(a->desc[1].list_item);
	CHECK_STR(a->desc[1].text, "a list item continued");
	CHECK_STR(a->desc[2].text, "another");

	CHECK_INT(a->ndays, 1);
	CHECK_INT(a->days[0].nitems, 5);
	CHECK_INT(a->nitems, 5);
	if (a->nitems == 5) {
		CHECK_INT(a->items[0].nspeakers, 2);
		CHECK_STR(a->items[0].speakers[1], "Projektteam DLR-TS");
		CHECK_INT(a->items[0].end, 16 * 60 + 10); /* where the next starts */
		CHECK(!a->items[0].end_given);
		CHECK_STR(a->items[1].title, "Impuls | Diskussion");
		CHECK_STR(a->items[1].notes, "Folien folgen\nper Mail");
		CHECK_INT(a->items[2].nspeakers, 2); /* ';' wins over ',' */
		CHECK_STR(a->items[2].speakers[0], "Müller, Hans");
		CHECK_STR(a->items[2].room, "Saal 1");
		CHECK_INT(a->items[3].end, 18 * 60); /* the last ends with the event */
		CHECK_INT(a->items[4].start, 18 * 60);
		CHECK_INT(a->items[4].end, RT_OPEN_END); /* starts at the end: open */
		CHECK_INT(a->items[4].line, 25);
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);
}

static void check_overnight_and_days(void)
{
	struct rt_diags d;
	struct rt_agenda *a = parse("Title: Night\nDate: 2024-03-30\nTime: 22:00-02:00\n"
				    "Timezone: Europe/Berlin\nUID: n@x\n\nAgenda:\n"
				    "22:00 | In\n23:30-00:30 | Stars\n00:30 | Talk\n01:45 | End\n",
				    &d);
	CHECK_INT(d.errors + d.warnings, 0);
	CHECK_INT(a->end, 26 * 60);
	CHECK_INT(a->nitems, 4);
	if (a->nitems == 4) {
		CHECK_INT(a->items[1].start, 23 * 60 + 30);
		CHECK_INT(a->items[1].end, 24 * 60 + 30);
		CHECK_INT(a->items[2].start, 24 * 60 + 30);
		CHECK_INT(a->items[3].end, 26 * 60);
		struct rt_date date;
		int m;
		rt_agenda_when(a, a->items[2].day, a->items[2].start, &date, &m);
		CHECK(date.day == 31 && date.month == 3 && m == 30);
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);

	a = parse("Title: Conf\nDate: 2024-09-17..2024-09-19\nTime: 09:00-17:00\n"
		  "Timezone: UTC\nUID: c@x\n\nAgenda:\n09:00 | Reg\n[2024-09-17] One\n10:00 | Key\n"
		  "[2024-09-19]\n09:00 | A | | R1\n09:00 | B | | R2\n12:00 | Lunch\n",
		  &d);
	CHECK_INT(d.errors + d.warnings, 0);
	CHECK_INT(a->ndays, 3);
	CHECK_STR(a->days[0].label, "One");
	CHECK_INT(a->days[0].nitems, 2); /* items before the first heading join it */
	CHECK_INT(a->days[1].nitems, 0);
	CHECK_INT(a->days[2].nitems, 3);
	CHECK_INT(a->days[2].first_item, 2);
	if (a->nitems == 5) {
		CHECK_INT(a->items[2].day, 2);
		CHECK_INT(a->items[2].nspeakers, 0);
		CHECK_STR(a->items[2].room, "R1");
		/* parallel sessions both end at the next later start */
		CHECK_INT(a->items[2].end, 12 * 60);
		CHECK_INT(a->items[3].end, 12 * 60);
		CHECK_INT(a->items[4].end, 17 * 60);
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);
}

static void check_uid_warning(void)
{
	struct rt_diags d;
	struct rt_agenda *a = parse(HEAD "Organizer: Jane <jane@example.org>\n", &d);
	char *uid = rt_agenda_uid(a);
	CHECK_INT(d.warnings, 1);
	CHECK(d.n == 1 && strstr(d.v[0].message, "no 'UID:'"));
	CHECK(d.n == 1 && d.v[0].hint && strstr(d.v[0].hint, uid));
	CHECK(strlen(uid) == 32 + strlen("@example.org"));
	CHECK(strstr(uid, "@example.org") != NULL);
	free(uid);
	rt_agenda_free(a);
	rt_diags_finish(&d);

	a = parse(HEAD "UID: given@example.org\n", &d);
	CHECK_INT(d.warnings, 0);
	uid = rt_agenda_uid(a);
	CHECK_STR(uid, "given@example.org");
	free(uid);
	rt_agenda_free(a);
	rt_diags_finish(&d);

	a = parse(HEAD "Categories: Workshop, Mobilität ,, x\nUID: u@x\n", &d);
	CHECK_INT(a->ncategories, 3);
	if (a->ncategories == 3) {
		CHECK_STR(a->categories[1], "Mobilität");
		CHECK_STR(a->categories[2], "x");
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	check_rows();
	check_kickoff_model();
	check_overnight_and_days();
	check_uid_warning();
	return check_done();
}
