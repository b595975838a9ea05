/* Reading agenda files: lines, the header, the description and the
 * agenda section (retrason-agenda(5)). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "retrason/buf.h"
#include "retrason/i18n.h"
#include "retrason/strutil.h"
#include "retrason/tz.h"
#include "retrason/utf8.h"
#include "retrason/textline.h"
#include "retrason/xalloc.h"

enum field_id {
	F_TITLE, F_DATE, F_TIME, F_TIMEZONE, F_LOCATION, F_ADDRESS, F_ORGANIZER,
	F_CONTACT, F_PHONE, F_EMAIL, F_URL, F_UID, F_STATUS, F_REMINDER,
	F_LANGUAGE, F_CATEGORIES, F_COUNT, F_X = F_COUNT, F_UNKNOWN
};

static const char *const field_names[F_COUNT] = {
	"Title",   "Date",  "Time", "Timezone", "Location", "Address",  "Organizer",
	"Contact", "Phone", "Email", "URL",     "UID",      "Status",   "Reminder",
	"Language", "Categories",
};

/* A header field as collected, before its value is read. */
struct field {
	enum field_id id;
	struct rt_line line; /* its first line */
	const char *name;
	size_t name_len;
	size_t val_off; /* value start, bytes into the first line */
	size_t exact;   /* value bytes on the first line */
	struct rt_buf value;
};

struct state {
	struct parser p;
	struct field *fields;
	size_t nfields, cap_fields;
	struct rt_buf block; /* description block or item notes being built */
	bool block_list;
	bool have_block;
	size_t items_cap, desc_cap;
	/* agenda timeline */
	size_t day;
	bool day_explicit; /* the current day came from a [date] line */
	int prev_start;    /* -1: no item yet today */
	bool wrapped;      /* past midnight in an overnight event */
	struct rt_item *cur; /* item collecting notes */
	struct item_place *places; /* one per item */
	struct span *speaker_at;   /* every speaker's, item by item */
	size_t nspeaker_at, speaker_cap;
	bool seen_item;      /* an item line came, good or bad */
	struct text time_text; /* Time's value, for the days that use it */
	struct text *day_hours; /* each day's own hours as written (len 0: none) */
	struct rt_line *day_lines; /* their lines, which the texts point at */
	bool seen_header_line; /* some header line, even a refused one */
	/* Header fields on lines refused as a whole (bad UTF-8, control
	 * characters): present, so not reported missing as well. */
	bool refused[F_COUNT];
};

static void line_err(struct parser *p, enum rt_severity sev, const struct rt_line *ln,
		     size_t off, size_t n, const char *hint, const char *msg)
{
	rt_diag_at(p->d, sev, ln->no, ln->off, ln->off + off, n, hint, "%s", msg);
}

static struct text line_text(const struct rt_line *ln, size_t off, size_t len)
{
	struct text t = {ln->s + off, len, ln, off, len};
	return t;
}

static size_t rtrim(const char *s, size_t len)
{
	while (len > 0 && rt_is_space(s[len - 1]))
		len--;
	return len;
}

static bool blank(const struct rt_line *ln)
{
	return skip_blank(ln->s, 0, ln->len) == ln->len;
}

static bool comment(const struct rt_line *ln)
{
	size_t i = skip_blank(ln->s, 0, ln->len);
	return i < ln->len && ln->s[i] == '#';
}

/* ---- header ---------------------------------------------------------- */

/* Tabs inside a value become spaces: every output (terminal columns,
 * mail headers, exports) wants text without control characters.  They
 * are rare: strchr() finds them many bytes at a time. */
static void untab(char *s)
{
	while ((s = strchr(s, '\t')))
		*s++ = ' ';
}

static char *dup_text(struct parser *p, const char *s, size_t n)
{
	char *out = rt_arena_strndup(&p->a->arena, s, n);
	untab(out);
	return out;
}

static bool is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

static bool name_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/* Returns false if the line is not "Name: value". */
static bool header_line(struct state *st, const struct rt_line *ln)
{
	struct parser *p = &st->p;
	size_t n = 0;
	while (n < ln->len && is_name_char(ln->s[n]))
		n++;
	if (n == 0 || n >= ln->len || ln->s[n] != ':')
		return false;

	bool x = n > 2 && rt_strncaseeq(ln->s, 2, "x-");
	enum field_id id = x ? F_X : F_UNKNOWN;
	for (int i = 0; i < F_COUNT; i++)
		if (rt_strncaseeq(ln->s, n, field_names[i]))
			id = (enum field_id)i;
	if (id == F_UNKNOWN) {
		char note[128], msg[128];
		const char *hint = rt_did_you_mean_note(
			note, sizeof(note), rt_did_you_mean(ln->s, n, field_names, F_COUNT),
			"see retrason-agenda(5) for the fields; X-Name keeps one of your own");
		snprintf(msg, sizeof(msg), "unknown field '%.*s'", (int)(n > 40 ? 40 : n),
			 ln->s);
		line_err(p, RT_ERROR, ln, 0, n, hint, msg);
		/* Keep it as a field so its continuation lines are not errors too. */
	}
	for (size_t i = 0; i < st->nfields; i++) {
		struct field *f = &st->fields[i];
		if (f->name_len == n && name_eq(f->name, ln->s, n)) {
			char hint[64], msg[128];
			snprintf(hint, sizeof(hint), "the first one is on line %u",
				 f->line.no);
			snprintf(msg, sizeof(msg), "field '%.*s' given twice",
				 (int)(n > 40 ? 40 : n), ln->s);
			line_err(p, RT_ERROR, ln, 0, n, hint, msg);
			break;
		}
	}

	XGROW(st->fields, st->cap_fields, st->nfields + 1);
	struct field *f = &st->fields[st->nfields++];
	f->id = id; /* F_UNKNOWN: reported above, ignored later */
	f->line = *ln;
	f->name = ln->s;
	f->name_len = n;
	f->val_off = skip_blank(ln->s, n + 1, ln->len);
	f->exact = rtrim(ln->s + f->val_off, ln->len - f->val_off);
	rt_buf_init(&f->value);
	rt_buf_add(&f->value, ln->s + f->val_off, f->exact);
	return true;
}

