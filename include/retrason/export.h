/* An agenda exported for scripts and the web: JSON (a versioned schema,
 * retrason(1) EXPORT FORMATS), Markdown for wikis and a self-contained
 * HTML page, which invitation mails carry as their HTML part too. */
#ifndef RETRASON_EXPORT_H
#define RETRASON_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "retrason/agenda.h"
#include "retrason/changes.h"
#include "retrason/buf.h"
#include "retrason/i18n.h"

/* The JSON schema's version: raised when a field changes meaning or goes
 * away; new fields keep it. */
#define RT_EXPORT_JSON_VERSION 1

struct rt_export_opts {
	enum rt_lang lang; /* words added around the agenda's own text */
	const char *banner; /* HTML: a notice before the title, or NULL */
	const struct rt_changes *changes; /* HTML: an update's, listed first */
	const char *uid;    /* JSON: the event's UID; NULL: the agenda's */
	int sequence;       /* JSON: its SEQUENCE */
};

/* Each writes one document to out, piece by piece, so memory stays flat
 * however long the agenda; returns 0, or an errno value when out could
 * not be written.  The agenda must have been read without errors. */
int rt_export_json(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o);
int rt_export_markdown(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o);
int rt_export_html(FILE *out, const struct rt_agenda *a, const struct rt_export_opts *o);

/* The same HTML page into a buffer, for a mail's text/html part. */
void rt_export_html_buf(struct rt_buf *out, const struct rt_agenda *a,
			const struct rt_export_opts *o);

/* Escapers, for any bytes (controls and invalid UTF-8 included):
 * a JSON string literal with its quotes (invalid bytes become U+FFFD);
 * HTML text or attribute value; Markdown inline text, safe at the start
 * of a block and inside a table cell. */
void rt_json_string(struct rt_buf *out, const char *s, size_t n);
void rt_html_text(struct rt_buf *out, const char *s, size_t n);
void rt_markdown_text(struct rt_buf *out, const char *s, size_t n);

#endif
