/* Sending messages over SMTP (libcurl stays behind this interface). */
#ifndef RETRASON_SMTP_H
#define RETRASON_SMTP_H

#include <stdbool.h>
#include <stddef.h>

struct rt_smtp_config {
	const char *url;      /* smtp://host[:port] (STARTTLS) or smtps:// */
	const char *user;     /* or NULL: no AUTH */
	const char *password; /* or NULL */
	const char *cacert;   /* a CA bundle for private CAs, or NULL */
	bool insecure;        /* don't verify certificates (loud) */
	long timeout;         /* seconds: to connect, and of silence */
	bool loopback;        /* set by rt_smtp_config_check() */
};

enum rt_smtp_result {
	RT_SMTP_OK,
	RT_SMTP_TEMPORARY, /* 4xx, a dropped or stalled connection: retry later */
	RT_SMTP_DOWN,      /* no server to talk to (refused, silent, 421):
			    * retry later, and don't try the rest now */
	RT_SMTP_PERMANENT, /* 5xx for this recipient: don't retry */
	RT_SMTP_AUTH,      /* the server refused our credentials */
	RT_SMTP_FATAL,     /* TLS or configuration: no message can go */
};

struct rt_smtp;

enum rt_smtp_check {
	RT_SMTP_CHECK_OK,
	RT_SMTP_CHECK_USAGE, /* the URL or the options */
	RT_SMTP_CHECK_FILE,  /* ~/.netrc */
};

/* Checks the configuration without connecting, after rt_smtp_init():
 * the URL as libcurl's URL API parses it (smtp:// or smtps://, a host,
 * a port, no password, query or fragment), whether its host is this
 * machine (localhost, 127.0.0.0/8 or [::1] literally: the one place
 * plain-text SMTP is allowed; sets c->loopback), the TLS rules, a login
 * with a password somewhere, and a ~/.netrc with passwords that only
 * its owner can read.  On a problem writes it to err. */
enum rt_smtp_check rt_smtp_config_check(struct rt_smtp_config *c, char *err, size_t errlen);

/* Initialises libcurl (curl_global_init) before any thread exists; on
 * failure writes why to err and returns false, and nothing below can
 * be used. */
bool rt_smtp_init(char *err, size_t errlen);

/* A session: one connection, reused for every message sent through it
 * (run by a pool, below).  Caller frees with rt_smtp_close(). */
struct rt_smtp *rt_smtp_open(const struct rt_smtp_config *c);
void rt_smtp_close(struct rt_smtp *s);

/* Several sessions at once, each with its own connection and thread:
 * start a message on an idle session, then wait for whichever finishes
 * first. */
struct rt_smtp_pool;
struct rt_smtp_pool *rt_smtp_pool_new(void);
void rt_smtp_pool_free(struct rt_smtp_pool *p);
/* Starts sending msg on s, which must be idle; msg must outlive it. */
void rt_smtp_start(struct rt_smtp_pool *p, struct rt_smtp *s, const char *from_addr,
		   const char *to_addr, const char *msg, size_t len);
/* Stops the transfer under way on s (the run was interrupted). */
void rt_smtp_abandon(struct rt_smtp_pool *p, struct rt_smtp *s);
/* Waits up to timeout_ms for a session to finish; returns it with its
 * result and, on failure, the reason in err (control characters from
 * the server removed); NULL if none finished or none is running. */
struct rt_smtp *rt_smtp_wait(struct rt_smtp_pool *p, int timeout_ms,
			     enum rt_smtp_result *result, char *err, size_t errlen);

#endif
