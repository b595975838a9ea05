/* retrason invite status: who has which version, from the journal. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "cmd.h"
#include "retrason/buf.h"
#include "retrason/export.h"
#include "retrason/journal.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"

static const char intro[] =
	"Usage: retrason invite status [--json] [--journal=FILE] FILE\n"
	"\n"
	"Show, from the send journal of the agenda FILE, each recipient's state\n"
	"(invited, withdrawn or cancelled, and at which SEQUENCE) and their\n"
	"latest message: which, whether it was sent or failed and why, when,\n"
	"and its Message-ID.\n";

static void iso_time(char *out, size_t n, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int cmd_invite_status(int argc, char **argv)
{
	const char *cmd = "invite status", *journal = NULL, *path;
	bool json = false;
	int first;
	const struct opt opts[] = {
		OPT_FLAG(0, "json", &json, "one JSON object, for scripts"),
		OPT_JOURNAL(&journal, "the journal (default: FILE.journal)"),
		OPT_END,
	};
	const struct command_spec spec = {.name = cmd, .intro = intro, .opts = opts};
	int rc = parse_options(&spec, argc, argv, &first);
	if (rc == OPTS_CONTINUE)
		rc = agenda_operand(cmd, argc, argv, first, false, &path);
	if (rc != OPTS_CONTINUE)
		return rc;
	struct rt_buf jpath;
	rt_buf_init(&jpath);
	rc = journal_path(cmd, journal, path, &jpath);
	struct loaded l;
	if (!rc)
		rc = load_good_agenda(path, &l);
	if (rc) {
		rt_buf_finish(&jpath);
		return rc;
	}

	struct rt_journal j;
	rc = open_journal(&j, rt_buf_str(&jpath), false);
	if (rc) {
		rt_journal_close(&j);
		rt_buf_finish(&jpath);
		loaded_finish(&l);
		return rc;
	}
	/* The event the journal has sent (its UID is pinned), else this
	 * agenda's. */
	char *uid = rt_journal_uid(&j) ? xstrdup(rt_journal_uid(&j)) : rt_agenda_uid(l.agenda);
	const struct rt_journal_record *v = rt_journal_latest(&j, uid, false);
	int version = v ? v->sequence : -1;
	static const char *const states[] = {"not invited", "invited", "withdrawn", "cancelled"};

	struct rt_buf out;
	rt_buf_init(&out);
	char when[32];
	if (json) {
		rt_buf_adds(&out, "{\"uid\": ");
		rt_json_string(&out, uid, strlen(uid));
		rt_buf_addf(&out, ", \"sequence\": %d, \"journal\": ", version);
		rt_json_string(&out, rt_buf_str(&jpath), jpath.len);
		rt_buf_adds(&out, ", \"recipients\": [");
	} else if (version < 0) {
		rt_buf_addf(&out, "%s: not sent yet (UID %s, journal %s)\n", l.diags.path, uid,
			    rt_buf_str(&jpath));
	} else {
		rt_buf_addf(&out, "%s: version %d of UID %s (journal %s)\n", l.diags.path, version,
			    uid, rt_buf_str(&jpath));
	}
	if (!json && j.npeople)
		rt_buf_addf(&out, "%-32s %-15s %-8s %3s %-14s %-20s  %s\n", "recipient", "has",
			    "latest", "seq", "outcome", "when (UTC)", "Message-ID or reason");
	size_t shown = 0;
	for (size_t k = 0; k < j.npeople; k++) {
		const struct rt_journal_person *ps = &j.people[k];
		if (strcmp(ps->uid, uid) != 0)
			continue;
		const struct rt_journal_record *x = &j.rec[ps->last];
		const char *status = x->kind == RT_J_SENT     ? "sent"
				     : x->kind == RT_J_INTENT ? "in_flight"
				     : x->permanent	      ? "permanent"
							      : "temporary";
		iso_time(when, sizeof(when), x->time);
		if (json) {
			rt_buf_adds(&out, shown++ ? ",\n  {" : "\n  {");
			rt_buf_adds(&out, "\"address\": ");
			rt_json_string(&out, ps->addr, strlen(ps->addr));
			rt_buf_addf(&out, ", \"state\": \"%s\", \"has_sequence\": ",
				    ps->state == RT_JS_NONE ? "not_invited" : states[ps->state]);
			if (ps->sequence < 0)
				rt_buf_adds(&out, "null");
			else
				rt_buf_addf(&out, "%d", ps->sequence);
			rt_buf_addf(&out, ", \"method\": \"%s\", \"sequence\": %d, \"status\": \"%s\"",
				    rt_journal_method_names[x->method], x->sequence, status);
			rt_buf_adds(&out, ", \"time\": ");
			rt_json_string(&out, when, strlen(when));
			if (x->kind != RT_J_INTENT) {
				rt_buf_adds(&out, x->kind == RT_J_SENT ? ", \"message_id\": "
								       : ", \"reason\": ");
				rt_json_string(&out, x->detail, strlen(x->detail));
			}
			rt_buf_addc(&out, '}');
			continue;
		}
		const char *word = x->kind == RT_J_SENT	      ? "sent"
				   : x->kind == RT_J_INTENT   ? "interrupted"
				   : x->permanent	      ? "refused"
							      : "failed for now";
		char has[48];
		if (ps->state != RT_JS_NONE)
			snprintf(has, sizeof(has), "%s %d", states[ps->state], ps->sequence);
		else
			snprintf(has, sizeof(has), "%s", states[ps->state]);
		rt_buf_addf(&out, "%-32s %-15s %-8s %3d %-14s %-20s  %s\n", ps->addr, has,
			    rt_journal_method_names[x->method], x->sequence, word, when, x->detail);
		shown++;
	}
	if (json)
		rt_buf_adds(&out, shown ? "\n]}\n" : "]}\n");
	fwrite(out.data, 1, out.len, stdout);
	rt_buf_finish(&out);
	free(uid);
	rt_journal_close(&j);
	rt_buf_finish(&jpath);
	loaded_finish(&l);
	return EX_OK;
}
