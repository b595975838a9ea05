/* The syntax of field values and times in agenda files. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "retrason/buf.h"
#include "retrason/i18n.h"
#include "retrason/strutil.h"
#include "retrason/tz.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

void t_diag(struct parser *p, enum rt_severity sev, const struct text *t,
	    size_t off, size_t n, const char *hint, const char *fmt, ...)
{
	struct rt_buf msg;
	va_list ap;

	rt_buf_init(&msg);
	va_start(ap, fmt);
	rt_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (off > t->exact || off + n > t->exact) {
		/* Joined from continuation lines: point at the value. */
		off = 0;
		n = t->exact;
	}
	rt_diag_at(p->d, sev, t->line->no, t->line->off,
		   t->line->off + t->base + off, n, hint, "%s", rt_buf_str(&msg));
	rt_buf_finish(&msg);
}

size_t token_len(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && !rt_is_space(s[i]) && s[i] != '|' && i < 24)
		i += rt_utf8_seqlen(s + i, len - i);
	return i;
}

size_t skip_blank(const char *s, size_t i, size_t len)
{
	while (i < len && rt_is_space(s[i]))
		i++;
	return i;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s[i]. */
static bool digits(const char *s, size_t len, size_t i, size_t n, int *out)
{
	int v = 0;
	if (i + n > len)
		return false;
	for (size_t k = 0; k < n; k++) {
		if (!digit(s[i + k]))
			return false;
		v = v * 10 + (s[i + k] - '0');
	}
	*out = v;
	return true;
}

/* "5.12.2022" or "05.12.2022", the way German invitations write dates:
 * recognised only to suggest the ISO form. */
static bool dotted_date(const char *s, size_t len, struct rt_date *d)
{
	size_t i = 0;
	int v[3] = {0, 0, 0};
	for (int k = 0; k < 3; k++) {
		size_t n = 0;
		while (i < len && digit(s[i]) && n < 4) {
			v[k] = v[k] * 10 + (s[i] - '0');
			i++;
			n++;
		}
		if (n == 0 || (k < 2 && n > 2) || (k == 2 && n != 4))
			return false;
		if (k < 2) {
			if (i >= len || (s[i] != '.' && s[i] != '/'))
				return false;
			i++;
		}
	}
	if (i != len)
		return false;
	d->day = v[0];
	d->month = v[1];
	d->year = v[2];
	return rt_date_valid(*d);
}

bool read_date(struct parser *p, const struct text *t, size_t off, size_t len,
	       struct rt_date *out)
{
	const char *s = t->s + off;
	struct rt_date d;
	if (len == 10 && digits(s, len, 0, 4, &d.year) && s[4] == '-' &&
	    digits(s, len, 5, 2, &d.month) && s[7] == '-' &&
	    digits(s, len, 8, 2, &d.day)) {
		if (d.month < 1 || d.month > 12) {
			t_err(p, t, off + 5, 2, "months go from 01 to 12",
			      "invalid date '%.*s': there is no month %d", (int)len, s,
			      d.month);
			return false;
		}
		if (d.year < 1) {
			t_err(p, t, off, 4, NULL, "invalid date '%.*s': no year 0",
			      (int)len, s);
			return false;
		}
		if (d.day < 1 || d.day > rt_days_in_month(d.year, d.month)) {
			char hint[96];
			snprintf(hint, sizeof(hint), "the last day of %s %d is %04d-%02d-%02d",
				 rt_month_name(RT_LANG_EN, d.month), d.year, d.year, d.month,
				 rt_days_in_month(d.year, d.month));
			t_err(p, t, off + 8, 2, hint,
			      "invalid date '%.*s': %s %d has %d days", (int)len, s,
			      rt_month_name(RT_LANG_EN, d.month), d.year,
			      rt_days_in_month(d.year, d.month));
			return false;
		}
		*out = d;
		return true;
	}

	char hint[64];
	const char *h = "write dates as YYYY-MM-DD, for example 2022-12-05";
	if (dotted_date(s, len, &d)) {
		snprintf(hint, sizeof(hint), "did you mean '%04d-%02d-%02d'?", d.year,
			 d.month, d.day);
		h = hint;
	}
	size_t n = len ? len : 1;
	t_err(p, t, off, n, h, "expected a date as YYYY-MM-DD, found '%.*s'",
	      (int)token_len(s, len), s);
	return false;
}

bool read_date_range(struct parser *p, const struct text *t,
		     struct rt_date *first, struct rt_date *last)
{
	const char *dots = NULL;
	for (size_t i = 0; i + 1 < t->len; i++)
		if (t->s[i] == '.' && t->s[i + 1] == '.') {
			dots = t->s + i;
			break;
		}
	if (!dots) {
		if (!read_date(p, t, 0, t->len, first))
			return false;
		*last = *first;
		return true;
	}
	size_t a_end = (size_t)(dots - t->s);
	while (a_end > 0 && rt_is_space(t->s[a_end - 1]))
		a_end--;
	size_t b = skip_blank(t->s, (size_t)(dots - t->s) + 2, t->len);
	bool ok = read_date(p, t, 0, a_end, first);
	ok = read_date(p, t, b, t->len - b, last) && ok;
	if (!ok)
		return false;
	if (rt_date_cmp(*last, *first) < 0) {
		t_err(p, t, 0, t->len, "write the earlier date first: 'FIRST..LAST'",
		      "the date range ends before it starts");
		return false;
	}
	if (rt_date_to_days(*last) - rt_date_to_days(*first) >= 366) {
		t_err(p, t, 0, t->len, "split it into several agenda files",
		      "an event can last at most 366 days");
		return false;
	}
	return true;
}

/* Why a would-be time at s[start] is not one, reported with a hint.
 * Only the error path pays for this analysis. */
static void clock_error(struct parser *p, const struct text *t, size_t start)
{
	const char *s = t->s;
	size_t len = t->len;
	size_t tok = token_len(s + start, len - start);
	/* A time ends at a dash too: "10:3O-12:00" is about "10:3O". */
	for (size_t k = start; k < start + tok; k++)
		if (dash_len(s + k, len - k)) {
			tok = k - start;
			break;
		}
	/* A letter O typed for a zero is a classic; say so. */
	bool shape = tok > 0;
	size_t letter = 0;
	bool has_o = false;
	for (size_t j = start; j < start + tok; j++) {
		if (s[j] == 'O' || s[j] == 'o') {
			if (!has_o)
				letter = j;
			has_o = true;
		} else if (!digit(s[j]) && s[j] != ':') {
			shape = false;
		}
	}
	if (shape && has_o) {
		char fixed[32], hint[64];
		size_t n = 0;
		for (size_t j = start; j < start + tok && n + 1 < sizeof(fixed); j++)
			fixed[n++] = (s[j] == 'O' || s[j] == 'o') ? '0' : s[j];
		fixed[n] = '\0';
		snprintf(hint, sizeof(hint), "did you mean '%s'?", fixed);
		t_err(p, t, letter, 1, hint, "letter '%c' in the time '%.*s'", s[letter],
		      (int)tok, s + start);
		return;
	}
	/* "9-13": hours without minutes. */
	int hours = 0;
	if (tok && tok <= 2 && digits(s, len, start, tok, &hours) && hours < 24) {
		char hint[64];
		snprintf(hint, sizeof(hint), "write the minutes too: did you mean '%02d:00'?", hours);
		t_err(p, t, start, tok, hint, "expected a time, found '%.*s'", (int)tok, s + start);
		return;
	}
	t_err(p, t, start, tok ? tok : 1,
	      "write times as HH:MM on the 24-hour clock, for example 16:00",
	      tok ? "expected a time, found '%.*s'" : "expected a time%.*s", (int)tok,
	      s + start);
}

bool read_clock(struct parser *p, const struct text *t, size_t *pi,
		bool allow_24, int *minutes)
{
	const char *s = t->s;
	size_t len = t->len, i = *pi, start = *pi;
	int h = 0, m = 0;
	size_t hd = 0;

	while (i < len && digit(s[i]) && hd < 3) {
		h = h * 10 + (s[i] - '0');
		i++;
		hd++;
	}
	if (hd == 0 || hd > 2 || i >= len || s[i] != ':' ||
	    !digits(s, len, i + 1, 2, &m) || (i + 3 < len && digit(s[i + 3])) ||
	    (i + 3 < len && (s[i + 3] == 'O' || s[i + 3] == 'o'))) {
		clock_error(p, t, start);
		return false;
	}
	i += 3;
	if (m > 59) {
		t_err(p, t, i - 2, 2, "minutes go from 00 to 59",
		      "invalid time '%.*s'", (int)(i - start), s + start);
		return false;
	}
	if (h > 23 && !(allow_24 && h == 24 && m == 0)) {
		t_err(p, t, start, hd,
		      allow_24 ? "hours go from 00 to 23; 24:00 may end a range"
			       : "hours go from 00 to 23; midnight is 00:00",
		      "invalid time '%.*s'", (int)(i - start), s + start);
		return false;
	}
	*minutes = h * 60 + m;
	*pi = i;
	return true;
}

size_t dash_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '-')
		return 1;
	if (len >= 3 && (!memcmp(s, "\xE2\x80\x93", 3) || !memcmp(s, "\xE2\x80\x94", 3)))
		return 3;
	return 0;
}

