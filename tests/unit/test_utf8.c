#include "check.h"
#include "retrason/buf.h"
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

	/* Text from outside made one clean line. */
	static const struct {
		const char *in;
		size_t max;
		const char *want;
	} clean_rows[] = {
		{"plain", 100, "plain"},
		{"  two\r\n\tlines \n", 100, "two lines"},
		{"a\x1b[2Jb\x7f\xc2\x9b" "c", 100, "a[2Jbc"},         /* ESC, DEL, C1 */
		{"x\xe2\x80\xae\xe2\x81\xa6y", 100, "xy"},       /* RLO, LRI */
		{"p\xe2\x80\xa8q\xc2\x85r", 100, "p q r"},        /* U+2028, NEL */
		{"bad\xff", 100, "bad\xef\xbf\xbd"},
		{"Gr\xc3\xbc\xc3\x9f" "e", 4, "Gr\xc3\xbc"},      /* cut between */
		{"ab  cd", 3, "ab"},                                /* no blank left at the end */
		{"\t\n", 10, ""},
	};
	for (size_t i = 0; i < sizeof(clean_rows) / sizeof(clean_rows[0]); i++) {
		struct rt_buf b;
		rt_buf_init(&b);
		size_t n = rt_utf8_clean(&b, clean_rows[i].in, strlen(clean_rows[i].in),
					 clean_rows[i].max);
		CHECK_STR(rt_buf_str(&b), clean_rows[i].want);
		CHECK_INT(n, strlen(clean_rows[i].want));
		rt_buf_finish(&b);
	}
	return check_done();
}
