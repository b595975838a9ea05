/* The iCalendar half of the reply reader (retrason/reply.h): the iTIP
 * answers in one calendar, read by libical.
 *
 * libical 3.0.16 is not fed the calendar as it came.  A filter first
 * keeps the content lines read here and drops the rest, because of what
 * libical does with some inputs: components nested 10^6 deep parse and
 * then overflow the stack when freed (icalcomponent_free recurses); a
 * SEQUENCE past 2^31 is read with atoi and wraps into any number; a
 * VTIMEZONE rule such as FREQ=SECONDLY is expanded, when a time in that
 * zone is converted, from its DTSTART to the year asked for.  So libical
 * sees VCALENDAR, VEVENT, VTIMEZONE, STANDARD and DAYLIGHT only where
 * they belong, each with only the properties below, zone rules only in
 * the shapes real VTIMEZONEs have (FREQ=YEARLY, one month, one day), and
 * at most RT_REPLY_MAX_KEPT bytes of it.  Garbage lines, DESCRIPTIONs
 * of megabytes (aerc sends the whole invitation back) and unknown
 * components never reach it. */
#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/mailbox.h"
#include "retrason/reply.h"
#include "retrason/strutil.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

const char *const rt_partstat_names[5] = {"NEEDS-ACTION", "ACCEPTED", "DECLINED",
					  "TENTATIVE", "DELEGATED"};

void rt_replies_init(struct rt_replies *r)
{
	memset(r, 0, sizeof(*r));
	rt_arena_init(&r->arena);
}

void rt_replies_finish(struct rt_replies *r)
{
	free(r->v);
	rt_arena_finish(&r->arena);
	memset(r, 0, sizeof(*r));
}

/* ---- the filter ---- */

enum comp { C_NONE, C_VCALENDAR, C_VEVENT, C_VTIMEZONE, C_STANDARD, C_DAYLIGHT, C_COUNT };

static const char *const comp_names[C_COUNT] = {"", "VCALENDAR", "VEVENT", "VTIMEZONE",
						 "STANDARD", "DAYLIGHT"};
static const enum comp comp_parent[C_COUNT] = {C_NONE, C_NONE, C_VCALENDAR, C_VCALENDAR,
					       C_VTIMEZONE, C_VTIMEZONE};

/* The properties kept in each component (NULL-terminated). */
static const char *const vcalendar_props[] = {"METHOD", NULL};
static const char *const vevent_props[] = {
	"UID",     "ATTENDEE", "SEQUENCE", "X-MICROSOFT-CDO-APPT-SEQUENCE", "DTSTAMP",
	"DTSTART", "DTEND",    "DURATION", "COMMENT", "RECURRENCE-ID", NULL};
static const char *const vtimezone_props[] = {"TZID", NULL};
static const char *const rule_props[] = {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE",
					 "RDATE", NULL};
static const char *const *const comp_props[C_COUNT] = {
	NULL, vcalendar_props, vevent_props, vtimezone_props, rule_props, rule_props};

struct filter {
	struct rt_buf out;
	enum comp stack[3];
	int depth;
	size_t skip;       /* inside a component not kept: how deep */
	size_t components; /* kept */
	bool too_big;
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (rt_strncaseeq(s, n, *list))
			return true;
	return false;
}

static bool name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-';
}

/* 1 to 10 digits, at most 2^31 - 1: what libical's atoi reads right. */
static bool small_number(const char *s, size_t n)
{
	if (n == 0 || n > 10)
		return false;
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v <= 2147483647u;
}

/* A zone rule as VTIMEZONEs write them (FREQ=YEARLY;BYMONTH=3;
 * BYDAY=-1SU, or BYMONTHDAY=8,...,14;BYDAY=SU), which libical expands
 * at most a few times a year. */
