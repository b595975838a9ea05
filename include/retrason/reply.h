/* The reply reader: one raw e-mail message (RFC 5322, any bytes) in, the
 * iMIP answers it carries out (RFC 6047 over RFC 5546: METHOD:REPLY, an
 * attendee's answer, and METHOD:COUNTER, a proposal of a new time).
 *
 * Two halves along the library line: the MIME walk in src/mail/reply.c
 * finds the calendar part (text/calendar in multipart/alternative or
 * mixed at any depth up to RT_REPLY_MAX_DEPTH, else an application/ics
 * or *.ics attachment; base64, quoted-printable or 7bit/8bit; charset
 * UTF-8, US-ASCII or ISO-8859-1/Windows-1252), and src/ical/itip.c
 * reads it with libical.  Before libical sees a calendar it is cut down
 * to the lines read here: VCALENDAR, VEVENT and VTIMEZONE in their
 * places, and only the properties below (libical 3.0.16 crashes on deep
 * nesting and wraps a SEQUENCE past 2^31 into any number).
 *
 * What is read, per VEVENT of a REPLY: every ATTENDEE with a PARTSTAT
 * (ORGANIZER is never needed: Outlook's replies often have none).  Of a
 * COUNTER: its only ATTENDEE, or among several the one whose address
 * is the message's From: (a COUNTER may repeat the whole guest list). */
#ifndef RETRASON_REPLY_H
#define RETRASON_REPLY_H

#include <stddef.h>

#include "retrason/arena.h"

/* Bounds: a longer message is BROKEN; deeper multiparts and parts past
 * the count are not looked into; a calendar whose kept lines pass
 * RT_REPLY_MAX_KEPT bytes or RT_REPLY_MAX_COMPONENTS components is
 * BROKEN; a content line longer than RT_REPLY_MAX_LINE is dropped. */
#define RT_REPLY_MAX_MESSAGE ((size_t)32 << 20)
#define RT_REPLY_MAX_DEPTH 8
#define RT_REPLY_MAX_PARTS 100
#define RT_REPLY_MAX_KEPT ((size_t)1 << 20)
#define RT_REPLY_MAX_COMPONENTS 1000
#define RT_REPLY_MAX_LINE ((size_t)64 << 10)
#define RT_REPLY_MAX_COMMENT 500
#define RT_REPLY_MAX_GUESTS 1000
#define RT_REPLY_MAX_UID 1000
/* Larger SEQUENCEs count as none: the journal's RT_JOURNAL_MAX_SEQUENCE. */
#define RT_REPLY_MAX_SEQUENCE 1000000000

enum rt_partstat {
	RT_PS_NEEDS_ACTION,
	RT_PS_ACCEPTED,
	RT_PS_DECLINED,
	RT_PS_TENTATIVE,
	RT_PS_DELEGATED,
};
/* The RFC 5545 words: "NEEDS-ACTION", "ACCEPTED", ... */
extern const char *const rt_partstat_names[5];

enum rt_reply_kind {
	RT_REPLY_ANSWER,  /* METHOD:REPLY */
	RT_REPLY_COUNTER, /* METHOD:COUNTER, a proposal */
};

/* Every string is valid UTF-8 without controls (C0, DEL, C1) and lives
 * in the rt_replies' arena.  Addresses are as written, "mailto:" (in any
 * case) taken off, each checked with rt_addr_check(): compare them
 * case-insensitively (rt_strcasecmp), as the journal does. */
struct rt_reply {
	enum rt_reply_kind kind;
	const char *uid;          /* the event's UID, as written */
	const char *addr;         /* the ATTENDEE's addr-spec */
	const char *sent_by;      /* SENT-BY address (an assistant), or NULL */
	const char *delegated_to; /* the first DELEGATED-TO address, or NULL */
	enum rt_partstat partstat; /* a COUNTER without one: NEEDS-ACTION */
	int sequence;             /* SEQUENCE, else X-MICROSOFT-CDO-APPT-SEQUENCE
				   * (Outlook), 0..RT_REPLY_MAX_SEQUENCE; else -1 */
	long long dtstamp;        /* DTSTAMP as UTC seconds, or -1 */
	int guests;               /* X-NUM-GUESTS (Google), 0..1000; else 0 */
	const char *comment;      /* the ATTENDEE's X-RESPONSE-COMMENT (Google),
				   * else the VEVENT's COMMENT: one line, each
				   * run of blanks and line breaks one space,
				   * other controls dropped, at most 500 bytes
				   * cut between characters; NULL if none */
	long long proposed_start, proposed_end; /* COUNTER: DTSTART and DTEND
				   * (or DTSTART + DURATION) as UTC seconds; else,
				   * and for an ANSWER, -1 */
	const char *recurrence_id; /* NULL: the whole event; else the answer
				   * is for one instance: RECURRENCE-ID's value
				   * as written, e.g. "20240917T090000" */
};
/* Times: with a TZID through the calendar's VTIMEZONE, else the system's
 * zone of that name; an unknown zone gives -1; a floating time or a
 * date counts as UTC; before 1970 or after 3000 (libical's bound) -1.
 * A VEVENT whose UID is longer than RT_REPLY_MAX_UID bytes, or one that
 * cleaning would change (controls, bad UTF-8), gives no answer: retrason
 * never sent it. */

enum rt_reply_outcome {
	RT_REPLY_FOUND,         /* at least one answer appended */
	RT_REPLY_NO_CALENDAR,   /* no calendar part at all */
	RT_REPLY_NOT_ICAL_REPLY, /* a calendar, but REQUEST, PUBLISH, CANCEL... */
	RT_REPLY_AUTO,          /* an auto-reply (out of office) or bulk mail
				 * without an answer */
	RT_REPLY_BROKEN,        /* a calendar libical can't read, a REPLY or
				 * COUNTER without a usable attendee, or a
				 * message over RT_REPLY_MAX_MESSAGE */
};

struct rt_replies {
	struct rt_reply *v;
	size_t n, cap;
	struct rt_arena arena;
	const char *message_id; /* of the last message read: its Message-ID
				 * header cleaned as comments are (at most
				 * 998 bytes), or NULL */
};

/* Held by value; _finish() frees every answer and string. */
void rt_replies_init(struct rt_replies *r);
void rt_replies_finish(struct rt_replies *r);

/* Reads one message msg[0..len) (any bytes) and appends each answer
 * found to out; sets out->message_id.  What wins: answers (FOUND), then
 * an auto-reply's headers (AUTO: Auto-Submitted other than "no",
 * X-Autoreply, X-Autorespond, Precedence bulk/junk/list/auto_reply,
 * Exchange's X-Auto-Response-Suppress with X-MS-Exchange-Inbox-Rules-
 * Loop, or an out-of-office subject), then what the calendar part gave.
 * One calendar part is read: a text/calendar whose method= says REPLY or
 * COUNTER, else the first text/calendar, else the first application/ics
 * or *.ics attachment.  An attached message (message/rfc822) is not
 * looked into: what it carries is not this message's answer. */
enum rt_reply_outcome rt_reply_parse(const char *msg, size_t len, struct rt_replies *out);

/* The iCalendar half, for a calendar already out of its MIME part:
 * ics[0..len) in UTF-8 (any bytes), method the part's method= parameter
 * (used when the VCALENDAR has no METHOD) or NULL, from the message's
 * From: address or NULL (to find the proposer of a COUNTER).  Returns
 * FOUND, NOT_ICAL_REPLY or BROKEN; appends only on FOUND. */
enum rt_reply_outcome rt_reply_read_calendar(const char *ics, size_t len, const char *method,
					     const char *from, struct rt_replies *out);

#endif
