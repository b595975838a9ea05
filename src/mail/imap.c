/* IMAP mailboxes as message sources, read-only.  libcurl connects,
 * does TLS or STARTTLS, verifies the certificate, logs in
 * (CURLOPT_CONNECT_ONLY) and logs out; the commands in between are
 * this file's own, over curl_easy_send() and curl_easy_recv():
 *
 *     EXAMINE "INBOX"                   read-only: no \Seen, no \Recent
 *     UID FETCH n:* (UID RFC822.SIZE)   what came since UID n-1, and how big
 *     UID FETCH u BODY.PEEK[]           each message, one at a time
 *
 * Why not libcurl's own IMAP transfers (7.88): imap://host/INBOX;UID=n
 * does SELECT and BODY[], which sets \Seen and moves mail from new/ to
 * cur/; a CURLOPT_CUSTOMREQUEST with a mailbox in the URL SELECTs it
 * first too ("* OK [CLOSED]" when the EXAMINE follows); and a custom
 * command's response is handed on line by line, the message's literal
 * included, so that a line of the message that starts with libcurl's
 * tag ("A004 OK") ends the command early, successfully, and the rest of
 * the message is read as the next command's response (seen with
 * Dovecot).  Reading the literal by its {size}, as here, takes the
 * message byte for byte whatever its lines say. */
#include "sources.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "retrason/buf.h"
#include "retrason/strutil.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

#include "endpoint.h"

static const struct rt_endpoint_kind imap_kind = {
	.proto = "IMAP",
	.plain = "imap",
	.tls = "imaps",
	.example = "imaps://user@host/INBOX, or imap://user@host/INBOX for STARTTLS",
	.password_env = "RETRASON_IMAP_PASSWORD",
	.mailbox = true,
};

/* The part of a status response's text that is kept (the rest is read
 * and dropped), and of an atom. */
#define TEXT_MAX 512
#define ATOM_MAX 128
/* The most one response may take, a message over RT_MSG_MAX (read to be
 * dropped) included: a server that sends without end is a broken one. */
#define REPLY_MAX (1ull << 30)

struct session {
	CURL *h;
	curl_socket_t sock;
	long timeout; /* seconds */
	char in[65536];
	size_t pos, end; /* in[pos..end): received, not yet parsed */
	unsigned tag;    /* of the command last sent, "R<tag>" */
	/* Low speed: fewer than timeout bytes in timeout seconds. */
	struct timespec since;
	size_t bytes;
	unsigned long long reply_bytes; /* received since this response began */
	enum rt_source_result failed; /* RT_SOURCE_OK until something fails */
	char *err;
	size_t errlen;
	char login_reply[TEXT_MAX]; /* the server's last word while logging in */
	bool login;                 /* libcurl logged in (or tried to) */
	struct rt_buf msg;          /* the message being fetched */
};

/* A FETCH response's items that matter here. */
struct fetch {
	bool has_uid, has_size, has_body, too_large;
	unsigned long uid, size;
};

/* One response, with what this file looks at. */
struct response {
	bool tagged;          /* to the command last sent */
	bool fetch;           /* "* n FETCH (...)", items in struct fetch */
	bool exists;          /* "* n EXISTS" */
	unsigned long number; /* of "* n ..." */
	char status[8];       /* OK, NO, BAD, BYE, PREAUTH; "" for data */
	char text[TEXT_MAX];  /* a status response's text, "[CODE ...]" first */
};

static bool fail(struct session *s, enum rt_source_result r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct session *s, enum rt_source_result r, const char *fmt, ...)
{
	if (s->failed)
		return false;
	s->failed = r;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, s->errlen, fmt, ap);
	va_end(ap);
	return false;
}

/* Text from outside — the server's, libcurl's about it, a mailbox name
 * from the URL — as one line that is safe to print (rt_utf8_clean: no
 * controls, no bidirectional marks, valid UTF-8), into out. */
static void clean(char *out, size_t cap, const char *text)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_utf8_clean(&b, text, strlen(text), cap - 1);
	snprintf(out, cap, "%s", rt_buf_str(&b));
	rt_buf_finish(&b);
}

/* Fails with what, then the server's text. */
static void fail_said(struct session *s, enum rt_source_result r, const char *what,
		      const char *text)
{
	if (s->failed)
		return;
	char said[TEXT_MAX];
	clean(said, sizeof(said), text);
	fail(s, r, "%s%s%s", what, *said ? ": " : "", said);
}

