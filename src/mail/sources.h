/* What the kinds of message source share (retrason/msgsource.h):
 * msgsource.c walks files and hands IMAP URLs to imap.c. */
#ifndef RETRASON_MAIL_SOURCES_H
#define RETRASON_MAIL_SOURCES_H

#include "retrason/msgsource.h"

/* One walk: the SOURCE as given, the callback, the tally and where a
 * failure is described. */
struct rt_walk {
	const char *spec;
	rt_msg_fn *fn;
	void *ctx;
	struct rt_source_counts *n;
	char *err;
	size_t errlen;
};

/* rt_source_check() for an imap:// or imaps:// URL (imap.c). */
enum rt_source_result rt_imap_check(const char *url, const struct rt_imap_config *c,
				    char *err, size_t errlen);

/* rt_source_walk() of w->spec, an imap:// or imaps:// URL (imap.c). */
enum rt_source_result rt_imap_walk(const struct rt_walk *w, const struct rt_imap_config *c,
				   unsigned long *uidvalidity, unsigned long *last_uid);

#endif
