#include "check.h"
#include "retrason/i18n.h"

/* RFC 5322 3.3: the English abbreviations, exactly. */
static const char *const rfc5322_months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const rfc5322_days[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int main(void)
{
	static const struct {
		enum rt_lang lang;
		int month;
		const char *name, *abbr;
	} months[] = {
		{RT_LANG_EN, 1, "January", "Jan"},   {RT_LANG_EN, 9, "September", "Sep"},
		{RT_LANG_EN, 12, "December", "Dec"}, {RT_LANG_DE, 1, "Januar", "Jan."},
		{RT_LANG_DE, 3, "März", "März"},     {RT_LANG_DE, 9, "September", "Sept."},
		{RT_LANG_DE, 12, "Dezember", "Dez."},
	};
	for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
		CHECK_STR(rt_month_name(months[i].lang, months[i].month), months[i].name);
		CHECK_STR(rt_month_abbr(months[i].lang, months[i].month), months[i].abbr);
	}

	static const struct {
		enum rt_lang lang;
		int weekday;
		const char *abbr;
	} days[] = {
		{RT_LANG_EN, 0, "Mon"}, {RT_LANG_EN, 6, "Sun"},
		{RT_LANG_DE, 0, "Mo."}, {RT_LANG_DE, 6, "So."},
	};
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		CHECK_STR(rt_weekday_abbr(days[i].lang, days[i].weekday), days[i].abbr);

	/* The Date header takes its names from here. */
	for (int m = 1; m <= 12; m++)
		CHECK_STR(rt_month_abbr(RT_LANG_EN, m), rfc5322_months[m - 1]);
	for (int d = 0; d < 7; d++)
		CHECK_STR(rt_weekday_abbr(RT_LANG_EN, d), rfc5322_days[d]);

	static const struct {
		enum rt_lang lang;
		struct rt_date d;
		const char *want;
	} dates[] = {
		{RT_LANG_EN, {2022, 12, 5}, "Mon 5 Dec 2022"},
		{RT_LANG_DE, {2022, 12, 5}, "Mo., 5. Dez. 2022"},
		{RT_LANG_DE, {2024, 3, 31}, "So., 31. März 2024"},
	};
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_fmt_date_short(&b, dates[i].lang, dates[i].d);
		CHECK_STR(rt_buf_str(&b), dates[i].want);
		rt_buf_finish(&b);
	}
	return check_done();
}
