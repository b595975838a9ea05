#include "retrason/atomic.h"

#include <errno.h>
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
	memset(w, 0, sizeof(*w));
	rt_buf_init(&tmp);
	/* Same directory, so the rename cannot cross file systems; hidden,
	 * so a half-written file never looks like a result. */
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	rt_buf_add(&tmp, path, dir);
	rt_buf_addf(&tmp, ".%s.XXXXXX", path + dir);
	w->tmp = rt_buf_steal(&tmp);
	w->path = xstrdup(path);

	int fd = mkstemp(w->tmp);
	if (fd < 0) {
		int err = errno;
		clear(w);
		return err;
	}
	/* mkstemp makes 0600; give the file the mode a new file would get. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
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
	else if (fsync(fileno(w->f)) != 0)
		err = errno;
	if (fclose(w->f) != 0 && !err)
		err = errno;
	w->f = NULL;
	if (!err && rename(w->tmp, w->path) != 0)
		err = errno;
	if (err)
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
