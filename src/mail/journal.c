/* The send journal (include/retrason/journal.h): its grammar, its lock,
 * and the state it holds, indexed so that a re-run and `invite status`
 * are linear in its size. */
#define _GNU_SOURCE /* fallocate */
#include "retrason/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/hash.h"
#include "retrason/mailbox.h"
#include "retrason/readfile.h"
#include "retrason/strutil.h"
#include "retrason/textline.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

/* Words of the journal's grammar, not iTIP METHODs (rt_ics_method_name()):
 * WITHDRAW is sent as a METHOD:CANCEL to one attendee, and what the file
 * says must not change when the mail does. */
const char *const rt_journal_method_names[4] = {"REQUEST", "WITHDRAW", "CANCEL", "REMIND"};
static const char *const kind_names[] = {"version", "intent",  "sent",    "failed",
					 "snapshot", "reply", "counter", "mailbox"};
#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))
/* Where each kind's fields are: how many, and the index of its
 * SEQUENCE, ADDRESS, TIME and detail (-1: none). */
static const struct layout {
	int nfields, seq, addr, time, detail;
} layouts[NKINDS] = {
	[RT_J_VERSION] = {5, 2, -1, 4, 3},  [RT_J_INTENT] = {6, 2, 4, 5, -1},
	[RT_J_SENT] = {7, 2, 4, 6, 5},      [RT_J_FAILED] = {8, 2, 4, 6, 7},
	[RT_J_SNAPSHOT] = {5, 2, -1, 3, 4}, [RT_J_REPLY] = {11, 2, 3, 8, 9},
	[RT_J_COUNTER] = {10, 2, 3, 7, 8},  [RT_J_MAILBOX] = {6, -1, -1, 5, 2},
};
#define MAX_FIELDS 11
#define MAX_COMMENT 600 /* bytes of a reply's comment, escaped */
#define MAX_UID32 4294967295UL

#define MAX_TIME 253402300799LL /* 9999-12-31T23:59:59Z */
#define MAX_JOURNAL ((size_t)1 << 32)
#define RESERVE ((off_t)65536) /* room kept ahead for the next records */
#define HEADER "# retrason send journal: one line a message (see retrason(1), JOURNAL)\n"

/* ---- state ---- */

static uint64_t person_hash(const char *uid, const char *addr)
{
	return rt_hash_fold(rt_hash_str(RT_HASH_BASIS, uid) ^ 0x9e3779b97f4a7c15u, addr);
}

static size_t *slot_of(const struct rt_journal *j, const char *uid, const char *addr)
{
	size_t mask = j->nindex - 1;
	size_t i = (size_t)person_hash(uid, addr) & mask;
	for (;;) {
		size_t *s = &j->index[i];
		if (!*s)
			return s;
		const struct rt_journal_person *p = &j->people[*s - 1];
		/* uids are interned: one pointer per event */
		if ((p->uid == uid || !strcmp(p->uid, uid)) && !rt_strcasecmp(p->addr, addr))
			return s;
		i = (i + 1) & mask;
	}
}

static void grow_index(struct rt_journal *j)
{
	free(j->index);
	j->nindex = j->nindex ? j->nindex * 2 : 1024;
	j->index = xcalloc(j->nindex, sizeof(*j->index));
	for (size_t k = 0; k < j->npeople; k++)
		*slot_of(j, j->people[k].uid, j->people[k].addr) = k + 1;
}

static struct rt_journal_person *person(struct rt_journal *j, const char *uid, const char *addr)
{
	if ((j->npeople + 1) * 2 > j->nindex)
		grow_index(j);
	size_t *s = slot_of(j, uid, addr);
	if (*s)
		return &j->people[*s - 1];
	XGROW(j->people, j->cappeople, j->npeople + 1);
	struct rt_journal_person *p = &j->people[j->npeople++];
	*p = (struct rt_journal_person){uid,
					rt_arena_strndup(&j->arena, addr, strlen(addr)),
					RT_JS_NONE,
					-1,
					RT_JOURNAL_NO_RECORD,
					0,
					false,
					-1,
					RT_JOURNAL_NO_RECORD,
					RT_JOURNAL_NO_RECORD};
	*s = j->npeople;
	return p;
}

static size_t *event_slot(const struct rt_journal *j, const char *uid, size_t n)
{
	size_t mask = j->neindex - 1;
	size_t i = (size_t)rt_hash(RT_HASH_BASIS, uid, n) & mask;
	while (j->eindex[i]) {
		const char *u = j->events[j->eindex[i] - 1].uid;
		if (!strncmp(u, uid, n) && !u[n])
			break;
		i = (i + 1) & mask;
	}
	return &j->eindex[i];
}

/* The event of uid[0..n), added if new: records share its copy of uid. */
static struct rt_journal_event *event(struct rt_journal *j, const char *uid, size_t n)
{
	if ((j->nevents + 1) * 2 > j->neindex) {
		free(j->eindex);
		j->neindex = j->neindex ? j->neindex * 2 : 16;
		j->eindex = xcalloc(j->neindex, sizeof(*j->eindex));
		for (size_t k = 0; k < j->nevents; k++)
			*event_slot(j, j->events[k].uid, strlen(j->events[k].uid)) = k + 1;
	}
	size_t *s = event_slot(j, uid, n);
	if (!*s) {
		XGROW(j->events, j->capevents, j->nevents + 1);
		j->events[j->nevents++] =
			(struct rt_journal_event){rt_arena_strndup(&j->arena, uid, n), -1};
		*s = j->nevents;
	}
	return &j->events[*s - 1];
}

static const struct rt_journal_event *find_event(const struct rt_journal *j, const char *uid)
{
	if (!j->neindex)
		return NULL;
	size_t *s = event_slot(j, uid, strlen(uid));
	return *s ? &j->events[*s - 1] : NULL;
}