static bool garbled(struct session *s, const char *what)
{
	return fail(s, RT_SOURCE_PROTOCOL, "the server's reply makes no sense (%s)", what);
}

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Waits until the socket is ready, at most the timeout (a signal does
 * not make it longer). */
static bool wait_for(struct session *s, short events)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		double left = (double)s->timeout - since(&t0);
		if (left <= 0)
			break;
		struct pollfd p = {.fd = s->sock, .events = events};
		int r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r > 0)
			return true;
		if (r < 0 && errno != EINTR)
			return fail(s, RT_SOURCE_TEMPORARY, "waiting for the server: %s",
				    strerror(errno));
	}
	return fail(s, RT_SOURCE_TEMPORARY, "the server did not answer for %ld s", s->timeout);
}

/* Receives more bytes into in[]; false once the connection failed. */
static bool fill(struct session *s)
{
	if (s->failed)
		return false;
	if (s->pos == s->end)
		s->pos = s->end = 0;
	else if (s->end == sizeof(s->in)) {
		memmove(s->in, s->in + s->pos, s->end - s->pos);
		s->end -= s->pos;
		s->pos = 0;
	}
	for (;;) {
		size_t n = 0;
		CURLcode rc = curl_easy_recv(s->h, s->in + s->end, sizeof(s->in) - s->end, &n);
		if (rc == CURLE_OK && n == 0)
			return fail(s, RT_SOURCE_TEMPORARY, "the server closed the connection");
		if (rc == CURLE_OK) {
			s->end += n;
			s->bytes += n;
			if ((s->reply_bytes += n) > REPLY_MAX)
				return garbled(s, "a reply of more than 1 GiB");
			/* A server that trickles: as libcurl's CURLOPT_LOW_SPEED_*
			 * for the SMTP side, less than a byte a second over the
			 * timeout is a stall. */
			if (since(&s->since) >= (double)s->timeout) {
				if (s->bytes < (size_t)s->timeout)
					return fail(s, RT_SOURCE_TEMPORARY,
						    "the server stalled (less than a byte a "
						    "second for %ld s)", s->timeout);
				clock_gettime(CLOCK_MONOTONIC, &s->since);
				s->bytes = 0;
			}
			return true;
		}
		if (rc != CURLE_AGAIN)
			return fail(s, RT_SOURCE_TEMPORARY, "the connection failed: %s",
				    curl_easy_strerror(rc));
		if (!wait_for(s, POLLIN))
			return false;
	}
}

/* The next byte, without taking it; -1 once the connection failed. */
static int peek(struct session *s)
{
	if (s->pos == s->end && !fill(s))
		return -1;
	return (unsigned char)s->in[s->pos];
}

static int next(struct session *s)
{
	int c = peek(s);
	if (c >= 0)
		s->pos++;
	return c;
}

static bool expect(struct session *s, char c)
{
	int got = next(s);
	if (got == c)
		return true;
	if (got < 0)
		return false;
	char what[40];
	snprintf(what, sizeof(what), "expected '%c'", c);
	return garbled(s, what);
}

/* Takes the rest of the line, CRLF included; keeps its start in text
 * (may be NULL).  Status responses' text is text, not tokens: a '{' or
 * '"' in it is only a character. */
static bool take_line(struct session *s, char *text, size_t cap)
{
	size_t n = 0;
	for (;;) {
		int c = next(s);
		if (c < 0)
			return false;
		if (c == '\n')
			break;
		if (text && n + 1 < cap && c != '\r')
			text[n++] = (char)c;
	}
	if (text)
		text[n] = '\0';
	return true;
}

/* A literal's size: "{123}" CRLF, or "{123+}", after the '{'. */
static bool literal_size(struct session *s, unsigned long *size)
{
	unsigned long v = 0;
	int c, digits = 0;
	while ((c = next(s)) >= '0' && c <= '9') {
		if (v > (ULONG_MAX - 9) / 10)
			return garbled(s, "a literal's size");
		v = v * 10 + (unsigned long)(c - '0');
		digits++;
	}
	if (c == '+')
		c = next(s);
	if (c < 0)
		return false;
	if (!digits || c != '}' || !expect(s, '\r') || !expect(s, '\n'))
		return s->failed ? false : garbled(s, "a literal's size");
	if (v > REPLY_MAX)
		return garbled(s, "a literal of more than 1 GiB");
	*size = v;
	return true;
}