size_t skip_clock_suffix(const char *s, size_t i, size_t len)
{
	size_t j = skip_blank(s, i, len);
	if (j + 3 <= len && rt_strncaseeq(s + j, 3, "uhr") &&
	    (j + 3 == len || rt_is_space(s[j + 3]) || s[j + 3] == '|' ||
	     dash_len(s + j + 3, len - j - 3)))
		return skip_blank(s, j + 3, len);
	return j;
}

bool read_time_range(struct parser *p, const struct text *t, const char *what, int *start,
		     int *end)
{
	size_t i = 0;
	if (!read_clock(p, t, &i, false, start))
		return false;
	i = skip_clock_suffix(t->s, i, t->len);
	size_t d = dash_len(t->s + i, t->len - i);
	if (!d) {
		t_err(p, t, i, i < t->len ? token_len(t->s + i, t->len - i) : 1,
		      "write the hours as START-END, for example 16:00-18:00",
		      i < t->len ? "expected '-' and an end time" :
				   "the time has no end");
		return false;
	}
	i = skip_blank(t->s, i + d, t->len);
	size_t end_at = i;
	if (!read_clock(p, t, &i, true, end))
		return false;
	i = skip_clock_suffix(t->s, i, t->len);
	if (i < t->len) {
		t_err(p, t, i, token_len(t->s + i, t->len - i), NULL,
		      "unexpected '%.*s' after the time",
		      (int)token_len(t->s + i, t->len - i), t->s + i);
		return false;
	}
	if (*end == *start) {
		t_err(p, t, end_at, i - end_at, NULL, "the %s ends when it starts", what);
		return false;
	}
	if (*end < *start) /* crosses midnight: ends the next day */
		*end += RT_MINUTES_PER_DAY;
	return true;
}