static bool zone_rule(const char *s, size_t n)
{
	bool yearly = false;
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && s[e] != ';')
			e++;
		const char *eq = memchr(s + i, '=', e - i);
		if (!eq)
			return false;
		size_t kn = (size_t)(eq - (s + i));
		const char *v = eq + 1;
		size_t vn = (size_t)(s + e - v);
		if (rt_strncaseeq(s + i, kn, "FREQ"))
			yearly = rt_strncaseeq(v, vn, "YEARLY");
		else if (rt_strncaseeq(s + i, kn, "INTERVAL")) {
			if (!rt_strncaseeq(v, vn, "1"))
				return false;
		} else if (rt_strncaseeq(s + i, kn, "BYMONTH") || rt_strncaseeq(s + i, kn, "BYDAY")) {
			if (memchr(v, ',', vn))
				return false;
		} else if (!rt_strncaseeq(s + i, kn, "BYMONTHDAY") &&
			   !rt_strncaseeq(s + i, kn, "UNTIL") && !rt_strncaseeq(s + i, kn, "COUNT") &&
			   !rt_strncaseeq(s + i, kn, "WKST")) {
			return false;
		}
		i = e + 1;
	}
	return yearly;
}

static void emit(struct filter *f, const char *l, size_t n)
{
	if (f->out.len + n + 2 > RT_REPLY_MAX_KEPT) {
		f->too_big = true;
		return;
	}
	rt_buf_add(&f->out, l, n);
	rt_buf_add(&f->out, "\r\n", 2);
}

/* One unfolded content line l[0..n). */
static void filter_line(struct filter *f, const char *l, size_t n)
{
	size_t k = 0;
	while (k < n && name_char(l[k]))
		k++;
	if (k == 0 || k == n || (l[k] != ':' && l[k] != ';') || memchr(l, '\0', n))
		return;
	const char *colon = memchr(l + k, ':', n - k);
	const char *v = colon ? colon + 1 : l + n;
	size_t vn = (size_t)(l + n - v);
	while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
		vn--;
	bool begin = rt_strncaseeq(l, k, "BEGIN"), end = rt_strncaseeq(l, k, "END");
	if (begin || end) {
		enum comp c = C_NONE;
		for (int i = 1; i < C_COUNT; i++)
			if (rt_strncaseeq(v, vn, comp_names[i]))
				c = (enum comp)i;
		enum comp top = f->depth ? f->stack[f->depth - 1] : C_NONE;
		char canonical[32]; /* as libical expects it, whatever parameters came */
		snprintf(canonical, sizeof(canonical), "%s:%s", begin ? "BEGIN" : "END",
			 comp_names[c]);
		if (f->skip && begin) {
			f->skip++;
		} else if (f->skip) {
			f->skip--;
		} else if (begin && c != C_NONE && comp_parent[c] == top) {
			if (++f->components > RT_REPLY_MAX_COMPONENTS)
				f->too_big = true;
			f->stack[f->depth++] = c;
			emit(f, canonical, strlen(canonical));
		} else if (begin) {
			f->skip = 1;
		} else if (f->depth && c == top) {
			f->depth--;
			emit(f, canonical, strlen(canonical));
		}
		return;
	}
	if (f->skip || !f->depth || !in_list(comp_props[f->stack[f->depth - 1]], l, k))
		return;
	if (rt_strncaseeq(l, k, "SEQUENCE") && !small_number(v, vn))
		return;
	if (rt_strncaseeq(l, k, "RRULE") && !zone_rule(v, vn))
		return;
	emit(f, l, n);
}

/* Keeps what is read of ics[0..len) in f->out, lines unfolded (RFC
 * 5545 3.1) and ending in CRLF; false when it would pass the bounds. */
static bool filter(struct filter *f, const char *s, size_t len)
{
	struct rt_buf line;
	rt_buf_init(&line);
	for (size_t i = 0; i < len && !f->too_big;) {
		bool overlong = false;
		rt_buf_reset(&line);
		for (;;) {
			size_t e = i;
			while (e < len && s[e] != '\n')
				e++;
			size_t t = e;
			while (t > i && s[t - 1] == '\r') /* CRLF, and the CRCRLF of some mailers */
				t--;
			if (line.len + (t - i) > RT_REPLY_MAX_LINE)
				overlong = true;
			else
				rt_buf_add(&line, s + i, t - i);
			i = e < len ? e + 1 : len;
			if (i < len && (s[i] == ' ' || s[i] == '\t')) {
				i++;
				continue;
			}
			break;
		}
		if (!overlong && line.len)
			filter_line(f, line.data, line.len);
	}
	rt_buf_finish(&line);
	return !f->too_big;
}

/* ---- reading ---- */

