/* The MIME half of the reply reader (retrason/reply.h): finds the one
 * calendar part of a message, decodes it and hands it to the iCalendar
 * half (src/ical/itip.c); and tells auto-replies by their headers.
 *
 * Read as mail comes, not as RFC 2045 wishes: header fields in any case,
 * folded or not; lines ending in CRLF or LF; a boundary quoted or not,
 * found only at the start of a line and followed by "--", blanks or the
 * line's end (so "--abc" never matches the "--abcd" of a nested part);
 * the last part kept when its closing delimiter is missing.  Everything
 * is a pass over the bytes with its bounds in retrason/reply.h: no part
 * is decoded but the calendar chosen. */
#include <stdbool.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/mailbox.h"
#include "retrason/mime.h"
#include "retrason/reply.h"
#include "retrason/strutil.h"
#include "retrason/utf8.h"

struct span {
	const char *p;
	size_t n;
};

/* The header fields read; the first of each name counts. */
enum hdr {
	H_CONTENT_TYPE,
	H_ENCODING,
	H_DISPOSITION,
	H_MESSAGE_ID,
	H_FROM,
	H_SUBJECT,
	H_AUTO_SUBMITTED,
	H_X_AUTOREPLY,
	H_X_AUTORESPOND,
	H_PRECEDENCE,
	H_X_AUTO_RESPONSE_SUPPRESS,
	H_X_MS_RULES_LOOP,
	H_COUNT
};
static const char *const hdr_names[H_COUNT] = {
	"Content-Type",  "Content-Transfer-Encoding", "Content-Disposition",
	"Message-ID",    "From",                      "Subject",
	"Auto-Submitted", "X-Autoreply",              "X-Autorespond",
	"Precedence",    "X-Auto-Response-Suppress",  "X-MS-Exchange-Inbox-Rules-Loop",
};

struct headers {
	struct span v[H_COUNT]; /* the raw value, folds and all */
	bool seen[H_COUNT];
};

/* The end of the line starting at i: the index of its '\n', or n. */
static size_t line_end(const char *s, size_t n, size_t i)
{
	const char *nl = memchr(s + i, '\n', n - i);
	return nl ? (size_t)(nl - s) : n;
}

/* Reads the header block at the start of s[0..n) into h; returns where
 * the body starts (after the empty line; n if there is none). */
static size_t read_headers(const char *s, size_t n, struct headers *h)
{
	memset(h, 0, sizeof(*h));
	size_t i = 0;
	if (n >= 5 && !memcmp(s, "From ", 5)) /* an mbox separator left on */
		i = line_end(s, n, 0) + 1;
	while (i < n) {
		size_t e = line_end(s, n, i);
		if (e == i || (e == i + 1 && s[i] == '\r'))
			return e + 1 <= n ? e + 1 : n;
		/* The field: this line and the folded lines after it. */
		size_t end = e;
		while (end + 1 < n && (s[end + 1] == ' ' || s[end + 1] == '\t'))
			end = line_end(s, n, end + 1);
		const char *colon = memchr(s + i, ':', e - i);
		if (colon) {
			size_t k = (size_t)(colon - (s + i));
			while (k && (s[i + k - 1] == ' ' || s[i + k - 1] == '\t'))
				k--;
			for (int f = 0; f < H_COUNT; f++)
				if (!h->seen[f] && rt_strncaseeq(s + i, k, hdr_names[f])) {
					h->seen[f] = true;
					h->v[f].p = colon + 1;
					h->v[f].n = (size_t)(s + end - (colon + 1));
				}
		}
		i = end < n ? end + 1 : n;
	}
	return n;
}

/* A header value unfolded (its line breaks dropped) and trimmed. */
static const char *unfold(struct rt_buf *b, struct span v)
{
	rt_buf_reset(b);
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] != '\r' && v.p[i] != '\n')
			rt_buf_addc(b, v.p[i]);
	size_t a = 0;
	while (a < b->len && (b->data[a] == ' ' || b->data[a] == '\t'))
		a++;
	while (b->len > a && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
		b->data[--b->len] = '\0';
	return rt_buf_str(b) + a;
}

/* What a Content-Type or Content-Disposition says, as far as it is
 * read here. */
