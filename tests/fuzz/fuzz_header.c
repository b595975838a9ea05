/* The mail encoders: any bytes as a Subject (RFC 2047 words or folded
 * text), as a display name in an address header, and as a
 * quoted-printable body.  Headers: printable ASCII, folded lines of at
 * most 78, no CR or LF but folds, and they decode to exactly the input.
 * QP: lines of at most 76, no line starting with "." or "F", and it
 * decodes to the input with line ends as CRLF. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "retrason/mime.h"

static void subject(const char *s)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_mime_header_text(&b, "Subject", s);
	char *raw = fuzz_header_value(b.data, b.len, "Subject");
	char *v = fuzz_decode_words(raw);
	free(raw);
	if (strcmp(v, s))
		fuzz_fail("Subject does not decode to its text", b.data, b.len);
	free(v);
	rt_buf_finish(&b);
}

static void mailbox(const char *s)
{
	static const char addr[] = "someone@example.org";
	struct rt_buf b;
	rt_buf_init(&b);
	rt_mime_header_mailbox(&b, "To", s, addr);
	char *v = fuzz_header_value(b.data, b.len, "To");
	char *name = fuzz_display_name(v, addr);
	if (strcmp(name, s))
		fuzz_fail("display name does not decode to its text", b.data, b.len);
	free(name);
	free(v);
	rt_buf_finish(&b);
}

static void qp(const char *s, size_t n)
{
	struct rt_buf b, want, got;
	rt_buf_init(&b);
	rt_buf_init(&want);
	rt_buf_init(&got);
	rt_mime_qp(&b, s, n);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) {
			i += s[i] == '\r';
			rt_buf_adds(&want, "\r\n");
		} else {
			rt_buf_addc(&want, s[i]);
		}
	}
	size_t col = 0;
	for (size_t i = 0; i < b.len; i++) {
		char c = b.data[i];
		if (c == '\r') {
			if (i + 1 >= b.len || b.data[i + 1] != '\n')
				fuzz_fail("qp: bare CR", b.data, b.len);
			if (i && (b.data[i - 1] == ' ' || b.data[i - 1] == '\t'))
				fuzz_fail("qp: blank before a line end", b.data, b.len);
			i++;
			col = 0;
			rt_buf_adds(&got, "\r\n");
			continue;
		}
		if (col == 0 && (c == '.' || c == 'F'))
			fuzz_fail("qp: a line starts with '.' or 'F'", b.data, b.len);
		if ((unsigned char)c < 0x20 && c != '\t')
			fuzz_fail("qp: a control", b.data, b.len);
		if ((unsigned char)c > 0x7e)
			fuzz_fail("qp: not ASCII", b.data, b.len);
		if (++col > 76)
			fuzz_fail("qp: a line longer than 76", b.data, b.len);
		if (c == '=') {
			if (i + 2 < b.len && b.data[i + 1] == '\r' && b.data[i + 2] == '\n') {
				i += 2;
				col = 0;
				continue;
			}
			if (i + 2 >= b.len || !strchr("0123456789ABCDEF", b.data[i + 1]) ||
			    !strchr("0123456789ABCDEF", b.data[i + 2]) || !b.data[i + 1] || !b.data[i + 2])
				fuzz_fail("qp: bad =XX", b.data, b.len);
			char hex[3] = {b.data[i + 1], b.data[i + 2], 0};
			rt_buf_addc(&got, (char)strtol(hex, NULL, 16));
			i += 2;
			col += 2;
			continue;
		}
		rt_buf_addc(&got, c);
	}
	/* The encoder ends the last line. */
	if (want.len && (want.len < 2 || memcmp(want.data + want.len - 2, "\r\n", 2)))
		rt_buf_adds(&want, "\r\n");
	if (got.len != want.len || (got.len && memcmp(got.data, want.data, got.len)))
		fuzz_fail("qp does not decode to its input", b.data, b.len);
	rt_buf_finish(&b);
	rt_buf_finish(&want);
	rt_buf_finish(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 65536)
		return 0;
	const char *body = (const char *)data + 1;
	size_t n = size - 1;
	char *s = strndup(body, n); /* a C string: up to the first NUL */
	if (!s)
		abort();
	switch (data[0] % 3) {
	case 0: subject(s); break;
	case 1: mailbox(s); break;
	case 2: qp(body, n); break;
	}
	free(s);
	return 0;
}