/* Whether reply record r is above the one at index k (or there is none):
 * by SEQUENCE, then DTSTAMP. */
static bool above(const struct rt_journal *j, const struct rt_journal_record *r, size_t k)
{
	if (k == RT_JOURNAL_NO_RECORD)
		return true;
	const struct rt_journal_record *o = &j->rec[k];
	return r->sequence != o->sequence ? r->sequence > o->sequence : r->dtstamp > o->dtstamp;
}

/* The index in j->mailboxes of source's record for uid, or nmailboxes. */
static size_t mailbox_of(const struct rt_journal *j, const char *uid, const char *source)
{
	size_t k = 0;
	while (k < j->nmailboxes && (strcmp(j->rec[j->mailboxes[k]].detail, source) ||
				     strcmp(j->rec[j->mailboxes[k]].uid, uid)))
		k++;
	return k;
}

/* Adds r (its strings already the journal's) and applies it. */
static void apply(struct rt_journal *j, struct rt_journal_record r)
{
	struct rt_journal_event *ev = event(j, r.uid, strlen(r.uid));
	r.uid = ev->uid;
	/* A reply's SEQUENCE comes from outside: it takes no number. */
	bool outside = r.kind == RT_J_REPLY || r.kind == RT_J_COUNTER;
	if (!outside && r.sequence > ev->max_sequence)
		ev->max_sequence = r.sequence;
	if (outside) {
		struct rt_journal_person *p = person(j, r.uid, r.addr);
		r.addr = p->addr;
		size_t *best = r.kind == RT_J_REPLY ? &p->answer : &p->proposal;
		if (above(j, &r, *best))
			*best = j->nrec;
	} else if (r.kind == RT_J_MAILBOX) {
		size_t k = mailbox_of(j, r.uid, r.detail);
		if (k == j->nmailboxes) {
			XGROW(j->mailboxes, j->capmailboxes, j->nmailboxes + 1);
			j->nmailboxes++;
		}
		j->mailboxes[k] = j->nrec;
	} else if (r.kind == RT_J_VERSION) {
		XGROW(j->versions, j->capversions, j->nversions + 1);
		j->versions[j->nversions++] = j->nrec;
	} else if (r.kind == RT_J_SNAPSHOT) {
		XGROW(j->snapshots, j->capsnapshots, j->nsnapshots + 1);
		j->snapshots[j->nsnapshots++] = j->nrec;
	} else {
		struct rt_journal_person *p = person(j, r.uid, r.addr);
		r.addr = p->addr;
		p->last = j->nrec;
		p->in_flight = r.kind == RT_J_INTENT;
		if (r.kind == RT_J_SENT) {
			static const enum rt_journal_state st[] = {RT_JS_INVITED, RT_JS_WITHDRAWN,
								   RT_JS_CANCELLED, RT_JS_INVITED};
			p->state = st[r.method];
			if (r.method == RT_JM_REMIND)
				p->reminded = r.sequence;
			p->state_rec = j->nrec;
			p->sequence = r.sequence;
		}
	}
	XGROW(j->rec, j->caprec, j->nrec + 1);
	j->rec[j->nrec++] = r;
}

/* ---- reading ---- */

struct field {
	const char *s;
	size_t n, off; /* off: from the line's start */
};

static void bad(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
		const char *hint, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void bad(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
		const char *hint, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rt_diag_at(&j->diags, RT_ERROR, ln->no, ln->off, ln->off + (f ? f->off : 0),
		   f && f->n ? f->n : 1, hint, "%s", msg);
}

static bool number(const struct field *f, long long max, long long *out)
{
	if (!f->n || f->n > 12)
		return false;
	long long v = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (f->s[i] < '0' || f->s[i] > '9')
			return false;
		v = v * 10 + (f->s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

static bool is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool fingerprint_ok(const struct field *f)
{
	if (f->n == 19 && !memcmp(f->s, "m1:", 3))
		return is_hex(f->s + 3, 16);
	if (f->n == 16)
		return is_hex(f->s, 16);
	return (f->n == 9 && (!memcmp(f->s, "cancelled", 9) || !memcmp(f->s, "withdrawn", 9)));
}

static bool message_id_ok(const struct field *f)
{
	if (!f->n)
		return true;
	if (f->n < 3 || f->s[0] != '<' || f->s[f->n - 1] != '>')
		return false;
	for (size_t i = 1; i + 1 < f->n; i++)
		if ((unsigned char)f->s[i] <= 0x20 || (unsigned char)f->s[i] >= 0x7f ||
		    f->s[i] == '<' || f->s[i] == '>')
			return false;
	return true;
}

static bool word(const struct field *f, const char *const *words, size_t n, int *out)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(words[i]) == f->n && !memcmp(f->s, words[i], f->n)) {
			*out = (int)i;
			return true;
		}
	return false;
}

/* The offset of the first bad escape in a snapshot's text, or its
 * length. */
static size_t escapes_ok(const struct field *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->s[i] == '\\') {
			if (i + 1 == f->n || !strchr("\\ntr", f->s[i + 1]))
				return i;
			i++;
		}
	return f->n;
}

/* Unescapes a field written escaped (a snapshot, a comment) into out. */
static size_t unescape_to(char *out, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			c = s[++i];
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
		}
		out[o++] = c;
	}
	out[o] = '\0';
	return o;
}

static const char *unescape(struct rt_arena *a, const struct field *f)
{
	char buf[MAX_COMMENT + 1];
	size_t n = unescape_to(buf, f->s, f->n);
	return rt_arena_strndup(a, buf, n);
}

