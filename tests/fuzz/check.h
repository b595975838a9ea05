/* Invariants the fuzz targets assert on what retrason writes.  A broken
 * invariant aborts, which libFuzzer reports as a finding and the replay
 * driver as a failed test. */
#ifndef RETRASON_FUZZ_CHECK_H
#define RETRASON_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints what broke and aborts. */
void fuzz_fail(const char *what, const char *s, size_t n) __attribute__((noreturn));

bool fuzz_utf8_valid(const char *s, size_t n);
/* No C0 control but those in allowed, no DEL. */
bool fuzz_no_controls(const char *s, size_t n, const char *allowed);
/* One complete JSON value (RFC 8259), nothing after it but whitespace. */
bool fuzz_json_valid(const char *s, size_t n);

/* A header field as rt_mime_header_*() write it: printable ASCII, lines
 * of at most 78 characters ending in CRLF, every line after the first
 * a fold (starting with a blank).  Returns its value unfolded (caller
 * frees), or aborts. */
char *fuzz_header_value(const char *h, size_t n, const char *name);
/* Text with RFC 2047 encoded words decoded (caller frees). */
char *fuzz_decode_words(const char *v);
/* The display name of a mailbox header's value "NAME <addr>", decoded
 * from atoms, a quoted string or encoded words (caller frees). */
char *fuzz_display_name(const char *value, const char *addr);

#endif