struct reader {
	struct rt_replies *out;
	const char *from;
	icalcomponent *cal; /* the VCALENDAR being read: its VTIMEZONEs */
	bool answerable;    /* a REPLY or COUNTER was seen */
	bool calendar;      /* a VCALENDAR was seen */
	struct rt_buf tmp;
};

/* The address in a cal-address value ("mailto:" in any case, or none)
 * if it passes rt_addr_check: a pointer into v, its length in *n. */
static const char *address_in(const char *v, size_t *n)
{
	if (!v)
		return NULL;
	*n = strlen(v);
	if (*n >= 7 && rt_strncaseeq(v, 7, "mailto:")) {
		v += 7;
		*n -= 7;
	} else if (memchr(v, ':', *n)) {
		return NULL; /* another kind of URI: not an e-mail address */
	}
	struct rt_mailbox_error err;
	return rt_addr_check(v, *n, &err) ? v : NULL;
}

/* The same, copied into the arena; or NULL. */
static const char *address(struct reader *r, const char *v)
{
	size_t n;
	const char *a = address_in(v, &n);
	return a ? rt_arena_strndup(&r->out->arena, a, n) : NULL;
}

/* Text cleaned (rt_utf8_clean) into the arena, or NULL if nothing is
 * left of it. */
static const char *clean_text(struct reader *r, const char *s, size_t n, size_t max)
{
	rt_buf_reset(&r->tmp);
	if (!rt_utf8_clean(&r->tmp, s, n, max))
		return NULL;
	return rt_arena_strndup(&r->out->arena, r->tmp.data, r->tmp.len);
}

/* Google's X-RESPONSE-COMMENT is TEXT-escaped inside its quotes, after
 * HTML-escaping ("it&#39\;s", in a public archive of a Google
 * invitation): both undone, in that order. */
static void unescape_google(struct rt_buf *b, const char *s)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
	struct rt_buf text;
	rt_buf_init(&text);
	for (; *s; s++) {
		if (s[0] == '\\' && s[1]) {
			s++;
			rt_buf_addc(&text, *s == 'n' || *s == 'N' ? '\n' : *s);
		} else {
			rt_buf_addc(&text, *s);
		}
	}
	for (s = rt_buf_str(&text); *s;) {
		if (s[0] == '&' && s[1] == '#') {
			bool hex = s[2] == 'x' || s[2] == 'X';
			const char *p = s + 2 + hex;
			unsigned long cp = 0;
			int digits = 0;
			for (; digits < 7; p++, digits++) {
				int d = *p >= '0' && *p <= '9'               ? *p - '0'
					: hex && *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
					: hex && *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
									 : -1;
				if (d < 0)
					break;
				cp = cp * (hex ? 16 : 10) + (unsigned)d;
			}
			if (digits && *p == ';' && cp && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
				rt_utf8_add(b, (uint32_t)cp);
				s = p + 1;
				continue;
			}
		}
		size_t i = 0;
		while (s[0] == '&' && i < sizeof(named) / sizeof(named[0]) &&
		       strncmp(s + 1, named[i].name, strlen(named[i].name)))
			i++;
		if (s[0] == '&' && i < sizeof(named) / sizeof(named[0])) {
			rt_buf_addc(b, named[i].c);
			s += 1 + strlen(named[i].name);
			continue;
		}
		rt_buf_addc(b, *s++);
	}
	rt_buf_finish(&text);
}

/* A DATE or DATE-TIME property as UTC seconds (retrason/reply.h says
 * how), or -1. */
static long long instant(struct reader *r, icalproperty *p)
{
	if (!p)
		return -1;
	icalvalue *v = icalproperty_get_value(p);
	if (!v)
		return -1;
	struct icaltimetype t;
	if (icalvalue_isa(v) == ICAL_DATETIME_VALUE)
		t = icalvalue_get_datetime(v);
	else if (icalvalue_isa(v) == ICAL_DATE_VALUE)
		t = icalvalue_get_date(v);
	else
		return -1;
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return -1;
	icaltimezone *zone = icaltimezone_get_utc_timezone();
	icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	if (tzid && !t.is_date && !icaltime_is_utc(t)) {
		const char *id = icalparameter_get_tzid(tzid);
		zone = id ? icalcomponent_get_timezone(r->cal, id) : NULL;
		if (!zone && id)
			zone = icaltimezone_get_builtin_timezone(id);
		if (!zone)
			return -1;
	}
	long long s = (long long)icaltime_as_timet_with_zone(t, zone);
	return s < 0 ? -1 : s;
}

