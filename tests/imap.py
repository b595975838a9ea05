#!/usr/bin/python3
"""IMAP sources against a real server: Dovecot on loopback
(tests/imap_server.py), read through tests/mail/walk.c over imaps:// and
imap:// with STARTTLS (to 127.0.0.1 and to a name that is not
loopback's), only what is new on a second run, a new UIDVALIDITY, a wrong
password, an unknown CA, a message over 32 MiB, a connection cut or
stalled mid-FETCH by a proxy (the next run picks up exactly what is
missing), and afterwards no \\Seen flag set and every file still in new/.
Skipped (77) when dovecot-imapd is not installed."""
import imaplib
import os
import select
import socket
import ssl
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import imap_server  # noqa: E402
import sources  # noqa: E402  (walk, fnv, hashes, want, expect)

PASSWORD = "s3cret"
ENV = {"RETRASON_IMAP_PASSWORD": PASSWORD}
outputs = []
expect = sources.expect


def walk(url, *args, env=ENV, timeout=120):
    msgs, s, out = sources.walk(url, *args, env=env, timeout=timeout)
    outputs.append(out)
    return msgs, s


def mark(s):
    return ["--uidvalidity", s["uidvalidity"], "--last-uid", s["last_uid"]]


class Proxy:
    """Passes a connection through to port; after cut bytes from the
    server hangs up, or after stall bytes stops passing anything on and
    holds the connection open."""

    def __init__(self, port, cut=None, stall=None):
        self.port, self.cut, self.stall = port, cut, stall
        self.sock, self.listen_port = imap_server.serve(self._pump)

    def _pump(self, client):
        up = socket.create_connection(("127.0.0.1", self.port))
        passed = 0
        limit = self.cut if self.cut is not None else self.stall
        try:
            while True:
                ready, _, _ = select.select([client, up], [], [], 60)
                if not ready:
                    return
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    up.sendall(data)
                if up in ready:
                    data = up.recv(65536)
                    if not data:
                        return
                    if passed + len(data) >= limit:
                        client.sendall(data[:limit - passed])
                        if self.stall is not None:
                            while client.recv(65536):  # until the client gives up
                                pass
                        return
                    client.sendall(data)
                    passed += len(data)
        except OSError:
            return
        finally:
            client.close()
            up.close()

    def stop(self):
        self.sock.close()


def message(n, size=0, extra=b""):
    parts = [f"Subject: reply {n}\r\nMessage-ID: <{n}@example.org>\r\n\r\n".encode(), extra]
    length = sum(map(len, parts))
    while length < size:
        parts.append(f"line {length} of message {n}\r\n".encode())
        length += len(parts[-1])
    return b"".join(parts)


def last_login(d):
    return [l for l in d.read_log().splitlines() if "Login: user=<erika>" in l][-1]


def seen_flags(d):
    """The messages' flags as another client sees them (read-only)."""
    ctx = ssl.create_default_context(cafile=d.ca)
    with imaplib.IMAP4_SSL("127.0.0.1", d.ports, ssl_context=ctx) as m:
        m.login("erika", PASSWORD)
        m.select("INBOX", readonly=True)
        _, data = m.uid("FETCH", "1:*", "(FLAGS)")
        return [x for x in data if x]


def tests(tmp):
    d = imap_server.Dovecot(tmp, names="DNS:localhost,IP:127.0.0.1,DNS:mail.localhost")
    try:
        dovecot_tests(d)
    finally:
        d.stop()