struct ctype {
	char type[64];      /* lowercased, "" if none */
	char boundary[201]; /* RFC 2046: at most 70; "" if none or longer */
	char charset[41];
	char method[21];
	bool ics_name;      /* a name or filename ending in ".ics" */
};

static void lower_copy(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		dst[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	dst[n] = '\0';
}

static const char *skip_blanks(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '(')
			return p;
		for (int depth = 0; *p; p++) { /* an RFC 5322 comment */
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '(')
				depth++;
			else if (*p == ')' && --depth == 0) {
				p++;
				break;
			}
		}
	}
}

/* Reads "type/sub; name=value; name="quoted \" value"" from v. */
static void parse_ctype(const char *v, struct ctype *ct)
{
	memset(ct, 0, sizeof(*ct));
	const char *p = skip_blanks(v), *t = p;
	while (*p && *p != ';' && *p != ' ' && *p != '\t' && *p != '(')
		p++;
	lower_copy(ct->type, sizeof(ct->type), t, (size_t)(p - t));
	struct rt_buf val;
	rt_buf_init(&val);
	while (*(p = skip_blanks(p))) {
		if (*p != ';') {
			p++;
			continue;
		}
		p = skip_blanks(p + 1);
		const char *name = p;
		while (*p && *p != '=' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		size_t nn = (size_t)(p - name);
		p = skip_blanks(p);
		if (*p != '=')
			continue;
		p = skip_blanks(p + 1);
		rt_buf_reset(&val);
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				rt_buf_addc(&val, *p);
			}
			if (*p)
				p++;
		} else {
			const char *s = p;
			while (*p && *p != ';' && *p != ' ' && *p != '\t' && *p != '(')
				p++;
			rt_buf_add(&val, s, (size_t)(p - s));
		}
		const char *vs = rt_buf_str(&val);
		if (rt_strncaseeq(name, nn, "boundary") && val.len && val.len < sizeof(ct->boundary))
			memcpy(ct->boundary, vs, val.len + 1);
		else if (rt_strncaseeq(name, nn, "charset"))
			lower_copy(ct->charset, sizeof(ct->charset), vs, val.len);
		else if (rt_strncaseeq(name, nn, "method"))
			lower_copy(ct->method, sizeof(ct->method), vs, val.len);
		/* name, filename, and their RFC 2231 forms (filename*0,
		 * filename*=utf-8''invite.ics): the ending is what counts. */
		if ((nn >= 4 && rt_strncaseeq(name, 4, "name")) ||
		    (nn >= 8 && rt_strncaseeq(name, 8, "filename")))
			ct->ics_name |= val.len >= 4 && rt_strncaseeq(vs + val.len - 4, 4, ".ics");
	}
	rt_buf_finish(&val);
}

/* The calendar part chosen so far. */
struct walk {
	size_t parts;
	int rank; /* 3 text/calendar saying REPLY or COUNTER, 2 text/calendar,
		   * 1 application/ics or *.ics; 0 none yet */
	struct span body;
	char encoding[32];
	char charset[41];
	char method[21];
	struct rt_buf tmp;
};

static void walk(struct walk *w, const char *s, size_t n, const struct headers *h,
		 size_t body, int depth);

/* The next delimiter line "--boundary" at or after from: its start in
 * *at, the start of the line after it in *after, whether it closes the
 * multipart in *close. */
static bool next_delimiter(const char *s, size_t n, size_t from, const char *b, size_t bl,
			   size_t *at, size_t *after, bool *close)
{
	for (size_t k = from; k < n; k = line_end(s, n, k) + 1) {
		if (n - k < bl + 2 || s[k] != '-' || s[k + 1] != '-' || memcmp(s + k + 2, b, bl))
			continue;
		size_t j = k + 2 + bl;
		bool c = j + 1 < n && s[j] == '-' && s[j + 1] == '-';
		if (c)
			j += 2;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		while (j < n && s[j] == '\r')
			j++;
		if (!c && j < n && s[j] != '\n')
			continue;
		*at = k;
		*after = j < n ? line_end(s, n, j) + 1 : n;
		*close = c;
		return true;
	}
	return false;
}

