/* Deterministic event identity for agendas without a UID field. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "retrason/agenda.h"
#include "retrason/xalloc.h"

/* FNV-1a over the parts, from a given basis: not for secrecy, only so
 * the same title and organizer give the same UID on every run. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

char *rt_agenda_uid(const struct rt_agenda *a)
{
	if (a->uid)
		return xstrdup(a->uid);
	const char *title = a->title ? a->title : "";
	const char *org = a->organizer.addr ? a->organizer.addr : "";
	uint64_t h1 = fnv1a(fnv1a(0xcbf29ce484222325u, title), "\n");
	h1 = fnv1a(h1, org);
	uint64_t h2 = fnv1a(fnv1a(0x84222325cbf29ce4u, org), "\n");
	h2 = fnv1a(h2, title);
	const char *at = strrchr(org, '@');
	const char *domain = at ? at + 1 : "retrason.invalid";
	char buf[256];
	snprintf(buf, sizeof(buf), "%016llx%016llx@%s", (unsigned long long)h1,
		 (unsigned long long)h2, domain);
	return xstrdup(buf);
}
