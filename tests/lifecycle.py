#!/usr/bin/python3
"""The invitation lifecycle against a real SMTP server on loopback
(python3-aiosmtpd): a shorter list never cancels anyone, the UID is
pinned by the journal, a rebuilt retrason sends nothing, two runs on one
journal never send twice, a full disk (a real tmpfs) stops the run before
it sends, and a damaged or hostile journal is refused at its line and
column with nobody mailed."""
import email
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
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:700]))


def env_for(extra=None):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP}
    env.update(extra or {})
    return env


def run(args, exe=EXE, extra=None, **kw):
    return subprocess.run([exe] + args, capture_output=True, env=env_for(extra), timeout=120,
                          **kw)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def people(n, prefix="p"):
    return "".join(f"{prefix}{i}@example.org\n" for i in range(n))


def parsed(h):
    return [(m[1][0], email.message_from_bytes(m[2], policy=email.policy.default))
            for m in h.messages]


def cal_of(msg):
    return [p for p in msg.walk() if p.get_content_type() == "text/calendar"][0] \
        .get_payload(decode=True)


def fresh(name, agenda_text=None):
    d = os.path.join(TMP, name)
    os.makedirs(d)
    agenda = os.path.join(d, "event.agenda")
    if agenda_text is None:
        shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), agenda)
    else:
        write(agenda, agenda_text)
    return d, agenda


NO_UID = """Title: Team day
Date: 2030-05-06
Time: 10:00-12:00
Timezone: Europe/Berlin
Organizer: Org <org@example.org>
"""


def short_list(url, h):
    d, agenda = fresh("short")
    team = write(os.path.join(d, "team.txt"), people(10))
    late = write(os.path.join(d, "late.txt"), "late@example.org\n")
    p = run(["invite", "send", "--to", team, "--smtp", url, agenda])
    expect("short list: ten invited", p.returncode == 0 and len(h.messages) == 10, p.stderr)
    h.messages.clear()
    p = run(["invite", "send", "--to", late, "--smtp", url, agenda])
    expect("short list: only the latecomer gets mail, an invitation",
           p.returncode == 0 and [a for a, _ in parsed(h)] == ["late@example.org"] and
           str(parsed(h)[0][1]["Subject"]).startswith("Einladung:"), (p.stderr, h.messages[:1]))
    expect("short list: the run says who is left invited",
           b"10 people invited earlier are not on " in p.stderr and b"late.txt; left invited "
           b"(p0@example.org, p1@example.org, p2@example.org, p3@example.org, p4@example.org "
           b"and 5 more); --remove-missing withdraws their invitations" in p.stderr, p.stderr)
    h.messages.clear()
    p = run(["invite", "send", "--dry-run", "--to", late, agenda])
    expect("--dry-run: the plan also when nothing is owed",
           p.returncode == 0 and not p.stdout and
           b"nothing to send; 1 has this version already" in p.stderr, p.stderr)
    p = run(["invite", "send", "--dry-run", "--remove-missing", "--to", late, agenda])
    expect("--dry-run --remove-missing: ten withdrawals planned, none sent",
           p.returncode == 0 and b"10 withdrawals (at SEQUENCE 1); 1 has this version already" in p.stderr and
           p.stdout.count(b"\nFrom retrason ") + p.stdout.startswith(b"From retrason ") == 10
           and not h.messages, p.stderr)
    return agenda, team


def rebuilt(url, h, agenda, team):
    """A retrason with another version string writes other PRODIDs and
    page generators, and must still see the same version."""
    other = os.path.join(TMP, "retrason-other")
    with open(EXE, "rb") as f:
        exe = f.read()
    version = run(["--version"]).stdout.split()[-1]
    new = b"9" * len(version)
    with open(other, "wb") as f:
        f.write(exe.replace(version, new))
    os.chmod(other, 0o755)
    ics = run(["agenda", "ics", agenda], exe=other).stdout
    expect("rebuilt: the other binary writes another PRODID",
           b"PRODID:-//retrason//retrason " + new in ics, ics[:200])
    h.messages.clear()
    p = run(["invite", "send", "--to", team, "--smtp", url, agenda], exe=other)
    expect("rebuilt: sends nothing, the agenda has not changed",
           p.returncode == 0 and not h.messages and b"nothing to send" in p.stderr, p.stderr)
    p = run(["invite", "send", "--lang", "en", "--to", team, "--smtp", url, agenda])
    expect("--lang en: sends nothing either", p.returncode == 0 and not h.messages, p.stderr)


