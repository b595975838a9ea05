#include <stdlib.h>

#include "check.h"
#include "retrason/mime.h"

static char *enc(void (*f)(struct rt_buf *, const char *, size_t), const char *s)
{
	struct rt_buf b;
	rt_buf_init(&b);
	f(&b, s, strlen(s));
	return rt_buf_steal(&b);
}

/* Every line break is CRLF, and every one but the last is a fold. */
static int only_folds(const char *s)
{
	const char *end = s + strlen(s);
	for (const char *p = s; *p; p++) {
		if (*p == '\n' && (p == s || p[-1] != '\r'))
			return 0;
		if (*p == '\r' && (p[1] != '\n' || (p + 2 < end && p[2] != ' ')))
			return 0;
	}
	return 1;
}

static size_t longest_line(const char *s)
{
	size_t best = 0, cur = 0;
	for (; *s; s++) {
		if (*s == '\r' || *s == '\n') {
			cur = 0;
			continue;
		}
		if (++cur > best)
			best = cur;
	}
	return best;
}

int main(void)
{
	static const struct {
		const char *in, *want;
	} b64[] = {
		{"", ""},          {"f", "Zg==\r\n"},        {"fo", "Zm8=\r\n"},
		{"foo", "Zm9v\r\n"}, {"foobar", "Zm9vYmFy\r\n"},
	};
	for (size_t i = 0; i < sizeof(b64) / sizeof(b64[0]); i++) {
		char *got = enc(rt_mime_base64, b64[i].in);
		CHECK_STR(got, b64[i].want);
		free(got);
	}

	static const struct {
		const char *in, *want;
	} qp[] = {
		{"a=b", "a=3Db\r\n"},
		{"trailing \nnext", "trailing=20\r\nnext\r\n"},
		{"From here\r\n.dot", "=46rom here\r\n=2Edot\r\n"},
		{"Grüße", "Gr=C3=BC=C3=9Fe\r\n"},
		{"tab\tin", "tab\tin\r\n"},
	};
	for (size_t i = 0; i < sizeof(qp) / sizeof(qp[0]); i++) {
		char *got = enc(rt_mime_qp, qp[i].in);
		CHECK_STR(got, qp[i].want);
		free(got);
	}
	char longline[400];
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	char *q = enc(rt_mime_qp, longline);
	CHECK(longest_line(q) <= 76);
	free(q);

	struct rt_buf h;
	rt_buf_init(&h);
	rt_mime_header_text(&h, "Subject", "Plain ASCII subject");
	CHECK_STR(rt_buf_str(&h), "Subject: Plain ASCII subject\r\n");

	/* Header injection: CR and LF in a value are encoded, never raw. */
	rt_buf_reset(&h);
	rt_mime_header_text(&h, "Subject", "Hi\r\nBcc: everyone@example.org");
	CHECK(only_folds(rt_buf_str(&h)));
	CHECK(strstr(rt_buf_str(&h), "=0D=0A") != NULL);
	CHECK(strstr(rt_buf_str(&h), "\nBcc") == NULL);

	/* Long words and long UTF-8 text fold into lines of at most 78. */
	char word[300];
	memset(word, 'W', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	const char *values[] = {
		word,
		"Workshop zur „Strategiebildung für die infrastrukturelle Transformation in "
		"SüdOstNiedersachsen“ – Mo., 5. Dez. 2022 16:00",
		"開会の挨拶と基調講演：持続可能な交通インフラの未来について開会の挨拶と基調講演",
		"a =?utf-8?q?fake?= word",
	};
	for (size_t i = 0; i < 4; i++) {
		rt_buf_reset(&h);
		rt_mime_header_text(&h, "Subject", values[i]);
		CHECK(only_folds(rt_buf_str(&h)));
		CHECK(longest_line(rt_buf_str(&h)) <= 78);
	}
	rt_buf_reset(&h);
	rt_mime_header_text(&h, "Subject", values[3]);
	CHECK(strncmp(rt_buf_str(&h), "Subject: =?UTF-8?Q?", 19) == 0);

	rt_buf_reset(&h);
	rt_mime_header_mailbox(&h, "To", "Doe, Jane", "jane@example.org");
	CHECK_STR(rt_buf_str(&h), "To: \"Doe, Jane\" <jane@example.org>\r\n");
	rt_buf_reset(&h);
	rt_mime_header_mailbox(&h, "To", "Say \"hi\"", "a@b.c");
	CHECK_STR(rt_buf_str(&h), "To: \"Say \\\"hi\\\"\" <a@b.c>\r\n");
	rt_buf_reset(&h);
	rt_mime_header_mailbox(&h, "To", "Jane Doe", "jane@example.org");
	CHECK_STR(rt_buf_str(&h), "To: Jane Doe <jane@example.org>\r\n");
	rt_buf_reset(&h);
	rt_mime_header_mailbox(&h, "To", NULL, "jane@example.org");
	CHECK_STR(rt_buf_str(&h), "To: <jane@example.org>\r\n");
	rt_buf_reset(&h);
	rt_mime_header_mailbox(&h, "To", "Jörg\r\nBcc: x@y.z", "j@example.de");
	CHECK(only_folds(rt_buf_str(&h)));
	CHECK(strstr(rt_buf_str(&h), "\nBcc") == NULL);
	rt_buf_finish(&h);
	/* Decoding: back to the input from what the encoders write, and
	 * what mailers send besides. */
	static const char *const round[] = {"", "f", "fo", "foo", "Grüße\r\nline two ",
					    "a=b\tc\r\n.dot\r\nFrom x"};
	for (size_t i = 0; i < sizeof(round) / sizeof(round[0]); i++) {
		struct rt_buf e, d;
		rt_buf_init(&e);
		rt_buf_init(&d);
		rt_mime_base64(&e, round[i], strlen(round[i]));
		rt_mime_base64_decode(&d, e.data ? e.data : "", e.len);
		CHECK_STR(rt_buf_str(&d), round[i]);
		rt_buf_reset(&e);
		rt_buf_reset(&d);
		rt_mime_qp(&e, round[i], strlen(round[i]));
		rt_mime_qp_decode(&d, e.data ? e.data : "", e.len);
		/* rt_mime_qp ends the text with a line break */
		struct rt_buf want;
		rt_buf_init(&want);
		rt_buf_adds(&want, round[i]);
		if (*round[i])
			rt_buf_adds(&want, "\r\n");
		CHECK_STR(rt_buf_str(&d), rt_buf_str(&want));
		rt_buf_finish(&want);
		rt_buf_finish(&e);
		rt_buf_finish(&d);
	}
	static const struct {
		int qp;
		const char *in, *want;
	} dec[] = {
		{0, "Zm9v\r\nYmFy", "foobar"},
		{0, "Zm9 v*Ym\nFy==trailing", "foobar"},
		{0, "Zg", "f"},
		{0, "Z", ""},
		{1, "soft=\r\nbreak", "softbreak"},
		{1, "soft=\nbreak=  \n", "softbreak"},
		{1, "lower =c3=bc", "lower \xc3\xbc"},
		{1, "bad =G1 =4", "bad =G1 =4"},
		{1, "blanks   \r\nkept\n", "blanks\r\nkept\n"},
		{1, "=", ""},
	};
	for (size_t i = 0; i < sizeof(dec) / sizeof(dec[0]); i++) {
		struct rt_buf d;
		rt_buf_init(&d);
		(dec[i].qp ? rt_mime_qp_decode : rt_mime_base64_decode)(&d, dec[i].in,
									  strlen(dec[i].in));
		CHECK_STR(rt_buf_str(&d), dec[i].want);
		rt_buf_finish(&d);
	}
	return check_done();
}
