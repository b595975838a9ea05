/* Message sources (retrason/msgsource.h): what a SOURCE names, and the
 * kinds that are files — a Maildir, an mbox, one message, standard
 * input.  IMAP mailboxes are imap.c's. */
#include "retrason/msgsource.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/readfile.h"
#include "retrason/strutil.h"
#include "retrason/utf8.h"
#include "retrason/xalloc.h"

#include "sources.h"

/* The length of a URL's "scheme://" (RFC 3986's scheme), or 0. */
static size_t scheme_len(const char *spec)
{
	const char *p = spec;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '.' || *p == '-')
		p++;
	return strncmp(p, "://", 3) ? 0 : (size_t)(p - spec);
}

bool rt_source_is_imap(const char *spec)
{
	size_t n = scheme_len(spec);
	return rt_strncaseeq(spec, n, "imap") || rt_strncaseeq(spec, n, "imaps");
}

enum rt_source_result rt_source_check(const char *spec, const struct rt_imap_config *imap,
				      char *err, size_t errlen)
{
	if (rt_source_is_imap(spec))
		return rt_imap_check(spec, imap, err, errlen);
	if (scheme_len(spec)) {
		snprintf(err, errlen, "a SOURCE URL is imap:// or imaps:// (or give a Maildir, an "
				      "mbox, a message file or -)");
		return RT_SOURCE_USAGE;
	}
	if (!*spec) {
		snprintf(err, errlen, "an empty SOURCE");
		return RT_SOURCE_USAGE;
	}
	return RT_SOURCE_OK;
}

/* Writes "what PATH: why" to err, the path — from the command line or a
 * Maildir's listing, so any bytes — made one line safe to print. */
static void file_error(char *err, size_t errlen, const char *what, const char *path,
		       const char *why)
{
	struct rt_buf name;
	rt_buf_init(&name);
	rt_utf8_clean(&name, path, strlen(path), 1024);
	snprintf(err, errlen, "%s %s: %s", what, rt_buf_str(&name), why);
	rt_buf_finish(&name);
}

/* Hands msg on, or counts it when it was too large. */
static enum rt_source_result hand_on(struct rt_walk *w, const struct rt_buf *msg, bool too_large,
				     const char *path, long long offset)
{
	if (too_large) {
		w->n->too_large++;
		return RT_SOURCE_OK;
	}
	struct rt_msg_origin o = {.source = w->spec, .path = path, .offset = offset};
	if (!w->fn(w->ctx, msg->data ? msg->data : "", msg->len, &o)) {
		snprintf(w->err, w->errlen, "stopped");
		return RT_SOURCE_STOPPED;
	}
	w->n->messages++;
	return RT_SOURCE_OK;
}

/* An input read in pieces: an mbox of any size is never in memory whole. */
struct reader {
	int fd;
	char buf[65536];
	size_t pos, end;
	long long offset; /* of buf[pos] in the input */
	bool eof;
	int error; /* errno of a failed read */
};

/* Makes at least want bytes available unless the input ends first;
 * returns how many are. */
static size_t want(struct reader *r, size_t want)
{
	while (r->end - r->pos < want && !r->eof && !r->error) {
		if (r->end == sizeof(r->buf) || (r->pos && r->end - r->pos < 4096)) {
			memmove(r->buf, r->buf + r->pos, r->end - r->pos);
			r->end -= r->pos;
			r->pos = 0;
		}
		ssize_t k = read(r->fd, r->buf + r->end, sizeof(r->buf) - r->end);
		if (k > 0)
			r->end += (size_t)k;
		else if (k == 0)
			r->eof = true;
		else if (errno != EINTR)
			r->error = errno;
	}
	return r->end - r->pos;
}

static void consume(struct reader *r, size_t k)
{
	r->pos += k;
	r->offset += (long long)k;
}

/* Adds to the message being read, up to RT_MSG_MAX; past that the
 * message only counts, and its memory goes back at once. */
static void add(struct rt_buf *msg, bool *too_large, const char *s, size_t k)
{
	if (*too_large)
		return;
	if (msg->len + k > RT_MSG_MAX) {
		*too_large = true;
		rt_buf_finish(msg);
		return;
	}
	rt_buf_add(msg, s, k);
}

/* Takes the rest of the line, its LF included, into msg. */
static void take_line(struct reader *r, struct rt_buf *msg, bool *too_large)
{
	while (want(r, 1)) {
		const char *p = r->buf + r->pos;
		size_t a = r->end - r->pos;
		const char *lf = memchr(p, '\n', a);
		size_t k = lf ? (size_t)(lf - p) + 1 : a;
		if (msg)
			add(msg, too_large, p, k);
		consume(r, k);
		if (lf)
			return;
	}
}

