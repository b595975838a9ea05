#!/usr/bin/python3
"""invite send/cancel over SMTP against a real server on loopback
(python3-aiosmtpd, tests/smtp_server.py): delivery, one recipient per
envelope and message, the journal's promises (a re-run sends exactly what
is still owed), faults (550, 451, refused connection, rejected login) and
their exit codes, and that the password shows up nowhere."""
import email
import json
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import smtp_server  # noqa: E402

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
ORG = "retrason@allianz-fuer-die-region.de"
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:500]))


def send(args, env_extra=None):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP}
    env.update(env_extra or {})
    return subprocess.run([EXE] + args, capture_output=True, env=env, timeout=120)


def cal_of(msg):
    return [p for p in msg.walk() if p.get_content_type() == "text/calendar"][0] \
        .get_payload(decode=True)


def rcpts(handler):
    return [m[1] for m in handler.messages]


def killed_midway(h, url, agenda, lst, n, after, extra=()):
    """Sends to n people, kill -9 once `after` have it, then runs the same
    command again; returns how many had it first, every recipient the
    server saw (in order, repeats kept) and the second run."""
    h.messages.clear()
    with open(lst, "w") as f:
        f.writelines(f"person{i}@example.org\n" for i in range(n))
    h.delay = 0.01
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP}
    cmd = [EXE, "invite", "send", "--to", lst, *extra, "--smtp", url, agenda]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    for _ in range(500):  # until some, not all, are through
        if len(h.messages) >= after:
            break
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    first = len(h.messages)
    h.delay = 0
    p = send(cmd[1:])
    return first, [m[1][0] for m in h.messages], p