static void note_refused(struct state *st, const struct rt_line *ln)
{
	size_t n = 0;
	while (n < ln->len && n < 16 && is_name_char(ln->s[n]))
		n++;
	if (n == ln->len || ln->s[n] != ':')
		return;
	for (int i = 0; i < F_COUNT; i++)
		if (rt_strncaseeq(ln->s, n, field_names[i]))
			st->refused[i] = true;
}

static void continuation(struct state *st, const struct rt_line *ln)
{
	if (st->nfields == 0) {
		line_err(&st->p, RT_ERROR, ln, 0, skip_blank(ln->s, 0, ln->len) + 1,
			 "only continuation lines start with white space; a field is "
			 "'Name: value' from the first column",
			 "indented line before the first field");
		return;
	}
	struct field *f = &st->fields[st->nfields - 1];
	size_t i = skip_blank(ln->s, 0, ln->len);
	if (f->value.len)
		rt_buf_addc(&f->value, ' ');
	rt_buf_add(&f->value, ln->s + i, rtrim(ln->s + i, ln->len - i));
}

static void missing(struct parser *p, const char *field, const char *example)
{
	char hint[96];
	snprintf(hint, sizeof(hint), "add a line like '%s: %s' to the header", field,
		 example);
	rt_diag_at(p->d, RT_ERROR, 0, 0, 0, 0, hint, "no '%s:' field in the header",
		   field);
}

static void read_categories(struct parser *p, const struct text *t)
{
	struct rt_agenda *a = p->a;
	size_t n = 1;
	for (size_t i = 0; i < t->len; i++)
		n += t->s[i] == ',';
	a->categories = rt_arena_alloc(&a->arena, n * sizeof(char *));
	size_t from = 0;
	for (size_t i = 0; i <= t->len; i++) {
		if (i < t->len && t->s[i] != ',')
			continue;
		size_t b = skip_blank(t->s, from, i);
		size_t e = b + rtrim(t->s + b, i - b);
		if (e > b)
			a->categories[a->ncategories++] = dup_text(p, t->s + b, e - b);
		from = i + 1;
	}
}

/* "HH:MM" of local seconds since 1970. */
static void local_clock(char *buf, size_t n, long long local)
{
	fmt_clock(buf, n, (int)(((local % 86400) + 86400) % 86400 / 60));
}

/* A start or end the zone skips (spring forward) is an error; one it
 * repeats (fall back) a warning saying which is meant: the first, as
 * RFC 5545 reads it.  minutes may run past the midnight of date. */
static void check_local(struct parser *p, const struct text *t, size_t off, size_t n,
			struct rt_date date, int minutes)
{
	const struct rt_parse_opts *o = p->opts;
	if (!o || !o->local || !p->a->timezone)
		return;
	date = rt_date_add_days(date, minutes / RT_MINUTES_PER_DAY);
	minutes %= RT_MINUTES_PER_DAY;
	struct rt_local_change c;
	enum rt_local k = o->local(p->a->timezone, date, minutes, &c);
	if (k == RT_LOCAL_ONCE)
		return;
	char when[8], from[8], to[8], hint[128];
	fmt_clock(when, sizeof(when), minutes);
	local_clock(from, sizeof(from), c.at + c.before);
	local_clock(to, sizeof(to), c.at + c.after);
	struct rt_buf day;
	rt_buf_init(&day);
	rt_fmt_date(&day, RT_LANG_EN, date, true);
	if (k == RT_LOCAL_SKIPPED) {
		snprintf(hint, sizeof(hint), "write a time before %s, or %s or later", from, to);
		t_err(p, t, off, n, hint, "%s does not exist on %s in %s: clocks go from %s to %s",
		      when, rt_buf_str(&day), p->a->timezone, from, to);
	} else {
		int h = c.before / 3600, m = (c.before < 0 ? -c.before : c.before) % 3600 / 60;
		t_warn(p, t, off, n, NULL,
		       "%s happens twice on %s in %s (clocks go back from %s to %s): the "
		       "first is meant, at UTC%s%02d:%02d",
		       when, rt_buf_str(&day), p->a->timezone, from, to, c.before < 0 ? "−" : "+",
		       h < 0 ? -h : h, m);
	}
	rt_buf_finish(&day);
}