/* The most of a line's start looked at for ">>>From ": a longer run of
 * '>' is left quoted. */
#define LOOK 4096

/* An mbox: messages start at a "From " line at the top or after an empty
 * line, which is the separator and not part of the message before it;
 * ">From ", ">>From " ... lose one '>' (mboxrd; for mboxo's ">From " the
 * same). */
static enum rt_source_result walk_mbox(struct rt_walk *w, struct reader *r, const char *path)
{
	struct rt_buf msg;
	rt_buf_init(&msg);
	enum rt_source_result rc = RT_SOURCE_OK;
	bool in_msg = false, too_large = false, after_blank = true;
	const char *held = NULL; /* an empty line not added yet: "\n" or "\r\n" */
	long long from_at = -1;
	size_t a;
	while (!rc && (a = want(r, LOOK)) > 0) {
		const char *p = r->buf + r->pos;
		if (after_blank && a >= 5 && !memcmp(p, "From ", 5)) {
			if (in_msg)
				rc = hand_on(w, &msg, too_large, path, from_at);
			/* A large message's memory goes back once it was handed on. */
			if (msg.cap > (1u << 20))
				rt_buf_finish(&msg);
			rt_buf_reset(&msg);
			in_msg = true;
			too_large = false;
			held = NULL;
			after_blank = false;
			from_at = r->offset;
			take_line(r, NULL, NULL);
			continue;
		}
		if (held)
			add(&msg, &too_large, held, strlen(held));
		held = NULL;
		if (p[0] == '\n' || (a >= 2 && p[0] == '\r' && p[1] == '\n')) {
			held = p[0] == '\n' ? "\n" : "\r\n";
			consume(r, strlen(held));
			after_blank = true;
			continue;
		}
		after_blank = false;
		size_t q = 0;
		while (q < a && p[q] == '>')
			q++;
		if (q && q + 5 <= a && !memcmp(p + q, "From ", 5))
			consume(r, 1);
		take_line(r, &msg, &too_large);
	}
	if (!rc && r->error) {
		file_error(w->err, w->errlen, "cannot read", path ? path : "standard input",
			   strerror(r->error));
		rc = RT_SOURCE_IO;
	}
	if (!rc && in_msg) /* the empty line before the end separates too */
		rc = hand_on(w, &msg, too_large, path, from_at);
	rt_buf_finish(&msg);
	return rc;
}

/* One message: the whole input. */
static enum rt_source_result walk_one(struct rt_walk *w, struct reader *r, const char *path)
{
	struct rt_buf msg;
	rt_buf_init(&msg);
	bool too_large = false;
	size_t a;
	/* Read to the end even past RT_MSG_MAX: a pipe's writer (procmail)
	 * would otherwise see its message refused. */
	while ((a = want(r, 1)) > 0) {
		add(&msg, &too_large, r->buf + r->pos, a);
		consume(r, a);
	}
	enum rt_source_result rc = RT_SOURCE_OK;
	if (r->error) {
		file_error(w->err, w->errlen, "cannot read", path ? path : "standard input",
			   strerror(r->error));
		rc = RT_SOURCE_IO;
	} else if (r->offset > 0) {
		rc = hand_on(w, &msg, too_large, path, -1);
	}
	rt_buf_finish(&msg);
	return rc;
}

/* A file or standard input: an mbox when it starts with "From ", else
 * one message. */
static enum rt_source_result walk_stream(struct rt_walk *w, int fd, const char *path)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	r->fd = fd;
	size_t a = want(r, 5);
	enum rt_source_result rc = a >= 5 && !memcmp(r->buf, "From ", 5) ? walk_mbox(w, r, path)
									: walk_one(w, r, path);
	free(r);
	return rc;
}

/* A Maildir's message file, new/ or cur/. */
struct entry {
	char *name;
	size_t key; /* the unique part: the name up to the ":2,FLAGS" info */
	bool cur;
};

static int by_name(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	size_t n = a->key < b->key ? a->key : b->key;
	int c = memcmp(a->name, b->name, n);
	if (c || a->key != b->key)
		return c ? c : a->key < b->key ? -1 : 1;
	if (a->cur != b->cur)
		return a->cur ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* Lists dir/sub into *list; false if there is no such folder. */
static bool list_sub(const char *dir, const char *sub, struct entry **list, size_t *n,
		     size_t *cap, int *error)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	DIR *d = opendir(path);
	if (!d) {
		if (errno != ENOENT)
			*error = errno;
		return false;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		/* Dotfiles are not messages (Maildir++ folders, editors'). */
		if (de->d_name[0] == '.' || de->d_type == DT_DIR)
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*list = xreallocarray(*list, *cap, sizeof(**list));
		}
		struct entry *e = &(*list)[(*n)++];
		e->name = xstrdup(de->d_name);
		e->key = strcspn(e->name, ":");
		e->cur = !strcmp(sub, "cur");
	}
	closedir(d);
	return true;
}

