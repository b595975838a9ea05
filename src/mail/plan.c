/* Who is owed what (include/retrason/plan.h). */
#include "retrason/plan.h"

#include <stdlib.h>
#include <string.h>

#include "retrason/xalloc.h"

static void owe(struct rt_plan *p, struct rt_recipient who, enum rt_plan_kind kind, int has)
{
	p->v[p->n++] = (struct rt_plan_entry){who, kind, -1, has};
	p->count[kind]++;
}

/* Gives every message its SEQUENCE, which must be above what its
 * recipient has, or their calendar drops it: if someone has this
 * version's SEQUENCE or a later one (withdrawn or cancelled there, or
 * a journal that says so), the version takes the next free one.
 * Withdrawals come after, one past everything. */
static void settle(struct rt_plan *p, const struct rt_plan_opts *o, int max)
{
	if (o->sequence >= 0 && p->new_version && o->sequence <= max)
		p->too_low = max;
	for (size_t i = 0; i < p->n && o->sequence < 0; i++)
		if (p->v[i].kind != RT_PLAN_WITHDRAW && p->v[i].has >= p->sequence) {
			p->sequence = max + 1;
			p->new_version = true;
			break;
		}
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].kind != RT_PLAN_WITHDRAW) {
			p->v[i].sequence = p->sequence;
		} else {
			if (p->withdraw_sequence < 0)
				p->withdraw_sequence = (max > p->sequence ? max : p->sequence) + 1;
			p->v[i].sequence = p->withdraw_sequence;
		}
		if (p->v[i].sequence <= p->v[i].has && p->v[i].has > p->too_low)
			p->too_low = p->v[i].has;
		if (p->v[i].sequence > RT_JOURNAL_MAX_SEQUENCE)
			p->exhausted = true;
	}
}

static struct rt_recipient bare(const struct rt_journal_person *ps)
{
	return (struct rt_recipient){NULL, (char *)ps->addr, 0};
}

/* A fingerprint from before "m1:": it hashed retrason's own output, so
 * it can't be compared with today's. */
static bool legacy(const char *fp)
{
	return fp && strncmp(fp, "m1:", 3) != 0;
}

/* The SEQUENCE of this run's version: --sequence's; that of the latest
 * version if it is this one; else a new one, past every SEQUENCE sent. */
static void choose_sequence(struct rt_plan *p, const struct rt_journal *j,
			    const struct rt_plan_opts *o, const struct rt_journal_record *latest)
{
	if (o->sequence >= 0) {
		p->sequence = o->sequence;
		const char *had = rt_journal_fingerprint(j, p->uid, o->sequence);
		p->new_version = !had || strcmp(had, p->fingerprint) != 0;
	} else if (latest && !strcmp(latest->detail, p->fingerprint)) {
		p->sequence = latest->sequence;
	} else if (!o->cancel && latest && legacy(latest->detail) && o->adopt) {
		/* The user says the agenda is what was sent then. */
		p->sequence = latest->sequence;
		p->adopted = true;
	} else {
		p->sequence = rt_journal_max_sequence(j, p->uid) + 1;
		p->new_version = true;
		p->legacy = !o->cancel && latest && legacy(latest->detail);
	}
}

static void invitations(struct rt_plan *p, const struct rt_journal *j,
			const struct rt_recipients *list, const struct rt_plan_opts *o,
			bool *on_list)
{
	int max = rt_journal_max_sequence(j, p->uid);
	choose_sequence(p, j, o, rt_journal_latest(j, p->uid, true));
	for (size_t i = 0; i < list->n; i++) {
		const struct rt_journal_person *ps = rt_journal_find(j, p->uid, list->v[i].addr);
		if (ps)
			on_list[ps - j->people] = true;
		if (!ps || ps->state != RT_JS_INVITED) {
			owe(p, list->v[i], RT_PLAN_INVITE, ps ? ps->sequence : -1);
			continue;
		}
		const char *had = rt_journal_fingerprint(j, p->uid, ps->sequence);
		if ((had && !strcmp(had, p->fingerprint)) ||
		    (p->adopted && ps->sequence == p->sequence))
			p->unchanged++;
		else
			owe(p, list->v[i], RT_PLAN_UPDATE, ps->sequence);
	}
	for (size_t k = 0; k < j->npeople; k++) {
		const struct rt_journal_person *ps = &j->people[k];
		if (on_list[k] || strcmp(ps->uid, p->uid) != 0 || ps->state == RT_JS_NONE)
			continue;
		if (ps->state != RT_JS_INVITED) {
			p->done++;
		} else if (!o->remove_missing) {
			p->kept[p->nkept++] = ps->addr;
		} else {
			owe(p, bare(ps), RT_PLAN_WITHDRAW, ps->sequence);
		}
	}
	settle(p, o, max);
}

