/* SMTP through libcurl: one easy handle per session, so consecutive
 * messages reuse its connection. */
#include "retrason/smtp.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"

#include <curl/curl.h>

/* The pool: one thread per session, each running its transfers with
 * curl_easy_perform().  Not libcurl's multi interface: its SMTP code
 * waits for the reply to DATA's final dot in a blocking loop
 * (smtp_done -> smtp_block_statemach), so one server that goes silent
 * there froze every other connection for --timeout, and made their
 * own replies time out too (seen in tests/faults.py).  A thread each
 * keeps that wait to the session that has it. */
struct rt_smtp_pool {
	pthread_mutex_t lock;
	pthread_cond_t finished; /* a session has a result */
	struct rt_smtp *done;    /* finished sessions, not yet collected */
	int running;
};

struct rt_smtp {
	CURL *curl;
	char errbuf[CURL_ERROR_SIZE];
	char from[512];
	struct curl_slist *rcpt;
	const char *data; /* the message being uploaded */
	size_t len, pos;
	char reply[256]; /* the server's last 4xx or 5xx reply, for messages */
	bool heard;      /* the server said anything in this transfer */
	/* Its thread in a pool (see there); under the pool's lock. */
	struct rt_smtp_pool *pool;
	pthread_t thread;
	pthread_cond_t go;
	bool has_thread, job, quit;
	CURLcode rc;
	struct rt_smtp *next_done;
	int abandon;
};

/* Whether ~/.netrc exists: libcurl would otherwise try to open it for
 * every message. */
static bool netrc_path(char *path, size_t n)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return false;
	snprintf(path, n, "%s/.netrc", home);
	return access(path, F_OK) == 0;
}

static bool have_netrc(void)
{
	char path[4096];
	return netrc_path(path, sizeof(path));
}

/* A literal loopback host: the name localhost, an IPv4 address in
 * 127.0.0.0/8 or [::1]; a name that merely starts with "127." is not. */
static bool loopback_host(const char *host)
{
	unsigned char a[16];
	if (!rt_strcasecmp(host, "localhost"))
		return true;
	if (inet_pton(AF_INET, host, a) == 1)
		return a[0] == 127;
	size_t n = strlen(host);
	if (n > 2 && host[0] == '[' && host[n - 1] == ']' && n < 64) {
		char inner[64];
		memcpy(inner, host + 1, n - 2);
		inner[n - 2] = '\0';
		static const unsigned char one[16] = {[15] = 1};
		return inet_pton(AF_INET6, inner, a) == 1 && !memcmp(a, one, 16);
	}
	return false;
}

/* ~/.netrc holds passwords: like ssh and msmtp, don't use one that
 * others can read. */
static bool netrc_private(char *err, size_t errlen)
{
	char path[4096];
	struct stat st;
	if (!netrc_path(path, sizeof(path)) || stat(path, &st) != 0 || !(st.st_mode & 077))
		return true;
	snprintf(err, errlen, "%s can be read by others, and passwords in it with it; "
			      "make it yours alone: chmod 600 %s", path, path);
	return false;
}

