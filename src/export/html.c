/* The agenda as one self-contained, accessible HTML page: the language
 * in <html lang>, the programme as a real table with header cells,
 * styles inline with a print stylesheet (a page to hang on a door), no
 * scripts and nothing loaded from elsewhere.  Every piece of the file's
 * text goes through rt_html_text(). */
#include <string.h>

#include "retrason/export.h"
#include "retrason/render.h"
#include "retrason/utf8.h"
#include "retrason/zone.h"
#include "config.h"
#include "shared.h"

void rt_html_text(struct rt_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += rt_utf8_next(s + i, n - i, &cp);
		switch (cp) {
		case '&': rt_buf_adds(out, "&amp;"); break;
		case '<': rt_buf_adds(out, "&lt;"); break;
		case '>': rt_buf_adds(out, "&gt;"); break;
		case '"': rt_buf_adds(out, "&quot;"); break;
		case '\'': rt_buf_adds(out, "&#39;"); break;
		default:
			/* Controls are parse errors in HTML; NUL is dropped. */
			if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp < 0xa0))
				cp = 0xFFFD;
			rt_utf8_add(out, cp);
		}
	}
}

static void text(struct rt_buf *b, const char *s)
{
	rt_html_text(b, s, strlen(s));
}

/* Text whose line breaks are meant: notes and the address. */
static void lines(struct rt_buf *b, const char *s)
{
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		rt_html_text(b, s, n);
		if (!nl)
			return;
		rt_buf_adds(b, "<br>\n");
		s = nl + 1;
	}
}

/* A <time> element's datetime: local time with its UTC offset. */
static void datetime_attr(struct rt_buf *b, const struct rt_agenda *a, size_t day,
			  int minutes)
{
	struct rt_date d;
	int m;
	rt_agenda_when(a, day, minutes, &d, &m);
	long long local = (long long)rt_date_to_days(d) * 86400 + m * 60;
	long long off = (local - rt_zone_utc(a->timezone, a->days[day].date, minutes)) / 60;
	export_date(b, d);
	rt_buf_addf(b, "T%02d:%02d", m / 60, m % 60);
	if (off == 0) {
		rt_buf_addc(b, 'Z');
	} else {
		long long abs = off < 0 ? -off : off;
		rt_buf_addf(b, "%c%02lld:%02lld", off < 0 ? '-' : '+', abs / 60, abs % 60);
	}
}

static void clock(struct rt_buf *b, const struct rt_agenda *a, size_t day, int minutes)
{
	rt_buf_adds(b, "<time datetime=\"");
	datetime_attr(b, a, day, minutes);
	rt_buf_adds(b, "\">");
	rt_fmt_clock(b, minutes);
	rt_buf_adds(b, "</time>");
}

static const char style[] =
	"<style>\n"
	":root { color-scheme: light; }\n"
	"body { font: 16px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, "
	"\"Noto Sans\", \"DejaVu Sans\", sans-serif; color: #1a1a1a; background: #fff;\n"
	"  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }\n"
	"h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }\n"
	"h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }\n"
	".status { display: inline-block; font-weight: 700; padding: .2rem .6rem; "
	"border: 2px solid currentColor; }\n"
	".changes { border-left: 4px solid #c55a00; padding: .1rem 1rem; margin: 1rem 0; }\n"
	".changes h2 { font-size: 1.1rem; margin: .5rem 0; }\n"
	".cancelled { color: #b00020; }\n"
	".cancelled h1 { text-decoration: line-through; }\n"
	"dl.facts { display: grid; grid-template-columns: max-content 1fr; "
	"gap: .25rem 1rem; margin: 0 0 1.5rem; }\n"
	"dl.facts dt { font-weight: 700; }\n"
	"dl.facts dd { margin: 0; }\n"
	"table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }\n"
	"caption { text-align: left; font-weight: 700; padding: .5rem 0; }\n"
	"th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; "
	"border-bottom: 1px solid #d0d0d0; }\n"
	"thead th { border-bottom: 2px solid #1a1a1a; }\n"
	"td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
	".notes { margin: .25rem 0 0; color: #555; font-size: .92em; }\n"
	"a { color: #0645ad; }\n"
	"tbody th { font-weight: 400; }\n"
	"@media print {\n"
	"  @page { margin: 15mm; }\n"
	"  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"  thead { display: table-header-group; }\n"
	"  tr, dl.facts { break-inside: avoid; }\n"
	"  h2 { break-after: avoid; }\n"
	"}\n"
	"</style>\n";

static void fact(struct rt_buf *b, const char *label)
{
	rt_buf_adds(b, "<dt>");
	text(b, label);
	rt_buf_adds(b, "</dt><dd>");
}

