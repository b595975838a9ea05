/* src/ical/fold.c: libical's text folded again, whole or in pieces. */
#include <stdlib.h>

#include "check.h"
#include "retrason/buf.h"
#include "src/ical/fold.h"

#define A10 "aaaaaaaaaa"
#define A70 A10 A10 A10 A10 A10 A10 A10
#define X10 "xxxxxxxxxx"
#define X67 X10 X10 X10 X10 X10 X10 "xxxxxxx"

/* in, fed in pieces of step bytes (0: whole), refolded. */
static char *fold(const char *in, size_t step)
{
	struct rt_buf out;
	struct rt_ical_fold f;
	rt_buf_init(&out);
	rt_ical_fold_init(&f, &out);
	size_t len = strlen(in);
	for (size_t i = 0; i < len; i += step ? step : len)
		rt_ical_fold_add(&f, in + i, step && len - i > step ? step : len - i);
	rt_ical_fold_finish(&f);
	return rt_buf_steal(&out);
}

static const struct {
	const char *in, *want;
} rows[] = {
	{"", ""},
	{"SUMMARY:short\r\n", "SUMMARY:short\r\n"},
	/* What libical 3.0 writes for a line whose end fills 75 octets. */
	{"SUMMARY:\r\n " X67 "xxxxxx\r\r\n \n", "SUMMARY:" X67 "\r\n xxxxxx\r\n"},
	{"A:b\nC:d\n", "A:b\r\nC:d\r\n"},
	{"A:abc\r\n def\r\n\tghi\r\n", "A:abcdefghi\r\n"},
	{"A:b\r\n\r\nC:d\r\n", "A:b\r\n\r\nC:d\r\n"},
	{"A:b\rc\r\n", "A:bc\r\n"},
	{"A:no line end", "A:no line end\r\n"},
	{"X:" A70 "aaaaaaa\r\n", "X:" A70 "aaa\r\n aaaa\r\n"},
	/* An escape pair is not split; nor is a character. */
	{"X:" A70 "aa\\,b\r\n", "X:" A70 "aa\r\n \\,b\r\n"},
	{"X:" A70 "a\\\\\\,\r\n", "X:" A70 "a\\\\\r\n \\,\r\n"},
	{"X:" A70 "a\\\\,\r\n", "X:" A70 "a\\\\\r\n ,\r\n"},
	{"X:" A70 "aa\xC3\xA4\r\n", "X:" A70 "aa\r\n \xC3\xA4\r\n"},
	{"X:" A70 "a\xF0\x9F\x98\x80!\r\n", "X:" A70 "a\r\n \xF0\x9F\x98\x80!\r\n"},
	{"X:" A70 "\xE2\x80\x94\r\n", "X:" A70 "\xE2\x80\x94\r\n"},
};

int main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		/* Whole, byte by byte, and in pieces of 7: the same. */
		static const size_t steps[] = {0, 1, 7};
		for (size_t s = 0; s < sizeof(steps) / sizeof(steps[0]); s++) {
			char *got = fold(rows[i].in, steps[s]);
			CHECK_STR(got, rows[i].want);
			free(got);
		}
	}

	/* A value in pieces after the property libical wrote with the first. */
	struct rt_buf out;
	struct rt_ical_fold f;
	rt_buf_init(&out);
	rt_ical_fold_init(&f, &out);
	rt_ical_fold_add(&f, "BEGIN:VEVENT\r\nDESCRIPTION:first\r\n", 33);
	rt_ical_fold_join(&f);
	rt_ical_fold_add(&f, " " A10, 11);
	rt_ical_fold_add(&f, "\\nlast", 6);
	rt_ical_fold_add(&f, "\r\nEND:VEVENT\r\n", 14);
	rt_ical_fold_finish(&f);
	CHECK_STR(rt_buf_str(&out),
		  "BEGIN:VEVENT\r\nDESCRIPTION:first aaaaaaaaaa\\nlast\r\nEND:VEVENT\r\n");
	rt_buf_finish(&out);
	return check_done();
}
