/* What the SMTP and IMAP clients share about reaching a mail server:
 * its URL as libcurl's URL API reads it, the rules for plain text, TLS
 * and logins, ~/.netrc and libcurl's set-up.
 * Private to src/mail (smtp.c, imap.c). */
#ifndef RETRASON_MAIL_ENDPOINT_H
#define RETRASON_MAIL_ENDPOINT_H

#include <stdbool.h>
#include <stddef.h>

#include <curl/curl.h>

/* A protocol's words for the checks and their messages. */
struct rt_endpoint_kind {
	const char *proto;        /* "SMTP" */
	const char *plain, *tls;  /* its schemes: "smtp" (STARTTLS), "smtps" */
	const char *example;      /* "smtp://host:587 or smtps://host:465" */
	const char *password_env; /* "RETRASON_SMTP_PASSWORD" */
	bool mailbox;             /* the path names a mailbox (IMAP): decoded
				   * into rt_endpoint.path, ;parameters refused */
};

enum rt_endpoint_check {
	RT_ENDPOINT_OK,
	RT_ENDPOINT_USAGE, /* the URL or the options */
	RT_ENDPOINT_FILE,  /* ~/.netrc can be read by others */
};

struct rt_endpoint {
	bool loopback;  /* the host is this machine: plain text allowed */
	bool url_user;  /* the URL names the login */
	char *path;     /* kind->mailbox: the path URL-decoded, without its
			 * leading '/' ("" for none); else NULL.  free() */
};

/* Checks url and the login without connecting: the scheme, a host, a
 * port other than 0, no password, query or fragment in the URL; whether
 * its host is this machine (localhost, 127.0.0.0/8 or [::1] literally,
 * as libcurl parses the URL: the one place plain text is allowed);
 * --insecure only without a password or to this machine; a login (user
 * or the URL's) only with a password or ~/.netrc, and a ~/.netrc with
 * passwords only its owner can read.  Fills *e (also on failure, then
 * with nothing to free) or writes the problem to err. */
enum rt_endpoint_check rt_endpoint_check(const struct rt_endpoint_kind *k, const char *url,
					 const char *user, const char *password,
					 bool insecure, struct rt_endpoint *e, char *err,
					 size_t errlen);

/* curl_global_init, once, from the main thread before any other thread
 * exists; false if libcurl cannot be used. */
bool rt_endpoint_global_init(void);

/* Sets h up to reach url: TLS required (STARTTLS for the plain scheme)
 * unless loopback, where it is used when offered; certificates verified
 * (against cacert when given) unless insecure; user and password when
 * given, else ~/.netrc's when it exists, never the command line's; and
 * timeout seconds (0: 60) for connecting and for every reply. */
void rt_endpoint_setup(CURL *h, const char *url, const char *user, const char *password,
		       const char *cacert, bool insecure, bool loopback, long timeout);

/* Whether ~/.netrc exists. */
bool rt_netrc_exists(void);

/* Whether a libcurl error is about TLS (the handshake, the certificate,
 * STARTTLS refused): not something a second try mends. */
bool rt_endpoint_tls_error(CURLcode rc);

#endif
