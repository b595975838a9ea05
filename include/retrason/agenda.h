/* The agenda model: one event read from an agenda file (retrason-agenda(5)).
 *
 * Every renderer (terminal text, iCalendar, mail) reads this and nothing
 * else.  Times are minutes after midnight of the day they belong to; a
 * time at or past RT_MINUTES_PER_DAY is on the next calendar day (events
 * that cross midnight).  All strings are UTF-8 without control
 * characters and live as long as the agenda. */
#ifndef RETRASON_AGENDA_H
#define RETRASON_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

#include "retrason/arena.h"
#include "retrason/datetime.h"
#include "retrason/diag.h"
#include "retrason/mailbox.h"

enum rt_status {
	RT_STATUS_NONE, /* not given */
	RT_STATUS_CONFIRMED,
	RT_STATUS_TENTATIVE,
	RT_STATUS_CANCELLED,
};

#define RT_OPEN_END (-1) /* an item that runs open-ended */
#define RT_NO_REMINDER (-1)

/* One description block: a paragraph or a list item, lines joined. */
struct rt_block {
	bool list_item;
	char *text;
};

struct rt_xfield {
	char *name; /* as written, e.g. "X-Room-Plan" */
	char *value;
};

struct rt_item {
	size_t day;     /* index into rt_agenda.days */
	int start;      /* minutes after that day's midnight */
	int end;        /* same base, > start; or RT_OPEN_END */
	bool end_given; /* END was written, not derived */
	char *title;
	char **speakers;
	size_t nspeakers;
	char *room;  /* NULL if none */
	char *notes; /* lines joined with '\n'; NULL if none */
	unsigned line;
};

struct rt_day {
	struct rt_date date;
	char *label;       /* from a `[YYYY-MM-DD] label` line; NULL if none */
	/* The day's hours, as rt_agenda.start/end: its own from a line
	 * `[YYYY-MM-DD HH:MM-HH:MM]` (own_hours), else Time's; 0 in an
	 * all-day event. */
	int start, end;
	bool own_hours;
	size_t first_item; /* items of this day: items[first_item ..] */
	size_t nitems;
};

struct rt_agenda {
	char *title;
	struct rt_date first, last; /* Date; last == first for one day */
	bool all_day;               /* no Time */
	int start, end;             /* Time; end > start, past 1440 overnight */
	char *timezone;             /* IANA name; the system's if not given */
	bool timezone_given;
	char *location, *address;
	struct rt_mailbox organizer; /* both NULL if not given */
	char *contact, *phone, *email, *url, *uid;
	enum rt_status status;
	int reminder; /* minutes before the start, or RT_NO_REMINDER */
	char *language; /* BCP 47 tag as written; NULL if not given */
	char **categories; /* from Categories, split at commas */
	size_t ncategories;

	struct rt_xfield *x;
	size_t nx;
	struct rt_block *desc;
	size_t ndesc;
	struct rt_day *days; /* one per date from first to last */
	size_t ndays;
	struct rt_item *items; /* in time order, day by day */
	size_t nitems;

	struct rt_arena arena; /* owns every string above */
};

struct rt_parse_opts {
	/* Zone used when the file has no Timezone (NULL: the system's). */
	const char *default_timezone;
	/* Tells how a time falls in the zone, so that a time skipped by a
	 * DST change is an error and a repeated one a warning (rt_zone_local
	 * fits); NULL: not checked.  The parser itself knows no offsets. */
	enum rt_local (*local)(const char *tzid, struct rt_date date, int minutes,
			       struct rt_local_change *change);
};

/* Parses an agenda file held in buf[0..len) (need not be NUL-terminated).
 * Problems go to diags, positioned in buf; the agenda is returned even
 * then, filled as far as it could be, but only an agenda read with no
 * errors is fit to render.  Free with rt_agenda_free(). */
struct rt_agenda *rt_agenda_parse(const char *buf, size_t len,
				  const struct rt_parse_opts *opts,
				  struct rt_diags *diags);
void rt_agenda_free(struct rt_agenda *a);

/* Whether some day has hours other than Time's (a day line's own hours
 * that differ from them). */
bool rt_agenda_days_differ(const struct rt_agenda *a);

/* The calendar date and minutes after its midnight (0..1439) of a time
 * given as minutes after the midnight of day `day`. */
void rt_agenda_when(const struct rt_agenda *a, size_t day, int minutes,
		    struct rt_date *date, int *min_of_day);

/* Whether an item ends on a later day than it starts ("20:00-04:00")
 * on a day whose hours do not themselves cross midnight: there, unlike
 * in a night event, the reader must be told. */
bool rt_item_next_day(const struct rt_agenda *a, const struct rt_item *it);

/* The event's identity for calendars: the UID field, else derived from
 * the title and the organizer's address, so that re-running gives the
 * same UID and changing the time, place or agenda keeps it: 32 hex
 * digits of two FNV-1a hashes of "title\norganizer" and
 * "organizer\ntitle", "@", and the organizer's domain (or
 * "retrason.invalid").  Caller frees. */
char *rt_agenda_uid(const struct rt_agenda *a);

/* Largest agenda file retrason reads, and longest line in it. */
#define RT_AGENDA_MAX_BYTES ((size_t)512 << 20)
#define RT_AGENDA_MAX_LINE 65536

#endif
