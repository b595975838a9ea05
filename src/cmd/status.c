/* retrason invite status: who has which version, from the journal. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "cmd.h"
#include "retrason/buf.h"
#include "retrason/journal.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"

static const char usage[] =
	"Usage: retrason invite status [--json] [--journal=FILE] FILE\n"
	"\n"
	"Show, from the send journal of the agenda FILE, each recipient's latest\n"
	"message: which version (method and SEQUENCE), whether it was sent or\n"
	"failed and why, when, and its Message-ID.\n"
	"\n"
	"Options:\n"
	"      --json           one JSON object, for scripts\n"
	"      --journal=FILE   the journal (default: FILE.journal)\n"
	"  -h, --help           show this help\n";

static void json_string(struct rt_buf *b, const char *s)
{
	rt_buf_addc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			rt_buf_addf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			rt_buf_addf(b, "\\u%04x", c);
		else
			rt_buf_addc(b, (char)c);
	}
	rt_buf_addc(b, '"');
}

static void iso_time(char *out, size_t n, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int cmd_invite_status(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"journal", required_argument, NULL, 'J'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "invite status", *journal = NULL;
	bool json = false;
	int c;

	optind = 0;
	while ((c = next_option(cmd, argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'J':
			journal = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return EX_OK;
		default:
			return EX_USAGE;
		}
	}
	if (argc - optind != 1)
		return usage_error(cmd, "give one agenda file");
	const char *path = argv[optind];
	struct rt_buf jpath;
	rt_buf_init(&jpath);
	int rc = journal_path(cmd, journal, path, &jpath);
	struct loaded l;
	if (!rc)
		rc = load_good_agenda(path, &l);
	if (rc) {
		rt_buf_finish(&jpath);
		return rc;
	}

	struct rt_journal_entry *e;
	size_t n;
	int err = rt_journal_read(rt_buf_str(&jpath), &e, &n);
	if (err) {
		errorf("cannot read %s: %s", rt_buf_str(&jpath), strerror(err));
		rt_buf_finish(&jpath);
		loaded_finish(&l);
		return EX_NOINPUT;
	}
	char *uid = rt_agenda_uid(l.agenda);

	/* Each address's latest line for this event, in order of first
	 * appearance; and the latest version. */
	size_t *latest = xcalloc(n + 1, sizeof(*latest)), nlatest = 0;
	int version = -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].uid, uid) != 0)
			continue;
		if (!e[i].address) {
			if (e[i].sequence > version)
				version = e[i].sequence;
			continue;
		}
		size_t k = 0;
		while (k < nlatest && rt_strcasecmp(e[latest[k]].address, e[i].address))
			k++;
		latest[k] = i;
		if (k == nlatest)
			nlatest++;
	}

	struct rt_buf out;
	rt_buf_init(&out);
	char when[32];
	if (json) {
		rt_buf_adds(&out, "{\"uid\": ");
		json_string(&out, uid);
		rt_buf_addf(&out, ", \"sequence\": %d, \"journal\": ", version);
		json_string(&out, rt_buf_str(&jpath));
		rt_buf_adds(&out, ", \"recipients\": [");
		for (size_t k = 0; k < nlatest; k++) {
			const struct rt_journal_entry *x = &e[latest[k]];
			iso_time(when, sizeof(when), x->time);
			rt_buf_adds(&out, k ? ",\n  {" : "\n  {");
			rt_buf_adds(&out, "\"address\": ");
			json_string(&out, x->address);
			rt_buf_adds(&out, ", \"method\": ");
			json_string(&out, x->method);
			rt_buf_addf(&out, ", \"sequence\": %d, \"status\": ", x->sequence);
			json_string(&out, x->status);
			rt_buf_adds(&out, ", \"time\": ");
			json_string(&out, when);
			rt_buf_adds(&out, !strcmp(x->status, "sent") ? ", \"message_id\": "
								   : ", \"reason\": ");
			json_string(&out, x->detail);
			rt_buf_addc(&out, '}');
		}
		rt_buf_adds(&out, nlatest ? "\n]}\n" : "]}\n");
	} else {
		if (version < 0)
			rt_buf_addf(&out, "%s: not sent yet (journal %s)\n", l.diags.path,
				    rt_buf_str(&jpath));
		else
			rt_buf_addf(&out, "%s: version %d (journal %s)\n", l.diags.path, version,
				    rt_buf_str(&jpath));
		for (size_t k = 0; k < nlatest; k++) {
			const struct rt_journal_entry *x = &e[latest[k]];
			iso_time(when, sizeof(when), x->time);
			const char *st = !strcmp(x->status, "sent")	   ? "sent"
					 : !strcmp(x->status, "temporary") ? "failed for now"
									   : "refused";
			rt_buf_addf(&out, "%-32s %-7s %3d  %-14s %s  %s\n", x->address, x->method,
				    x->sequence, st, when, x->detail);
		}
	}
	fwrite(out.data, 1, out.len, stdout);
	rt_buf_finish(&out);
	free(latest);
	free(uid);
	rt_journal_entries_free(e, n);
	rt_buf_finish(&jpath);
	loaded_finish(&l);
	return EX_OK;
}
