/* Reaching a mail server: the URL rules and libcurl set-up that SMTP
 * (smtp.c) and IMAP (imap.c) share, so the two can't drift apart. */
#include "endpoint.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/strutil.h"
#include "retrason/xalloc.h"

/* Whether ~/.netrc exists: libcurl would otherwise try to open it for
 * every transfer. */
static bool netrc_path(char *path, size_t n)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return false;
	snprintf(path, n, "%s/.netrc", home);
	return access(path, F_OK) == 0;
}

bool rt_netrc_exists(void)
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

/* The mailbox of an IMAP URL: the path, decoded.  RFC 5092's
 * ";UIDVALIDITY=", ";UID=" and "?query" select messages, which is this
 * program's job, not the URL's: refused rather than ignored. */
static bool mailbox_path(const struct rt_endpoint_kind *k, CURLU *u, struct rt_endpoint *e,
			 char *err, size_t errlen)
{
	char *raw = NULL, *path = NULL;
	bool ok = false;
	curl_url_get(u, CURLUPART_PATH, &raw, 0);
	if (raw && strchr(raw, ';')) {
		snprintf(err, errlen, "an %s URL names a mailbox only (imaps://user@host/INBOX), "
				      "no ;parameters", k->proto);
		goto out;
	}
	/* libcurl refuses to decode control characters (%0D%0A): they
	 * would end the command the name goes into. */
	if (curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) != CURLUE_OK) {
		snprintf(err, errlen, "the mailbox in the %s URL has control characters",
			 k->proto);
		goto out;
	}
	const char *p = path;
	while (*p == '/')
		p++;
	size_t n = strlen(p);
	while (n && p[n - 1] == '/')
		n--;
	e->path = xstrndup(p, n);
	ok = true;
out:
	curl_free(raw);
	curl_free(path);
	return ok;
}

enum rt_endpoint_check rt_endpoint_check(const struct rt_endpoint_kind *k, const char *url,
					 const char *user, const char *password,
					 bool insecure, struct rt_endpoint *e, char *err,
					 size_t errlen)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *pass = NULL, *query = NULL,
	     *frag = NULL, *url_user = NULL;
	enum rt_endpoint_check rc = RT_ENDPOINT_USAGE;
	memset(e, 0, sizeof(*e));
	/* libcurl's own parser refuses control characters, bad ports, a
	 * missing host: the same reading the transfer will have. */
	CURLUcode ue = u ? curl_url_set(u, CURLUPART_URL, url, 0) : CURLUE_OUT_OF_MEMORY;
	if (ue) {
		snprintf(err, errlen, "invalid %s URL (libcurl: error %d); write %s", k->proto,
			 (int)ue, k->example);
		goto out;
	}
	curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	curl_url_get(u, CURLUPART_HOST, &host, 0);
	curl_url_get(u, CURLUPART_PORT, &port, 0);
	curl_url_get(u, CURLUPART_USER, &url_user, 0);
	if (!scheme || (rt_strcasecmp(scheme, k->plain) && rt_strcasecmp(scheme, k->tls))) {
		snprintf(err, errlen, "the %s URL must start with %s:// or %s://", k->proto,
			 k->plain, k->tls);
		goto out;
	}
	if (port && strspn(port, "0") == strlen(port)) {
		snprintf(err, errlen, "port 0 in the %s URL: no server listens there; write %s",
			 k->proto, k->example);
		goto out;
	}
	if (curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK) {
		snprintf(err, errlen, "a password in the %s URL ends up in process lists and "
				      "shell histories; give it in %s, the config's "
				      "password-command or ~/.netrc", k->proto, k->password_env);
		goto out;
	}
	if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) == CURLUE_OK) {
		snprintf(err, errlen, "an %s URL has no ?query or #fragment", k->proto);
		goto out;
	}
	if (k->mailbox && !mailbox_path(k, u, e, err, errlen))
		goto out;
	e->loopback = host && loopback_host(host);
	e->url_user = url_user != NULL;
	bool netrc = rt_netrc_exists();
	if (insecure && !e->loopback && (user || url_user || password || netrc)) {
		snprintf(err, errlen, "--insecure with a password to a server that is not on "
				      "this machine would give the password to anyone in between");
		goto out;
	}
	if ((user || url_user) && !password && !netrc) {
		snprintf(err, errlen, "a login (%s) but no password: set %s, a password-command "
				      "in the config file, or ~/.netrc",
			 user ? user : url_user, k->password_env);
		goto out;
	}
	rc = RT_ENDPOINT_FILE;
	if (netrc && !password && !netrc_private(err, errlen))
		goto out;
	rc = RT_ENDPOINT_OK;
out:
	if (rc != RT_ENDPOINT_OK) {
		free(e->path);
		e->path = NULL;
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(pass);
	curl_free(query);
	curl_free(frag);
	curl_free(url_user);
	curl_url_cleanup(u);
	return rc;
}

bool rt_endpoint_global_init(void)
{
	/* Once, from the main thread: curl_global_init is not thread-safe
	 * in libcurl 7.74 (Debian 11's).  Kept until the process ends:
	 * the TLS library's atexit handlers. */
	static enum { UNTRIED, DONE, FAILED } init;
	if (init == UNTRIED)
		init = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? DONE : FAILED;
	return init == DONE;
}

void rt_endpoint_setup(CURL *h, const char *url, const char *user, const char *password,
		       const char *cacert, bool insecure, bool loopback, long timeout)
{
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	/* TLS for everything but loopback: STARTTLS must succeed. */
	curl_easy_setopt(h, CURLOPT_USE_SSL,
			 loopback ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_ALL);
	if (cacert)
		curl_easy_setopt(h, CURLOPT_CAINFO, cacert);
	if (insecure) {
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	/* A password from ~/.netrc when none is given: never from argv. */
	if (rt_netrc_exists())
		curl_easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	if (user)
		curl_easy_setopt(h, CURLOPT_USERNAME, user);
	if (password)
		curl_easy_setopt(h, CURLOPT_PASSWORD, password);
	long t = timeout > 0 ? timeout : 60;
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, t);
	/* A server that stops answering: less than a byte a second for t. */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, t);
	/* Every reply, the one after SMTP DATA's final dot included. */
	curl_easy_setopt(h, CURLOPT_SERVER_RESPONSE_TIMEOUT, t);
}

bool rt_endpoint_tls_error(CURLcode rc)
{
	return rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION ||
	       rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CERTPROBLEM ||
	       rc == CURLE_USE_SSL_FAILED;
}