/* Takes n bytes, into out when it is not NULL. */
static bool take_bytes(struct session *s, unsigned long n, char *out)
{
	while (n) {
		if (s->pos == s->end && !fill(s))
			return false;
		size_t k = s->end - s->pos;
		if (k > n)
			k = n;
		if (out) {
			memcpy(out, s->in + s->pos, k);
			out += k;
		}
		s->pos += k;
		n -= k;
	}
	return true;
}

/* A quoted string after its '"', unescaped into out (or dropped when out
 * is NULL), up to cap bytes; *over tells that it had more. */
static bool take_quoted(struct session *s, struct rt_buf *out, size_t cap, bool *over)
{
	for (;;) {
		int c = next(s);
		if (c < 0)
			return false;
		if (c == '"')
			return true;
		if (c == '\r' || c == '\n')
			return garbled(s, "a line break in a quoted string");
		if (c == '\\' && (c = next(s)) < 0)
			return false;
		if (out && out->len < cap)
			rt_buf_addc(out, (char)c);
		else if (out)
			*over = true;
	}
}

/* An atom: up to a space, parenthesis, quote, brace or line end; a
 * "[...]" in it (BODY[HEADER.FIELDS (X)]) is taken whole.  At most cap-1
 * bytes are kept (the rest is read, and dropped). */
static bool take_atom(struct session *s, char *atom, size_t cap)
{
	size_t n = 0;
	int depth = 0;
	for (;;) {
		int c = peek(s);
		if (c < 0)
			return false;
		if (c == '\r' || c == '\n' ||
		    (!depth && (c == ' ' || c == '(' || c == ')' || c == '"' || c == '{')))
			break;
		if (c == '[')
			depth++;
		else if (c == ']' && depth)
			depth--;
		s->pos++;
		if (n + 1 < cap)
			atom[n++] = (char)c;
	}
	atom[n] = '\0';
	return n ? true : garbled(s, "an empty word");
}

static bool take_number(struct session *s, unsigned long *v)
{
	char atom[ATOM_MAX];
	if (!take_atom(s, atom, sizeof(atom)))
		return false;
	char *end;
	errno = 0;
	*v = strtoul(atom, &end, 10);
	if (atom[0] < '0' || atom[0] > '9' || *end || errno)
		return garbled(s, "a number");
	return true;
}

/* Between the items of a list (end ')') or of a response's rest (end
 * '\n', where CR and a stray ')' are passed over too): skips spaces, then
 * returns 0 when end came (and takes it), 1 when an item starts, -1 when
 * the reply failed. */
static int next_item(struct session *s, char end)
{
	for (;;) {
		int c = peek(s);
		if (c < 0)
			return -1;
		if (c == end) {
			s->pos++;
			return 0;
		}
		if (c == ' ' || (end == '\n' && (c == '\r' || c == ')'))) {
			s->pos++;
			continue;
		}
		if (c == '\r' || c == '\n') {
			garbled(s, "a list cut short");
			return -1;
		}
		return 1;
	}
}

/* Skips one value of a response: an atom, a quoted string, a literal or
 * a parenthesised list of them. */
static bool skip_value(struct session *s, int depth)
{
	char atom[ATOM_MAX];
	unsigned long n;
	bool over = false;
	int c = peek(s);
	if (c < 0)
		return false;
	if (depth > 64)
		return garbled(s, "lists nested too deep");
	if (c == '"') {
		s->pos++;
		return take_quoted(s, NULL, 0, &over);
	}
	if (c == '{' || c == '~') {
		s->pos++;
		if (c == '~' && !expect(s, '{'))
			return false;
		return literal_size(s, &n) && take_bytes(s, n, NULL);
	}
	if (c != '(')
		return take_atom(s, atom, sizeof(atom));
	s->pos++;
	int k;
	while ((k = next_item(s, ')')) > 0)
		if (!skip_value(s, depth + 1))
			return false;
	return k == 0;
}

/* Skips the rest of a response that holds data, literals included, to
 * its final CRLF. */