static void facts(struct rt_buf *b, const struct rt_agenda *a, enum rt_lang lang)
{
	rt_buf_adds(b, "<dl class=\"facts\">\n");
	fact(b, rt_msg(lang, RT_MSG_WHEN));
	struct rt_buf when;
	rt_buf_init(&when);
	rt_render_when(&when, a, lang);
	if (a->all_day) {
		rt_buf_adds(b, "<time datetime=\"");
		export_date(b, a->first);
		rt_buf_adds(b, "\">");
	} else {
		rt_buf_adds(b, "<time datetime=\"");
		datetime_attr(b, a, 0, a->days[0].start);
		rt_buf_adds(b, "\">");
	}
	text(b, rt_buf_str(&when));
	rt_buf_adds(b, "</time></dd>\n");
	rt_buf_finish(&when);
	if (a->location || a->address) {
		fact(b, rt_msg(lang, RT_MSG_WHERE));
		if (a->location)
			text(b, a->location);
		if (a->location && a->address)
			rt_buf_adds(b, "<br>\n");
		if (a->address)
			lines(b, a->address);
		rt_buf_adds(b, "</dd>\n");
	}
	if (a->organizer.addr) {
		fact(b, rt_msg(lang, RT_MSG_ORGANIZER));
		if (a->organizer.name) {
			text(b, a->organizer.name);
			rt_buf_adds(b, "<br>\n");
		}
		rt_buf_adds(b, "<a href=\"");
		export_mailto(b, a->organizer.addr);
		rt_buf_adds(b, "\">");
		text(b, a->organizer.addr);
		rt_buf_adds(b, "</a></dd>\n");
	}
	if (a->contact) {
		fact(b, rt_msg(lang, RT_MSG_CONTACT));
		text(b, a->contact);
		rt_buf_adds(b, "</dd>\n");
	}
	if (a->phone) {
		fact(b, rt_msg(lang, RT_MSG_PHONE));
		rt_buf_adds(b, "<a href=\"tel:");
		for (const char *p = a->phone; *p; p++)
			if ((*p >= '0' && *p <= '9') || (*p == '+' && p == a->phone))
				rt_buf_addc(b, *p);
		rt_buf_adds(b, "\">");
		text(b, a->phone);
		rt_buf_adds(b, "</a></dd>\n");
	}
	if (a->email) {
		fact(b, rt_msg(lang, RT_MSG_EMAIL));
		rt_buf_adds(b, "<a href=\"");
		export_mailto(b, a->email);
		rt_buf_adds(b, "\">");
		text(b, a->email);
		rt_buf_adds(b, "</a></dd>\n");
	}
	if (a->url) {
		fact(b, rt_msg(lang, RT_MSG_WEB));
		/* Only web addresses become links: no javascript: or data:. */
		if (export_is_web_url(a->url)) {
			rt_buf_adds(b, "<a href=\"");
			text(b, a->url);
			rt_buf_adds(b, "\">");
			text(b, a->url);
			rt_buf_adds(b, "</a>");
		} else {
			text(b, a->url);
		}
		rt_buf_adds(b, "</dd>\n");
	}
	rt_buf_adds(b, "</dl>\n");
}

static void description(struct rt_buf *b, const struct rt_agenda *a)
{
	for (size_t i = 0; i < a->ndesc; i++) {
		const struct rt_block *bl = &a->desc[i];
		bool prev = i && a->desc[i - 1].list_item;
		bool next = i + 1 < a->ndesc && a->desc[i + 1].list_item;
		if (!bl->list_item) {
			rt_buf_adds(b, "<p>");
			text(b, bl->text);
			rt_buf_adds(b, "</p>\n");
			continue;
		}
		if (!prev)
			rt_buf_adds(b, "<ul>\n");
		rt_buf_adds(b, "<li>");
		text(b, bl->text);
		rt_buf_adds(b, "</li>\n");
		if (!next)
			rt_buf_adds(b, "</ul>\n");
	}
}

