/* Private to src/ical/: libical's text folded again, as a stream.
 *
 * libical writes every property and component; this only moves its line
 * folds.  libical 3.0 folds a property line that fills its last line
 * exactly between the CR and the LF of the line's end ("…\r\r\n \n"):
 * calcurse, for one, then imports a title ending in a carriage return
 * (tests/ics.py shows it).  So the text is unfolded and folded again
 * per RFC 5545 3.1: every line ends in CRLF and holds at most 75 octets,
 * breaks fall between UTF-8 characters and never inside an escape pair
 * ("\,"), continuation lines start with one space. */
#ifndef RETRASON_ICAL_FOLD_H
#define RETRASON_ICAL_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/buf.h"

struct rt_ical_fold {
	struct rt_buf *out;
	size_t col; /* octets on the output's current line */
	bool cr;    /* the last byte read was a CR */
	bool brk;   /* a line break read and not yet written: a fold, if
		       a blank follows, else the end of a line */
	bool esc;   /* the last byte read began an escape pair */
	unsigned cont; /* continuation bytes still due to the UTF-8
			  character being copied */
};

/* Starts at the beginning of a line; appends to out (held by the caller). */
void rt_ical_fold_init(struct rt_ical_fold *f, struct rt_buf *out);
/* Appends s[0..len): iCalendar text in any folding, CRLF or LF line
 * ends, in as many pieces as the caller likes (a piece may end inside a
 * line, a UTF-8 character or a line break). */
void rt_ical_fold_add(struct rt_ical_fold *f, const char *s, size_t len);
/* Drops the line break just read, so that what is added next continues
 * the same line: how a value written in pieces follows the property
 * libical wrote with its first piece. */
void rt_ical_fold_join(struct rt_ical_fold *f);
/* Writes the line break still pending at the end of the text. */
void rt_ical_fold_finish(struct rt_ical_fold *f);

#endif