bool read_status(struct parser *p, const struct text *t, enum rt_status *out)
{
	static const char *const names[] = {"confirmed", "tentative", "cancelled"};
	if (rt_strncaseeq(t->s, t->len, "confirmed"))
		*out = RT_STATUS_CONFIRMED;
	else if (rt_strncaseeq(t->s, t->len, "tentative"))
		*out = RT_STATUS_TENTATIVE;
	else if (rt_strncaseeq(t->s, t->len, "cancelled") ||
		 rt_strncaseeq(t->s, t->len, "canceled"))
		*out = RT_STATUS_CANCELLED;
	else {
		char note[96];
		const char *hint = rt_did_you_mean_note(
			note, sizeof(note), rt_did_you_mean(t->s, t->len, names, 3),
			"Status is confirmed, tentative or cancelled");
		t_err(p, t, 0, t->len, hint, "unknown status '%.*s'",
		      (int)token_len(t->s, t->len), t->s);
		return false;
	}
	return true;
}

bool read_reminder(struct parser *p, const struct text *t, int *minutes)
{
	static const struct {
		const char *name;
		int factor;
	} units[] = {
		{"minute", 1},   {"minutes", 1}, {"min", 1},      {"m", 1},
		{"minuten", 1},  {"hour", 60},   {"hours", 60},   {"h", 60},
		{"stunde", 60},  {"stunden", 60}, {"day", 1440},  {"days", 1440},
		{"d", 1440},     {"tag", 1440},  {"tage", 1440},  {"week", 10080},
		{"weeks", 10080}, {"woche", 10080}, {"wochen", 10080},
	};
	const char *hint = "write it as '30 minutes', '2 hours' or '1 day' (before the start)";
	size_t i = 0;
	long n = 0;
	while (i < t->len && digit(t->s[i]) && n < 100000)
		n = n * 10 + (t->s[i++] - '0');
	if (i == 0) {
		t_err(p, t, 0, token_len(t->s, t->len), hint,
		      "expected a number in the reminder, found '%.*s'",
		      (int)token_len(t->s, t->len), t->s);
		return false;
	}
	size_t u = skip_blank(t->s, i, t->len);
	size_t ulen = 0;
	while (u + ulen < t->len && !rt_is_space(t->s[u + ulen]))
		ulen++;
	int factor = 0;
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (rt_strncaseeq(t->s + u, ulen, units[k].name))
			factor = units[k].factor;
	if (!factor) {
		t_err(p, t, u, ulen ? ulen : 1, hint, ulen ? "unknown unit '%.*s' in the reminder"
							   : "the reminder has no unit%.*s",
		      (int)ulen, t->s + u);
		return false;
	}
	size_t rest = skip_blank(t->s, u + ulen, t->len);
	size_t rlen = t->len - rest;
	if (rlen && !rt_strncaseeq(t->s + rest, rlen, "before") &&
	    !rt_strncaseeq(t->s + rest, rlen, "vorher")) {
		t_err(p, t, rest, rlen, hint, "unexpected '%.*s' in the reminder",
		      (int)token_len(t->s + rest, rlen), t->s + rest);
		return false;
	}
	if (n * factor > 4 * 10080) {
		t_err(p, t, 0, t->len, NULL, "a reminder can be at most 4 weeks before");
		return false;
	}
	*minutes = (int)(n * factor);
	return true;
}