static void read_fields(struct state *st)
{
	struct parser *p = &st->p;
	struct rt_agenda *a = p->a;
	bool have[F_COUNT] = {false};
	bool date_ok = false;
	size_t nx = 0;

	for (size_t i = 0; i < st->nfields; i++)
		if (st->fields[i].id == F_X)
			nx++;
	a->x = nx ? xcalloc(nx, sizeof(*a->x)) : NULL;

	for (size_t i = 0; i < st->nfields; i++) {
		struct field *f = &st->fields[i];
		struct text t = {rt_buf_str(&f->value), f->value.len, &f->line, f->val_off,
				 f->exact};
		if (f->id > F_X)
			continue;
		if (f->id == F_X) {
			struct rt_xfield *x = &a->x[a->nx++];
			x->name = dup_text(p, f->name, f->name_len);
			x->value = dup_text(p, t.s, t.len);
			continue;
		}
		if (have[f->id])
			continue; /* a repeat, already reported */
		have[f->id] = true;
		if (t.len == 0) {
			bool required = f->id == F_TITLE || f->id == F_DATE ||
					 f->id == F_TIME;
			const char *hint = f->id == F_TIME
				? "write the hours, e.g. 'Time: 16:00-18:00', or delete "
				  "the line for an all-day event"
				: required ? "write the value after the ':'"
					   : "fill it in or delete the line";
			rt_diag_at(p->d, required ? RT_ERROR : RT_WARNING, f->line.no,
				   f->line.off, f->line.off + f->name_len, 1, hint,
				   required ? "field '%s' is empty"
					    : "empty field '%s' is ignored",
				   field_names[f->id]);
			continue;
		}
		switch (f->id) {
		case F_TITLE:
			a->title = dup_text(p, t.s, t.len);
			break;
		case F_DATE:
			date_ok = read_date_range(p, &t, &a->first, &a->last);
			break;
		case F_TIME:
			if (read_time_range(p, &t, "event", &a->start, &a->end)) {
				a->all_day = false;
				st->time_text = t;
			}
			break;
		case F_TIMEZONE:
			if (read_timezone(p, &t)) {
				a->timezone = dup_text(p, t.s, t.len);
				a->timezone_given = true;
			}
			break;
		case F_LOCATION:
			a->location = dup_text(p, t.s, t.len);
			break;
		case F_ADDRESS:
			a->address = dup_text(p, t.s, t.len);
			break;
		case F_ORGANIZER:
			read_organizer(p, &t, &a->organizer);
			break;
		case F_CONTACT:
			a->contact = dup_text(p, t.s, t.len);
			break;
		case F_PHONE:
			a->phone = dup_text(p, t.s, t.len);
			break;
		case F_EMAIL:
			if (read_email(p, &t))
				a->email = dup_text(p, t.s, t.len);
			break;
		case F_URL:
			if (read_url(p, &t))
				a->url = dup_text(p, t.s, t.len);
			break;
		case F_UID:
			a->uid = dup_text(p, t.s, t.len);
			break;
		case F_STATUS:
			read_status(p, &t, &a->status);
			break;
		case F_REMINDER:
			read_reminder(p, &t, &a->reminder);
			break;
		case F_LANGUAGE:
			if (read_language(p, &t))
				a->language = dup_text(p, t.s, t.len);
			break;
		case F_CATEGORIES:
			read_categories(p, &t);
			break;
		default:
			break;
		}
	}

	if (!have[F_TITLE] && !st->refused[F_TITLE])
		missing(p, "Title", "Kick-off workshop");
	if (!have[F_DATE] && !st->refused[F_DATE])
		missing(p, "Date", "2022-12-05");

	if (!a->timezone) {
		bool given = p->opts && p->opts->default_timezone;
		char *sys = given ? xstrdup(p->opts->default_timezone) : rt_tz_system();
		const char *rule = given ? NULL : rt_tz_env_rule();
		a->timezone = dup_text(p, sys, strlen(sys));
		if (rule && !have[F_TIMEZONE] && !a->all_day && !st->refused[F_TIMEZONE]) {
			/* Not the system's zone file instead: that may be another
			 * zone than the one TZ means. */
			rt_diag_at(p->d, RT_ERROR, 0, 0, 0, 0,
				   "add 'Timezone: Area/City', the IANA name of the event's "
				   "zone, e.g. 'Timezone: America/New_York'",
				   "no 'Timezone:', and TZ='%.60s' is not a zone name "
				   "calendars know",
				   rule);
		} else if (!have[F_TIMEZONE] && !a->all_day) {
			char hint[160];
			snprintf(hint, sizeof(hint),
				 "add 'Timezone: %s' (or the event's zone) so the times "
				 "mean the same on every computer",
				 sys);
			rt_diag_at(p->d, RT_WARNING, 0, 0, 0, 0, hint,
				   "no 'Timezone:'; times are read in this computer's "
				   "zone, %s",
				   sys);
		}
		free(sys);
	}

	if (date_ok) {
		a->ndays = (size_t)(rt_date_to_days(a->last) - rt_date_to_days(a->first)) + 1;
		a->days = xcalloc(a->ndays, sizeof(*a->days));
		st->day_hours = xcalloc(a->ndays, sizeof(*st->day_hours));
		st->day_lines = xcalloc(a->ndays, sizeof(*st->day_lines));
		for (size_t i = 0; i < a->ndays; i++) {
			a->days[i].date = rt_date_add_days(a->first, (long)i);
			a->days[i].start = a->all_day ? 0 : a->start;
			a->days[i].end = a->all_day ? 0 : a->end;
		}
	}
}

/* The hours of day i as written: its day line's, else Time's. */
static const struct text *hours_text(const struct state *st, size_t i)
{
	return st->p.a->days[i].own_hours ? &st->day_hours[i] : &st->time_text;
}

/* Time's hours on every day that has no hours of its own, once the day
 * lines have said which those are; and days that run into the next. */
static void check_days(struct state *st)
{
	struct rt_agenda *a = st->p.a;
	const struct text *t = &st->time_text;
	for (size_t i = 0; !a->all_day && i < a->ndays; i++) {
		if (!a->days[i].own_hours) {
			check_local(&st->p, t, 0, t->exact, a->days[i].date, a->start);
			check_local(&st->p, t, 0, t->exact, a->days[i].date, a->end);
		}
		/* Two entries of one event at once in every calendar. */
		if (i + 1 < a->ndays && a->days[i].end > RT_MINUTES_PER_DAY + a->days[i + 1].start) {
			char end[8], start[8];
			fmt_clock(end, sizeof(end), a->days[i].end);
			fmt_clock(start, sizeof(start), a->days[i + 1].start);
			const struct text *h = hours_text(st, i);
			t_warn(&st->p, h, 0, h->exact,
			       "end the day before the next begins, or start the next later",
			       "this day runs until %s, into the next day, which begins at %s",
			       end, start);
		}
	}
}

