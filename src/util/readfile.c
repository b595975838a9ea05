#include "retrason/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/xalloc.h"

int rt_file_read_fd(struct rt_file *f, int fd, size_t max)
{
	/* A regular file in one read, with room to see that it ended. */
	struct stat st;
	memset(f, 0, sizeof(*f));
	size_t cap = 65536, n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size < max)
		cap = (size_t)st.st_size + 4096;
	char *data = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(data);
				return EFBIG;
			}
			cap *= 2;
			data = xrealloc(data, cap);
		}
		ssize_t r = read(fd, data + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int err = errno;
			free(data);
			return err;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		free(data);
		return EFBIG;
	}
	/* Not promised (see readfile.h), but a byte past the end that is
	 * NUL keeps a stray str*() call from reading beyond the buffer. */
	data[n] = '\0';
	f->data = data;
	f->len = n;
	return 0;
}

int rt_file_open(struct rt_file *f, const char *path, size_t max)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	int err = 0;

	memset(f, 0, sizeof(*f));
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) != 0) {
		err = errno;
	} else if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
	} else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		err = EFBIG;
	} else {
		/* Read, not mapped: a file cut short or rewritten while it is
		 * read gives its old bytes or a clean error, never SIGBUS. */
		err = rt_file_read_fd(f, fd, max);
	}
	if (!is_stdin)
		close(fd);
	return err;
}

void rt_file_close(struct rt_file *f)
{
	free((void *)f->data);
	memset(f, 0, sizeof(*f));
}
