#!/usr/bin/python3
"""Message sources (retrason/msgsource.h) through tests/mail/walk.c, without
a real IMAP server: Maildir, mbox (From_ lines, >From quoting, streamed in
bounded memory), a single message file, standard input, the SOURCE
checks; and IMAP against a scripted server on loopback (plain text, which
only loopback allows) that records every command, to pin down what is
sent (EXAMINE, BODY.PEEK[], never SELECT or a password in the clear to
another host) and how odd but legal replies are read: literals holding
lines that look like IMAP responses, items in any order, flag news in
between, a message gone between listing and fetching, hostile text in a
refusal.  tests/imap.py does the same against Dovecot."""
import base64
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imap_server import serve  # noqa: E402

WALK = os.environ["RETRASON_WALK"]
results = []
unclean = []  # walks that exited non-zero: a crash, a sanitizer's report


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:800]))


def fnv(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def walk(source, *args, stdin=None, env=None, timeout=60):
    """Runs walk; returns (messages, summary, stdout+stderr).  messages:
    [{uid, uidvalidity, offset, len, fnv, path}], summary: {result, ...}."""
    e = {"PATH": "/usr/bin:/bin", "HOME": HOME}
    e.update({k: v for k, v in os.environ.items() if k.endswith("SAN_OPTIONS")})
    e.update(env or {})
    p = subprocess.run([WALK, *args, source], input=stdin, capture_output=True, env=e,
                       timeout=timeout)
    if p.returncode != 0:
        unclean.append((source, args, p.returncode, p.stderr[-2000:]))
    msgs, summary = [], {}
    for line in p.stdout.decode(errors="replace").splitlines():
        if line.startswith("msg\t"):
            msgs.append(dict(f.split("=", 1) for f in line.split("\t")[1:]))
        elif line.startswith("result="):
            summary.update(dict(f.split("=", 1) for f in line.split("\t")))
        elif line.startswith("err="):
            summary["err"] = line[4:]
    return msgs, summary, p.stdout + p.stderr


def hashes(msgs):
    return [(int(m["len"]), m["fnv"]) for m in msgs]


def want(datas):
    return [(len(d), fnv(d)) for d in datas]


# ---------------------------------------------------------------- files

def maildir_tests(tmp):
    md = os.path.join(tmp, "Maildir")
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(md, sub))
    files = {  # path under the Maildir: contents; names sort in delivery order
        "cur/1700000001.M1P1.host:2,S": b"Subject: first\n\nread already\n",
        "new/1700000002.M2P1.host": b"Subject: second\n\nnew\n",
        "cur/1700000003.M3P1.host:2,": b"Subject: third\r\n\r\nCRLF\r\n",
        "new/1700000004.M4P1.host": b"Subject: fourth\n\n\x00NUL and \xff bytes\n",
    }
    for rel, data in files.items():
        with open(os.path.join(md, rel), "wb") as f:
            f.write(data)
    for rel in ("tmp/1700000000.M0P1.host", "new/.hidden", "cur/.1700000005.swp"):
        with open(os.path.join(md, rel), "wb") as f:
            f.write(b"Subject: not a message\n\n")
    os.mkdir(os.path.join(md, ".Sent"))  # a Maildir++ folder: not read
    os.mkfifo(os.path.join(md, "new", "1700000003.M3P1.\x1b[2Jfifo"))  # no message, no hang
    before = sorted((r, sorted(fs), [os.stat(os.path.join(r, x)).st_mtime_ns for x in sorted(fs)])
                    for r, _, fs in os.walk(md))
    msgs, s, out = walk(md)
    order = list(files)
    expect("Maildir: new/ and cur/ by file name, tmp/ and dotfiles left out",
           s.get("result") == "OK" and [m["path"] for m in msgs] ==
           [os.path.join(md, r) for r in order], (s, msgs))
    expect("Maildir: every message byte for byte (CRLF, NUL, invalid UTF-8)",
           hashes(msgs) == want(files.values()), msgs)
    expect("Maildir: no UID, no offset", all(m["uid"] == "0" and m["offset"] == "-1"
                                              for m in msgs))
    after = sorted((r, sorted(fs), [os.stat(os.path.join(r, x)).st_mtime_ns for x in sorted(fs)])
                   for r, _, fs in os.walk(md))
    expect("Maildir: nothing moved, renamed or touched", before == after)
    msgs2, _, _ = walk(md)
    expect("Maildir: the same order on a second run", msgs2 == msgs)
    msgs3, s3, _ = walk(md + "/")
    expect("Maildir: a trailing slash is the same Maildir", hashes(msgs3) == hashes(msgs), s3)

    # A message a mail reader moved from new/ to cur/ while it was listed
    # is found under both names: read once.
    shutil.copy(os.path.join(md, "new/1700000002.M2P1.host"),
                os.path.join(md, "cur/1700000002.M2P1.host:2,S"))
    msgs, s, _ = walk(md)
    expect("Maildir: a message under its new/ and cur/ names is read once",
           len(msgs) == 4 and s.get("messages") == "4", (s, msgs))
    os.unlink(os.path.join(md, "cur/1700000002.M2P1.host:2,S"))

    # Larger than 32 MiB: skipped and counted, the walk goes on.
    big = os.path.join(md, "new/1700000009.M9P1.host")
    with open(big, "wb") as f:
        f.write(b"Subject: big\n\n")
        f.truncate(32 * 1024 * 1024 + 1)
    msgs, s, _ = walk(md)
    expect("Maildir: a message over 32 MiB is skipped and counted",
           s.get("result") == "OK" and s.get("too_large") == "1" and len(msgs) == 4, s)
    os.unlink(big)

    notmd = os.path.join(tmp, "notmaildir")
    os.mkdir(notmd)
    _, s, _ = walk(notmd)
    expect("a directory without new/ and cur/: USAGE, said so",
           s.get("result") == "USAGE" and "not a Maildir" in s.get("err", ""), s)


