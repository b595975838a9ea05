/* The send journal: its grammar (every field checked, every bad line a
 * diagnostic), a cut-off last line, the recipients' states, and the plan
 * made from them (retrason/journal.h, retrason/plan.h). */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "retrason/journal.h"
#include "retrason/plan.h"

static char path[4096];

static void put(const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static char *slurp(void)
{
	FILE *f = fopen(path, "rb");
	static char buf[8192];
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
	return buf;
}

/* Whether some diagnostic is at line:col (1-based, bytes) and says what. */
static bool diag_at(const struct rt_journal *j, unsigned line, size_t col, const char *what)
{
	for (size_t i = 0; i < j->diags.n; i++) {
		const struct rt_diag *d = &j->diags.v[i];
		if (d->line == line && d->offset - d->line_start + 1 == col &&
		    strstr(d->message, what))
			return true;
	}
	return false;
}

static void test_grammar(void)
{
	put("version\tu@x\t0\tm1:00112233445566ff\t1700000000\n"
	    /* a second recipient hidden in the address */
	    "sent\tu@x\t0\tREQUEST\told@example.org>, <eve@evil.example\t<m@x>\t1700000001\n"
	    /* a SEQUENCE past int */
	    "sent\tu@x\t99999999999999999999\tREQUEST\ta@example.org\t<m@x>\t1\n"
	    "sent\tu@x\t2147483647\tREQUEST\ta@example.org\t<m@x>\t1\n"
	    /* a glued fragment: too many fields */
	    "sent\tu@x\t0\tREQUEST\tbo@exsent\tu@x\t0\tREQUEST\tcy@example.org\t<m3@x>\t1\n"
	    "sent\tu@x\t0\tINVITE\ta@example.org\t<m@x>\t1\n"
	    "failed\tu@x\t0\tREQUEST\ta@example.org\tmaybe\t1\twhy\n"
	    "bogus\tline\n"
	    "sent\tu@x\t0\tREQUEST\ta@example.org\t<m@x>\t\n");
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_BAD);
	CHECK(diag_at(&j, 2, 37, "recipient address"));
	CHECK(diag_at(&j, 3, 10, "invalid SEQUENCE"));
	CHECK(diag_at(&j, 4, 10, "invalid SEQUENCE"));
	CHECK(diag_at(&j, 5, 1 + strlen("sent\tu@x\t0\tREQUEST\tbo@exsent\tu@x\t0\t"),
		      "has 7 fields"));
	CHECK(diag_at(&j, 6, 12, "unknown method 'INVITE'"));
	CHECK(diag_at(&j, 7, 1 + strlen("failed\tu@x\t0\tREQUEST\ta@example.org\t"),
		      "unknown failure"));
	CHECK(diag_at(&j, 8, 1, "unknown journal record"));
	CHECK(diag_at(&j, 9, 1 + strlen("sent\tu@x\t0\tREQUEST\ta@example.org\t<m@x>\t"),
		      "invalid time"));
	CHECK_INT(j.diags.errors, 8);
	CHECK_INT(j.npeople, 0); /* no bad line is anybody */
	rt_journal_close(&j);
}

static void test_torn_tail(void)
{
	put("version\tu@x\t0\tm1:00112233445566ff\t1700000000\n"
	    "sent\tu@x\t0\tREQUEST\tann@example.org\t<m1@x>\t1700000001\n"
	    "sent\tu@x\t0\tREQUEST\teve@exa");
	struct rt_journal j;
	int err;
	/* A reader ignores it ... */
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	CHECK_INT(j.npeople, 1);
	CHECK(rt_journal_find(&j, "u@x", "ANN@example.org") != NULL);
	CHECK(rt_journal_find(&j, "u@x", "eve@exa") == NULL);
	rt_journal_close(&j);
	/* ... a writer drops it, so the next record is a line of its own. */
	CHECK_INT(rt_journal_open(&j, path, true, &err), RT_JOURNAL_OK);
	rt_journal_add_sent(&j, "u@x", 0, RT_JM_REQUEST, "fay@example.org", "<m5@x>", 1700000002);
	CHECK_INT(rt_journal_sync(&j), 0);
	rt_journal_close(&j);
	CHECK(strstr(slurp(), "<m1@x>\t1700000001\nsent\tu@x\t0\tREQUEST\tfay@example.org\t") !=
	      NULL);
	CHECK(!strstr(slurp(), "eve@"));
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	CHECK_INT(j.npeople, 2);
	rt_journal_close(&j);
}

