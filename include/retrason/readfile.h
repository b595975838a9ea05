/* Reading a whole input file ("-" is standard input). */
#ifndef RETRASON_READFILE_H
#define RETRASON_READFILE_H

#include <stdbool.h>
#include <stddef.h>

struct rt_file {
	const char *data; /* not NUL-terminated; NULL when len is 0 */
	size_t len;
	bool mapped; /* private: how to release it */
};

/* Opens path and makes its bytes available in f: a regular file is
 * mapped (no copy, so large agendas cost what reading them costs), a
 * pipe or terminal is read.  Returns 0, or an errno value: EFBIG when
 * the input is larger than max bytes, EISDIR for a directory.  Release
 * with rt_file_close(). */
int rt_file_open(struct rt_file *f, const char *path, size_t max);
void rt_file_close(struct rt_file *f);

#endif
