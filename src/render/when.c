#include "retrason/render.h"

static void clock_range(struct rt_buf *out, int start, int end, enum rt_lang lang)
{
	rt_fmt_clock(out, start);
	rt_buf_adds(out, "–");
	rt_fmt_clock(out, end);
	rt_fmt_clock_suffix(out, lang);
}

void rt_render_when(struct rt_buf *out, const struct rt_agenda *a, enum rt_lang lang)
{
	if (rt_date_cmp(a->first, a->last) == 0) {
		rt_fmt_date(out, lang, a->first, true);
		if (a->all_day) {
			rt_buf_addf(out, " (%s)", rt_msg(lang, RT_MSG_ALL_DAY));
		} else if (a->end <= RT_MINUTES_PER_DAY) {
			rt_buf_adds(out, ", ");
			clock_range(out, a->start, a->end, lang);
		} else {
			/* Overnight: name the second day, it is easy to misread. */
			rt_buf_adds(out, ", ");
			rt_fmt_clock(out, a->start);
			rt_fmt_clock_suffix(out, lang);
			rt_buf_adds(out, " – ");
			rt_fmt_date(out, lang, rt_date_add_days(a->first, 1), true);
			rt_buf_adds(out, ", ");
			rt_fmt_clock(out, a->end);
			rt_fmt_clock_suffix(out, lang);
		}
		return;
	}
	rt_fmt_date(out, lang, a->first, a->first.year != a->last.year);
	rt_buf_adds(out, " – ");
	rt_fmt_date(out, lang, a->last, true);
	if (!a->all_day) {
		/* "daily" only if some day keeps Time's hours. */
		bool daily = false;
		for (size_t i = 0; i < a->ndays && !daily; i++)
			daily = a->days[i].start == a->start && a->days[i].end == a->end;
		if (daily) {
			rt_buf_addf(out, ", %s ", rt_msg(lang, RT_MSG_DAILY));
			clock_range(out, a->start, a->end, lang);
		}
		/* The days with other hours, so that a change of one shows
		 * in an update's "was" and "now" too. */
		bool any = false;
		for (size_t i = 0; i < a->ndays; i++) {
			const struct rt_day *d = &a->days[i];
			if (d->start == a->start && d->end == a->end)
				continue;
			rt_buf_adds(out, any ? "; " : " (");
			any = true;
			rt_fmt_date(out, lang, d->date, false);
			rt_buf_adds(out, ": ");
			clock_range(out, d->start, d->end, lang);
		}
		if (any)
			rt_buf_addc(out, ')');
	}
}

void rt_render_day_heading(struct rt_buf *out, const struct rt_day *day, enum rt_lang lang)
{
	rt_fmt_date(out, lang, day->date, true);
	if (day->own_hours) {
		rt_buf_adds(out, " · ");
		clock_range(out, day->start, day->end, lang);
	}
	if (day->label)
		rt_buf_addf(out, " · %s", day->label);
}
