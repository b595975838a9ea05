/* The agenda as JSON, schema version RT_EXPORT_JSON_VERSION (documented
 * in retrason(1), EXPORT FORMATS): every field always present, null
 * when the file does not give it, so scripts need no existence checks. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "retrason/export.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"
#include "retrason/zone.h"
#include "shared.h"

void rt_json_string(struct rt_buf *out, const char *s, size_t n)
{
	rt_buf_addc(out, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += rt_utf8_next(s + i, n - i, &cp);
		switch (cp) {
		case '"': rt_buf_adds(out, "\\\""); break;
		case '\\': rt_buf_adds(out, "\\\\"); break;
		case '\n': rt_buf_adds(out, "\\n"); break;
		case '\r': rt_buf_adds(out, "\\r"); break;
		case '\t': rt_buf_adds(out, "\\t"); break;
		case '\b': rt_buf_adds(out, "\\b"); break;
		case '\f': rt_buf_adds(out, "\\f"); break;
		default:
			/* U+2028/9 are valid JSON, but not JavaScript before ES2019. */
			if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029)
				rt_buf_addf(out, "\\u%04x", (unsigned)cp);
			else
				rt_utf8_add(out, cp);
		}
	}
	rt_buf_addc(out, '"');
}

static void str(struct rt_buf *b, const char *s)
{
	if (s)
		rt_json_string(b, s, strlen(s));
	else
		rt_buf_adds(b, "null");
}

/* "key": value-follows, with the separator before all but the first. */
static void key(struct rt_buf *b, bool *first, const char *k, int indent)
{
	rt_buf_adds(b, *first ? "\n" : ",\n");
	*first = false;
	rt_buf_addn(b, ' ', (size_t)indent);
	rt_buf_addf(b, "\"%s\": ", k);
}

static void quoted_date(struct rt_buf *b, struct rt_date d)
{
	rt_buf_addc(b, '"');
	export_date(b, d);
	rt_buf_addc(b, '"');
}