/* Whether r comes where this retrason writes it (j->ordered): damage
 * that left well-formed lines, or lines added by hand, are not taken
 * for records. */
static bool in_order(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
		     const struct rt_journal_record *r)
{
	if (r->kind == RT_J_REPLY || r->kind == RT_J_COUNTER || r->kind == RT_J_MAILBOX) {
		if (rt_journal_latest(j, r->uid, false))
			return true;
		bad(j, ln, &f[1], "retrason reads replies only to a version it has sent",
		    "a '%s' record before any version of its event", kind_names[r->kind]);
		return false;
	}
	const char *had = rt_journal_fingerprint(j, r->uid, r->sequence);
	if (r->kind == RT_J_VERSION) {
		if (had && (strlen(had) != f[3].n || memcmp(had, f[3].s, f[3].n))) {
			bad(j, ln, &f[3], "one version a SEQUENCE: this line contradicts an earlier one",
			    "SEQUENCE %d already has the fingerprint %s", r->sequence, had);
			return false;
		}
		return true;
	}
	if (r->kind == RT_J_SNAPSHOT)
		return true;
	if (r->kind == RT_J_INTENT) {
		if (!had)
			bad(j, ln, &f[2], "retrason writes a version line before its first message",
			    "no version line before gives SEQUENCE %d", r->sequence);
		return had != NULL;
	}
	const struct rt_journal_person *p = rt_journal_find(j, r->uid, r->addr);
	const struct rt_journal_record *in = p && p->in_flight ? &j->rec[p->last] : NULL;
	if (!in || in->sequence != r->sequence || in->method != r->method) {
		bad(j, ln, &f[0], "retrason writes each message's intent before its outcome",
		    "a '%s' record without its intent before it", kind_names[r->kind]);
		return false;
	}
	return true;
}

/* An address field: a bare addr-spec. */
static void check_addr(struct rt_journal *j, const struct rt_line *ln, const struct field *f)
{
	struct rt_mailbox_error e;
	if (!rt_addr_check(f->s, f->n, &e)) {
		struct field at = {f->s, e.length ? e.length : 1, f->off + e.offset};
		bad(j, ln, &at, "the journal holds bare addresses, local@domain",
		    "recipient address: %s", e.message);
	}
}

/* A number up to max, or '-' for none (-1) where dash is allowed. */
static bool number_or_dash(const struct field *f, long long max, long long *out)
{
	if (f->n == 1 && f->s[0] == '-') {
		*out = -1;
		return true;
	}
	return number(f, max, out);
}

static void check_escapes(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
			  const char *what)
{
	size_t at = escapes_ok(f);
	if (at < f->n) {
		struct field e = {f->s + at, 2, f->off + at};
		bad(j, ln, &e, "only \\\\, \\n, \\r and \\t are escapes", "invalid escape in %s",
		    what);
	}
}

/* The fields only replies and counters have. */
static void reply_fields(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
			 struct rt_journal_record *r)
{
	check_addr(j, ln, &f[3]);
	bool reply = r->kind == RT_J_REPLY;
	const struct field *stamp = &f[reply ? 5 : 6];
	if (!number_or_dash(stamp, MAX_TIME, &r->dtstamp))
		bad(j, ln, stamp, "seconds since 1970, or '-' for none", "invalid DTSTAMP");
	if (reply) {
		int ps = 0;
		if (!word(&f[4], rt_partstat_names, 5, &ps))
			bad(j, ln, &f[4], "ACCEPTED, DECLINED, TENTATIVE, DELEGATED or NEEDS-ACTION",
			    "unknown answer '%.*s'", (int)(f[4].n > 24 ? 24 : f[4].n), f[4].s);
		r->partstat = (enum rt_partstat)ps;
		long long g = 0;
		if (!number(&f[6], RT_JOURNAL_MAX_GUESTS, &g))
			bad(j, ln, &f[6], "a number of guests from 0 to 1000", "invalid guests");
		r->guests = (int)g;
		if (!(f[7].n == 1 && f[7].s[0] == '-'))
			check_addr(j, ln, &f[7]);
	} else {
		for (int k = 4; k <= 5; k++)
			if (!number_or_dash(&f[k], MAX_TIME, k == 4 ? &r->start : &r->end))
				bad(j, ln, &f[k], "seconds since 1970, or '-' for none",
				    "invalid proposed %s", k == 4 ? "start" : "end");
	}
	const struct field *id = &f[reply ? 9 : 8], *comment = &f[reply ? 10 : 9];
	if (!message_id_ok(id))
		bad(j, ln, id, "a Message-ID is <...> of printable ASCII", "invalid Message-ID");
	if (comment->n > MAX_COMMENT)
		bad(j, ln, comment, NULL, "a comment is at most %d bytes", MAX_COMMENT);
	check_escapes(j, ln, comment, "a comment");
}

