#include <limits.h>

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
