#include "shared.h"

#include <string.h>

#include "retrason/strutil.h"

void export_date(struct rt_buf *b, struct rt_date d)
{
	rt_buf_addf(b, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void export_mailto(struct rt_buf *b, const char *addr)
{
	rt_buf_adds(b, "mailto:");
	for (const unsigned char *p = (const unsigned char *)addr; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("@.-_+~", *p))
			rt_buf_addc(b, (char)*p);
		else
			rt_buf_addf(b, "%%%02X", *p);
	}
}

bool export_is_web_url(const char *u)
{
	size_t n = strlen(u);
	return (n > 8 && rt_strncaseeq(u, 8, "https://")) ||
	       (n > 7 && rt_strncaseeq(u, 7, "http://"));
}

void export_columns(const struct rt_agenda *a, bool *speakers, bool *rooms)
{
	*speakers = *rooms = false;
	for (size_t k = 0; k < a->nitems; k++) {
		*speakers |= a->items[k].nspeakers > 0;
		*rooms |= a->items[k].room != NULL;
	}
}