/* A mailbox's SOURCE: an IMAP URL of printable ASCII. */
static bool source_ok(const char *s, size_t n)
{
	bool ok = n <= 1000 && ((n > 7 && !memcmp(s, "imap://", 7)) ||
				(n > 8 && !memcmp(s, "imaps://", 8)));
	for (size_t i = 0; ok && i < n; i++)
		ok = (unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7f;
	return ok;
}

static void mailbox_fields(struct rt_journal *j, const struct rt_line *ln, const struct field *f,
			   struct rt_journal_record *r)
{
	if (!source_ok(f[2].s, f[2].n))
		bad(j, ln, &f[2], "an imap:// or imaps:// URL of printable ASCII",
		    "invalid mailbox source");
	long long v = 0, w = 0;
	if (!number(&f[3], MAX_UID32, &v) || !v)
		bad(j, ln, &f[3], "a number from 1 to 4294967295", "invalid UIDVALIDITY");
	if (!number(&f[4], MAX_UID32, &w))
		bad(j, ln, &f[4], "a number from 0 to 4294967295", "invalid UID");
	r->uidvalidity = (unsigned long)v;
	r->last_uid = (unsigned long)w;
}

/* One line: checked field by field; every problem is reported. */
static void parse_line(struct rt_journal *j, const struct rt_line *ln)
{
	if (!ln->len) {
		bad(j, ln, NULL, "delete the empty line", "empty line in the journal");
		return;
	}
	if (ln->s[0] == '#')
		return;
	/* A snapshot is an agenda file on one line; everything else short. */
	bool snap = ln->len > 9 && !memcmp(ln->s, "snapshot\t", 9);
	if (!rt_line_check(&j->diags, ln,
			   snap ? 2 * RT_JOURNAL_MAX_SNAPSHOT + 2048 : RT_JOURNAL_MAX_LINE))
		return;
	struct field f[MAX_FIELDS + 1];
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= ln->len && k < MAX_FIELDS + 1; i++) {
		if (i == ln->len || ln->s[i] == '\t') {
			f[k++] = (struct field){ln->s + start, i - start, start};
			start = i + 1;
		}
	}
	int kind;
	if (!word(&f[0], kind_names, NKINDS, &kind)) {
		/* The text is not NUL-terminated: look only inside the field. */
		const char *space = memchr(f[0].s, ' ', f[0].n);
		struct field w = {f[0].s, space ? (size_t)(space - f[0].s) : f[0].n, 0};
		int spaced;
		bad(j, ln, &f[0],
		    w.n < f[0].n && word(&w, kind_names, NKINDS, &spaced)
			    ? "fields are separated by tabs, not spaces"
			    : "a record is version, snapshot, intent, sent, failed, reply, "
			      "counter or mailbox",
		    "unknown journal record '%.*s'", (int)(f[0].n > 40 ? 40 : f[0].n), f[0].s);
		return;
	}
	const struct layout *lay = &layouts[kind];
	if ((int)k != lay->nfields) {
		const struct field *at = (int)k > lay->nfields ? &f[lay->nfields] : &f[k - 1];
		bad(j, ln, at, "fields are separated by one tab each",
		    "a '%s' record has %d fields, this line %s%zu", kind_names[kind],
		    lay->nfields, (int)k > lay->nfields ? "at least " : "", k);
		return;
	}
	size_t before = j->diags.errors;
	struct rt_journal_record r = {.kind = (enum rt_journal_kind)kind, .dtstamp = -1,
				      .start = -1, .end = -1, .comment = ""};
	long long v = 0;
	if (!f[1].n || f[1].n > 1000)
		bad(j, ln, &f[1], NULL, "the event's UID must be 1 to 1000 bytes");
	if (lay->seq >= 0 && !number(&f[lay->seq], RT_JOURNAL_MAX_SEQUENCE, &v))
		bad(j, ln, &f[lay->seq], "a SEQUENCE is a whole number from 0 to 1000000000",
		    "invalid SEQUENCE '%.*s'", (int)(f[lay->seq].n > 24 ? 24 : f[lay->seq].n),
		    f[lay->seq].s);
	r.sequence = (int)v;
	const struct field *tf = &f[lay->time];
	if (!number(tf, MAX_TIME, &r.time))
		bad(j, ln, tf, "a time is seconds since 1970", "invalid time '%.*s'",
		    (int)(tf->n > 24 ? 24 : tf->n), tf->s);
	if (kind == RT_J_VERSION) {
		if (!fingerprint_ok(&f[3]))
			bad(j, ln, &f[3], "m1: and 16 hex digits, cancelled or withdrawn",
			    "invalid fingerprint");
	} else if (kind == RT_J_SNAPSHOT) {
		check_escapes(j, ln, &f[4], "a snapshot");
	} else if (kind == RT_J_REPLY || kind == RT_J_COUNTER) {
		reply_fields(j, ln, f, &r);
	} else if (kind == RT_J_MAILBOX) {
		mailbox_fields(j, ln, f, &r);
	} else {
		int m = 0;
		if (!word(&f[3], rt_journal_method_names, 4, &m))
			bad(j, ln, &f[3], "REQUEST, WITHDRAW, CANCEL or REMIND", "unknown method '%.*s'",
			    (int)(f[3].n > 24 ? 24 : f[3].n), f[3].s);
		r.method = (enum rt_journal_method)m;
		check_addr(j, ln, &f[4]);
		if (kind == RT_J_SENT && !message_id_ok(&f[5]))
			bad(j, ln, &f[5], "a Message-ID is <...> of printable ASCII",
			    "invalid Message-ID");
		int st = 0;
		static const char *const fail[] = {"temporary", "permanent"};
		if (kind == RT_J_FAILED && !word(&f[5], fail, 2, &st))
			bad(j, ln, &f[5], "temporary or permanent", "unknown failure '%.*s'",
			    (int)(f[5].n > 24 ? 24 : f[5].n), f[5].s);
		r.permanent = st == 1;
	}
	if (j->diags.errors != before)
		return;
	/* apply() puts the event's copy of uid and the person's of addr in. */
	char uid[RT_JOURNAL_MAX_LINE], addr[RT_JOURNAL_MAX_LINE];
	memcpy(uid, f[1].s, f[1].n);
	uid[f[1].n] = '\0';
	r.uid = uid;
	if (lay->addr >= 0) {
		memcpy(addr, f[lay->addr].s, f[lay->addr].n);
		addr[f[lay->addr].n] = '\0';
		r.addr = addr;
	}
	if (j->ordered && !in_order(j, ln, f, &r))
		return;
	r.detail = lay->detail >= 0
			   ? rt_arena_strndup(&j->arena, f[lay->detail].s, f[lay->detail].n)
			   : "";
	if (kind == RT_J_REPLY && !(f[7].n == 1 && f[7].s[0] == '-'))
		r.delegated = rt_arena_strndup(&j->arena, f[7].s, f[7].n);
	if (kind == RT_J_REPLY || kind == RT_J_COUNTER)
		r.comment = unescape(&j->arena, &f[kind == RT_J_REPLY ? 10 : 9]);
	apply(j, r);
}