def login_first(tmp):
    """A run that could not log in sends nothing; the first mail anyone
    gets is an invitation, at SEQUENCE 0."""
    secret = "pw-Right-1"
    server, h, port = smtp_server.start(user="org", password=secret)
    try:
        d, agenda = fresh("login")
        one = write(os.path.join(d, "one.txt"), "erika@example.org\n")
        url = f"smtp://127.0.0.1:{port}"
        p = run(["invite", "send", "--to", one, "--smtp", url, "--retries", "0", agenda],
                extra={"RETRASON_SMTP_USER": "org", "RETRASON_SMTP_PASSWORD": "wrong"})
        expect("login refused: exit 77, nothing sent", p.returncode == 77 and not h.messages,
               p.stderr)
        p = run(["invite", "send", "--to", one, "--smtp", url, agenda],
                extra={"RETRASON_SMTP_USER": "org", "RETRASON_SMTP_PASSWORD": secret})
        got = parsed(h)
        expect("after a refused login: the first mail is an invitation at SEQUENCE 0",
               p.returncode == 0 and len(got) == 1 and
               str(got[0][1]["Subject"]).startswith("Einladung:") and
               b"SEQUENCE:0" in cal_of(got[0][1]), (p.stderr, got))
    finally:
        server.stop()


def uid_pin(url, h):
    d, agenda = fresh("uid", NO_UID)
    lst = write(os.path.join(d, "list.txt"), "a@example.org\nb@example.org\n")
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    first = [cal_of(m) for _, m in parsed(h)]
    uid = [l for l in first[0].split(b"\r\n") if l.startswith(b"UID:")][0][4:] if first else b""
    expect("no UID: line: sent, with a warning and the line to add",
           p.returncode == 0 and len(first) == 2 and
           b"has no 'UID:' line" in p.stderr and b"add 'UID: " + uid in p.stderr, p.stderr)
    # A typo fixed in the title changes the derived UID: the journal's stays.
    write(agenda, NO_UID.replace("Team day", "Team Day"))
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    got = parsed(h)
    expect("title edited: the same UID, as an update at SEQUENCE 1",
           p.returncode == 0 and len(got) == 2 and
           all(b"UID:" + uid + b"\r\n" in cal_of(m) and b"SEQUENCE:1" in cal_of(m) and
               str(m["Subject"]).startswith("Updated:") for _, m in got), (p.stderr, got[:1]))
    expect("title edited: the run warns and gives the UID: line",
           b"keeping the event's UID from the journal" in p.stderr and
           b"UID: " + uid in p.stderr, p.stderr)
    st = run(["invite", "status", agenda])
    expect("status: the pinned event", st.returncode == 0 and uid in st.stdout, st.stdout)
    # An explicit UID that differs: refused, and the way out.
    write(agenda, NO_UID.replace("Team day", "Team Day") + "UID: other@example.org\n")
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("another explicit UID: refused, exit 65, nothing sent",
           p.returncode == 65 and not h.messages and
           b"'UID: other@example.org' is not the event the journal" in p.stderr and
           b"write 'UID: " + uid + b"'" in p.stderr, p.stderr)


