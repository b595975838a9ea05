#include <limits.h>
#include <string.h>

#include "check.h"
#include "retrason/buf.h"
#include "retrason/strutil.h"

/* rt_buf_addu() against printf("%0*lu"), the behaviour it replaces. */
static void addu(unsigned long v, int width)
{
	struct rt_buf b;
	char want[64];
	rt_buf_init(&b);
	rt_buf_adds(&b, "x");
	rt_buf_addu(&b, v, width);
	snprintf(want, sizeof(want), "x%0*lu", width, v);
	CHECK_STR(rt_buf_str(&b), want);
	rt_buf_finish(&b);
}

int main(void)
{
	addu(0, 0);
	addu(0, 2);
	addu(7, 2);
	addu(42, 2);
	addu(123, 2);
	addu(2024, 4);
	addu(5, 4);
	addu(ULONG_MAX, 0);
	addu(ULONG_MAX, 30);

	static const char *const fields[] = {"Title", "Date", "Time", "Timezone",
					     "Location", "Organizer"};
	static const struct {
		const char *a, *b;
		size_t d;
	} rows[] = {
		{"Titel", "Title", 1}, /* transposition */
		{"title", "Title", 0}, /* case folded */
		{"Tme", "Time", 1},    {"", "Date", 4},       {"Date", "", 4},
		{"kitten", "sitting", 3}, {"ca", "abc", 3},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(rt_edit_distance(rows[i].a, strlen(rows[i].a), rows[i].b),
			  rows[i].d);

	/* rt_did_you_mean(): one edit per three letters, at least one. */
	static const struct {
		const char *word, *want;
	} near_rows[] = {
		{"Titel", "Title"},         {"Timezon", "Timezone"}, {"Organiser", "Organizer"},
		{"DATE", "Date"},           {"Colour", NULL},        {"x", NULL},
		{"", NULL},                 {"Locaton", "Location"}, {"Orgnzr", NULL},
		{"Tim", "Time"},            /* "Title" is two away */
		{"Dat", "Date"},
		{"Tite", "Title"},          /* "Time" and "Title" both one away: the first */
		{"TitleTitleTitleTitleTitleTitleTitleTitleTitleTitleTitleTitleTitle", NULL},
	};
	for (size_t i = 0; i < sizeof(near_rows) / sizeof(near_rows[0]); i++)
		CHECK_STR(rt_did_you_mean(near_rows[i].word, strlen(near_rows[i].word), fields, 6),
			  near_rows[i].want);

	/* rt_nearest with its own limit, fed one candidate at a time. */
	static const char *const zones[] = {"Europe/Berlin", "Europe/Brussels", "Europe/Lisbon",
					    "America/Lima", "UTC"};
	static const struct {
		const char *word;
		size_t letters;
		const char *want;
	} zone_rows[] = {
		{"Europe/Berln", 4, "Europe/Berlin"},   /* 12 letters: 3 edits */
		{"europe/berlin", 4, "Europe/Berlin"},  /* case only */
		{"Europe/Lisboa", 4, "Europe/Lisbon"},
		{"Europ/Brusels", 4, "Europe/Brussels"},
		{"Erope/Brssls", 4, "Europe/Brussels"}, /* 3 edits in 12 letters */
		{"Erope/Brssls", 5, NULL},              /* 2 allowed */
		{"utc", 4, "UTC"},
		{"UT", 4, "UTC"},                        /* at least one edit */
		{"Lima", 4, NULL},
	};
	for (size_t i = 0; i < sizeof(zone_rows) / sizeof(zone_rows[0]); i++) {
		struct rt_nearest n;
		rt_nearest_init(&n, zone_rows[i].word, strlen(zone_rows[i].word),
				zone_rows[i].letters);
		for (size_t k = 0; k < sizeof(zones) / sizeof(zones[0]); k++)
			rt_nearest_add(&n, zones[k]);
		CHECK_STR(n.best, zone_rows[i].want);
	}

	char note[32];
	CHECK_STR(rt_did_you_mean_note(note, sizeof(note), "Title", "see the manual"),
		  "did you mean 'Title'?");
	CHECK_STR(rt_did_you_mean_note(note, sizeof(note), NULL, "see the manual"),
		  "see the manual");
	CHECK_STR(rt_did_you_mean_note(note, 16, "Organizer", "x"), "did you mean 'O"); /* cut */
	CHECK(rt_strcasecmp("URL", "url") == 0);
	CHECK(rt_strcasecmp("a", "b") < 0);
	CHECK(rt_strncaseeq("AgEnDa:", 7, "agenda:"));
	CHECK(!rt_strncaseeq("Agenda", 6, "agenda:"));
	return check_done();
}
