/* Which event and which version a command writes: the UID the journal
 * has pinned and the SEQUENCE the plan gives this agenda, so that what
 * `agenda ics`, `invite ics` and `agenda export` write matches what
 * calendars got from `invite send`. */
#include <errno.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "retrason/buf.h"
#include "retrason/mail.h"
#include "retrason/plan.h"
#include "retrason/xalloc.h"

int open_journal(struct rt_journal *j, const char *path, bool write)
{
	int err;
	enum rt_journal_status st = rt_journal_open(j, path, write, &err);
	switch (st) {
	case RT_JOURNAL_OK:
		if (j->diags.warnings)
			rt_diags_print(&j->diags, stderr, want_color(STDERR_FILENO, COLOR_AUTO));
		return EX_OK;
	case RT_JOURNAL_BUSY:
		if (err)
			errorf("the journal %s is in use by another retrason (process %d); "
			       "wait until it has finished", path, err);
		else
			errorf("the journal %s is in use by another retrason; wait until it has "
			       "finished", path);
		return EX_TEMPFAIL;
	case RT_JOURNAL_BAD:
		rt_diags_print(&j->diags, stderr, want_color(STDERR_FILENO, COLOR_AUTO));
		errorf("the journal %s is damaged; retrason will not guess who has which "
		       "version: repair or remove what is named above (retrason(1), JOURNAL, "
		       "explains each line)", path);
		return EX_DATAERR;
	case RT_JOURNAL_IO:
		break;
	}
	errorf("cannot %s the journal %s: %s", write ? "use" : "read", path, strerror(err));
	bool missing = err == EACCES || err == ENOENT || err == EISDIR || err == ENOTDIR;
	if (!missing)
		return EX_IOERR;
	return write ? EX_CANTCREAT : EX_NOINPUT; /* as for other outputs and inputs */
}

int pin_uid(const struct rt_agenda *a, const char *path, const struct rt_journal *j,
	    bool warn_missing, char **uid)
{
	char *mine = rt_agenda_uid(a);
	const char *pinned = rt_journal_uid(j);
	if (strchr(mine, '\t') || strlen(mine) > 1000) {
		errorf("%s: the UID must be at most 1000 bytes and hold no tab", path);
		free(mine);
		return EX_DATAERR;
	}
	if (!pinned || !strcmp(pinned, mine)) {
		if (!a->uid && warn_missing)
			errorf("warning: %s has no 'UID:' line; calendars know this event by its "
			       "title and organizer; add 'UID: %s' to keep it for good",
			       path, mine);
		*uid = mine;
		return EX_OK;
	}
	if (a->uid) {
		errorf("%s: 'UID: %s' is not the event the journal %s has sent (UID %s)", path,
		       mine, j->path, pinned);
		fprintf(stderr, "note: to go on with that event, write 'UID: %s'; to announce a "
				"new event instead, first cancel the old one with that line (invite "
				"cancel), then give the new UID another --journal\n",
			pinned);
		free(mine);
		return EX_DATAERR;
	}
	errorf("warning: %s: the title or organizer changed, and with them the derived UID; "
	       "keeping the event's UID from the journal, so calendars update the same "
	       "entry. Add this line to the agenda to keep it for good: UID: %s",
	       path, pinned);
	free(mine);
	*uid = xstrdup(pinned);
	return EX_OK;
}

int event_identity(const char *cmd, const char *journal, const char *agenda_path,
		   const struct rt_agenda *a, const struct rt_recipients *list, bool cancel,
		   int sequence, char **uid, int *seq)
{
	*uid = NULL;
	if (!journal && !strcmp(agenda_path, "-")) {
		*uid = rt_agenda_uid(a); /* no journal to ask */
		*seq = sequence >= 0 ? sequence : cancel;
		return EX_OK;
	}
	struct rt_buf path;
	rt_buf_init(&path);
	int rc = journal_path(cmd, journal, agenda_path, &path);
	struct rt_journal j;
	if (!rc)
		rc = open_journal(&j, rt_buf_str(&path), false);
	rt_buf_finish(&path);
	if (rc)
		return rc;
	rc = pin_uid(a, agenda_path, &j, false, uid);
	if (!rc) {
		char *fp = cancel ? xstrdup("cancelled") : rt_mail_fingerprint(a);
		struct rt_recipients none = {0};
		struct rt_plan p;
		struct rt_plan_opts o = {.cancel = cancel, .sequence = sequence};
		rt_plan_make(&p, &j, *uid, fp, list ? list : &none, &o);
		*seq = p.sequence;
		rt_plan_finish(&p);
		free(fp);
	}
	rt_journal_close(&j);
	return rc;
}