def follows_journal(url, h):
    """After updates, the files people import carry the journal's UID and
    SEQUENCE: a calendar drops an older SEQUENCE than it has."""
    import json
    d, agenda = fresh("follow", NO_UID)
    lst = write(os.path.join(d, "list.txt"), "a@example.org\n")
    h.messages.clear()
    run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    uid = [l for l in cal_of(parsed(h)[0][1]).split(b"\r\n") if l.startswith(b"UID:")][0]
    for t in ("10:30-12:00", "11:00-12:00", "11:30-12:30"):
        write(agenda, NO_UID.replace("Team day", "Team Day!").replace("10:00-12:00", t))
        run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    sent = cal_of(parsed(h)[-1][1])
    expect("three updates: SEQUENCE 3 sent, under the first UID",
           b"SEQUENCE:3" in sent and uid + b"\r\n" in sent, sent[:300])
    for args in (["agenda", "ics"], ["agenda", "ics", "--items"], ["invite", "ics", "--to", lst]):
        p = run(args + [agenda])
        expect(f"{' '.join(args[:2])}: the journal's UID and SEQUENCE",
               p.returncode == 0 and b"SEQUENCE:3\r\n" in p.stdout and uid + b"\r\n" in p.stdout,
               (p.returncode, p.stderr, p.stdout[:200]))
    p = run(["invite", "ics", "--cancel", "--to", lst, agenda])
    expect("invite ics --cancel: above every SEQUENCE sent",
           p.returncode == 0 and b"SEQUENCE:4\r\n" in p.stdout, p.stdout[-400:])
    p = run(["agenda", "ics", "--sequence", "7", agenda])
    expect("--sequence still overrides", b"SEQUENCE:7\r\n" in p.stdout and uid in p.stdout)
    p = run(["agenda", "export", "-f", "json", agenda])
    js = json.loads(p.stdout)
    expect("export json: the journal's UID and SEQUENCE",
           js["uid"].encode() == uid[4:] and js["sequence"] == 3, (js["uid"], js["sequence"]))
    # Edited again, not sent yet: the next SEQUENCE, as the next send.
    write(agenda, NO_UID.replace("Team day", "Team Day!").replace("10:00-12:00", "09:00-12:30"))
    p = run(["agenda", "ics", agenda])
    expect("an edit not sent yet: the SEQUENCE the next send will have",
           b"SEQUENCE:4\r\n" in p.stdout, p.stdout[:300])


MULTI = """Title: Tagung
Date: 2030-05-06..2030-05-08
Time: 09:00-18:00
Timezone: Europe/Berlin
Organizer: Org <org@example.org>
UID: tagung-2030@example.org

Agenda:
[2030-05-06] Tag 1
09:00 | Start
[2030-05-08] Tag 3
09:00 | Abschluss
"""


def day_hours(url, h):
    """A day given hours of its own is an update of the one event: the
    rule and the day's instance, both at the next SEQUENCE, with the
    change named; sent once; the cancellation cancels the rule."""
    d, agenda = fresh("dayhours", MULTI)
    lst = write(os.path.join(d, "list.txt"), "a@example.org\nb@example.org\n")
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("day hours: two invited", p.returncode == 0 and len(h.messages) == 2, p.stderr)
    h.messages.clear()
    write(agenda, MULTI.replace("[2030-05-08]", "[2030-05-08 09:00-13:00]"))
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    msgs = parsed(h)
    cals = [cal_of(m) for _, m in msgs]
    ok = len(cals) == 2 and all(
        c.count(b"BEGIN:VEVENT") == 2 and c.count(b"UID:tagung-2030@example.org\r\n") == 2 and
        c.count(b"SEQUENCE:1\r\n") == 2 and
        b"RECURRENCE-ID;TZID=Europe/Berlin:20300508T090000\r\n" in c and
        b"DTEND;TZID=Europe/Berlin:20300508T130000\r\n" in c for c in cals)
    expect("day hours: an update, the rule and the day's instance at SEQUENCE 1", ok,
           (p.stderr, cals[:1]))
    text = msgs[0][1].get_body(("plain",)).get_content() if msgs else ""
    expect("day hours: the update names the day's new hours",
           "(Wednesday, 8 May: 09:00–13:00)" in " ".join(text.split()) and str(msgs[0][1]["Subject"]).startswith(
               "Updated") if msgs else False, text[:600])
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("day hours: a re-run sends nothing", p.returncode == 0 and not h.messages, p.stderr)
    late = os.path.join(d, "late.agenda")
    write(late, MULTI + "19:00 | Party after hours\n")
    p = run(["invite", "send", "--dry-run", "--to", lst, "--journal", late + ".j", late])
    expect("send: the agenda's warnings are named before mail goes out",
           p.returncode == 0 and f"{late} has 1 warning (agenda check {late} shows them)".encode()
           in p.stderr, p.stderr)
    p = run(["invite", "cancel", "--smtp", url, agenda])
    cals = [cal_of(m) for _, m in parsed(h)]
    expect("day hours: the cancellation is of the rule, no day's instance",
           len(cals) == 2 and all(c.count(b"BEGIN:VEVENT") == 1 and b"RECURRENCE-ID" not in c
                                  and b"METHOD:CANCEL" in c for c in cals), (p.stderr, cals[:1]))


