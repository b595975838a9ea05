#!/usr/bin/python3
"""Invitation mails (invite send/cancel --dry-run), read back with Python's
email package and python3-icalendar: the MIME layout Thunderbird and
Outlook use, headers and their encodings, 7-bit bodies, one recipient per
message as To: and the only ATTENDEE, the text part equal to `agenda show`
at 72 columns, and the calendar part equal to the attachment."""
import email
import email.policy
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tempfile

import icalendar

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
KICKOFF = os.path.join(SRC, "examples", "kickoff.agenda")
TITLE = ("Workshop zur „Strategiebildung für die infrastrukturelle Transformation "
         "in SüdOstNiedersachsen“")
ORG = "retrason@allianz-fuer-die-region.de"
HTML_PAGES = []
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:400]))


def run(args, stdin=None):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1669000000",
           "PATH": "/usr/bin:/bin"}
    return subprocess.run([EXE] + args, input=stdin, capture_output=True, env=env)


def messages(tmp, args, listing, journal=None):
    """Runs with -o DIR; returns [(raw bytes, parsed message)] in list order.
    journal: the text of a journal to plan from."""
    lst = os.path.join(tmp, "list.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write(listing)
    out = tempfile.mkdtemp(dir=tmp)
    jpath = os.path.join(out + ".journal")
    if journal is not None:
        with open(jpath, "w") as f:
            f.write(journal)
    p = run(args + ["--to", lst, "--dry-run", "-o", out, "--journal", jpath, KICKOFF])
    expect(f"{' '.join(args[:2])}: exit 0", p.returncode == 0, p.stderr)
    found = []
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as f:
            raw = f.read()
        found.append((raw, email.message_from_bytes(raw, policy=email.policy.default)))
    return found, p


def parts(msg):
    """The layout as a nested list of content types."""
    if msg.is_multipart():
        return [msg.get_content_type(), [parts(p) for p in msg.iter_parts()]]
    return msg.get_content_type()


def check_message(label, raw, msg, to_addr, to_name, method, subject):
    expect(f"{label}: 7-bit clean", all(b < 128 for b in raw))
    lines = raw.split(b"\r\n")
    expect(f"{label}: CRLF line ends only", b"\n" not in raw.replace(b"\r\n", b""))
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    expect(f"{label}: header lines of at most 78 characters",
           all(len(l) <= 78 for l in head), [l for l in head if len(l) > 78][:1])
    expect(f"{label}: body lines of at most 998 octets", all(len(l) <= 998 for l in lines))
    expect(f"{label}: layout", parts(msg) == [
        "multipart/mixed", [["multipart/alternative", ["text/plain", "text/html", "text/calendar"]],
                            "application/ics"]], parts(msg))
    expect(f"{label}: To is the recipient alone",
           [(a.display_name, a.addr_spec) for a in msg["To"].addresses] == [(to_name, to_addr)],
           str(msg["To"]))
    expect(f"{label}: Subject", str(msg["Subject"]) == subject, str(msg["Subject"]))
    expect(f"{label}: MIME-Version and Date",
           msg["MIME-Version"] == "1.0" and "21 Nov 2022 03:06:40 +0000" in msg["Date"])
    expect(f"{label}: Message-ID in the organizer's domain",
           msg["Message-ID"].endswith("@allianz-fuer-die-region.de>"))
    alt, att = list(msg.iter_parts())
    text, html, cal = list(alt.iter_parts())
    # A cancellation or withdrawal adds a banner before the title.
    page = html.get_payload(decode=True).decode().replace("\r\n", "\n")
    page = re.sub(r'<p class="status banner" role="alert">[^<]*</p>\n', "", page, count=1)
    expect(f"{label}: the HTML part is the page agenda export writes (one renderer)",
           html.get_content_charset() == "utf-8" and HTML_PAGES and page in HTML_PAGES,
           html.get_payload()[:200])
    expect(f"{label}: text/calendar method={method}",
           cal.get_param("method") == method and cal.get_content_charset() == "utf-8")
    payload = cal.get_payload(decode=True)
    expect(f"{label}: the attachment is the same calendar",
           att.get_payload(decode=True) == payload and att.get_filename() == "invite.ics")
    ical = icalendar.Calendar.from_ical(payload)
    ev = list(ical.walk("VEVENT"))[0]
    attendees = ev.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    expect(f"{label}: the recipient is the only ATTENDEE",
           [str(a) for a in attendees] == [f"mailto:{to_addr}"], attendees)
    expect(f"{label}: METHOD {method}", str(ical["METHOD"]) == method)
    expect(f"{label}: ORGANIZER is the organizer", str(ev["ORGANIZER"]) == f"mailto:{ORG}")
    return text, ev, msg


def main():
    tmp = tempfile.mkdtemp(prefix="retrason-mail-")
    try:
        tests(tmp)
    finally:
        shutil.rmtree(tmp)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def tests(tmp):
    # The pages agenda export writes, in both languages: the HTML part
    # must be one of them, byte for byte.
    HTML_PAGES.extend(run(["agenda", "export", "-f", "html", "--lang", lang, KICKOFF]).stdout.decode()
                      for lang in ("de", "en"))
    listing = ("Erika Mustermann <erika@example.org>\n"
               "\"Müller, Hans\" <hans@example.de>\n"
               "plain@example.com\n"
               "\"Dr. O'Brien =?x?= \\\"Q\\\"\" <ob@example.net>\n")
    found, p = messages(tmp, ["invite", "send"], listing)
    expect("send: one message per recipient", len(found) == 4, len(found))
    subject = f"Einladung: {TITLE} – Mo., 5. Dez. 2022 16:00"
    people = [("erika@example.org", "Erika Mustermann"), ("hans@example.de", "Müller, Hans"),
              ("plain@example.com", ""), ("ob@example.net", "Dr. O'Brien =?x?= \"Q\"")]
    show = run(["agenda", "show", "-w", "72", "--color=never", KICKOFF]).stdout.decode()
    ids = set()
    for (raw, msg), (addr, name) in zip(found, people):
        text, ev, msg = check_message(f"send to {addr}", raw, msg, addr, name, "REQUEST",
                                      subject)
        expect(f"send to {addr}: text part is `agenda show -w 72`",
               text.get_content().replace("\r\n", "\n") == show)
        expect(f"send to {addr}: From is the organizer",
               msg["From"].addresses[0].addr_spec == ORG and "Reply-To" not in msg)
        expect(f"send to {addr}: SEQUENCE 0", int(ev["SEQUENCE"]) == 0)
        ids.add(msg["Message-ID"])
    expect("send: every Message-ID differs", len(ids) == 4)

    # Someone who has an older version (here: SEQUENCE 1) gets an update.
    uid = "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de"
    had = (f"version\t{uid}\t1\tm1:0000000000000000\t1669000000\n"
           f"sent\t{uid}\t1\tREQUEST\ta@example.org\t<1@x>\t1669000000\n")
    found, _ = messages(tmp, ["invite", "send", "--lang", "en",
                              "--from", "Assistenz <office@example.org>"], "a@example.org\n",
                        had)
    text, ev, msg = check_message("update", *found[0], "a@example.org", "", "REQUEST",
                                  f"Updated: {TITLE} – Mon 5 Dec 2022 16:00")
    expect("update: the next SEQUENCE", int(ev["SEQUENCE"]) == 2)
    # A first message is an invitation, whatever the SEQUENCE.
    found, _ = messages(tmp, ["invite", "send", "--sequence", "4"], "a@example.org\n")
    check_message("first message at SEQUENCE 4", *found[0], "a@example.org", "", "REQUEST",
                  f"Einladung: {TITLE} – Mo., 5. Dez. 2022 16:00")
    expect("--from: From: the sender, Reply-To: the organizer",
           msg["From"].addresses[0].addr_spec == "office@example.org" and
           msg["Reply-To"].addresses[0].addr_spec == ORG)
    expect("--lang en: English text part", "When" in text.get_content())

    found, _ = messages(tmp, ["invite", "cancel"], "a@example.org\n", had)
    text, ev, msg = check_message("cancel", *found[0], "a@example.org", "", "CANCEL",
                                  f"Abgesagt: {TITLE} – Mo., 5. Dez. 2022 16:00")
    expect("cancel: STATUS:CANCELLED and the next SEQUENCE",
           str(ev["STATUS"]) == "CANCELLED" and int(ev["SEQUENCE"]) == 2)
    body = text.get_content()
    expect("cancel: the text opens with the banner",
           body.startswith("ABGESAGT: Diese Veranstaltung findet nicht statt."), body[:80])
    html = list(list(msg.iter_parts())[0].iter_parts())[1].get_payload(decode=True).decode()
    expect("cancel: the HTML opens with the banner",
           re.search(r'<main class="cancelled">\s*<p class="status banner" role="alert">'
                     r'ABGESAGT: Diese', html) or
           re.search(r'<main>\s*<p class="status banner" role="alert">ABGESAGT: Diese', html),
           html[:600])

    # A withdrawal: a@ was invited and is no longer on the list.
    found, p = messages(tmp, ["invite", "send", "--remove-missing", "--lang", "en"],
                        "b@example.org\n", had)
    byto = {m["To"].addresses[0].addr_spec: (raw, m) for raw, m in found}
    expect("withdrawal: b invited, a withdrawn", sorted(byto) == ["a@example.org",
                                                                  "b@example.org"], sorted(byto))
    if "a@example.org" in byto:
        text, ev, msg = check_message("withdrawal", *byto["a@example.org"], "a@example.org", "",
                                      "CANCEL",
                                      f"Invitation withdrawn: {TITLE} – Mon 5 Dec 2022 16:00")
        expect("withdrawal: no STATUS:CANCELLED (the event goes on), a higher SEQUENCE",
               "STATUS" not in ev and int(ev["SEQUENCE"]) == 3, (ev.get("STATUS"), ev["SEQUENCE"]))
        expect("withdrawal: the text says so first",
               text.get_content().startswith("INVITATION WITHDRAWN: you are no longer invited"))

    # The mbox on standard output holds the same messages.
    lst = os.path.join(tmp, "two.txt")
    with open(lst, "w") as f:
        f.write("a@example.org\nb@example.org\n")
    p = run(["invite", "send", "--dry-run", "--to", lst, KICKOFF])
    path = os.path.join(tmp, "out.mbox")
    with open(path, "wb") as f:
        f.write(p.stdout)
    box = mailbox.mbox(path)
    got = [m["To"] for m in box]
    expect("mbox: two messages, in list order", got == ["<a@example.org>", "<b@example.org>"], got)
    body = box[0].get_payload()[0].get_payload()[0].get_payload(decode=True).decode()
    expect("mbox: the text part survives", body.replace("\r\n", "\n") == show)

    # Without --dry-run and without a server: a usage error, nothing sent.
    p = run(["invite", "send", "--to", lst, KICKOFF])
    expect("send without a server: exit 64, and what to give",
           p.returncode == 64 and b"--smtp URL" in p.stderr and not p.stdout, p.stderr)


main()