/* Keeps RESERVE bytes allocated past the end, so that when the disk
 * fills up the run learns it here, before it sends the next messages,
 * and the records of those already sent still fit.  A file system
 * without fallocate goes without. */
static int reserve(struct rt_journal *j)
{
	if (j->no_reserve || (off_t)j->bytes + RESERVE / 2 <= j->reserved)
		return 0;
	if (fallocate(j->fd, FALLOC_FL_KEEP_SIZE, (off_t)j->bytes, RESERVE) == 0) {
		j->reserved = (off_t)j->bytes + RESERVE;
		return 0;
	}
	if (errno == EOPNOTSUPP || errno == ENOSYS) {
		j->no_reserve = true;
		return 0;
	}
	return errno;
}

static int lock(int fd, int *pid)
{
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	if (fcntl(fd, F_SETLK, &fl) == 0)
		return 0;
	if (errno != EACCES && errno != EAGAIN)
		return errno;
	struct flock who = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	*pid = fcntl(fd, F_GETLK, &who) == 0 && who.l_type != F_UNLCK ? (int)who.l_pid : 0;
	return EAGAIN;
}

static int write_all(int fd, const char *p, size_t n);
static void format(struct rt_buf *b, const struct rt_journal_record *r, const char *detail);

/* Rewrites the journal with only the records that hold its state, once
 * it has grown to more than twice that: every version, and for each
 * recipient the message behind their state and their latest record
 * (what `invite status` shows).  The rest is history no command reads.
 *
 * The new file is written, synced and locked through its only
 * descriptor, then renamed over the old one: not with rt_atomic, whose
 * closing of its descriptor would drop the fcntl lock (POSIX drops a
 * process's lock on a file when any of its descriptors for it closes).
 * A run that opened the old file meanwhile finds its inode replaced and
 * opens the new one (rt_journal_open). */
static int compact(struct rt_journal *j)
{
	size_t kept = j->nversions + j->nsnapshots + j->nmailboxes;
	for (size_t k = 0; k < j->npeople; k++)
		kept += 4 + 2 * (j->people[k].state != RT_JS_NONE &&
				 j->people[k].state_rec != j->people[k].last);
	if (j->nrec <= 2 * kept + 1024)
		return 0;
	bool *keep = xcalloc(j->nrec, sizeof(*keep));
	for (size_t k = 0; k < j->nversions; k++)
		keep[j->versions[k]] = true;
	for (size_t k = 0; k < j->nsnapshots; k++)
		keep[j->snapshots[k]] = true;
	for (size_t k = 0; k < j->nmailboxes; k++)
		keep[j->mailboxes[k]] = true;
	for (size_t k = 0; k < j->npeople; k++) {
		const struct rt_journal_person *p = &j->people[k];
		size_t any[] = {p->last, p->answer, p->proposal};
		for (size_t i = 0; i < 3; i++)
			if (any[i] != RT_JOURNAL_NO_RECORD)
				keep[any[i]] = true;
		if (p->state != RT_JS_NONE)
			keep[p->state_rec] = true;
	}
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_adds(&b, HEADER);
	for (size_t k = 0; k < j->nrec; k++) {
		if (!keep[k])
			continue;
		/* An outcome comes after its intent (see in_order). */
		if (j->rec[k].kind == RT_J_SENT || j->rec[k].kind == RT_J_FAILED) {
			struct rt_journal_record in = j->rec[k];
			in.kind = RT_J_INTENT;
			format(&b, &in, "");
		}
		format(&b, &j->rec[k], j->rec[k].detail);
	}
	free(keep);

	struct rt_buf tmp;
	rt_buf_init(&tmp);
	rt_buf_addf(&tmp, "%s.XXXXXX", j->path);
	int e = 0, fd = mkostemp(tmp.data, O_APPEND | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		e = errno;
	else if (fstat(j->fd, &st) != 0 || fchmod(fd, st.st_mode & 07777) != 0 ||
		 (e = write_all(fd, b.data, b.len)) != 0 || fdatasync(fd) != 0)
		e = e ? e : errno;
	int pid = 0;
	if (!e && (e = lock(fd, &pid)) == 0 && rename(tmp.data, j->path) != 0)
		e = errno;
	if (e) {
		if (fd >= 0) {
			unlink(tmp.data);
			close(fd);
		}
	} else {
		/* The rename is durable once the folder is. */
		char *slash = strrchr(j->path, '/');
		char *dir = slash ? xstrndup(j->path, (size_t)(slash - j->path) + 1) : xstrdup(".");
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		free(dir);
		close(j->fd);
		j->fd = fd;
		j->bytes = b.len;
		j->reserved = 0;
		e = reserve(j);
	}
	rt_buf_finish(&tmp);
	rt_buf_finish(&b);
	return e;
}

enum rt_journal_status rt_journal_open(struct rt_journal *j, const char *path, bool write,
				       int *err)
{
	memset(j, 0, sizeof(*j));
	j->fd = -1;
	j->path = xstrdup(path);
	rt_arena_init(&j->arena);
	rt_buf_init(&j->pending);
	rt_diags_init(&j->diags, j->path, "", 0);
	*err = 0;

	int fd;
	for (int tries = 0;; tries++) {
		fd = open(path, write ? O_RDWR | O_APPEND | O_CLOEXEC : O_RDONLY | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT && write) {
			fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
			j->created = fd >= 0;
			if (fd < 0 && errno == EEXIST && tries < 8)
				continue; /* made by another run just now */
		}
		if (fd < 0) {
			if (errno == ENOENT && !write)
				return RT_JOURNAL_OK;
			*err = errno;
			return RT_JOURNAL_IO;
		}
		struct stat st, now;
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			*err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
			close(fd);
			return RT_JOURNAL_IO;
		}
		if (!write)
			break;
		int pid = 0, e = lock(fd, &pid);
		if (e) {
			close(fd);
			*err = e == EAGAIN ? pid : e;
			return e == EAGAIN ? RT_JOURNAL_BUSY : RT_JOURNAL_IO;
		}
		/* Locked, but still the journal?  A run that compacted it put
		 * a new file in its place: lock that one instead. */
		if (stat(path, &now) == 0 && now.st_ino == st.st_ino && now.st_dev == st.st_dev)
			break;
		close(fd);
		j->created = false;
		if (tries == 8) {
			*err = EAGAIN;
			return RT_JOURNAL_IO;
		}
	}
	j->fd = write ? fd : -1;
	struct rt_file file = {0};
	int e = rt_file_read_fd(&file, fd, MAX_JOURNAL);
	j->text = (char *)file.data;
	size_t len = file.len;
	if (!write)
		close(fd);
	if (e) {
		*err = e;
		return RT_JOURNAL_IO;
	}
	rt_diags_init(&j->diags, j->path, j->text, len);
	if (rt_find_nul(j->text, len) != len) {
		size_t at = rt_find_nul(j->text, len);
		rt_diag_at(&j->diags, RT_ERROR, 0, 0, at, 1, NULL,
			   "the journal holds a NUL byte (at byte %zu): not a journal", at);
		return RT_JOURNAL_BAD;
	}
	/* A last line without its newline was being written when a run
	 * stopped: it never became durable, so it is no record. */
	size_t whole = len;
	while (whole && j->text[whole - 1] != '\n')
		whole--;
	if (whole != len && write && ftruncate(j->fd, (off_t)whole) != 0) {
		*err = errno;
		return RT_JOURNAL_IO;
	}
	if (whole != len && write)
		rt_diag_at(&j->diags, RT_WARNING, 0, 0, 0, 0, NULL,
			   "its last line was cut short (a run stopped while writing it); "
			   "dropped, so that message is owed again");
	if (!len && !j->created)
		rt_diag_at(&j->diags, RT_WARNING, 0, 0, 0, 0,
			   "if invitations went out before, restore the journal first",
			   "the journal is empty: as far as it knows, nobody has been invited");
	j->ordered = !strncmp(j->text, "# retrason send journal", 23);
	j->bytes = whole;
	if (write && (e = reserve(j)) != 0) {
		*err = e;
		return RT_JOURNAL_IO;
	}
	size_t pos = 0;
	unsigned no = 0;
	struct rt_line ln;
	while (pos < whole && rt_next_line(j->text, whole, &pos, &no, &ln))
		parse_line(j, &ln);
	if (j->diags.errors)
		return RT_JOURNAL_BAD;
	if (write && (e = compact(j)) != 0) {
		*err = e;
		return RT_JOURNAL_IO;
	}
	return RT_JOURNAL_OK;
}

