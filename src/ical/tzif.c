/* TZif files (RFC 8536), version 2 and later: the 64-bit table of
 * transitions and local time types, then the POSIX TZ string that
 * rules every instant after the table's last transition.
 *
 * Read by hand because libical can't be the reference its VTIMEZONEs
 * are checked against: measured over zone1970.tab for 2000-2040
 * (tests/vtimezone.py), libical 3.0.16's own offsets are wrong in 21
 * zones (its rules lose transitions: Tehran 2018/19, Sao Paulo 2014,
 * Jerusalem 2013-16; from 2038 it misreads the TZ string).  This reader
 * agrees with Python's zoneinfo on all 10,449 transitions there. */
#include "tzif.h"

#include <libical/ical.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/datetime.h"
#include "retrason/readfile.h"
#include "retrason/xalloc.h"

struct ttype {
	int off;
	bool dst;
	char abbr[16];
};

/* When a TZ string rule changes the clocks: a day of the year and a
 * time of that day, local time before the change. */
struct rule {
	char kind; /* 'J' (1..365, no Feb 29), 'D' (0..365), 'M' */
	int day, month, week, wday; /* wday 0 = Sunday */
	int secs;                   /* may be negative or past 24 h */
};

struct posix {
	bool valid, has_dst;
	struct ttype std, dst;
	struct rule start, end;
};