def reminders(url, h):
    """invite remind reaches exactly those who have this version and have
    not answered it, once a version; never with an agenda not sent."""
    d, agenda = fresh("remind", MULTI)
    lst = write(os.path.join(d, "list.txt"), people(4, "r"))
    h.messages.clear()
    run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    uid = "tagung-2030@example.org"
    # Answers as invite replies records them: r0 accepted, r1 declined an
    # earlier version (there is none: SEQUENCE 0 is this one, so it
    # counts), r2 said NEEDS-ACTION (no answer); r3 silent.
    with open(agenda + ".journal", "a", encoding="utf-8") as f:
        f.write(f"reply\t{uid}\t0\tr0@example.org\tACCEPTED\t100\t0\t-\t1\t\t\n"
                f"reply\t{uid}\t0\tr1@example.org\tDECLINED\t100\t0\t-\t1\t\t\n"
                f"reply\t{uid}\t0\tr2@example.org\tNEEDS-ACTION\t100\t0\t-\t1\t\t\n"
                # 2030-05-06 10:00-12:00 in Berlin (CEST)
                f"counter\t{uid}\t0\tr1@example.org\t1904284800\t1904292000\t-\t1\t\t"
                f"Geht es später?\n")
    h.messages.clear()
    p = run(["invite", "remind", "--smtp", url, agenda])
    msgs = parsed(h)
    expect("remind: the two without an answer, and only they",
           p.returncode == 0 and sorted(a for a, _ in msgs) ==
           ["r2@example.org", "r3@example.org"] and
           b"2 reminders; 2 answered this version" in p.stderr, (p.stderr, [a for a, _ in msgs]))
    ok = msgs and all(str(m["Subject"]).startswith("Reminder: Tagung") and
                      b"SEQUENCE:0\r\n" in cal_of(m) and b"METHOD:REQUEST" in cal_of(m) and
                      "REMINDER: you have not answered" in m.get_body(("plain",)).get_content()
                      for _, m in msgs)
    expect("remind: the invitation at its SEQUENCE, a reminder line first", ok,
           msgs[:1] and str(msgs[0][1])[:800])
    h.messages.clear()
    p = run(["invite", "remind", "--smtp", url, agenda])
    expect("remind: once a version", p.returncode == 0 and not h.messages and
           b"2 reminded of it before" in p.stderr, p.stderr)
    p = run(["invite", "remind", "--again", "--to", write(os.path.join(d, "one.txt"),
                                                          "r3@example.org\n"),
             "--smtp", url, agenda])
    expect("remind --again --to: only that one, again",
           p.returncode == 0 and [a for a, _ in parsed(h)] == ["r3@example.org"], p.stderr)
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("remind: invite send still owes nothing", p.returncode == 0 and not h.messages and
           b"nothing to send; 4 have this version" in p.stderr, p.stderr)
    write(agenda, MULTI.replace("Tag 3", "Tag drei"))
    p = run(["invite", "remind", "--smtp", url, agenda])
    expect("remind: refused for an agenda not sent, nobody mailed",
           p.returncode == 65 and not h.messages and b"invite send first" in p.stderr,
           p.stderr)
    st = run(["invite", "status", agenda])
    expect("status: the totals of the answers",
           st.stdout.endswith(b"1 accepted, 1 declined, 2 no answer\n"), st.stdout)
    expect("status: a proposal on the event's clock, not an answer",
           "r1@example.org proposes 2030-05-06 10:00–12:00 Europe/Berlin (to version 0; a "
           "proposal, not an answer): \"Geht es später?\"".encode() in st.stdout, st.stdout)


