#include "retrason/mailbox.h"

#include <string.h>

#include "retrason/strutil.h"

static bool fail(struct rt_mailbox_error *err, size_t off, size_t len,
		 const char *msg, const char *hint)
{
	err->offset = off;
	err->length = len ? len : 1;
	err->message = msg;
	err->hint = hint;
	return false;
}

static bool atext(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	return c && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

bool rt_addr_check(const char *s, size_t len, struct rt_mailbox_error *err)
{
	const char *at = memchr(s, '@', len);
	if (len == 0)
		return fail(err, 0, 1, "missing e-mail address", NULL);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			return fail(err, i, 1, "control character in e-mail address", NULL);
		if (c == ' ' || c == '\t')
			return fail(err, i, 1, "space in e-mail address",
				    "write the name before the address: 'Name <addr>'");
		if (c >= 0x80)
			return fail(err, i, 1, "non-ASCII character in e-mail address",
				    "retrason sends to ASCII addresses only; write an "
				    "international domain in its xn-- form");
	}
	if (!at)
		return fail(err, 0, len, "e-mail address has no '@'",
			    "write it as 'name@example.org'");
	size_t local = (size_t)(at - s);
	if (memchr(at + 1, '@', len - local - 1))
		return fail(err, local, len - local,
			    "e-mail address has more than one '@'", NULL);
	if (local == 0)
		return fail(err, 0, 1, "e-mail address has nothing before the '@'", NULL);
	if (local > 64)
		return fail(err, 0, local,
			    "e-mail address: the part before '@' is longer than 64 characters",
			    NULL);
	for (size_t i = 0; i < local; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (i == 0 || i + 1 == local || s[i + 1] == '.')
				return fail(err, i, 1,
					    "misplaced '.' in e-mail address", NULL);
		} else if (!atext(c)) {
			return fail(err, i, 1, "character not allowed in e-mail address",
				    NULL);
		}
	}
	size_t dom = local + 1;
	if (dom == len)
		return fail(err, local, 1, "e-mail address has no domain after '@'",
			    NULL);
	if (len - dom > 253)
		return fail(err, dom, len - dom, "e-mail domain is too long", NULL);
	size_t label = dom;
	for (size_t i = dom; i <= len; i++) {
		if (i == len || s[i] == '.') {
			size_t n = i - label;
			if (n == 0 || n > 63)
				return fail(err, label, n, "malformed e-mail domain",
					    NULL);
			if (s[label] == '-' || s[i - 1] == '-')
				return fail(err, label, n,
					    "a domain label can't start or end with '-'",
					    NULL);
			label = i + 1;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-'))
			return fail(err, i, 1, "character not allowed in e-mail domain",
				    NULL);
	}
	return true;
}

static size_t skip_ws(const char *s, size_t i, size_t len)
{
	while (i < len && rt_is_space(s[i]))
		i++;
	return i;
}

bool rt_mailbox_parse(const char *s, size_t len, struct rt_mailbox *out,
		      struct rt_mailbox_error *err,
		      char *(*alloc)(void *ctx, const char *p, size_t n), void *ctx)
{
	size_t i = skip_ws(s, 0, len);
	size_t end = len;
	while (end > i && rt_is_space(s[end - 1]))
		end--;
	out->name = out->addr = NULL;

	for (size_t k = i; k < end; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c < 0x20 && c != '\t')
			return fail(err, k, 1, "control character in address", NULL);
	}

	/* The address starts at the first '<' outside a quoted name. */
	size_t from = i;
	if (i < end && s[i] == '"') {
		for (from = i + 1; from < end && s[from] != '"'; from++)
			if (s[from] == '\\' && from + 1 < end)
				from++;
		if (from >= end)
			return fail(err, i, end - i, "unterminated quoted name",
				    "close the name with '\"'");
	}
	const char *lt = from < end ? memchr(s + from, '<', end - from) : NULL;
	if (!lt) {
		if (!rt_addr_check(s + i, end - i, err)) {
			err->offset += i;
			return false;
		}
		out->addr = alloc(ctx, s + i, end - i);
		return true;
	}

	size_t open = (size_t)(lt - s);
	const char *gt = memchr(lt, '>', end - open);
	if (!gt)
		return fail(err, open, end - open, "'<' without a closing '>'", NULL);
	size_t close = (size_t)(gt - s);
	if (close + 1 != end)
		return fail(err, close + 1, end - close - 1,
			    "unexpected text after the address", NULL);
	if (!rt_addr_check(s + open + 1, close - open - 1, err)) {
		err->offset += open + 1;
		return false;
	}

	/* The display name: quoted ("Last, First") or plain text. */
	size_t nend = open;
	while (nend > i && rt_is_space(s[nend - 1]))
		nend--;
	if (nend > i && s[i] == '"') {
		char tmp[1024];
		size_t n = 0, k = i + 1;
		for (; k < nend && s[k] != '"'; k++) {
			if (s[k] == '\\' && k + 1 < nend)
				k++;
			if (n == sizeof(tmp))
				return fail(err, i, nend - i, "display name is too long",
					    NULL);
			tmp[n++] = s[k] == '\t' ? ' ' : s[k]; /* no controls in names */
		}
		if (k >= nend)
			return fail(err, i, nend - i, "unterminated quoted name",
				    "close the name with '\"'");
		if (k + 1 != nend)
			return fail(err, k + 1, nend - k - 1,
				    "unexpected text after the quoted name", NULL);
		if (n)
			out->name = alloc(ctx, tmp, n);
	} else if (nend > i) {
		char tmp[1024];
		if (nend - i > sizeof(tmp))
			return fail(err, i, nend - i, "display name is too long", NULL);
		for (size_t k = i; k < nend; k++) {
			if (s[k] == '"' || s[k] == '>')
				return fail(err, k, 1, "stray character in name",
					    "quote the name: '\"Last, First\" <addr>'");
			tmp[k - i] = s[k] == '\t' ? ' ' : s[k];
		}
		out->name = alloc(ctx, tmp, nend - i);
	}
	out->addr = alloc(ctx, s + open + 1, close - open - 1);
	return true;
}