static bool skip_rest(struct session *s)
{
	int k;
	while ((k = next_item(s, '\n')) > 0)
		if (!skip_value(s, 0))
			return false;
	return k == 0;
}

/* A message as BODY[]'s nstring: a literal, a quoted string or NIL, into
 * s->msg unless it is larger than RT_MSG_MAX. */
static bool take_body(struct session *s, struct fetch *f)
{
	/* A large message's memory goes back once it was handed on. */
	if (s->msg.cap > (1u << 20))
		rt_buf_finish(&s->msg);
	rt_buf_reset(&s->msg);
	int c = peek(s);
	if (c < 0)
		return false;
	if (c == '"') {
		s->pos++;
		if (!take_quoted(s, &s->msg, RT_MSG_MAX, &f->too_large))
			return false;
		f->has_body = true;
		return true;
	}
	if (c != '{' && c != '~') {
		char atom[ATOM_MAX];
		return take_atom(s, atom, sizeof(atom)); /* NIL: no such part */
	}
	s->pos++;
	unsigned long n;
	if ((c == '~' && !expect(s, '{')) || !literal_size(s, &n))
		return false;
	f->has_body = true;
	if (n > RT_MSG_MAX) {
		f->too_large = true;
		return take_bytes(s, n, NULL);
	}
	rt_buf_reserve(&s->msg, n);
	if (!take_bytes(s, n, s->msg.data))
		return false;
	s->msg.len = n;
	s->msg.data[n] = '\0';
	return true;
}

/* "* n FETCH (" ... ")" after the "FETCH ". */
static bool take_fetch(struct session *s, struct fetch *f)
{
	memset(f, 0, sizeof(*f));
	if (!expect(s, '('))
		return false;
	int k;
	while ((k = next_item(s, ')')) > 0) {
		char name[ATOM_MAX];
		if (!take_atom(s, name, sizeof(name)) || !expect(s, ' '))
			return false;
		bool ok;
		if (!rt_strcasecmp(name, "UID"))
			ok = f->has_uid = take_number(s, &f->uid);
		else if (!rt_strcasecmp(name, "RFC822.SIZE"))
			ok = f->has_size = take_number(s, &f->size);
		else if (!rt_strcasecmp(name, "BODY[]") ||
			 (strlen(name) > 7 && rt_strncaseeq(name, 7, "BODY[]<")))
			ok = take_body(s, f); /* BODY[]<0> for a server's partial */
		else
			ok = skip_value(s, 0);
		if (!ok)
			return false;
	}
	return k == 0 && skip_rest(s);
}

static bool is_status(const char *w)
{
	return !strcmp(w, "OK") || !strcmp(w, "NO") || !strcmp(w, "BAD") || !strcmp(w, "BYE") ||
	       !strcmp(w, "PREAUTH");
}

/* Reads one response; a FETCH response's items into *f. */
static bool take_response(struct session *s, struct response *r, struct fetch *f)
{
	char word[ATOM_MAX];
	memset(r, 0, sizeof(*r));
	s->reply_bytes = s->end - s->pos;
	int c = peek(s);
	if (c < 0)
		return false;
	if (c == '+') /* a continuation: nothing sent here waits for one */
		return garbled(s, "a continuation request");
	if (c != '*') {
		char tag[16];
		snprintf(tag, sizeof(tag), "R%u", s->tag);
		if (!take_atom(s, word, sizeof(word)))
			return false;
		if (strcmp(word, tag))
			return garbled(s, "a reply to a command not sent");
		r->tagged = true;
		if (!expect(s, ' ') || !take_atom(s, r->status, sizeof(r->status)))
			return false;
		if (peek(s) == ' ')
			s->pos++;
		return take_line(s, r->text, sizeof(r->text));
	}
	s->pos++;
	if (!expect(s, ' ') || !take_atom(s, word, sizeof(word)))
		return false;
	if (is_status(word)) {
		memcpy(r->status, word, strlen(word) + 1); /* at most "PREAUTH" */
		if (peek(s) == ' ')
			s->pos++;
		return take_line(s, r->text, sizeof(r->text));
	}
	if (word[0] < '0' || word[0] > '9')
		return skip_rest(s); /* FLAGS, CAPABILITY, LIST, ... */
	r->number = strtoul(word, NULL, 10);
	if (!expect(s, ' ') || !take_atom(s, word, sizeof(word)))
		return false;
	if (!rt_strcasecmp(word, "FETCH")) {
		r->fetch = true;
		return expect(s, ' ') && take_fetch(s, f);
	}
	r->exists = !rt_strcasecmp(word, "EXISTS");
	return skip_rest(s); /* EXPUNGE, RECENT */
}