def dovecot_tests(d):
    imaps = f"imaps://erika@127.0.0.1:{d.ports}/INBOX"
    starttls = f"imap://erika@127.0.0.1:{d.port}/"
    named = f"imap://erika@mail.localhost:{d.port}/INBOX"
    ca = ["--cacert", d.ca]
    first = [
        message(1),
        message(2, extra=b"R3 OK fooled you\r\nR4 OK\r\nA004 OK libcurl's tag\r\n"
                         b"* 1 FETCH (UID 1 BODY[] {3}\r\n{999}\r\n)\r\n"),
        message(3, extra=b"q" * 200000 + b"\r\n"),  # one line of 200 kB
        message(4, extra="Grüße, «ÄÖÜ» \u2713\r\n".encode() + b"\xe9t\xe9 latin-1\r\n"),
        message(5, extra=b".\r\nFrom the start of a line\r\n>From\r\n"),
        message(6),
    ]
    for m in first:
        d.deliver(m)

    msgs, s = walk(imaps, *ca)
    s_first, v = s, s.get("uidvalidity")
    expect("imaps://: every message byte for byte, in UID order",
           s.get("result") == "OK" and sources.hashes(msgs) == sources.want(first) and
           [m["uid"] for m in msgs] == ["1", "2", "3", "4", "5", "6"], (s, msgs))
    expect("imaps://: the mark is the mailbox's UIDVALIDITY and UID 6",
           v and v != "0" and s.get("last_uid") == "6" and
           all(m["uidvalidity"] == v for m in msgs), s)
    msgs, s = walk(starttls, *ca)
    expect("imap:// to 127.0.0.1: the same messages, logged in over STARTTLS",
           s.get("result") == "OK" and sources.hashes(msgs) == sources.want(first) and
           ", TLS," in last_login(d), (s, last_login(d)))
    msgs, s = walk(named, *ca)
    expect("imap:// to a name that is not loopback's: STARTTLS required, and done",
           s.get("result") == "OK" and len(msgs) == 6 and ", TLS," in last_login(d), s)
    _, s = walk(imaps)
    expect("imaps:// without the test CA: TLS, not read",
           s.get("result") == "TLS" and "TLS" in s.get("err", ""), s)

    # A second run with the mark: nothing; then only what came since.
    msgs, s2 = walk(imaps, *ca, *mark(s_first))
    expect("a re-run with the mark: nothing new, the mark unchanged",
           s2.get("result") == "OK" and not msgs and s2.get("last_uid") == "6" and
           s2.get("uidvalidity") == v, s2)
    later = [message(7), message(8)]
    for m in later:
        d.deliver(m)
    msgs, s = walk(imaps, *ca, *mark(s_first))
    expect("a re-run after two more arrived: exactly those two",
           sources.hashes(msgs) == sources.want(later) and [m["uid"] for m in msgs] == ["7", "8"]
           and s.get("last_uid") == "8", (s, msgs))

    # The newest message deleted: "UID 8:*" still names message 7, the
    # last one, which is not new.
    sub, newest = max(((sub, f) for sub, fs in d.files().items() for f in fs),
                      key=lambda x: x[1])
    os.unlink(os.path.join(d.maildir(), sub, newest))
    msgs, s = walk(imaps, *ca, "--uidvalidity", v, "--last-uid", "7")
    expect("UID 8 expunged: 'UID 8:*' answers with UID 7, which is not taken again",
           s.get("result") == "OK" and not msgs and s.get("last_uid") == "7", (s, msgs))

    # Larger than 32 MiB: skipped and counted, the mark moves past it.
    d.deliver(message(9, size=32 * 1024 * 1024 + 4096))
    d.deliver(message(10))
    msgs, s = walk(imaps, *ca, "--uidvalidity", v, "--last-uid", "7")
    expect("a message over 32 MiB: skipped and counted, the next one read",
           s.get("result") == "OK" and s.get("too_large") == "1" and
           [m["uid"] for m in msgs] == ["10"] and s.get("last_uid") == "10", (s, msgs))

    t0 = time.monotonic()
    _, s = walk(imaps, *ca, env={"RETRASON_IMAP_PASSWORD": "wrong"})
    expect("a wrong password: AUTH, the server's words, the password not shown",
           s.get("result") == "AUTH" and "Authentication failed" in s.get("err", "") and
           time.monotonic() - t0 < 30, s)

    # The login and password from ~/.netrc, which only its owner reads.
    netrc = os.path.join(sources.HOME, ".netrc")
    with open(netrc, "w") as f:
        f.write(f"machine 127.0.0.1 login erika password {PASSWORD}\n")
    os.chmod(netrc, 0o600)
    msgs, s = walk(f"imaps://127.0.0.1:{d.ports}/INBOX", *ca, env={})
    expect("~/.netrc: login and password from it, all messages read",
           s.get("result") == "OK" and len(msgs) == 8, s)
    _, s = walk(f"imaps://127.0.0.1:{d.ports}/Archive", *ca, env={})
    expect("a mailbox the server does not have: NOINPUT, named",
           s.get("result") == "NOINPUT" and "no mailbox Archive" in s.get("err", ""), s)
    os.unlink(netrc)

    msgs, s = walk(imaps, *ca, "--stop-after", "3")
    expect("the callback stops the walk: STOPPED, the mark at the third message",
           s.get("result") == "STOPPED" and s.get("last_uid") == "3" and len(msgs) == 3, s)

    # Dovecot's own Maildir read as a Maildir: the same messages.
    msgs, s, _ = sources.walk(d.maildir())
    imap_msgs, _ = walk(imaps, *ca)
    expect("Dovecot's Maildir read directly: the same messages as over IMAP",
           s.get("result") == "OK" and sources.hashes(msgs) == sources.hashes(imap_msgs), s)

    expect("read-only: every file still in new/, none in cur/",
           not d.files()["cur"] and len(d.files()["new"]) == 9, d.files())
    flags = seen_flags(d)
    expect("read-only: no message has \\Seen", flags and
           not any(b"\\Seen" in f for f in flags), flags)

    # The mailbox made anew: a new UIDVALIDITY, and all of it again.
    d.recreate()
    fresh = [message(20 + i, size=40000) for i in range(8)]
    for m in fresh:
        d.deliver(m)
    msgs, s = walk(imaps, *ca, "--uidvalidity", v, "--last-uid", "10")
    v2 = s.get("uidvalidity")
    expect("a new UIDVALIDITY: all messages again, the mark replaced",
           s.get("result") == "OK" and v2 != v and sources.hashes(msgs) == sources.want(fresh)
           and s.get("last_uid") == "8", (s, v))

    # Cut mid-FETCH: TEMPORARY, the mark at the last whole message; the
    # next run reads exactly the rest.
    proxy = Proxy(d.ports, cut=150000)
    try:
        cut_msgs, s = walk(f"imaps://erika@127.0.0.1:{proxy.listen_port}/INBOX", *ca)
    finally:
        proxy.stop()
    k = len(cut_msgs)
    expect(f"cut after 150 kB: TEMPORARY after {k} whole messages, the mark at the last",
           s.get("result") == "TEMPORARY" and 1 <= k < 8 and
           sources.hashes(cut_msgs) == sources.want(fresh[:k]) and
           s.get("last_uid") == str(k), (s, k))
    rest, s = walk(imaps, *ca, *mark(s))
    expect("the next run: exactly the messages that were missing",
           s.get("result") == "OK" and sources.hashes(rest) == sources.want(fresh[k:]) and
           [m["uid"] for m in rest] == [str(i) for i in range(k + 1, 9)], (s, rest))

    proxy = Proxy(d.ports, stall=100000)
    t0 = time.monotonic()
    try:
        stalled, s = walk(f"imaps://erika@127.0.0.1:{proxy.listen_port}/INBOX", *ca,
                          "--timeout", "2")
    finally:
        proxy.stop()
    took = time.monotonic() - t0
    expect(f"stalled mid-FETCH: TEMPORARY after {took:.1f} s (--timeout 2), mark at the last "
           "whole message",
           s.get("result") == "TEMPORARY" and took < 15 and
           s.get("last_uid") == str(len(stalled)) and 1 <= len(stalled) < 8, (s, took))

    expect("read-only still: every file in new/", not d.files()["cur"], d.files())
    expect("no output holds the password", not any(PASSWORD.encode() in o for o in outputs))


if __name__ == "__main__":
    if not imap_server.available():
        print("dovecot-imapd is not installed: skipped")
        sys.exit(77)
    sources.run("imap", tests)