def main():
    global TMP
    TMP = tempfile.mkdtemp(prefix="retrason-send-")
    try:
        tests(TMP)
    finally:
        shutil.rmtree(TMP)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def tests(tmp):
    agenda = os.path.join(tmp, "kickoff.agenda")
    shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), agenda)
    journal = agenda + ".journal"
    lst = os.path.join(tmp, "team.txt")
    with open(lst, "w") as f:
        f.write("Erika Mustermann <erika@example.org>\n\"Müller, Hans\" <hans@example.de>\n"
                "refuse@example.org\nlater@example.org\n")

    server, h, port = smtp_server.start()
    url = f"smtp://127.0.0.1:{port}"
    try:
        # 1. A first run: two delivered, one refused, one postponed.
        p = send(["invite", "send", "--to", lst, "--smtp", url, "--retries", "0", agenda])
        expect("first run: exit 69 (someone was refused)", p.returncode == 69, p.stderr)
        expect("first run: delivered to the two who can take it, one envelope each",
               rcpts(h) == [["erika@example.org"], ["hans@example.de"]], rcpts(h))
        expect("first run: MAIL FROM the organizer", all(m[0] == ORG for m in h.messages))
        msg = email.message_from_bytes(h.messages[1][2], policy=email.policy.default)
        expect("first run: the message is for its recipient alone",
               [a.addr_spec for a in msg["To"].addresses] == ["hans@example.de"])
        expect("first run: an invitation with the calendar part",
               str(msg["Subject"]).startswith("Einladung: Workshop") and
               any(p.get_content_type() == "text/calendar" for p in msg.walk()))
        expect("first run: the summary says what happened",
               b"2 sent, 1 failed for now, 1 refused" in p.stderr, p.stderr)
        expect("first run: the refusal is named", b"refuse@example.org: refused" in p.stderr)
        with open(journal) as f:
            lines = f.read().splitlines()
        kinds = [l.split("\t")[0] for l in lines if not l.startswith("#")]
        expect("journal: the version, then each message's intent and outcome",
               kinds == ["version", "snapshot", "intent", "sent", "intent", "sent", "intent",
                         "failed", "intent", "failed"], lines)

        st = send(["invite", "status", "--json", agenda])
        status = json.loads(st.stdout)
        expect("status --json: each recipient's latest state",
               st.returncode == 0 and status["sequence"] == 0 and
               [(r["address"], r["status"]) for r in status["recipients"]] ==
               [("erika@example.org", "sent"), ("hans@example.de", "sent"),
                ("refuse@example.org", "permanent"), ("later@example.org", "temporary")],
               st.stdout)
        expect("status --json: the reason of a refusal",
               "550" in status["recipients"][2]["reason"] and
               status["recipients"][0]["message_id"].startswith("<"))
        st = send(["invite", "status", agenda])
        expect("status: a heading, then a line per recipient",
               st.returncode == 0 and b"refused" in st.stdout and
               b"failed for now" in st.stdout and len(st.stdout.splitlines()) == 8 and
               st.stdout.splitlines()[1].startswith(b"recipient ") and
               st.stdout.endswith(b"\n\n0 accepted, 2 no answer\n"), st.stdout)

        # 2. The same command again sends only what is still owed.
        h.messages.clear()
        h.faults = False
        p = send(["invite", "send", "--to", lst, "--smtp", url, "--retries", "0", agenda])
        expect("re-run: exit 0", p.returncode == 0, p.stderr)
        expect("re-run: nobody twice, nobody skipped",
               rcpts(h) == [["refuse@example.org"], ["later@example.org"]], rcpts(h))
        expect("re-run: the plan says who has it already",
               b"2 invitations; 2 have this version already" in p.stderr, p.stderr)
        h.messages.clear()
        p = send(["invite", "send", "--to", lst, "--smtp", url, agenda])
        expect("third run: nothing left to send", p.returncode == 0 and not h.messages)

        # 3. The agenda changes (a new time): the journal makes it SEQUENCE 1
        # and everyone on the list gets the update, someone new the current
        # version as an invitation.  Someone no longer on the list is left
        # invited, and the run says so: a shorter list never cancels.
        with open(agenda, encoding="utf-8") as f:
            text = f.read()
        with open(agenda, "w", encoding="utf-8") as f:
            f.write(text.replace("Time: 16:00-18:00", "Time: 16:30-18:30"))
        with open(lst, "w") as f:
            f.write("Erika Mustermann <erika@example.org>\n\"Müller, Hans\" <hans@example.de>\n"
                    "later@example.org\nnew@example.org\n")
        h.messages.clear()
        p = send(["invite", "send", "--to", lst, "--smtp", url, agenda])
        got = {m[1][0]: email.message_from_bytes(m[2], policy=email.policy.default)
               for m in h.messages}
        expect("change: the four on the list, nobody else",
               p.returncode == 0 and sorted(got) == ["erika@example.org", "hans@example.de",
                                                     "later@example.org", "new@example.org"],
               (sorted(got), p.stderr))
        expect("change: an update, SEQUENCE 1, for those who had it",
               str(got["erika@example.org"]["Subject"]).startswith("Aktualisiert:") and
               b"SEQUENCE:1" in cal_of(got["erika@example.org"]), p.stderr)
        # Text parts have CRLF and wrap at 72 columns, continued by "  ".
        unwrap = lambda t: t.replace("\r\n", "\n").replace("\n  ", " ")
        body = unwrap(got["erika@example.org"].get_body(("plain",)).get_content())
        html = got["erika@example.org"].get_body(("html",)).get_content()
        moved = ("Wann: Montag, 5. Dezember 2022, 16:00–18:00 Uhr → "
                 "Montag, 5. Dezember 2022, 16:30–18:30 Uhr")
        expect("update: the text opens with what changed",
               body.startswith("Was sich geändert hat:\n- " + moved + "\n"
                               "- Networking: 18:00 → 18:00–18:30\n\n"), body[:300])
        expect("update: the HTML too", '<section class="changes">' in html and
               moved in html.replace("\n", " "), html[:900])
        new_body = got["new@example.org"].get_body(("plain",)).get_content()
        expect("invitation: no change list", "Was sich geändert hat" not in new_body)
        expect("change: the first message to someone new is an invitation",
               str(got["new@example.org"]["Subject"]).startswith("Einladung:") and
               b"SEQUENCE:1" in cal_of(got["new@example.org"]))
        expect("change: the plan, and the one left invited, named",
               b"1 invitation, 3 updates" in p.stderr and
               b"1 person invited earlier is not on " in p.stderr and
               b"left invited (refuse@example.org); --remove-missing" in p.stderr, p.stderr)
        h.messages.clear()
        p = send(["invite", "send", "--to", lst, "--smtp", url, agenda])
        expect("unchanged: nothing sent", p.returncode == 0 and not h.messages, p.stderr)
        expect("unchanged: the plan says so",
               b"nothing to send; 4 have this version already" in p.stderr, p.stderr)

        # Asked for: the one off the list gets a withdrawal, once: METHOD
        # CANCEL, a higher SEQUENCE, no STATUS:CANCELLED.
        h.messages.clear()
        p = send(["invite", "send", "--remove-missing", "--to", lst, "--smtp", url, agenda])
        w = [email.message_from_bytes(m[2], policy=email.policy.default) for m in h.messages]
        expect("--remove-missing: one withdrawal, to the one off the list",
               p.returncode == 0 and rcpts(h) == [["refuse@example.org"]], (rcpts(h), p.stderr))
        if w:
            c = cal_of(w[0])
            expect("withdrawal: subject, METHOD:CANCEL, SEQUENCE 2, the event not cancelled",
                   str(w[0]["Subject"]).startswith("Einladung zurückgezogen:") and
                   b"METHOD:CANCEL" in c and b"SEQUENCE:2" in c and b"STATUS:" not in c,
                   (str(w[0]["Subject"]), c[:400]))
        h.messages.clear()
        p = send(["invite", "send", "--remove-missing", "--to", lst, "--smtp", url, agenda])
        expect("withdrawal: exactly once", p.returncode == 0 and not h.messages, p.stderr)

        # Another change: updates for the four, nothing for the withdrawn.
        with open(agenda, "w", encoding="utf-8") as f:
            f.write(text.replace("Time: 16:00-18:00", "Time: 17:00-19:00"))
        h.messages.clear()
        p = send(["invite", "send", "--to", lst, "--smtp", url, agenda])
        texts = {m[1][0]: unwrap(email.message_from_bytes(m[2], policy=email.policy.default)
                                 .get_body(("plain",)).get_content()) for m in h.messages}
        expect("second update: what changed since the version each one has",
               all("16:30–18:30 Uhr → Montag, 5. Dezember 2022, 17:00–19:00 Uhr" in t
                   for t in texts.values()), list(texts.values())[:1])
        expect("change after a withdrawal: the four get SEQUENCE 3, the withdrawn nothing",
               p.returncode == 0 and sorted(m[1][0] for m in h.messages) ==
               ["erika@example.org", "hans@example.de", "later@example.org", "new@example.org"]
               and all(b"SEQUENCE:3" in cal_of(email.message_from_bytes(m[2])) for m in h.messages),
               (rcpts(h), p.stderr))

        # Back on the list: invited again (an invitation, not an update).
        with open(lst, "a") as f:
            f.write("refuse@example.org\n")
        h.messages.clear()
        p = send(["invite", "send", "--to", lst, "--smtp", url, agenda])
        back = [email.message_from_bytes(m[2], policy=email.policy.default) for m in h.messages]
        expect("re-added: invited again, above the withdrawal",
               p.returncode == 0 and rcpts(h) == [["refuse@example.org"]] and
               str(back[0]["Subject"]).startswith("Einladung:") and
               b"SEQUENCE:3" in cal_of(back[0]), (rcpts(h), p.stderr))
        st = json.loads(send(["invite", "status", "--json", agenda]).stdout)
        expect("status: everyone invited at 3",
               sorted((r["address"], r["state"], r["has_sequence"]) for r in st["recipients"]) ==
               sorted((a, "invited", 3) for a in ["erika@example.org", "hans@example.de",
                                                   "later@example.org", "new@example.org",
                                                   "refuse@example.org"]), st)

        # 4. Cancel: SEQUENCE 4, to everyone invited, once; the text opens
        # with the banner.
        h.messages.clear()
        p = send(["invite", "cancel", "--smtp", url, agenda])
        msgs = [email.message_from_bytes(m[2], policy=email.policy.default) for m in h.messages]
        cals = [cal_of(m) for m in msgs]
        expect("cancel: everyone invited, METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 4",
               p.returncode == 0 and sorted(m[1][0] for m in h.messages) ==
               ["erika@example.org", "hans@example.de", "later@example.org",
                "new@example.org", "refuse@example.org"] and
               all(b"METHOD:CANCEL" in c and b"SEQUENCE:4" in c and b"STATUS:CANCELLED" in c
                   for c in cals),
               (p.stderr, [m[1] for m in h.messages]))
        expect("cancel: subject and banner",
               all(str(m["Subject"]).startswith("Abgesagt:") for m in msgs) and
               all(m.get_body(("plain",)).get_content().startswith("ABGESAGT") for m in msgs))
        h.messages.clear()
        p = send(["invite", "cancel", "--smtp", url, agenda])
        expect("cancel again: nothing more", p.returncode == 0 and not h.messages and
               b"nothing to send; 5 withdrawn or cancelled before" in p.stderr, p.stderr)

        # 5. A temporary failure only: exit 75, and retried with --retries.
        os.unlink(journal)
        h.faults = True
        h.messages.clear()
        only_later = os.path.join(tmp, "later.txt")
        with open(only_later, "w") as f:
            f.write("later@example.org\nok@example.org\n")
        p = send(["invite", "send", "--to", only_later, "--smtp", url, "--retries", "1",
                  "--quiet", agenda])
        expect("451: exit 75 after the retries, the rest delivered",
               p.returncode == 75 and rcpts(h) == [["ok@example.org"]], (p.returncode, p.stderr))
        expect("451: the summary tells to run again", b"run the same command again" in p.stderr)

        # 6. 451 after DATA counts as temporary too.
        os.unlink(journal)
        data = os.path.join(tmp, "data.txt")
        with open(data, "w") as f:
            f.write("datafail@example.org\n")
        p = send(["invite", "send", "--to", data, "--smtp", url, "--retries", "0", agenda])
        expect("451 after DATA: exit 75", p.returncode == 75, (p.returncode, p.stderr))
    finally:
        server.stop()

    # 7. The connection drops in the middle of a run: that recipient fails
    # for now, the rest go over a new connection, a re-run sends the one.
    server, h, port = smtp_server.start()
    try:
        url = f"smtp://127.0.0.1:{port}"
        os.unlink(journal)
        drop = os.path.join(tmp, "drop.txt")
        with open(drop, "w") as f:
            f.write("a@example.org\ndrop@example.org\nb@example.org\n")
        p = send(["invite", "send", "--to", drop, "--smtp", url, "--retries", "0", agenda])
        expect("dropped connection: exit 75, the others delivered",
               p.returncode == 75 and rcpts(h) == [["a@example.org"], ["b@example.org"]],
               (p.returncode, rcpts(h), p.stderr))
        h.faults = False
        h.messages.clear()
        p = send(["invite", "send", "--to", drop, "--smtp", url, agenda])
        expect("dropped connection: the re-run sends exactly the one owed",
               p.returncode == 0 and rcpts(h) == [["drop@example.org"]], rcpts(h))

        # kill -9 in the middle of a large send, then the same command:
        # everyone gets it once, at most the one in flight twice.
        os.unlink(journal)
        many = os.path.join(tmp, "many.txt")
        first, got, p = killed_midway(h, url, agenda, many, 120, 30)
        expect(f"kill -9 after {first}: then everyone, nobody skipped",
               p.returncode == 0 and sorted(set(got)) ==
               sorted(f"person{i}@example.org" for i in range(120)), (first, len(got)))
        expect("kill -9: at most the message in flight twice",
               len(got) - len(set(got)) <= 1 and 0 < first < 120, (first, len(got)))
    finally:
        server.stop()

    # --parallel: several connections at once, still each recipient once,
    # and a temporary failure retried on its own.
    server, h, port = smtp_server.start()
    try:
        os.unlink(journal)
        h.delay = 0.05
        many = os.path.join(tmp, "many.txt")
        with open(many, "w") as f:
            f.writelines(f"person{i}@example.org\n" for i in range(24))
            f.write("later@example.org\n")
        p = send(["invite", "send", "--to", many, "--smtp", f"smtp://127.0.0.1:{port}",
                  "--parallel", "4", "--retries", "1", agenda])
        got = [m[1][0] for m in h.messages]
        expect("--parallel 4: everyone once but the postponed one",
               p.returncode == 75 and sorted(got) ==
               sorted(f"person{i}@example.org" for i in range(24)), (p.returncode, len(got)))
        # Four at once; the one refused for now is dropped by the server
        # after its 451 and comes back on a fifth for its retry.
        expect("--parallel 4: over four connections", h.connections in (4, 5), h.connections)
        with open(journal) as f:
            expect("--parallel 4: the journal has every one sent",
                   sum(1 for l in f if l.startswith("sent\t")) == 24)

        # kill -9 over four connections: the journal is synced before
        # the next messages start, so at most one a connection twice.
        os.unlink(journal)
        first, got, p = killed_midway(h, f"smtp://127.0.0.1:{port}", agenda, many, 200, 60,
                                      ["--parallel", "4"])
        expect(f"--parallel 4, kill -9 after {first}: then everyone",
               p.returncode == 0 and sorted(set(got)) ==
               sorted(f"person{i}@example.org" for i in range(200)), (first, len(got)))
        expect("--parallel 4, kill -9: at most one a connection twice",
               len(got) - len(set(got)) <= 4 and 0 < first < 200, (first, len(got)))

        # The journal cannot be written (here: the file size limit is
        # reached after two lines): the run stops, says so, and a re-run
        # sends what is owed, at most the unrecorded one twice.
        os.unlink(journal)
        h.messages.clear()
        four = os.path.join(tmp, "four.txt")
        with open(four, "w") as f:
            f.writelines(f"p{i}@example.org\n" for i in range(4))
        probe = os.path.join(tmp, "probe.journal")
        send(["invite", "send", "--to", four, "--journal", probe,
              "--smtp", f"smtp://127.0.0.1:{port}", agenda])
        with open(probe, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        limit = len(lines[0]) + len(lines[1]) + len(lines[2]) // 2
        h.messages.clear()

        def small_files():
            import resource
            import signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": tmp}
        p = subprocess.run([EXE, "invite", "send", "--to", four, "--smtp",
                            f"smtp://127.0.0.1:{port}", agenda], capture_output=True, env=env,
                           preexec_fn=small_files, timeout=60)
        before = len(h.messages)
        expect("journal write fails: the run stops and says so",
               p.returncode != 0 and b"cannot write the journal" in p.stderr and before < 4,
               (p.returncode, p.stderr, before))
        p = send(["invite", "send", "--to", four, "--smtp", f"smtp://127.0.0.1:{port}", agenda])
        got = [m[1][0] for m in h.messages]
        expect("journal write fails: the re-run sends what is owed, at most one twice",
               p.returncode == 0 and sorted(set(got)) == [f"p{i}@example.org" for i in range(4)]
               and len(got) - len(set(got)) <= 1, (p.returncode, got))
    finally:
        server.stop()

    # 8. Nobody listening: temporary, exit 75, nothing recorded as sent.
    os.unlink(journal)
    p = send(["invite", "send", "--to", lst, "--smtp", f"smtp://127.0.0.1:{smtp_server.free_port()}",
              "--retries", "0", agenda])
    expect("refused connection: exit 75", p.returncode == 75, (p.returncode, p.stderr))
    with open(journal) as f:
        expect("refused connection: nothing recorded as sent",
               not any(l.startswith("sent") for l in f))

    # 9. AUTH: the right password from the environment works; a wrong one
    # is exit 77; the password appears in no output.
    secret = "s3cret-Pa55"
    server, h, port = smtp_server.start(user="organizer", password=secret)
    try:
        os.unlink(journal)
        one = os.path.join(tmp, "one.txt")
        with open(one, "w") as f:
            f.write("erika@example.org\n")
        env = {"RETRASON_SMTP_USER": "organizer", "RETRASON_SMTP_PASSWORD": secret}
        p = send(["invite", "send", "--to", one, "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                 env)
        expect("AUTH: delivered with the password from the environment",
               p.returncode == 0 and len(h.messages) == 1, p.stderr)
        os.unlink(journal)
        env["RETRASON_SMTP_PASSWORD"] = "wrong-" + secret
        p = send(["invite", "send", "--to", one, "--smtp", f"smtp://127.0.0.1:{port}",
                  "--retries", "0", agenda], env)
        expect("AUTH: a wrong password is exit 77", p.returncode == 77, (p.returncode, p.stderr))
        expect("AUTH: the password is in no output",
               secret.encode() not in p.stderr + p.stdout)
        with open(journal, "rb") as f:
            expect("AUTH: nor in the journal", secret.encode() not in f.read())
    finally:
        server.stop()

    # AUTH LOGIN too, for servers that offer only that.
    server, h, port = smtp_server.start(user="organizer", password=secret,
                                        only_mechanism="LOGIN")
    try:
        os.unlink(journal)
        env = {"RETRASON_SMTP_USER": "organizer", "RETRASON_SMTP_PASSWORD": secret}
        p = send(["invite", "send", "--to", one, "--smtp", f"smtp://127.0.0.1:{port}", agenda],
                 env)
        expect("AUTH LOGIN: delivered", p.returncode == 0 and len(h.messages) == 1, p.stderr)
    finally:
        server.stop()

    # 10. STARTTLS with a certificate from a private CA: verified against
    # --cacert; refused without it; --insecure goes through, loudly.
    ca, crt, key = smtp_server.make_ca(tmp)
    server, h, port = smtp_server.start(tls=(crt, key))
    try:
        tls_url = f"smtp://localhost:{port}"
        one = os.path.join(tmp, "one.txt")
        with open(one, "w") as f:
            f.write("erika@example.org\n")
        os.unlink(journal)
        p = send(["invite", "send", "--to", one, "--smtp", tls_url, "--cacert", ca, agenda])
        expect("STARTTLS: delivered, over TLS, with --cacert",
               p.returncode == 0 and len(h.messages) == 1 and h.tls, (p.returncode, p.stderr))
        os.unlink(journal)
        h.messages.clear()
        p = send(["invite", "send", "--to", one, "--smtp", tls_url, "--retries", "0", agenda])
        expect("STARTTLS: an unknown CA is refused, exit 69, nothing sent",
               p.returncode == 69 and not h.messages, (p.returncode, p.stderr))
        os.unlink(journal)
        p = send(["invite", "send", "--to", one, "--smtp", tls_url, "--insecure", agenda])
        expect("STARTTLS: --insecure sends, and warns",
               p.returncode == 0 and len(h.messages) == 1 and b"--insecure" in p.stderr,
               (p.returncode, p.stderr))
    finally:
        server.stop()

    # 11. The config file: smtp, user and a password-command; the command
    # line and the environment come first; a mistake is reported in place.
    server, h, port = smtp_server.start(user="organizer", password=secret)
    try:
        cfgdir = os.path.join(tmp, "xdg", "retrason")
        os.makedirs(cfgdir)
        with open(os.path.join(cfgdir, "config"), "w") as f:
            f.write(f"# retrason settings\nsmtp = smtp://127.0.0.1:{port}\nuser = organizer\n"
                    f"password-command = echo {secret}\n")
        xdg = {"XDG_CONFIG_HOME": os.path.join(tmp, "xdg")}
        os.unlink(journal)
        p = send(["invite", "send", "--to", one, agenda], xdg)
        expect("config: server, user and password-command from the file",
               p.returncode == 0 and len(h.messages) == 1, (p.returncode, p.stderr))
        expect("config: the password is in no output", secret.encode() not in p.stderr)
        os.unlink(journal)
        dead = f"smtp://127.0.0.1:{smtp_server.free_port()}"
        p = send(["invite", "send", "--to", one, "--smtp", dead, "--retries", "0", agenda], xdg)
        expect("config: --smtp comes first", p.returncode == 75, (p.returncode, p.stderr))
        p = send(["invite", "send", "--to", one, "--retries", "0", agenda],
                 dict(xdg, RETRASON_SMTP_URL=dead))
        expect("config: RETRASON_SMTP_URL comes before the file", p.returncode == 75)
        with open(os.path.join(cfgdir, "config"), "a") as f:
            f.write("pasword-command = true\n")
        p = send(["invite", "send", "--to", one, agenda], xdg)
        expect("config: an unknown key is reported at its place, exit 78",
               p.returncode == 78 and b"config:5:1: error: unknown setting 'pasword-command'"
               in p.stderr and b"did you mean 'password-command'" in p.stderr, p.stderr)
    finally:
        server.stop()

    # 12. Configuration mistakes are usage errors, before anything is sent.
    p = send(["invite", "send", "--to", lst, agenda])
    expect("no server given: exit 64", p.returncode == 64 and b"--smtp" in p.stderr)
    p = send(["invite", "send", "--to", lst, "--smtp", "http://example.org", agenda])
    expect("not an SMTP URL: exit 64", p.returncode == 64)
    p = send(["invite", "send", "--to", lst, "--smtp", "smtp://mail.example.org",
              "--insecure", agenda], {"RETRASON_SMTP_USER": "u", "RETRASON_SMTP_PASSWORD": "p"})
    expect("--insecure with a password off this machine: refused, exit 64",
           p.returncode == 64 and b"password" in p.stderr, p.stderr)

    # 13. A server's reply is not text we can trust: invalid UTF-8 and
    # controls in a refusal reach `invite status --json` as valid JSON,
    # and a journal that holds such bytes is refused, not passed on.
    folder = os.path.join(tmp, "badbytes")
    os.mkdir(folder)
    bad_agenda = os.path.join(folder, "kickoff.agenda")
    shutil.copy(agenda, bad_agenda)
    bad_list = os.path.join(folder, "list.txt")
    with open(bad_list, "w") as f:
        f.write("badbytes@example.org\nerika@example.org\n")
    server, h, port = smtp_server.start()
    try:
        p = send(["invite", "send", "--to", bad_list, "--smtp", f"smtp://127.0.0.1:{port}",
                  "--retries", "0", bad_agenda])
    finally:
        server.stop()
    expect("bad bytes: the refusal counts as one (exit 69)", p.returncode == 69, p.stderr)
    st = send(["invite", "status", "--json", bad_agenda])
    try:
        status = json.loads(st.stdout.decode("utf-8", errors="strict"))
        reasons = [r.get("reason") for r in status["recipients"]]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        status, reasons = None, [repr(e)]
    expect("bad bytes: status --json is valid UTF-8 and JSON", st.returncode == 0 and status,
           (st.returncode, st.stdout, st.stderr))
    reason = reasons[0] or ""
    expect("bad bytes: the reason keeps the server's words, without controls",
           "550 5.1.1 " in reason and "red" in reason and '"q" \\ end' in reason and
           not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 for c in reason), reasons)
    st = send(["invite", "status", bad_agenda])
    try:
        st.stdout.decode("utf-8", errors="strict")
        table_utf8 = True
    except UnicodeDecodeError:
        table_utf8 = False
    expect("bad bytes: the table is valid UTF-8 without escapes",
           st.returncode == 0 and table_utf8 and b"\x1b" not in st.stdout, st.stdout)
    # The same bytes written into the journal by hand: its reader refuses
    # them at their place instead of handing them to the JSON.
    bad_journal = bad_agenda + ".journal"
    with open(bad_journal, "rb") as f:
        lines = f.read().split(b"\n")
    at = next(i for i, l in enumerate(lines) if l.startswith(b"failed\t"))
    fields = lines[at].split(b"\t")
    fields[-1] = b"550 \xc3 caf\xe9"
    lines[at] = b"\t".join(fields)
    with open(bad_journal, "wb") as f:
        f.write(b"\n".join(lines))
    for how in (["--json"], []):
        st = send(["invite", "status", *how, bad_agenda])
        expect(f"bad bytes by hand: {' '.join(['status', *how])} refuses the journal at its line",
               st.returncode != 0 and not st.stdout and
               f"journal:{at + 1}:".encode() in st.stderr and b"invalid UTF-8" in st.stderr,
               (st.returncode, st.stdout, st.stderr))


main()
