/* The encodings of Internet mail: header words (RFC 2047), addresses in
 * headers (RFC 5322), quoted-printable and base64 bodies (RFC 2045),
 * and the decoding of such bodies.
 * Whatever the input, nothing these write into a header holds a CR or
 * LF that is not a fold they made themselves. */
#ifndef RETRASON_MIME_H
#define RETRASON_MIME_H

#include <stddef.h>

#include "retrason/buf.h"

/* Appends a header field "Name: value" ending in CRLF, value encoded as
 * RFC 2047 words where it is not plain printable ASCII, and folded so
 * that no line passes 78 characters. */
void rt_mime_header_text(struct rt_buf *out, const char *name, const char *value);

/* Appends a header field holding one mailbox: the display name as
 * atoms, a quoted string or encoded words, as needed; addr as is (it
 * must be a checked addr-spec). */
void rt_mime_header_mailbox(struct rt_buf *out, const char *name, const char *display,
			    const char *addr);

/* Body encodings; lines end in CRLF. */
void rt_mime_qp(struct rt_buf *out, const char *s, size_t len);
void rt_mime_base64(struct rt_buf *out, const char *s, size_t len);

/* And back, for bodies from outside: whatever the input they append
 * what can be read and never fail.  Base64 skips what is not in its
 * alphabet (line breaks, blanks, junk) and stops at the first '=';
 * quoted-printable decodes =XX (either case), takes '=' before a line
 * end as a soft break, keeps any other '=' as it is, and drops blanks
 * before a line end (RFC 2045 6.7 (3): transports add them).  Line ends
 * stay as they came (CRLF or LF). */
void rt_mime_base64_decode(struct rt_buf *out, const char *s, size_t len);
void rt_mime_qp_decode(struct rt_buf *out, const char *s, size_t len);

#endif
