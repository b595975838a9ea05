/* The agenda as Markdown for wikis and READMEs: CommonMark with the GFM
 * table extension, and nothing that renderers treat differently (no raw
 * HTML, which many of them drop).  Every piece of the file's text goes
 * through rt_markdown_text(). */
#include <string.h>

#include "retrason/export.h"
#include "retrason/render.h"
#include "retrason/utf8.h"
#include "shared.h"

void rt_markdown_text(struct rt_buf *out, const char *s, size_t n)
{
	size_t i = 0, start = out->len;
	/* A block must not start as a list item, heading underline or
	 * ordered list: "- x", "+ x", "= x", "2023. x". */
	if (n && strchr("-+=", s[0])) {
		rt_buf_addc(out, '\\');
	} else {
		size_t d = 0;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d && d < n && (s[d] == '.' || s[d] == ')')) {
			rt_buf_add(out, s, d);
			rt_buf_addc(out, '\\');
			i = d;
		}
	}
	while (i < n) {
		uint32_t cp;
		i += rt_utf8_next(s + i, n - i, &cp);
		if (cp == '\n' || cp == '\t')
			cp = ' '; /* a line break would end a table row */
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			cp = 0xFFFD;
		/* Every ASCII punctuation mark that means something in
		 * CommonMark, GFM (tables, strikethrough) or the common math
		 * extensions ($); "\&" keeps "&amp;" literal. */
		if (cp < 0x80 && cp && strchr("\\`*_[]<>|#~$&", (int)cp))
			rt_buf_addc(out, '\\');
		rt_utf8_add(out, cp);
	}
	/* Trailing spaces before a line end mean a hard break. */
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static void text(struct rt_buf *b, const char *s)
{
	rt_markdown_text(b, s, strlen(s));
}

/* Lines of s joined with sep, each escaped. */
static void joined(struct rt_buf *b, const char *s, const char *sep)
{
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		rt_markdown_text(b, s, n);
		if (!nl)
			return;
		rt_buf_adds(b, sep);
		s = nl + 1;
	}
}

static void fact(struct rt_buf *b, enum rt_lang lang, enum rt_msg label)
{
	rt_buf_addf(b, "- **%s:** ", rt_msg(lang, label));
}

static void link(struct rt_buf *b, const char *label, const char *mail)
{
	rt_buf_addc(b, '[');
	text(b, label);
	rt_buf_adds(b, "](<");
	export_mailto(b, mail);
	rt_buf_adds(b, ">)");
}

static void facts(struct rt_buf *b, const struct rt_agenda *a, enum rt_lang lang)
{
	struct rt_buf when;
	rt_buf_init(&when);
	rt_render_when(&when, a, lang);
	fact(b, lang, RT_MSG_WHEN);
	text(b, rt_buf_str(&when));
	rt_buf_finish(&when);
	rt_buf_addc(b, '\n');
	if (a->location || a->address) {
		fact(b, lang, RT_MSG_WHERE);
		if (a->location)
			text(b, a->location);
		if (a->location && a->address)
			rt_buf_adds(b, ", ");
		if (a->address)
			joined(b, a->address, ", ");
		rt_buf_addc(b, '\n');
	}
	if (a->organizer.addr) {
		fact(b, lang, RT_MSG_ORGANIZER);
		if (a->organizer.name) {
			text(b, a->organizer.name);
			rt_buf_adds(b, ", ");
		}
		link(b, a->organizer.addr, a->organizer.addr);
		rt_buf_addc(b, '\n');
	}
	if (a->contact) {
		fact(b, lang, RT_MSG_CONTACT);
		text(b, a->contact);
		rt_buf_addc(b, '\n');
	}
	if (a->phone) {
		fact(b, lang, RT_MSG_PHONE);
		text(b, a->phone);
		rt_buf_addc(b, '\n');
	}
	if (a->email) {
		fact(b, lang, RT_MSG_EMAIL);
		link(b, a->email, a->email);
		rt_buf_addc(b, '\n');
	}
	if (a->url) {
		fact(b, lang, RT_MSG_WEB);
		/* An autolink needs no escaping but takes no spaces or <>. */
		if (export_is_web_url(a->url) && !strpbrk(a->url, " <>"))
			rt_buf_addf(b, "<%s>", a->url);
		else
			text(b, a->url);
		rt_buf_addc(b, '\n');
	}
}