/* Each part of a multipart body s[0..n), walked. */
static void walk_parts(struct walk *w, const char *s, size_t n, const char *b, int depth)
{
	size_t bl = strlen(b), at, after, start = 0, from = 0;
	bool close = false, open = false;
	while (w->parts < RT_REPLY_MAX_PARTS && next_delimiter(s, n, from, b, bl, &at, &after, &close)) {
		if (open) {
			/* The line break before a delimiter is the delimiter's. */
			size_t end = at;
			if (end > start && s[end - 1] == '\n')
				end--;
			if (end > start && s[end - 1] == '\r')
				end--;
			struct headers h;
			size_t body = read_headers(s + start, end - start, &h);
			walk(w, s + start, end - start, &h, body, depth + 1);
		}
		if (close)
			return;
		open = true;
		start = from = after;
	}
	if (open && !close && start < n && w->parts < RT_REPLY_MAX_PARTS) {
		struct headers h;
		size_t body = read_headers(s + start, n - start, &h);
		walk(w, s + start, n - start, &h, body, depth + 1);
	}
}

/* One entity s[0..n), its headers read into h, its body at body. */
static void walk(struct walk *w, const char *s, size_t n, const struct headers *h,
		 size_t body, int depth)
{
	if (++w->parts > RT_REPLY_MAX_PARTS)
		return;
	struct ctype ct, cd;
	parse_ctype(h->seen[H_CONTENT_TYPE] ? unfold(&w->tmp, h->v[H_CONTENT_TYPE]) : "", &ct);
	if (!strncmp(ct.type, "multipart/", 10)) {
		if (depth < RT_REPLY_MAX_DEPTH && ct.boundary[0])
			walk_parts(w, s + body, n - body, ct.boundary, depth);
		return;
	}
	parse_ctype(h->seen[H_DISPOSITION] ? unfold(&w->tmp, h->v[H_DISPOSITION]) : "", &cd);
	int rank = 0;
	if (!strcmp(ct.type, "text/calendar"))
		rank = !strcmp(ct.method, "reply") || !strcmp(ct.method, "counter") ? 3 : 2;
	else if (!strcmp(ct.type, "application/ics") ||
		 ((ct.ics_name || cd.ics_name) && strcmp(ct.type, "message/rfc822")))
		rank = 1;
	if (rank <= w->rank)
		return;
	w->rank = rank;
	w->body = (struct span){s + body, n - body};
	const char *enc = h->seen[H_ENCODING] ? unfold(&w->tmp, h->v[H_ENCODING]) : "";
	lower_copy(w->encoding, sizeof(w->encoding), enc, strlen(enc));
	memcpy(w->charset, ct.charset, sizeof(w->charset));
	memcpy(w->method, ct.method, sizeof(w->method));
}

/* ISO-8859-1 (and Windows-1252, whose extra characters become C1 and
 * are dropped later) to UTF-8. */
static bool latin1(const char *charset)
{
	static const char *const names[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
					    "l1", "windows-1252", "cp1252", "iso-8859-15"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(charset, names[i]))
			return true;
	return false;
}

/* The body of the part chosen, decoded, in UTF-8. */
static void decode(const struct walk *w, struct rt_buf *out)
{
	struct rt_buf raw;
	rt_buf_init(&raw);
	if (!strcmp(w->encoding, "base64"))
		rt_mime_base64_decode(&raw, w->body.p, w->body.n);
	else if (!strcmp(w->encoding, "quoted-printable"))
		rt_mime_qp_decode(&raw, w->body.p, w->body.n);
	else
		rt_buf_add(&raw, w->body.p, w->body.n);
	size_t i = raw.len >= 3 && !memcmp(raw.data, "\xEF\xBB\xBF", 3) ? 3 : 0; /* a BOM */
	if (latin1(w->charset))
		for (; i < raw.len; i++)
			rt_utf8_add(out, (unsigned char)raw.data[i]);
	else
		rt_buf_add(out, raw.data + i, raw.len - i);
	rt_buf_finish(&raw);
}

