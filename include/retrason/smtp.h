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
};

enum rt_smtp_result {
	RT_SMTP_OK,
	RT_SMTP_TEMPORARY, /* 4xx, a dropped or stalled connection: retry later */
	RT_SMTP_PERMANENT, /* 5xx for this recipient: don't retry */
	RT_SMTP_AUTH,      /* the server refused our credentials */
	RT_SMTP_FATAL,     /* TLS or configuration: no message can go */
};

struct rt_smtp;

/* True for smtp://localhost, 127.0.0.0/8 and [::1]: the one place where
 * plain-text SMTP is allowed. */
bool rt_smtp_url_is_loopback(const char *url);

/* Checks the configuration (scheme, TLS rules) without connecting; on a
 * problem writes it to err and returns false. */
bool rt_smtp_config_check(const struct rt_smtp_config *c, char *err, size_t errlen);

/* A session: one connection, reused for every message sent through it.
 * Caller frees with rt_smtp_close(). */
struct rt_smtp *rt_smtp_open(const struct rt_smtp_config *c);
void rt_smtp_close(struct rt_smtp *s);

/* Sends msg[0..len) (CRLF lines) from from_addr to to_addr.  On failure
 * err holds the reason, control characters from the server removed. */
enum rt_smtp_result rt_smtp_send(struct rt_smtp *s, const char *from_addr,
				 const char *to_addr, const char *msg, size_t len,
				 char *err, size_t errlen);

#endif