void rt_journal_close(struct rt_journal *j)
{
	if (j->fd >= 0) {
		/* Nothing was ever written: leave no empty journal behind. */
		if (j->created && !j->bytes)
			unlink(j->path);
		else if (j->reserved) {
			/* Give the room kept ahead back; if that fails it stays
			 * allocated, which does no harm. */
			int rc = ftruncate(j->fd, (off_t)j->bytes);
			(void)rc;
		}
		close(j->fd);
	}
	rt_diags_finish(&j->diags);
	free(j->text);
	free(j->rec);
	free(j->people);
	free(j->index);
	free(j->events);
	free(j->eindex);
	free(j->versions);
	free(j->snapshots);
	free(j->mailboxes);
	rt_buf_finish(&j->pending);
	rt_arena_finish(&j->arena);
	free(j->path);
	memset(j, 0, sizeof(*j));
	j->fd = -1;
}

/* ---- queries ---- */

const char *rt_journal_uid(const struct rt_journal *j)
{
	return j->nrec ? j->rec[0].uid : NULL;
}

int rt_journal_max_sequence(const struct rt_journal *j, const char *uid)
{
	const struct rt_journal_event *ev = find_event(j, uid);
	return ev ? ev->max_sequence : -1;
}

static bool is_content(const char *fp)
{
	return strcmp(fp, "cancelled") != 0 && strcmp(fp, "withdrawn") != 0;
}

const struct rt_journal_record *rt_journal_latest(const struct rt_journal *j, const char *uid,
						  bool content)
{
	const struct rt_journal_record *best = NULL;
	for (size_t k = 0; k < j->nversions; k++) {
		const struct rt_journal_record *r = &j->rec[j->versions[k]];
		if ((!best || r->sequence >= best->sequence) && !strcmp(r->uid, uid) &&
		    (!content || is_content(r->detail)))
			best = r;
	}
	return best;
}

const char *rt_journal_fingerprint(const struct rt_journal *j, const char *uid, int seq)
{
	for (size_t k = j->nversions; k-- > 0;) {
		const struct rt_journal_record *r = &j->rec[j->versions[k]];
		if (r->sequence == seq && !strcmp(r->uid, uid))
			return r->detail;
	}
	return NULL;
}