struct rt_tzif {
	size_t n;
	long long *at;
	unsigned char *idx;
	size_t ntypes;
	struct ttype *types;
	struct posix tz;
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static long long be64(const unsigned char *p)
{
	return (long long)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* POSIX TZ string pieces.  Each returns the rest of s, or NULL. */
static const char *tz_name(const char *s, char *out)
{
	size_t n = 0;
	if (*s == '<') {
		for (s++; *s && *s != '>'; s++)
			if (n < 15)
				out[n++] = *s;
		if (*s++ != '>')
			return NULL;
	} else {
		for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++)
			if (n < 15)
				out[n++] = *s;
	}
	out[n] = '\0';
	return n >= 3 ? s : NULL;
}

static const char *tz_hms(const char *s, int *secs, int max_hours)
{
	int sign = 1;
	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	int part[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++) {
		if (i && *s != ':')
			break;
		if (i)
			s++;
		if (*s < '0' || *s > '9')
			return NULL;
		for (int digits = 0; *s >= '0' && *s <= '9' && digits < 3; digits++)
			part[i] = part[i] * 10 + (*s++ - '0');
	}
	if (part[0] > max_hours || part[1] > 59 || part[2] > 59)
		return NULL;
	*secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	return s;
}

static const char *tz_num(const char *s, int *v)
{
	if (*s < '0' || *s > '9')
		return NULL;
	for (*v = 0; *s >= '0' && *s <= '9' && *v < 1000; s++)
		*v = *v * 10 + (*s - '0');
	return s;
}

static const char *tz_rule(const char *s, struct rule *r)
{
	if (*s == 'M') {
		r->kind = 'M';
		if (!(s = tz_num(s + 1, &r->month)) || *s++ != '.' || !(s = tz_num(s, &r->week)) ||
		    *s++ != '.' || !(s = tz_num(s, &r->wday)))
			return NULL;
		if (r->month < 1 || r->month > 12 || r->week < 1 || r->week > 5 || r->wday > 6)
			return NULL;
	} else {
		r->kind = *s == 'J' ? 'J' : 'D';
		if (!(s = tz_num(s + (*s == 'J'), &r->day)) ||
		    r->day > 365 || (r->kind == 'J' && r->day < 1))
			return NULL;
	}
	r->secs = 2 * 3600;
	if (*s == '/')
		s = tz_hms(s + 1, &r->secs, 167); /* RFC 8536 3.3.1 */
	return s;
}

static struct posix parse_tz(const char *s)
{
	struct posix p = {0};
	int secs;
	if (!(s = tz_name(s, p.std.abbr)) || !(s = tz_hms(s, &secs, 24)))
		return p;
	p.std.off = -secs; /* POSIX counts west of Greenwich */
	if (!*s) {
		p.valid = true;
		return p;
	}
	if (!(s = tz_name(s, p.dst.abbr)))
		return p;
	p.dst.dst = p.has_dst = true;
	p.dst.off = p.std.off + 3600;
	if (*s && *s != ',') {
		if (!(s = tz_hms(s, &secs, 24)))
			return p;
		p.dst.off = -secs;
	}
	if (*s != ',') /* the rules are required in TZif footers */
		return p;
	if (!(s = tz_rule(s + 1, &p.start)) || *s != ',' || !(s = tz_rule(s + 1, &p.end)) || *s)
		return p;
	p.valid = true;
	return p;
}

/* The local midnight (as seconds, no zone) of the rule's day in year y. */
static long long rule_day(const struct rule *r, int y)
{
	long jan1 = rt_date_to_days((struct rt_date){y, 1, 1});
	if (r->kind == 'J')
		return (jan1 + r->day - 1 + (rt_is_leap_year(y) && r->day >= 60)) * 86400LL;
	if (r->kind == 'D')
		return (jan1 + r->day) * 86400LL;
	struct rt_date first = {y, r->month, 1};
	int wd = (rt_date_weekday(first) + 1) % 7; /* to 0 = Sunday */
	int day = 1 + (r->wday - wd + 7) % 7 + (r->week - 1) * 7;
	while (day > rt_days_in_month(y, r->month))
		day -= 7;
	return rt_date_to_days((struct rt_date){y, r->month, day}) * 86400LL;
}

/* The TZ string's two changes of year y, in order of time: into a,
 * each with whether daylight time starts there. */
static void year_changes(const struct posix *p, int y, long long at[2], bool starts[2])
{
	long long s = rule_day(&p->start, y) + p->start.secs - p->std.off;
	long long e = rule_day(&p->end, y) + p->end.secs - p->dst.off;
	bool s_first = s < e;
	at[0] = s_first ? s : e;
	at[1] = s_first ? e : s;
	starts[0] = s_first;
	starts[1] = !s_first;
}

static int year_of(long long t)
{
	long days = (long)(t / 86400 - (t % 86400 < 0));
	return rt_date_from_days(days).year;
}

static const struct ttype *posix_type(const struct posix *p, long long t)
{
	if (!p->has_dst)
		return &p->std;
	/* The latest change at or before t, from the years around it. */
	int y = year_of(t);
	long long best = 0;
	bool found = false, dst = false;
	for (int k = y - 1; k <= y + 1; k++) {
		long long at[2];
		bool starts[2];
		year_changes(p, k, at, starts);
		for (int i = 0; i < 2; i++)
			if (at[i] <= t && (!found || at[i] >= best)) {
				best = at[i];
				dst = starts[i];
				found = true;
			}
	}
	return dst ? &p->dst : &p->std;
}

static const struct ttype *type_at(const struct rt_tzif *z, long long t)
{
	if (z->n && t >= z->at[z->n - 1] && z->tz.valid)
		return posix_type(&z->tz, t);
	if (!z->n || t < z->at[0]) {
		if (!z->n && z->tz.valid)
			return posix_type(&z->tz, t);
		return &z->types[0]; /* RFC 8536 3.2: type 0 before the first */
	}
	size_t lo = 0, hi = z->n; /* at[lo] <= t < at[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->at[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return &z->types[z->idx[lo]];
}

int rt_tzif_offset(const struct rt_tzif *z, long long t)
{
	return type_at(z, t)->off;
}

static bool parse(struct rt_tzif *z, const unsigned char *d, size_t len)
{
	if (len < 44 || memcmp(d, "TZif", 4) || d[4] < '2')
		return false;
	/* Skip the version 1 block (32-bit times, ends in 2038). */
	uint32_t c[6];
	for (int i = 0; i < 6; i++)
		c[i] = be32(d + 20 + 4 * i);
	size_t v1 = 44 + (size_t)c[3] * 5 + (size_t)c[4] * 6 + c[5] + (size_t)c[2] * 8 + c[1] + c[0];
	if (v1 + 44 > len || memcmp(d + v1, "TZif", 4))
		return false;
	const unsigned char *h = d + v1;
	for (int i = 0; i < 6; i++)
		c[i] = be32(h + 20 + 4 * i);
	uint32_t isut = c[0], isstd = c[1], leap = c[2], timecnt = c[3], typecnt = c[4],
		 charcnt = c[5];
	if (typecnt == 0 || typecnt > 256 || charcnt == 0 || timecnt > 100000 || leap > 10000)
		return false;
	size_t need = 44 + (size_t)timecnt * 9 + (size_t)typecnt * 6 + charcnt +
		      (size_t)leap * 12 + isstd + isut;
	if (v1 + need > len)
		return false;
	const unsigned char *p = h + 44;
	z->n = timecnt;
	z->at = xcalloc(timecnt ? timecnt : 1, sizeof(*z->at));
	z->idx = xcalloc(timecnt ? timecnt : 1, 1);
	for (size_t i = 0; i < timecnt; i++, p += 8)
		z->at[i] = be64(p);
	for (size_t i = 0; i < timecnt; i++)
		if ((z->idx[i] = *p++) >= typecnt || (i && z->at[i] <= z->at[i - 1]))
			return false;
	const unsigned char *chars = p + (size_t)typecnt * 6;
	z->ntypes = typecnt;
	z->types = xcalloc(typecnt, sizeof(*z->types));
	for (size_t i = 0; i < typecnt; i++, p += 6) {
		z->types[i].off = (int32_t)be32(p);
		z->types[i].dst = p[4] != 0;
		if (p[5] >= charcnt)
			return false;
		size_t n = strnlen((const char *)chars + p[5], charcnt - p[5]);
		memcpy(z->types[i].abbr, chars + p[5], n < 15 ? n : 15);
	}
	/* The footer: "\n" TZ string "\n". */
	const unsigned char *f = h + need, *end = d + len;
	if (f < end && *f == '\n') {
		const unsigned char *nl = memchr(f + 1, '\n', (size_t)(end - f - 1));
		if (nl && nl - f - 1 < 128) {
			char s[128];
			memcpy(s, f + 1, (size_t)(nl - f - 1));
			s[nl - f - 1] = '\0';
			if (*s)
				z->tz = parse_tz(s);
		}
	}
	return true;
}

struct rt_tzif *rt_tzif_load(const char *path)
{
	struct rt_file f;
	if (rt_file_open(&f, path, 1 << 20) != 0)
		return NULL;
	struct rt_tzif *z = xcalloc(1, sizeof(*z));
	if (!parse(z, (const unsigned char *)f.data, f.len)) {
		rt_tzif_free(z);
		z = NULL;
	}
	rt_file_close(&f);
	return z;
}

void rt_tzif_free(struct rt_tzif *z)
{
	if (!z)
		return;
	free(z->at);
	free(z->idx);
	free(z->types);
	free(z);
}

long long rt_tzif_table_end(const struct rt_tzif *z)
{
	return z->n ? z->at[z->n - 1] : 0;
}

static void push(struct rt_tzif_change **v, size_t *n, size_t *cap, long long at,
		 const struct ttype *before, const struct ttype *after)
{
	if (before->off == after->off && before->dst == after->dst &&
	    !strcmp(before->abbr, after->abbr))
		return; /* nothing changes here */
	if (*n == *cap)
		*v = xreallocarray(*v, *cap = *cap ? *cap * 2 : 16, sizeof(**v));
	struct rt_tzif_change *c = &(*v)[(*n)++];
	c->at = at;
	c->from = before->off;
	c->to = after->off;
	c->dst = after->dst;
	memcpy(c->abbr, after->abbr, sizeof(c->abbr));
}

size_t rt_tzif_changes(const struct rt_tzif *z, long long lo, long long hi,
		       struct rt_tzif_change **out)
{
	struct rt_tzif_change *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < z->n; i++)
		if (z->at[i] > lo && z->at[i] <= hi)
			push(&v, &n, &cap, z->at[i], type_at(z, z->at[i] - 1),
			     &z->types[z->idx[i]]);
	long long table_end = z->n ? z->at[z->n - 1] : lo;
	if (z->tz.valid && z->tz.has_dst && hi > table_end) {
		long long from = lo > table_end ? lo : table_end;
		for (int y = year_of(from) - 1; y <= year_of(hi) + 1; y++) {
			long long at[2];
			bool starts[2];
			year_changes(&z->tz, y, at, starts);
			for (int i = 0; i < 2; i++)
				if (at[i] > from && at[i] <= hi)
					push(&v, &n, &cap, at[i], type_at(z, at[i] - 1),
					     type_at(z, at[i]));
		}
	}
	*out = v;
	return n;
}

