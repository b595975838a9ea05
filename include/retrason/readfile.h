/* Reading a whole input file ("-" is standard input). */
#ifndef RETRASON_READFILE_H
#define RETRASON_READFILE_H

#include <stddef.h>

/* Reads path into *buf (caller frees; NUL-terminated, *len excludes the
 * NUL).  Returns 0, or an errno value: EFBIG when the file is larger
 * than max bytes, EISDIR for a directory. */
int rt_read_file(const char *path, size_t max, char **buf, size_t *len);

#endif
