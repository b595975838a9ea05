/* The reply reader: every fixture in tests/replies/ (one per client's
 * shape; argv[1] is that folder) with every field of its answers, then
 * the MIME and iCalendar corners one by one. */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "retrason/buf.h"
#include "retrason/journal.h"
#include "retrason/mailbox.h"
#include "retrason/mime.h"
#include "retrason/readfile.h"
#include "retrason/reply.h"
#include "retrason/utf8.h"

#define UID "8c1f0e7a9b2d4c6e5f3a1b0c9d8e7f6a@example.org"

struct want {
	int kind;
	const char *uid, *addr, *sent_by, *delegated_to;
	int partstat, sequence;
	long long dtstamp;
	int guests;
	const char *comment;
	long long proposed_start, proposed_end;
	const char *recurrence_id;
};

static const struct fixture {
	const char *file;
	enum rt_reply_outcome outcome;
	const char *message_id;
	size_t n;
	struct want w[2];
} fixtures[] = {
	{"outlook-accept.eml", RT_REPLY_FOUND,
	 "<AM0PR09MB4123D1E2F3A4B5C6D7E8@AM0PR09MB4123.eurprd09.prod.outlook.com>", 1,
	 {{RT_REPLY_ANSWER, UID, "ana.ruiz@contoso.example", NULL, NULL, RT_PS_ACCEPTED, 2, -1,
	   0, "Uh huh, here's my comment", -1, -1, NULL}}},
	{"outlook-tentative-cdo-sequence.eml", RT_REPLY_FOUND,
	 "<BE1P281MB2210A9B8C7D6E5F4@BE1P281MB2210.DEUP281.PROD.OUTLOOK.COM>", 1,
	 {{RT_REPLY_ANSWER, UID, "K.Becker@firma.example", NULL, NULL, RT_PS_TENTATIVE, 3,
	   1669104900, 0, NULL, -1, -1, NULL}}},
	{"gmail-tentative-guests.eml", RT_REPLY_FOUND,
	 "<CAB9s6mQ7xZ+u1a2b3c4d5e6f7g8h9=Yx0z@mail.gmail.com>", 1,
	 {{RT_REPLY_ANSWER, UID, "beth.round@gmail.com", NULL, NULL, RT_PS_TENTATIVE, 0,
	   1669025523, 2, "I'll bring two colleagues if that's ok", -1, -1, NULL}}},
	{"google-ics-attachment-only.eml", RT_REPLY_FOUND,
	 "<calendar-5b7c2f3e-1d4a-4e8b-9c6f-0a1b2c3d4e5f@google.com>", 1,
	 {{RT_REPLY_ANSWER, UID, "alex.bennee@example.net", NULL, NULL, RT_PS_DECLINED, 0,
	   1669026600, 0, "Declined because I am out of office", -1, -1, NULL}}},
	{"apple-calendar-accept.eml", RT_REPLY_FOUND,
	 "<4E1D8C2B-7A3F-4B6E-9D0C-1F2E3D4C5B6A@icloud.example>", 1,
	 {{RT_REPLY_ANSWER, UID, "chris.weber@icloud.example", NULL, NULL, RT_PS_ACCEPTED, 1,
	   1669022100, 0, NULL, -1, -1, NULL}}},
	{"thunderbird-accept.eml", RT_REPLY_FOUND,
	 "<0b7c1f22-5d3e-4a6b-8f90-1e2d3c4b5a69@example.org>", 1,
	 {{RT_REPLY_ANSWER, UID, "max@example.org", NULL, NULL, RT_PS_ACCEPTED, 0, 1669025700, 0,
	   NULL, -1, -1, NULL}}},
	{"aerc-accept-multiday.eml", RT_REPLY_FOUND, "<CNNQ2XJ4ZK8P.3GVU8SC0T4L2W@example.org>", 2,
	 {{RT_REPLY_ANSWER, "conf@example.org", "max@example.org", NULL, NULL, RT_PS_ACCEPTED, 0,
	   1669104000, 0, NULL, -1, -1, NULL},
	  {RT_REPLY_ANSWER, "conf@example.org", "max@example.org", NULL, NULL, RT_PS_ACCEPTED, 0,
	   1669104000, 0, NULL, -1, -1, "20270327T090000"}}},
	{"google-counter.eml", RT_REPLY_FOUND, "<CAB9s6mR2f0q+Zz9y8x7w6v5u4t3s2r1q0p@mail.gmail.com>",
	 1,
	 {{RT_REPLY_COUNTER, UID, "beth.round@gmail.com", NULL, NULL, RT_PS_TENTATIVE, 0,
	   1669026600, 0, "Could we do Tuesday instead?", 1670338800, 1670346000, NULL}}},
	{"exchange-out-of-office.eml", RT_REPLY_AUTO,
	 "<DB9PR10MB5C3D2E1F0A9B@DB9PR10MB5C3D.EURPRD10.PROD.OUTLOOK.COM>", 0, {{0}}},
	{"forwarded-request.eml", RT_REPLY_NOT_ICAL_REPLY,
	 "<CAC7x9yA1b2C3d4E5f6G7h8I9j0K@mail.gmail.com>", 0, {{0}}},
	{"broken-calendar.eml", RT_REPLY_BROKEN, "<broken-1@example.org>", 0, {{0}}},
};
#define NFIXTURES (sizeof(fixtures) / sizeof(fixtures[0]))

