/* SMTP through libcurl: one easy handle per session, so consecutive
 * messages reuse its connection. */
#include "retrason/smtp.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/xalloc.h"

#include "curl_load.h"

struct rt_smtp {
	CURL *curl;
	char errbuf[CURL_ERROR_SIZE];
	char from[512];
	struct curl_slist *rcpt;
	const char *data; /* the message being uploaded */
	size_t len, pos;
	char reply[256]; /* the server's last reply line, for messages */
};

static bool prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

bool rt_smtp_url_is_loopback(const char *url)
{
	const char *h = strstr(url, "://");
	if (!h)
		return false;
	h += 3;
	const char *at = strchr(h, '@'); /* user@host */
	const char *slash = strchr(h, '/');
	if (at && (!slash || at < slash))
		h = at + 1;
	if (prefix(h, "localhost") && (h[9] == '\0' || h[9] == ':' || h[9] == '/'))
		return true;
	if (prefix(h, "[::1]"))
		return true;
	return prefix(h, "127.");
}

bool rt_smtp_config_check(const struct rt_smtp_config *c, char *err, size_t errlen)
{
	bool loop = rt_smtp_url_is_loopback(c->url);
	if (!prefix(c->url, "smtp://") && !prefix(c->url, "smtps://")) {
		snprintf(err, errlen, "the SMTP URL must start with smtp:// or smtps://");
		return false;
	}
	if (c->insecure && c->user && !loop) {
		snprintf(err, errlen, "--insecure with a password to a server that is not on "
				      "this machine would give the password to anyone in between");
		return false;
	}
	return true;
}

static size_t read_cb(char *buf, size_t size, size_t n, void *ctx)
{
	struct rt_smtp *s = ctx;
	size_t want = size * n, left = s->len - s->pos;
	if (want > left)
		want = left;
	memcpy(buf, s->data + s->pos, want);
	s->pos += want;
	return want;
}

/* Keeps the server's last reply line: libcurl's own error text for a
 * refusal ("Got unexpected smtp-server response") loses the server's
 * words, which are what the user needs ("421 too busy").  Only what
 * the server says is looked at, never what we send (AUTH). */
static int debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *ctx)
{
	(void)h;
	struct rt_smtp *s = ctx;
	if (type != CURLINFO_HEADER_IN || size < 4)
		return 0;
	size_t n = size < sizeof(s->reply) - 1 ? size : sizeof(s->reply) - 1;
	memcpy(s->reply, data, n);
	s->reply[n] = '\0';
	return 0;
}

bool rt_smtp_init(char *err, size_t errlen)
{
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	/* libcurl allocates and frees a transfer's ~200 KiB of buffers for
	 * every message; glibc would give that memory back to the kernel
	 * and ask for it again each time (two brk or mmap calls a
	 * message).  Keep up to 4 MiB on the heap instead. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
	return rt_curl_load(err, errlen);
}

/* Whether ~/.netrc exists: libcurl would otherwise try to open it for
 * every message. */
static bool have_netrc(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return false;
	char path[4096];
	snprintf(path, sizeof(path), "%s/.netrc", home);
	return access(path, F_OK) == 0;
}

struct rt_smtp *rt_smtp_open(const struct rt_smtp_config *c)
{
	if (!rt_curl_load(NULL, 0))
		return NULL;
	struct rt_smtp *s = xcalloc(1, sizeof(*s));
	s->curl = curl_easy_init();
	if (!s->curl) {
		free(s);
		return NULL;
	}
	CURL *h = s->curl;
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, s);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	/* TLS for everything but loopback: STARTTLS must succeed. */
	curl_easy_setopt(h, CURLOPT_USE_SSL, rt_smtp_url_is_loopback(c->url)
						     ? (long)CURLUSESSL_TRY
						     : (long)CURLUSESSL_ALL);
	if (c->cacert)
		curl_easy_setopt(h, CURLOPT_CAINFO, c->cacert);
	if (c->insecure) {
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	/* A password from ~/.netrc when none is given: never from argv. */
	if (have_netrc())
		curl_easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	if (c->user)
		curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
	if (c->password)
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->password);
	long t = c->timeout > 0 ? c->timeout : 60;
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, t);
	/* A server that stops answering: less than a byte a second for t. */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, t);
	return s;
}

void rt_smtp_close(struct rt_smtp *s)
{
	if (!s)
		return;
	curl_easy_cleanup(s->curl);
	curl_slist_free_all(s->rcpt);
	free(s);
}

