/* The terminal layout of an agenda: title, facts, description, and the
 * programme as an aligned table. */
#include <string.h>

#include "retrason/render.h"
#include "retrason/utf8.h"
#include "retrason/wrap.h"
#include "retrason/xalloc.h"

#define S_TITLE "\033[1m"
#define S_LABEL "\033[1m"
#define S_ALERT "\033[1;31m"
#define S_TIME "\033[1m"
#define S_SPEAKER "\033[36m"
#define S_ROOM "\033[33m"
#define S_NOTE "\033[2m"
#define S_HEAD "\033[1m"
#define S_OFF "\033[0m"

#define GAP 2 /* columns between table columns */

struct out {
	struct rt_buf *b;
	const struct rt_text_opts *o;
};

static void styled(struct out *o, const char *style, const char *s, size_t n)
{
	if (!n)
		return;
	if (o->o->color && style)
		rt_buf_adds(o->b, style);
	rt_buf_add(o->b, s, n);
	if (o->o->color && style)
		rt_buf_adds(o->b, S_OFF);
}

static void spaces(struct out *o, size_t n)
{
	rt_buf_addn(o->b, ' ', n);
}

/* text wrapped to the width; the first line starts with prefix (padded
 * to indent columns), the others with indent spaces. */
static void wrapped(struct out *o, const char *prefix, const char *prefix_style,
		    size_t indent, const char *text, const char *style)
{
	size_t width = o->o->width > indent ? o->o->width - indent : 1;
	struct rt_wrap_line *lines;
	size_t n = rt_wrap(text, strlen(text), width, &lines);
	size_t pw = rt_utf8_width(prefix, strlen(prefix));

	for (size_t k = 0; k < n || k == 0; k++) {
		if (k == 0) {
			styled(o, prefix_style, prefix, strlen(prefix));
			if (n)
				spaces(o, indent > pw ? indent - pw : 0);
		} else {
			spaces(o, indent);
		}
		if (n)
			styled(o, style, text + lines[k].off, lines[k].len);
		rt_buf_addc(o->b, '\n');
	}
	free(lines);
}

static void rule(struct out *o, const char *ch, size_t n, const char *style)
{
	if (o->o->color && style)
		rt_buf_adds(o->b, style);
	for (size_t i = 0; i < n; i++)
		rt_buf_adds(o->b, ch);
	if (o->o->color && style)
		rt_buf_adds(o->b, S_OFF);
	rt_buf_addc(o->b, '\n');
}

static void title(struct out *o, const struct rt_agenda *a)
{
	struct rt_wrap_line *lines;
	size_t n = rt_wrap(a->title, strlen(a->title), o->o->width, &lines);
	size_t widest = 0;
	for (size_t k = 0; k < n; k++) {
		styled(o, S_TITLE, a->title + lines[k].off, lines[k].len);
		rt_buf_addc(o->b, '\n');
		if (lines[k].width > widest)
			widest = lines[k].width;
	}
	free(lines);
	rule(o, "═", widest, NULL);
	if (a->status == RT_STATUS_CANCELLED)
		wrapped(o, "", NULL, 0, rt_msg(o->o->lang, RT_MSG_CANCELLED), S_ALERT);
	else if (a->status == RT_STATUS_TENTATIVE) {
		struct rt_buf t;
		rt_buf_init(&t);
		rt_buf_addf(&t, "(%s)", rt_msg(o->o->lang, RT_MSG_TENTATIVE));
		wrapped(o, "", NULL, 0, rt_buf_str(&t), S_ALERT);
		rt_buf_finish(&t);
	}
}

struct fact {
	enum rt_msg label;
	const char *value;
};

