#include "check.h"
#include "retrason/datetime.h"

int main(void)
{
	static const struct {
		struct rt_date d;
		int weekday; /* 0 = Monday */
	} rows[] = {
		{{2022, 12, 5}, 0},  {{1970, 1, 1}, 3},  {{2000, 2, 29}, 1},
		{{2024, 3, 31}, 6},  {{1900, 1, 1}, 0},  {{2038, 1, 19}, 1},
		{{1, 1, 1}, 0},      {{9999, 12, 31}, 4},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(rt_date_weekday(rows[i].d), rows[i].weekday);

	CHECK(rt_is_leap_year(2000));
	CHECK(!rt_is_leap_year(1900));
	CHECK(rt_is_leap_year(2024));
	CHECK(!rt_is_leap_year(2023));
	CHECK_INT(rt_days_in_month(2023, 2), 28);
	CHECK_INT(rt_days_in_month(2024, 2), 29);
	CHECK_INT(rt_days_in_month(2024, 4), 30);
	CHECK_INT(rt_days_in_month(2024, 13), 0);
	CHECK(!rt_date_valid((struct rt_date){2023, 2, 29}));
	CHECK(rt_date_valid((struct rt_date){2024, 2, 29}));
	CHECK(!rt_date_valid((struct rt_date){2024, 0, 1}));

	struct rt_date d = rt_date_add_days((struct rt_date){2022, 12, 31}, 1);
	CHECK(d.year == 2023 && d.month == 1 && d.day == 1);
	d = rt_date_add_days((struct rt_date){2024, 3, 1}, -1);
	CHECK(d.year == 2024 && d.month == 2 && d.day == 29);
	CHECK_INT(rt_date_to_days((struct rt_date){1970, 1, 1}), 0);
	CHECK_INT(rt_date_to_days((struct rt_date){2022, 12, 5}), 19331);

	/* from_days inverts to_days on every day of four centuries */
	long start = rt_date_to_days((struct rt_date){1900, 1, 1});
	for (long k = start; k < start + 146097; k++) {
		struct rt_date x = rt_date_from_days(k);
		if (!rt_date_valid(x) || rt_date_to_days(x) != k) {
			CHECK(!"days round trip");
			break;
		}
	}
	CHECK(rt_date_cmp((struct rt_date){2024, 1, 2}, (struct rt_date){2024, 1, 3}) < 0);
	CHECK(rt_date_cmp((struct rt_date){2024, 1, 2}, (struct rt_date){2024, 1, 2}) == 0);
	return check_done();
}
