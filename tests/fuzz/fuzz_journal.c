/* The send journal's reader: whatever the bytes, it never crashes or
 * hangs; its diagnostics are clean text; and a journal it accepts names
 * only checked addresses, SEQUENCEs in range and one-line fields, and
 * gives a plan (for nobody, and for everyone it names) whose messages
 * all go to people it knows, at SEQUENCEs that only grow; reminders go
 * only to people invited at the latest version who have not answered
 * it; answers and comments are one line of text without controls. */
#define _GNU_SOURCE /* memfd_create */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "retrason/journal.h"
#include "retrason/mailbox.h"
#include "retrason/plan.h"

static void plan_for(const struct rt_journal *j, const char *uid, const struct rt_recipients *list,
		     bool cancel, bool remove)
{
	struct rt_plan p;
	struct rt_plan_opts o = {.cancel = cancel, .remove_missing = remove, .sequence = -1};
	rt_plan_make(&p, j, uid, cancel ? "cancelled" : "m1:0123456789abcdef", list, &o);
	int max = rt_journal_max_sequence(j, uid);
	for (size_t i = 0; i < p.n; i++) {
		const struct rt_plan_entry *e = &p.v[i];
		struct rt_mailbox_error err;
		if (!rt_addr_check(e->who.addr, strlen(e->who.addr), &err))
			fuzz_fail("a plan for an unchecked address", e->who.addr, strlen(e->who.addr));
		if (e->sequence <= e->has)
			fuzz_fail("a message at or below the SEQUENCE its recipient has",
				  e->who.addr, strlen(e->who.addr));
		if (p.new_version && e->kind != RT_PLAN_WITHDRAW && e->sequence <= max)
			fuzz_fail("a new version at a SEQUENCE already used", uid, strlen(uid));
	}
	if (!remove && !cancel && p.count[RT_PLAN_WITHDRAW])
		fuzz_fail("a withdrawal nobody asked for", uid, strlen(uid));
	rt_plan_finish(&p);
}

/* A reminder for every version the journal has: only to the invited at
 * it, without an answer to it, at the SEQUENCE they have. */
static void remind_for(const struct rt_journal *j, const char *uid,
		       const struct rt_recipients *list, bool again)
{
	const struct rt_journal_record *v = rt_journal_latest(j, uid, true);
	if (!v)
		return;
	struct rt_plan p;
	struct rt_plan_opts o = {.remind = true, .again = again, .sequence = -1};
	rt_plan_make(&p, j, uid, v->detail, list, &o);
	for (size_t i = 0; i < p.n; i++) {
		const struct rt_plan_entry *e = &p.v[i];
		const struct rt_journal_person *ps = rt_journal_find(j, uid, e->who.addr);
		if (e->kind != RT_PLAN_REMIND || !ps || ps->state != RT_JS_INVITED ||
		    ps->sequence != v->sequence || e->sequence != v->sequence)
			fuzz_fail("a reminder to someone without this version", e->who.addr,
				  strlen(e->who.addr));
		if (ps->answer != RT_JOURNAL_NO_RECORD &&
		    j->rec[ps->answer].partstat != RT_PS_NEEDS_ACTION &&
		    j->rec[ps->answer].sequence >= v->sequence)
			fuzz_fail("a reminder to someone who answered", e->who.addr,
				  strlen(e->who.addr));
		if (!again && ps->reminded == v->sequence)
			fuzz_fail("a second reminder nobody asked for", e->who.addr,
				  strlen(e->who.addr));
	}
	rt_plan_finish(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 20))
		return 0;
	int fd = memfd_create("journal", MFD_CLOEXEC);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	struct rt_journal j;
	int err;
	enum rt_journal_status st = rt_journal_open(&j, path, false, &err);

	char *rep = NULL;
	size_t rn = 0;
	FILE *f = open_memstream(&rep, &rn);
	if (!f)
		abort();
	rt_diags_print(&j.diags, f, false);
	fclose(f);
	if (!fuzz_utf8_valid(rep, rn) || !fuzz_no_controls(rep, rn, "\n"))
		fuzz_fail("diagnostics: invalid UTF-8 or a control", rep, rn);
	if ((st == RT_JOURNAL_BAD) != (j.diags.errors > 0))
		fuzz_fail("errors and status disagree", rep, rn);
	free(rep);

	if (st == RT_JOURNAL_OK) {
		for (size_t k = 0; k < j.nrec; k++) {
			const struct rt_journal_record *r = &j.rec[k];
			if (r->sequence < 0 || r->sequence > RT_JOURNAL_MAX_SEQUENCE)
				fuzz_fail("a SEQUENCE out of range", r->uid, strlen(r->uid));
			if (strpbrk(r->uid, "\t\r\n") || strpbrk(r->detail, "\t\r\n"))
				fuzz_fail("a field with a tab or line break", r->detail, strlen(r->detail));
			if (r->comment &&
			    (!fuzz_utf8_valid(r->comment, strlen(r->comment)) ||
			     !fuzz_no_controls(r->comment, strlen(r->comment), "")))
				fuzz_fail("a comment with a control", r->comment, strlen(r->comment));
		}
		struct rt_recipients everyone = {0};
		everyone.v = calloc(j.npeople + 1, sizeof(*everyone.v));
		for (size_t k = 0; k < j.npeople; k++) {
			struct rt_mailbox_error e;
			const char *a = j.people[k].addr;
			if (!rt_addr_check(a, strlen(a), &e))
				fuzz_fail("accepted an unchecked address", a, strlen(a));
			everyone.v[everyone.n++] = (struct rt_recipient){NULL, (char *)a, 0};
		}
		for (size_t k = 0; k < j.nsnapshots; k++) {
			const struct rt_journal_record *r = &j.rec[j.snapshots[k]];
			size_t len;
			/* Of two for one version, the later counts. */
			char *text = rt_journal_snapshot(&j, r->uid, r->sequence, &len);
			if (!text || strlen(text) != len)
				fuzz_fail("a snapshot that does not decode", r->detail, strlen(r->detail));
			free(text);
		}
		const char *uid = rt_journal_uid(&j);
		if (uid) {
			struct rt_recipients none = {0};
			plan_for(&j, uid, &none, false, false);
			plan_for(&j, uid, &none, false, true);
			plan_for(&j, uid, &none, true, false);
			plan_for(&j, uid, &everyone, false, false);
			plan_for(&j, uid, &everyone, true, false);
			remind_for(&j, uid, &none, false);
			remind_for(&j, uid, &none, true);
			remind_for(&j, uid, &everyone, false);
		}
		free(everyone.v);
	}
	rt_journal_close(&j);
	close(fd);
	return 0;
}
