#!/usr/bin/python3
"""bench/imap.py [--build DIR] [--messages N] [--runs N]

Times reading an IMAP mailbox as a message source: N small messages
(10,000 by default) delivered into a throw-away Dovecot on loopback
(tests/imap_server.py, dovecot-imapd), then read over imaps:// by
tests/mail/walk.c (rt_source_walk: EXAMINE, one listing, one
UID FETCH BODY.PEEK[] per message):

  - first walk: Dovecot indexes the new files during it;
  - full walk: every message again, Dovecot's index warm;
  - re-run: with the mark of the last walk, nothing new;
  - Python's imaplib doing the same per-message fetch, for scale.

Prints medians of wall time and walk's peak memory.  Needs a build
(meson setup build && ninja -C build)."""
import argparse
import imaplib
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
import imap_server  # noqa: E402

PASSWORD = "s3cret"


def walk(exe, url, ca, home, *extra):
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "RETRASON_IMAP_PASSWORD": PASSWORD}
    t0 = time.monotonic()
    p = subprocess.run([exe, "--quiet", "--cacert", ca, *extra, url], capture_output=True,
                       text=True, env=env, timeout=3600)
    wall = time.monotonic() - t0
    s = dict(f.split("=", 1) for f in p.stdout.splitlines()[-1].split("\t"))
    if s.get("result") != "OK":
        sys.exit(f"walk failed: {p.stdout} {p.stderr}")
    return wall, int(s["peak_kib"]) / 1024, s


def imaplib_walk(d):
    t0 = time.monotonic()
    ctx = ssl.create_default_context(cafile=d.ca)
    n = 0
    with imaplib.IMAP4_SSL("127.0.0.1", d.ports, ssl_context=ctx) as m:
        m.login("erika", PASSWORD)
        m.select("INBOX", readonly=True)
        _, data = m.uid("SEARCH", None, "ALL")
        for uid in data[0].split():
            m.uid("FETCH", uid, "(BODY.PEEK[])")
            n += 1
    return time.monotonic() - t0, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(os.path.dirname(HERE), "build"))
    ap.add_argument("--messages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    exe = os.path.join(a.build, "tests", "walk")
    if not os.access(exe, os.X_OK):
        sys.exit(f"no {exe}: build first (ninja -C {a.build})")
    if not imap_server.available():
        sys.exit("dovecot-imapd is not installed")
    tmp = tempfile.mkdtemp(prefix="retrason-bench-imap-")
    home = os.path.join(tmp, "home")
    os.mkdir(home)
    d = imap_server.Dovecot(tmp)
    try:
        t0 = time.monotonic()
        for i in range(a.messages):
            d.deliver(f"From: guest{i}@example.org\r\nTo: organizer@example.org\r\n"
                      f"Subject: Accepted: Workshop\r\nMessage-ID: <{i}@example.org>\r\n\r\n"
                      f"reply number {i}\r\n".encode())
        print(f"delivered {a.messages} messages as Maildir files in "
              f"{time.monotonic() - t0:.1f} s")
        url = f"imaps://erika@127.0.0.1:{d.ports}/INBOX"
        first = walk(exe, url, d.ca, home)
        full = [walk(exe, url, d.ca, home) for _ in range(a.runs)]
        s = full[-1][2]
        rerun = [walk(exe, url, d.ca, home, "--uidvalidity", s["uidvalidity"],
                      "--last-uid", s["last_uid"]) for _ in range(a.runs)]
        peer = [imaplib_walk(d) for _ in range(max(1, a.runs // 2))]
        if int(s["messages"]) != a.messages or any(n != a.messages for _, n in peer):
            sys.exit(f"not every message was read: {s}, {[n for _, n in peer]}")
        print(f"\n| job ({a.messages} messages) | wall s | peak MiB | messages/s |")
        print("|---|---|---|---|")
        print(f"| first walk (Dovecot indexing) | {first[0]:.2f} | {first[1]:.1f} | "
              f"{a.messages / first[0]:,.0f} |")
        w = statistics.median(x[0] for x in full)
        print(f"| full walk, index warm (median of {a.runs}) | {w:.2f} | "
              f"{max(x[1] for x in full):.1f} | {a.messages / w:,.0f} |")
        r = statistics.median(x[0] for x in rerun)
        print(f"| re-run, nothing new (median of {a.runs}) | {r:.3f} | "
              f"{max(x[1] for x in rerun):.1f} | - |")
        p = statistics.median(x[0] for x in peer)
        print(f"| Python imaplib, the same fetches (median of {len(peer)}) | {p:.2f} | - | "
              f"{a.messages / p:,.0f} |")
    finally:
        d.stop()
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
