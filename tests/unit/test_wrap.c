#include <stdlib.h>

#include "check.h"
#include "retrason/buf.h"
#include "retrason/utf8.h"
#include "retrason/wrap.h"

/* The lines of rt_wrap(), joined with '|'. */
static char *wrap(const char *text, size_t width)
{
	struct rt_wrap_line *l;
	struct rt_buf b;
	size_t n = rt_wrap(text, strlen(text), width, &l);
	rt_buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			rt_buf_addc(&b, '|');
		rt_buf_add(&b, text + l[i].off, l[i].len);
		if (l[i].width != rt_utf8_width(text + l[i].off, l[i].len))
			rt_buf_adds(&b, "<bad width>");
	}
	free(l);
	return rt_buf_steal(&b);
}

static const struct {
	const char *text;
	size_t width;
	const char *want;
} rows[] = {
	{"", 10, ""},
	{"   ", 10, ""},
	{"one two three", 80, "one two three"},
	{"one two three", 7, "one two|three"},
	{"one two three", 3, "one|two|thr|ee"},
	{"  lead and trail  ", 8, "lead and|trail"},
	{"Grüße aus Köln", 9, "Grüße aus|Köln"},
	{"Supercalifragilistic", 8, "Supercal|ifragili|stic"},
	{"Kick-Off-Werkstatt heute", 12, "Kick-Off-|Werkstatt|heute"},
	{"DLR-TS und mehr", 5, "DLR-T|S und|mehr"},
	{"mail retrason@allianz-fuer-die-region.de now", 20,
	 "mail|retrason@allianz-fue|r-die-region.de now"},
	{"東京国際フォーラム", 8, "東京国際|フォーラ|ム"},
	{"Tokyo 東京", 8, "Tokyo 東|京"},
	{"e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2, "e\xCC\x81" "e\xCC\x81|e\xCC\x81"},
	{"漢", 1, "漢"}, /* wider than the line: still shown, alone */
	{"🎉🎉 party", 4, "🎉🎉|part|y"},
};

int main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *got = wrap(rows[i].text, rows[i].width);
		CHECK_STR(got, rows[i].want);
		free(got);
	}

	/* Properties over many widths: no line is wider than asked (unless it
	 * is one character), nothing is lost but the spaces at breaks. */
	static const char *const texts[] = {
		("Impulsvortrag und Diskussion „Regionaler Strukturwandel als "
		 "Spiegelbild einer neuen Mobilitätskultur“"),
		"開会の挨拶と基調講演：持続可能な交通インフラの未来について",
		"🚀 Raketen-Workshop mit sehr langem Titel, der umbrechen muss",
	};
	for (size_t t = 0; t < 3; t++) {
		const char *s = texts[t];
		for (size_t w = 1; w < 70; w++) {
			struct rt_wrap_line *l;
			size_t n = rt_wrap(s, strlen(s), w, &l);
			struct rt_buf all, orig;
			rt_buf_init(&all);
			rt_buf_init(&orig);
			for (size_t k = 0; k < n; k++) {
				uint32_t cp;
				size_t first = rt_utf8_decode(s + l[k].off, l[k].len, &cp);
				if (l[k].width > w && first != l[k].len)
					CHECK(!"line wider than the width");
				rt_buf_add(&all, s + l[k].off, l[k].len);
			}
			for (const char *p = s; *p; p++)
				if (*p != ' ')
					rt_buf_addc(&orig, *p);
			struct rt_buf packed;
			rt_buf_init(&packed);
			for (const char *p = rt_buf_str(&all); *p; p++)
				if (*p != ' ')
					rt_buf_addc(&packed, *p);
			CHECK_STR(rt_buf_str(&packed), rt_buf_str(&orig));
			rt_buf_finish(&all);
			rt_buf_finish(&orig);
			rt_buf_finish(&packed);
			free(l);
		}
	}
	return check_done();
}
