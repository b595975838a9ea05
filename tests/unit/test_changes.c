/* What an update says has changed (retrason/changes.h), word for word,
 * in both languages. */
#include <stdlib.h>

#include "check.h"
#include "retrason/changes.h"

static struct rt_agenda *parse(const char *text, struct rt_diags *d)
{
	rt_diags_init(d, "t.agenda", text, strlen(text));
	struct rt_agenda *a = rt_agenda_parse(text, strlen(text), NULL, d);
	CHECK_INT(d->errors, 0);
	return a;
}

static const char WAS[] = "Title: Team day\n"
			  "Date: 2030-05-06\n"
			  "Time: 10:00-12:00\n"
			  "Timezone: Europe/Berlin\n"
			  "Location: Room 1\n"
			  "Organizer: Org <org@example.org>\n"
			  "\nAgenda:\n"
			  "10:00 | Welcome\n"
			  "10:15 | Talk | Ann\n"
			  "11:00 | Lunch\n";

static const char NOW[] = "Title: Team day\n"
			  "Date: 2030-05-06\n"
			  "Time: 10:00-12:30\n"
			  "Timezone: Europe/Berlin\n"
			  "Location: Room 2\n"
			  "Organizer: Org <org@example.org>\n"
			  "\nA new description.\n"
			  "\nAgenda:\n"
			  "10:00 | Welcome\n"
			  "10:30 | Talk | Bob\n"
			  "11:30 | Panel\n";

static void test_en(void)
{
	struct rt_diags d1, d2;
	struct rt_agenda *was = parse(WAS, &d1), *now = parse(NOW, &d2);
	struct rt_changes c;
	rt_changes_between(&c, was, now, RT_LANG_EN);
	static const char *const want[] = {
		"When: Monday, 6 May 2030, 10:00–12:00 → Monday, 6 May 2030, 10:00–12:30",
		"Where: Room 1 → Room 2",
		/* its end is the next item's start: it runs longer now */
		"Welcome: 10:00–10:15 → 10:00–10:30",
		"Talk: 10:15–11:00 → 10:30–11:30",
		"New: 11:30–12:30 Panel",
		"Dropped: 11:00–12:00 Lunch",
		"Also changed: description",
	};
	CHECK_INT(c.n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < c.n && i < sizeof(want) / sizeof(*want); i++)
		CHECK_STR(c.line[i], want[i]);
	rt_changes_finish(&c);

	/* No change, nothing to say. */
	rt_changes_between(&c, now, now, RT_LANG_DE);
	CHECK_INT(c.n, 0);
	rt_changes_finish(&c);
	rt_agenda_free(was);
	rt_agenda_free(now);
	rt_diags_finish(&d1);
	rt_diags_finish(&d2);
}

static void test_de_and_many(void)
{
	struct rt_diags d1, d2;
	struct rt_agenda *was = parse(WAS, &d1);
	/* Twenty new items: a dozen lines at most, the last counts the rest. */
	char now_text[4096];
	size_t n = (size_t)snprintf(now_text, sizeof(now_text), "%.*s", (int)(strstr(WAS, "Agenda:") - WAS), WAS);
	n += (size_t)snprintf(now_text + n, sizeof(now_text) - n, "Agenda:\n");
	for (int i = 0; i < 20; i++)
		n += (size_t)snprintf(now_text + n, sizeof(now_text) - n, "10:%02d | Punkt %d\n", i, i);
	struct rt_agenda *now = parse(now_text, &d2);
	struct rt_changes c;
	rt_changes_between(&c, was, now, RT_LANG_DE);
	CHECK_INT(c.n, RT_CHANGES_MAX);
	CHECK_STR(c.line[0], "Neu im Programm: 10:00–10:01 Punkt 0");
	if (c.n == RT_CHANGES_MAX)
		CHECK_STR(c.line[RT_CHANGES_MAX - 1], "… 12 weitere Änderungen");
	rt_changes_finish(&c);
	rt_agenda_free(was);
	rt_agenda_free(now);
	rt_diags_finish(&d1);
	rt_diags_finish(&d2);
}

int main(void)
{
	test_en();
	test_de_and_many();
	return check_done();
}