enum rt_smtp_check rt_smtp_config_check(struct rt_smtp_config *c, char *err, size_t errlen)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *pass = NULL, *query = NULL,
	     *frag = NULL, *user = NULL;
	enum rt_smtp_check rc = RT_SMTP_CHECK_USAGE;
	/* libcurl's own parser refuses control characters, bad ports, a
	 * missing host: the same reading the transfer will have. */
	CURLUcode e = u ? curl_url_set(u, CURLUPART_URL, c->url, 0) : CURLUE_OUT_OF_MEMORY;
	if (e) {
		snprintf(err, errlen, "invalid SMTP URL (libcurl: error %d); write "
				      "smtp://host:587 or smtps://host:465", (int)e);
		goto out;
	}
	curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	curl_url_get(u, CURLUPART_HOST, &host, 0);
	curl_url_get(u, CURLUPART_PORT, &port, 0);
	curl_url_get(u, CURLUPART_USER, &user, 0);
	if (!scheme || (rt_strcasecmp(scheme, "smtp") && rt_strcasecmp(scheme, "smtps"))) {
		snprintf(err, errlen, "the SMTP URL must start with smtp:// or smtps://");
		goto out;
	}
	if (port && strspn(port, "0") == strlen(port)) {
		snprintf(err, errlen, "port 0 in the SMTP URL: no server listens there; write "
				      "smtp://host:587 or smtps://host:465");
		goto out;
	}
	if (curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK) {
		snprintf(err, errlen, "a password in the SMTP URL ends up in process lists and "
				      "shell histories; give it in RETRASON_SMTP_PASSWORD, the "
				      "config's password-command or ~/.netrc");
		goto out;
	}
	if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) == CURLUE_OK) {
		snprintf(err, errlen, "an SMTP URL has no ?query or #fragment");
		goto out;
	}
	c->loopback = host && loopback_host(host);
	bool netrc = have_netrc();
	if (c->insecure && !c->loopback && (c->user || user || c->password || netrc)) {
		snprintf(err, errlen, "--insecure with a password to a server that is not on "
				      "this machine would give the password to anyone in between");
		goto out;
	}
	if ((c->user || user) && !c->password && !netrc) {
		snprintf(err, errlen, "a login (%s) but no password: set RETRASON_SMTP_PASSWORD, "
				      "a password-command in the config file, or ~/.netrc",
			 c->user ? c->user : user);
		goto out;
	}
	rc = RT_SMTP_CHECK_FILE;
	if (netrc && !c->password && !netrc_private(err, errlen))
		goto out;
	rc = RT_SMTP_CHECK_OK;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(pass);
	curl_free(query);
	curl_free(frag);
	curl_free(user);
	curl_url_cleanup(u);
	return rc;
}

static int progress_cb(void *ctx, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un);

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

/* Keeps the server's last refusal: libcurl's own error text ("RCPT
 * failed: 550") loses the server's words, which are what the user needs
 * ("550 5.1.1 <x@y>: user unknown"); the "221 Bye" that follows a
 * refusal must not replace it.  Only what the server says is looked at,
 * never what we send (AUTH). */
static int debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *ctx)
{
	(void)h;
	struct rt_smtp *s = ctx;
	if (type != CURLINFO_HEADER_IN)
		return 0;
	s->heard = true;
	if (size < 4 || (data[0] != '4' && data[0] != '5'))
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
	/* Once, from the main thread: curl_global_init is not thread-safe
	 * in libcurl 7.74 (Debian 11's).  Kept until the process ends:
	 * the TLS library's atexit handlers. */
	static enum { UNTRIED, DONE, FAILED } init;
	if (init == UNTRIED)
		init = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? DONE : FAILED;
	if (init == FAILED && err)
		snprintf(err, errlen, "libcurl could not initialise");
	return init == DONE;
}

struct rt_smtp *rt_smtp_open(const struct rt_smtp_config *c)
{
	if (!rt_smtp_init(NULL, 0))
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
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_cb);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	/* TLS for everything but loopback: STARTTLS must succeed. */
	curl_easy_setopt(h, CURLOPT_USE_SSL,
			 c->loopback ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_ALL);
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
	/* Every reply, the one after DATA's final dot included. */
	curl_easy_setopt(h, CURLOPT_SERVER_RESPONSE_TIMEOUT, t);
	return s;
}

void rt_smtp_close(struct rt_smtp *s)
{
	if (!s)
		return;
	if (s->pool) {
		pthread_mutex_lock(&s->pool->lock);
		s->quit = true;
		pthread_cond_signal(&s->go);
		pthread_mutex_unlock(&s->pool->lock);
		if (s->has_thread)
			pthread_join(s->thread, NULL);
		pthread_cond_destroy(&s->go);
	}
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
	s->heard = false;
	s->abandon = 0;
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
	/* 530: a login is needed; 535: it was refused.  Either way no
	 * message can go: the session's, not the recipient's. */
	if (code == 530 || code == 535 || (s->reply[0] && !strncmp(s->reply, "530", 3)))
		return RT_SMTP_AUTH;
	/* Connected, then nothing: a server that hangs up at once is down,
	 * for every recipient. */
	if (!s->heard)
		return RT_SMTP_DOWN;
	if (code >= 500 && code < 600)
		return RT_SMTP_PERMANENT;
	/* No connection, no greeting, no sense, or 421 ("closing the
	 * channel"): the server is down for every recipient, not just this
	 * one. */
	if (code == 421 || rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_WEIRD_SERVER_REPLY ||
	    rc == CURLE_OPERATION_TIMEDOUT)
		return RT_SMTP_DOWN;
	return RT_SMTP_TEMPORARY; /* 4xx, or the connection went away */
}