def mbox_tests(tmp):
    # As mutt or Thunderbird keep it: From_ lines, an empty line between
    # messages, ">From " quoted in bodies (mboxrd: ">>From " too).
    one = (b"From: erika@example.org\nSubject: one\n\n"
           b">From the start of a line\n>>From deeper\n>not From\n"
           b"From here without an empty line before: the body's\n")
    two = b"Subject: two\r\n\r\nCRLF lines\r\n\r\nand an empty line inside\r\n"
    three = b"Subject: three\n\nlast, and no empty line at the end\n"
    body = (b"From erika@example.org Mon Dec  5 16:00:00 2022\n" + one + b"\n" +
            b"From MAILER-DAEMON Mon Dec  5 16:01:00 2022\r\n" + two + b"\r\n" +
            b"From x@y Mon Dec  5 16:02:00 2022\n" + three)
    offsets = [0, body.index(b"From MAILER"), body.index(b"From x@y")]
    path = os.path.join(tmp, "replies.mbox")
    with open(path, "wb") as f:
        f.write(body)
    unquoted = [one.replace(b">From the", b"From the").replace(b">>From", b">From"), two, three]
    msgs, s, _ = walk(path)
    expect("mbox: three messages, From_ lines left out, >From unquoted once",
           s.get("result") == "OK" and hashes(msgs) == want(unquoted), (s, msgs))
    expect("mbox: each message's offset is its From_ line's, the path the mbox's",
           [int(m["offset"]) for m in msgs] == offsets and all(m["path"] == path for m in msgs),
           msgs)
    msgs, s, _ = walk("-", stdin=body)
    expect("stdin: an mbox (it starts with 'From ')",
           hashes(msgs) == want(unquoted) and all(m["path"] == "-" for m in msgs), (s, msgs))
    msgs, s, _ = walk("-", "--stop-after", "1", stdin=body)
    expect("the callback's false stops the walk: STOPPED after what it took",
           s.get("result") == "STOPPED" and len(msgs) == 1 and s.get("messages") == "1", s)

    # Streamed: a 60 MiB mbox is read in bounded memory (not the file's
    # size, nor a large share of it).
    big = os.path.join(tmp, "big.mbox")
    small = b"From a@b Mon Dec  5 16:00:00 2022\nSubject: s\n\n" + b"line of text\n" * 80 + b"\n"
    with open(big, "wb") as f:
        f.write(small * 60000)
    _, s, _ = walk(big, "--quiet")
    size, peak = os.path.getsize(big), int(s.get("peak_kib", 0)) * 1024
    expect(f"mbox: {size >> 20} MiB streamed: peak memory {peak >> 20} MiB "
           "(< 24: a message at a time, not the file)",
           0 < peak < 24 << 20 and s.get("messages") == "60000", s)
    # A message over 32 MiB inside it is skipped and counted, the next
    # one still read.
    with open(big, "wb") as f:
        f.write(small)
        f.write(b"From a@b Mon Dec  5 16:00:00 2022\nSubject: huge\n\n")
        f.write((b"x" * 1023 + b"\n") * (33 * 1024))
        f.write(b"\nFrom a@b Mon Dec  5 16:00:00 2022\nSubject: after\n\nend\n")
    msgs, s, _ = walk(big)
    expect("mbox: a message over 32 MiB is skipped and counted, the next one read",
           s.get("result") == "OK" and s.get("too_large") == "1" and
           hashes(msgs) == want([small[small.index(b"\n") + 1:-1], b"Subject: after\n\nend\n"]),
           (s, msgs))
    os.unlink(big)


