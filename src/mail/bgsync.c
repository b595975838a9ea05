#include "bgsync.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "retrason/xalloc.h"

struct rt_bgsync {
	int fd;
	int wake[2]; /* a pipe: one byte after each finished sync */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t work;
	unsigned long requested, done; /* tickets; guarded by lock */
	int err;
	bool stop;
};

static void *run(void *arg)
{
	struct rt_bgsync *s = arg;
	pthread_mutex_lock(&s->lock);
	for (;;) {
		while (s->done == s->requested && !s->stop)
			pthread_cond_wait(&s->work, &s->lock);
		if (s->done == s->requested)
			break; /* stopping, nothing left */
		/* One fdatasync covers every request made before it starts:
		 * the requester wrote its lines before asking. */
		unsigned long upto = s->requested;
		int err = s->err;
		pthread_mutex_unlock(&s->lock);
		if (!err && fdatasync(s->fd) != 0)
			err = errno;
		pthread_mutex_lock(&s->lock);
		s->err = err;
		s->done = upto;
		/* A full pipe already says "something finished". */
		ssize_t w = write(s->wake[1], "", 1);
		(void)w;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

struct rt_bgsync *rt_bgsync_new(int fd)
{
	struct rt_bgsync *s = xcalloc(1, sizeof(*s));
	s->fd = fd;
	if (pipe(s->wake) != 0) {
		free(s);
		return NULL;
	}
	for (int k = 0; k < 2; k++) {
		fcntl(s->wake[k], F_SETFD, FD_CLOEXEC);
		fcntl(s->wake[k], F_SETFL, O_NONBLOCK);
	}
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->work, NULL);
	if (pthread_create(&s->thread, NULL, run, s) != 0) {
		pthread_mutex_destroy(&s->lock);
		pthread_cond_destroy(&s->work);
		close(s->wake[0]);
		close(s->wake[1]);
		free(s);
		return NULL;
	}
	return s;
}

unsigned long rt_bgsync_request(struct rt_bgsync *s)
{
	pthread_mutex_lock(&s->lock);
	unsigned long ticket = ++s->requested;
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
	return ticket;
}

bool rt_bgsync_done(struct rt_bgsync *s, unsigned long ticket, int *err)
{
	pthread_mutex_lock(&s->lock);
	bool done = s->done >= ticket;
	*err = s->err;
	pthread_mutex_unlock(&s->lock);
	return done;
}

int rt_bgsync_fd(const struct rt_bgsync *s)
{
	return s->wake[0];
}

void rt_bgsync_drain(struct rt_bgsync *s)
{
	char buf[64];
	while (read(s->wake[0], buf, sizeof(buf)) > 0)
		;
}

int rt_bgsync_free(struct rt_bgsync *s)
{
	if (!s)
		return 0;
	pthread_mutex_lock(&s->lock);
	s->stop = true;
	pthread_cond_signal(&s->work);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	int err = s->err;
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->work);
	close(s->wake[0]);
	close(s->wake[1]);
	free(s);
	return err;
}