/* Text from a server or libcurl is untrusted: keep it printable. */
static void sanitize(char *err, size_t errlen, const char *what, const char *text)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_adds(&b, what);
	for (const char *p = text; *p && b.len < errlen - 1; p++)
		rt_buf_addc(&b, ((unsigned char)*p < 0x20 || *p == 0x7F) ? ' ' : *p);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	snprintf(err, errlen, "%s", rt_buf_str(&b));
	rt_buf_finish(&b);
}

/* Sets up the session for one message; the pool runs the transfer. */
static void prepare(struct rt_smtp *s, const char *from_addr, const char *to_addr,
		    const char *msg, size_t len)
{
	snprintf(s->from, sizeof(s->from), "<%s>", from_addr);
	curl_slist_free_all(s->rcpt);
	s->rcpt = curl_slist_append(NULL, to_addr);
	s->data = msg;
	s->len = len;
	s->pos = 0;
	s->errbuf[0] = '\0';
	s->reply[0] = '\0';
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, s->from);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, s->rcpt);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
}

static enum rt_smtp_result classify(struct rt_smtp *s, CURLcode rc, char *err, size_t errlen)
{
	long code = 0;
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_OK)
		return RT_SMTP_OK;

	bool tls = rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION ||
		   rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CERTPROBLEM ||
		   rc == CURLE_USE_SSL_FAILED;
	const char *text = s->errbuf[0] ? s->errbuf : curl_easy_strerror(rc);
	if (tls)
		sanitize(err, errlen, "TLS failed: ", text);
	else if (code >= 400 && s->reply[0] >= '4' && s->reply[0] <= '5')
		sanitize(err, errlen, "server said: ", s->reply);
	else
		sanitize(err, errlen, "", text);
	switch (rc) {
	case CURLE_LOGIN_DENIED:
		return RT_SMTP_AUTH;
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return RT_SMTP_FATAL;
	default:
		break;
	}
	if (code >= 500 && code < 600)
		return code == 535 ? RT_SMTP_AUTH : RT_SMTP_PERMANENT;
	/* No connection, no greeting, no sense, or 421 ("closing the
	 * channel"): the server is down for every recipient, not just this
	 * one. */
	if (code == 421 || rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_WEIRD_SERVER_REPLY ||
	    rc == CURLE_OPERATION_TIMEDOUT)
		return RT_SMTP_DOWN;
	return RT_SMTP_TEMPORARY; /* 4xx, or the connection went away */
}

struct rt_smtp_pool {
	CURLM *multi;
	int running;
};

struct rt_smtp_pool *rt_smtp_pool_new(void)
{
	if (!rt_curl_load(NULL, 0))
		return NULL;
	struct rt_smtp_pool *p = xcalloc(1, sizeof(*p));
	p->multi = curl_multi_init();
	if (!p->multi) {
		free(p);
		return NULL;
	}
	return p;
}

void rt_smtp_pool_free(struct rt_smtp_pool *p)
{
	if (!p)
		return;
	curl_multi_cleanup(p->multi);
	free(p);
}

void rt_smtp_start(struct rt_smtp_pool *p, struct rt_smtp *s, const char *from_addr,
		   const char *to_addr, const char *msg, size_t len)
{
	prepare(s, from_addr, to_addr, msg, len);
	curl_easy_setopt(s->curl, CURLOPT_PRIVATE, s);
	curl_multi_add_handle(p->multi, s->curl);
	p->running++;
}

struct rt_smtp *rt_smtp_wait(struct rt_smtp_pool *p, int timeout_ms,
			     enum rt_smtp_result *result, char *err, size_t errlen)
{
	int still, left;
	for (;;) {
		curl_multi_perform(p->multi, &still);
		CURLMsg *m;
		while ((m = curl_multi_info_read(p->multi, &left))) {
			if (m->msg != CURLMSG_DONE)
				continue;
			struct rt_smtp *s = NULL;
			CURL *h = m->easy_handle;
			CURLcode rc = m->data.result;
			curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&s);
			curl_multi_remove_handle(p->multi, h);
			p->running--;
			*result = classify(s, rc, err, errlen);
			return s;
		}
		if (p->running == 0 || timeout_ms <= 0)
			return NULL;
		/* Wait in slices so a caller's retry timers are not starved. */
		int slice = timeout_ms < 100 ? timeout_ms : 100;
		curl_multi_poll(p->multi, NULL, 0, slice, NULL);
		timeout_ms -= slice;
	}
}