/* Sends "R<tag> " cmd CRLF. */
static bool command(struct session *s, const char *cmd)
{
	struct rt_buf line;
	rt_buf_init(&line);
	rt_buf_addf(&line, "R%u %s\r\n", ++s->tag, cmd);
	size_t off = 0;
	bool ok = true;
	while (ok && off < line.len) {
		size_t sent = 0;
		CURLcode rc = curl_easy_send(s->h, line.data + off, line.len - off, &sent);
		if (rc == CURLE_AGAIN)
			ok = wait_for(s, POLLOUT);
		else if (rc != CURLE_OK)
			ok = fail(s, RT_SOURCE_TEMPORARY, "the connection failed: %s",
				  curl_easy_strerror(rc));
		off += sent;
	}
	rt_buf_finish(&line);
	clock_gettime(CLOCK_MONOTONIC, &s->since);
	s->bytes = 0;
	return ok;
}

/* A "[CODE n]" at the start of a status text, as n; 0 if another. */
static unsigned long code_number(const char *text, const char *code)
{
	size_t n = strlen(code);
	if (text[0] != '[' || strlen(text) < n + 2 || !rt_strncaseeq(text + 1, n, code) ||
	    text[n + 1] != ' ')
		return 0;
	return strtoul(text + n + 2, NULL, 10);
}

/* The next untagged response to the command last sent: false at the
 * tagged one that ends it (in *r) or when the reply failed (s->failed).
 * "* BYE" is a failure: the server is closing the connection (shutting
 * down, an idle limit), and the run may be repeated. */
static bool untagged(struct session *s, struct response *r, struct fetch *f)
{
	if (!take_response(s, r, f) || r->tagged)
		return false;
	if (!strcmp(r->status, "BYE")) {
		fail_said(s, RT_SOURCE_TEMPORARY, "the server closed the connection", r->text);
		return false;
	}
	return true;
}

/* The mailbox name as an IMAP quoted string, non-ASCII in the modified
 * UTF-7 of RFC 3501 5.1.3 ("Äpfel" is "&AMQ-pfel"); false for control
 * characters or invalid UTF-8. */
static bool mailbox_arg(const char *name, struct rt_buf *out)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
	size_t len = strlen(name);
	rt_buf_addc(out, '"');
	if (!len)
		rt_buf_adds(out, "INBOX");
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x20 && c < 0x7F) {
			if (c == '"' || c == '\\')
				rt_buf_addc(out, '\\');
			rt_buf_addc(out, (char)c);
			if (c == '&')
				rt_buf_addc(out, '-');
			i++;
			continue;
		}
		/* A run of other characters: UTF-16, in base64 with ','. */
		uint32_t bits = 0;
		int nbits = 0;
		rt_buf_addc(out, '&');
		while (i < len && ((unsigned char)name[i] < 0x20 || (unsigned char)name[i] >= 0x7F)) {
			uint32_t cp;
			size_t k = rt_utf8_decode(name + i, len - i, &cp);
			if (!k || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
				return false;
			i += k;
			uint32_t units[2] = {cp, 0};
			int nunits = 1;
			if (cp >= 0x10000) {
				units[0] = 0xD800 + ((cp - 0x10000) >> 10);
				units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
				nunits = 2;
			}
			for (int u = 0; u < nunits; u++) {
				bits = (bits << 16) | units[u];
				nbits += 16;
				while (nbits >= 6) {
					nbits -= 6;
					rt_buf_addc(out, b64[(bits >> nbits) & 63]);
				}
			}
		}
		if (nbits)
			rt_buf_addc(out, b64[(bits << (6 - nbits)) & 63]);
		rt_buf_addc(out, '-');
	}
	rt_buf_addc(out, '"');
	return true;
}

