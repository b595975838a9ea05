/* Message sources: where replies land, read one raw message at a time.
 *
 * A SOURCE, as the user writes it:
 *   imap://[user@]host[:port]/MAILBOX   STARTTLS required (except to this
 *   imaps://[user@]host[:port]/MAILBOX  machine, as for SMTP); ports 143
 *                                       and 993; MAILBOX defaults to INBOX
 *   a Maildir directory                 its new/ and cur/, by file name
 *   an mbox file                        a file that starts with "From "
 *   a message file                      any other file: one message
 *   -                                   standard input: one message, or an
 *                                       mbox when it starts with "From "
 *
 * Every source is read-only: an IMAP mailbox is opened with EXAMINE and
 * messages fetched with BODY.PEEK[] (no \Seen, no \Recent taken, mail
 * stays in new/), Maildir files are never moved or renamed.  Memory is
 * one message at a time: an mbox is streamed, an IMAP mailbox fetched
 * message by message.  libcurl stays behind this interface. */
#ifndef RETRASON_MSGSOURCE_H
#define RETRASON_MSGSOURCE_H

#include <stdbool.h>
#include <stddef.h>

/* The largest message handed on; larger ones are skipped and counted. */
#define RT_MSG_MAX (32u << 20)

/* Where a message came from, for the records and for messages to the
 * user.  The strings are valid only during the callback, and are any
 * bytes (a Maildir's file names are the disk's): escape them before
 * printing. */
struct rt_msg_origin {
	const char *source;        /* the SOURCE as given */
	unsigned long uidvalidity; /* IMAP: the mailbox's UIDVALIDITY; else 0 */
	unsigned long uid;         /* IMAP: the message's UID; else 0 */
	const char *path;          /* the Maildir file, the mbox or message
				    * file; NULL for IMAP and standard input */
	long long offset;          /* in an mbox (standard input's too): the
				    * byte offset of its From_ line; else -1 */
};

/* Called once per message, in the source's order (IMAP: ascending UID;
 * Maildir: by file name, which begins with the delivery time; mbox: as
 * stored).  msg is the message's bytes as stored — CRLF lines from IMAP,
 * usually LF from files; an mbox's From_ line left out and its >From
 * lines unquoted — and is valid only during the call (a NUL after it
 * is not promised).  Returning false stops the walk: that message counts
 * as not taken (an IMAP walk's last UID stays before it). */
typedef bool rt_msg_fn(void *ctx, const char *msg, size_t len, const struct rt_msg_origin *o);

/* For imap:// and imaps:// sources. */
struct rt_imap_config {
	const char *user;     /* the login when the URL names none, or NULL:
			       * ~/.netrc's for the host */
	const char *password; /* or NULL: ~/.netrc's */
	const char *cacert;   /* a CA bundle for a private CA, or NULL */
	bool insecure;        /* don't verify certificates: only without a
			       * password or to this machine (the caller
			       * warns) */
	long timeout;         /* seconds (0: 60): to connect and log in, of
			       * silence in any later wait, and of less than
			       * a byte a second */
};

enum rt_source_result {
	RT_SOURCE_OK,
	RT_SOURCE_USAGE,     /* a bad SOURCE: the URL, a directory that is not
			      * a Maildir, the TLS and login rules */
	RT_SOURCE_NOINPUT,   /* no such file, directory or mailbox */
	RT_SOURCE_IO,        /* reading a file failed */
	RT_SOURCE_CONFIG,    /* ~/.netrc can be read by others (EX_CONFIG) */
	RT_SOURCE_AUTH,      /* the server refused the login (or wants one) */
	RT_SOURCE_TEMPORARY, /* no connection, or it dropped or stalled, or
			      * the server failed a command: run again */
	RT_SOURCE_TLS,       /* the handshake, the certificate or STARTTLS */
	RT_SOURCE_PROTOCOL,  /* the server's replies made no sense (EX_PROTOCOL) */
	RT_SOURCE_STOPPED,   /* the callback returned false: its reason is the
			      * caller's to tell */
};

/* What a walk did, added to by each walk. */
struct rt_source_counts {
	unsigned long messages;  /* handed to the callback */
	unsigned long too_large; /* skipped: larger than RT_MSG_MAX */
	unsigned long gone;      /* listed, then gone before they could be
				  * read (expunged; moved by a mail reader) */
};

/* Whether spec names an IMAP mailbox (imap:// or imaps://): the sources
 * that need rt_imap_config and keep a UID mark. */
bool rt_source_is_imap(const char *spec);

/* Checks spec without reading it, so that a command can refuse a bad
 * SOURCE before it reads any: an IMAP URL as libcurl parses it (scheme,
 * host, port, mailbox; no password, query or ;parameters), the rules of
 * plain text, TLS and logins as for SMTP; any other scheme:// is
 * refused.  Files are looked at only when walked.  On a problem writes
 * it to err. */
enum rt_source_result rt_source_check(const char *spec, const struct rt_imap_config *imap,
				      char *err, size_t errlen);

/* Hands every message of spec to fn(ctx, ...), one at a time.
 *
 * IMAP (imap NULL: no login but ~/.netrc's, defaults otherwise): a
 * mark, *uidvalidity and *last_uid, kept by the caller between runs
 * (both 0 at first; the SOURCE as given is a fine key), says what was
 * read before: when *uidvalidity is the mailbox's, only messages with a
 * greater UID than *last_uid are read; otherwise (a first run, a mailbox
 * made anew) all of them, and *uidvalidity becomes the mailbox's and
 * *last_uid 0.  On return, also after a failure, *last_uid is the
 * highest UID handed to fn (or skipped for its size, or found gone), so
 * a run cut off mid-FETCH resumes exactly after the last whole message.
 * Store the mark after the records made from the messages: a mark
 * ahead of them would lose messages, one behind only reads some again.
 * Other sources leave the mark alone (uidvalidity and last_uid may be
 * NULL for them) and are read whole every time: a caller reading the
 * same message twice must change nothing.
 *
 * counts, if not NULL, is added to.  Returns RT_SOURCE_OK when every
 * message was handed on or counted; otherwise writes why to err (server
 * text with control characters removed; never a password). */
enum rt_source_result rt_source_walk(const char *spec, const struct rt_imap_config *imap,
				     unsigned long *uidvalidity, unsigned long *last_uid,
				     rt_msg_fn *fn, void *ctx, struct rt_source_counts *counts,
				     char *err, size_t errlen);

#endif