/* ---- description ----------------------------------------------------- */

static void end_block(struct state *st)
{
	struct rt_agenda *a = st->p.a;
	if (!st->have_block)
		return;
	if (!st->block.len) { /* a bullet with nothing after it */
		st->have_block = false;
		return;
	}
	XGROW(a->desc, st->desc_cap, a->ndesc + 1);
	a->desc[a->ndesc].list_item = st->block_list;
	a->desc[a->ndesc].text = dup_text(&st->p, st->block.data, st->block.len);
	a->ndesc++;
	rt_buf_reset(&st->block);
	st->have_block = false;
}

static size_t list_marker(const char *s, size_t len)
{
	if (len >= 2 && (s[0] == '-' || s[0] == '*') && rt_is_space(s[1]))
		return 2;
	if (len >= 4 && !memcmp(s, "\xE2\x80\xA2", 3) && rt_is_space(s[3]))
		return 4;
	return 0;
}

static void description_line(struct state *st, const struct rt_line *ln)
{
	if (blank(ln)) {
		end_block(st);
		return;
	}
	size_t i = skip_blank(ln->s, 0, ln->len);
	size_t m = list_marker(ln->s + i, ln->len - i);
	if (m) {
		end_block(st);
		st->have_block = true;
		st->block_list = true;
		i = skip_blank(ln->s, i + m, ln->len);
	} else if (st->have_block && st->block_list && i == 0) {
		end_block(st); /* unindented text after a list item: a new paragraph */
	}
	if (st->have_block && st->block.len)
		rt_buf_addc(&st->block, ' ');
	if (!st->have_block) {
		st->have_block = true;
		st->block_list = false;
	}
	rt_buf_add(&st->block, ln->s + i, rtrim(ln->s + i, ln->len - i));
}

static bool is_agenda_marker(const struct rt_line *ln)
{
	size_t i = skip_blank(ln->s, 0, ln->len);
	size_t n = rtrim(ln->s + i, ln->len - i);
	return rt_strncaseeq(ln->s + i, n, "agenda:");
}

/* ---- agenda ---------------------------------------------------------- */

static void end_notes(struct state *st)
{
	if (st->cur && st->block.len)
		st->cur->notes = dup_text(&st->p, st->block.data, st->block.len);
	rt_buf_reset(&st->block);
	st->cur = NULL;
}

/* The longest item that may end on the next day in a daytime event. */
#define MAX_PAST_MIDNIGHT (12 * 60)

void fmt_clock(char *buf, size_t n, int minutes)
{
	minutes %= RT_MINUTES_PER_DAY;
	snprintf(buf, n, "%02d:%02d", minutes / 60, minutes % 60);
}

/* The hours of a day line, s[h0..h1) of its line: "09:00-13:00". */
static void day_hours(struct state *st, const struct text *t, const struct rt_line *ln,
		      size_t h0, size_t h1, struct rt_day *day)
{
	struct parser *p = &st->p;
	struct rt_agenda *a = p->a;
	if (ln->s[h0] < '0' || ln->s[h0] > '9') {
		t_err(p, t, h0, token_len(ln->s + h0, h1 - h0),
		      "a day line is '[YYYY-MM-DD] label', or '[YYYY-MM-DD HH:MM-HH:MM] "
		      "label' for a day with hours of its own",
		      "unexpected '%.*s' after the date", (int)token_len(ln->s + h0, h1 - h0),
		      ln->s + h0);
		return;
	}
	struct text ht = line_text(ln, h0, h1 - h0);
	int start, end;
	if (!read_time_range(p, &ht, "day", &start, &end))
		return;
	if (a->all_day) {
		t_err(p, &ht, 0, ht.len,
		      "add 'Time:' with the hours most days have; a day line's hours "
		      "are for the days that differ",
		      "a day has hours of its own, but the event has no 'Time:'");
		return;
	}
	if (a->ndays == 1) {
		char from[8], to[8], hint[64];
		fmt_clock(from, sizeof(from), start);
		fmt_clock(to, sizeof(to), end);
		snprintf(hint, sizeof(hint), "write 'Time: %s-%s' in the header", from, to);
		t_err(p, &ht, 0, ht.len, hint,
		      "a one-day event's hours go in 'Time:', not on its day line");
		return;
	}
	day->start = start;
	day->end = end;
	day->own_hours = true;
	size_t i = (size_t)(day - a->days);
	st->day_lines[i] = *ln;
	st->day_hours[i] = ht;
	st->day_hours[i].line = &st->day_lines[i];
	check_local(p, &ht, 0, ht.len, day->date, start);
	check_local(p, &ht, 0, ht.len, day->date, end);
	/* "13:00-09:00" for "09:00-13:00" reads as a day of 20 hours: say
	 * where it ends, unless every day runs through the night. */
	if (end > RT_MINUTES_PER_DAY && a->end <= RT_MINUTES_PER_DAY) {
		char from[8], to[8], hint[96];
		fmt_clock(from, sizeof(from), start);
		fmt_clock(to, sizeof(to), end);
		struct rt_buf next;
		rt_buf_init(&next);
		rt_fmt_date(&next, RT_LANG_EN, rt_date_add_days(day->date, 1), false);
		snprintf(hint, sizeof(hint), "if the hours are the wrong way round, write '%s-%s'",
			 to, from);
		t_warn(p, &ht, 0, ht.len, hint,
		       "this day runs past midnight: from %s until %s on %s, %d hours", from, to,
		       rt_buf_str(&next), (end - start) / 60);
		rt_buf_finish(&next);
	}
}