static void facts(struct out *o, const struct rt_agenda *a)
{
	enum rt_lang lang = o->o->lang;
	struct rt_buf when, org;
	struct fact f[9];
	size_t n = 0, lw = 0;

	rt_buf_init(&when);
	rt_buf_init(&org);
	rt_render_when(&when, a, lang);
	f[n++] = (struct fact){RT_MSG_WHEN, rt_buf_str(&when)};
	if (a->location)
		f[n++] = (struct fact){RT_MSG_WHERE, a->location};
	if (a->address)
		f[n++] = (struct fact){a->location ? RT_MSG_COUNT : RT_MSG_WHERE,
				       a->address};
	if (a->organizer.addr) {
		if (a->organizer.name)
			rt_buf_addf(&org, "%s <%s>", a->organizer.name, a->organizer.addr);
		else
			rt_buf_adds(&org, a->organizer.addr);
		f[n++] = (struct fact){RT_MSG_ORGANIZER, rt_buf_str(&org)};
	}
	if (a->contact)
		f[n++] = (struct fact){RT_MSG_CONTACT, a->contact};
	if (a->phone)
		f[n++] = (struct fact){RT_MSG_PHONE, a->phone};
	if (a->email)
		f[n++] = (struct fact){RT_MSG_EMAIL, a->email};
	if (a->url)
		f[n++] = (struct fact){RT_MSG_WEB, a->url};

	for (size_t i = 0; i < n; i++) {
		if (f[i].label == RT_MSG_COUNT)
			continue;
		const char *l = rt_msg(lang, f[i].label);
		size_t w = rt_utf8_width(l, strlen(l));
		if (w > lw)
			lw = w;
	}
	/* Narrow terminals get the labels above their values. */
	bool stacked = lw + GAP + 16 > o->o->width;
	for (size_t i = 0; i < n; i++) {
		const char *l = f[i].label == RT_MSG_COUNT ? "" : rt_msg(lang, f[i].label);
		if (stacked) {
			if (*l)
				wrapped(o, "", NULL, 0, l, S_LABEL);
			wrapped(o, "", NULL, 2, f[i].value, NULL);
			continue;
		}
		wrapped(o, l, S_LABEL, lw + GAP, f[i].value, NULL);
	}
	rt_buf_finish(&when);
	rt_buf_finish(&org);
}

static void description(struct out *o, const struct rt_agenda *a)
{
	for (size_t i = 0; i < a->ndesc; i++) {
		const struct rt_block *b = &a->desc[i];
		/* Consecutive list items form one list: no blank line between. */
		if (!(b->list_item && i > 0 && a->desc[i - 1].list_item))
			rt_buf_addc(o->b, '\n');
		if (b->list_item)
			wrapped(o, "  •", NULL, 4, b->text, NULL);
		else
			wrapped(o, "", NULL, 0, b->text, NULL);
	}
}

/* ---- the programme --------------------------------------------------- */

struct table {
	const struct rt_agenda *a;
	size_t time_w, room_w, title_w, indent;
	bool narrow; /* time on a line of its own */
};

static void item_time(struct rt_buf *t, const struct rt_agenda *a, const struct rt_item *it)
{
	rt_fmt_clock_range(t, it->start, it->end, rt_item_next_day(a, it));
}

/* Renders one item; returns the number of lines it took. */
static size_t item(struct out *o, const struct table *tb, const struct rt_item *it)
{
	struct rt_buf time;
	struct rt_wrap_line *tl, *rl = NULL;
	size_t lines = 0;

	rt_buf_init(&time);
	item_time(&time, tb->a, it);
	size_t nt = rt_wrap(it->title, strlen(it->title), tb->title_w, &tl);
	size_t nr = (tb->room_w && it->room)
			    ? rt_wrap(it->room, strlen(it->room), tb->room_w, &rl)
			    : 0;
	if (tb->narrow) {
		styled(o, S_TIME, time.data, time.len);
		rt_buf_addc(o->b, '\n');
		lines++;
	}
	for (size_t k = 0; k < nt || k < nr; k++) {
		if (tb->narrow) {
			spaces(o, tb->indent);
		} else if (k == 0) {
			styled(o, S_TIME, time.data, time.len);
			spaces(o, tb->indent - rt_utf8_width(time.data, time.len));
		} else {
			spaces(o, tb->indent);
		}
		size_t used = 0;
		if (k < nt) {
			styled(o, NULL, it->title + tl[k].off, tl[k].len);
			used = tl[k].width;
		}
		if (k < nr) {
			spaces(o, tb->title_w - used + GAP);
			styled(o, S_ROOM, it->room + rl[k].off, rl[k].len);
		}
		rt_buf_addc(o->b, '\n');
		lines++;
	}
	free(tl);
	free(rl);

	if (it->nspeakers) {
		struct rt_buf s;
		rt_buf_init(&s);
		rt_render_speakers(&s, it);
		wrapped(o, "", NULL, tb->indent, s.data, S_SPEAKER);
		lines++;
		rt_buf_finish(&s);
	}
	if (it->room && !tb->room_w) {
		struct rt_buf r;
		rt_buf_init(&r);
		rt_buf_addf(&r, "(%s)", it->room);
		wrapped(o, "", NULL, tb->indent, r.data, S_ROOM);
		rt_buf_finish(&r);
		lines++;
	}
	if (it->notes) {
		const char *p = it->notes;
		for (;;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			char *line = xstrndup(p, len);
			wrapped(o, "", NULL, tb->indent + 2, line, S_NOTE);
			free(line);
			lines++;
			if (!nl)
				break;
			p = nl + 1;
		}
	}
	rt_buf_finish(&time);
	return lines;
}