/* rt_imap_check(), and on success *e (its path for the caller to free). */
static enum rt_source_result check(const char *url, const struct rt_imap_config *c,
				   struct rt_endpoint *e, char *err, size_t errlen)
{
	switch (rt_endpoint_check(&imap_kind, url, c->user, c->password, c->insecure, e, err,
				  errlen)) {
	case RT_ENDPOINT_OK:
		break;
	case RT_ENDPOINT_FILE:
		return RT_SOURCE_CONFIG;
	case RT_ENDPOINT_USAGE:
		return RT_SOURCE_USAGE;
	}
	enum rt_source_result rc = RT_SOURCE_OK;
	struct rt_buf arg;
	rt_buf_init(&arg);
	if (!mailbox_arg(e->path, &arg)) {
		snprintf(err, errlen, "the mailbox in the IMAP URL is not valid UTF-8 text");
		rc = RT_SOURCE_USAGE;
	} else if (!e->url_user && !c->user && !rt_netrc_exists()) {
		/* IMAP has no mail without a login (PREAUTH aside, which
		 * needs no URL). */
		snprintf(err, errlen, "no login for the IMAP server: name it in the URL "
				      "(imaps://user@host/INBOX) or in RETRASON_IMAP_USER");
		rc = RT_SOURCE_USAGE;
	}
	rt_buf_finish(&arg);
	if (rc) {
		free(e->path);
		e->path = NULL;
	}
	return rc;
}

enum rt_source_result rt_imap_check(const char *url, const struct rt_imap_config *c,
				    char *err, size_t errlen)
{
	static const struct rt_imap_config none = {0};
	struct rt_endpoint e;
	enum rt_source_result rc = check(url, c ? c : &none, &e, err, errlen);
	if (!rc)
		free(e.path);
	return rc;
}

/* While libcurl logs in: the last tagged reply, for the message when the
 * login is refused ("A002 NO [AUTHENTICATIONFAILED] ..."), and whether
 * it tried to log in at all (with ~/.netrc's login, say).  Of what is
 * sent only the command's name is looked at, never kept: the password
 * follows it. */
static int login_debug(CURL *h, curl_infotype type, char *data, size_t size, void *ctx)
{
	(void)h;
	struct session *s = ctx;
	if (type == CURLINFO_HEADER_OUT) {
		const char *sp = memchr(data, ' ', size);
		size_t left = sp ? size - (size_t)(sp + 1 - data) : 0;
		if ((left >= 6 && !memcmp(sp + 1, "LOGIN ", 6)) ||
		    (left >= 13 && !memcmp(sp + 1, "AUTHENTICATE ", 13)))
			s->login = true;
		return 0;
	}
	if (type != CURLINFO_HEADER_IN || size < 2 || data[0] == '*')
		return 0;
	size_t n = size < sizeof(s->login_reply) - 1 ? size : sizeof(s->login_reply) - 1;
	memcpy(s->login_reply, data, n);
	s->login_reply[n] = '\0';
	return 0;
}

static enum rt_source_result connect_failed(struct session *s, CURLcode rc, const char *errbuf)
{
	const char *text = *errbuf ? errbuf : curl_easy_strerror(rc);
	if (rc == CURLE_LOGIN_DENIED) {
		/* The tag is ours to drop: "A002 NO [...] Authentication failed." */
		const char *said = strchr(s->login_reply, ' ');
		fail_said(s, RT_SOURCE_AUTH, "the server refused the login",
			  said ? said + 1 : text);
	} else if (rt_endpoint_tls_error(rc)) {
		fail_said(s, RT_SOURCE_TLS, "TLS failed", text);
	} else if (rc == CURLE_WEIRD_SERVER_REPLY) {
		fail_said(s, RT_SOURCE_PROTOCOL, "the server's reply makes no sense", text);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT) {
		fail_said(s, RT_SOURCE_USAGE, "libcurl cannot use this URL", text);
	} else {
		fail_said(s, RT_SOURCE_TEMPORARY, "cannot reach the IMAP server", text);
	}
	return s->failed;
}

/* EXAMINE: the mailbox's UIDVALIDITY, UIDNEXT (0 if not told) and
 * number of messages. */