static void day_line(struct state *st, const struct rt_line *ln)
{
	struct parser *p = &st->p;
	struct rt_agenda *a = p->a;
	struct text t = line_text(ln, 0, rtrim(ln->s, ln->len));
	const char *close = memchr(ln->s, ']', t.len);
	if (!close) {
		t_err(p, &t, 0, t.len, "a day starts with a line '[YYYY-MM-DD] label'",
		      "missing ']' after the date");
		return;
	}
	/* [DATE] or [DATE HOURS] */
	size_t in_end = 1 + rtrim(ln->s + 1, (size_t)(close - ln->s) - 1);
	size_t d0 = skip_blank(ln->s, 1, in_end), d1 = d0;
	while (d1 < in_end && !rt_is_space(ln->s[d1]))
		d1++;
	size_t h0 = skip_blank(ln->s, d1, in_end);
	struct rt_date date;
	if (!read_date(p, &t, d0, d1 - d0, &date))
		return;
	if (a->ndays == 0)
		return; /* Date itself was wrong; reported there */
	long idx = rt_date_to_days(date) - rt_date_to_days(a->first);
	if (idx < 0 || (size_t)idx >= a->ndays) {
		char hint[96];
		if (a->ndays == 1)
			snprintf(hint, sizeof(hint), "the event is on %04d-%02d-%02d",
				 a->first.year, a->first.month, a->first.day);
		else
			snprintf(hint, sizeof(hint),
				 "the event runs from %04d-%02d-%02d to %04d-%02d-%02d",
				 a->first.year, a->first.month, a->first.day, a->last.year,
				 a->last.month, a->last.day);
		t_err(p, &t, d0, d1 - d0, hint, "%.*s is not a day of this event",
		      (int)(d1 - d0), ln->s + d0);
		return;
	}
	bool first_heading = !st->day_explicit && (size_t)idx == st->day;
	if ((size_t)idx <= st->day && !first_heading) {
		t_err(p, &t, d0, d1 - d0, "days go in calendar order, each once",
		      "day %.*s comes after a later or the same day", (int)(d1 - d0),
		      ln->s + d0);
		return;
	}
	end_notes(st);
	if (!first_heading) {
		st->prev_start = -1;
		st->wrapped = false;
	}
	st->day = (size_t)idx;
	st->day_explicit = true;
	struct rt_day *day = &a->days[idx];
	if (h0 < in_end)
		day_hours(st, &t, ln, h0, in_end, day);
	size_t l0 = skip_blank(ln->s, (size_t)(close - ln->s) + 1, t.len);
	if (l0 < t.len)
		day->label = dup_text(p, ln->s + l0, t.len - l0);
	/* "[2027-03-27] 09:00-13:00 Short day" reads as hours but is a
	 * label, as it was before days had hours of their own.  Say so
	 * rather than let the calendars show the day at other hours than
	 * the reader meant. */
	const char *l = ln->s + l0;
	size_t n = t.len - l0, k = 0;
	while (k < n && k < 2 && l[k] >= '0' && l[k] <= '9')
		k++;
	if (!day->own_hours && k && k + 3 <= n && l[k] == ':' && l[k + 1] >= '0' &&
	    l[k + 1] <= '5' && l[k + 2] >= '0' && l[k + 2] <= '9' &&
	    dash_len(l + k + 3 + (k + 3 < n && l[k + 3] == ' '),
		     n - k - 3 - (k + 3 < n && l[k + 3] == ' '))) {
		char from[8], to[8], hint[200];
		fmt_clock(from, sizeof(from), a->start);
		fmt_clock(to, sizeof(to), a->end);
		if (a->all_day)
			snprintf(hint, sizeof(hint),
				 "an all-day event's days have no hours; write them in "
				 "words, or give the event a 'Time:'");
		else {
			/* The hours as written, and the label after them. */
			size_t e = skip_blank(l, k + 3, n);
			e = skip_blank(l, e + dash_len(l + e, n - e), n);
			while (e < n && ((l[e] >= '0' && l[e] <= '9') || l[e] == ':'))
				e++;
			size_t r = skip_blank(l, e, n);
			snprintf(hint, sizeof(hint),
				 "this day runs %s-%s (Time:); for hours of its own, put "
				 "them in the brackets: '[%.*s %.*s]%s%.*s'",
				 from, to, (int)(d1 - d0), ln->s + d0, (int)e, l, r < n ? " " : "",
				 (int)(n - r > 40 ? 40 : n - r), l + r);
		}
		t_warn(p, &t, l0, n, hint, "this day's label starts with hours, but they are "
					   "only text");
	}
}

/* Splits at unescaped '|'; returns the number of parts (at most max). */
static size_t split_bars(const char *s, size_t len, size_t *starts, size_t *ends,
			 size_t max)
{
	size_t n = 0, from = 0, i = 0;
	for (;;) {
		const char *bar = i < len ? memchr(s + i, '|', len - i) : NULL;
		if (bar && bar > s && bar[-1] == '\\') {
			i = (size_t)(bar - s) + 1; /* "\\|" is text */
			continue;
		}
		size_t at = bar ? (size_t)(bar - s) : len;
		if (n < max) {
			starts[n] = from;
			ends[n] = at;
		}
		n++;
		if (!bar)
			return n;
		from = i = at + 1;
	}
}

/* A part's text, trimmed, with "\\|" read as "|". */
static char *part_text(struct parser *p, const char *s, size_t len)
{
	size_t i = skip_blank(s, 0, len);
	len = rtrim(s, len);
	if (i >= len)
		return NULL;
	char *out = rt_arena_alloc(&p->a->arena, len - i + 1);
	size_t n = 0;
	while (i < len) {
		const char *bs = memchr(s + i, '\\', len - i);
		size_t run = bs ? (size_t)(bs - s) - i : len - i;
		memcpy(out + n, s + i, run);
		n += run;
		i += run;
		if (!bs)
			break;
		if (i + 1 < len && s[i + 1] == '|')
			i++; /* drop the backslash, keep the bar */
		out[n++] = s[i++];
	}
	out[n] = '\0';
	untab(out);
	return out;
}

