/* Private to src/agenda/: the parser's state and the value readers that
 * parse.c (structure) and values.c (field and time syntax) share. */
#ifndef RETRASON_AGENDA_PARSER_H
#define RETRASON_AGENDA_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/agenda.h"
#include "retrason/diag.h"

#include "retrason/textline.h"



/* A piece of text and where it came from.  The first `exact` bytes of s
 * stand in the source line at line->off + base; anything after that was
 * joined from continuation lines, so errors there point at the start. */
struct text {
	const char *s;
	size_t len;
	const struct rt_line *line;
	size_t base;
	size_t exact;
};

struct parser {
	struct rt_diags *d;
	struct rt_agenda *a;
	const struct rt_parse_opts *opts;
};

void t_diag(struct parser *p, enum rt_severity sev, const struct text *t,
	    size_t off, size_t n, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
#define t_err(p, t, off, n, hint, ...) t_diag(p, RT_ERROR, t, off, n, hint, __VA_ARGS__)
#define t_warn(p, t, off, n, hint, ...) t_diag(p, RT_WARNING, t, off, n, hint, __VA_ARGS__)

/* Bytes of the first "word" at s (up to white space or '|'), capped so
 * messages stay short; never splits a UTF-8 sequence. */
size_t token_len(const char *s, size_t len);

/* Value readers.  Each reads the whole text t (or, for the clock, a part
 * from *i on), reports problems through t_err() and returns false then. */
bool read_date(struct parser *p, const struct text *t, size_t off, size_t len,
	       struct rt_date *out);
bool read_date_range(struct parser *p, const struct text *t,
		     struct rt_date *first, struct rt_date *last);
bool read_clock(struct parser *p, const struct text *t, size_t *i,
		bool allow_24, int *minutes);
/* Hours START-END of what ("event", "day"), for messages. */
bool read_time_range(struct parser *p, const struct text *t, const char *what, int *start,
		     int *end);
/* After a clock: skips white space and an optional "Uhr". */
size_t skip_clock_suffix(const char *s, size_t i, size_t len);
/* A dash between two times: '-', en dash or em dash; returns its bytes. */
size_t dash_len(const char *s, size_t len);
size_t skip_blank(const char *s, size_t i, size_t len);

/* Where an item's room and speakers stand in the source (byte offsets),
 * kept beside the items while parsing for the clash warnings. */
struct span {
	size_t off, len;
};
struct item_place {
	unsigned line;
	size_t line_start;
	struct span room;     /* len 0: no room */
	size_t first_speaker; /* its speakers' spans start here */
};

/* Warns about two items in one room at once, and a speaker in two items
 * at once, each with a note at the other item (clash.c).  The items'
 * ends must be known (after the timeline is finished). */
void check_clashes(struct parser *p, const struct item_place *places,
		   const struct span *speakers);

/* "HH:MM" of minutes after a midnight (a day or more: the next days'). */
void fmt_clock(char *buf, size_t n, int minutes);

bool read_status(struct parser *p, const struct text *t, enum rt_status *out);
bool read_reminder(struct parser *p, const struct text *t, int *minutes);
bool read_language(struct parser *p, const struct text *t);
bool read_timezone(struct parser *p, const struct text *t);
bool read_url(struct parser *p, const struct text *t);
bool read_email(struct parser *p, const struct text *t);
bool read_organizer(struct parser *p, const struct text *t, struct rt_mailbox *out);

#endif
