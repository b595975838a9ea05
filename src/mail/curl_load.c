/* libcurl, loaded the first time a message is sent.
 *
 * Linking libcurl costs every command ~14 ms at start-up (its tree of
 * about 30 libraries: TLS, Kerberos, LDAP, IDN...), while only `invite
 * send` uses it.  So the binary is not linked with it: this file defines
 * the handful of libcurl functions smtp.c calls, each forwarding to the
 * real one found with dlsym() once rt_curl_load() has succeeded.  smtp.c
 * keeps calling libcurl by its own names, with curl.h's type checks.
 *
 * The executable does not export these names (nothing shared links
 * against it), so libcurl's own calls never land here. */
#define CURL_DISABLE_TYPECHECK /* curl_easy_setopt is defined below */
#include "curl_load.h"

#include "retrason/dlbind.h"

#include <stdarg.h>
#include <stdio.h>

/* The SONAME of the libcurl the build was configured with; Debian's
 * libcurl4 package (OpenSSL flavour) provides it. */
#define LIBCURL_SONAME "libcurl.so.4"

static CURLcode (*p_global_init)(long);
static CURL *(*p_easy_init)(void);
static CURLcode (*p_easy_setopt)(CURL *, CURLoption, ...);
static CURLcode (*p_easy_getinfo)(CURL *, CURLINFO, ...);
static void (*p_easy_cleanup)(CURL *);
static CURLcode (*p_easy_perform)(CURL *);
static const char *(*p_easy_strerror)(CURLcode);
static struct curl_slist *(*p_slist_append)(struct curl_slist *, const char *);
static void (*p_slist_free_all)(struct curl_slist *);
static CURLU *(*p_url)(void);
static void (*p_url_cleanup)(CURLU *);
static CURLUcode (*p_url_set)(CURLU *, CURLUPart, const char *, unsigned int);
static CURLUcode (*p_url_get)(CURLU *, CURLUPart, char **, unsigned int);
static void (*p_free)(void *);

#define SYMBOL(ptr, name) {(void *)&(ptr), name}
static const struct rt_dl_symbol symbols[] = {
	SYMBOL(p_global_init, "curl_global_init"),
	SYMBOL(p_easy_init, "curl_easy_init"),
	SYMBOL(p_easy_setopt, "curl_easy_setopt"),
	SYMBOL(p_easy_getinfo, "curl_easy_getinfo"),
	SYMBOL(p_easy_cleanup, "curl_easy_cleanup"),
	SYMBOL(p_easy_perform, "curl_easy_perform"),
	SYMBOL(p_easy_strerror, "curl_easy_strerror"),
	SYMBOL(p_slist_append, "curl_slist_append"),
	SYMBOL(p_slist_free_all, "curl_slist_free_all"),
	SYMBOL(p_url, "curl_url"),
	SYMBOL(p_url_cleanup, "curl_url_cleanup"),
	SYMBOL(p_url_set, "curl_url_set"),
	SYMBOL(p_url_get, "curl_url_get"),
	SYMBOL(p_free, "curl_free"),
};

static struct rt_dl_lib libcurl = {
	LIBCURL_SONAME, "libcurl4", "libcurl 7.74 or later", symbols,
	sizeof(symbols) / sizeof(symbols[0]), 0, "",
};

bool rt_curl_load(char *err, size_t errlen)
{
	static enum { UNTRIED, DONE, FAILED } init;
	/* Kept loaded until the process ends: libcurl has no way to be
	 * unloaded safely (its TLS library's atexit handlers). */
	if (!rt_dl_bind(&libcurl, err, errlen))
		return false;
	if (init == UNTRIED)
		init = p_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? DONE : FAILED;
	if (init == FAILED && err)
		snprintf(err, errlen, "%s could not initialise", LIBCURL_SONAME);
	return init == DONE;
}

/* The forwarders.  Each is only reached through smtp.c after
 * rt_curl_load() succeeded. */

CURLcode curl_global_init(long flags)
{
	return p_global_init(flags);
}

CURL *curl_easy_init(void)
{
	return p_easy_init();
}

/* The option's number says what type its argument has (curl.h's
 * CURLOPTTYPE_* ranges); read it as that type and pass it on. */
CURLcode curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
	va_list ap;
	va_start(ap, opt);
	CURLcode rc;
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = p_easy_setopt(h, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = p_easy_setopt(h, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T) /* libcurl casts it back to its callback type */
		rc = p_easy_setopt(h, opt, va_arg(ap, void (*)(void)));
	else if (opt < CURLOPTTYPE_BLOB)
		rc = p_easy_setopt(h, opt, va_arg(ap, curl_off_t));
	else
		rc = p_easy_setopt(h, opt, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* Every CURLINFO_* takes a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	va_list ap;
	va_start(ap, info);
	void *where = va_arg(ap, void *);
	va_end(ap);
	return p_easy_getinfo(h, info, where);
}

void curl_easy_cleanup(CURL *h)
{
	p_easy_cleanup(h);
}

CURLcode curl_easy_perform(CURL *h)
{
	return p_easy_perform(h);
}

const char *curl_easy_strerror(CURLcode rc)
{
	return p_easy_strerror(rc);
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *s)
{
	return p_slist_append(list, s);
}

void curl_slist_free_all(struct curl_slist *list)
{
	p_slist_free_all(list);
}

CURLU *curl_url(void)
{
	return p_url();
}

void curl_url_cleanup(CURLU *u)
{
	p_url_cleanup(u);
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
	return p_url_set(u, what, part, flags);
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
	return p_url_get(u, what, part, flags);
}

void curl_free(void *p)
{
	p_free(p);
}