static void speakers(struct state *st, struct rt_item *it, const struct text *t,
		     size_t off, size_t len)
{
	struct parser *p = &st->p;
	const char *s = t->s + off;
	char sep = memchr(s, ';', len) ? ';' : ',';
	size_t count = 1;
	for (const char *q = s; (q = memchr(q, sep, len - (size_t)(q - s))); q++)
		count++;
	it->speakers = rt_arena_alloc(&p->a->arena, count * sizeof(char *));
	size_t from = 0;
	for (;;) {
		const char *q = memchr(s + from, sep, len - from);
		size_t to = q ? (size_t)(q - s) : len;
		char *name = part_text(p, s + from, to - from);
		if (name) {
			it->speakers[it->nspeakers++] = name;
			size_t at = skip_blank(s, from, to);
			XGROW(st->speaker_at, st->speaker_cap, st->nspeaker_at + 1);
			st->speaker_at[st->nspeaker_at++] =
				(struct span){t->line->off + t->base + off + at, rtrim(s + at, to - at)};
		} else
			t_warn(p, t, off + from, to - from ? to - from : 1,
			       "remove the extra separator", "empty name in the speaker list");
		if (!q)
			break;
		from = to + 1;
	}
}

static void item_line(struct state *st, const struct rt_line *ln)
{
	struct parser *p = &st->p;
	struct rt_agenda *a = p->a;
	struct text t = line_text(ln, 0, rtrim(ln->s, ln->len));
	size_t starts[4], ends[4];
	size_t nparts = split_bars(t.s, t.len, starts, ends, 4);
	size_t i = 0;
	int start, end = RT_OPEN_END;
	bool end_given = false;

	end_notes(st);
	st->seen_item = true;
	if (nparts < 2) {
		bool timeish = t.len && t.s[0] >= '0' && t.s[0] <= '9';
		if (timeish) {
			size_t k = 0;
			int dummy;
			if (!read_clock(p, &t, &k, false, &dummy))
				return;
			t_err(p, &t, k, 1, "write 'HH:MM | Title' or 'HH:MM-HH:MM | Title'",
			      "expected '|' between the time and the title");
		} else {
			t_err(p, &t, 0, token_len(t.s, t.len),
			      "an item is 'HH:MM | Title'; notes under it are indented; a "
			      "day starts with '[YYYY-MM-DD]'",
			      "expected an agenda item");
		}
		return;
	}
	if (nparts > 4) {
		size_t extra = ends[3];
		t_err(p, &t, extra, t.len - extra,
		      "an item is 'START[-END] | TITLE | SPEAKERS | ROOM'; write a "
		      "'|' inside a text as '\\|'",
		      "too many '|' fields in the agenda item");
		return;
	}

	/* The time part: START[-END]. */
	struct text tt = line_text(ln, 0, ends[0]);
	if (!read_clock(p, &tt, &i, false, &start))
		return;
	size_t start_len = i;
	i = skip_clock_suffix(tt.s, i, tt.len);
	size_t d = dash_len(tt.s + i, tt.len - i);
	size_t end_at = 0, end_stop = 0;
	if (d) {
		i = skip_blank(tt.s, i + d, tt.len);
		end_at = i;
		if (!read_clock(p, &tt, &i, true, &end))
			return;
		end_given = true;
		end_stop = i;
		i = skip_clock_suffix(tt.s, i, tt.len);
	}
	if (i < tt.len) {
		t_err(p, &tt, i, token_len(tt.s + i, tt.len - i),
		      "an item is 'HH:MM | Title' or 'HH:MM-HH:MM | Title'",
		      "unexpected '%.*s' after the time",
		      (int)token_len(tt.s + i, tt.len - i), tt.s + i);
		return;
	}

	char *title = part_text(p, t.s + starts[1], ends[1] - starts[1]);
	if (!title) {
		t_err(p, &t, starts[1], ends[1] - starts[1] ? ends[1] - starts[1] : 1,
		      "write the item's title after the '|'", "agenda item has no title");
		return;
	}

	/* Place the item on the timeline of its day. */
	const struct rt_day *dy = a->ndays ? &a->days[st->day] : NULL;
	int day_start = dy ? dy->start : a->start, day_end = dy ? dy->end : a->end;
	bool overnight = !a->all_day && day_end > RT_MINUTES_PER_DAY;
	if (overnight && !st->wrapped &&
	    ((st->prev_start >= 0 && start < st->prev_start) ||
	     (st->prev_start < 0 && start < day_start &&
	      start + RT_MINUTES_PER_DAY <= day_end))) {
		st->wrapped = true;
	}
	if (st->wrapped)
		start += RT_MINUTES_PER_DAY;
	if (st->prev_start >= 0 && start < st->prev_start) {
		char prev[8], hint[160];
		fmt_clock(prev, sizeof(prev), st->prev_start);
		snprintf(hint, sizeof(hint),
			 a->ndays > 1 ? "agenda items go in time order; start each day "
					"with a line '[YYYY-MM-DD]'"
				      : "agenda items go in time order (the item above "
					"starts at %s)",
			 prev);
		t_err(p, &tt, 0, start_len, hint, "item starts before the item above it");
		return;
	}
	if (end_given) {
		if (st->wrapped)
			end += RT_MINUTES_PER_DAY;
		/* An end before the start is the next day's in a night event,
		 * and in any other when that makes the item at most half a
		 * day long ("20:00-04:00 | Hackathon"); "14:00-13:00" stays a
		 * mistake, not a 23-hour item. */
		if (end < start && end + RT_MINUTES_PER_DAY > start &&
		    (overnight || end + RT_MINUTES_PER_DAY - start <= MAX_PAST_MIDNIGHT))
			end += RT_MINUTES_PER_DAY;
		if (end == start) {
			t_err(p, &tt, end_at, end_stop - end_at,
			      "leave the end out: an item ends where the next one starts",
			      "item ends when it starts");
			return;
		}
		if (end < start) {
			t_err(p, &tt, 0, end_stop,
			      "write the start first: 'START-END' (an item that ends "
			      "after midnight lasts 12 hours at most)",
			      "item ends before it starts");
			return;
		}
	}
	if (!a->all_day) {
		/* Calendars show the event at its hours: say how to widen
		 * them (a day line's own hours in a multi-day event). */
		char hint[128];
		if (dy && a->ndays > 1)
			snprintf(hint, sizeof(hint),
				 "to widen this day's hours, write them on its day line: "
				 "'[%04d-%02d-%02d HH:MM-HH:MM]'",
				 dy->date.year, dy->date.month, dy->date.day);
		else
			snprintf(hint, sizeof(hint),
				 "widen the hours in 'Time:' if the item is part of the event");
		const char *what = a->ndays > 1 ? "the day" : "the event";
		char when[8];
		if (start < day_start) {
			fmt_clock(when, sizeof(when), day_start);
			t_warn(p, &tt, 0, start_len, hint, "item starts before %s (%s)", what,
			       when);
		} else if (start > day_end) {
			fmt_clock(when, sizeof(when), day_end);
			t_warn(p, &tt, 0, start_len, hint, "item starts after %s has ended (%s)",
			       what, when);
		}
		if (end_given && end > day_end && start <= day_end) {
			fmt_clock(when, sizeof(when), day_end);
			t_warn(p, &tt, end_at, end_stop - end_at, hint, "item ends after %s (%s)",
			       what, when);
		}
	}
	st->prev_start = start;
	if (a->ndays) {
		struct rt_date day = a->days[st->day].date;
		check_local(p, &tt, 0, start_len, day, start);
		if (end_given)
			check_local(p, &tt, end_at, end_stop - end_at, day, end);
	}

	size_t cap = st->items_cap;
	XGROW(a->items, st->items_cap, a->nitems + 1);
	if (st->items_cap != cap) {
		rt_prefault(a->items, cap * sizeof(*a->items), st->items_cap * sizeof(*a->items));
		st->places = xrealloc(st->places, st->items_cap * sizeof(*st->places));
	}
	st->places[a->nitems] = (struct item_place){ln->no, ln->off, {0, 0}, st->nspeaker_at};
	struct rt_item *it = &a->items[a->nitems++];
	memset(it, 0, sizeof(*it));
	it->day = st->day;
	it->start = start;
	it->end = end;
	it->end_given = end_given;
	it->title = title;
	it->line = ln->no;
	if (nparts >= 3 && part_text(p, t.s + starts[2], ends[2] - starts[2]))
		speakers(st, it, &t, starts[2], ends[2] - starts[2]);
	if (nparts == 4)
		it->room = part_text(p, t.s + starts[3], ends[3] - starts[3]);
	if (it->room) {
		size_t at = skip_blank(t.s, starts[3], ends[3]);
		st->places[a->nitems - 1].room =
			(struct span){ln->off + at, rtrim(t.s + at, ends[3] - at)};
	}
	st->cur = it;
}

