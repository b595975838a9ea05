/* The change summary of an update (include/retrason/changes.h). */
#include "retrason/changes.h"

#include <stdlib.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/render.h"
#include "retrason/xalloc.h"

struct out {
	struct rt_changes *c;
	size_t more; /* past RT_CHANGES_MAX */
};

static void say(struct out *o, struct rt_buf *b)
{
	if (o->c->n == RT_CHANGES_MAX - 1 && !o->more) {
		o->more = 1; /* keep room for "and N more" */
		rt_buf_finish(b);
		return;
	}
	if (o->more) {
		o->more++;
		rt_buf_finish(b);
		return;
	}
	o->c->line = xrealloc(o->c->line, (o->c->n + 1) * sizeof(*o->c->line));
	o->c->line[o->c->n++] = rt_buf_steal(b);
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* "Was: old → new" when they differ; "–" for nothing. */
static void field(struct out *o, const char *label, const char *was, const char *now)
{
	if (same(was, now))
		return;
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_addf(&b, "%s: %s → %s", label, was ? was : "–", now ? now : "–");
	say(o, &b);
}

static char *place(const struct rt_agenda *a)
{
	struct rt_buf b;
	rt_buf_init(&b);
	if (a->location)
		rt_buf_adds(&b, a->location);
	if (a->address)
		rt_buf_addf(&b, "%s%s", b.len ? ", " : "", a->address);
	return b.len ? rt_buf_steal(&b) : (rt_buf_finish(&b), NULL);
}

/* An item's time: "16:10–16:30", with its day in a multi-day event. */
static void item_time(struct rt_buf *b, const struct rt_agenda *a, const struct rt_item *it,
		      enum rt_lang lang)
{
	struct rt_date d;
	int m;
	if (a->ndays > 1) {
		rt_agenda_when(a, it->day, it->start, &d, &m);
		rt_fmt_date_short(b, lang, d);
		rt_buf_addc(b, ' ');
	}
	rt_fmt_clock_range(b, it->start, it->end, rt_item_next_day(a, it));
}

/* The item of was with this title (the k-th of that title), or NULL. */
static const struct rt_item *find(const struct rt_agenda *was, const char *title, size_t k)
{
	for (size_t i = 0; i < was->nitems; i++)
		if (!strcmp(was->items[i].title, title) && k-- == 0)
			return &was->items[i];
	return NULL;
}

static size_t nth(const struct rt_agenda *a, size_t i)
{
	size_t k = 0;
	for (size_t p = 0; p < i; p++)
		k += !strcmp(a->items[p].title, a->items[i].title);
	return k;
}

static bool speakers_same(const struct rt_item *x, const struct rt_item *y)
{
	if (x->nspeakers != y->nspeakers)
		return false;
	for (size_t i = 0; i < x->nspeakers; i++)
		if (strcmp(x->speakers[i], y->speakers[i]))
			return false;
	return true;
}

static void programme(struct out *o, const struct rt_agenda *was, const struct rt_agenda *now,
		      enum rt_lang lang)
{
	/* Items are matched by title (the k-th of a title with the k-th):
	 * quadratic, and so only for programmes a person reads. */
	if (was->nitems > 500 || now->nitems > 500) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_adds(&b, rt_msg(lang, RT_MSG_PROGRAMME_CHANGED));
		say(o, &b);
		return;
	}
	for (size_t i = 0; i < now->nitems; i++) {
		const struct rt_item *it = &now->items[i], *old = find(was, it->title, nth(now, i));
		struct rt_buf b;
		rt_buf_init(&b);
		if (!old) {
			rt_buf_addf(&b, "%s: ", rt_msg(lang, RT_MSG_NEW_ITEM));
			item_time(&b, now, it, lang);
			rt_buf_addf(&b, " %s", it->title);
		} else if (old->day != it->day || old->start != it->start || old->end != it->end ||
			   (was->ndays > 1) != (now->ndays > 1)) {
			rt_buf_addf(&b, "%s: ", it->title);
			item_time(&b, was, old, lang);
			rt_buf_adds(&b, " → ");
			item_time(&b, now, it, lang);
		} else if (!speakers_same(old, it) || !same(old->room, it->room) ||
			   !same(old->notes, it->notes)) {
			rt_buf_addf(&b, "%s: %s", it->title, rt_msg(lang, RT_MSG_ITEM_DETAILS));
		}
		if (b.len)
			say(o, &b);
		else
			rt_buf_finish(&b);
	}
	for (size_t i = 0; i < was->nitems; i++) {
		const struct rt_item *it = &was->items[i];
		if (find(now, it->title, nth(was, i)))
			continue;
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "%s: ", rt_msg(lang, RT_MSG_DROPPED_ITEM));
		item_time(&b, was, it, lang);
		rt_buf_addf(&b, " %s", it->title);
		say(o, &b);
	}
}