/* A server's reply goes into the journal as one clean field. */
static void test_reason(void)
{
	unlink(path);
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, true, &err), RT_JOURNAL_OK);
	rt_journal_add_version(&j, "u@x", 0, "m1:000000000000000a", 1700000000);
	rt_journal_add_intent(&j, "u@x", 0, RT_JM_REQUEST, "a@example.org", 1700000000);
	rt_journal_add_failed(&j, "u@x", 0, RT_JM_REQUEST, "a@example.org", true,
			      "550 5.1.1\r\nsent\tu@x\t0\tREQUEST\teve@evil.example\t<x>\t1\n\xff",
			      1700000000);
	CHECK_INT(rt_journal_sync(&j), 0);
	rt_journal_close(&j);
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	CHECK_INT(j.npeople, 1);
	CHECK_INT(j.nrec, 3);
	if (j.nrec == 3) {
		CHECK(j.rec[2].permanent);
		CHECK(!strchr(j.rec[2].detail, '\t') && !strchr(j.rec[2].detail, '\n'));
		CHECK(strstr(j.rec[2].detail, "550 5.1.1") == j.rec[2].detail);
	}
	rt_journal_close(&j);
	/* A writer that wrote nothing leaves no file behind. */
	unlink(path);
	CHECK_INT(rt_journal_open(&j, path, true, &err), RT_JOURNAL_OK);
	rt_journal_close(&j);
	CHECK(access(path, F_OK) != 0);
}

/* A journal this retrason wrote (it has the header): well-formed lines
 * out of its order are refused too. */
static void test_order(void)
{
	put("# retrason send journal: one line a message (see retrason(1), JOURNAL)\n"
	    "version\tu@x\t0\tm1:000000000000000a\t1\n"
	    "intent\tu@x\t0\tREQUEST\ta@example.org\t1\n"
	    "sent\tu@x\t0\tREQUEST\ta@example.org\t<1@x>\t1\n"
	    /* a recipient added by hand: no intent */
	    "sent\tu@x\t0\tREQUEST\teve@evil.example\t<2@x>\t1\n"
	    /* another fingerprint for SEQUENCE 0 */
	    "version\tu@x\t0\tm1:000000000000000b\t1\n"
	    /* an intent at a SEQUENCE no version gives */
	    "intent\tu@x\t7\tREQUEST\tb@example.org\t1\n"
	    /* an outcome of another method than its intent */
	    "intent\tu@x\t0\tREQUEST\tc@example.org\t1\n"
	    "sent\tu@x\t0\tCANCEL\tc@example.org\t<3@x>\t1\n");
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_BAD);
	CHECK(diag_at(&j, 5, 1, "a 'sent' record without its intent"));
	CHECK(diag_at(&j, 6, 15, "SEQUENCE 0 already has the fingerprint"));
	CHECK(diag_at(&j, 7, 12, "no version line before gives SEQUENCE 7"));
	CHECK(diag_at(&j, 9, 1, "a 'sent' record without its intent"));
	CHECK_INT(j.diags.errors, 4);
	CHECK(rt_journal_find(&j, "u@x", "eve@evil.example") == NULL);
	rt_journal_close(&j);
}

static struct rt_recipients list_of(const char *text)
{
	struct rt_recipients r;
	struct rt_diags d;
	rt_diags_init(&d, "list", text, strlen(text));
	rt_recipients_parse(text, strlen(text), &r, &d);
	CHECK_INT(d.errors, 0);
	rt_diags_finish(&d);
	return r;
}