static void *worker(void *arg)
{
	struct rt_smtp *s = arg;
	struct rt_smtp_pool *p = s->pool;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!s->job && !s->quit)
			pthread_cond_wait(&s->go, &p->lock);
		if (s->quit)
			break;
		s->job = false;
		pthread_mutex_unlock(&p->lock);
		CURLcode rc = curl_easy_perform(s->curl);
		/* A server that went silent: libcurl would say QUIT and wait
		 * for the answer, up to --timeout, when the connection is
		 * next used or closed.  Nobody is listening: hang up. */
		curl_socket_t sock;
		if (rc == CURLE_OPERATION_TIMEDOUT &&
		    curl_easy_getinfo(s->curl, CURLINFO_ACTIVESOCKET, &sock) == CURLE_OK &&
		    sock != CURL_SOCKET_BAD)
			shutdown(sock, SHUT_RDWR);
		pthread_mutex_lock(&p->lock);
		s->rc = rc;
		s->next_done = p->done;
		p->done = s;
		pthread_cond_signal(&p->finished);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Asked to stop by rt_smtp_abandon(): libcurl checks this about once a
 * second, also while it waits for a reply. */
static int progress_cb(void *ctx, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	(void)dt, (void)dn, (void)ut, (void)un;
	const struct rt_smtp *s = ctx;
	return __atomic_load_n(&s->abandon, __ATOMIC_RELAXED);
}

struct rt_smtp_pool *rt_smtp_pool_new(void)
{
	struct rt_smtp_pool *p = xcalloc(1, sizeof(*p));
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->finished, NULL);
	return p;
}

void rt_smtp_pool_free(struct rt_smtp_pool *p)
{
	if (!p)
		return;
	pthread_cond_destroy(&p->finished);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

void rt_smtp_start(struct rt_smtp_pool *p, struct rt_smtp *s, const char *from_addr,
		   const char *to_addr, const char *msg, size_t len)
{
	prepare(s, from_addr, to_addr, msg, len);
	pthread_mutex_lock(&p->lock);
	if (!s->pool) {
		s->pool = p;
		pthread_cond_init(&s->go, NULL);
		/* Signals are the main thread's to take (SIGINT, SIGTERM). */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		s->has_thread = pthread_create(&s->thread, NULL, worker, s) == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	p->running++;
	if (s->has_thread) {
		s->job = true;
		pthread_cond_signal(&s->go);
	} else { /* no thread to be had: this one waits */
		s->rc = curl_easy_perform(s->curl);
		s->next_done = p->done;
		p->done = s;
	}
	pthread_mutex_unlock(&p->lock);
}

void rt_smtp_abandon(struct rt_smtp_pool *p, struct rt_smtp *s)
{
	(void)p;
	__atomic_store_n(&s->abandon, 1, __ATOMIC_RELAXED);
}

struct rt_smtp *rt_smtp_wait(struct rt_smtp_pool *p, int timeout_ms,
			     enum rt_smtp_result *result, char *err, size_t errlen)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&p->lock);
	while (!p->done && p->running && timeout_ms > 0)
		if (pthread_cond_timedwait(&p->finished, &p->lock, &until) != 0)
			break;
	struct rt_smtp *s = p->done;
	if (s) {
		p->done = s->next_done;
		p->running--;
	}
	pthread_mutex_unlock(&p->lock);
	if (s)
		*result = classify(s, s->rc, err, errlen);
	return s;
}