/* What every answer must be, whatever the input (the fuzz target asks
 * the same). */
static bool clean(const char *s)
{
	if (!s)
		return true;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = rt_utf8_decode(s + i, n - i, &cp);
		if (!k || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return false;
		i += k;
	}
	return true;
}

static bool good_addr(const char *a, bool may_be_null)
{
	struct rt_mailbox_error err;
	return a ? rt_addr_check(a, strlen(a), &err) : may_be_null;
}

static void check_invariants(const struct rt_replies *r)
{
	CHECK(clean(r->message_id));
	for (size_t i = 0; i < r->n; i++) {
		const struct rt_reply *a = &r->v[i];
		CHECK(a->uid && *a->uid && clean(a->uid));
		CHECK(good_addr(a->addr, false));
		CHECK(good_addr(a->sent_by, true) && good_addr(a->delegated_to, true));
		CHECK(a->partstat >= RT_PS_NEEDS_ACTION && a->partstat <= RT_PS_DELEGATED);
		CHECK(a->sequence >= -1 && a->sequence <= RT_REPLY_MAX_SEQUENCE);
		CHECK(a->guests >= 0 && a->guests <= RT_REPLY_MAX_GUESTS);
		CHECK(clean(a->comment) && (!a->comment || strlen(a->comment) <= 500));
		CHECK(clean(a->recurrence_id));
		CHECK(a->kind == RT_REPLY_COUNTER ||
		      (a->proposed_start == -1 && a->proposed_end == -1));
	}
}

static void check_answer(const struct rt_reply *got, const struct want *w)
{
	CHECK_INT(got->kind, w->kind);
	CHECK_STR(got->uid, w->uid);
	CHECK_STR(got->addr, w->addr);
	CHECK_STR(got->sent_by, w->sent_by);
	CHECK_STR(got->delegated_to, w->delegated_to);
	CHECK_INT(got->partstat, w->partstat);
	CHECK_INT(got->sequence, w->sequence);
	CHECK_INT(got->dtstamp, w->dtstamp);
	CHECK_INT(got->guests, w->guests);
	CHECK_STR(got->comment, w->comment);
	CHECK_INT(got->proposed_start, w->proposed_start);
	CHECK_INT(got->proposed_end, w->proposed_end);
	CHECK_STR(got->recurrence_id, w->recurrence_id);
}

static void check_fixtures(const char *dir)
{
	for (size_t f = 0; f < NFIXTURES; f++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, fixtures[f].file);
		struct rt_file file;
		int err = rt_file_open(&file, path, RT_REPLY_MAX_MESSAGE);
		CHECK_INT(err, 0);
		if (err) {
			fprintf(stderr, "cannot read %s\n", path);
			continue;
		}
		const char *msg = file.data ? file.data : "";
		size_t len = file.len;
		struct rt_replies r;
		rt_replies_init(&r);
		int before = checks_failed;
		CHECK_INT(rt_reply_parse(msg, len, &r), fixtures[f].outcome);
		CHECK_STR(r.message_id, fixtures[f].message_id);
		CHECK_INT(r.n, fixtures[f].n);
		for (size_t i = 0; i < r.n && i < fixtures[f].n; i++)
			check_answer(&r.v[i], &fixtures[f].w[i]);
		check_invariants(&r);
		/* Read twice, the same: nothing is kept between messages. */
		size_t n = r.n;
		CHECK_INT(rt_reply_parse(msg, len, &r), fixtures[f].outcome);
		CHECK_INT(r.n, 2 * n);
		if (checks_failed > before)
			fprintf(stderr, "  ^ in %s\n", fixtures[f].file);
		rt_replies_finish(&r);
		rt_file_close(&file);
	}
	/* Every fixture has its row: a new one without expectations fails. */
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	struct dirent *e;
	size_t seen = 0;
	while (d && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".eml"))
			continue;
		bool listed = false;
		for (size_t f = 0; f < NFIXTURES; f++)
			listed |= !strcmp(fixtures[f].file, e->d_name);
		if (!listed)
			fprintf(stderr, "%s: a fixture without a row in test_reply.c\n", e->d_name);
		CHECK(listed);
		seen++;
	}
	if (d)
		closedir(d);
	CHECK_INT(seen, NFIXTURES);
}