/* The addr-spec of a From: "Name <addr>" or "addr (comment)", checked. */
static bool from_address(struct rt_buf *b, struct span v)
{
	const char *s = unfold(b, v), *lt = strrchr(s, '<');
	size_t n;
	if (lt) {
		s = lt + 1;
		const char *gt = strchr(s, '>');
		n = gt ? (size_t)(gt - s) : strlen(s);
	} else {
		n = strcspn(s, " \t(");
	}
	struct rt_mailbox_error err;
	if (!rt_addr_check(s, n, &err))
		return false;
	memmove(b->data, s, n);
	b->data[b->len = n] = '\0';
	return true;
}

/* Auto-replies and bulk mail, by RFC 3834's header and the ones
 * vacation programs, Exchange and mailing lists write (as Zammad's
 * out-of-office filter reads them), else by an out-of-office subject. */
static bool automatic(const struct headers *h, struct rt_buf *b)
{
	if (h->seen[H_AUTO_SUBMITTED]) {
		const char *v = unfold(b, h->v[H_AUTO_SUBMITTED]);
		if (!rt_strncaseeq(v, strcspn(v, " \t;("), "no"))
			return true;
	}
	if (h->seen[H_X_AUTOREPLY] || h->seen[H_X_AUTORESPOND])
		return true;
	if (h->seen[H_PRECEDENCE]) {
		const char *v = unfold(b, h->v[H_PRECEDENCE]);
		size_t n = strcspn(v, " \t;(");
		if (rt_strncaseeq(v, n, "bulk") || rt_strncaseeq(v, n, "junk") ||
		    rt_strncaseeq(v, n, "list") || rt_strncaseeq(v, n, "auto_reply"))
			return true;
	}
	if (h->seen[H_X_AUTO_RESPONSE_SUPPRESS] && h->seen[H_X_MS_RULES_LOOP]) {
		const char *v = unfold(b, h->v[H_X_AUTO_RESPONSE_SUPPRESS]);
		for (size_t i = 0, n = strlen(v); i + 3 <= n; i++)
			if (rt_strncaseeq(v + i, 3, "all"))
				return true;
	}
	if (h->seen[H_SUBJECT]) {
		static const char *const prefixes[] = {
			"Out of Office",      "Automatic reply",       "Auto:",
			"Autoreply",          "Auto reply",            "Auto Response",
			"Abwesenheitsnotiz",  "Automatische Antwort",  "Automatisch antwoord",
			"Automatisk svar",    "Autosvar",
		};
		const char *v = unfold(b, h->v[H_SUBJECT]);
		size_t n = strlen(v);
		for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
			size_t k = strlen(prefixes[i]);
			if (n >= k && rt_strncaseeq(v, k, prefixes[i]))
				return true;
		}
	}
	return false;
}

enum rt_reply_outcome rt_reply_parse(const char *msg, size_t len, struct rt_replies *out)
{
	out->message_id = NULL;
	if (len > RT_REPLY_MAX_MESSAGE)
		return RT_REPLY_BROKEN;
	struct headers h;
	size_t body = read_headers(msg, len, &h);
	struct walk w = {.rank = 0};
	rt_buf_init(&w.tmp);
	if (h.seen[H_MESSAGE_ID]) {
		const char *id = unfold(&w.tmp, h.v[H_MESSAGE_ID]);
		struct rt_buf clean;
		rt_buf_init(&clean);
		if (rt_utf8_clean(&clean, id, strlen(id), 998))
			out->message_id = rt_arena_strndup(&out->arena, clean.data, clean.len);
		rt_buf_finish(&clean);
	}
	walk(&w, msg, len, &h, body, 0);

	enum rt_reply_outcome got = RT_REPLY_NO_CALENDAR;
	if (w.rank) {
		struct rt_buf ics, from;
		rt_buf_init(&ics);
		rt_buf_init(&from);
		decode(&w, &ics);
		bool has_from = h.seen[H_FROM] && from_address(&from, h.v[H_FROM]);
		got = rt_reply_read_calendar(rt_buf_str(&ics), ics.len, w.method[0] ? w.method : NULL,
					     has_from ? rt_buf_str(&from) : NULL, out);
		rt_buf_finish(&ics);
		rt_buf_finish(&from);
	}
	if (got != RT_REPLY_FOUND && automatic(&h, &w.tmp))
		got = RT_REPLY_AUTO;
	rt_buf_finish(&w.tmp);
	return got;
}
