/* One invitation mail, as Thunderbird and Outlook lay them out. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "retrason/export.h"
#include "retrason/hash.h"
#include "retrason/i18n.h"
#include "retrason/ical.h"
#include "retrason/mail.h"
#include "retrason/mime.h"
#include "retrason/render.h"
#include "retrason/xalloc.h"
#include "retrason/zone.h"

#define TEXT_WIDTH 72

void rt_mail_subject(struct rt_buf *out, const struct rt_agenda *a,
		     const struct rt_mail_opts *o)
{
	enum rt_msg what = o->withdrawal		? RT_MSG_WITHDRAWN_SUBJECT
			   : o->method == RT_ICS_CANCEL ? RT_MSG_CANCELLED_SUBJECT
			   : o->update			? RT_MSG_UPDATED
			   : o->reminder		? RT_MSG_REMINDER_SUBJECT
							: RT_MSG_INVITATION;
	rt_buf_addf(out, "%s: %s – ", rt_msg(o->lang, what), a->title);
	rt_fmt_date_short(out, o->lang, a->first);
	if (!a->all_day) {
		rt_buf_addc(out, ' ');
		rt_fmt_clock(out, a->days[0].start);
	}
}

static const char *banner(const struct rt_mail_opts *o)
{
	if (o->reminder)
		return rt_msg(o->lang, RT_MSG_REMIND_BANNER);
	if (o->method != RT_ICS_CANCEL)
		return NULL;
	return rt_msg(o->lang, o->withdrawal ? RT_MSG_WITHDRAW_BANNER : RT_MSG_CANCEL_BANNER);
}

void rt_mail_text_part(struct rt_buf *out, const struct rt_agenda *a,
		       const struct rt_mail_opts *o)
{
	struct rt_buf text;
	struct rt_text_opts to_text = {
		.width = TEXT_WIDTH, .color = false, .lang = o->lang, .banner = banner(o),
		.changes = o->changes};
	rt_buf_init(&text);
	rt_render_text(&text, a, &to_text);
	rt_mime_qp(out, text.data, text.len);
	rt_buf_finish(&text);
}

void rt_mail_html_part(struct rt_buf *out, const struct rt_agenda *a,
		       const struct rt_mail_opts *o)
{
	struct rt_buf html;
	struct rt_export_opts eo = {.lang = o->lang, .banner = banner(o), .changes = o->changes};
	rt_buf_init(&html);
	rt_export_html_buf(&html, a, &eo);
	rt_mime_qp(out, html.data, html.len);
	rt_buf_finish(&html);
}

/* RFC 5322 date-time, in UTC, with English names as the RFC wants. */
static void date_header(struct rt_buf *out, long long when)
{
	time_t t = (time_t)when;
	struct tm tm;
	gmtime_r(&t, &tm);
	/* tm_wday counts from Sunday, rt_weekday_abbr() from Monday. */
	rt_buf_addf(out, "Date: %s, %d %s %d %02d:%02d:%02d +0000\r\n",
		    rt_weekday_abbr(RT_LANG_EN, (tm.tm_wday + 6) % 7), tm.tm_mday,
		    rt_month_abbr(RT_LANG_EN, tm.tm_mon + 1), tm.tm_year + 1900, tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
}

/* The payload for this recipient alone. */
static int payload(struct rt_buf *out, const struct rt_agenda *a,
		   const struct rt_recipient *to, const struct rt_mail_opts *o)
{
	struct rt_recipients one;
	struct rt_recipient copy = *to;
	memset(&one, 0, sizeof(one));
	one.v = &copy;
	one.n = 1;
	struct rt_ics_opts io = {
		.method = o->method,
		.withdrawal = o->withdrawal,
		.uid = o->uid,
		.sequence = o->sequence,
		.dtstamp = o->date,
		.lang = o->lang,
		.attendees = &one,
	};
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f)
		return errno;
	int err = rt_ics_write(f, a, &io);
	if (fclose(f) != 0 && !err)
		err = errno;
	if (!err)
		rt_buf_add(out, data, len);
	free(data);
	return err;
}