static bool alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool read_language(struct parser *p, const struct text *t)
{
	/* BCP 47 shape: a 2-3 letter primary tag, then 1-8 character subtags. */
	size_t i = 0, n = 0;
	while (i < t->len && alpha(t->s[i]))
		i++, n++;
	bool ok = n >= 2 && n <= 3;
	while (ok && i < t->len) {
		if (t->s[i] != '-') {
			ok = false;
			break;
		}
		size_t k = ++i;
		while (i < t->len && (alpha(t->s[i]) || digit(t->s[i])))
			i++;
		ok = i - k >= 1 && i - k <= 8;
	}
	if (!ok) {
		t_err(p, t, 0, t->len, "use a BCP 47 tag such as 'de', 'en' or 'de-AT'",
		      "invalid language tag '%.*s'", (int)token_len(t->s, t->len), t->s);
		return false;
	}
	if (!rt_strncaseeq(t->s, n, "de") && !rt_strncaseeq(t->s, n, "en"))
		t_warn(p, t, 0, n, "retrason writes dates and labels in German (de) or English (en)",
		       "no translation for language '%.*s'; English is used", (int)n, t->s);
	return true;
}

bool read_timezone(struct parser *p, const struct text *t)
{
	char *name = xstrndup(t->s, t->len);
	bool ok = true;
	switch (rt_tz_lookup(name)) {
	case RT_TZ_OK:
		break;
	case RT_TZ_UNVERIFIABLE:
		t_warn(p, t, 0, t->len, "install the tzdata package",
		       "can't check the time zone '%s': no zone database on this system",
		       name);
		break;
	case RT_TZ_UNKNOWN: {
		char *near = rt_tz_suggest(name);
		char note[128];
		const char *hint = rt_did_you_mean_note(
			note, sizeof(note), near, "use an IANA zone name such as 'Europe/Berlin'");
		t_err(p, t, 0, t->len, hint, "unknown time zone '%.*s'",
		      (int)(t->len > 64 ? 64 : t->len), t->s);
		free(near);
		ok = false;
		break;
	}
	}
	free(name);
	return ok;
}

bool read_url(struct parser *p, const struct text *t)
{
	size_t i = 0;
	while (i < t->len && (alpha(t->s[i]) || (i && (digit(t->s[i]) || t->s[i] == '+' ||
							t->s[i] == '-' || t->s[i] == '.'))))
		i++;
	if (i == 0 || i + 3 > t->len || memcmp(t->s + i, "://", 3) != 0 || i + 3 == t->len) {
		char hint[128];
		snprintf(hint, sizeof(hint), "did you mean 'https://%.*s'?",
			 (int)(t->len > 80 ? 80 : t->len), t->s);
		t_err(p, t, 0, t->len, hint, "URL without a scheme");
		return false;
	}
	for (size_t k = 0; k < t->len; k++)
		if (rt_is_space(t->s[k])) {
			t_err(p, t, k, 1, "write a space in a URL as %%20", "space in URL");
			return false;
		}
	return true;
}

bool read_email(struct parser *p, const struct text *t)
{
	struct rt_mailbox_error e;
	if (rt_addr_check(t->s, t->len, &e))
		return true;
	t_err(p, t, e.offset, e.length,
	      e.hint ? e.hint : "write it as 'name@example.org'", "%s", e.message);
	return false;
}

static char *arena_copy(void *ctx, const char *s, size_t n)
{
	return rt_arena_strndup(ctx, s, n);
}

bool read_organizer(struct parser *p, const struct text *t, struct rt_mailbox *out)
{
	struct rt_mailbox_error e;
	if (rt_mailbox_parse(t->s, t->len, out, &e, arena_copy, &p->a->arena))
		return true;
	t_err(p, t, e.offset, e.length,
	      e.hint ? e.hint : "write 'Name <name@example.org>'", "%s", e.message);
	return false;
}