static const struct rt_journal_record *snapshot_of(const struct rt_journal *j, const char *uid,
						   int seq)
{
	for (size_t k = j->nsnapshots; k-- > 0;) {
		const struct rt_journal_record *r = &j->rec[j->snapshots[k]];
		if (r->sequence == seq && !strcmp(r->uid, uid))
			return r;
	}
	return NULL;
}

bool rt_journal_snapshot_exists(const struct rt_journal *j, const char *uid, int seq)
{
	return snapshot_of(j, uid, seq) != NULL;
}

char *rt_journal_snapshot(const struct rt_journal *j, const char *uid, int seq, size_t *len)
{
	const struct rt_journal_record *r = snapshot_of(j, uid, seq);
	if (!r)
		return NULL;
	size_t n = strlen(r->detail);
	char *out = xmalloc(n + 1);
	*len = unescape_to(out, r->detail, n);
	return out;
}

const struct rt_journal_person *rt_journal_find(const struct rt_journal *j, const char *uid,
						const char *addr)
{
	if (!j->nindex)
		return NULL;
	size_t *s = slot_of(j, uid, addr);
	return *s ? &j->people[*s - 1] : NULL;
}

/* ---- writing ---- */

/* Text from outside (a server's reason, a reply's comment) made one
 * journal field, at most 300 bytes: rt_utf8_clean() drops every
 * character the journal's reader would refuse. */
static void clean(struct rt_buf *out, const char *s)
{
	rt_utf8_clean(out, s, strlen(s), 300);
}

/* A number, or '-' for none. */
static void add_number(struct rt_buf *b, long long v)
{
	if (v < 0)
		rt_buf_adds(b, "\t-");
	else
		rt_buf_addf(b, "\t%lld", v);
}

/* Backslashes, tabs, CRs and line ends escaped (snapshots, comments). */
static void add_escaped(struct rt_buf *b, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\\' || c == '\n' || c == '\t' || c == '\r') {
			rt_buf_addc(b, '\\');
			c = c == '\n' ? 'n' : c == '\t' ? 't' : c == '\r' ? 'r' : '\\';
		}
		rt_buf_addc(b, c);
	}
}

/* A reply, a counter or a mailbox as a line. */
static void format_answer(struct rt_buf *b, const struct rt_journal_record *r)
{
	if (r->kind == RT_J_MAILBOX) {
		rt_buf_addf(b, "mailbox\t%s\t%s\t%lu\t%lu\t%lld\n", r->uid, r->detail,
			    r->uidvalidity, r->last_uid, r->time);
		return;
	}
	rt_buf_addf(b, "%s\t%s\t%d\t%s", kind_names[r->kind], r->uid, r->sequence, r->addr);
	if (r->kind == RT_J_REPLY) {
		rt_buf_addf(b, "\t%s", rt_partstat_names[r->partstat]);
		add_number(b, r->dtstamp);
		rt_buf_addf(b, "\t%d\t%s", r->guests, r->delegated ? r->delegated : "-");
	} else {
		add_number(b, r->start);
		add_number(b, r->end);
		add_number(b, r->dtstamp);
	}
	rt_buf_addf(b, "\t%lld\t%s\t", r->time, r->detail);
	add_escaped(b, r->comment, strlen(r->comment));
	rt_buf_addc(b, '\n');
}

/* One record as a line, its detail already clean. */
static void format(struct rt_buf *b, const struct rt_journal_record *r, const char *detail)
{
	if (r->kind == RT_J_REPLY || r->kind == RT_J_COUNTER || r->kind == RT_J_MAILBOX) {
		format_answer(b, r);
		return;
	}
	rt_buf_addf(b, "%s\t%s\t%d", kind_names[r->kind], r->uid, r->sequence);
	if (r->kind == RT_J_SNAPSHOT) {
		rt_buf_addf(b, "\t%lld\t", r->time);
		rt_buf_adds(b, detail);
		rt_buf_addc(b, '\n');
		return;
	}
	if (r->kind == RT_J_VERSION)
		rt_buf_addf(b, "\t%s", detail);
	else
		rt_buf_addf(b, "\t%s\t%s", rt_journal_method_names[r->method], r->addr);
	if (r->kind == RT_J_SENT)
		rt_buf_addf(b, "\t%s", detail);
	if (r->kind == RT_J_FAILED)
		rt_buf_adds(b, r->permanent ? "\tpermanent" : "\ttemporary");
	rt_buf_addf(b, "\t%lld", r->time);
	if (r->kind == RT_J_FAILED)
		rt_buf_addf(b, "\t%s", detail);
	rt_buf_addc(b, '\n');
}

static void add(struct rt_journal *j, struct rt_journal_record r, const char *detail)
{
	struct rt_buf d;
	rt_buf_init(&d);
	clean(&d, detail);
	format(&j->pending, &r, rt_buf_str(&d));
	r.detail = rt_arena_strndup(&j->arena, rt_buf_str(&d), d.len);
	rt_buf_finish(&d);
	apply(j, r);
}

void rt_journal_add_version(struct rt_journal *j, const char *uid, int seq,
			    const char *fingerprint, long long when)
{
	add(j, (struct rt_journal_record){.kind = RT_J_VERSION, .uid = uid, .sequence = seq,
					  .time = when},
	    fingerprint);
}

void rt_journal_add_snapshot(struct rt_journal *j, const char *uid, int seq, const char *text,
			     size_t len, long long when)
{
	if (len > RT_JOURNAL_MAX_SNAPSHOT)
		return;
	struct rt_buf e;
	rt_buf_init(&e);
	rt_buf_reserve(&e, len + len / 8);
	add_escaped(&e, text, len);
	struct rt_journal_record r = {.kind = RT_J_SNAPSHOT, .uid = uid, .sequence = seq,
				      .time = when};
	format(&j->pending, &r, rt_buf_str(&e));
	r.detail = rt_arena_strndup(&j->arena, rt_buf_str(&e), e.len);
	rt_buf_finish(&e);
	apply(j, r);
}