int rt_mail_build(struct rt_buf *out, const struct rt_agenda *a,
		  const struct rt_recipient *to, const struct rt_mail_opts *o)
{
	struct rt_buf ics, tmp;
	rt_buf_init(&ics);
	rt_buf_init(&tmp);
	int err = payload(&ics, a, to, o);
	if (err)
		goto out;

	char *uid = o->uid ? xstrdup(o->uid) : rt_agenda_uid(a);
	const char *org = a->organizer.addr;
	const char *domain = strrchr(org, '@') + 1;
	char seq[32];
	snprintf(seq, sizeof(seq), "%d.%d.%d.%lld", o->sequence, (int)o->method, o->withdrawal,
		 o->date);
	uint64_t h = rt_hash_str(rt_hash_str(rt_hash_str(RT_HASH_BASIS, uid), to->addr), seq);
	free(uid);

	/* Boundaries start with "=_": neither base64 nor quoted-printable
	 * text can contain that, so no body can end a part early. */
	char mixed[64], alt[64];
	snprintf(mixed, sizeof(mixed), "=_retrason_mixed_%016llx", (unsigned long long)h);
	snprintf(alt, sizeof(alt), "=_retrason_alt_%016llx", (unsigned long long)h);

	if (o->from_addr) {
		rt_mime_header_mailbox(out, "From", o->from_name, o->from_addr);
		rt_mime_header_mailbox(out, "Reply-To", a->organizer.name, org);
	} else {
		rt_mime_header_mailbox(out, "From", a->organizer.name, org);
	}
	rt_mime_header_mailbox(out, "To", to->name, to->addr);
	rt_mail_subject(&tmp, a, o);
	rt_mime_header_text(out, "Subject", rt_buf_str(&tmp));
	date_header(out, o->date);
	rt_buf_addf(out, "Message-ID: <%016llx.%lld@%s>\r\n", (unsigned long long)h, o->date,
		    domain);
	rt_buf_addf(out,
		    "MIME-Version: 1.0\r\n"
		    "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n"
		    "\r\n"
		    "This is an invitation in MIME format: a calendar program shows it.\r\n"
		    "\r\n"
		    "--%s\r\n"
		    "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n"
		    "\r\n"
		    "--%s\r\n"
		    "Content-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n"
		    "\r\n",
		    mixed, mixed, alt, alt);
	if (o->text_part)
		rt_buf_add(out, o->text_part->data, o->text_part->len);
	else
		rt_mail_text_part(out, a, o);
	rt_buf_addf(out,
		    "\r\n--%s\r\n"
		    "Content-Type: text/html; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n"
		    "\r\n",
		    alt);
	if (o->html_part)
		rt_buf_add(out, o->html_part->data, o->html_part->len);
	else
		rt_mail_html_part(out, a, o);
	rt_buf_addf(out,
		    "\r\n--%s\r\n"
		    "Content-Type: text/calendar; charset=UTF-8; method=%s\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "\r\n",
		    alt, rt_ics_method_name(o->method));
	rt_mime_base64(out, ics.data, ics.len);
	rt_buf_addf(out,
		    "\r\n--%s--\r\n"
		    "\r\n--%s\r\n"
		    "Content-Type: application/ics; name=\"invite.ics\"\r\n"
		    "Content-Disposition: attachment; filename=\"invite.ics\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n"
		    "\r\n",
		    alt, mixed);
	rt_mime_base64(out, ics.data, ics.len);
	rt_buf_addf(out, "\r\n--%s--\r\n", mixed);
out:
	rt_buf_finish(&ics);
	rt_buf_finish(&tmp);
	return err;
}

/* A field, length first, so that no two different agendas hash alike
 * by moving text from one field to the next. */
static uint64_t field(uint64_t h, const char *s)
{
	size_t n = s ? strlen(s) + 1 : 0;
	h = rt_hash(h, &n, sizeof(n));
	return s ? rt_hash(h, s, n) : h;
}

static uint64_t number(uint64_t h, long long v)
{
	return rt_hash(h, &v, sizeof(v));
}

static uint64_t instant(uint64_t h, const struct rt_agenda *a, size_t day, int minutes)
{
	if (minutes == RT_OPEN_END)
		return number(h, -1);
	return number(h, rt_zone_utc(a->timezone, a->days[day].date, minutes));
}

char *rt_mail_fingerprint(const struct rt_agenda *a)
{
	/* What recipients see, in the model's terms: never retrason's own
	 * text (PRODID, VTIMEZONE, folding, layout), so that an upgrade of
	 * retrason, libical or tzdata that moves no instant sends nothing. */
	uint64_t h = field(RT_HASH_BASIS, a->title);
	h = field(h, a->timezone);
	h = number(h, a->all_day);
	for (size_t d = 0; d < a->ndays; d++) {
		h = number(h, a->days[d].date.year * 10000LL + a->days[d].date.month * 100 +
				      a->days[d].date.day);
		if (!a->all_day)
			h = instant(instant(h, a, d, a->days[d].start), a, d, a->days[d].end);
		h = field(h, a->days[d].label);
	}
	const char *text[] = {a->location, a->address, a->organizer.name, a->organizer.addr,
			      a->contact,  a->phone,   a->email,	  a->url,
			      a->language};
	for (size_t i = 0; i < sizeof(text) / sizeof(*text); i++)
		h = field(h, text[i]);
	h = number(number(h, a->status), a->reminder);
	for (size_t i = 0; i < a->ncategories; i++)
		h = field(h, a->categories[i]);
	for (size_t i = 0; i < a->nx; i++)
		h = field(field(h, a->x[i].name), a->x[i].value);
	for (size_t i = 0; i < a->ndesc; i++)
		h = field(number(h, a->desc[i].list_item), a->desc[i].text);
	for (size_t i = 0; i < a->nitems; i++) {
		const struct rt_item *it = &a->items[i];
		h = instant(instant(h, a, it->day, it->start), a, it->day, it->end);
		h = field(field(field(h, it->title), it->room), it->notes);
		for (size_t k = 0; k < it->nspeakers; k++)
			h = field(h, it->speakers[k]);
		h = number(h, (long long)it->nspeakers);
	}
	char out[24];
	snprintf(out, sizeof(out), "m1:%016llx", (unsigned long long)h);
	return xstrdup(out);
}
