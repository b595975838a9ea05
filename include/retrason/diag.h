/* Diagnostics about user input, collected by parsers and printed in one
 * place, compiler-style:
 *
 *     path:line:col: error: message
 *         3 | the offending line
 *           |       ^~~~
 *     note: hint
 *
 * Parsers never print; they add records and go on. */
#ifndef RETRASON_DIAG_H
#define RETRASON_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum rt_severity { RT_ERROR, RT_WARNING };

struct rt_diag {
	enum rt_severity severity;
	unsigned line;      /* 1-based; 0 = about the whole file */
	size_t line_start;  /* byte offset of that line in the source */
	size_t offset;      /* byte offset the caret points at */
	size_t length;      /* bytes underlined (at least the caret) */
	char *message;
	char *hint;         /* or NULL */
	/* A second place the record is about, shown after it as a
	 * compiler shows "previous definition here"; note NULL: none. */
	unsigned note_line;
	size_t note_line_start, note_offset, note_length;
	char *note;
};

/* After this many errors a file's further errors are counted, not kept. */
#define RT_DIAG_MAX_ERRORS 50

struct rt_diags {
	const char *path;   /* as the user gave it; "<stdin>" for - */
	const char *src;    /* the text positions refer to (not owned) */
	size_t src_len;
	struct rt_diag *v;
	size_t n, cap;
	size_t errors, warnings; /* all of them, kept or not */
	bool last_kept;          /* the last rt_diag_at() made a record */
};

/* path and src are borrowed and must outlive d. */
void rt_diags_init(struct rt_diags *d, const char *path, const char *src,
		   size_t src_len);
void rt_diags_finish(struct rt_diags *d);

/* Adds one record.  hint may be NULL.  line 0 ignores the positions. */
void rt_diag_at(struct rt_diags *d, enum rt_severity sev, unsigned line,
		size_t line_start, size_t offset, size_t length,
		const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Adds to the record rt_diag_at() just made (none if it was over the
 * cap) a note at another place in the source. */
void rt_diag_note(struct rt_diags *d, unsigned line, size_t line_start, size_t offset,
		  size_t length, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Prints every record to f; color adds ANSI colour. */
void rt_diags_print(const struct rt_diags *d, FILE *f, bool color);

#endif