static void cancellations(struct rt_plan *p, const struct rt_journal *j,
			  const struct rt_recipients *list, const struct rt_plan_opts *o,
			  bool *on_list)
{
	int max = rt_journal_max_sequence(j, p->uid);
	/* The latest version of any kind: an earlier cancellation that some
	 * did not get yet is finished at its own SEQUENCE. */
	choose_sequence(p, j, o, rt_journal_latest(j, p->uid, false));
	/* No record of the event: its invitation was 0, as retrason sends
	 * them; a cancellation must be above it. */
	if (max < 0 && o->sequence < 0)
		p->sequence = 1;
	for (size_t i = 0; i < list->n; i++) {
		const struct rt_journal_person *ps = rt_journal_find(j, p->uid, list->v[i].addr);
		if (ps)
			on_list[ps - j->people] = true;
		if (ps && ps->state == RT_JS_INVITED)
			owe(p, list->v[i], RT_PLAN_CANCEL, ps->sequence);
		else if (ps && ps->state != RT_JS_NONE)
			p->done++;
		else if (max < 0) /* no journal of this event: the list is all we know */
			owe(p, list->v[i], RT_PLAN_CANCEL, -1);
		else
			p->never_invited++;
	}
	for (size_t k = 0; k < j->npeople; k++) {
		const struct rt_journal_person *ps = &j->people[k];
		if (on_list[k] || strcmp(ps->uid, p->uid) != 0)
			continue;
		if (ps->state == RT_JS_INVITED)
			owe(p, bare(ps), RT_PLAN_CANCEL, ps->sequence);
		else if (ps->state != RT_JS_NONE)
			p->done++;
	}
	settle(p, o, max);
}

/* Whether they answered version seq or a later one. */
static bool answered(const struct rt_journal *j, const struct rt_journal_person *ps, int seq)
{
	if (ps->answer == RT_JOURNAL_NO_RECORD)
		return false;
	const struct rt_journal_record *r = &j->rec[ps->answer];
	return r->partstat != RT_PS_NEEDS_ACTION && r->sequence >= seq;
}

static void remind_one(struct rt_plan *p, const struct rt_journal *j,
		       const struct rt_journal_person *ps, struct rt_recipient who,
		       const struct rt_plan_opts *o)
{
	if (!ps || ps->state != RT_JS_INVITED)
		p->never_invited += ps == NULL || ps->state == RT_JS_NONE;
	else if (ps->sequence != p->sequence)
		p->outdated++;
	else if (answered(j, ps, p->sequence))
		p->answered++;
	else if (ps->reminded == p->sequence && !o->again)
		p->reminded++;
	else
		owe(p, who, RT_PLAN_REMIND, ps->sequence);
}

static void reminders(struct rt_plan *p, const struct rt_journal *j,
		      const struct rt_recipients *list, const struct rt_plan_opts *o,
		      bool *on_list)
{
	const struct rt_journal_record *latest = rt_journal_latest(j, p->uid, true);
	if (!latest || strcmp(latest->detail, p->fingerprint) != 0) {
		p->changed = true;
		return;
	}
	p->sequence = latest->sequence;
	for (size_t i = 0; i < list->n; i++) {
		const struct rt_journal_person *ps = rt_journal_find(j, p->uid, list->v[i].addr);
		if (ps)
			on_list[ps - j->people] = true;
		remind_one(p, j, ps, list->v[i], o);
	}
	for (size_t k = 0; !list->n && k < j->npeople; k++) {
		const struct rt_journal_person *ps = &j->people[k];
		if (!strcmp(ps->uid, p->uid) && ps->state == RT_JS_INVITED)
			remind_one(p, j, ps, bare(ps), o);
	}
	for (size_t i = 0; i < p->n; i++)
		p->v[i].sequence = p->sequence;
}

void rt_plan_make(struct rt_plan *p, const struct rt_journal *j, const char *uid,
		  const char *fingerprint, const struct rt_recipients *list,
		  const struct rt_plan_opts *o)
{
	memset(p, 0, sizeof(*p));
	p->uid = uid;
	p->fingerprint = fingerprint;
	p->withdraw_sequence = -1;
	p->too_low = -1;
	p->v = xcalloc(list->n + j->npeople + 1, sizeof(*p->v));
	p->kept = xcalloc(j->npeople + 1, sizeof(*p->kept));
	bool *on_list = xcalloc(j->npeople + 1, sizeof(*on_list));
	if (o->remind)
		reminders(p, j, list, o, on_list);
	else if (o->cancel)
		cancellations(p, j, list, o, on_list);
	else
		invitations(p, j, list, o, on_list);
	free(on_list);
}

void rt_plan_finish(struct rt_plan *p)
{
	free(p->v);
	free(p->kept);
	memset(p, 0, sizeof(*p));
}
