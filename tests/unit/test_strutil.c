#include "check.h"
#include "retrason/strutil.h"

int main(void)
{
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

	CHECK_STR(rt_did_you_mean("Titel", 5, fields, 6), "Title");
	CHECK_STR(rt_did_you_mean("Timezon", 7, fields, 6), "Timezone");
	CHECK_STR(rt_did_you_mean("Organiser", 9, fields, 6), "Organizer");
	CHECK_STR(rt_did_you_mean("Colour", 6, fields, 6), NULL);
	CHECK_STR(rt_did_you_mean("x", 1, fields, 6), NULL);
	CHECK(rt_strcasecmp("URL", "url") == 0);
	CHECK(rt_strcasecmp("a", "b") < 0);
	CHECK(rt_strncaseeq("AgEnDa:", 7, "agenda:"));
	CHECK(!rt_strncaseeq("Agenda", 6, "agenda:"));
	return check_done();
}