static void note_line(struct state *st, const struct rt_line *ln)
{
	if (!st->cur) {
		if (st->seen_item)
			return; /* notes of an item already reported as wrong */
		line_err(&st->p, RT_ERROR, ln, 0, skip_blank(ln->s, 0, ln->len) + 1,
			 "indented lines are notes of the agenda item above; start "
			 "items in the first column",
			 "indented line before the first agenda item");
		return;
	}
	size_t i = skip_blank(ln->s, 0, ln->len);
	if (st->block.len)
		rt_buf_addc(&st->block, '\n');
	rt_buf_add(&st->block, ln->s + i, rtrim(ln->s + i, ln->len - i));
}

static void agenda_line(struct state *st, const struct rt_line *ln)
{
	if (blank(ln))
		return;
	if (rt_is_space(ln->s[0]))
		note_line(st, ln);
	else if (ln->s[0] == '[')
		day_line(st, ln);
	else if (is_agenda_marker(ln)) {
		struct text t = line_text(ln, 0, rtrim(ln->s, ln->len));
		t_err(&st->p, &t, 0, t.len, "there is one agenda per file",
		      "second 'Agenda:' line");
	} else
		item_line(st, ln);
}

/* Ends of items without END, and each day's slice of the item list. */
static void finish_timeline(struct rt_agenda *a)
{
	for (size_t k = 0; k < a->nitems; k++) {
		struct rt_day *day = a->ndays ? &a->days[a->items[k].day] : NULL;
		if (!day)
			break;
		if (day->nitems == 0)
			day->first_item = k;
		day->nitems++;
	}
	/* Backwards: the next strictly later start in the same day. */
	size_t k = a->nitems;
	int next_start = RT_OPEN_END, run_start = RT_OPEN_END;
	size_t run_day = (size_t)-1;
	while (k-- > 0) {
		struct rt_item *it = &a->items[k];
		if (it->day != run_day) {
			run_day = it->day;
			next_start = RT_OPEN_END;
			run_start = it->start;
		} else if (it->start != run_start) {
			next_start = run_start;
			run_start = it->start;
		}
		if (it->end_given)
			continue;
		if (next_start != RT_OPEN_END)
			it->end = next_start;
		else if (!a->all_day && it->day < a->ndays && it->start < a->days[it->day].end)
			it->end = a->days[it->day].end;
		else
			it->end = RT_OPEN_END;
	}
}

