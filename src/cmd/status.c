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
#include "retrason/zone.h"

static const char intro[] =
	"Usage: retrason invite status [--json] [--journal=FILE] FILE\n"
	"\n"
	"Show, from the send journal of the agenda FILE, each recipient's state\n"
	"(invited, withdrawn or cancelled, and at which SEQUENCE), their answer\n"
	"(as read by invite replies: accepted, tentative, declined, delegated, or\n"
	"none yet, and to which version) and their latest message: which,\n"
	"whether it was sent or failed and why, when, and its Message-ID; then\n"
	"the comments and proposals people sent, replies from people never\n"
	"invited, and the totals of those invited now.\n";

static void iso_time(char *out, size_t n, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The words for an answer in the table and the totals. */
static const char *const answer_words[] = {"no answer", "accepted", "declined", "tentative",
					   "delegated"};

static const struct rt_journal_record *answer_of(const struct rt_journal *j,
						 const struct rt_journal_person *ps)
{
	return ps->answer == RT_JOURNAL_NO_RECORD ? NULL : &j->rec[ps->answer];
}

/* When they answered: the reply's DTSTAMP, else when it was read. */
static long long replied_at(const struct rt_journal_record *r)
{
	return r->dtstamp >= 0 ? r->dtstamp : r->time;
}

static void json_answer(struct rt_buf *out, const struct rt_journal *j,
			const struct rt_journal_person *ps)
{
	const struct rt_journal_record *r = answer_of(j, ps);
	char when[32];
	rt_buf_addf(out, ", \"partstat\": \"%s\"",
		    rt_partstat_names[r ? r->partstat : RT_PS_NEEDS_ACTION]);
	if (!r) {
		rt_buf_adds(out, ", \"reply_sequence\": null, \"replied\": null, "
				 "\"comment\": null, \"guests\": 0, \"delegated_to\": null");
	} else {
		iso_time(when, sizeof(when), replied_at(r));
		rt_buf_addf(out, ", \"reply_sequence\": %d, \"replied\": ", r->sequence);
		rt_json_string(out, when, strlen(when));
		rt_buf_adds(out, ", \"comment\": ");
		if (*r->comment)
			rt_json_string(out, r->comment, strlen(r->comment));
		else
			rt_buf_adds(out, "null");
		rt_buf_addf(out, ", \"guests\": %d, \"delegated_to\": ", r->guests);
		if (r->delegated)
			rt_json_string(out, r->delegated, strlen(r->delegated));
		else
			rt_buf_adds(out, "null");
	}
	const struct rt_journal_record *c =
		ps->proposal == RT_JOURNAL_NO_RECORD ? NULL : &j->rec[ps->proposal];
	rt_buf_adds(out, ", \"proposal\": ");
	if (!c) {
		rt_buf_adds(out, "null");
		return;
	}
	const long long t[] = {c->start, c->end};
	const char *key[] = {"{\"start\": ", ", \"end\": "};
	for (int i = 0; i < 2; i++) {
		rt_buf_adds(out, key[i]);
		if (t[i] < 0) {
			rt_buf_adds(out, "null");
			continue;
		}
		iso_time(when, sizeof(when), t[i]);
		rt_json_string(out, when, strlen(when));
	}
	rt_buf_addf(out, ", \"sequence\": %d, \"comment\": ", c->sequence);
	if (*c->comment)
		rt_json_string(out, c->comment, strlen(c->comment));
	else
		rt_buf_adds(out, "null");
	rt_buf_addc(out, '}');
}

/* "accepted 2", or "no answer". */
static void answer_cell(char *out, size_t n, const struct rt_journal *j,
			const struct rt_journal_person *ps)
{
	const struct rt_journal_record *r = answer_of(j, ps);
	if (!r || r->partstat == RT_PS_NEEDS_ACTION)
		snprintf(out, n, "%s", answer_words[0]);
	else
		snprintf(out, n, "%s %d", answer_words[r->partstat], r->sequence);
}

/* A proposed time on the event's wall clock: "2027-03-25 10:00", or
 * only "12:00" on the day of prev. */
static void wall(struct rt_buf *out, const char *tzid, long long utc,
		 const struct rt_date *prev)
{
	struct rt_date d;
	int m;
	rt_zone_wall(tzid, utc, &d, &m);
	if (!prev || rt_date_cmp(d, *prev) != 0)
		rt_buf_addf(out, "%04d-%02d-%02d ", d.year, d.month, d.day);
	rt_buf_addf(out, "%02d:%02d", m / 60, m % 60);
}

/* Comments, delegations and proposals, one line each, after the table;
 * everyone's, invited or not. */
static void notes(struct rt_buf *out, const struct rt_journal *j, const char *uid,
		  const char *tzid)
{
	bool any = false;
	for (size_t k = 0; k < j->npeople; k++) {
		const struct rt_journal_person *ps = &j->people[k];
		if (strcmp(ps->uid, uid) != 0)
			continue;
		const struct rt_journal_record *r = answer_of(j, ps);
		const struct rt_journal_record *c =
			ps->proposal == RT_JOURNAL_NO_RECORD ? NULL : &j->rec[ps->proposal];
		if (r && (*r->comment || r->delegated || r->guests)) {
			rt_buf_adds(out, any ? "" : "\n");
			any = true;
			rt_buf_addf(out, "%s %s", ps->addr, answer_words[r->partstat]);
			if (r->guests)
				rt_buf_addf(out, " (+%d)", r->guests);
			if (r->delegated)
				rt_buf_addf(out, " to %s", r->delegated);
			if (*r->comment)
				rt_buf_addf(out, ": \"%s\"", r->comment);
			rt_buf_addc(out, '\n');
		}
		if (c) {
			rt_buf_adds(out, any ? "" : "\n");
			any = true;
			rt_buf_addf(out, "%s proposes", ps->addr);
			struct rt_date day = {0, 0, 0};
			if (c->start >= 0) {
				rt_buf_addc(out, ' ');
				wall(out, tzid, c->start, NULL);
				rt_zone_wall(tzid, c->start, &day, &(int){0});
			}
			if (c->end >= 0) {
				rt_buf_adds(out, c->start >= 0 ? "–" : " until ");
				wall(out, tzid, c->end, c->start >= 0 ? &day : NULL);
			}
			if (c->start >= 0 || c->end >= 0)
				rt_buf_addf(out, " %s", tzid);
			rt_buf_addf(out, " (to version %d; a proposal, not an answer)", c->sequence);
			if (*c->comment)
				rt_buf_addf(out, ": \"%s\"", c->comment);
			rt_buf_addc(out, '\n');
		}
	}
}

struct totals {
	size_t n[5];  /* by partstat; NEEDS-ACTION: no answer */
	size_t guests, older, uninvited;
};

static void count(struct totals *t, const struct rt_journal *j, const char *uid)
{
	memset(t, 0, sizeof(*t));
	for (size_t k = 0; k < j->npeople; k++) {
		const struct rt_journal_person *ps = &j->people[k];
		if (strcmp(ps->uid, uid) != 0)
			continue;
		const struct rt_journal_record *r = answer_of(j, ps);
		if (ps->last == RT_JOURNAL_NO_RECORD) {
			t->uninvited += r != NULL;
			continue;
		}
		if (ps->state != RT_JS_INVITED)
			continue; /* withdrawn or cancelled: not coming either way */
		enum rt_partstat p = r ? r->partstat : RT_PS_NEEDS_ACTION;
		t->n[p]++;
		if (r && p == RT_PS_ACCEPTED)
			t->guests += (size_t)r->guests;
		if (r && p != RT_PS_NEEDS_ACTION && r->sequence < ps->sequence)
			t->older++;
	}
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
		rt_buf_addf(&out, "%-32s %-15s %-14s %-8s %3s %-14s %-20s  %s\n", "recipient",
			    "has", "answer", "latest", "seq", "outcome", "when (UTC)",
			    "Message-ID or reason");
	size_t shown = 0;
	for (size_t k = 0; k < j.npeople; k++) {
		const struct rt_journal_person *ps = &j.people[k];
		if (strcmp(ps->uid, uid) != 0)
			continue;
		if (ps->last == RT_JOURNAL_NO_RECORD)
			continue; /* only replies from them: listed apart */
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
			json_answer(&out, &j, ps);
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
		char answer[48];
		answer_cell(answer, sizeof(answer), &j, ps);
		rt_buf_addf(&out, "%-32s %-15s %-14s %-8s %3d %-14s %-20s  %s\n", ps->addr, has,
			    answer, rt_journal_method_names[x->method], x->sequence, word, when,
			    x->detail);
		shown++;
	}
	struct totals t;
	count(&t, &j, uid);
	if (json) {
		rt_buf_adds(&out, shown ? "\n]" : "]");
		rt_buf_adds(&out, ", \"totals\": {");
		for (int p = 0; p < 5; p++)
			rt_buf_addf(&out, "%s\"%s\": %zu", p ? ", " : "", rt_partstat_names[p],
				    t.n[p]);
		rt_buf_addf(&out, "}, \"guests\": %zu, \"uninvited_replies\": [", t.guests);
		size_t u = 0;
		for (size_t k = 0; k < j.npeople; k++) {
			const struct rt_journal_person *ps = &j.people[k];
			if (strcmp(ps->uid, uid) != 0 || ps->last != RT_JOURNAL_NO_RECORD)
				continue;
			rt_buf_adds(&out, u++ ? ",\n  {\"address\": " : "\n  {\"address\": ");
			rt_json_string(&out, ps->addr, strlen(ps->addr));
			json_answer(&out, &j, ps);
			rt_buf_addc(&out, '}');
		}
		rt_buf_adds(&out, u ? "\n]}\n" : "]}\n");
	} else {
		/* Answers from people retrason never mailed (a forwarded
		 * invitation): shown, never counted as invitees. */
		bool head = false;
		for (size_t k = 0; k < j.npeople; k++) {
			const struct rt_journal_person *ps = &j.people[k];
			if (strcmp(ps->uid, uid) != 0 || ps->last != RT_JOURNAL_NO_RECORD)
				continue;
			char answer[48];
			answer_cell(answer, sizeof(answer), &j, ps);
			if (!head)
				rt_buf_adds(&out, "\nReplies from people not invited:\n");
			head = true;
			rt_buf_addf(&out, "%-32s %s\n", ps->addr, answer);
		}
		const char *tz = l.agenda->timezone;
		notes(&out, &j, uid, tz && rt_zone_known(tz) ? tz : "UTC");
		if (version >= 0) {
			/* The headcount the room and the catering are planned with. */
			rt_buf_addf(&out, "\n%zu accepted", t.n[RT_PS_ACCEPTED]);
			if (t.guests)
				rt_buf_addf(&out, " (+%zu guest%s)", t.guests, t.guests == 1 ? "" : "s");
			static const enum rt_partstat rest[] = {RT_PS_TENTATIVE, RT_PS_DECLINED,
								RT_PS_DELEGATED};
			for (size_t i = 0; i < 3; i++)
				if (t.n[rest[i]])
					rt_buf_addf(&out, ", %zu %s", t.n[rest[i]], answer_words[rest[i]]);
			rt_buf_addf(&out, ", %zu no answer", t.n[RT_PS_NEEDS_ACTION]);
			if (t.older)
				rt_buf_addf(&out, " (%zu of the answers are to an earlier version)",
					    t.older);
			rt_buf_adds(&out, "\n");
		}
	}
	fwrite(out.data, 1, out.len, stdout);
	rt_buf_finish(&out);
	free(uid);
	rt_journal_close(&j);
	rt_buf_finish(&jpath);
	loaded_finish(&l);
	return EX_OK;
}