static void iso_utc(struct rt_buf *b, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	rt_buf_addf(b, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* {"local": "2022-12-05T16:00:00", "utc": "2022-12-05T15:00:00Z"} */
static void instant(struct rt_buf *b, const struct rt_agenda *a, size_t day, int minutes)
{
	struct rt_date d;
	int m;
	rt_agenda_when(a, day, minutes, &d, &m);
	rt_buf_adds(b, "{\"local\": \"");
	export_date(b, d);
	rt_buf_addf(b, "T%02d:%02d:00\", \"utc\": ", m / 60, m % 60);
	iso_utc(b, rt_zone_utc(a->timezone, a->days[day].date, minutes));
	rt_buf_addc(b, '}');
}

static void str_array(struct rt_buf *b, char *const *v, size_t n)
{
	rt_buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			rt_buf_adds(b, ", ");
		str(b, v[i]);
	}
	rt_buf_addc(b, ']');
}

static void item(struct rt_buf *b, const struct rt_agenda *a, const struct rt_item *it)
{
	bool first = true;
	rt_buf_adds(b, "        {");
	key(b, &first, "start", 10);
	instant(b, a, it->day, it->start);
	key(b, &first, "end", 10);
	if (it->end == RT_OPEN_END)
		rt_buf_adds(b, "null");
	else
		instant(b, a, it->day, it->end);
	key(b, &first, "title", 10);
	str(b, it->title);
	key(b, &first, "speakers", 10);
	str_array(b, it->speakers, it->nspeakers);
	key(b, &first, "room", 10);
	str(b, it->room);
	key(b, &first, "notes", 10);
	str(b, it->notes);
	key(b, &first, "line", 10);
	rt_buf_addf(b, "%u", it->line);
	rt_buf_adds(b, "\n        }");
}

static void day(struct rt_out *s, const struct rt_agenda *a, size_t d)
{
	struct rt_buf *b = s->b;
	const struct rt_day *dy = &a->days[d];
	bool first = true;
	rt_buf_adds(b, "    {");
	key(b, &first, "date", 6);
	quoted_date(b, dy->date);
	key(b, &first, "label", 6);
	str(b, dy->label);
	key(b, &first, "start", 6);
	if (a->all_day)
		rt_buf_adds(b, "null");
	else
		instant(b, a, d, dy->start);
	key(b, &first, "end", 6);
	if (a->all_day)
		rt_buf_adds(b, "null");
	else
		instant(b, a, d, dy->end);
	key(b, &first, "items", 6);
	rt_buf_addc(b, '[');
	for (size_t k = 0; k < dy->nitems; k++) {
		rt_buf_adds(b, k ? ",\n" : "\n");
		item(b, a, &a->items[dy->first_item + k]);
		rt_out_maybe_flush(s);
	}
	rt_buf_adds(b, dy->nitems ? "\n      ]\n    }" : "]\n    }");
}

static const char *status_name(enum rt_status st)
{
	switch (st) {
	case RT_STATUS_CONFIRMED: return "confirmed";
	case RT_STATUS_TENTATIVE: return "tentative";
	case RT_STATUS_CANCELLED: return "cancelled";
	case RT_STATUS_NONE: break;
	}
	return NULL;
}

int rt_export_json(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o)
{
	/* JSON carries data, not words: of o only the identity. */
	struct rt_buf buf;
	struct rt_out s = {.b = &buf, .file = out};
	struct rt_buf *b = &buf;
	bool first = true;
	char *uid = o->uid ? xstrdup(o->uid) : rt_agenda_uid(a);

	rt_buf_init(b);
	rt_buf_adds(b, "{");
	key(b, &first, "format", 2);
	rt_buf_adds(b, "\"retrason-agenda\"");
	key(b, &first, "version", 2);
	rt_buf_addf(b, "%d", RT_EXPORT_JSON_VERSION);
	key(b, &first, "title", 2);
	str(b, a->title);
	key(b, &first, "uid", 2);
	str(b, uid);
	key(b, &first, "sequence", 2);
	rt_buf_addf(b, "%d", o->sequence);
	key(b, &first, "status", 2);
	str(b, status_name(a->status));
	key(b, &first, "language", 2);
	str(b, a->language);
	key(b, &first, "timezone", 2);
	str(b, a->timezone);
	key(b, &first, "all_day", 2);
	rt_buf_adds(b, a->all_day ? "true" : "false");
	key(b, &first, "first_date", 2);
	quoted_date(b, a->first);
	key(b, &first, "last_date", 2);
	quoted_date(b, a->last);
	key(b, &first, "start", 2);
	if (a->all_day)
		rt_buf_adds(b, "null");
	else
		instant(b, a, 0, a->days[0].start);
	key(b, &first, "end", 2);
	if (a->all_day)
		rt_buf_adds(b, "null");
	else
		instant(b, a, a->ndays - 1, a->days[a->ndays - 1].end);
	key(b, &first, "location", 2);
	str(b, a->location);
	key(b, &first, "address", 2);
	str(b, a->address);
	key(b, &first, "organizer", 2);
	if (a->organizer.addr) {
		rt_buf_adds(b, "{\"name\": ");
		str(b, a->organizer.name);
		rt_buf_adds(b, ", \"email\": ");
		str(b, a->organizer.addr);
		rt_buf_addc(b, '}');
	} else {
		rt_buf_adds(b, "null");
	}
	key(b, &first, "contact", 2);
	str(b, a->contact);
	key(b, &first, "phone", 2);
	str(b, a->phone);
	key(b, &first, "email", 2);
	str(b, a->email);
	key(b, &first, "url", 2);
	str(b, a->url);
	key(b, &first, "reminder_minutes", 2);
	if (a->reminder == RT_NO_REMINDER)
		rt_buf_adds(b, "null");
	else
		rt_buf_addf(b, "%d", a->reminder);
	key(b, &first, "categories", 2);
	str_array(b, a->categories, a->ncategories);
	key(b, &first, "extra_fields", 2);
	rt_buf_addc(b, '[');
	for (size_t i = 0; i < a->nx; i++) {
		rt_buf_adds(b, i ? ", {\"name\": " : "{\"name\": ");
		str(b, a->x[i].name);
		rt_buf_adds(b, ", \"value\": ");
		str(b, a->x[i].value);
		rt_buf_addc(b, '}');
	}
	rt_buf_addc(b, ']');
	key(b, &first, "description", 2);
	rt_buf_addc(b, '[');
	for (size_t i = 0; i < a->ndesc; i++) {
		rt_buf_adds(b, i ? ",\n    {\"kind\": " : "\n    {\"kind\": ");
		rt_buf_adds(b, a->desc[i].list_item ? "\"list_item\"" : "\"paragraph\"");
		rt_buf_adds(b, ", \"text\": ");
		str(b, a->desc[i].text);
		rt_buf_addc(b, '}');
	}
	rt_buf_adds(b, a->ndesc ? "\n  ]" : "]");
	key(b, &first, "days", 2);
	rt_buf_addc(b, '[');
	for (size_t d = 0; d < a->ndays; d++) {
		rt_buf_adds(b, d ? ",\n" : "\n");
		day(&s, a, d);
	}
	rt_buf_adds(b, a->ndays ? "\n  ]\n}\n" : "]\n}\n");
	free(uid);
	int err = rt_out_finish(&s);
	rt_buf_finish(b);
	return err;
}
