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
static const char *(*p_easy_strerror)(CURLcode);
static struct curl_slist *(*p_slist_append)(struct curl_slist *, const char *);
static void (*p_slist_free_all)(struct curl_slist *);
static CURLM *(*p_multi_init)(void);
static CURLMcode (*p_multi_cleanup)(CURLM *);
static CURLMcode (*p_multi_add_handle)(CURLM *, CURL *);
static CURLMcode (*p_multi_remove_handle)(CURLM *, CURL *);
static CURLMcode (*p_multi_perform)(CURLM *, int *);
static CURLMsg *(*p_multi_info_read)(CURLM *, int *);
static CURLMcode (*p_multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);

#define SYMBOL(ptr, name) {(void *)&(ptr), name}
static const struct rt_dl_symbol symbols[] = {
	SYMBOL(p_global_init, "curl_global_init"),
	SYMBOL(p_easy_init, "curl_easy_init"),
	SYMBOL(p_easy_setopt, "curl_easy_setopt"),
	SYMBOL(p_easy_getinfo, "curl_easy_getinfo"),
	SYMBOL(p_easy_cleanup, "curl_easy_cleanup"),
	SYMBOL(p_easy_strerror, "curl_easy_strerror"),
	SYMBOL(p_slist_append, "curl_slist_append"),
	SYMBOL(p_slist_free_all, "curl_slist_free_all"),
	SYMBOL(p_multi_init, "curl_multi_init"),
	SYMBOL(p_multi_cleanup, "curl_multi_cleanup"),
	SYMBOL(p_multi_add_handle, "curl_multi_add_handle"),
	SYMBOL(p_multi_remove_handle, "curl_multi_remove_handle"),
	SYMBOL(p_multi_perform, "curl_multi_perform"),
	SYMBOL(p_multi_info_read, "curl_multi_info_read"),
	SYMBOL(p_multi_poll, "curl_multi_poll"),
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

CURLM *curl_multi_init(void)
{
	return p_multi_init();
}

CURLMcode curl_multi_cleanup(CURLM *m)
{
	return p_multi_cleanup(m);
}

CURLMcode curl_multi_add_handle(CURLM *m, CURL *h)
{
	return p_multi_add_handle(m, h);
}

CURLMcode curl_multi_remove_handle(CURLM *m, CURL *h)
{
	return p_multi_remove_handle(m, h);
}

CURLMcode curl_multi_perform(CURLM *m, int *running)
{
	return p_multi_perform(m, running);
}

CURLMsg *curl_multi_info_read(CURLM *m, int *left)
{
	return p_multi_info_read(m, left);
}

CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd extra[], unsigned int n, int timeout_ms,
			  int *ret)
{
	return p_multi_poll(m, extra, n, timeout_ms, ret);
}