/* ---- one message at a time ---- */

static struct rt_replies R;

static enum rt_reply_outcome parse(const char *msg)
{
	rt_replies_finish(&R);
	rt_replies_init(&R);
	enum rt_reply_outcome o = rt_reply_parse(msg, strlen(msg), &R);
	check_invariants(&R);
	return o;
}

/* A whole message that is one text/calendar part around cal's lines. */
static const char *calendar_message(const char *headers, const char *cal)
{
	static struct rt_buf b;
	rt_buf_reset(&b);
	rt_buf_addf(&b, "From: Max <max@example.org>\r\nMessage-ID: <m@example.org>\r\n%s"
			"Content-Type: text/calendar; charset=UTF-8\r\n\r\n%s",
		    headers, cal);
	return rt_buf_str(&b);
}

#define VCAL(method, body)                                                            \
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" method "BEGIN:VEVENT\r\nUID:u1\r\n" body \
	"END:VEVENT\r\nEND:VCALENDAR\r\n"
#define REPLY(body) VCAL("METHOD:REPLY\r\n", body)
#define ACCEPT "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org\r\n"

static void check_outcomes(void)
{
	CHECK_INT(parse(""), RT_REPLY_NO_CALENDAR);
	CHECK(R.message_id == NULL);
	CHECK_INT(parse("Subject: hi\r\n\r\nJust text.\r\n"), RT_REPLY_NO_CALENDAR);
	CHECK_INT(parse("Subject: only headers"), RT_REPLY_NO_CALENDAR);

	/* The whole message one text/calendar part (DAViCal, older iMIP
	 * senders), an RFC 5546 4.2.5 delegation, an assistant's SENT-BY. */
	CHECK_INT(parse(calendar_message("",
		REPLY("ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:E@example.com\";"
		      "SENT-BY=\"MAILTO:assistant@example.com\":mailto:B@example.com\r\n"))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);
	CHECK_STR(R.v[0].addr, "B@example.com");
	CHECK_INT(R.v[0].partstat, RT_PS_DELEGATED);
	CHECK_STR(R.v[0].delegated_to, "E@example.com");
	CHECK_STR(R.v[0].sent_by, "assistant@example.com");
	CHECK_STR(R.message_id, "<m@example.org>");

	/* METHOD from the MIME part when the calendar has none; the
	 * calendar's when they disagree. */
	CHECK_INT(parse("Content-Type: text/calendar; method=REPLY\r\n\r\n" VCAL("", ACCEPT)),
		  RT_REPLY_FOUND);
	CHECK_INT(parse("Content-Type: text/calendar; method=\"reply\"\r\n\r\n"
			VCAL("METHOD:REQUEST\r\n", ACCEPT)),
		  RT_REPLY_NOT_ICAL_REPLY);
	CHECK_INT(parse(calendar_message("", VCAL("", ACCEPT))), RT_REPLY_NOT_ICAL_REPLY);
	CHECK_INT(parse(calendar_message("", VCAL("METHOD:CANCEL\r\n", ACCEPT))),
		  RT_REPLY_NOT_ICAL_REPLY);
	CHECK_INT(parse(calendar_message("", VCAL("METHOD:PUBLISH\r\n", ACCEPT))),
		  RT_REPLY_NOT_ICAL_REPLY);

	/* Attendees: no PARTSTAT, a bad address, another URI: no answer. */
	CHECK_INT(parse(calendar_message("", REPLY("ATTENDEE:mailto:a@example.org\r\n"))),
		  RT_REPLY_BROKEN);
	CHECK_INT(parse(calendar_message("", REPLY("ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@\r\n"))),
		  RT_REPLY_BROKEN);
	CHECK_INT(parse(calendar_message("",
		REPLY("ATTENDEE;PARTSTAT=ACCEPTED:urn:uuid:6f1c0b9e\r\n"
		      "ATTENDEE;PARTSTAT=COMPLETED:mailto:c@example.org\r\n"
		      "ATTENDEE;PARTSTAT=X-MAYBE:mailto:d@example.org\r\n"
		      "ATTENDEE;PARTSTAT=DECLINED:MAILTO:b@Example.ORG\r\n"
		      "ATTENDEE;PARTSTAT=ACCEPTED:mailto:not an address@example.org\r\n"))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);
	CHECK_STR(R.v[0].addr, "b@Example.ORG");
	CHECK_INT(R.v[0].partstat, RT_PS_DECLINED);
	/* A bare address without "mailto:" (seen from hand-written tools). */
	CHECK_INT(parse(calendar_message("", REPLY("ATTENDEE;PARTSTAT=TENTATIVE:a@example.org\r\n"))),
		  RT_REPLY_FOUND);
	CHECK_INT(parse(calendar_message("", "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n"
					     "BEGIN:VEVENT\r\n" ACCEPT "END:VEVENT\r\n"
					     "END:VCALENDAR\r\n")),
		  RT_REPLY_BROKEN); /* no UID */
	CHECK_INT(parse(calendar_message("", "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT"
					     "\r\nUID:a\x1b[2Jb\r\n" ACCEPT "END:VEVENT\r\n"
					     "END:VCALENDAR\r\n")),
		  RT_REPLY_BROKEN); /* a UID with an escape: none of ours */

	/* Garbage, a missing END, an empty part. */
	CHECK_INT(parse(calendar_message("", "hello\r\nworld\r\n")), RT_REPLY_BROKEN);
	CHECK_INT(parse(calendar_message("", "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
					     "UID:u\r\n" ACCEPT)),
		  RT_REPLY_BROKEN);
	CHECK_INT(parse(calendar_message("", "")), RT_REPLY_BROKEN);
	/* Garbage lines in a good one are dropped, as are unknown
	 * components inside (a VALARM) and mismatched ENDs. */
	CHECK_INT(parse(calendar_message("", REPLY("this is junk\r\nBEGIN:VALARM\r\n" ACCEPT
						   "END:VALARM\r\nEND:VTODO\r\n" ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);

	/* Two calendars in one part (libical's XROOT): the REPLY counts. */
	CHECK_INT(parse(calendar_message("", VCAL("METHOD:REQUEST\r\n", ACCEPT)
					     REPLY(ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);
}

static void check_auto(void)
{
	static const char *const autos[] = {
		"Auto-Submitted: auto-replied\r\n",  /* RFC 3834, Gmail's vacation */
		"Auto-Submitted: auto-generated; owner-email=\"x@example.org\"\r\n",
		"X-Autoreply: yes\r\n",
		"X-Autorespond: Out of office\r\n",
		"Precedence: bulk\r\n",              /* newsletters */
		"precedence: Junk\r\n",
		"Subject: Out of Office: Kick-off\r\n",
		"Subject: Automatische Antwort: Einladung\r\n",
		"Subject: Abwesenheitsnotiz: Einladung\r\n",
		("X-Auto-Response-Suppress: DR, OOF, AutoReply, All\r\n"
		 "X-MS-Exchange-Inbox-Rules-Loop: sam@example.org\r\n"),
	};
	for (size_t i = 0; i < sizeof(autos) / sizeof(autos[0]); i++) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "%sContent-Type: text/plain\r\n\r\nI am away.\r\n", autos[i]);
		CHECK_INT(parse(rt_buf_str(&b)), RT_REPLY_AUTO);
		rt_buf_finish(&b);
	}
	CHECK_INT(parse("Auto-Submitted: no\r\n\r\nhi\r\n"), RT_REPLY_NO_CALENDAR);
	CHECK_INT(parse("X-Auto-Response-Suppress: All\r\n\r\nhi\r\n"), RT_REPLY_NO_CALENDAR);
	CHECK_INT(parse("Subject: Re: Out of Office plans\r\n\r\nhi\r\n"), RT_REPLY_NO_CALENDAR);
	/* An automatic answer with a REPLY (a room's auto-accept) is an
	 * answer; an auto-reply with the invitation quoted is AUTO. */
	CHECK_INT(parse(calendar_message("Auto-Submitted: auto-generated\r\n", REPLY(ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_INT(parse(calendar_message("Auto-Submitted: auto-replied\r\n",
					 VCAL("METHOD:REQUEST\r\n", ACCEPT))),
		  RT_REPLY_AUTO);
}

static void check_fields(void)
{
	/* SEQUENCE, else Outlook's; past the journal's bound or past what
	 * libical's atoi reads: none. */
	CHECK(RT_REPLY_MAX_SEQUENCE == RT_JOURNAL_MAX_SEQUENCE);
	static const struct {
		const char *props;
		int want;
	} seqs[] = {
		{"SEQUENCE:4\r\n", 4},
		{"SEQUENCE:4\r\nX-MICROSOFT-CDO-APPT-SEQUENCE:9\r\n", 4},
		{"X-MICROSOFT-CDO-APPT-SEQUENCE:9\r\n", 9},
		{"SEQUENCE:99999999999\r\n", -1},
		{"SEQUENCE:99999999999\r\nX-MICROSOFT-CDO-APPT-SEQUENCE:7\r\n", 7},
		{"SEQUENCE:1000000001\r\n", -1},
		{"SEQUENCE:1000000000\r\n", 1000000000},
		{"X-MICROSOFT-CDO-APPT-SEQUENCE:-3\r\n", -1},
		{"SEQUENCE:x\r\n", -1},
		{"", -1},
	};
	for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_addf(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n%s" ACCEPT
				"END:VEVENT\r\nEND:VCALENDAR\r\n",
			    seqs[i].props);
		CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_FOUND);
		CHECK_INT(R.n ? R.v[0].sequence : -2, seqs[i].want);
		rt_buf_finish(&b);
	}

	/* DTSTAMP in UTC, with a TZID through the calendar's VTIMEZONE or the
	 * system's zone, floating as UTC; an unknown zone: -1. */
	static const struct {
		const char *cal;
		long long want;
	} stamps[] = {
		{REPLY("DTSTAMP:20221121T101500Z\r\n" ACCEPT), 1669025700},
		{REPLY("DTSTAMP:20221121T101500\r\n" ACCEPT), 1669025700},
		{REPLY("DTSTAMP;TZID=Europe/Berlin:20220701T120000\r\n" ACCEPT), 1656669600},
		{"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VTIMEZONE\r\nTZID:Fixed +0530\r\n"
		 "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\n"
		 "TZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\n"
		 "DTSTAMP;TZID=Fixed +0530:20221121T155000\r\n" ACCEPT "END:VEVENT\r\n"
		 "END:VCALENDAR\r\n",
		 1669026000},
		{REPLY("DTSTAMP;TZID=Nowhere/Atlantis:20221121T101500\r\n" ACCEPT), -1},
		{REPLY("DTSTAMP:19691231T235958Z\r\n" ACCEPT), -1},
		{REPLY("DTSTAMP:yesterday\r\n" ACCEPT), -1},
	};
	for (size_t i = 0; i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		CHECK_INT(parse(calendar_message("", stamps[i].cal)), RT_REPLY_FOUND);
		CHECK_INT(R.n ? R.v[0].dtstamp : -2, stamps[i].want);
	}

	/* Guests and comments. */
	CHECK_INT(parse(calendar_message("", REPLY("ATTENDEE;PARTSTAT=ACCEPTED;X-NUM-GUESTS=5:"
						   "mailto:a@example.org\r\n"
						   "ATTENDEE;PARTSTAT=ACCEPTED;X-NUM-GUESTS=1001:"
						   "mailto:b@example.org\r\n"
						   "ATTENDEE;PARTSTAT=ACCEPTED;X-NUM-GUESTS=-1:"
						   "mailto:c@example.org\r\n"))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 3);
	CHECK_INT(R.v[0].guests, 5);
	CHECK_INT(R.v[1].guests, 0);
	CHECK_INT(R.v[2].guests, 0);
	/* The attendee's own note wins over the event's COMMENT. */
	CHECK_INT(parse(calendar_message("", REPLY("COMMENT:for everyone\r\n"
						   "ATTENDEE;PARTSTAT=ACCEPTED;X-RESPONSE-COMMENT="
						   "\"mine &amp; &#x263A\\; &bogus; &#0;\":"
						   "mailto:a@example.org\r\n" ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_STR(R.v[0].comment, "mine & \xe2\x98\xba &bogus; &#0;");
	CHECK_STR(R.v[1].comment, "for everyone");
	/* Nothing reaches a terminal raw: escapes, tabs, line breaks, C1,
	 * bidi overrides, bad UTF-8; 500 bytes at most, cut between
	 * characters. */
	{
		struct rt_buf b;
		rt_buf_init(&b);
		rt_buf_adds(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\nCOMMENT:"
				"Bin\\ndabei\x1b[31m!\t\xc2\x9b\xe2\x80\xae\xff ");
		for (int i = 0; i < 400; i++)
			rt_buf_adds(&b, "\xc3\xbc"); /* ü */
		rt_buf_adds(&b, "\r\n" ACCEPT "END:VEVENT\r\nEND:VCALENDAR\r\n");
		CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_FOUND);
		const char *c = R.n ? R.v[0].comment : "";
		CHECK(!strncmp(c, "Bin dabei[31m! \xef\xbf\xbd \xc3\xbc", 21));
		CHECK(strlen(c) <= 500 && strlen(c) >= 498);
		CHECK(clean(c));
		rt_buf_finish(&b);
	}
	CHECK_INT(parse(calendar_message("", REPLY("COMMENT:\\n \\n\r\n" ACCEPT))), RT_REPLY_FOUND);
	CHECK(R.v[0].comment == NULL);

	/* One instance, and a COUNTER's times (DTEND, or DURATION). */
	CHECK_INT(parse(calendar_message("", REPLY("RECURRENCE-ID;TZID=Europe/Berlin:20270327T090000"
						   "\r\n" ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_STR(R.v[0].recurrence_id, "20270327T090000");
	CHECK_INT(parse(calendar_message("", VCAL("METHOD:COUNTER\r\n",
						  "DTSTART;TZID=Europe/Berlin:20221206T160000\r\n"
						  "DURATION:PT1H30M\r\n"
						  "ATTENDEE:mailto:a@example.org\r\n"))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.v[0].kind, RT_REPLY_COUNTER);
	CHECK_INT(R.v[0].partstat, RT_PS_NEEDS_ACTION);
	CHECK_INT(R.v[0].proposed_start, 1670338800);
	CHECK_INT(R.v[0].proposed_end, 1670338800 + 5400);
	/* A COUNTER with the guest list: only the sender's is a proposal;
	 * if the sender is not among them, there is none. */
	const char *two = VCAL("METHOD:COUNTER\r\n", "DTSTART:20221206T150000Z\r\n"
				  "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org\r\n"
				  "ATTENDEE;PARTSTAT=TENTATIVE:mailto:max@example.org\r\n");
	CHECK_INT(parse(calendar_message("", two)), RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);
	CHECK_STR(R.v[0].addr, "max@example.org");
	CHECK_INT(rt_reply_read_calendar(two, strlen(two), NULL, "nobody@example.org", &R),
		  RT_REPLY_BROKEN);
	CHECK_INT(rt_reply_read_calendar(two, strlen(two), NULL, NULL, &R), RT_REPLY_BROKEN);
}

/* A multipart message around one part, the part's headers and body. */
static const char *wrap(struct rt_buf *b, const char *type, const char *boundary,
			const char *part)
{
	rt_buf_reset(b);
	rt_buf_addf(b, "Content-Type: %s; boundary=\"%s\"\r\n\r\npreamble\r\n--%s\r\n%s\r\n--%s--\r\n",
		    type, boundary, boundary, part, boundary);
	return rt_buf_str(b);
}

static void check_mime(void)
{
	struct rt_buf b, c;
	rt_buf_init(&b);
	rt_buf_init(&c);
	const char *cal = REPLY(ACCEPT);

	/* Transfer encodings: base64 with line breaks and junk, QP with
	 * soft breaks and lowercase hex, 8bit; and a BOM. */
	rt_buf_adds(&c, "Content-Type: text/calendar; method=REPLY\r\n"
			"Content-Transfer-Encoding: BASE64\r\n\r\n");
	rt_mime_base64(&c, cal, strlen(cal));
	rt_buf_adds(&c, "\r\n*junk*\r\n");
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "b1", rt_buf_str(&c))), RT_REPLY_FOUND);
	rt_buf_reset(&c);
	rt_buf_adds(&c, "Content-Type: text/calendar\r\nContent-Transfer-Encoding: quoted-printable"
			"\r\n\r\n");
	rt_mime_qp(&c, cal, strlen(cal));
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "b1", rt_buf_str(&c))), RT_REPLY_FOUND);
	CHECK_INT(parse("Content-Type: text/calendar\r\nContent-Transfer-Encoding: quoted-printable"
			"\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:RE=\r\nPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n"
			"ATTENDEE;PARTSTAT=3dACCEPTED:mailto:a@example.org   \r\nEND:VEVENT\r\n"
			"END:VCALENDAR\r\n"),
		  RT_REPLY_FOUND);
	CHECK_INT(parse(calendar_message("", "\xef\xbb\xbf" REPLY(ACCEPT))), RT_REPLY_FOUND);

	/* Charsets: ISO-8859-1 to UTF-8; bad UTF-8 made valid. */
	CHECK_INT(parse("Content-Type: text/calendar; charset=ISO-8859-1; method=REPLY\r\n\r\n"
			REPLY("COMMENT:Gr\xfc\xdf" "e\r\n" ACCEPT)),
		  RT_REPLY_FOUND);
	CHECK_STR(R.v[0].comment, "Gr\xc3\xbc\xc3\x9f" "e");
	CHECK_INT(parse(calendar_message("", REPLY("COMMENT:Gr\xfc\xdf" "e\r\n" ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_STR(R.v[0].comment, "Gr\xef\xbf\xbd\xef\xbf\xbd" "e");

	/* LF line ends, header and iCalendar folding, an unquoted boundary,
	 * names in any case, an mbox "From " line left on. */
	CHECK_INT(parse("From max@example.org Mon Nov 21 10:00:00 2022\n"
			"CONTENT-TYPE: multipart/alternative;\n boundary=x\n\n--x\n"
			"content-type: text/calendar;\n\tmethod=REPLY\n\nBEGIN:VCALENDAR\nMETHOD:REPLY\n"
			"BEGIN:VEVENT\nUID:u\nATTENDEE;PARTSTAT=ACCE\n PTED:mailto:a@exam\n\tple.org\n"
			"END:VEVENT\nEND:VCALENDAR\n--x--\n"),
		  RT_REPLY_FOUND);
	CHECK_STR(R.n ? R.v[0].addr : NULL, "a@example.org");

	/* A missing closing delimiter; a boundary that is a prefix of the
	 * inner one ("--b" never splits at "--bb"). */
	CHECK_INT(parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
			"Content-Type: text/calendar; method=REPLY\r\n\r\n" REPLY(ACCEPT)),
		  RT_REPLY_FOUND);
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: multipart/alternative; boundary=bb\r\n\r\n--bb\r\n"
			"Content-Type: text/plain\r\n\r\nhi\r\n--bb\r\n"
			"Content-Type: text/calendar; method=REPLY\r\n\r\n%s\r\n--bb--", cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "b", rt_buf_str(&c))), RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);

	/* Which part: method=REPLY over a plain text/calendar, text/calendar
	 * over application/ics, an *.ics name (RFC 2231 too) as a last
	 * resort; never inside an attached message. */
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: text/calendar\r\n\r\n%s\r\n--m\r\n"
			"Content-Type: text/calendar; method=REPLY\r\n\r\n%s",
		    VCAL("METHOD:REQUEST\r\n", ACCEPT), cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "m", rt_buf_str(&c))), RT_REPLY_FOUND);
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: application/ics\r\n\r\n%s\r\n--m\r\n"
			"Content-Type: text/calendar\r\n\r\n%s",
		    VCAL("METHOD:REQUEST\r\n", ACCEPT), cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "m", rt_buf_str(&c))), RT_REPLY_FOUND);
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: application/octet-stream\r\nContent-Disposition: "
			"attachment; filename*=utf-8''Antwort.ICS\r\n\r\n%s", cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "m", rt_buf_str(&c))), RT_REPLY_FOUND);
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: application/octet-stream; name=\"x.txt\"\r\n\r\n%s", cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "m", rt_buf_str(&c))), RT_REPLY_NO_CALENDAR);
	rt_buf_reset(&c);
	rt_buf_addf(&c, "Content-Type: message/rfc822\r\n\r\nContent-Type: text/calendar; "
			"method=REPLY\r\n\r\n%s", cal);
	CHECK_INT(parse(wrap(&b, "multipart/mixed", "m", rt_buf_str(&c))), RT_REPLY_NO_CALENDAR);
	/* A multipart without a boundary is no calendar. */
	CHECK_INT(parse("Content-Type: multipart/mixed\r\n\r\n--\r\nContent-Type: text/calendar"
			"\r\n\r\n" REPLY(ACCEPT)),
		  RT_REPLY_NO_CALENDAR);

	/* Depth: RT_REPLY_MAX_DEPTH levels are looked into, one more not. */
	for (int levels = RT_REPLY_MAX_DEPTH; levels <= RT_REPLY_MAX_DEPTH + 1; levels++) {
		rt_buf_reset(&c);
		rt_buf_addf(&c, "Content-Type: text/calendar; method=REPLY\r\n\r\n%s", cal);
		for (int i = 0; i < levels; i++) {
			char bnd[16];
			snprintf(bnd, sizeof(bnd), "level%d", i);
			struct rt_buf t;
			rt_buf_init(&t);
			rt_buf_adds(&t, wrap(&b, "multipart/mixed", bnd, rt_buf_str(&c)));
			rt_buf_reset(&c);
			rt_buf_add(&c, t.data, t.len);
			rt_buf_finish(&t);
		}
		CHECK_INT(parse(rt_buf_str(&c)),
			  levels <= RT_REPLY_MAX_DEPTH ? RT_REPLY_FOUND : RT_REPLY_NO_CALENDAR);
	}
	/* Parts: the calendar after RT_REPLY_MAX_PARTS others is not read. */
	for (int others = RT_REPLY_MAX_PARTS - 2; others <= RT_REPLY_MAX_PARTS; others += 2) {
		rt_buf_reset(&c);
		rt_buf_adds(&c, "Content-Type: multipart/mixed; boundary=p\r\n\r\n");
		for (int i = 0; i < others; i++)
			rt_buf_adds(&c, "--p\r\nContent-Type: text/plain\r\n\r\nx\r\n");
		rt_buf_addf(&c, "--p\r\nContent-Type: text/calendar; method=REPLY\r\n\r\n%s--p--\r\n",
			    cal);
		CHECK_INT(parse(rt_buf_str(&c)),
			  others < RT_REPLY_MAX_PARTS - 1 ? RT_REPLY_FOUND : RT_REPLY_NO_CALENDAR);
	}
	rt_buf_finish(&b);
	rt_buf_finish(&c);
}

