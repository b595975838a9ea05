/* The distribution list parser: whatever the bytes, every recipient it
 * accepts has a checked ASCII address and a name without controls, and
 * goes into a To: header that decodes back to the same name and
 * address with no line break but folds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "retrason/mailbox.h"
#include "retrason/mime.h"
#include "retrason/recipients.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1 << 20))
		return 0;
	struct rt_diags d;
	struct rt_recipients r;
	rt_diags_init(&d, "fuzz.list", (const char *)data, size);
	rt_recipients_parse((const char *)data, size, &r, &d);

	char *rep = NULL;
	size_t rn = 0;
	FILE *f = open_memstream(&rep, &rn);
	if (!f)
		abort();
	rt_diags_print(&d, f, false);
	fclose(f);
	if (!fuzz_utf8_valid(rep, rn) || !fuzz_no_controls(rep, rn, "\n"))
		fuzz_fail("diagnostics: invalid UTF-8 or a control", rep, rn);
	free(rep);

	for (size_t i = 0; i < r.n; i++) {
		const struct rt_recipient *p = &r.v[i];
		struct rt_mailbox_error e;
		if (!p->addr || !rt_addr_check(p->addr, strlen(p->addr), &e))
			fuzz_fail("accepted an unchecked address", p->addr, p->addr ? strlen(p->addr) : 0);
		if (p->name && (!fuzz_utf8_valid(p->name, strlen(p->name)) ||
				!fuzz_no_controls(p->name, strlen(p->name), "")))
			fuzz_fail("a name with a control or invalid UTF-8", p->name, strlen(p->name));
		struct rt_buf b;
		rt_buf_init(&b);
		rt_mime_header_mailbox(&b, "To", p->name, p->addr);
		char *v = fuzz_header_value(b.data, b.len, "To");
		char *name = fuzz_display_name(v, p->addr);
		if (strcmp(name, p->name ? p->name : ""))
			fuzz_fail("To: does not decode to the name", b.data, b.len);
		free(name);
		free(v);
		rt_buf_finish(&b);
	}
	rt_recipients_finish(&r);
	rt_diags_finish(&d);
	return 0;
}
