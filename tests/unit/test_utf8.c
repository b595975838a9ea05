#include "check.h"
#include "retrason/utf8.h"

static const struct {
	const char *in;
	size_t len;
	size_t used; /* 0 = invalid */
	uint32_t cp;
} decode_rows[] = {
	{"A", 1, 1, 'A'},
	{"\xC3\xBC", 2, 2, 0xFC},             /* ü */
	{"\xE2\x80\x9E", 3, 3, 0x201E},       /* „ */
	{"\xF0\x9F\x8E\x89", 4, 4, 0x1F389},  /* 🎉 */
	{"\xC0\x80", 2, 0, 0},                /* overlong NUL */
	{"\xE0\x80\xAF", 3, 0, 0},            /* overlong '/' */
	{"\xED\xA0\x80", 3, 0, 0},            /* surrogate */
	{"\xF4\x90\x80\x80", 4, 0, 0},        /* past U+10FFFF */
	{"\xC3", 1, 0, 0},                    /* truncated */
	{"\xC3\x28", 2, 0, 0},                /* bad continuation */
	{"\xFF", 1, 0, 0},
	{"\x80", 1, 0, 0},                    /* lone continuation */
};

/* rt_utf8_seqlen: a valid sequence whole, anything else one byte. */
static const struct {
	const char *in;
	size_t len, want;
} seqlen_rows[] = {
	{"A", 1, 1},
	{"\xC3\xBC!", 3, 2},              /* ü, then more */
	{"\xE2\x80\x9E", 3, 3},          /* „ */
	{"\xF0\x9F\x8E\x89", 4, 4},     /* 🎉 */
	{"\xF0\x9F\x8E\x89", 3, 1},     /* cut short by len */
	{"\xC3\x28", 2, 1},               /* bad continuation */
	{"\xF8\r\n ", 4, 1},             /* no such lead byte: keeps the CRLF */
	{"\xE2\r\n", 3, 1},
	{"\x80\x80", 2, 1},               /* lone continuation */
	{"\xED\xA0\x80", 3, 1},          /* surrogate */
	{"\xC0\x80", 2, 1},               /* overlong */
};

static const struct {
	uint32_t cp;
	int width;
} width_rows[] = {
	{'a', 1},     {0xFC, 1},    {0x0301, 0},  {0x200B, 0},  {0x00AD, 1},
	{0x6F22, 2},  {0x30DB, 2},  {0xFF21, 2},  {0x1F389, 2}, {0x1F680, 2},
	{0x1160, 0},  {0xAC00, 2},  {0x2014, 1},  {0xFE0F, 0},  {0x07, 0},
	{0x2615, 2},  {0x1F1E9, 2}, {0xFFFD, 1}, /* what an invalid byte shows as */
};

int main(void)
{
	for (size_t i = 0; i < sizeof(decode_rows) / sizeof(decode_rows[0]); i++) {
		uint32_t cp = 0;
		size_t n = rt_utf8_decode(decode_rows[i].in, decode_rows[i].len, &cp);
		CHECK_INT(n, decode_rows[i].used);
		if (n)
			CHECK_INT(cp, decode_rows[i].cp);
	}
	for (size_t i = 0; i < sizeof(seqlen_rows) / sizeof(seqlen_rows[0]); i++)
		CHECK_INT(rt_utf8_seqlen(seqlen_rows[i].in, seqlen_rows[i].len), seqlen_rows[i].want);
	for (size_t i = 0; i < sizeof(width_rows) / sizeof(width_rows[0]); i++)
		CHECK_INT(rt_wcwidth(width_rows[i].cp), width_rows[i].width);

	CHECK_INT(rt_utf8_width("Grüße", strlen("Grüße")), 5);
	CHECK_INT(rt_utf8_width("e\xCC\x81", 3), 1); /* e + combining acute */
	CHECK_INT(rt_utf8_width("東京", strlen("東京")), 4);
	CHECK_INT(rt_utf8_width("\xFF" "a", 2), 2); /* invalid byte: one column */
	CHECK_INT(rt_utf8_chars("„ü“", strlen("„ü“")), 3);
	CHECK_INT(rt_utf8_chars("\xC3\x28\xFF", 3), 3); /* an invalid byte: one each */

	/* encode is decode's inverse over the whole range */
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x800 ? 1 : 97)) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char buf[4];
		uint32_t back = 0;
		size_t n = rt_utf8_encode(cp, buf);
		if (rt_utf8_decode(buf, n, &back) != n || back != cp) {
			CHECK(!"encode/decode round trip");
			break;
		}
	}
	return check_done();
}