static void check_bounds(void)
{
	struct rt_buf b;
	rt_buf_init(&b);
	/* Components nested 10^6 deep: libical 3.0.16 overflows its stack
	 * freeing them; the filter never hands them on. */
	rt_buf_adds(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n" ACCEPT);
	for (int i = 0; i < 1000000; i++)
		rt_buf_adds(&b, "BEGIN:X-A\r\n");
	for (int i = 0; i < 1000000; i++)
		rt_buf_adds(&b, "END:X-A\r\n");
	rt_buf_adds(&b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_FOUND);
	/* VEVENT inside VEVENT is not where a VEVENT belongs: skipped. */
	CHECK_INT(parse(calendar_message("", REPLY("BEGIN:VEVENT\r\nUID:inner\r\n" ACCEPT
						   "END:VEVENT\r\n" ACCEPT))),
		  RT_REPLY_FOUND);
	CHECK_INT(R.n, 1);
	CHECK_STR(R.v[0].uid, "u1");

	/* A zone rule libical would expand every second for centuries is
	 * dropped: this returns at once. */
	CHECK_INT(parse(calendar_message("",
		"BEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\nBEGIN:VTIMEZONE\r\nTZID:Z\r\nBEGIN:STANDARD\r\n"
		"DTSTART:16010101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
		"RRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T000000\r\n"
		"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYSECOND=0,1,2,3\r\n"
		"END:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\n"
		"DTSTART;TZID=Z:29991231T000000\r\nATTENDEE:mailto:a@example.org\r\n"
		"END:VEVENT\r\nEND:VCALENDAR\r\n")),
		  RT_REPLY_FOUND);
	CHECK_INT(R.v[0].proposed_start, 32503586400); /* the STANDARD's +0200 */

	/* Too much kept: BROKEN.  A content line past RT_REPLY_MAX_LINE:
	 * dropped, the rest read. */
	rt_buf_reset(&b);
	rt_buf_adds(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n");
	for (size_t i = 0; i * 40 < RT_REPLY_MAX_KEPT; i++)
		rt_buf_adds(&b, "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org\r\n");
	rt_buf_adds(&b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_BROKEN);
	rt_buf_reset(&b);
	rt_buf_adds(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\nCOMMENT:");
	rt_buf_addn(&b, 'x', RT_REPLY_MAX_LINE);
	rt_buf_adds(&b, "\r\n" ACCEPT "END:VEVENT\r\nEND:VCALENDAR\r\n");
	CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_FOUND);
	CHECK(R.v[0].comment == NULL);
	/* A DESCRIPTION of megabytes (aerc echoes the whole invitation) is
	 * dropped before libical and costs nothing. */
	rt_buf_reset(&b);
	rt_buf_adds(&b, "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:u\r\n" ACCEPT
			"DESCRIPTION:");
	for (int i = 0; i < 100000; i++)
		rt_buf_adds(&b, "09:00 Item\\n\r\n ");
	rt_buf_adds(&b, "x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
	CHECK_INT(parse(calendar_message("", rt_buf_str(&b))), RT_REPLY_FOUND);

	/* A message past RT_REPLY_MAX_MESSAGE is BROKEN, unread. */
	rt_buf_reset(&b);
	rt_buf_adds(&b, calendar_message("", REPLY(ACCEPT)));
	rt_buf_addn(&b, '\n', RT_REPLY_MAX_MESSAGE + 1 - b.len);
	CHECK_INT(rt_reply_parse(b.data, b.len, &R), RT_REPLY_BROKEN);
	CHECK_INT(rt_reply_parse(b.data, b.len - 1, &R), RT_REPLY_FOUND);

	/* NUL bytes: a line holding one is dropped, the rest read. */
	static const char nul[] = "Content-Type: text/calendar; method=REPLY\r\n\r\nBEGIN:VCALENDAR"
				  "\r\nBEGIN:VEVENT\r\nUID:u\r\nCOMMENT:a\0b\r\n" ACCEPT
				  "END:VEVENT\r\nEND:VCALENDAR\r\n";
	CHECK_INT(rt_reply_parse(nul, sizeof(nul) - 1, &R), RT_REPLY_FOUND);
	CHECK(R.v[R.n - 1].comment == NULL);
	/* Message-ID: folded, controls and all, made one clean line. */
	CHECK_INT(parse("Message-ID:\r\n <a\x1b" "b@example.org>\t\r\n\r\nhi"), RT_REPLY_NO_CALENDAR);
	CHECK_STR(R.message_id, "<ab@example.org>");
	rt_buf_finish(&b);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_reply FIXTURE-DIR\n");
		return 2;
	}
	CHECK_STR(rt_partstat_names[RT_PS_NEEDS_ACTION], "NEEDS-ACTION");
	CHECK_STR(rt_partstat_names[RT_PS_DELEGATED], "DELEGATED");
	rt_replies_init(&R);
	check_fixtures(argv[1]);
	check_outcomes();
	check_auto();
	check_fields();
	check_mime();
	check_bounds();
	rt_replies_finish(&R);
	return check_done();
}