static void layout(const struct rt_agenda *a, size_t width, struct table *tb)
{
	size_t widest_room = 0;
	struct rt_buf t;
	rt_buf_init(&t);
	memset(tb, 0, sizeof(*tb));
	tb->a = a;
	for (size_t i = 0; i < a->nitems; i++) {
		const struct rt_item *it = &a->items[i];
		rt_buf_reset(&t);
		item_time(&t, a, it);
		size_t w = rt_utf8_width(t.data, t.len);
		if (w > tb->time_w)
			tb->time_w = w;
		if (it->room) {
			size_t rw = rt_utf8_width(it->room, strlen(it->room));
			if (rw > widest_room)
				widest_room = rw;
		}
	}
	rt_buf_finish(&t);
	tb->room_w = widest_room < width / 4 ? widest_room : width / 4;
	tb->indent = tb->time_w + GAP;
	size_t used = tb->indent + (tb->room_w ? tb->room_w + GAP : 0);
	if (used + 24 > width) {
		/* Too narrow for columns: time above, rooms under the title. */
		tb->narrow = true;
		tb->indent = 2;
		tb->room_w = 0;
		used = tb->indent;
	}
	tb->title_w = width - used;
}

static void programme(struct out *o, const struct rt_agenda *a)
{
	struct table tb;
	struct rt_buf items;
	size_t *ends = xcalloc(a->nitems + 1, sizeof(*ends));
	bool roomy = false;

	if (a->nitems == 0) {
		free(ends);
		return;
	}
	layout(a, o->o->width, &tb);

	/* Render every item first: blank lines between items only when
	 * some item takes more than one line, so short lists stay tight. */
	rt_buf_init(&items);
	struct out io = {&items, o->o};
	for (size_t i = 0; i < a->nitems; i++) {
		if (item(&io, &tb, &a->items[i]) > 1)
			roomy = true;
		ends[i] = items.len;
	}

	rt_buf_addc(o->b, '\n');
	wrapped(o, "", NULL, 0, rt_msg(o->o->lang, RT_MSG_AGENDA), S_HEAD);
	rule(o, "─", o->o->width < 60 ? o->o->width : 60, NULL);
	size_t from = 0;
	for (size_t d = 0; d < a->ndays; d++) {
		const struct rt_day *day = &a->days[d];
		if (a->ndays > 1) {
			struct rt_buf h;
			rt_buf_init(&h);
			rt_render_day_heading(&h, day, o->o->lang);
			if (d > 0 || roomy)
				rt_buf_addc(o->b, '\n');
			wrapped(o, "", NULL, 0, h.data, S_HEAD);
			rt_buf_finish(&h);
			if (day->nitems)
				rt_buf_addc(o->b, '\n');
		}
		for (size_t k = day->first_item; k < day->first_item + day->nitems; k++) {
			if (roomy && k > day->first_item)
				rt_buf_addc(o->b, '\n');
			from = k ? ends[k - 1] : 0;
			rt_buf_add(o->b, items.data + from, ends[k] - from);
		}
	}
	rt_buf_finish(&items);
	free(ends);
}

void rt_render_text(struct rt_buf *out, const struct rt_agenda *a,
		    const struct rt_text_opts *opts)
{
	struct rt_text_opts o = *opts;
	if (o.width < RT_TEXT_MIN_WIDTH)
		o.width = RT_TEXT_MIN_WIDTH;
	struct out ctx = {out, &o};
	if (o.banner) {
		wrapped(&ctx, "", NULL, 0, o.banner, S_ALERT);
		rt_buf_addc(out, '\n');
	}
	if (o.changes && o.changes->n) {
		rt_buf_addf(out, "%s:\n", rt_msg(o.lang, RT_MSG_CHANGES));
		for (size_t i = 0; i < o.changes->n; i++)
			wrapped(&ctx, "- ", NULL, 2, o.changes->line[i], NULL);
		rt_buf_addc(out, '\n');
	}
	title(&ctx, a);
	rt_buf_addc(out, '\n');
	facts(&ctx, a);
	description(&ctx, a);
	programme(&ctx, a);
}