static bool examine(struct session *s, const char *mailbox, bool login, unsigned long *uidvalidity,
		    unsigned long *uidnext, unsigned long *exists)
{
	struct rt_buf cmd;
	rt_buf_init(&cmd);
	rt_buf_adds(&cmd, "EXAMINE ");
	mailbox_arg(mailbox, &cmd);
	bool sent = command(s, rt_buf_str(&cmd));
	rt_buf_finish(&cmd);
	struct response r;
	struct fetch f;
	*uidvalidity = *uidnext = *exists = 0;
	while (sent && untagged(s, &r, &f)) {
		if (r.exists)
			*exists = r.number;
		if (!strcmp(r.status, "OK") && code_number(r.text, "UIDVALIDITY"))
			*uidvalidity = code_number(r.text, "UIDVALIDITY");
		if (!strcmp(r.status, "OK") && code_number(r.text, "UIDNEXT"))
			*uidnext = code_number(r.text, "UIDNEXT");
	}
	if (s->failed)
		return false;
	if (!strcmp(r.status, "OK")) {
		if (!*uidvalidity)
			return garbled(s, "no UIDVALIDITY for the mailbox");
		return true;
	}
	if (!login) {
		fail_said(s, RT_SOURCE_AUTH, "no login was made (~/.netrc has none for this host?), "
					     "and the server said", r.text);
		return false;
	}
	if (!strcmp(r.status, "NO")) {
		char name[200], what[220];
		clean(name, sizeof(name), *mailbox ? mailbox : "INBOX");
		snprintf(what, sizeof(what), "no mailbox %s", name);
		fail_said(s, RT_SOURCE_NOINPUT, what, r.text);
	} else {
		fail_said(s, RT_SOURCE_PROTOCOL, "the server refused EXAMINE", r.text);
	}
	return false;
}

struct listed {
	unsigned long uid, size;
};

static int by_uid(const void *a, const void *b)
{
	unsigned long x = ((const struct listed *)a)->uid, y = ((const struct listed *)b)->uid;
	return x < y ? -1 : x > y;
}

/* The UIDs after last and their sizes, in ascending order: *n of them
 * in *list (caller frees). */
static bool list_new(struct session *s, unsigned long last, struct listed **list, size_t *n)
{
	char cmd[64];
	/* "n:*" is "from n to the last", which names the last message even
	 * when its UID is below n: what is not after last is dropped. */
	snprintf(cmd, sizeof(cmd), "UID FETCH %lu:* (UID RFC822.SIZE)", last + 1);
	bool sent = command(s, cmd);
	struct response r;
	struct fetch f;
	size_t cap = 0;
	*list = NULL;
	*n = 0;
	while (sent && untagged(s, &r, &f)) {
		/* FETCH responses without the size are news of flags. */
		if (!r.fetch || !f.has_uid || !f.has_size || f.uid <= last)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			*list = xreallocarray(*list, cap, sizeof(**list));
		}
		(*list)[(*n)++] = (struct listed){f.uid, f.size};
	}
	if (s->failed)
		return false;
	if (strcmp(r.status, "OK")) {
		fail_said(s, !strcmp(r.status, "NO") ? RT_SOURCE_TEMPORARY : RT_SOURCE_PROTOCOL,
			  "the server could not list the messages", r.text);
		return false;
	}
	if (*n)
		qsort(*list, *n, sizeof(**list), by_uid);
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (!k || (*list)[i].uid != (*list)[k - 1].uid)
			(*list)[k++] = (*list)[i];
	*n = k;
	return true;
}

/* Fetches the message uid and hands it to fn; *last_uid moves to uid
 * once the message is handed on, skipped or found gone. */
static bool fetch_one(struct session *s, const struct rt_walk *w, unsigned long uidvalidity,
		      unsigned long uid, unsigned long *last_uid)
{
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "UID FETCH %lu BODY.PEEK[]", uid);
	bool sent = command(s, cmd), seen = false;
	struct response r;
	struct fetch f;
	while (sent && untagged(s, &r, &f)) {
		/* Other FETCH responses are news about other messages. */
		if (!r.fetch || !f.has_uid || f.uid != uid || !f.has_body || seen)
			continue;
		seen = true;
		if (f.too_large) {
			w->n->too_large++;
		} else {
			struct rt_msg_origin o = {.source = w->spec, .uidvalidity = uidvalidity,
						  .uid = uid, .offset = -1};
			if (!w->fn(w->ctx, s->msg.data ? s->msg.data : "", s->msg.len, &o))
				return fail(s, RT_SOURCE_STOPPED, "stopped");
			w->n->messages++;
		}
		*last_uid = uid;
	}
	if (s->failed)
		return false;
	if (strcmp(r.status, "OK")) {
		char what[64];
		snprintf(what, sizeof(what), "the server could not give message %lu", uid);
		fail_said(s, !strcmp(r.status, "NO") ? RT_SOURCE_TEMPORARY : RT_SOURCE_PROTOCOL,
			  what, r.text);
		return false;
	}
	if (!seen) { /* expunged since it was listed */
		w->n->gone++;
		*last_uid = uid;
	}
	return true;
}