struct rt_tzif_change rt_tzif_change_before(const struct rt_tzif *z, long long t)
{
	/* Most zones change every year or so: look back a year, then further. */
	for (long long span = 400 * 86400LL; span < 500LL * 366 * 86400; span *= 4) {
		struct rt_tzif_change *v;
		size_t n = rt_tzif_changes(z, t - span, t, &v);
		struct rt_tzif_change c = n ? v[n - 1] : (struct rt_tzif_change){0};
		free(v);
		if (n)
			return c;
	}
	const struct ttype *ty = type_at(z, t);
	struct rt_tzif_change c = {.at = t, .from = ty->off, .to = ty->off, .dst = ty->dst};
	memcpy(c.abbr, ty->abbr, sizeof(c.abbr));
	return c;
}

const struct rt_tzif *rt_tzif_zone(const char *tzid)
{
	static char *name;
	static struct rt_tzif *zone;
	if (name && tzid && !strcmp(name, tzid))
		return zone;
	free(name);
	rt_tzif_free(zone);
	name = NULL;
	zone = NULL;
	const char *dir = icaltzutil_get_zone_directory();
	if (!dir || !tzid || strstr(tzid, ".."))
		return NULL;
	struct rt_buf path;
	rt_buf_init(&path);
	rt_buf_addf(&path, "%s/%s", dir, tzid);
	zone = rt_tzif_load(rt_buf_str(&path));
	rt_buf_finish(&path);
	name = xstrdup(tzid);
	return zone;
}