static void test_plan(void)
{
	/* Three invited at 0; carl withdrawn at 1; dora cancelled at 2. */
	put("version\tu@x\t0\tm1:000000000000000a\t1\n"
	    "sent\tu@x\t0\tREQUEST\tann@example.org\t<1@x>\t1\n"
	    "sent\tu@x\t0\tREQUEST\tbob@example.org\t<2@x>\t1\n"
	    "sent\tu@x\t0\tREQUEST\tcarl@example.org\t<3@x>\t1\n"
	    "failed\tu@x\t0\tREQUEST\tnever@example.org\ttemporary\t1\t451 later\n"
	    "version\tu@x\t1\twithdrawn\t2\n"
	    "sent\tu@x\t1\tWITHDRAW\tcarl@example.org\t<4@x>\t2\n");
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	struct rt_recipients late = list_of("late@example.org\n");
	struct rt_plan p;
	struct rt_plan_opts o = {.sequence = -1};

	/* A short list: one invitation; the others stay invited. */
	rt_plan_make(&p, &j, "u@x", "m1:000000000000000a", &late, &o);
	CHECK_INT(p.n, 1);
	CHECK_INT(p.count[RT_PLAN_INVITE], 1);
	CHECK_INT(p.sequence, 0);
	CHECK(!p.new_version);
	CHECK_INT(p.nkept, 2);
	CHECK_INT(p.done, 1); /* carl: withdrawn, and stays so */
	rt_plan_finish(&p);

	/* Asked for: the two are withdrawn, past the highest SEQUENCE. */
	o.remove_missing = true;
	rt_plan_make(&p, &j, "u@x", "m1:000000000000000a", &late, &o);
	CHECK_INT(p.count[RT_PLAN_WITHDRAW], 2);
	CHECK_INT(p.withdraw_sequence, 2);
	CHECK_INT(p.n, 3);
	if (p.n == 3)
		CHECK_INT(p.v[1].sequence, 2);
	rt_plan_finish(&p);
	o.remove_missing = false;

	/* carl back on the list: invited again, above his withdrawal; ann
	 * has this version; never (only failures) gets an invitation. */
	struct rt_recipients back =
		list_of("ann@example.org\nCarl <carl@example.org>\nnever@example.org\n");
	rt_plan_make(&p, &j, "u@x", "m1:000000000000000a", &back, &o);
	CHECK_INT(p.count[RT_PLAN_INVITE], 2);
	CHECK_INT(p.count[RT_PLAN_UPDATE], 0);
	CHECK_INT(p.unchanged, 1);
	CHECK_INT(p.sequence, 2);
	CHECK(p.new_version);
	rt_plan_finish(&p);

	/* The agenda changed: ann an update, at the next SEQUENCE. */
	rt_plan_make(&p, &j, "u@x", "m1:000000000000000b", &back, &o);
	CHECK_INT(p.count[RT_PLAN_UPDATE], 1);
	CHECK_INT(p.count[RT_PLAN_INVITE], 2);
	CHECK_INT(p.sequence, 2);
	rt_plan_finish(&p);

	/* A cancellation: everyone invited (ann, bob), nobody withdrawn. */
	o.cancel = true;
	struct rt_recipients none = {0};
	rt_plan_make(&p, &j, "u@x", "cancelled", &none, &o);
	CHECK_INT(p.count[RT_PLAN_CANCEL], 2);
	CHECK_INT(p.sequence, 2);
	CHECK_INT(p.done, 1);
	rt_plan_finish(&p);

	rt_recipients_finish(&late);
	rt_recipients_finish(&back);
	rt_journal_close(&j);
}

#define HEAD "# retrason send journal: one line a message (see retrason(1), JOURNAL)\n"