static bool desc_same(const struct rt_agenda *x, const struct rt_agenda *y)
{
	if (x->ndesc != y->ndesc)
		return false;
	for (size_t i = 0; i < x->ndesc; i++)
		if (x->desc[i].list_item != y->desc[i].list_item || strcmp(x->desc[i].text, y->desc[i].text))
			return false;
	return true;
}

void rt_changes_between(struct rt_changes *c, const struct rt_agenda *was,
			const struct rt_agenda *now, enum rt_lang lang)
{
	memset(c, 0, sizeof(*c));
	struct out o = {c, 0};
	field(&o, rt_msg(lang, RT_MSG_TITLE), was->title, now->title);

	struct rt_buf w, n;
	rt_buf_init(&w);
	rt_buf_init(&n);
	rt_render_when(&w, was, lang);
	rt_render_when(&n, now, lang);
	if (strcmp(rt_buf_str(&w), rt_buf_str(&n)) || strcmp(was->timezone, now->timezone)) {
		if (strcmp(was->timezone, now->timezone)) {
			rt_buf_addf(&w, " (%s)", was->timezone);
			rt_buf_addf(&n, " (%s)", now->timezone);
		}
		field(&o, rt_msg(lang, RT_MSG_WHEN), rt_buf_str(&w), rt_buf_str(&n));
	}
	rt_buf_finish(&w);
	rt_buf_finish(&n);

	char *pw = place(was), *pn = place(now);
	field(&o, rt_msg(lang, RT_MSG_WHERE), pw, pn);
	free(pw);
	free(pn);
	if (was->status != now->status && now->status == RT_STATUS_TENTATIVE) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "Status: %s", rt_msg(lang, RT_MSG_TENTATIVE));
		say(&o, &b);
	}
	programme(&o, was, now, lang);

	/* The rest, named only. */
	struct rt_buf also;
	rt_buf_init(&also);
	struct {
		bool differs;
		enum rt_msg what;
	} rest[] = {
		{!desc_same(was, now), RT_MSG_DESCRIPTION},
		{!same(was->organizer.name, now->organizer.name) ||
			 !same(was->organizer.addr, now->organizer.addr),
		 RT_MSG_ORGANIZER},
		{!same(was->contact, now->contact) || !same(was->phone, now->phone) ||
			 !same(was->email, now->email) || !same(was->url, now->url),
		 RT_MSG_CONTACT},
		{was->reminder != now->reminder, RT_MSG_REMINDER},
	};
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		if (rest[i].differs)
			rt_buf_addf(&also, "%s%s", also.len ? ", " : "", rt_msg(lang, rest[i].what));
	if (also.len) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "%s: %s", rt_msg(lang, RT_MSG_ALSO_CHANGED), rt_buf_str(&also));
		say(&o, &b);
	}
	rt_buf_finish(&also);
	if (o.more) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "… %zu %s", o.more, rt_msg(lang, RT_MSG_MORE_CHANGES));
		c->line = xrealloc(c->line, (c->n + 1) * sizeof(*c->line));
		c->line[c->n++] = rt_buf_steal(&b);
	}
}

void rt_changes_finish(struct rt_changes *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->line[i]);
	free(c->line);
	memset(c, 0, sizeof(*c));
}
