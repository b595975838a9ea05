/* The agenda parser and everything that renders its model: whatever the
 * bytes, parsing and the diagnostics terminate and print valid UTF-8;
 * a file without errors yields strings without controls, a terminal
 * layout no wider than asked, and exports that are valid UTF-8 (and
 * valid JSON, and HTML without markup from the file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "retrason/agenda.h"
#include "retrason/export.h"
#include "retrason/render.h"
#include "retrason/utf8.h"
#include "retrason/zone.h"

static void text_ok(const char *what, const char *s, const char *allowed)
{
	if (!s)
		return;
	size_t n = strlen(s);
	if (!fuzz_utf8_valid(s, n) || !fuzz_no_controls(s, n, allowed))
		fuzz_fail(what, s, n);
}

static void model_ok(const struct rt_agenda *a)
{
	text_ok("title", a->title, "");
	text_ok("location", a->location, "");
	text_ok("address", a->address, "\n");
	text_ok("organizer name", a->organizer.name, "");
	text_ok("contact", a->contact, "");
	text_ok("url", a->url, "");
	for (size_t i = 0; i < a->ndesc; i++)
		text_ok("description", a->desc[i].text, "");
	for (size_t i = 0; i < a->nitems; i++) {
		const struct rt_item *it = &a->items[i];
		text_ok("item title", it->title, "");
		text_ok("room", it->room, "");
		text_ok("notes", it->notes, "\n");
		for (size_t k = 0; k < it->nspeakers; k++)
			text_ok("speaker", it->speakers[k], "");
		if (it->day >= a->ndays || it->start < 0 ||
		    (it->end != RT_OPEN_END &&
		     (it->end <= it->start || it->end - it->start > RT_MINUTES_PER_DAY)))
			fuzz_fail("item times", it->title, strlen(it->title));
	}
}

static void layout_ok(const struct rt_agenda *a, size_t width, enum rt_lang lang)
{
	struct rt_buf out;
	rt_buf_init(&out);
	struct rt_text_opts o = {.width = width, .color = false, .lang = lang};
	rt_render_text(&out, a, &o);
	if (!fuzz_utf8_valid(out.data, out.len) || !fuzz_no_controls(out.data, out.len, "\n"))
		fuzz_fail("agenda show: invalid UTF-8 or a control", out.data, out.len);
	if (!out.len || out.data[out.len - 1] != '\n')
		fuzz_fail("agenda show: not whole lines", out.data, out.len);
	for (const char *p = out.data; p < out.data + out.len;) {
		const char *nl = memchr(p, '\n', (size_t)(out.data + out.len - p));
		if (rt_utf8_width(p, (size_t)(nl - p)) > width)
			fuzz_fail("agenda show: a line wider than asked", p, (size_t)(nl - p));
		p = nl + 1;
	}
	rt_buf_reset(&out);
	struct rt_out plain = {.b = &out}; /* all of it in out */
	rt_render_plain(&plain, a, lang);
	if (!fuzz_utf8_valid(out.data, out.len) || !fuzz_no_controls(out.data, out.len, "\n"))
		fuzz_fail("plain text: invalid UTF-8 or a control", out.data, out.len);
	rt_buf_finish(&out);
}

static void exports_ok(const struct rt_agenda *a, enum rt_lang lang)
{
	struct rt_export_opts o = {.lang = lang};
	int (*const fn[])(FILE *, const struct rt_agenda *, const struct rt_export_opts *) = {
		rt_export_json, rt_export_markdown, rt_export_html};
	for (int k = 0; k < 3; k++) {
		char *s = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&s, &n);
		if (!f)
			abort();
		if (fn[k](f, a, &o))
			abort();
		fclose(f);
		if (!fuzz_utf8_valid(s, n))
			fuzz_fail("export: invalid UTF-8", s, n);
		if (k == 0 && (!fuzz_json_valid(s, n) || !fuzz_no_controls(s, n, "\n")))
			fuzz_fail("export json: not valid JSON", s, n);
		if (k == 1) {
			/* A table row must stay one line, with its cells. */
			for (const char *p = s; p < s + n;) {
				const char *nl = memchr(p, '\n', (size_t)(s + n - p));
				size_t len = (size_t)(nl - p);
				if (len >= 2 && p[0] == '|' && p[len - 1] != '|')
					fuzz_fail("export markdown: a broken table row", p, len);
				p = nl + 1;
			}
		}
		if (k == 2) {
			/* The page has no script; text from the file is escaped. */
			for (size_t i = 0; i + 7 <= n; i++)
				if (!strncasecmp(s + i, "<script", 7) || !strncasecmp(s + i, "<img", 4))
					fuzz_fail("export html: markup from the file", s, n);
		}
		free(s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 20))
		return 0;
	struct rt_diags d;
	rt_diags_init(&d, "fuzz.agenda", (const char *)data, size);
	struct rt_parse_opts po = {.default_timezone = "UTC", .local = rt_zone_local};
	struct rt_agenda *a = rt_agenda_parse((const char *)data, size, &po, &d);

	char *rep = NULL;
	size_t rn = 0;
	FILE *f = open_memstream(&rep, &rn);
	if (!f)
		abort();
	rt_diags_print(&d, f, size % 2);
	fclose(f);
	if (!fuzz_utf8_valid(rep, rn) || !fuzz_no_controls(rep, rn, "\n\033"))
		fuzz_fail("diagnostics: invalid UTF-8 or a control", rep, rn);
	free(rep);

	if (a && d.errors == 0) {
		model_ok(a);
		size_t width = RT_TEXT_MIN_WIDTH + (size ? data[0] : 0) % 100;
		enum rt_lang lang = size > 1 && (data[1] & 1) ? RT_LANG_DE : RT_LANG_EN;
		layout_ok(a, width, lang);
		if (rt_zone_known(a->timezone))
			exports_ok(a, lang);
	}
	rt_agenda_free(a);
	rt_diags_finish(&d);
	return 0;
}