def refusals(url, h):
    """What would reach calendars as stale, or report a cancellation that
    told nobody, is refused before anything is sent."""
    d, agenda = fresh("refuse")
    lst = write(os.path.join(d, "list.txt"), people(3))
    h.messages.clear()
    run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    for t in ("16:30-18:30", "17:00-19:00"):
        write(agenda, open(os.path.join(SRC, "examples", "kickoff.agenda"),
                           encoding="utf-8").read().replace("16:00-18:00", t))
        if t == "16:30-18:30":
            run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    h.messages.clear()
    p = run(["invite", "send", "--sequence", "1", "--to", lst, "--smtp", url, agenda])
    expect("--sequence below what recipients have: exit 64, nothing sent, the way out",
           p.returncode == 64 and not h.messages and b"--sequence 2 or more" in p.stderr,
           (p.returncode, p.stderr))
    p = run(["invite", "cancel", "--sequence", "0", "--smtp", url, agenda])
    expect("invite cancel --sequence 0 after SEQUENCE 1: exit 64, nothing sent",
           p.returncode == 64 and not h.messages, (p.returncode, p.stderr))
    # A cancellation with no journal and no list reaches nobody: an error.
    d2, other = fresh("refuse-nojournal")
    p = run(["invite", "cancel", "--smtp", url, other])
    expect("invite cancel without a journal or --to: exit 64, says what to give",
           p.returncode == 64 and b"give --to LIST" in p.stderr and not h.messages,
           (p.returncode, p.stderr))
    # A well-formed line added by hand to a journal retrason wrote.
    with open(agenda + ".journal", "a") as f:
        f.write("sent\tretrason-kickoff-2022-12-05@allianz-fuer-die-region.de\t1\tREQUEST\t"
                "eve@evil.example\t<x@y>\t1796000000\n")
    n = sum(1 for _ in open(agenda + ".journal"))
    for verb in (["invite", "cancel", "--smtp", url], ["invite", "status"]):
        p = run(verb + [agenda])
        expect(f"a recipient added by hand: {verb[1]} exit 65 at its line, nobody mailed",
               p.returncode == 65 and not h.messages and
               f".journal:{n}:1: error: a 'sent' record without its intent".encode() in p.stderr,
               (p.returncode, p.stderr))


def older_journal(url, h):
    """A journal from before fingerprints meant what recipients see: no
    update goes to everyone on a guess; --adopt records the agenda as
    the version they have and sends only what else is owed."""
    d, agenda = fresh("older")
    lst = write(os.path.join(d, "list.txt"), people(3) + "late@example.org\n")
    uid = "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de"
    journal = agenda + ".journal"
    with open(journal, "w") as f:  # as retrason 0.1 wrote it: no header, no intents
        f.write(f"version\t{uid}\t2\t0123456789abcdef\t1700000000\n")
        for i in range(3):
            f.write(f"sent\t{uid}\t2\tREQUEST\tp{i}@example.org\t<{i}@x>\t1700000000\n")
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("older journal: refused with the two ways out, nothing sent",
           p.returncode == 65 and not h.messages and b"--adopt" in p.stderr and
           b"--sequence 3" in p.stderr, (p.returncode, p.stderr))
    p = run(["invite", "send", "--adopt", "--to", lst, "--smtp", url, agenda])
    expect("--adopt: no update; only the newcomer invited, at SEQUENCE 2",
           p.returncode == 0 and [r for r, _ in parsed(h)] == ["late@example.org"] and
           b"SEQUENCE:2" in cal_of(parsed(h)[0][1]), (p.returncode, p.stderr))
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("after --adopt: nothing owed", p.returncode == 0 and not h.messages and
           b"nothing to send; 4 have this version already" in p.stderr, p.stderr)
    write(agenda, open(os.path.join(SRC, "examples", "kickoff.agenda"),
                       encoding="utf-8").read().replace("16:00-18:00", "15:00-17:00"))
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    got = parsed(h)
    expect("after --adopt, a change: an update for all four at SEQUENCE 3, saying what changed",
           p.returncode == 0 and len(got) == 4 and
           all(b"SEQUENCE:3" in cal_of(m) and str(m["Subject"]).startswith("Aktualisiert:")
               for _, m in got) and
           "Was sich geändert hat" in got[0][1].get_body(("plain",)).get_content(),
           (p.returncode, p.stderr))


