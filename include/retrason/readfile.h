/* Reading a whole input file ("-" is standard input). */
#ifndef RETRASON_READFILE_H
#define RETRASON_READFILE_H

#include <stdbool.h>
#include <stddef.h>

struct rt_file {
	const char *data; /* not NUL-terminated; NULL when len is 0 */
	size_t len;
};

/* Opens path and reads its bytes into f (never mapped: a file
 * rewritten while it is read can't crash the reader).  Returns 0, or an errno value: EFBIG when
 * the input is larger than max bytes, EISDIR for a directory.  Release
 * with rt_file_close(). */
int rt_file_open(struct rt_file *f, const char *path, size_t max);
void rt_file_close(struct rt_file *f);
/* The same for an open descriptor, read to its end. */
int rt_file_read_fd(struct rt_file *f, int fd, size_t max);

#endif
