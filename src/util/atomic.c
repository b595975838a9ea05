#include "retrason/atomic.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/xalloc.h"

static void clear(struct rt_atomic *w)
{
	free(w->path);
	free(w->tmp);
	memset(w, 0, sizeof(*w));
}

int rt_atomic_open(struct rt_atomic *w, const char *path)
{
	struct rt_buf tmp;
	struct stat st;
	char *real = NULL;
	bool exists = false;
	memset(w, 0, sizeof(*w));

	/* Writing to a symlink writes the file it points to (the link
	 * stays, as with cp); a dangling one is refused rather than
	 * guessed at.  A directory is refused before anything is made. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (!real)
			return errno;
		path = real;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			free(real);
			return EISDIR;
		}
		exists = true;
		if (!S_ISREG(st.st_mode)) {
			/* A device or a FIFO (-o /dev/stdout, a named pipe): a
			 * rename would replace it with a file.  Written as is;
			 * there is nothing to be atomic about. */
			w->f = fopen(path, "wb");
			free(real);
			return w->f ? 0 : errno;
		}
	}
	rt_buf_init(&tmp);
	/* Same directory, so the rename cannot cross file systems; hidden,
	 * so a half-written file never looks like a result. */
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	rt_buf_add(&tmp, path, dir);
	rt_buf_addf(&tmp, ".%s.XXXXXX", path + dir);
	w->tmp = rt_buf_steal(&tmp);
	w->path = xstrdup(path);
	free(real);

	int fd = mkstemp(w->tmp);
	if (fd < 0) {
		int err = errno;
		clear(w);
		return err;
	}
	/* mkstemp makes 0600: keep the mode of the file replaced, or give
	 * the one a new file would get. */
	if (exists) {
		fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	w->f = fdopen(fd, "wb");
	if (!w->f) {
		int err = errno;
		close(fd);
		unlink(w->tmp);
		clear(w);
		return err;
	}
	return 0;
}

int rt_atomic_commit(struct rt_atomic *w)
{
	int err = 0;
	if (fflush(w->f) != 0 || ferror(w->f))
		err = errno ? errno : EIO;
	else if (w->tmp && fsync(fileno(w->f)) != 0)
		err = errno;
	if (fclose(w->f) != 0 && !err)
		err = errno;
	w->f = NULL;
	if (!err && w->tmp && rename(w->tmp, w->path) != 0)
		err = errno;
	if (err && w->tmp)
		unlink(w->tmp);
	clear(w);
	return err;
}

void rt_atomic_abort(struct rt_atomic *w)
{
	if (w->f)
		fclose(w->f);
	if (w->tmp)
		unlink(w->tmp);
	clear(w);
}