/* Says goodbye, so that the server logs a logout rather than a dropped
 * connection; its failure changes nothing (libcurl, which logged in,
 * only closes a CONNECT_ONLY connection). */
static void logout(struct session *s)
{
	struct response r;
	struct fetch f;
	bool ok = command(s, "LOGOUT");
	while (ok && take_response(s, &r, &f) && !r.tagged)
		;
}

enum rt_source_result rt_imap_walk(const struct rt_walk *w, const struct rt_imap_config *c,
				   unsigned long *uidvalidity, unsigned long *last_uid)
{
	const char *url = w->spec;
	char *err = w->err;
	size_t errlen = w->errlen;
	struct rt_endpoint e;
	enum rt_source_result rc = check(url, c, &e, err, errlen);
	if (rc)
		return rc;
	if (!rt_endpoint_global_init()) {
		free(e.path);
		snprintf(err, errlen, "libcurl could not initialise");
		return RT_SOURCE_IO;
	}
	struct session *s = xcalloc(1, sizeof(*s));
	s->err = err;
	s->errlen = errlen;
	s->sock = CURL_SOCKET_BAD;
	s->timeout = c->timeout > 0 ? c->timeout : 60;
	rt_buf_init(&s->msg);
	char errbuf[CURL_ERROR_SIZE] = "";
	struct listed *list = NULL;
	size_t count = 0;
	s->h = curl_easy_init();
	if (!s->h) {
		fail(s, RT_SOURCE_IO, "libcurl could not start a transfer");
		goto out;
	}
	/* The URL's login comes first: each SOURCE may name its own. */
	rt_endpoint_setup(s->h, url, e.url_user ? NULL : c->user, c->password, c->cacert,
			  c->insecure, e.loopback, s->timeout);
	curl_easy_setopt(s->h, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(s->h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(s->h, CURLOPT_DEBUGFUNCTION, login_debug);
	curl_easy_setopt(s->h, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->h, CURLOPT_VERBOSE, 1L);
	CURLcode cc = curl_easy_perform(s->h);
	curl_easy_setopt(s->h, CURLOPT_VERBOSE, 0L);
	if (cc != CURLE_OK) {
		connect_failed(s, cc, errbuf);
		goto out;
	}
	if (curl_easy_getinfo(s->h, CURLINFO_ACTIVESOCKET, &s->sock) != CURLE_OK ||
	    s->sock == CURL_SOCKET_BAD) {
		fail(s, RT_SOURCE_TEMPORARY, "libcurl kept no connection");
		goto out;
	}
	unsigned long v, uidnext, exists;
	if (!examine(s, e.path, s->login, &v, &uidnext, &exists))
		goto out;
	if (*uidvalidity != v) { /* a first run, or a new mailbox: all of it */
		*uidvalidity = v;
		*last_uid = 0;
	}
	/* Nothing new, said by EXAMINE already: the cheap re-run. */
	if (!exists || (uidnext && uidnext <= *last_uid + 1) || *last_uid >= 0xFFFFFFFFul)
		goto out;
	if (!list_new(s, *last_uid, &list, &count))
		goto out;
	for (size_t i = 0; i < count; i++) {
		if (list[i].size > RT_MSG_MAX) { /* not even fetched */
			w->n->too_large++;
			*last_uid = list[i].uid;
			continue;
		}
		if (!fetch_one(s, w, v, list[i].uid, last_uid))
			break;
	}
out:
	rc = s->failed;
	if (!rc)
		logout(s);
	/* A connection in an unknown state is only closed: an answer to a
	 * LOGOUT might never come. */
	else if (s->sock != CURL_SOCKET_BAD)
		shutdown(s->sock, SHUT_RDWR);
	curl_easy_cleanup(s->h);
	free(list);
	free(e.path);
	rt_buf_finish(&s->msg);
	free(s);
	return rc;
}