static void cell_sep(struct rt_buf *b)
{
	rt_buf_adds(b, " | ");
}

static void programme(struct rt_out *s, const struct rt_agenda *a, enum rt_lang lang)
{
	struct rt_buf *b = s->b;
	bool speakers, rooms;
	export_columns(a, &speakers, &rooms);
	rt_buf_addf(b, "\n## %s\n", rt_msg(lang, RT_MSG_AGENDA));
	for (size_t d = 0; d < a->ndays; d++) {
		const struct rt_day *day = &a->days[d];
		if (!day->nitems)
			continue;
		if (a->ndays > 1) {
			struct rt_buf h;
			rt_buf_init(&h);
			rt_render_day_heading(&h, day, lang);
			rt_buf_adds(b, "\n### ");
			text(b, rt_buf_str(&h));
			rt_buf_addc(b, '\n');
			rt_buf_finish(&h);
		}
		rt_buf_addf(b, "\n| %s | %s", rt_msg(lang, RT_MSG_TIME), rt_msg(lang, RT_MSG_ITEM));
		if (speakers)
			rt_buf_addf(b, " | %s", rt_msg(lang, RT_MSG_SPEAKERS));
		if (rooms)
			rt_buf_addf(b, " | %s", rt_msg(lang, RT_MSG_ROOM));
		rt_buf_adds(b, " |\n| --- | ---");
		if (speakers)
			rt_buf_adds(b, " | ---");
		if (rooms)
			rt_buf_adds(b, " | ---");
		rt_buf_adds(b, " |\n");
		for (size_t k = 0; k < day->nitems; k++) {
			const struct rt_item *it = &a->items[day->first_item + k];
			rt_buf_adds(b, "| ");
			rt_fmt_clock_range(b, it->start, it->end, rt_item_next_day(a, it));
			cell_sep(b);
			text(b, it->title);
			if (it->notes) {
				/* No line breaks in a table cell without raw HTML. */
				rt_buf_adds(b, " — *");
				joined(b, it->notes, " / ");
				rt_buf_addc(b, '*');
			}
			if (speakers) {
				cell_sep(b);
				struct rt_buf sp;
				rt_buf_init(&sp);
				rt_render_speakers(&sp, it);
				text(b, rt_buf_str(&sp));
				rt_buf_finish(&sp);
			}
			if (rooms) {
				cell_sep(b);
				if (it->room)
					text(b, it->room);
			}
			rt_buf_adds(b, " |\n");
			rt_out_maybe_flush(s);
		}
	}
}

int rt_export_markdown(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o)
{
	struct rt_buf b;
	rt_buf_init(&b);
	struct rt_out s = {.b = &b, .file = out};
	enum rt_lang lang = o->lang;

	rt_buf_adds(&b, "# ");
	text(&b, a->title);
	rt_buf_adds(&b, "\n\n");
	if (a->status == RT_STATUS_CANCELLED || a->status == RT_STATUS_TENTATIVE)
		rt_buf_addf(&b, "**%s**\n\n",
			    rt_msg(lang, a->status == RT_STATUS_CANCELLED ? RT_MSG_CANCELLED
									  : RT_MSG_TENTATIVE));
	facts(&b, a, lang);
	for (size_t i = 0; i < a->ndesc; i++) {
		const struct rt_block *bl = &a->desc[i];
		if (!(bl->list_item && i && a->desc[i - 1].list_item))
			rt_buf_addc(&b, '\n');
		if (bl->list_item)
			rt_buf_adds(&b, "- ");
		text(&b, bl->text);
		rt_buf_addc(&b, '\n');
	}
	if (a->nitems)
		programme(&s, a, lang);
	int err = rt_out_finish(&s);
	rt_buf_finish(&b);
	return err;
}