void rt_journal_add_intent(struct rt_journal *j, const char *uid, int seq,
			   enum rt_journal_method m, const char *addr, long long when)
{
	add(j, (struct rt_journal_record){.kind = RT_J_INTENT, .method = m, .uid = uid,
					  .addr = addr, .sequence = seq, .time = when},
	    "");
}

void rt_journal_add_sent(struct rt_journal *j, const char *uid, int seq,
			 enum rt_journal_method m, const char *addr, const char *message_id,
			 long long when)
{
	add(j, (struct rt_journal_record){.kind = RT_J_SENT, .method = m, .uid = uid,
					  .addr = addr, .sequence = seq, .time = when},
	    message_id);
}

void rt_journal_add_failed(struct rt_journal *j, const char *uid, int seq,
			   enum rt_journal_method m, const char *addr, bool permanent,
			   const char *reason, long long when)
{
	add(j, (struct rt_journal_record){.kind = RT_J_FAILED, .method = m, .uid = uid,
					  .addr = addr, .sequence = seq, .time = when,
					  .permanent = permanent},
	    reason ? reason : "");
}

bool rt_journal_add_reply(struct rt_journal *j, const char *uid, const struct rt_reply *a,
			  const char *message_id, long long when)
{
	struct rt_mailbox_error e;
	if (!a->addr || !rt_addr_check(a->addr, strlen(a->addr), &e))
		return false;
	struct rt_journal_record r = {
		.kind = a->kind == RT_REPLY_COUNTER ? RT_J_COUNTER : RT_J_REPLY,
		.uid = uid,
		.addr = a->addr,
		.sequence = a->sequence < 0 ? 0
			    : a->sequence > RT_JOURNAL_MAX_SEQUENCE ? RT_JOURNAL_MAX_SEQUENCE
								    : a->sequence,
		.time = when,
		.partstat = a->partstat,
		.dtstamp = a->dtstamp >= 0 && a->dtstamp <= MAX_TIME ? a->dtstamp : -1,
		.start = a->proposed_start >= 0 && a->proposed_start <= MAX_TIME ? a->proposed_start
										   : -1,
		.end = a->proposed_end >= 0 && a->proposed_end <= MAX_TIME ? a->proposed_end : -1,
		.guests = a->guests < 0 ? 0
			  : a->guests > RT_JOURNAL_MAX_GUESTS ? RT_JOURNAL_MAX_GUESTS
							      : a->guests,
	};
	if ((unsigned)r.partstat > RT_PS_DELEGATED)
		return false;
	const struct rt_journal_person *p = rt_journal_find(j, uid, a->addr);
	if (p && !above(j, &r, r.kind == RT_J_REPLY ? p->answer : p->proposal))
		return false;
	if (a->delegated_to && rt_addr_check(a->delegated_to, strlen(a->delegated_to), &e))
		r.delegated = rt_arena_strndup(&j->arena, a->delegated_to, strlen(a->delegated_to));
	struct field id = {message_id ? message_id : "", message_id ? strlen(message_id) : 0, 0};
	r.detail = message_id_ok(&id) ? rt_arena_strndup(&j->arena, id.s, id.n) : "";
	/* One line of text, short enough escaped. */
	struct rt_buf c;
	rt_buf_init(&c);
	clean(&c, a->comment ? a->comment : "");
	r.comment = rt_arena_strndup(&j->arena, rt_buf_str(&c), c.len);
	rt_buf_finish(&c);
	format(&j->pending, &r, r.detail);
	apply(j, r);
	return true;
}

bool rt_journal_mailbox(const struct rt_journal *j, const char *uid, const char *source,
			unsigned long *uidvalidity, unsigned long *last_uid)
{
	size_t k = mailbox_of(j, uid, source);
	if (k == j->nmailboxes)
		return false;
	*uidvalidity = j->rec[j->mailboxes[k]].uidvalidity;
	*last_uid = j->rec[j->mailboxes[k]].last_uid;
	return true;
}

void rt_journal_add_mailbox(struct rt_journal *j, const char *uid, const char *source,
			    unsigned long uidvalidity, unsigned long last_uid, long long when)
{
	if (!source_ok(source, strlen(source)) || !uidvalidity || uidvalidity > MAX_UID32 ||
	    last_uid > MAX_UID32)
		return; /* not a source the journal can name: read again next time */
	struct rt_journal_record r = {.kind = RT_J_MAILBOX, .uid = uid, .time = when,
				      .uidvalidity = uidvalidity, .last_uid = last_uid,
				      .comment = ""};
	r.detail = rt_arena_strndup(&j->arena, source, strlen(source));
	format(&j->pending, &r, r.detail);
	apply(j, r);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int rt_journal_sync(struct rt_journal *j)
{
	if (j->fd < 0)
		return EBADF;
	if (!j->pending.len)
		return 0;
	int e = 0;
	if (!j->bytes) {
		e = write_all(j->fd, HEADER, strlen(HEADER));
		if (!e)
			j->bytes += strlen(HEADER);
	}
	if (!e)
		e = write_all(j->fd, j->pending.data, j->pending.len);
	/* fdatasync: the lines and the size that makes them readable,
	 * without the timestamps fsync would also write. */
	if (!e && fdatasync(j->fd) != 0)
		e = errno;
	j->durable = !e;
	if (e) {
		/* What may have reached the file is cut off by the next open. */
		j->bytes = 1; /* not "nothing written": keep the file */
		rt_buf_reset(&j->pending);
		return e;
	}
	j->bytes += j->pending.len;
	rt_buf_reset(&j->pending);
	return reserve(j);
}
