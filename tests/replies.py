#!/usr/bin/python3
"""The whole loop of issue 15 end to end: invitations sent to a real
SMTP server on loopback (python3-aiosmtpd) are each turned into that
recipient's reply (METHOD:REPLY, the UID and SEQUENCE they got, their
ATTENDEE with a PARTSTAT; one in Outlook's shape without SEQUENCE or
ORGANIZER, one with Google's X-NUM-GUESTS and X-RESPONSE-COMMENT),
delivered with an auto-reply, a reply for another event and a
forwarded invitation; `invite replies` reads them from a Maildir, an
mbox, standard input and a real IMAP server (Dovecot, when installed);
`invite status --json` then has the totals that were answered, a second
read changes nothing, a late older reply overrides nothing, and `invite
remind` reaches exactly the silent ones."""
import email
import email.policy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import imap_server  # noqa: E402
import smtp_server  # noqa: E402

EXE = os.environ["RETRASON"]
results = []

AGENDA = """Title: Werkstatt
Date: 2030-05-06
Time: 10:00-12:00
Timezone: Europe/Berlin
Organizer: Org <org@example.org>
UID: werkstatt-2030@example.org
"""
PEOPLE = ["ann@example.org", "bob@example.org", "cy@example.org", "dee@example.org",
          "eve@example.org"]


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:700]))


def run(args, tmp, extra=None, **kw):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": tmp}
    env.update(extra or {})
    return subprocess.run([EXE] + args, capture_output=True, env=env, timeout=120, **kw)


def field(cal, name):
    for line in cal.replace("\r\n ", "").split("\r\n"):
        if line.startswith(name + ":") or line.startswith(name + ";"):
            return line.split(":", 1)[1]
    return None


def reply(invitation, who, partstat, stamp, shape="thunderbird", extra_params=""):
    """The reply a client of that shape sends to the invitation it got."""
    msg = email.message_from_bytes(invitation, policy=email.policy.default)
    cal = [p for p in msg.walk() if p.get_content_type() == "text/calendar"][0] \
        .get_payload(decode=True).decode()
    uid, seq = field(cal, "UID"), field(cal, "SEQUENCE")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//" + shape + "//EN",
             "METHOD:REPLY", "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
             "DTSTART;TZID=Europe/Berlin:20300506T100000"]
    if shape == "outlook":  # no SEQUENCE, no ORGANIZER: Exchange's own
        lines.append(f"X-MICROSOFT-CDO-APPT-SEQUENCE:{seq}")
    else:
        lines += [f"SEQUENCE:{seq}", "ORGANIZER;CN=Org:mailto:org@example.org"]
    lines += [f"ATTENDEE;PARTSTAT={partstat}{extra_params}:MAILTO:{who.upper()}",
              "END:VEVENT", "END:VCALENDAR", ""]
    body = "\r\n".join(lines)
    return (f"From: {who}\r\nTo: org@example.org\r\nSubject: {partstat}: Werkstatt\r\n"
            f"Message-ID: <{partstat.lower()}.{who}>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nSee the calendar part.\r\n"
            "--b\r\nContent-Type: text/calendar; method=REPLY; charset=UTF-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n--b--\r\n").encode()


OUT_OF_OFFICE = (b"From: cy@example.org\r\nTo: org@example.org\r\nSubject: Out of office\r\n"
                 b"Auto-Submitted: auto-replied\r\n\r\nI am away.\r\n")


def status(tmp, agenda):
    p = run(["invite", "status", "--json", agenda], tmp)
    return json.loads(p.stdout) if p.returncode == 0 else {"error": p.stderr}


def answers(js):
    return {r["address"]: r["partstat"] for r in js.get("recipients", [])}


