/* rt_out: output handed on in pieces, and write errors kept until the
 * end. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "retrason/buf.h"

struct pieces {
	struct rt_buf all;
	size_t n;
};

static void take(void *ctx, const char *s, size_t n)
{
	struct pieces *p = ctx;
	rt_buf_add(&p->all, s, n);
	p->n++;
}

int main(void)
{
	/* A buffer is always NUL-terminated, also when only reserved (into
	 * memory just freed with something else in it, as a first
	 * reservation of 64 bytes gets from malloc). */
	char *junk = malloc(64);
	if (!junk)
		return 1;
	memset(junk, 'x', 64);
	free(junk);
	struct rt_buf fresh;
	rt_buf_init(&fresh);
	rt_buf_reserve(&fresh, 40);
	CHECK_STR(rt_buf_str(&fresh), "");
	rt_buf_finish(&fresh);

	struct rt_buf b;
	struct pieces p = {.n = 0};
	rt_buf_init(&b);
	rt_buf_init(&p.all);

	/* A function: nothing is handed on before RT_OUT_PIECE bytes, then
	 * all of it but what is kept back, then the rest at the end. */
	struct rt_out o = {.b = &b, .fn = take, .ctx = &p};
	rt_buf_addn(&b, 'a', RT_OUT_PIECE - 1);
	rt_out_maybe_flush(&o);
	CHECK_INT(p.n, 0);
	rt_buf_adds(&b, "b\n\n");
	rt_out_maybe_flush_but(&o, 2);
	CHECK_INT(p.n, 1);
	CHECK_INT(p.all.len, RT_OUT_PIECE);
	CHECK_STR(rt_buf_str(&b), "\n\n");
	CHECK_INT(rt_out_finish(&o), 0);
	CHECK_INT(p.n, 2);
	CHECK_INT(p.all.len, RT_OUT_PIECE + 2);
	CHECK_INT(b.len, 0);
	CHECK_INT(rt_out_finish(&o), 0); /* nothing left: fn not called */
	CHECK_INT(p.n, 2);

	/* Nowhere to go: it all stays in b. */
	struct rt_out keep = {.b = &b};
	rt_buf_addn(&b, 'c', 2 * RT_OUT_PIECE);
	rt_out_maybe_flush(&keep);
	CHECK_INT(rt_out_finish(&keep), 0);
	CHECK_INT(b.len, 2 * RT_OUT_PIECE);

	/* A full disk is reported at the end, however early it came. */
	FILE *full = fopen("/dev/full", "w");
	CHECK(full != NULL);
	if (full) {
		struct rt_out f = {.b = &b, .file = full};
		rt_out_maybe_flush(&f); /* fails here, quietly */
		CHECK_INT(b.len, 0);
		rt_buf_adds(&b, "more");
		CHECK_INT(rt_out_finish(&f), ENOSPC);
		fclose(full);
	}

	/* So is a pipe nobody reads. */
	int fd[2];
	signal(SIGPIPE, SIG_IGN);
	CHECK(pipe(fd) == 0);
	close(fd[0]);
	FILE *pipe_out = fdopen(fd[1], "w");
	CHECK(pipe_out != NULL);
	if (pipe_out) {
		struct rt_out f = {.b = &b, .file = pipe_out};
		rt_buf_adds(&b, "to nobody");
		CHECK_INT(rt_out_finish(&f), EPIPE);
		fclose(pipe_out);
	}

	rt_buf_finish(&b);
	rt_buf_finish(&p.all);
	return check_done();
}
