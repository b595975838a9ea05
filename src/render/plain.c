/* The agenda as unwrapped plain text, for a calendar entry's
 * DESCRIPTION: calendar programs wrap text themselves, so lines here are
 * logical lines, not laid out to a width. */
#include <string.h>

#include "retrason/render.h"

void rt_render_speakers(struct rt_buf *out, const struct rt_item *it)
{
	bool comma = false;
	for (size_t k = 0; k < it->nspeakers; k++)
		if (strchr(it->speakers[k], ','))
			comma = true;
	for (size_t k = 0; k < it->nspeakers; k++) {
		if (k)
			rt_buf_adds(out, comma ? "; " : ", ");
		rt_buf_adds(out, it->speakers[k]);
	}
}

static void speakers_room(struct rt_buf *out, const struct rt_item *it)
{
	if (it->nspeakers) {
		rt_buf_adds(out, " — ");
		rt_render_speakers(out, it);
	}
	if (it->room) {
		rt_buf_adds(out, " (");
		rt_buf_adds(out, it->room);
		rt_buf_addc(out, ')');
	}
}

void rt_render_plain_item(struct rt_buf *out, const struct rt_item *it)
{
	size_t start = out->len;
	rt_render_speakers(out, it);
	if (it->room) {
		rt_buf_adds(out, it->nspeakers ? " (" : "");
		rt_buf_adds(out, it->room);
		rt_buf_adds(out, it->nspeakers ? ")" : "");
	}
	if (it->notes) {
		if (out->len > start)
			rt_buf_addc(out, '\n');
		rt_buf_adds(out, it->notes);
	}
}

static void item_line(struct rt_buf *out, const struct rt_agenda *a,
		      const struct rt_item *it)
{
	rt_fmt_clock_range(out, it->start, it->end, rt_item_next_day(a, it));
	rt_buf_addc(out, ' ');
	rt_buf_adds(out, it->title);
	speakers_room(out, it);
	rt_buf_addc(out, '\n');
	if (it->notes) {
		const char *p = it->notes;
		for (;;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			rt_buf_adds(out, "  ");
			rt_buf_add(out, p, n);
			rt_buf_addc(out, '\n');
			if (!nl)
				break;
			p = nl + 1;
		}
	}
}

/* Hands on all but trailing newlines: whether they end the text is
 * only known at the end. */
static void maybe_flush(struct rt_out *o)
{
	const struct rt_buf *b = o->b;
	size_t keep = 0;
	while (keep < b->len && b->data[b->len - 1 - keep] == '\n')
		keep++;
	rt_out_maybe_flush_but(o, keep);
}

void rt_render_plain(struct rt_out *o, const struct rt_agenda *a, enum rt_lang lang)
{
	struct rt_buf *out = o->b;
	for (size_t i = 0; i < a->ndesc; i++) {
		const struct rt_block *b = &a->desc[i];
		if (i && !(b->list_item && a->desc[i - 1].list_item))
			rt_buf_addc(out, '\n');
		rt_buf_addf(out, "%s%s\n", b->list_item ? "• " : "", b->text);
	}
	if (a->nitems) {
		if (a->ndesc)
			rt_buf_addc(out, '\n');
		rt_buf_addf(out, "%s:\n", rt_msg(lang, RT_MSG_AGENDA));
		for (size_t d = 0; d < a->ndays; d++) {
			const struct rt_day *day = &a->days[d];
			if (a->ndays > 1) {
				if (d)
					rt_buf_addc(out, '\n');
				rt_render_day_heading(out, day, lang);
				rt_buf_addc(out, '\n');
			}
			for (size_t k = 0; k < day->nitems; k++) {
				item_line(out, a, &a->items[day->first_item + k]);
				maybe_flush(o);
			}
		}
	}
	const struct {
		enum rt_msg label;
		const char *value;
	} facts[] = {
		{RT_MSG_CONTACT, a->contact},
		{RT_MSG_PHONE, a->phone},
		{RT_MSG_EMAIL, a->email},
		{RT_MSG_WEB, a->url},
	};
	bool first = true;
	for (size_t i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		if (!facts[i].value)
			continue;
		if (first && (a->ndesc || a->nitems))
			rt_buf_addc(out, '\n');
		first = false;
		rt_buf_addf(out, "%s: %s\n", rt_msg(lang, facts[i].label), facts[i].value);
	}
	/* No trailing newline: calendars show it as an empty last line. */
	while (out->len && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
}