def compaction(url, h):
    """A journal grown far past its state is rewritten whole on the next
    run: what `invite status` shows is the same, the file much smaller."""
    d, agenda = fresh("compact")
    lst = write(os.path.join(d, "list.txt"), people(50))
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    journal = agenda + ".journal"
    with open(journal) as f:
        lines = f.read().splitlines()
    sent = [l for l in lines if l.startswith("sent\t")]
    intents = [l for l in lines if l.startswith("intent\t")]
    # History: every message again and again, as if re-sent 40 times.
    with open(journal, "a") as f:
        for _ in range(40):
            for i, s_ in zip(intents, sent):
                f.write(i + "\n" + s_ + "\n")
    before = run(["invite", "status", "--json", agenda]).stdout
    size = os.path.getsize(journal)
    h.messages.clear()
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    after = run(["invite", "status", "--json", agenda]).stdout
    with open(journal) as f:
        now = f.read().splitlines()
    expect("compaction: nothing sent, status the same",
           p.returncode == 0 and not h.messages and before == after and b'"invited"' in after,
           (p.stderr, before[:300], after[:300]))
    expect(f"compaction: {size} bytes to {os.path.getsize(journal)}, one version, its "
           "snapshot and each recipient's message with its intent",
           len([l for l in now if l.startswith("version")]) == 1 and
           len([l for l in now if l.startswith("snapshot")]) == 1 and
           len([l for l in now if l.startswith("sent")]) == 50 and
           len([l for l in now if l.startswith("intent")]) == 50 and len(now) == 103, now[:4])
    # Still the journal: the next change sends updates to all, once.
    write(agenda + ".new", open(agenda, encoding="utf-8").read().replace(
        "Time: 16:00-18:00", "Time: 15:00-17:00"))
    os.replace(agenda + ".new", agenda)
    p = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    expect("after compaction: a change is one update each, SEQUENCE 1",
           p.returncode == 0 and sorted(r for r, _ in parsed(h)) == sorted(people(50).split())
           and all(b"SEQUENCE:1" in cal_of(m) for _, m in parsed(h)), p.stderr)


def concurrent(url, h):
    d, agenda = fresh("lock")
    lst = write(os.path.join(d, "many.txt"), people(40))
    h.messages.clear()
    h.delay = 0.05
    a = subprocess.Popen([EXE, "invite", "send", "--to", lst, "--smtp", url, agenda],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env_for())
    for _ in range(500):
        if h.messages:
            break
        time.sleep(0.01)
    t0 = time.monotonic()
    b = run(["invite", "send", "--to", lst, "--smtp", url, agenda])
    took = time.monotonic() - t0
    _, a_err = a.communicate(timeout=120)
    h.delay = 0
    got = [r for r, _ in parsed(h)]
    expect("two runs: the second fails at once, exit 75, naming the first",
           b.returncode == 75 and took < 5 and
           f"in use by another retrason (process {a.pid})".encode() in b.stderr,
           (b.returncode, took, b.stderr))
    expect("two runs: the first sends everyone, nobody twice",
           a.returncode == 0 and sorted(got) == sorted(people(40).split()), (a_err, len(got)))
    # The same with a dry run and status: readers, they don't wait.
    p = run(["invite", "status", agenda])
    expect("status after: everyone invited", p.returncode == 0 and
           p.stdout.count(b" invited ") == 40, p.stdout[:300])