static void programme(struct rt_out *s, const struct rt_agenda *a, enum rt_lang lang)
{
	struct rt_buf *b = s->b;
	bool speakers, rooms;
	export_columns(a, &speakers, &rooms);
	rt_buf_adds(b, "<section aria-labelledby=\"agenda\">\n<h2 id=\"agenda\">");
	text(b, rt_msg(lang, RT_MSG_AGENDA));
	rt_buf_adds(b, "</h2>\n");
	for (size_t d = 0; d < a->ndays; d++) {
		const struct rt_day *day = &a->days[d];
		if (!day->nitems)
			continue;
		rt_buf_adds(b, "<table>\n");
		if (a->ndays > 1) {
			struct rt_buf h;
			rt_buf_init(&h);
			rt_render_day_heading(&h, day, lang);
			rt_buf_adds(b, "<caption>");
			text(b, rt_buf_str(&h));
			rt_buf_adds(b, "</caption>\n");
			rt_buf_finish(&h);
		}
		rt_buf_adds(b, "<thead><tr><th scope=\"col\">");
		text(b, rt_msg(lang, RT_MSG_TIME));
		rt_buf_adds(b, "</th><th scope=\"col\">");
		text(b, rt_msg(lang, RT_MSG_ITEM));
		if (speakers) {
			rt_buf_adds(b, "</th><th scope=\"col\">");
			text(b, rt_msg(lang, RT_MSG_SPEAKERS));
		}
		if (rooms) {
			rt_buf_adds(b, "</th><th scope=\"col\">");
			text(b, rt_msg(lang, RT_MSG_ROOM));
		}
		rt_buf_adds(b, "</th></tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < day->nitems; k++) {
			const struct rt_item *it = &a->items[day->first_item + k];
			rt_buf_adds(b, "<tr><td class=\"time\">");
			clock(b, a, d, it->start);
			if (it->end != RT_OPEN_END) {
				rt_buf_adds(b, "–");
				clock(b, a, d, it->end);
				if (rt_item_next_day(a, it))
					rt_buf_adds(b, RT_NEXT_DAY_MARK);
			}
			rt_buf_adds(b, "</td><th scope=\"row\">");
			text(b, it->title);
			if (it->notes) {
				rt_buf_adds(b, "<p class=\"notes\">");
				lines(b, it->notes);
				rt_buf_adds(b, "</p>");
			}
			if (speakers) {
				rt_buf_adds(b, "</th><td>");
				struct rt_buf sp;
				rt_buf_init(&sp);
				rt_render_speakers(&sp, it);
				text(b, rt_buf_str(&sp));
				rt_buf_finish(&sp);
			}
			if (rooms) {
				rt_buf_adds(b, speakers ? "</td><td>" : "</th><td>");
				if (it->room)
					text(b, it->room);
			}
			rt_buf_adds(b, speakers || rooms ? "</td></tr>\n" : "</th></tr>\n");
			rt_out_maybe_flush(s);
		}
		rt_buf_adds(b, "</tbody>\n</table>\n");
	}
	rt_buf_adds(b, "</section>\n");
}

static int page(struct rt_out *s, const struct rt_agenda *a, const struct rt_export_opts *o)
{
	struct rt_buf *b = s->b;
	enum rt_lang lang = o->lang;
	bool cancelled = a->status == RT_STATUS_CANCELLED;

	rt_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	text(b, a->language ? a->language : lang == RT_LANG_DE ? "de" : "en");
	rt_buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"generator\" content=\"retrason " RETRASON_VERSION "\">\n"
		       "<title>");
	text(b, a->title);
	rt_buf_adds(b, "</title>\n");
	rt_buf_adds(b, style);
	rt_buf_adds(b, "</head>\n<body>\n<main");
	if (cancelled)
		rt_buf_adds(b, " class=\"cancelled\"");
	rt_buf_adds(b, ">\n");
	if (cancelled || a->status == RT_STATUS_TENTATIVE) {
		rt_buf_adds(b, "<p class=\"status\">");
		text(b, rt_msg(lang, cancelled ? RT_MSG_CANCELLED : RT_MSG_TENTATIVE));
		rt_buf_adds(b, "</p>\n");
	}
	if (o->banner) {
		rt_buf_adds(b, "<p class=\"status banner\" role=\"alert\">");
		text(b, o->banner);
		rt_buf_adds(b, "</p>\n");
	}
	if (o->changes && o->changes->n) {
		rt_buf_adds(b, "<section class=\"changes\">\n<h2>");
		text(b, rt_msg(lang, RT_MSG_CHANGES));
		rt_buf_adds(b, "</h2>\n<ul>\n");
		for (size_t i = 0; i < o->changes->n; i++) {
			rt_buf_adds(b, "<li>");
			text(b, o->changes->line[i]);
			rt_buf_adds(b, "</li>\n");
		}
		rt_buf_adds(b, "</ul>\n</section>\n");
	}
	rt_buf_adds(b, "<h1>");
	text(b, a->title);
	rt_buf_adds(b, "</h1>\n");
	facts(b, a, lang);
	description(b, a);
	if (a->nitems)
		programme(s, a, lang);
	rt_buf_adds(b, "</main>\n</body>\n</html>\n");
	return rt_out_finish(s);
}

int rt_export_html(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o)
{
	struct rt_buf b;
	rt_buf_init(&b);
	struct rt_out s = {.b = &b, .file = out};
	int err = page(&s, a, o);
	rt_buf_finish(&b);
	return err;
}

void rt_export_html_buf(struct rt_buf *out, const struct rt_agenda *a,
			const struct rt_export_opts *o)
{
	struct rt_out s = {.b = out};
	page(&s, a, o);
}
