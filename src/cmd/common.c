#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/atomic.h"
#include "retrason/buf.h"
#include "retrason/readfile.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"
#include "retrason/zone.h"

/* A message on one line: values quoted in it (an option's, a server's)
 * may hold CR, LF or escape sequences, which must not move the
 * terminal's cursor or fake a line of their own. */
static void message(const char *fmt, va_list ap)
{
	struct rt_buf b;
	rt_buf_init(&b);
	rt_buf_vaddf(&b, fmt, ap);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
	rt_buf_finish(&b);
}

void errorf(const char *fmt, ...)
{
	va_list ap;
	fputs("retrason: ", stderr);
	va_start(ap, fmt);
	message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "retrason %s: ", cmd);
	va_start(ap, fmt);
	message(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'retrason %s --help'.\n", cmd);
	return EX_USAGE;
}

bool want_color(int fd, enum color_mode mode)
{
	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (no && *no)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fd);
}

int load_agenda(const char *path, struct loaded *l)
{
	memset(l, 0, sizeof(*l));
	int err = rt_file_open(&l->file, path, RT_AGENDA_MAX_BYTES);
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (err == EFBIG) {
		errorf("%s: file is too large (an agenda file has at most %zu MiB)", name,
		       RT_AGENDA_MAX_BYTES >> 20);
		return EX_DATAERR;
	}
	if (err) {
		errorf("cannot read %s: %s", name, strerror(err));
		return err == ENOENT || err == EACCES || err == EISDIR || err == ENOTDIR
			       ? EX_NOINPUT
			       : EX_IOERR;
	}
	rt_diags_init(&l->diags, name, l->file.data ? l->file.data : "", l->file.len);
	const struct rt_parse_opts opts = {.local = rt_zone_local};
	l->agenda = rt_agenda_parse(l->diags.src, l->file.len, &opts, &l->diags);
	return 0;
}

void loaded_finish(struct loaded *l)
{
	rt_agenda_free(l->agenda);
	rt_diags_finish(&l->diags);
	rt_file_close(&l->file);
	memset(l, 0, sizeof(*l));
}

int load_good_agenda(const char *path, struct loaded *l)
{
	int rc = load_agenda(path, l);
	if (rc)
		return rc;
	if (l->diags.errors) {
		rt_diags_print(&l->diags, stderr, want_color(STDERR_FILENO, COLOR_AUTO));
		errorf("%s has errors; 'retrason agenda check' lists them", l->diags.path);
		loaded_finish(l);
		return EX_DATAERR;
	}
	return 0;
}

int load_for_output(const char *path, bool need_organizer, struct loaded *l)
{
	int rc = load_good_agenda(path, l);
	if (rc)
		return rc;
	if (!rt_zone_known(l->agenda->timezone)) {
		errorf("libical does not know the time zone '%s'", l->agenda->timezone);
		rc = EX_DATAERR;
	} else if (need_organizer && !l->agenda->organizer.addr) {
		errorf("%s: an invitation needs an 'Organizer:' to answer to", l->diags.path);
		rc = EX_DATAERR;
	}
	if (rc)
		loaded_finish(l);
	return rc;
}

enum rt_lang pick_lang(const struct rt_agenda *a, bool given, enum rt_lang lang)
{
	if (given)
		return lang;
	/* A Language we have no words for is English, as 'agenda check'
	 * warns: the file chose, so the reader's locale doesn't. */
	if (a->language)
		return rt_lang_from_tag(a->language, &lang) ? lang : RT_LANG_EN;
	if (rt_lang_from_env(&lang))
		return lang;
	return RT_LANG_EN;
}

int source_date(const char *cmd, long long *out)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e) {
		*out = (long long)time(NULL);
		return EX_OK;
	}
	char *end;
	errno = 0;
	long long v = strtoll(e, &end, 10);
	if (*end || errno || v < 0 || v > 253402300799LL) {
		errorf("%s: SOURCE_DATE_EPOCH must be seconds since 1970, not '%s'", cmd, e);
		return EX_USAGE;
	}
	*out = v;
	return EX_OK;
}

int load_list(const char *path, struct rt_recipients *r)
{
	struct rt_file f;
	int err = rt_file_open(&f, path, (size_t)64 << 20);
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (err) {
		memset(r, 0, sizeof(*r));
		rt_arena_init(&r->arena);
		errorf("cannot read %s: %s", name,
		       err == EFBIG ? "file is too large" : strerror(err));
		return err == EFBIG ? EX_DATAERR : EX_NOINPUT;
	}
	struct rt_diags d;
	rt_diags_init(&d, name, f.data ? f.data : "", f.len);
	rt_recipients_parse(d.src, f.len, r, &d);
	rt_diags_print(&d, stderr, want_color(STDERR_FILENO, COLOR_AUTO));
	int rc = d.errors ? EX_DATAERR : EX_OK;
	rt_diags_finish(&d);
	rt_file_close(&f);
	return rc;
}

int journal_path(const char *cmd, const char *given, const char *agenda, struct rt_buf *out)
{
	if (given)
		rt_buf_adds(out, given);
	else if (strcmp(agenda, "-") != 0)
		rt_buf_addf(out, "%s.journal", agenda);
	else
		return usage_error(cmd, "an agenda from standard input needs --journal FILE");
	return EX_OK;
}

int write_output(const char *path, int (*write)(FILE *f, void *ctx), void *ctx)
{
	if (!path || !strcmp(path, "-")) {
		int err = write(stdout, ctx);
		return err ? EX_IOERR : EX_OK; /* main() reports the write error */
	}
	struct rt_atomic w;
	int err = rt_atomic_open(&w, path);
	if (err) {
		errorf("cannot create %s: %s", path, strerror(err));
		return EX_CANTCREAT;
	}
	err = write(w.f, ctx);
	if (err) {
		rt_atomic_abort(&w);
		errorf("cannot write %s: %s", path, strerror(err));
		return EX_IOERR;
	}
	err = rt_atomic_commit(&w);
	if (err) {
		errorf("cannot write %s: %s", path, strerror(err));
		return EX_IOERR;
	}
	return EX_OK;
}