/* A Maildir: new/ and cur/ (never tmp/, whose files are still being
 * written), by file name — the delivery time first — so that the order
 * is the same in every run; a message moved from new/ to cur/ while it
 * was listed is read once.  Nothing is moved or renamed. */
static enum rt_source_result walk_maildir(struct rt_walk *w, const char *dir)
{
	struct entry *list = NULL;
	size_t n = 0, cap = 0;
	int error = 0;
	enum rt_source_result rc = RT_SOURCE_OK;
	bool has_new = list_sub(dir, "new", &list, &n, &cap, &error);
	bool has_cur = list_sub(dir, "cur", &list, &n, &cap, &error);
	if (error) {
		file_error(w->err, w->errlen, "cannot read the Maildir", dir, strerror(error));
		rc = RT_SOURCE_NOINPUT;
	} else if (!has_new && !has_cur) {
		file_error(w->err, w->errlen, "no new/ or cur/ in", dir,
			   "a directory, but not a Maildir");
		rc = RT_SOURCE_USAGE;
	}
	if (n)
		qsort(list, n, sizeof(*list), by_name);
	const struct entry *done = NULL; /* the last message read */
	struct rt_buf path;
	rt_buf_init(&path);
	for (size_t i = 0; i < n && !rc; i++) {
		const struct entry *e = &list[i];
		if (done && done->key == e->key && !memcmp(done->name, e->name, e->key))
			continue;
		rt_buf_reset(&path);
		rt_buf_addf(&path, "%s/%s/%s", dir, e->cur ? "cur" : "new", e->name);
		/* Non-blocking: a FIFO left in new/ must not hang the walk
		 * (it is no message, and is passed over below). */
		int fd = open(path.data, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		struct stat st;
		if (fd < 0 && errno == ENOENT) { /* moved or deleted meanwhile */
			w->n->gone++;
			continue;
		}
		if (fd < 0 || fstat(fd, &st) != 0) {
			file_error(w->err, w->errlen, "cannot read", path.data, strerror(errno));
			rc = RT_SOURCE_IO;
		} else if (S_ISREG(st.st_mode)) {
			done = e;
			struct rt_file f = {0};
			int fe = st.st_size > RT_MSG_MAX ? EFBIG : rt_file_read_fd(&f, fd, RT_MSG_MAX);
			if (fe == EFBIG) {
				w->n->too_large++;
			} else if (fe) {
				file_error(w->err, w->errlen, "cannot read", path.data, strerror(fe));
				rc = RT_SOURCE_IO;
			} else {
				struct rt_buf msg = {(char *)f.data, f.len, f.len};
				rc = hand_on(w, &msg, false, path.data, -1);
			}
			rt_file_close(&f);
		}
		if (fd >= 0)
			close(fd);
	}
	rt_buf_finish(&path);
	for (size_t i = 0; i < n; i++)
		free(list[i].name);
	free(list);
	return rc;
}

enum rt_source_result rt_source_walk(const char *spec, const struct rt_imap_config *imap,
				     unsigned long *uidvalidity, unsigned long *last_uid,
				     rt_msg_fn *fn, void *ctx, struct rt_source_counts *counts,
				     char *err, size_t errlen)
{
	struct rt_source_counts none = {0};
	struct rt_walk w = {spec, fn, ctx, counts ? counts : &none, err, errlen};
	enum rt_source_result rc = rt_source_check(spec, imap, err, errlen);
	if (rc)
		return rc;
	if (rt_source_is_imap(spec)) {
		static const struct rt_imap_config defaults = {0};
		unsigned long v = 0, last = 0;
		return rt_imap_walk(&w, imap ? imap : &defaults, uidvalidity ? uidvalidity : &v,
				    last_uid ? last_uid : &last);
	}
	if (!strcmp(spec, "-"))
		return walk_stream(&w, STDIN_FILENO, NULL);
	struct stat st;
	int fd = open(spec, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		int e = errno;
		file_error(err, errlen, "cannot read", spec, strerror(e));
		if (fd >= 0)
			close(fd);
		return e == ENOENT || e == EACCES || e == ENOTDIR ? RT_SOURCE_NOINPUT : RT_SOURCE_IO;
	}
	/* A directory is a Maildir; anything else (a file, a FIFO) is read
	 * as a stream: an mbox or one message. */
	rc = S_ISDIR(st.st_mode) ? walk_maildir(&w, spec) : walk_stream(&w, fd, spec);
	close(fd);
	return rc;
}
