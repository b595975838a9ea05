#include "check.h"
#include "retrason/mailbox.h"
#include "retrason/xalloc.h"

static char *copy(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	return xstrndup(p, n);
}

static const struct {
	const char *in;
	const char *name, *addr; /* expected; addr NULL = refused */
	size_t err_off;
} rows[] = {
	{"jane@example.org", NULL, "jane@example.org", 0},
	{"Jane Doe <jane@example.org>", "Jane Doe", "jane@example.org", 0},
	{"\"Doe, Jane\" <jane@example.org>", "Doe, Jane", "jane@example.org", 0},
	{"\"Ann <The> Lee & Co\" <a@b.c>", "Ann <The> Lee & Co", "a@b.c", 0},
	{"\"Say \\\"hi\\\"\" <a@b.c>", "Say \"hi\"", "a@b.c", 0},
	{"  Müller, Jörg   <j.mueller@example.de>  ", "Müller, Jörg",
	 "j.mueller@example.de", 0},
	{"<only@addr.org>", NULL, "only@addr.org", 0},
	{"ReTraSON <retrason@allianz-fuer-die-region.de>", "ReTraSON",
	 "retrason@allianz-fuer-die-region.de", 0},
	{"jane", NULL, NULL, 0},
	{"jane@", NULL, NULL, 4},
	{"@example.org", NULL, NULL, 0},
	{"a@@b.org", NULL, NULL, 1},
	{"a b@c.org", NULL, NULL, 1},
	{"Jane <jane@example.org", NULL, NULL, 5},
	{"Jane <jane@example.org> extra", NULL, NULL, 23},
	{"\"Doe, Jane <jane@example.org>", NULL, NULL, 0},
	{"a..b@c.org", NULL, NULL, 1},
	{".a@c.org", NULL, NULL, 0},
	{"a@-c.org", NULL, NULL, 2},
	{"a@c..org", NULL, NULL, 4},
	{"jörg@example.de", NULL, NULL, 1},
	{"a@b.org\r\nBcc: x@y.org", NULL, NULL, 7},
	{"Eve\n <eve@x.org>", NULL, NULL, 3},
	{"Jane \"Q\" <q@x.org>", NULL, NULL, 5},
};

int main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct rt_mailbox m;
		struct rt_mailbox_error e;
		bool ok = rt_mailbox_parse(rows[i].in, strlen(rows[i].in), &m, &e, copy,
					   NULL);
		CHECK_INT(ok, rows[i].addr != NULL);
		if (ok) {
			CHECK_STR(m.name, rows[i].name);
			CHECK_STR(m.addr, rows[i].addr);
			free(m.name);
			free(m.addr);
		} else {
			if (e.offset != rows[i].err_off)
				fprintf(stderr, "row %zu: %s\n", i, e.message);
			CHECK_INT(e.offset, rows[i].err_off);
			CHECK(e.message != NULL);
		}
	}
	return check_done();
}