def file_tests(tmp):
    msg = b"Subject: one\r\n\r\nFrom here on, a message file (no From_ line first)\r\n"
    path = os.path.join(tmp, "reply.eml")
    with open(path, "wb") as f:
        f.write(msg)
    msgs, s, _ = walk(path)
    expect("a message file: one message, as it is",
           s.get("result") == "OK" and hashes(msgs) == want([msg]) and msgs[0]["path"] == path
           and msgs[0]["offset"] == "-1", (s, msgs))
    msgs, s, _ = walk("-", stdin=msg)
    expect("stdin: one message", hashes(msgs) == want([msg]) and msgs[0]["path"] == "-", msgs)
    msgs, s, _ = walk("-", stdin=b"")
    expect("stdin: empty, no message", s.get("result") == "OK" and not msgs, s)
    empty = os.path.join(tmp, "empty")
    open(empty, "w").close()
    msgs, s, _ = walk(empty)
    expect("an empty file: no message", s.get("result") == "OK" and not msgs, s)
    big = b"Subject: big\n\n" + b"y" * (32 * 1024 * 1024)
    msgs, s, _ = walk("-", stdin=big)
    expect("stdin: a message over 32 MiB is read to its end, skipped and counted",
           s.get("result") == "OK" and s.get("too_large") == "1" and not msgs, s)
    _, s, _ = walk(os.path.join(tmp, "missing\x1b[2J.mbox"))
    expect("a missing file: NOINPUT, its name printable", s.get("result") == "NOINPUT" and
           "missing[2J.mbox" in s.get("err", "") and "\x1b" not in s.get("err", ""), s)
    for spec, why in [("pop3://host/INBOX", "imap:// or imaps://"),
                      ("imap://erika:hunter2@127.0.0.1/INBOX", "a password in the IMAP URL"),
                      ("imap://erika@127.0.0.1/INBOX?SUBJECT%20x", "no ?query"),
                      ("imap://erika@127.0.0.1/INBOX;UID=5", "no ;parameters"),
                      ("imap://erika@127.0.0.1/INBOX%0D%0AA1%20DELETE%20INBOX",
                       "control characters"),
                      ("imap://erika@127.0.0.1:0/", "port 0"),
                      ("imap://127.0.0.1/INBOX", "no login"),
                      ("imaps://erika@127.0.0.1/", "no password"),
                      ("", "empty")]:
        _, s, out = walk(spec)
        expect(f"SOURCE {spec!r}: USAGE ({why}), no password echoed",
               s.get("result") == "USAGE" and why in s.get("err", "") and b"hunter2" not in out,
               s)
    _, s, _ = walk("imaps://erika@mail.example.org/", "--insecure",
                   env={"RETRASON_IMAP_PASSWORD": "pw"})
    expect("--insecure with a password to another host: USAGE",
           s.get("result") == "USAGE" and "--insecure" in s.get("err", ""), s)
    with open(os.path.join(HOME, ".netrc"), "w") as f:
        f.write("machine 127.0.0.1 login erika password n3trc\n")
    os.chmod(os.path.join(HOME, ".netrc"), 0o644)
    _, s, _ = walk("imap://erika@127.0.0.1/")
    expect("a ~/.netrc others can read: CONFIG", s.get("result") == "CONFIG" and
           "chmod 600" in s.get("err", ""), s)
    os.unlink(os.path.join(HOME, ".netrc"))


# ------------------------------------------------- a scripted IMAP server

