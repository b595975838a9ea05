/* The send journal's reading of damaged files. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "retrason/journal.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	static char buf[4096];
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
	return buf;
}

static void test_torn_lines(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/j.journal", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	fputs("version\tu@x\t0\tfp\t1700000000\n"
	      "sent\tu@x\t0\tREQUEST\tann@example.org\t<m1@x>\t1700000001\n"
	      /* cut in the address, then glued to a later record */
	      "sent\tu@x\t0\tREQUEST\tbo@exsent\tu@x\t0\tREQUEST\tcy@example.org\t<m3@x>\t1\n"
	      /* all fields but the time */
	      "sent\tu@x\t0\tREQUEST\tdee@example.org\t<m4@x>\t\n"
	      /* the last line, without its newline */
	      "sent\tu@x\t0\tREQUEST\teve@exa",
	      f);
	fclose(f);

	/* `invite status` reads the same records as a re-run. */
	struct rt_journal_entry *e;
	size_t n;
	CHECK_INT(rt_journal_read(path, &e, &n), 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(e[0].kind, "version");
		CHECK_STR(e[1].address, "ann@example.org");
	}
	rt_journal_entries_free(e, n);

	struct rt_journal j;
	CHECK_INT(rt_journal_open(&j, path, false), 0);
	CHECK(rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "ann@example.org"));
	CHECK(!rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "eve@exa"));
	CHECK(!rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "dee@example.org"));
	CHECK(!rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "bo@exsent"));
	/* Only whole records count as invitations (a CANCEL would go to
	 * whoever is invited but no longer listed). */
	for (size_t i = 0; i < j.ninvited; i++)
		CHECK(!strstr(j.invited[i], "eve@") && !strstr(j.invited[i], "dee@"));
	CHECK_INT(j.nversions, 1);

	/* The next record starts a line of its own. */
	CHECK_INT(rt_journal_record(&j, "sent", "u@x", 0, "REQUEST", "fay@example.org", "<m5@x>",
				    1700000002),
		  0);
	CHECK_INT(rt_journal_sync(&j), 0);
	rt_journal_close(&j);
	CHECK(strstr(slurp(path), "\tREQUEST\teve@exa\nsent\tu@x\t0\tREQUEST\tfay@example.org\t") !=
	      NULL);
	CHECK_INT(rt_journal_open(&j, path, true), 0);
	CHECK(rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "fay@example.org"));
	CHECK(!rt_journal_was_sent(&j, "u@x", 0, "REQUEST", "eve@exa"));
	rt_journal_close(&j);
}

int main(void)
{
	char dir[] = "/tmp/retrason-journal-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	test_torn_lines(dir);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
