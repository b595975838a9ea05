/* Laying an agenda out as text for people: the terminal (`agenda show`)
 * and, later, the plain-text part of invitation mails. */
#ifndef RETRASON_RENDER_H
#define RETRASON_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/agenda.h"
#include "retrason/changes.h"
#include "retrason/buf.h"
#include "retrason/i18n.h"

struct rt_text_opts {
	size_t width; /* columns, at least RT_TEXT_MIN_WIDTH */
	bool color;   /* ANSI colour and bold */
	enum rt_lang lang;
	const char *banner; /* a line before everything (a mail's "CANCELLED"), or NULL */
	const struct rt_changes *changes; /* an update's: listed first, or NULL */
};

#define RT_TEXT_MIN_WIDTH 20
#define RT_TEXT_MAX_WIDTH 1000

/* The event's date and time written out: "Montag, 5. Dezember 2022,
 * 16:00–18:00 Uhr" / "Monday, 5 December 2022, 16:00–18:00"; several
 * days: "…, daily 09:00–18:00 (Saturday, 27 March: 09:00–13:00)", the
 * days with hours of their own in parentheses. */
void rt_render_when(struct rt_buf *out, const struct rt_agenda *a, enum rt_lang lang);

/* The whole agenda as text; every line ends in '\n' and is at most
 * o->width columns wide, so it can go to a terminal or into a mail. */
void rt_render_text(struct rt_buf *out, const struct rt_agenda *a,
		    const struct rt_text_opts *o);

/* A day's heading in a multi-day programme: "Dienstag, 17. September
 * 2024 · Anreise" / "Tuesday, 17 September 2024" (the label if any),
 * with the day's own hours before the label: "… · 09:00–13:00 · …". */
void rt_render_day_heading(struct rt_buf *out, const struct rt_day *day, enum rt_lang lang);

/* The agenda as plain text without layout, for a calendar entry's
 * DESCRIPTION: the description, the programme one item a line (speakers,
 * room, notes), then contact, phone, e-mail and web, without a newline
 * at the end.  Handed on in pieces as it grows when out has somewhere
 * to go (trailing newlines are held back until the text goes on); the
 * rest is left in out->b, for rt_out_finish() or the caller. */
void rt_render_plain(struct rt_out *out, const struct rt_agenda *a, enum rt_lang lang);
/* An item's speakers: "A, B", or "Doe, Jane; Roe, Rick" when a name
 * holds a comma. */
void rt_render_speakers(struct rt_buf *out, const struct rt_item *it);
/* One item's speakers, room and notes, for the item's own entry. */
void rt_render_plain_item(struct rt_buf *out, const struct rt_item *it);

#endif