def main():
    tmp = tempfile.mkdtemp(prefix="retrason-replies-")
    server, h, port = smtp_server.start()
    url = f"smtp://127.0.0.1:{port}"
    try:
        agenda = os.path.join(tmp, "werkstatt.agenda")
        with open(agenda, "w") as f:
            f.write(AGENDA)
        team = os.path.join(tmp, "team.txt")
        with open(team, "w") as f:
            f.write("".join(p + "\n" for p in PEOPLE))
        p = run(["invite", "send", "--to", team, "--smtp", url, agenda], tmp)
        got = {m[1][0]: m[2] for m in h.messages}
        expect("five invitations sent", p.returncode == 0 and len(got) == 5, p.stderr)

        md = os.path.join(tmp, "Maildir")
        for sub in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(md, sub))
        mails = [reply(got["ann@example.org"], "ann@example.org", "ACCEPTED",
                       "20300401T100000Z", "google",
                       ";X-NUM-GUESTS=2;X-RESPONSE-COMMENT=Gern\\, bis dann"),
                 reply(got["bob@example.org"], "bob@example.org", "DECLINED",
                       "20300401T110000Z", "outlook"),
                 OUT_OF_OFFICE,
                 reply(got["cy@example.org"], "cy@example.org", "TENTATIVE",
                       "20300401T120000Z").replace(b"werkstatt-2030", b"other-event"),
                 got["dee@example.org"]]  # a forwarded invitation: no answer
        for i, m in enumerate(mails):
            with open(os.path.join(md, "new", f"{1900000000 + i}.{i}.host"), "wb") as f:
                f.write(m)
        p = run(["invite", "replies", agenda, md], tmp)
        expect("replies: two answers recorded, the rest counted",
               p.returncode == 0 and b"5 messages: 2 new answers (1 accepted, 1 declined)"
               in p.stderr and b"1 answer for another event" in p.stderr and
               b"1 auto-reply" in p.stderr, p.stderr)
        js = status(tmp, agenda)
        expect("status --json: the totals of what was answered",
               js.get("totals") == {"NEEDS-ACTION": 3, "ACCEPTED": 1, "DECLINED": 1,
                                    "TENTATIVE": 0, "DELEGATED": 0} and js.get("guests") == 2,
               js)
        ann = [r for r in js.get("recipients", []) if r["address"] == "ann@example.org"]
        expect("status --json: Google's guests and comment kept",
               ann and ann[0]["guests"] == 2 and ann[0]["comment"] == "Gern, bis dann", ann)
        before = open(agenda + ".journal", "rb").read()
        p = run(["invite", "replies", agenda, md], tmp)
        expect("replies: the same mail again changes nothing",
               p.returncode == 0 and b"0 new answers" in p.stderr and
               b"2 known already or older" in p.stderr and
               open(agenda + ".journal", "rb").read() == before, p.stderr)

        # An mbox on standard input: cy tentative, and a late older
        # answer of ann's that must not override her newer one.
        mbox = b""
        for m in (reply(got["cy@example.org"], "cy@example.org", "TENTATIVE",
                        "20300401T120000Z"),
                  reply(got["ann@example.org"], "ann@example.org", "DECLINED",
                        "20300301T000000Z")):
            mbox += b"From x@example.org Mon Apr  1 12:00:00 2030\n" + \
                m.replace(b"\r\n", b"\n") + b"\n"
        p = run(["invite", "replies", agenda, "-"], tmp, input=mbox)
        js = status(tmp, agenda)
        expect("replies from stdin: the new one counts, the older one does not",
               p.returncode == 0 and answers(js).get("cy@example.org") == "TENTATIVE" and
               answers(js).get("ann@example.org") == "ACCEPTED", (p.stderr, answers(js)))

        # A real IMAP server, read twice: only what is new the second time.
        if imap_server.available():
            with imap_server.Dovecot(tmp) as d:
                d.deliver(reply(got["dee@example.org"], "dee@example.org", "ACCEPTED",
                                "20300402T090000Z"))
                src = f"imaps://erika@127.0.0.1:{d.ports}/INBOX"
                env = {"RETRASON_IMAP_PASSWORD": "s3cret"}
                p = run(["invite", "replies", "--cacert", d.ca, agenda, src], tmp, env)
                expect("replies over imaps://: dee's answer",
                       p.returncode == 0 and b"1 message: 1 new answer (1 accepted)" in p.stderr
                       and answers(status(tmp, agenda)).get("dee@example.org") == "ACCEPTED",
                       p.stderr)
                p = run(["invite", "replies", "--cacert", d.ca, agenda, src], tmp, env)
                expect("replies over imaps:// again: nothing read",
                       p.returncode == 0 and b"0 messages" in p.stderr, p.stderr)
                p = run(["invite", "replies", "--cacert", d.ca, agenda, src], tmp,
                        {"RETRASON_IMAP_PASSWORD": "wrong"})
                expect("replies: a refused login is exit 77", p.returncode == 77, p.stderr)
                expect("replies: the mail stays unread in new/",
                       len(d.files()["new"]) == 1 and not d.files()["cur"], d.files())
            silent = ["eve@example.org"]
        else:
            print("note: no Dovecot (dovecot-imapd): the IMAP part is skipped")
            silent = ["dee@example.org", "eve@example.org"]

        h.messages.clear()
        p = run(["invite", "remind", "--smtp", url, agenda], tmp)
        expect("remind: exactly the silent ones",
               p.returncode == 0 and sorted(m[1][0] for m in h.messages) == silent,
               (p.stderr, [m[1] for m in h.messages]))
        p = run(["invite", "replies", agenda, os.path.join(tmp, "nowhere")], tmp)
        expect("replies: a missing SOURCE is exit 66", p.returncode == 66, p.stderr)
        fresh = os.path.join(tmp, "fresh.agenda")
        shutil.copy(agenda, fresh)
        p = run(["invite", "replies", fresh, md], tmp)
        expect("replies: nothing sent yet is refused",
               p.returncode == 65 and b"no invitation sent" in p.stderr, p.stderr)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
