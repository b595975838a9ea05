/* SMTP through libcurl: one easy handle per session, so consecutive
 * messages reuse its connection. */
#include "retrason/smtp.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>

#include "retrason/buf.h"
#include "retrason/xalloc.h"

#include "endpoint.h"

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

enum rt_smtp_check rt_smtp_config_check(struct rt_smtp_config *c, char *err, size_t errlen)
{
	static const struct rt_endpoint_kind smtp = {
		.proto = "SMTP", .plain = "smtp", .tls = "smtps",
		.example = "smtp://host:587 or smtps://host:465",
		.password_env = "RETRASON_SMTP_PASSWORD",
	};
	struct rt_endpoint e;
	switch (rt_endpoint_check(&smtp, c->url, c->user, c->password, c->insecure, &e, err,
				  errlen)) {
	case RT_ENDPOINT_OK:
		c->loopback = e.loopback;
		return RT_SMTP_CHECK_OK;
	case RT_ENDPOINT_FILE:
		return RT_SMTP_CHECK_FILE;
	case RT_ENDPOINT_USAGE:
		break;
	}
	return RT_SMTP_CHECK_USAGE;
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
	bool ok = rt_endpoint_global_init();
	if (!ok && err)
		snprintf(err, errlen, "libcurl could not initialise");
	return ok;
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
	rt_endpoint_setup(h, c->url, c->user, c->password, c->cacert, c->insecure, c->loopback,
			  c->timeout);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, s);
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_cb);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
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

	bool tls = rt_endpoint_tls_error(rc);
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
