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
    hangup     accepts the connection and closes it at once;
    stall      a good server, but for a recipient with "stall" in the
               address it never answers DATA's final dot;
    tlsjunk    offers STARTTLS, says go ahead, then sends no TLS."""

    def __init__(self, mode):
        super().__init__(daemon=True)
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.conns = []
        self.delivered = []  # recipients whose message got a 250
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
            if self.mode == "hangup":
                c.close()
                return
            c.sendall(b"220 mail.example.org ESMTP\r\n")
            if self.mode == "stall":
                self.smtp(c, f)
                return
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

    def smtp(self, c, f):
        rcpt = []
        for line in f:
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                c.sendall(b"250-mail.example.org\r\n250 8BITMIME\r\n")
            elif cmd.startswith(b"RCPT"):
                rcpt.append(line.decode().lower())
                c.sendall(b"250 2.1.5 ok\r\n")
            elif cmd == b"DATA":
                c.sendall(b"354 go ahead\r\n")
                for body in f:
                    if body == b".\r\n":
                        break
                if any("stall" in r for r in rcpt):
                    time.sleep(30)  # never answers the final dot
                    return
                self.delivered.extend(rcpt)
                rcpt = []
                c.sendall(b"250 2.0.0 queued\r\n")
            elif cmd == b"QUIT":
                c.sendall(b"221 bye\r\n")
                return
            else:
                c.sendall(b"250 ok\r\n")

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

    session_faults()
    url_and_secrets()
    signals()

    # 451 after DATA and 550/451 on RCPT are in tests/send.py, with their
    # re-runs; the dropped connection and kill -9 too.


def session_faults():
    """Failures of the session, not of a recipient: said once, the run
    stops, the exit code says what to fix."""
    # Accepts, then hangs up: the server is down, not each recipient.
    many = [f"p{i}@example.org" for i in range(20)]
    agenda, lst = fresh("hangup", many)
    s = Scripted("hangup")
    try:
        p, took = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{s.port}",
                       "--retries", "1", agenda])
    finally:
        s.stop()
    expect("hangs up at once: exit 75, the server is down, not each recipient",
           p.returncode == 75 and len(s.conns) <= 2 and
           b"0 sent, 1 failed for now" in p.stderr and
           b"the server is unavailable; 19 not tried" in p.stderr,
           (p.returncode, len(s.conns), p.stderr[-400:]))
    rerun_delivers_owed("hangs up at once", agenda, lst, [], many)

    # One connection stalls after DATA's final dot: --timeout bounds it
    # and the other connections carry on.
    team = [f"p{i}@example.org" for i in range(11)] + ["stall@example.org"]
    agenda, lst = fresh("stall", team)
    s = Scripted("stall")
    try:
        p, took = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{s.port}",
                       "--parallel", "4", "--timeout", "2", "--retries", "0", agenda])
    finally:
        s.stop()
    got = sorted(r.split("<")[1].split(">")[0] for r in s.delivered)
    expect(f"silent after DATA, --parallel 4: the others delivered, bounded ({took:.1f} s)",
           p.returncode == 75 and got == sorted(team[:11]) and took < 4 and
           b"stall@example.org: failed for now" in p.stderr, (p.returncode, got, took, p.stderr))

    # A server that wants a login (530 at MAIL) and none is given: 77,
    # said once, with the way to give one; nothing more is tried.
    secret = "s3cret-Pa55"
    agenda, lst = fresh("needlogin", many)
    server, h, port = smtp_server.start(user="organizer", password=secret)
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda])
        expect("530 at MAIL: exit 77, once, with the hint",
               p.returncode == 77 and p.stderr.count(b"530") == 1 and
               b"the server wants a login" in p.stderr and b"RETRASON_SMTP_USER" in p.stderr and
               not h.messages, (p.returncode, p.stderr))
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                   RETRASON_SMTP_USER="organizer")
        expect("a login without a password: refused before connecting, exit 64",
               p.returncode == 64 and b"no password" in p.stderr, (p.returncode, p.stderr))
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                   RETRASON_SMTP_USER="organizer", RETRASON_SMTP_PASSWORD=secret)
        expect("530, then the login given: everyone, once",
               p.returncode == 0 and sorted(r for m in h.messages for r in m[1]) == sorted(many),
               (p.returncode, p.stderr))
    finally:
        server.stop()

    # The server's own words are kept: output, journal, status.
    agenda, lst = fresh("words", ["refuse@example.org"])
    server, h, port = smtp_server.start()
    try:
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda])
    finally:
        server.stop()
    with open(agenda + ".journal") as f:
        journal = f.read()
    st, _ = run(["invite", "status", agenda])
    expect("a refusal: the server's reply in the output, the journal and status",
           p.returncode == 69 and b"550 5.1.1 no such user here" in p.stderr and
           "550 5.1.1 no such user here" in journal and b"550 5.1.1 no such user here" in st.stdout,
           (p.stderr, journal, st.stdout))


def url_and_secrets():
    agenda, lst = fresh("urls")
    pw = {"RETRASON_SMTP_USER": "u", "RETRASON_SMTP_PASSWORD": "p"}
    for url, why, env in [
        ("smtp://127.mail.example.com", b"would give the password", pw),
        ("smtp://evil.example#@127.0.0.1", b"no ?query or #fragment", pw),
        ("smtp://evil.example?@127.0.0.1", b"no ?query or #fragment", pw),
        ("smtp://127.0.0.1:99999", b"invalid SMTP URL", {}),
        ("smtp://127.0.0.1:0", b"port 0 in the SMTP URL", {}),
        ("smtp://127.0.0.1\r\nRCPT TO:<x@y>", b"invalid SMTP URL", {}),
        ("smtp://user:hunter2@127.0.0.1", b"a password in the SMTP URL", {}),
        ("imap://127.0.0.1", b"smtp:// or smtps://", {}),
    ]:
        extra = ["--insecure"] if env else []
        p, _ = run(["invite", "send", "--to", lst, "--smtp", url, *extra, agenda], **env)
        expect(f"--smtp {url!r}: exit 64 ({why.decode()})",
               p.returncode == 64 and why in p.stderr and b"hunter2" not in p.stderr,
               (p.returncode, p.stderr))
    p, _ = run(["invite", "send", "--to", lst, "--dry-run", "--from",
                "Eve\r\n\x1b[2Jretrason: all sent <e@x.example>", agenda])
    expect("a bad --from: exit 64, its CR, LF and ESC shown escaped, not sent to the terminal",
           p.returncode == 64 and not any(c in p.stderr for c in b"\r\x1b") and
           b"\\x0d\\x0a\\x1b" in p.stderr and p.stderr.count(b"\n") == 2, p.stderr)
    p, _ = run(["invite", "send", "--to", lst, agenda], RETRASON_SMTP_URL="smtp://u:pw@localhost")
    expect("a password in RETRASON_SMTP_URL: exit 64", p.returncode == 64 and
           b"a password in the SMTP URL" in p.stderr, p.stderr)
    # ~/.netrc with a password: used only if its owner alone can read it.
    secret = "n3trc-Secret"
    server, h, port = smtp_server.start(user="organizer", password=secret)
    try:
        home = os.path.join(TMP, "netrc-home")
        os.makedirs(home)
        netrc = os.path.join(home, ".netrc")
        with open(netrc, "w") as f:
            f.write(f"machine 127.0.0.1 login organizer password {secret}\n")
        os.chmod(netrc, 0o644)
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://organizer@127.0.0.1:{port}",
                    agenda], HOME=home)
        expect("~/.netrc readable by others: refused, exit 78, how to fix",
               p.returncode == 78 and b"chmod 600" in p.stderr and not h.messages and
               secret.encode() not in p.stderr, (p.returncode, p.stderr))
        os.chmod(netrc, 0o600)
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://organizer@127.0.0.1:{port}",
                    agenda], HOME=home)
        expect("~/.netrc its owner's alone: the login works",
               p.returncode == 0 and len(h.messages) == len(TEAM), (p.returncode, p.stderr))
        # A password-command that prints a lot: read whole; core dumps
        # are off once the password is held (the command inherits it).
        cfg = os.path.join(home, "xdg", "retrason")
        os.makedirs(cfg)
        limit = os.path.join(home, "core-limit")
        with open(os.path.join(cfg, "config"), "w") as f:
            f.write(f"user = organizer\npassword-command = ulimit -c > {limit}; echo {secret}; "
                    "head -c 3000000 /dev/zero | tr '\\0' x\n")
        os.unlink(agenda + ".journal")
        h.messages.clear()
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                   HOME=home, XDG_CONFIG_HOME=os.path.join(home, "xdg"))
        with open(limit) as f:
            core = f.read().strip()
        expect("a password-command printing 3 MB: read whole, the login works",
               p.returncode == 0 and len(h.messages) == len(TEAM), (p.returncode, p.stderr[-300:]))
        expect("core dumps are off while the password is held", core == "0", core)
    finally:
        server.stop()


def signals():
    """SIGTERM in the middle: what is in flight finishes, the run says
    so and exits 75; the same command then sends the rest, nobody twice."""
    import signal
    many = [f"p{i}@example.org" for i in range(60)]
    agenda, lst = fresh("sigterm", many)
    server, h, port = smtp_server.start()
    h.delay = 0.05
    try:
        env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP}
        proc = subprocess.Popen([EXE, "invite", "send", "--to", lst, "--parallel", "2",
                                 "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        for _ in range(500):
            if len(h.messages) >= 10:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGTERM)
        t = time.monotonic()
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - t
        first = [m[1][0] for m in h.messages]
        with open(agenda + ".journal") as f:
            sent = [l.split("\t")[4] for l in f if l.startswith("sent\t")]
        expect(f"SIGTERM: exit 75 in {took:.1f} s, says so, tells to run again",
               proc.returncode == 75 and took < 5 and b"interrupted;" in err and
               b"run the same command again" in err, (proc.returncode, err[-400:]))
        expect(f"SIGTERM: every one of the {len(first)} delivered is recorded",
               0 < len(first) < 60 and sorted(first) == sorted(sent), (len(first), len(sent)))
        h.delay = 0
        h.messages.clear()
        p, _ = run(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{port}", agenda])
        second = [m[1][0] for m in h.messages]
        expect("SIGTERM: the re-run sends the rest, nobody twice",
               p.returncode == 0 and sorted(first + second) == sorted(many),
               (p.returncode, len(first), len(second)))
    finally:
        server.stop()


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