def full_disk(url, h):
    """The journal on a small tmpfs: once no room is left, the run stops
    before it sends any more, everyone sent is recorded, and after room
    is made the same command finishes with nobody twice."""
    d, agenda = fresh("full")
    mnt = os.path.join(d, "disk")
    os.makedirs(mnt)
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", mnt],
                       capture_output=True)
    expect("full disk: a tmpfs to fill (mount as root)", m.returncode == 0, m.stderr)
    if m.returncode:
        return
    try:
        journal = os.path.join(mnt, "event.journal")
        lst = write(os.path.join(d, "many.txt"), people(400))
        st = os.statvfs(mnt)
        # Leave 96 KiB: the first 64 KiB kept ahead fit, the next not.
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb") as f:
            f.write(b"x" * (st.f_bavail * st.f_frsize - 96 * 1024))
        h.messages.clear()
        p = run(["invite", "send", "--to", lst, "--journal", journal, "--smtp", url, agenda])
        first = [r for r, _ in parsed(h)]
        with open(journal) as f:
            sent = [l.split("\t")[4] for l in f if l.startswith("sent\t")]
        expect("full disk: the run stops with exit 74 and says what to do",
               p.returncode == 74 and b"No space left on device" in p.stderr and
               b"make room for the journal, then run the same command again" in p.stderr,
               (p.returncode, p.stderr[-600:]))
        expect(f"full disk: some sent ({len(first)}), each one recorded",
               0 < len(first) < 400 and sorted(first) == sorted(sent), (len(first), len(sent)))
        os.unlink(filler)
        h.messages.clear()
        p = run(["invite", "send", "--to", lst, "--journal", journal, "--smtp", url, agenda])
        second = [r for r, _ in parsed(h)]
        expect("full disk: the re-run sends the rest, nobody twice",
               p.returncode == 0 and sorted(first + second) == sorted(people(400).split()),
               (p.returncode, len(first), len(second), p.stderr[-300:]))
        # No room at all for what is kept ahead: nothing is sent.
        d2, agenda2 = fresh("full2")
        j2 = os.path.join(mnt, "second.journal")
        st = os.statvfs(mnt)
        with open(filler, "wb") as f:
            f.write(b"x" * (st.f_bavail * st.f_frsize - 16 * 1024))
        h.messages.clear()
        p = run(["invite", "send", "--to", lst, "--journal", j2, "--smtp", url, agenda2])
        expect("disk full before the run: exit 74, nothing sent",
               p.returncode == 74 and not h.messages, (p.returncode, p.stderr))
    finally:
        subprocess.run(["umount", mnt])


def hostile_journal(url, h):
    d, agenda = fresh("hostile")
    lst = write(os.path.join(d, "list.txt"), "a@example.org\n")
    uid = "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de"
    journal = agenda + ".journal"
    good = (f"version\t{uid}\t0\tm1:0123456789abcdef\t1700000000\n"
            f"sent\t{uid}\t0\tREQUEST\tok@example.org\t<1@x>\t1700000000\n")
    cases = [
        ("a recipient hidden in an address",
         f"sent\t{uid}\t0\tREQUEST\told@example.org>, <eve@evil.example\t<2@x>\t1700000000\n",
         b":3:"),
        ("a SEQUENCE past any int",
         f"sent\t{uid}\t99999999999999999999\tREQUEST\tx@example.org\t<2@x>\t1700000000\n",
         b":3:" + str(len("sent\t" + uid + "\t") + 1).encode() + b": error: invalid SEQUENCE"),
        ("an unknown record", "resent\tsomething\n", b":3:1: error: unknown journal record"),
        ("a CR in a line", f"sent\t{uid}\t0\tREQUEST\tx@example.org\t<2@x>\t17\r00\n", b":3:"),
    ]
    for label, line, where in cases:
        write(journal, good + line)
        h.messages.clear()
        for verb in (["invite", "send", "--to", lst, "--smtp", url],
                     ["invite", "cancel", "--smtp", url], ["invite", "status"]):
            p = run(verb + [agenda])
            expect(f"hostile journal, {label}: {verb[1]} exit 65 at the line, nobody mailed",
                   p.returncode == 65 and not h.messages and
                   (journal.encode() + where) in p.stderr, (p.returncode, p.stderr))
    # A read error is an error, never the end of the journal.
    for verb in (["invite", "status"], ["invite", "send", "--dry-run", "--to", lst]):
        p = run(verb + ["--journal", "/proc/self/mem", agenda])
        expect(f"a journal that can't be read: {verb[1]} exit 74", p.returncode == 74 and
               b"Input/output error" in p.stderr, (p.returncode, p.stderr))


def main():
    global TMP
    TMP = tempfile.mkdtemp(prefix="retrason-life-")
    try:
        server, h, port = smtp_server.start()
        url = f"smtp://127.0.0.1:{port}"
        try:
            agenda, team = short_list(url, h)
            rebuilt(url, h, agenda, team)
            uid_pin(url, h)
            follows_journal(url, h)
            day_hours(url, h)
            reminders(url, h)
            compaction(url, h)
            refusals(url, h)
            older_journal(url, h)
            concurrent(url, h)
            full_disk(url, h)
            hostile_journal(url, h)
        finally:
            server.stop()
        login_first(TMP)
    finally:
        shutil.rmtree(TMP)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
