/* The reply reader: the bytes as a mail message (rt_reply_parse), and
 * again as a calendar alone (rt_reply_read_calendar, the iCalendar half
 * without a MIME part around it, which most mutated messages lose).
 * Whatever the bytes, it terminates, and every answer has a UID and
 * strings that are valid UTF-8 without controls (C0, DEL or C1: nothing
 * reaches a terminal or a journal line raw), an address, SENT-BY and
 * DELEGATED-TO that pass rt_addr_check, a PARTSTAT, SEQUENCE and guest
 * count in range, a comment of at most 500 bytes, proposed times only
 * on a COUNTER; and the outcome is FOUND exactly when answers came. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "retrason/mailbox.h"
#include "retrason/reply.h"
#include "retrason/utf8.h"

static void text(const char *what, const char *s, bool may_be_null)
{
	if (!s) {
		if (!may_be_null)
			fuzz_fail(what, "(null)", 6);
		return;
	}
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rt_utf8_decode(s + i, n - i, &cp);
		if (!k)
			fuzz_fail(what, s, n);
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			fuzz_fail(what, s, n);
		i += k;
	}
}

static void address(const char *what, const char *a, bool may_be_null)
{
	struct rt_mailbox_error err;
	text(what, a, may_be_null);
	if (a && !rt_addr_check(a, strlen(a), &err))
		fuzz_fail(what, a, strlen(a));
}

static void check(const struct rt_replies *r, size_t before, enum rt_reply_outcome o)
{
	if ((o == RT_REPLY_FOUND) != (r->n > before))
		fuzz_fail("FOUND without answers, or answers without FOUND", "", 0);
	if (o > RT_REPLY_BROKEN)
		fuzz_fail("an outcome out of range", "", 0);
	text("Message-ID: invalid UTF-8 or a control", r->message_id, true);
	for (size_t i = before; i < r->n; i++) {
		const struct rt_reply *a = &r->v[i];
		text("UID: invalid UTF-8 or a control", a->uid, false);
		if (!*a->uid)
			fuzz_fail("an empty UID", "", 0);
		address("address: not checked", a->addr, false);
		address("SENT-BY: not checked", a->sent_by, true);
		address("DELEGATED-TO: not checked", a->delegated_to, true);
		text("comment: invalid UTF-8 or a control", a->comment, true);
		if (a->comment && strlen(a->comment) > RT_REPLY_MAX_COMMENT)
			fuzz_fail("comment: longer than 500 bytes", a->comment, strlen(a->comment));
		text("RECURRENCE-ID: invalid UTF-8 or a control", a->recurrence_id, true);
		if (a->partstat < RT_PS_NEEDS_ACTION || a->partstat > RT_PS_DELEGATED)
			fuzz_fail("PARTSTAT out of range", a->addr, strlen(a->addr));
		if (a->kind != RT_REPLY_ANSWER && a->kind != RT_REPLY_COUNTER)
			fuzz_fail("kind out of range", a->addr, strlen(a->addr));
		if (a->sequence < -1 || a->sequence > RT_REPLY_MAX_SEQUENCE)
			fuzz_fail("SEQUENCE out of range", a->addr, strlen(a->addr));
		if (a->guests < 0 || a->guests > RT_REPLY_MAX_GUESTS)
			fuzz_fail("X-NUM-GUESTS out of range", a->addr, strlen(a->addr));
		if (a->dtstamp < -1 || a->proposed_start < -1 || a->proposed_end < -1)
			fuzz_fail("a time below -1", a->addr, strlen(a->addr));
		if (a->kind == RT_REPLY_ANSWER && (a->proposed_start != -1 || a->proposed_end != -1))
			fuzz_fail("proposed times on an answer", a->addr, strlen(a->addr));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 20))
		return 0;
	const char *s = (const char *)data;
	struct rt_replies r;
	rt_replies_init(&r);
	enum rt_reply_outcome o = rt_reply_parse(s, size, &r);
	check(&r, 0, o);
	size_t before = r.n;
	o = rt_reply_read_calendar(s, size, size && (data[0] & 1) ? "REPLY" : NULL,
				   "max@example.org", &r);
	if (o == RT_REPLY_NO_CALENDAR || o == RT_REPLY_AUTO)
		fuzz_fail("the iCalendar half gave a MIME outcome", "", 0);
	check(&r, before, o);
	rt_replies_finish(&r);
	return 0;
}
