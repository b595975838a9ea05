/* Mail settings from the config file, the environment and the command
 * line (in rising precedence), and the password from where it may come. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/buf.h"
#include "retrason/strutil.h"
#include "retrason/textline.h"
#include "retrason/xalloc.h"

static const char *const keys[] = {
	"smtp", "user", "from", "cacert", "password-command",
	"imap", "imap-user", "imap-password-command",
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

void settings_finish(struct settings *s)
{
	for (size_t i = 0; i < NKEYS; i++)
		free(s->value[i]);
	free(s->path);
	if (s->password) {
		/* The password leaves no copy in freed memory. */
		memset(s->password, 0, strlen(s->password));
		free(s->password);
	}
	memset(s, 0, sizeof(*s));
}

const char *settings_get(const struct settings *s, enum setting k)
{
	return s->value[k];
}

static char *config_path(void)
{
	struct rt_buf p;
	rt_buf_init(&p);
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		rt_buf_addf(&p, "%s/retrason/config", xdg);
	else if (home && *home)
		rt_buf_addf(&p, "%s/.config/retrason/config", home);
	else {
		rt_buf_finish(&p);
		return NULL;
	}
	return rt_buf_steal(&p);
}

int settings_load(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->path = config_path();
	if (!s->path)
		return EX_OK;
	struct rt_file f;
	int err = rt_file_open(&f, s->path, 1 << 20);
	if (err == ENOENT)
		return EX_OK;
	if (err) {
		errorf("cannot read %s: %s", s->path, strerror(err));
		return EX_CONFIG;
	}
	struct rt_diags d;
	rt_diags_init(&d, s->path, f.data ? f.data : "", f.len);
	size_t pos = 0;
	unsigned no = 0;
	struct rt_line ln;
	while (rt_next_line(d.src, f.len, &pos, &no, &ln)) {
		if (!rt_line_check(&d, &ln, 4096))
			continue;
		size_t i = 0;
		while (i < ln.len && rt_is_space(ln.s[i]))
			i++;
		if (i == ln.len || ln.s[i] == '#')
			continue;
		const char *eq = memchr(ln.s, '=', ln.len);
		if (!eq) {
			rt_diag_at(&d, RT_ERROR, ln.no, ln.off, ln.off + i, ln.len - i,
				   "write settings as 'key = value'", "expected 'key = value'");
			continue;
		}
		size_t kend = (size_t)(eq - ln.s);
		while (kend > i && rt_is_space(ln.s[kend - 1]))
			kend--;
		size_t v = (size_t)(eq - ln.s) + 1;
		while (v < ln.len && rt_is_space(ln.s[v]))
			v++;
		size_t vend = ln.len;
		while (vend > v && rt_is_space(ln.s[vend - 1]))
			vend--;
		size_t k = 0;
		while (k < NKEYS && !rt_strncaseeq(ln.s + i, kend - i, keys[k]))
			k++;
		if (k == NKEYS) {
			char note[128];
			const char *hint = rt_did_you_mean_note(
				note, sizeof(note), rt_did_you_mean(ln.s + i, kend - i, keys, NKEYS),
				"the keys are smtp, user, from, cacert, password-command, imap, "
				"imap-user, imap-password-command");
			rt_diag_at(&d, RT_ERROR, ln.no, ln.off, ln.off + i, kend - i, hint,
				   "unknown setting '%.*s'", (int)(kend - i > 40 ? 40 : kend - i),
				   ln.s + i);
			continue;
		}
		free(s->value[k]);
		s->value[k] = xstrndup(ln.s + v, vend - v);
	}
	rt_diags_print(&d, stderr, want_color(STDERR_FILENO, COLOR_AUTO));
	int rc = d.errors ? EX_CONFIG : EX_OK;
	rt_diags_finish(&d);
	rt_file_close(&f);
	return rc;
}

/* A password in memory must not end up in a core file. */
static void no_core_dumps(void)
{
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int settings_password(struct settings *s)
{
	return settings_password_from(s, "RETRASON_SMTP_PASSWORD", SET_PASSWORD_COMMAND);
}

int settings_password_from(struct settings *s, const char *env_name, enum setting command)
{
	const char *env = getenv(env_name);
	if (env && *env) {
		no_core_dumps();
		s->password = xstrdup(env);
		return EX_OK;
	}
	const char *cmd = s->value[command];
	if (!cmd || !*cmd)
		return EX_OK; /* libcurl looks in ~/.netrc */
	/* Like msmtp's passwordeval: the first line the command prints. */
	FILE *p = popen(cmd, "r");
	if (!p) {
		errorf("cannot run the %s of %s", keys[command], s->path);
		return EX_CONFIG;
	}
	no_core_dumps();
	/* Read to the end, however much it prints: a command cut off by
	 * SIGPIPE would count as failed.  The buffer is wiped before it is
	 * given back, so it can't grow (realloc would leave copies). */
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap), chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), p)) > 0) {
		size_t keep = got < cap - 1 - n ? got : cap - 1 - n;
		memcpy(buf + n, chunk, keep);
		n += keep;
	}
	memset(chunk, 0, sizeof(chunk));
	int status = pclose(p);
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	if (status != 0 || !*buf) {
		memset(buf, 0, cap);
		free(buf);
		errorf("the %s of %s failed or printed nothing", keys[command], s->path);
		return EX_CONFIG;
	}
	s->password = xstrdup(buf);
	memset(buf, 0, cap);
	free(buf);
	return EX_OK;
}