/* ---- driver ---------------------------------------------------------- */

struct rt_agenda *rt_agenda_parse(const char *buf, size_t len,
				  const struct rt_parse_opts *opts,
				  struct rt_diags *diags)
{
	struct state st;
	struct rt_agenda *a = xcalloc(1, sizeof(*a));
	enum { S_HEADER, S_DESC, S_AGENDA } section = S_HEADER;
	size_t pos = 0;
	unsigned no = 0;

	memset(&st, 0, sizeof(st));
	st.p.d = diags;
	st.p.a = a;
	st.p.opts = opts;
	st.prev_start = -1;
	rt_buf_init(&st.block);
	rt_arena_init(&a->arena);
	a->all_day = true;
	a->reminder = RT_NO_REMINDER;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		pos = 3;
	size_t at = rt_find_nul(buf, len);
	if (at < len) {
		size_t ls = at;
		unsigned lno = 1;
		while (ls > pos && buf[ls - 1] != '\n')
			ls--;
		for (size_t k = pos; k < ls; k++)
			lno += buf[k] == '\n';
		rt_diag_at(diags, RT_ERROR, lno, ls, at, 1,
			   "agenda files are UTF-8 text; is this the right file?",
			   "NUL byte: this is a binary file, not an agenda");
		goto out;
	}
	size_t k = pos;
	while (k < len && (rt_is_space(buf[k]) || buf[k] == '\r' || buf[k] == '\n'))
		k++;
	if (k == len) {
		rt_diag_at(diags, RT_ERROR, 0, 0, 0, 0,
			   "an agenda starts with 'Title:', 'Date:' and 'Time:' lines; "
			   "see retrason-agenda(5)",
			   "the file is empty");
		goto out;
	}

	struct rt_line ln;
	while (rt_next_line(buf, len, &pos, &no, &ln)) {
		if (!rt_line_check(diags, &ln, RT_AGENDA_MAX_LINE)) {
			if (section == S_HEADER) {
				note_refused(&st, &ln);
				st.seen_header_line = true;
			}
			continue;
		}
		if (comment(&ln))
			continue;
		switch (section) {
		case S_HEADER:
			if (blank(&ln) && st.nfields == 0 && !st.seen_header_line) {
				/* Blank lines above the first field (say, after a
				 * comment block) don't end an empty header. */
			} else if (blank(&ln)) {
				read_fields(&st);
				section = S_DESC;
			} else if (is_agenda_marker(&ln)) {
				read_fields(&st);
				section = S_AGENDA;
			} else if (rt_is_space(ln.s[0])) {
				continuation(&st, &ln);
			} else if (!header_line(&st, &ln)) {
				line_err(&st.p, RT_ERROR, &ln, 0,
					 token_len(ln.s, ln.len),
					 "the header ends at the first blank line; put "
					 "one before the description",
					 "expected 'Field: value' in the header");
				read_fields(&st);
				section = S_DESC;
				description_line(&st, &ln);
			}
			break;
		case S_DESC:
			if (is_agenda_marker(&ln)) {
				end_block(&st);
				section = S_AGENDA;
			} else {
				description_line(&st, &ln);
			}
			break;
		case S_AGENDA:
			agenda_line(&st, &ln);
			break;
		}
	}
	if (section == S_HEADER)
		read_fields(&st);
	end_block(&st);
	end_notes(&st);
	check_days(&st);
	finish_timeline(a);
	check_clashes(&st.p, st.places, st.speaker_at);
	if (!a->uid && diags->errors == 0) {
		char *uid = rt_agenda_uid(a);
		struct rt_buf hint;
		rt_buf_init(&hint);
		rt_buf_addf(&hint, "add 'UID: %s' to keep it for good", uid);
		rt_diag_at(diags, RT_WARNING, 0, 0, 0, 0, rt_buf_str(&hint),
			   "no 'UID:'; calendars know this event by its title and "
			   "organizer, so changing either makes it a new event");
		rt_buf_finish(&hint);
		free(uid);
	}

out:
	for (size_t i = 0; i < st.nfields; i++)
		rt_buf_finish(&st.fields[i].value);
	free(st.fields);
	free(st.places);
	free(st.speaker_at);
	free(st.day_hours);
	free(st.day_lines);
	rt_buf_finish(&st.block);
	return a;
}

void rt_agenda_free(struct rt_agenda *a)
{
	if (!a)
		return;
	free(a->x);
	free(a->desc);
	free(a->days);
	free(a->items);
	rt_arena_finish(&a->arena);
	free(a);
}

bool rt_item_next_day(const struct rt_agenda *a, const struct rt_item *it)
{
	int day_end = it->day < a->ndays ? a->days[it->day].end : a->end;
	return it->end != RT_OPEN_END &&
	       it->end / RT_MINUTES_PER_DAY > it->start / RT_MINUTES_PER_DAY &&
	       (a->all_day || day_end <= RT_MINUTES_PER_DAY);
}

bool rt_agenda_days_differ(const struct rt_agenda *a)
{
	for (size_t i = 0; !a->all_day && i < a->ndays; i++)
		if (a->days[i].start != a->start || a->days[i].end != a->end)
			return true;
	return false;
}

void rt_agenda_when(const struct rt_agenda *a, size_t day, int minutes,
		    struct rt_date *date, int *min_of_day)
{
	struct rt_date base = day < a->ndays ? a->days[day].date : a->first;
	*date = rt_date_add_days(base, minutes / RT_MINUTES_PER_DAY);
	*min_of_day = minutes % RT_MINUTES_PER_DAY;
}
