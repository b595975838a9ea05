#!/usr/bin/python3
"""The SMTP fault matrix: for each way a server can fail, the exit code,
what the user is told, and that a re-run against a healthy server then
delivers exactly the invitations still owed (nobody twice, nobody
skipped).  Servers: python3-aiosmtpd (tests/smtp_server.py) and, for
what it cannot fake, a scripted one speaking raw SMTP here."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import smtp_server  # noqa: E402

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
results = []
TEAM = ["erika@example.org", "hans@example.de", "jo@example.net", "kim@example.com"]


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:800]))


class Scripted(threading.Thread):
    """A server that misbehaves on purpose:
    greet421   answers every connection with 421 and hangs up;
    silent     greets, then never answers again;
    mute       accepts the connection and says nothing at all;
    tlsjunk    offers STARTTLS, says go ahead, then sends no TLS."""

    def __init__(self, mode):
        super().__init__(daemon=True)
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.conns = []
        self.start()

    def run(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(c)
            threading.Thread(target=self.talk, args=(c,), daemon=True).start()

    def talk(self, c):
        f = c.makefile("rb")
        try:
            if self.mode == "greet421":
                c.sendall(b"421 4.3.2 mail.example.org is too busy, try later\r\n")
                c.close()
                return
            if self.mode == "mute":
                f.read()
                return
            c.sendall(b"220 mail.example.org ESMTP\r\n")
            for line in f:
                if self.mode == "silent":
                    continue
                cmd = line.strip().upper()
                if cmd.startswith(b"EHLO"):
                    c.sendall(b"250-mail.example.org\r\n250 STARTTLS\r\n")
                elif cmd == b"STARTTLS":
                    c.sendall(b"220 2.0.0 go ahead\r\n")
                    time.sleep(0.3)  # let the client start its handshake
                    c.sendall(b"this is not a TLS handshake\r\n" * 4)
                    c.close()
                    return
                else:
                    c.sendall(b"503 5.5.1 bad sequence\r\n")
        except OSError:
            pass

    def stop(self):
        self.sock.close()
        for c in self.conns:
            try:
                c.close()
            except OSError:
                pass


def run(args, timeout=120, **extra_env):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP, **extra_env}
    t = time.monotonic()
    p = subprocess.run([EXE, *args], capture_output=True, env=env, timeout=timeout)
    return p, time.monotonic() - t


def fresh(name, team=TEAM):
    folder = os.path.join(TMP, name)
    os.makedirs(folder)
    agenda = os.path.join(folder, "kickoff.agenda")
    shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), agenda)
    lst = os.path.join(folder, "team.txt")
    with open(lst, "w") as f:
        f.write("".join(a + "\n" for a in team))
    return agenda, lst


def rerun_delivers_owed(label, agenda, lst, already, team=TEAM):
    """After the fault, a healthy server: exactly those not yet delivered."""
    server, h, port = smtp_server.start()
    h.faults = False
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}",
                    "-q", agenda])
    finally:
        server.stop()
    got = sorted(r for m in h.messages for r in m[1])
    want = sorted(set(team) - set(already))
    expect(f"{label}: the re-run delivers exactly the invitations still owed",
           p.returncode == 0 and got == want, (p.returncode, got, want, p.stderr))


def scripted_case(mode, label, want_status, want_words, extra=(), max_seconds=30):
    agenda, lst = fresh(mode)
    s = Scripted(mode)
    try:
        p, took = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{s.port}",
                       "--retries", "0", *extra, agenda])
    finally:
        s.stop()
    expect(f"{label}: exit {want_status}", p.returncode == want_status,
           (p.returncode, p.stderr))
    expect(f"{label}: the user is told ({want_words})",
           all(w.encode() in p.stderr for w in want_words), p.stderr)
    expect(f"{label}: gives up in bounded time ({took:.1f} s)", took < max_seconds, took)
    rerun_delivers_owed(label, agenda, lst, [])


def tests():
    # Refused at the greeting: a temporary failure, nothing sent.
    scripted_case("greet421", "421 at the greeting", 75,
                  ["server said: 421", "too busy", "the server is unavailable; 3 not tried",
                   "run the same command again"])
    # A server that stops answering: --timeout bounds the wait, and the
    # other recipients are not tried one timeout each.
    scripted_case("silent", "a server that stops answering", 75,
                  ["the server is unavailable; 3 not tried", "run the same command again"],
                  extra=["--timeout", "2"], max_seconds=6)
    scripted_case("mute", "a server that never greets", 75,
                  ["the server is unavailable; 3 not tried", "run the same command again"],
                  extra=["--timeout", "2"], max_seconds=6)
    # Half the list already has it: only the rest count as not tried,
    # and the re-run serves exactly the other half.
    agenda, lst = fresh("half")
    half = os.path.join(TMP, "half", "first.txt")
    with open(half, "w") as f:
        f.write("".join(a + "\n" for a in TEAM[:2]))
    rerun_delivers_owed("half sent before", agenda, half, [], TEAM[:2])
    s = Scripted("greet421")
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{s.port}",
                    "--retries", "0", agenda])
    finally:
        s.stop()
    expect("half sent before, then 421: exit 75, counts only the owed",
           p.returncode == 75 and b"2 have this version already" in p.stderr
           and b"the server is unavailable; 1 not tried" in p.stderr, (p.returncode, p.stderr))
    rerun_delivers_owed("half sent before, then 421", agenda, lst, TEAM[:2])

    # STARTTLS offered, then no TLS: refused for good (69), and nothing
    # goes out in the clear (retrason uses STARTTLS whenever offered).
    scripted_case("tlsjunk", "TLS handshake failure", 69, ["TLS failed"])

    # Certificate for another name, from a CA we trust: refused unless
    # the user opts out with --insecure.
    certs = os.path.join(TMP, "wrongname")
    os.makedirs(certs)
    ca, crt, key = smtp_server.make_ca(certs, names="DNS:mail.other.example")
    agenda, lst = fresh("mismatch")
    server, h, port = smtp_server.start(tls=(crt, key))
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}",
                    "--cacert", ca, "--retries", "0", agenda])
        expect("certificate for another name: exit 69, nothing sent",
               p.returncode == 69 and not h.messages, (p.returncode, p.stderr))
        expect("certificate for another name: the user is told",
               b"certificate" in p.stderr.lower() or b"ssl" in p.stderr.lower(), p.stderr)
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}",
                    "--cacert", ca, "--insecure", agenda])
        expect("certificate for another name: --insecure sends (and warns)",
               p.returncode == 0 and len(h.messages) == len(TEAM) and b"insecure" in p.stderr.lower(),
               (p.returncode, p.stderr))
    finally:
        server.stop()

    # 552 after DATA for one recipient: refused for good (69), the others
    # delivered; a re-run offers the refused one again, nobody else.
    team = TEAM[:2] + ["toobig@example.org"] + TEAM[2:]
    agenda, lst = fresh("toobig", team)
    server, h, port = smtp_server.start()
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda])
    finally:
        server.stop()
    first = sorted(r for m in h.messages for r in m[1])
    expect("552 after DATA: exit 69, the others delivered",
           p.returncode == 69 and first == sorted(TEAM), (p.returncode, first, p.stderr))
    expect("552 after DATA: the user is told who and why",
           b"toobig@example.org" in p.stderr and b"552" in p.stderr, p.stderr)
    rerun_delivers_owed("552 after DATA", agenda, lst, first, team)

    no_libcurl()
    no_libical()

    # 451 after DATA and 550/451 on RCPT are in tests/send.py, with their
    # re-runs; the dropped connection and kill -9 too.


def no_libcurl():
    """libcurl is loaded only to send: without it every other command
    works, and sending says why, exits 69 and records nothing."""
    libz = next((p for p in ("/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1",
                             "/lib64/libz.so.1", "/usr/lib/libz.so.1") if os.path.exists(p)), None)
    broken = {"empty": None, "not libcurl": libz}
    for label, src in broken.items():
        if label == "not libcurl" and not src:
            continue
        libdir = os.path.join(TMP, "libs-" + label.replace(" ", "-"))
        os.makedirs(libdir)
        # dlopen() looks in LD_LIBRARY_PATH first: this file is what a
        # missing or wrong libcurl.so.4 looks like to retrason.
        if src:
            shutil.copy(src, os.path.join(libdir, "libcurl.so.4"))
        else:
            open(os.path.join(libdir, "libcurl.so.4"), "w").close()
        agenda, lst = fresh("nocurl-" + label.replace(" ", "-"))
        server, h, port = smtp_server.start()
        try:
            env = {"LD_LIBRARY_PATH": libdir}
            p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}",
                        agenda], **env)
            want = ([b"libcurl.so.4 has no curl_global_init", b"7.74 or later"] if src
                    else [b"cannot load libcurl.so.4", b"install libcurl4"])
            expect(f"libcurl {label}: exit 69 and the user is told why",
                   p.returncode == 69 and all(w in p.stderr for w in want), (p.returncode, p.stderr))
            expect(f"libcurl {label}: nothing sent, no journal",
                   not h.messages and not os.path.exists(agenda + ".journal"),
                   os.listdir(os.path.dirname(agenda)))
            for cmd in (["agenda", "show", agenda], ["agenda", "check", agenda],
                        ["agenda", "ics", "-o", agenda + ".ics", agenda],
                        ["invite", "send", "--to", lst, "--dry-run", agenda]):
                p, _ = run(cmd, **env)
                what = " ".join(c for c in cmd if c.startswith(("a", "i", "s", "c", "--d")))
                expect(f"libcurl {label}: {what} works without it",
                       p.returncode == 0, (p.returncode, p.stderr))
        finally:
            server.stop()
        rerun_delivers_owed(f"libcurl {label}", agenda, lst, [])


def no_libical():
    """libical is loaded only to write calendars: without it `agenda show`
    and `check` work; the commands that need it say why and exit 69,
    leaving no file behind."""
    libdir = os.path.join(TMP, "libs-no-ical")
    os.makedirs(libdir)
    open(os.path.join(libdir, "libical.so.3"), "w").close()
    agenda, lst = fresh("noical")
    folder = os.path.dirname(agenda)
    env = {"LD_LIBRARY_PATH": libdir}
    for cmd in (["agenda", "show", agenda], ["agenda", "check", agenda],
                ["agenda", "new"], ["invite", "status", agenda]):
        p, _ = run(cmd, **env)
        expect(f"libical missing: {' '.join(cmd[:2])} works without it", p.returncode == 0,
               (p.returncode, p.stderr))
    out = os.path.join(folder, "out")
    for cmd in (["agenda", "ics", "-o", out, agenda],
                ["agenda", "export", "-f", "html", "-o", out, agenda],
                ["invite", "ics", "--to", lst, "-o", out, agenda],
                ["invite", "send", "--to", lst, "--dry-run", "-o", folder, agenda]):
        p, _ = run(cmd, **env)
        expect(f"libical missing: {' '.join(cmd[:2])}: exit 69 and the user is told why",
               p.returncode == 69 and b"cannot load libical.so.3" in p.stderr
               and b"install libical3" in p.stderr, (p.returncode, p.stderr))
        left = sorted(set(os.listdir(folder)) - {"kickoff.agenda", "team.txt"})
        expect(f"libical missing: {' '.join(cmd[:2])}: no file left behind", not left, left)


def main():
    global TMP
    TMP = tempfile.mkdtemp(prefix="retrason-faults-")
    try:
        tests()
    finally:
        shutil.rmtree(TMP)
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    sys.exit(0 if all(results) else 1)


main()
