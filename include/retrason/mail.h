/* Invitation mails (iMIP, RFC 6047): one RFC 5322 message per recipient,
 * carrying the iTIP payload of include/retrason/ical.h. */
#ifndef RETRASON_MAIL_H
#define RETRASON_MAIL_H

#include <stdbool.h>

#include "retrason/agenda.h"
#include "retrason/buf.h"
#include "retrason/i18n.h"
#include "retrason/ical.h"
#include "retrason/recipients.h"

struct rt_mail_opts {
	enum rt_ics_method method; /* RT_ICS_REQUEST or RT_ICS_CANCEL */
	bool update;               /* a REQUEST for a changed event */
	bool withdrawal;           /* a CANCEL for this recipient only */
	bool reminder;             /* a REQUEST sent again to who has not answered */
	const char *uid;           /* the event's UID (the journal's); NULL: the agenda's */
	const struct rt_changes *changes; /* an update's, since the recipient's version */
	int sequence;              /* of the payload */
	long long date;            /* Date: and DTSTAMP, seconds since 1970 */
	enum rt_lang lang;         /* subject and text part */
	const char *from_name;     /* From: instead of the organizer (the */
	const char *from_addr;     /* organizer then gets Reply-To:); or NULL */
	const struct rt_buf *text_part; /* rt_mail_text_part()'s, made once
					 * for a run; NULL: made each time */
	const struct rt_buf *html_part; /* rt_mail_html_part()'s, likewise */
};

/* The encoded text/plain body: the same for every recipient of one kind
 * of message, so a run makes it once and passes it in the options.  A
 * cancellation or a withdrawal opens with a banner saying so. */
void rt_mail_text_part(struct rt_buf *out, const struct rt_agenda *a,
		       const struct rt_mail_opts *o);
/* The encoded text/html body: the page `agenda export -f html` writes
 * (one renderer for both), with the same banner. */
void rt_mail_html_part(struct rt_buf *out, const struct rt_agenda *a,
		       const struct rt_mail_opts *o);

/* Appends to out the whole message for one recipient, lines ending in
 * CRLF, 7-bit clean:
 *
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain      the agenda as `agenda show` lays it out, 72 columns
 *       text/html       the agenda as `agenda export -f html` writes it
 *       text/calendar   the payload, method= as in it
 *     application/ics   the same payload, as invite.ics
 *
 * The recipient is alone in To: and the only ATTENDEE.  Returns 0, or
 * an errno value if the payload could not be made. */
int rt_mail_build(struct rt_buf *out, const struct rt_agenda *a,
		  const struct rt_recipient *to, const struct rt_mail_opts *o);

/* What identifies this version of the event for the journal: a hash of
 * its calendar (times, place, agenda, status, text), so that a change
 * that matters makes a new SEQUENCE.  Caller frees. */
char *rt_mail_fingerprint(const struct rt_agenda *a);

/* The subject line, e.g. "Einladung: Title – Mo., 5. Dez. 2022 16:00". */
void rt_mail_subject(struct rt_buf *out, const struct rt_agenda *a,
		     const struct rt_mail_opts *o);

#endif
