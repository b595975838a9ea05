/* Deterministic event identity for agendas without a UID field. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "retrason/agenda.h"
#include "retrason/hash.h"
#include "retrason/xalloc.h"

char *rt_agenda_uid(const struct rt_agenda *a)
{
	if (a->uid)
		return xstrdup(a->uid);
	const char *title = a->title ? a->title : "";
	const char *org = a->organizer.addr ? a->organizer.addr : "";
	uint64_t h1 = rt_hash_str(rt_hash_str(RT_HASH_BASIS, title), "\n");
	h1 = rt_hash_str(h1, org);
	uint64_t h2 = rt_hash_str(rt_hash_str(0x84222325cbf29ce4u, org), "\n");
	h2 = rt_hash_str(h2, title);
	const char *at = strrchr(org, '@');
	const char *domain = at ? at + 1 : "retrason.invalid";
	char buf[256];
	snprintf(buf, sizeof(buf), "%016llx%016llx@%s", (unsigned long long)h1,
		 (unsigned long long)h2, domain);
	return xstrdup(buf);
}
