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

/* Splits a journal line read by getline() (got bytes) in place into its
 * tab-separated fields, up to 8 (a failure's reason, last, is kept
 * whole): returns how many.  A line cut short by a crash or a full disk,
 * without its newline, is no record: 0.  A "sent" record has exactly 7
 * fields; more means a fragment glued to a later record. */
static int split(char *line, ssize_t got, char *f[8])
{
	if (line[got - 1] != '\n')
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	char *p = line;
	int k = 0;
	for (; k < 8 && p; k++) {
		f[k] = p;
		p = strchr(p, '\t');
		if (p)
			*p++ = '\0';
	}
	return k;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int durable(struct rt_journal *j)
{
	if (fflush(j->f) != 0 || ferror(j->f))
		return errno ? errno : EIO;
	/* fdatasync: the appended lines and the size that makes them
	 * readable, without the timestamps fsync would also write. */
	if (fdatasync(fileno(j->f)) != 0)
		return errno;
	return 0;
}

int rt_journal_open(struct rt_journal *j, const char *path, bool read_only)
{
	size_t cap = 0, vcap = 0, icap = 0;
	memset(j, 0, sizeof(*j));
	/* The same records `invite status` shows: one reader of the file. */
	struct rt_journal_entry *e;
	size_t n;
	int err = rt_journal_read(path, &e, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(e[i].kind, "version")) {
			XGROW(j->versions, vcap, j->nversions + 1);
			j->versions[j->nversions++] = (struct rt_journal_version){
				xstrdup(e[i].uid), e[i].sequence, xstrdup(e[i].detail)};
			continue;
		}
		if (strcmp(e[i].kind, "sent") != 0)
			continue;
		XGROW(j->sent, cap, j->nsent + 1);
		j->sent[j->nsent++] = key(e[i].uid, e[i].sequence, e[i].method, e[i].address);
		if (!strcmp(e[i].method, "REQUEST")) {
			struct rt_buf b;
			rt_buf_init(&b);
			rt_buf_addf(&b, "%s\t%s", e[i].uid, e[i].address);
			XGROW(j->invited, icap, j->ninvited + 1);
			j->invited[j->ninvited++] = rt_buf_steal(&b);
		}
	}
	rt_journal_entries_free(e, n);
	if (j->nsent)
		qsort(j->sent, j->nsent, sizeof(*j->sent), cmp);
	j->path = xstrdup(path);
	if (read_only)
		return 0;
	j->f = fopen(path, "a+");
	if (!j->f) {
		err = errno;
		rt_journal_close(j);
		return err;
	}
	/* End a line cut short, so the next record starts a line of its
	 * own instead of completing it into something else. */
	if (fseek(j->f, -1, SEEK_END) == 0 && fgetc(j->f) != '\n') {
		fseek(j->f, 0, SEEK_END);
		fputc('\n', j->f);
	}
	return 0;
}

const struct rt_journal_version *rt_journal_latest(const struct rt_journal *j,
						   const char *uid)
{
	const struct rt_journal_version *best = NULL;
	for (size_t i = 0; i < j->nversions; i++)
		if (!strcmp(j->versions[i].uid, uid) &&
		    (!best || j->versions[i].sequence >= best->sequence))
			best = &j->versions[i];
	return best;
}

int rt_journal_version(struct rt_journal *j, const char *uid, int sequence,
		       const char *fingerprint, long long when)
{
	fprintf(j->f, "version\t%s\t%d\t%s\t%lld\n", uid, sequence, fingerprint, when);
	return durable(j);
}

void rt_journal_close(struct rt_journal *j)
{
	if (j->f)
		fclose(j->f);
	for (size_t i = 0; i < j->nsent; i++)
		free(j->sent[i]);
	free(j->sent);
	for (size_t i = 0; i < j->nversions; i++) {
		free(j->versions[i].uid);
		free(j->versions[i].fingerprint);
	}
	free(j->versions);
	for (size_t i = 0; i < j->ninvited; i++)
		free(j->invited[i]);
	free(j->invited);
	free(j->path);
	memset(j, 0, sizeof(*j));
}

bool rt_journal_was_sent(const struct rt_journal *j, const char *uid, int sequence,
			 const char *method, const char *addr)
{
	if (!j->nsent)
		return false;
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
	return ferror(j->f) ? EIO : 0;
}

int rt_journal_sync(struct rt_journal *j)
{
	return durable(j);
}

int rt_journal_read(const char *path, struct rt_journal_entry **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	FILE *in = fopen(path, "r");
	if (!in)
		return errno == ENOENT ? 0 : errno;
	char *line = NULL;
	size_t len = 0;
	ssize_t got;
	while ((got = getline(&line, &len, in)) > 0) {
		char *f[8];
		int k = split(line, got, f);
		if (!k)
			continue;
		struct rt_journal_entry e = {0};
		if (!strcmp(f[0], "version") && k >= 5) {
			e = (struct rt_journal_entry){xstrdup("version"), xstrdup(f[1]), atoi(f[2]),
						      NULL, NULL, NULL, xstrdup(f[3]),
						      atoll(f[4])};
		} else if (!strcmp(f[0], "sent") && k == 7 && *f[6]) {
			e = (struct rt_journal_entry){xstrdup("sent"), xstrdup(f[1]), atoi(f[2]),
						      xstrdup(f[3]), xstrdup(f[4]), xstrdup("sent"),
						      xstrdup(f[5]), atoll(f[6])};
		} else if (!strcmp(f[0], "failed") && k >= 7) {
			e = (struct rt_journal_entry){xstrdup("failed"), xstrdup(f[1]), atoi(f[2]),
						      xstrdup(f[3]), xstrdup(f[4]), xstrdup(f[5]),
						      xstrdup(k >= 8 ? f[7] : ""), atoll(f[6])};
		} else {
			continue; /* a line cut short by a crash, or from a newer version */
		}
		XGROW(*out, cap, *n + 1);
		(*out)[(*n)++] = e;
	}
	free(line);
	fclose(in);
	return 0;
}

void rt_journal_entries_free(struct rt_journal_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].kind);
		free(e[i].uid);
		free(e[i].method);
		free(e[i].address);
		free(e[i].status);
		free(e[i].detail);
	}
	free(e);
}