static int partstat_of(icalproperty *att)
{
	icalparameter *p = icalproperty_get_first_parameter(att, ICAL_PARTSTAT_PARAMETER);
	switch (p ? icalparameter_get_partstat(p) : ICAL_PARTSTAT_NONE) {
	case ICAL_PARTSTAT_NEEDSACTION:
		return RT_PS_NEEDS_ACTION;
	case ICAL_PARTSTAT_ACCEPTED:
		return RT_PS_ACCEPTED;
	case ICAL_PARTSTAT_DECLINED:
		return RT_PS_DECLINED;
	case ICAL_PARTSTAT_TENTATIVE:
		return RT_PS_TENTATIVE;
	case ICAL_PARTSTAT_DELEGATED:
		return RT_PS_DELEGATED;
	default:
		return -1; /* none, or COMPLETED, IN-PROCESS, X-...: no answer */
	}
}

/* X-NUM-GUESTS, X-RESPONSE-COMMENT: Google's parameters on ATTENDEE. */
static const char *x_param(icalproperty *att, const char *name)
{
	for (icalparameter *q = icalproperty_get_first_parameter(att, ICAL_X_PARAMETER); q;
	     q = icalproperty_get_next_parameter(att, ICAL_X_PARAMETER)) {
		const char *xn = icalparameter_get_xname(q);
		if (xn && !rt_strcasecmp(xn, name))
			return icalparameter_get_xvalue(q);
	}
	return NULL;
}

static int guests_of(icalproperty *att)
{
	const char *v = x_param(att, "X-NUM-GUESTS");
	if (!v || !*v || strlen(v) > 4)
		return 0;
	int n = 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return 0;
		n = n * 10 + (*v - '0');
	}
	return n <= RT_REPLY_MAX_GUESTS ? n : 0;
}

static int sequence_of(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
	if (p) {
		int s = icalproperty_get_sequence(p);
		return s >= 0 && s <= RT_REPLY_MAX_SEQUENCE ? s : -1;
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
		const char *name = icalproperty_get_x_name(p), *v = icalproperty_get_x(p);
		if (!name || rt_strcasecmp(name, "X-MICROSOFT-CDO-APPT-SEQUENCE") || !v)
			continue;
		size_t n = strlen(v);
		if (!small_number(v, n))
			return -1;
		long s = strtol(v, NULL, 10);
		return s <= RT_REPLY_MAX_SEQUENCE ? (int)s : -1;
	}
	return -1;
}

static const char *param_address(struct reader *r, icalproperty *att, icalparameter_kind kind)
{
	icalparameter *p = icalproperty_get_first_parameter(att, kind);
	if (!p)
		return NULL;
	return address(r, kind == ICAL_SENTBY_PARAMETER ? icalparameter_get_sentby(p)
							 : icalparameter_get_delegatedto(p));
}

/* Appends the answer of one attendee, on top of what the event gave. */
static void add_answer(struct reader *r, const struct rt_reply *ev, icalproperty *att,
		       const char *addr, int partstat)
{
	struct rt_replies *out = r->out;
	XGROW(out->v, out->cap, out->n + 1);
	struct rt_reply *a = &out->v[out->n++];
	*a = *ev;
	a->addr = addr;
	a->partstat = partstat < 0 ? RT_PS_NEEDS_ACTION : (enum rt_partstat)partstat;
	a->sent_by = param_address(r, att, ICAL_SENTBY_PARAMETER);
	a->delegated_to = param_address(r, att, ICAL_DELEGATEDTO_PARAMETER);
	a->guests = guests_of(att);
	const char *said = x_param(att, "X-RESPONSE-COMMENT");
	if (said) {
		struct rt_buf b;
		rt_buf_init(&b);
		unescape_google(&b, said);
		const char *c = clean_text(r, rt_buf_str(&b), b.len, RT_REPLY_MAX_COMMENT);
		rt_buf_finish(&b);
		if (c)
			a->comment = c;
	}
}