static void test_reply_grammar(void)
{
	put(HEAD
	    /* before any version */
	    "reply\tu@x\t0\ta@example.org\tACCEPTED\t-\t0\t-\t1\t\t\n"
	    "version\tu@x\t0\tm1:000000000000000a\t1\n"
	    "reply\tu@x\t0\ta@example.org\tMAYBE\t-\t0\t-\t1\t\t\n"
	    "reply\tu@x\t0\ta@example.org\tACCEPTED\tsoon\t1001\tnot an address\t1\t<x\t\\q\n"
	    "counter\tu@x\t0\ta@example.org\t12x\t-\t-\t1\t\t\n"
	    "mailbox\tu@x\tpop3://host/INBOX\t0\t-1\t1\n"
	    /* a good one of each */
	    "reply\tu@x\t0\tb@example.org\tDECLINED\t100\t2\t-\t1\t<r@x>\tsorry\\\\no\n"
	    "counter\tu@x\t0\tb@example.org\t1700000000\t1700003600\t100\t1\t\tlater?\n"
	    "mailbox\tu@x\timaps://org@mail.example/INBOX\t7\t42\t1\n");
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_BAD);
	CHECK(diag_at(&j, 2, 7, "a 'reply' record before any version"));
	CHECK(diag_at(&j, 4, 1 + strlen("reply\tu@x\t0\ta@example.org\t"), "unknown answer 'MAYBE'"));
	CHECK(diag_at(&j, 5, 1 + strlen("reply\tu@x\t0\ta@example.org\tACCEPTED\t"), "invalid DTSTAMP"));
	CHECK(diag_at(&j, 5, 1 + strlen("reply\tu@x\t0\ta@example.org\tACCEPTED\tsoon\t"), "invalid guests"));
	CHECK(diag_at(&j, 5, 1 + strlen("reply\tu@x\t0\ta@example.org\tACCEPTED\tsoon\t1001\tnot"), "recipient address"));
	CHECK(diag_at(&j, 5, 1 + strlen("reply\tu@x\t0\ta@example.org\tACCEPTED\tsoon\t1001\tnot an address\t1\t"), "invalid Message-ID"));
	CHECK(diag_at(&j, 5, 1 + strlen("reply\tu@x\t0\ta@example.org\tACCEPTED\tsoon\t1001\tnot an address\t1\t<x\t"), "invalid escape in a comment"));
	CHECK(diag_at(&j, 6, 1 + strlen("counter\tu@x\t0\ta@example.org\t"), "invalid proposed start"));
	CHECK(diag_at(&j, 7, 1 + strlen("mailbox\tu@x\t"), "invalid mailbox source"));
	CHECK(diag_at(&j, 7, 1 + strlen("mailbox\tu@x\tpop3://host/INBOX\t"), "invalid UIDVALIDITY"));
	CHECK(diag_at(&j, 7, 1 + strlen("mailbox\tu@x\tpop3://host/INBOX\t0\t"), "invalid UID"));
	CHECK_INT(j.diags.errors, 11);
	rt_journal_close(&j);

	/* The good lines alone read. */
	put(HEAD "version\tu@x\t0\tm1:000000000000000a\t1\n"
	    "reply\tu@x\t0\tb@example.org\tDECLINED\t100\t2\t-\t1\t<r@x>\tsorry\\\\no\n"
	    "counter\tu@x\t0\tb@example.org\t1700000000\t1700003600\t100\t1\t\tlater?\n"
	    "mailbox\tu@x\timaps://org@mail.example/INBOX\t7\t42\t1\n");
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	const struct rt_journal_person *b = rt_journal_find(&j, "u@x", "B@Example.org");
	CHECK(b != NULL);
	if (b) {
		CHECK(b->last == RT_JOURNAL_NO_RECORD); /* never invited */
		CHECK(b->state == RT_JS_NONE);
		CHECK(b->answer != RT_JOURNAL_NO_RECORD && b->proposal != RT_JOURNAL_NO_RECORD);
		if (b->answer != RT_JOURNAL_NO_RECORD) {
			const struct rt_journal_record *r = &j.rec[b->answer];
			CHECK_INT(r->partstat, RT_PS_DECLINED);
			CHECK_INT(r->guests, 2);
			CHECK_INT(r->dtstamp, 100);
			CHECK_STR(r->comment, "sorry\\no");
			CHECK_STR(r->detail, "<r@x>");
		}
		if (b->proposal != RT_JOURNAL_NO_RECORD)
			CHECK_INT(j.rec[b->proposal].end, 1700003600);
	}
	unsigned long v = 0, last = 0;
	CHECK(rt_journal_mailbox(&j, "u@x", "imaps://org@mail.example/INBOX", &v, &last));
	CHECK_INT(v, 7);
	CHECK_INT(last, 42);
	CHECK(!rt_journal_mailbox(&j, "u@x", "imaps://other/INBOX", &v, &last));
	rt_journal_close(&j);
}

static struct rt_reply answer(const char *addr, enum rt_partstat ps, int seq, long long stamp)
{
	return (struct rt_reply){.kind = RT_REPLY_ANSWER, .uid = "u@x", .addr = addr,
				 .partstat = ps, .sequence = seq, .dtstamp = stamp,
				 .proposed_start = -1, .proposed_end = -1};
}

/* Answers by (SEQUENCE, DTSTAMP), not by arrival; the same mail twice
 * changes nothing; a reply's SEQUENCE takes no number from the event. */
