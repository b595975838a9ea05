/* iCalendar output (RFC 5545) of an agenda: calendar files to import
 * (METHOD:PUBLISH) and invitation payloads (REQUEST, CANCEL; RFC 5546).
 * libical stays behind this interface. */
#ifndef RETRASON_ICAL_H
#define RETRASON_ICAL_H

#include <stdbool.h>
#include <stdio.h>

#include "retrason/agenda.h"
#include "retrason/i18n.h"
#include "retrason/recipients.h"

enum rt_ics_method { RT_ICS_PUBLISH, RT_ICS_REQUEST, RT_ICS_CANCEL };

/* The iTIP METHOD (RFC 5546 1.4) of each: for METHOD: in the payload and
 * method= on its MIME part, which must say the same. */
static inline const char *rt_ics_method_name(enum rt_ics_method m)
{
	static const char *const names[] = {"PUBLISH", "REQUEST", "CANCEL"};
	return names[m];
}

struct rt_ics_opts {
	enum rt_ics_method method;
	bool withdrawal;   /* CANCEL: for the attendees only, the event goes on */
	const char *uid;   /* the event's UID; NULL: the agenda's (rt_agenda_uid) */
	bool items;        /* also one VEVENT per agenda item (PUBLISH) */
	int sequence;      /* SEQUENCE of the event */
	long long dtstamp; /* DTSTAMP, seconds since 1970 UTC */
	enum rt_lang lang; /* the words retrason adds to DESCRIPTION */
	const struct rt_recipients *attendees; /* REQUEST and CANCEL */
};

/* Writes one VCALENDAR to out, event by event, so memory stays flat
 * however long the agenda.  Lines end in CRLF and are folded at 75
 * octets between UTF-8 characters.  Returns 0, or an errno value when
 * out could not be written. */
int rt_ics_write(FILE *out, const struct rt_agenda *a, const struct rt_ics_opts *o);

#endif
