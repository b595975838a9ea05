#include "retrason/journal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/xalloc.h"

static char *key(const char *uid, int sequence, const char *method, const char *addr)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_addf(&b, "%s\t%d\t%s\t", uid, sequence, method);
	for (const char *p = addr; *p; p++)
		rt_buf_addc(&b, (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p);
	return rt_buf_steal(&b);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int rt_journal_open(struct rt_journal *j, const char *path)
{
	size_t cap = 0;
	memset(j, 0, sizeof(*j));
	FILE *in = fopen(path, "r");
	if (in) {
		char *line = NULL;
		size_t n = 0;
		while (getline(&line, &n, in) > 0) {
			/* sent, uid, sequence, method, address: the first five. */
			char *f[5];
			char *p = line;
			int k = 0;
			for (; k < 5 && p; k++) {
				f[k] = p;
				p = strchr(p, '\t');
				if (p)
					*p++ = '\0';
			}
			if (k < 5 || strcmp(f[0], "sent") != 0)
				continue;
			f[4][strcspn(f[4], "\t\r\n")] = '\0';
			XGROW(j->sent, cap, j->nsent + 1);
			j->sent[j->nsent++] = key(f[1], atoi(f[2]), f[3], f[4]);
		}
		free(line);
		fclose(in);
		qsort(j->sent, j->nsent, sizeof(*j->sent), cmp);
	} else if (errno != ENOENT) {
		return errno;
	}
	j->f = fopen(path, "a");
	if (!j->f) {
		int err = errno;
		rt_journal_close(j);
		return err;
	}
	j->path = xstrdup(path);
	return 0;
}

void rt_journal_close(struct rt_journal *j)
{
	if (j->f)
		fclose(j->f);
	for (size_t i = 0; i < j->nsent; i++)
		free(j->sent[i]);
	free(j->sent);
	free(j->path);
	memset(j, 0, sizeof(*j));
}

bool rt_journal_was_sent(const struct rt_journal *j, const char *uid, int sequence,
			 const char *method, const char *addr)
{
	char *k = key(uid, sequence, method, addr);
	bool found = bsearch(&k, j->sent, j->nsent, sizeof(*j->sent), cmp) != NULL;
	free(k);
	return found;
}

int rt_journal_record(struct rt_journal *j, const char *status, const char *uid,
		      int sequence, const char *method, const char *addr,
		      const char *detail, long long when)
{
	/* A reason from a server may hold a tab; the line must stay one line. */
	struct rt_buf d;
	rt_buf_init(&d);
	for (const char *p = detail ? detail : ""; *p; p++)
		rt_buf_addc(&d, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
	if (!strcmp(status, "sent"))
		fprintf(j->f, "sent\t%s\t%d\t%s\t%s\t%s\t%lld\n", uid, sequence, method, addr,
			rt_buf_str(&d), when);
	else
		fprintf(j->f, "failed\t%s\t%d\t%s\t%s\t%s\t%lld\t%s\n", uid, sequence, method,
			addr, status, when, rt_buf_str(&d));
	rt_buf_finish(&d);
	if (fflush(j->f) != 0 || ferror(j->f))
		return errno ? errno : EIO;
	if (fsync(fileno(j->f)) != 0)
		return errno;
	return 0;
}