static void read_event(struct reader *r, icalcomponent *ev, enum rt_reply_kind kind)
{
	const char *uid = icalcomponent_get_uid(ev);
	size_t un = uid ? strlen(uid) : 0;
	rt_buf_reset(&r->tmp);
	/* A UID that cleaning would change (controls, bad UTF-8) is none of
	 * ours: it names no invitation retrason sent. */
	if (!un || un > RT_REPLY_MAX_UID || rt_utf8_clean(&r->tmp, uid, un, un) != un ||
	    memcmp(r->tmp.data, uid, un))
		return;
	struct rt_reply base = {
		.kind = kind,
		.uid = rt_arena_strndup(&r->out->arena, uid, un),
		.sequence = sequence_of(ev),
		.dtstamp = instant(r, icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY)),
		.proposed_start = -1,
		.proposed_end = -1,
	};
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_COMMENT_PROPERTY);
	const char *comment = p ? icalproperty_get_comment(p) : NULL;
	if (comment)
		base.comment = clean_text(r, comment, strlen(comment), RT_REPLY_MAX_COMMENT);
	p = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
	const char *rid = p ? icalproperty_get_value_as_string(p) : NULL;
	if (rid)
		base.recurrence_id = clean_text(r, rid, strlen(rid), 100);
	if (kind == RT_REPLY_COUNTER) {
		base.proposed_start =
			instant(r, icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY));
		base.proposed_end =
			instant(r, icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
		p = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
		if (base.proposed_end < 0 && base.proposed_start >= 0 && p) {
			int d = icaldurationtype_as_int(icalproperty_get_duration(p));
			base.proposed_end = d >= 0 ? base.proposed_start + d : -1;
		}
	}

	/* A COUNTER's proposer: its only attendee, or the one who sent it. */
	size_t candidates = 0, n;
	bool from_attends = false;
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
		const char *a = address_in(icalproperty_get_attendee(p), &n);
		if (!a)
			continue;
		candidates++;
		from_attends |= r->from && rt_strncaseeq(a, n, r->from);
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
		const char *a = address_in(icalproperty_get_attendee(p), &n);
		int ps = partstat_of(p);
		if (!a)
			continue;
		bool take = kind == RT_REPLY_ANSWER
				    ? ps >= 0
				    : candidates == 1 || (from_attends && rt_strncaseeq(a, n, r->from));
		if (take)
			add_answer(r, &base, p, rt_arena_strndup(&r->out->arena, a, n), ps);
	}
}

static void read_vcalendar(struct reader *r, icalcomponent *cal, const char *method)
{
	r->calendar = true;
	r->cal = cal;
	icalproperty *m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
	enum rt_reply_kind kind;
	if (m && icalproperty_get_method(m) == ICAL_METHOD_REPLY)
		kind = RT_REPLY_ANSWER;
	else if (m && icalproperty_get_method(m) == ICAL_METHOD_COUNTER)
		kind = RT_REPLY_COUNTER;
	else if (!m && method && !rt_strcasecmp(method, "REPLY"))
		kind = RT_REPLY_ANSWER;
	else if (!m && method && !rt_strcasecmp(method, "COUNTER"))
		kind = RT_REPLY_COUNTER;
	else
		return;
	r->answerable = true;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		read_event(r, ev, kind);
}

enum rt_reply_outcome rt_reply_read_calendar(const char *ics, size_t len, const char *method,
					     const char *from, struct rt_replies *out)
{
	struct filter f = {.depth = 0};
	rt_buf_init(&f.out);
	if (!filter(&f, ics, len) || !f.out.len) {
		rt_buf_finish(&f.out);
		return RT_REPLY_BROKEN;
	}
	icalcomponent *root = icalparser_parse_string(f.out.data);
	rt_buf_finish(&f.out);
	if (!root)
		return RT_REPLY_BROKEN;

	struct reader r = {.out = out, .from = from};
	rt_buf_init(&r.tmp);
	size_t before = out->n;
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		read_vcalendar(&r, root, method);
	else
		for (icalcomponent *c = icalcomponent_get_first_component(root,
									   ICAL_VCALENDAR_COMPONENT);
		     c; c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
			read_vcalendar(&r, c, method);
	icalcomponent_free(root);
	rt_buf_finish(&r.tmp);
	if (out->n > before)
		return RT_REPLY_FOUND;
	return r.calendar && !r.answerable ? RT_REPLY_NOT_ICAL_REPLY : RT_REPLY_BROKEN;
}