static void test_reply_order(void)
{
	put(HEAD "version\tu@x\t0\tm1:000000000000000a\t1\n"
	    "intent\tu@x\t0\tREQUEST\tann@example.org\t1\n"
	    "sent\tu@x\t0\tREQUEST\tann@example.org\t<1@x>\t1\n");
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, true, &err), RT_JOURNAL_OK);
	struct rt_reply a = answer("Ann@example.org", RT_PS_ACCEPTED, 0, 200);
	a.comment = "see\tyou\nsoon\x1b[31m\xc2\x85\xe2\x80\xa8!";
	a.guests = 5000;
	CHECK(rt_journal_add_reply(&j, "u@x", &a, "<a@x>", 10));
	CHECK(!rt_journal_add_reply(&j, "u@x", &a, "<a@x>", 11)); /* read again */
	struct rt_reply older = answer("ann@example.org", RT_PS_DECLINED, 0, 100);
	CHECK(!rt_journal_add_reply(&j, "u@x", &older, "<b@x>", 12)); /* late, older */
	struct rt_reply big = answer("ann@example.org", RT_PS_TENTATIVE, 999999, -1);
	CHECK(rt_journal_add_reply(&j, "u@x", &big, "not an id", 13));
	CHECK_INT(rt_journal_max_sequence(&j, "u@x"), 0);
	struct rt_reply bad = answer("ann@example.org>, <eve@evil.example", RT_PS_ACCEPTED, 9, 9);
	CHECK(!rt_journal_add_reply(&j, "u@x", &bad, NULL, 14));
	rt_journal_add_mailbox(&j, "u@x", "imap://127.0.0.1:1143/INBOX", 3, 17, 15);
	rt_journal_add_mailbox(&j, "u@x", "imap://127.0.0.1:1143/INBOX", 3, 19, 16);
	rt_journal_add_mailbox(&j, "u@x", "imap://host/IN\tBOX", 3, 19, 16); /* not a source */
	CHECK_INT(rt_journal_sync(&j), 0);
	rt_journal_close(&j);

	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	CHECK_INT(j.diags.errors, 0);
	const struct rt_journal_person *p = rt_journal_find(&j, "u@x", "ann@example.org");
	CHECK(p && p->state == RT_JS_INVITED && p->answer != RT_JOURNAL_NO_RECORD);
	if (p && p->answer != RT_JOURNAL_NO_RECORD) {
		const struct rt_journal_record *r = &j.rec[p->answer];
		CHECK_INT(r->partstat, RT_PS_TENTATIVE);
		CHECK_INT(r->sequence, 999999);
		CHECK_STR(r->detail, "");
	}
	CHECK_INT(rt_journal_max_sequence(&j, "u@x"), 0);
	unsigned long v = 0, last = 0;
	CHECK(rt_journal_mailbox(&j, "u@x", "imap://127.0.0.1:1143/INBOX", &v, &last));
	CHECK_INT(last, 19);
	CHECK_INT(j.nmailboxes, 1);
	/* The first answer's comment came in as one line of text. */
	CHECK(strstr(slurp(), "\tsee you soon[31m !\n") != NULL);
	CHECK(strstr(slurp(), "\t1000\t-\t10\t<a@x>\t") != NULL);
	rt_journal_close(&j);
}

/* Compaction keeps each person's answer and proposal, and the mailbox. */
static void test_reply_compaction(void)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_adds(&b, HEAD "version\tu@x\t0\tm1:000000000000000a\t1\n"
		    "intent\tu@x\t0\tREQUEST\tann@example.org\t1\n"
		    "sent\tu@x\t0\tREQUEST\tann@example.org\t<1@x>\t1\n"
		    "reply\tu@x\t0\tann@example.org\tACCEPTED\t100\t1\t-\t2\t<r@x>\tyes\n"
		    "counter\tu@x\t0\tann@example.org\t5\t6\t100\t2\t\t\n"
		    "reply\tu@x\t0\tguest@example.org\tACCEPTED\t100\t0\t-\t2\t\t\n"
		    "mailbox\tu@x\timap://127.0.0.1/INBOX\t1\t5\t2\n");
	for (int i = 0; i < 3000; i++)
		rt_buf_adds(&b, "intent\tu@x\t0\tREQUEST\tbob@example.org\t3\n"
			    "failed\tu@x\t0\tREQUEST\tbob@example.org\ttemporary\t3\t451 later\n");
	put(rt_buf_str(&b));
	rt_buf_finish(&b);
	struct rt_journal j;
	int err;
	CHECK_INT(rt_journal_open(&j, path, true, &err), RT_JOURNAL_OK);
	rt_journal_close(&j);
	CHECK_INT(rt_journal_open(&j, path, false, &err), RT_JOURNAL_OK);
	CHECK(j.nrec < 20); /* compacted */
	const struct rt_journal_person *p = rt_journal_find(&j, "u@x", "ann@example.org");
	CHECK(p && p->answer != RT_JOURNAL_NO_RECORD && p->proposal != RT_JOURNAL_NO_RECORD);
	if (p && p->answer != RT_JOURNAL_NO_RECORD)
		CHECK_STR(j.rec[p->answer].comment, "yes");
	CHECK(rt_journal_find(&j, "u@x", "guest@example.org") != NULL);
	unsigned long v = 0, last = 0;
	CHECK(rt_journal_mailbox(&j, "u@x", "imap://127.0.0.1/INBOX", &v, &last) && last == 5);
	rt_journal_close(&j);
}

int main(void)
{
	char dir[] = "/tmp/retrason-journal-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/j.journal", dir);
	test_grammar();
	test_torn_tail();
	test_reason();
	test_order();
	test_plan();
	test_reply_grammar();
	test_reply_order();
	test_reply_compaction();
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