class FakeIMAP:
    """A minimal IMAP4rev1 server on loopback, one mailbox, no TLS (no
    STARTTLS offered): logs every line it receives.  mailbox: [(uid,
    bytes)]; quirks: a set of words for odd but legal replies."""

    def __init__(self, mailbox, uidvalidity=42, quirks=(), user="erika", password="s3cret",
                 examine_no=None):
        self.mailbox, self.uidvalidity, self.quirks = list(mailbox), uidvalidity, set(quirks)
        self.user, self.password, self.examine_no = user, password, examine_no
        self.received = []
        self.sock, self.port = serve(self._session)

    def _session(self, c):
        f = c.makefile("rb")
        c.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n")
        try:
            while True:
                line = f.readline()
                if not line:
                    return
                self.received.append(line)
                tag, _, rest = line.rstrip(b"\r\n").partition(b" ")
                cmd = rest.split(b" ")[0].upper()
                if cmd == b"CAPABILITY":
                    c.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                elif cmd == b"AUTHENTICATE":
                    c.sendall(b"+ \r\n")
                    cred = f.readline()
                    self.received.append(cred)
                    ok = base64.b64decode(cred.strip()) == \
                        b"\0" + self.user.encode() + b"\0" + self.password.encode()
                    c.sendall(tag + (b" OK logged in\r\n" if ok else
                                     b" NO [AUTHENTICATIONFAILED] \x1b[31mwrong\x07 password\r\n"))
                elif cmd == b"EXAMINE":
                    if self.examine_no:
                        c.sendall(tag + b" NO " + self.examine_no + b"\r\n")
                        continue
                    last = self.mailbox[-1][0] if self.mailbox else 0
                    c.sendall(b"* FLAGS (\\Seen \\Answered)\r\n"
                              b"* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n" +
                              f"* {len(self.mailbox)} EXISTS\r\n* 0 RECENT\r\n"
                              f"* OK [UIDVALIDITY {self.uidvalidity}] UIDs valid\r\n".encode() +
                              (b"" if "no-uidnext" in self.quirks else
                               f"* OK [UIDNEXT {last + 1}] next\r\n".encode()) +
                              tag + b" OK [READ-ONLY] Examine completed\r\n")
                elif cmd == b"UID":
                    self._uid(c, tag, rest)
                elif cmd == b"LOGOUT":
                    c.sendall(b"* BYE bye\r\n" + tag + b" OK done\r\n")
                    return
                else:
                    c.sendall(tag + b" BAD not here\r\n")
        finally:
            c.close()

    def _uid(self, c, tag, rest):
        words = rest.split(b" ", 3)  # UID FETCH set items
        lo, _, hi = words[2].partition(b":")
        items = words[3]
        seqs = {uid: i + 1 for i, (uid, _) in enumerate(self.mailbox)}
        if hi == b"*":
            chosen = [(u, d) for u, d in self.mailbox if u >= int(lo)] or self.mailbox[-1:]
        else:
            chosen = [(u, d) for u, d in self.mailbox if u == int(lo)]
        out = []
        if "flag-news" in self.quirks:  # unsolicited: another client set a flag
            out.append(b"* 1 FETCH (FLAGS (\\Answered))\r\n")
        for uid, data in chosen:
            seq = seqs[uid]
            if b"RFC822.SIZE" in items:
                out.append(f"* {seq} FETCH (UID {uid} RFC822.SIZE {len(data)})\r\n".encode())
            elif "huge" in self.quirks:  # a claim no message makes
                out.append(f"* {seq} FETCH (UID {uid} BODY[] {{5000000000}}\r\n".encode())
                break
            elif "gone" in self.quirks and uid == self.mailbox[1][0]:
                continue  # expunged meanwhile: OK, and no FETCH
            elif "swapped" in self.quirks and uid % 2:
                out.append(f"* {seq} FETCH (BODY[] {{{len(data)}}}\r\n".encode() + data +
                           f" FLAGS () UID {uid})\r\n".encode())
            elif "quoted" in self.quirks and b"\r" not in data and b"\n" not in data:
                q = data.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
                out.append(f"* {seq} FETCH (UID {uid} BODY[] \"".encode() + q + b"\")\r\n")
            else:
                out.append(f"* {seq} FETCH (UID {uid} BODY[] {{{len(data)}}}\r\n".encode() +
                           data + b")\r\n")
        c.sendall(b"".join(out) + tag + b" OK Fetch completed\r\n")

    def stop(self):
        self.sock.close()

    def commands(self):
        return [l.split(b" ", 1)[1].rstrip(b"\r\n") for l in self.received if b" " in l]


def fake_tests(tmp):
    tricky = (b"Subject: looks like IMAP\r\n\r\nR3 OK fooled you\r\nA004 OK libcurl's tag\r\n"
              b"* 9 FETCH (UID 99 BODY[] {5}\r\n{12}\r\n) \"\r\n")
    box = [(3, b"Subject: three\r\n\r\nhello\r\n"), (7, tricky),
           (8, b"Subject: no CRLF at the end"), (12, b"Subject: 12\r\n\r\n" + b"z" * 70000)]
    env = {"RETRASON_IMAP_PASSWORD": "s3cret"}
    srv = FakeIMAP(box, quirks={"flag-news", "swapped"})
    url = f"imap://erika@127.0.0.1:{srv.port}/INBOX"
    try:
        msgs, s, out = walk(url, env=env)
        expect("scripted: all messages, byte for byte, lines like IMAP replies and all",
               s.get("result") == "OK" and hashes(msgs) == want([d for _, d in box]) and
               [int(m["uid"]) for m in msgs] == [3, 7, 8, 12], (s, msgs))
        expect("scripted: the mark is the UIDVALIDITY and the last UID",
               s.get("uidvalidity") == "42" and s.get("last_uid") == "12", s)
        cmds = srv.commands()
        expect("scripted: EXAMINE, a listing, then BODY.PEEK[] one UID at a time, LOGOUT",
               [c for c in cmds if not c.startswith(b"AUTHENTICATE") and c != b"CAPABILITY"] ==
               [b'EXAMINE "INBOX"', b"UID FETCH 1:* (UID RFC822.SIZE)",
                b"UID FETCH 3 BODY.PEEK[]", b"UID FETCH 7 BODY.PEEK[]",
                b"UID FETCH 8 BODY.PEEK[]", b"UID FETCH 12 BODY.PEEK[]", b"LOGOUT"], cmds)
        expect("scripted: no SELECT, STORE or plain BODY[] ever",
               not any(w in c.upper() for c in cmds for w in (b"SELECT", b"STORE", b" BODY[")),
               cmds)
        srv.received.clear()
        msgs, s, _ = walk(url, "--uidvalidity", "42", "--last-uid", "7", env=env)
        expect("scripted: with a mark, only the later UIDs",
               [int(m["uid"]) for m in msgs] == [8, 12] and s.get("last_uid") == "12", (s, msgs))
        srv.received.clear()
        msgs, s, _ = walk(url, "--uidvalidity", "42", "--last-uid", "12", env=env)
        expect("scripted: nothing new said by UIDNEXT: no listing at all",
               not msgs and s.get("result") == "OK" and
               not any(c.startswith(b"UID") for c in srv.commands()), (s, srv.commands()))
        msgs, s, _ = walk(url, "--uidvalidity", "41", "--last-uid", "12", env=env)
        expect("scripted: another UIDVALIDITY: all again, the mark replaced",
               len(msgs) == 4 and s.get("uidvalidity") == "42", s)
        msgs, s, _ = walk(url, "--stop-after", "2", env=env)
        expect("scripted: the callback stops it: STOPPED, the mark at the last taken",
               s.get("result") == "STOPPED" and s.get("last_uid") == "7", s)
    finally:
        srv.stop()

    # Without UIDNEXT "UID 13:*" still names the last message (12):
    # filtered out.
    srv = FakeIMAP(box, quirks={"no-uidnext"})
    try:
        msgs, s, _ = walk(f"imap://erika@127.0.0.1:{srv.port}/", "--uidvalidity", "42",
                          "--last-uid", "12", env=env)
        expect("scripted: 'UID 13:*' answers with UID 12, which is not new",
               not msgs and s.get("result") == "OK" and s.get("last_uid") == "12" and
               b"UID FETCH 13:* (UID RFC822.SIZE)" in srv.commands(), (s, srv.commands()))
    finally:
        srv.stop()

    # A quoted string as BODY[], and a message gone between listing and
    # fetching: counted, passed over.
    box2 = [(1, b'Subject: "quoted" \\ body'), (2, b"Subject: gone\r\n\r\nx\r\n"),
            (3, b"Subject: three\r\n\r\n")]
    srv = FakeIMAP(box2, quirks={"quoted", "gone"})
    try:
        msgs, s, _ = walk(f"imap://erika@127.0.0.1:{srv.port}/", env=env)
        expect("scripted: a quoted BODY[] unescaped; a message gone is counted and passed",
               hashes(msgs) == want([box2[0][1], box2[2][1]]) and s.get("gone") == "1" and
               s.get("last_uid") == "3", (s, msgs))
    finally:
        srv.stop()

    # A literal of 5 GB announced: not waited for, the reply is broken.
    srv = FakeIMAP(box, quirks={"huge"})
    try:
        t0 = time.monotonic()
        msgs, s, _ = walk(f"imap://erika@127.0.0.1:{srv.port}/", env=env)
        expect("scripted: a literal of more than 1 GiB: PROTOCOL at once, nothing read",
               s.get("result") == "PROTOCOL" and not msgs and s.get("last_uid") == "0" and
               time.monotonic() - t0 < 10, s)
    finally:
        srv.stop()

    # A refused login: AUTH; the server's words without their controls.
    srv = FakeIMAP(box)
    try:
        _, s, out = walk(f"imap://erika@127.0.0.1:{srv.port}/",
                         env={"RETRASON_IMAP_PASSWORD": "wrong"})
        expect("scripted: a refused login: AUTH, the server's words, no control characters",
               s.get("result") == "AUTH" and "wrong" in s.get("err", "") and
               not any(ch in s.get("err", "") for ch in "\x1b\x07"), s)
    finally:
        srv.stop()
    srv = FakeIMAP(box, examine_no=b"[NONEXISTENT] \x1b[2Jno such mailbox\x7f")
    try:
        _, s, out = walk(f"imap://erika@127.0.0.1:{srv.port}/Archiv%C3%A4", env=env)
        expect("scripted: a missing mailbox: NOINPUT, hostile text made harmless",
               s.get("result") == "NOINPUT" and "no such mailbox" in s.get("err", "") and
               not any(ch in s.get("err", "") for ch in "\x1b\x7f"), s)
        walk(f"imap://erika@127.0.0.1:{srv.port}/Ent%C3%BCrfe%20%26%20%F0%9F%93%85%20%22q%22",
             env=env)
        expect("scripted: a non-ASCII mailbox goes as modified UTF-7, '&' as '&-', quoted",
               b'EXAMINE "Archiv&AOQ-"' in srv.commands() and
               b'EXAMINE "Ent&APw-rfe &- &2D3cxQ- \\"q\\""' in srv.commands(), srv.commands())
    finally:
        srv.stop()

    # Plain text only to this machine: to another name (one that libcurl
    # resolves to loopback itself, so no DNS is needed) STARTTLS is
    # required, and this server offers none: nothing is sent, certainly
    # no login.
    srv = FakeIMAP(box)
    try:
        _, s, out = walk(f"imap://erika@mail.localhost:{srv.port}/", env=env)
        expect("plain imap:// to a name not this machine's: refused (TLS), no login sent",
               s.get("result") == "TLS" and
               not any(c.startswith((b"AUTHENTICATE", b"LOGIN")) for c in srv.commands()),
               (s, srv.commands()))
        expect("the password is in no output", all(b"s3cret" not in o for o in (out,)))
    finally:
        srv.stop()

    # The server goes quiet: --timeout bounds the wait.
    quiet = socket.socket()
    quiet.bind(("127.0.0.1", 0))
    quiet.listen(1)
    t0 = time.monotonic()
    _, s, _ = walk(f"imap://erika@127.0.0.1:{quiet.getsockname()[1]}/", "--timeout", "2",
                   env=env, timeout=30)
    took = time.monotonic() - t0
    quiet.close()
    expect(f"a server that never greets: TEMPORARY after {took:.1f} s (--timeout 2)",
           s.get("result") == "TEMPORARY" and took < 10, s)


def run(name, *parts):
    """Runs each part(tmp) in one fresh temporary folder, with HOME (for
    ~/.netrc) inside it, then exits with the tally."""
    global HOME
    with tempfile.TemporaryDirectory(prefix=f"retrason-{name}-") as tmp:
        HOME = os.path.join(tmp, "home")
        os.mkdir(HOME)
        for part in parts:
            part(tmp)
    expect("every walk exited cleanly (no crash, no sanitizer report)", not unclean, unclean)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    run("sources", maildir_tests, mbox_tests, file_tests, fake_tests)
