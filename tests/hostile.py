#!/usr/bin/python3
"""Hostile input, each case with its clear error and exit status: header
and envelope injection through every field that reaches a mail (CR, LF,
bare CR, NUL, "\\r\\n.\\r\\n", words too long for a line), address forms
accepted or refused on purpose, a million items in bounded time and
memory, and output paths that are symlinks, dangling, directories or
unwritable, with no temporary file left behind."""
import email
import email.header
import email.policy
import os
import resource
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
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:800]))


def run(*args, input=None):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": TMP}
    return subprocess.run([EXE, *args], input=input, capture_output=True, env=env, timeout=300)


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


AGENDA = """Title: Kick-off
Date: 2024-03-05
Time: 10:00-12:00
Timezone: Europe/Berlin
Organizer: Ann Lee <ann@example.org>

Agenda:
10:00 | Welcome
"""


def injection():
    good_list = write("one.txt", "bob@example.org\n")
    # Through the agenda: every header field comes from Title or Organizer.
    for label, field, value in [
        ("CR in the title", "Title", b"Kick-off\rBcc: eve@example.org"),
        ("NUL in the title", "Title", b"Kick-off\x00Bcc: eve@example.org"),
        ("LF in the title (a new line: an unknown field)", "Title", b"Kick-off\nBcc: eve@example.org"),
        ("CR in the organizer", "Organizer", b"Ann <ann@example.org>\rBcc: eve@example.org"),
        ("an organizer address with a line break", "Organizer", b"Ann <ann@example.org\r\n>"),
        ("SMTP end of data in the organizer", "Organizer", b"ann@example.org\r\n.\r\nRCPT TO:<eve@example.org>"),
    ]:
        data = AGENDA.encode().replace(
            f"{field}: ".encode() + AGENDA.split(f"{field}: ")[1].split("\n")[0].encode(),
            f"{field}: ".encode() + value)
        path = write("inj.agenda", data)
        p = run("invite", "send", "--dry-run", "--to", good_list, path)
        expect(f"agenda, {label}: refused with exit 65 and its position",
               p.returncode == 65 and b"inj.agenda:" in p.stderr and b"error:" in p.stderr
               and not p.stdout, (p.returncode, p.stderr[:300]))
    # Through the distribution list: To: and RCPT TO.
    agenda = write("ok.agenda", AGENDA)
    for label, line in [
        ("CR in a name", b"Bob\rBcc: eve@example.org <bob@example.org>"),
        ("NUL in a name", b"Bob\x00 <bob@example.org>"),
        ("a CR and a command inside the address", b"bob@example.org\rRCPT TO:<eve@example.org>"),
        ("SMTP end of data", b"bob@example.org\r\n.\r\nMAIL FROM:<x@y.org>"),
        ("a bare CR in the address", b"<bob@exa\rmple.org>"),
        ("an address with '>' and a second address", b"<bob@example.org>,<eve@example.org>"),
    ]:
        lst = write("inj.txt", b"ok@example.org\n" + line + b"\n")
        p = run("invite", "send", "--dry-run", "--to", lst, agenda)
        expect(f"list, {label}: refused with exit 65, naming the file",
               p.returncode == 65 and b"inj.txt" in p.stderr and b"error:" in p.stderr
               and not p.stdout, (p.returncode, p.stderr[:300]))
    # CRLF ends a line: what follows is a line of its own, checked as a
    # recipient, and each recipient has an envelope and To: of its own.
    lst = write("crlf.txt", b"bob@example.org\r\nRCPT TO:<eve@example.org>\r\n")
    out = os.path.join(TMP, "crlf")
    os.makedirs(out)
    p = run("invite", "send", "--dry-run", "-o", out, "--to", lst, agenda)
    tos = sorted(str(email.message_from_bytes(open(os.path.join(out, f), "rb").read(),
                                              policy=email.policy.default)["To"])
                 for f in os.listdir(out))
    expect("list, CRLF then a command: two recipients, the command only a quoted name",
           p.returncode == 0 and tos == ['"RCPT TO:" <eve@example.org>', "bob@example.org"],
           (p.returncode, tos, p.stderr))
    # Through the command line: --from.
    for bad in ["ann@example.org\r\nBcc: eve@example.org", "Ann\n<ann@example.org>",
                "ann@example.org\x00"[:-1] + "\r"]:
        p = run("invite", "send", "--dry-run", "--to", good_list, "--from", bad, agenda)
        expect(f"--from {bad!r}: refused with exit 64", p.returncode == 64 and not p.stdout,
               (p.returncode, p.stderr))

    # What is allowed arrives as text, never as headers: a long word, a
    # subject that looks like a header, a line with a lone dot.
    long_word = "Transformationsstrategieentwicklungswerkstatt" * 6
    title = f"{long_word} =?UTF-8?Q?x?= Bcc: eve@example.org"
    data = AGENDA.replace("Title: Kick-off", "Title: " + title).replace(
        "Agenda:", ".\n\n.. dot lines and\n\nFrom the start\n\nAgenda:")
    path = write("long.agenda", data)
    lst = write("names.txt", '"Doe, Jane \\"JD\\"" <jane@example.org>\n'
                "Ünïcödé Ñame <u@example.org>\n" + "Very " * 30 + "Long <v@example.org>\n")
    out = os.path.join(TMP, "eml")
    os.makedirs(out)
    p = run("invite", "send", "--dry-run", "-o", out, "--to", lst, path)
    expect("dry run of the hostile-but-valid agenda: exit 0", p.returncode == 0, p.stderr)
    names = {}
    for f in sorted(os.listdir(out)):
        raw = open(os.path.join(out, f), "rb").read()
        head = raw.split(b"\r\n\r\n", 1)[0]
        lines = head.split(b"\r\n")
        expect(f"{f}: header lines within 78, folds start with a blank, 7-bit",
               all(len(l) <= 78 for l in lines) and all(l[:1] in (b" ", b"\t") or b":" in l for l in lines)
               and all(b < 0x80 for b in head) and b"\r" not in head.replace(b"\r\n", b"")
               and b"\n" not in head.replace(b"\r\n", b""), [l for l in lines if len(l) > 78])
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        expect(f"{f}: the subject decodes to the title, one Subject, no Bcc",
               title in str(msg["Subject"]) and len(msg.get_all("Subject")) == 1
               and msg["Bcc"] is None, str(msg["Subject"]))
        names[msg["To"].addresses[0].addr_spec] = msg["To"].addresses[0].display_name
        text = [part for part in msg.walk() if part.get_content_type() == "text/plain"][0]
        body = text.get_content().replace("\r\n", "\n")
        expect(f"{f}: the dot lines survive in the text", "\n.\n" in body and
               "\n.. dot lines and\n" in body and "\nFrom the start\n" in body, body[:600])
    expect("names decode exactly in To:", names == {
        "jane@example.org": 'Doe, Jane "JD"', "u@example.org": "Ünïcödé Ñame",
        "v@example.org": ("Very " * 30 + "Long").strip()}, names)

    # Over SMTP, dot-stuffing: the message after a line with a lone dot
    # arrives whole.
    server, h, port = smtp_server.start()
    h.faults = False
    try:
        p = run("invite", "send", "--to", write("b.txt", "bob@example.org\n"),
                "--smtp", f"smtp://127.0.0.1:{port}", path)
    finally:
        server.stop()
    ok = p.returncode == 0 and len(h.messages) == 1
    if ok:
        msg = email.message_from_bytes(h.messages[0][2], policy=email.policy.default)
        ok = msg.get_content_type() == "multipart/mixed" and any(
            part.get_content_type() == "application/ics" for part in msg.walk())
    expect("over SMTP: the whole message arrives despite the dot lines", ok, p.stderr)


def addresses():
    cases = [  # (line, accepted?)
        ('"Doe, Jane" <jane@example.org>', True),
        ("Jane Doe <jane.doe+events@example.org>", True),
        ("user@xn--bcher-kva.de", True),
        ('"Ann <The> Lee" <ann@example.org>', True),
        ('"john doe"@example.org', False),
        ("jane@example.org (Jane Doe)", False),
        ("user@bücher.de", False),
        ("jörg@example.de", False),
        ("user@[192.0.2.1]", False),
        ("<@relay.example:user@example.org>", False),
        ('Jane "Q" Doe <q@example.org>', False),
    ]
    for line, ok in cases:
        lst = write("addr.txt", line + "\n")
        p = run("invite", "ics", "--to", lst, write("a.agenda", AGENDA))
        if ok:
            expect(f"address {line!r}: accepted", p.returncode == 0, p.stderr)
        else:
            expect(f"address {line!r}: refused with its position",
                   p.returncode == 65 and b"addr.txt:1:" in p.stderr, (p.returncode, p.stderr))
    p = run("invite", "ics", "--to", write("idn.txt", "user@bücher.de\n"), write("a.agenda", AGENDA))
    expect("an international domain: the hint names the xn-- form", b"xn--" in p.stderr, p.stderr)


def size():
    path = os.path.join(TMP, "million.agenda")
    with open(path, "w") as out:
        out.write("Title: A very long year\nDate: 2024-01-01..2024-12-31\nTime: 00:00-24:00\n"
                  "Timezone: UTC\nUID: long@example.org\n\nAgenda:\n")
        n, day = 0, 0
        while n < 1_000_000:
            out.write("[2024-%02d-%02d]\n" % divmod(0, 1) if False else "")
            d = time.gmtime(time.mktime((2024, 1, 1 + day, 12, 0, 0, 0, 0, 0)))
            out.write(f"[{d.tm_year:04d}-{d.tm_mon:02d}-{d.tm_mday:02d}]\n")
            for m in range(1440):
                for k in range(2):
                    if n < 1_000_000:
                        out.write(f"{m // 60:02d}:{m % 60:02d} | Session {n} | Speaker {n % 97} | Room {k}\n")
                        n += 1
            day += 1
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.monotonic()
    p = run("agenda", "check", path)
    took = time.monotonic() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    expect(f"a million items: checked in {took:.1f} s (bound 60 s), {rss // 1024} MiB (bound 1 GiB)",
           p.returncode == 0 and took < 60 and rss < 1024 * 1024, (p.returncode, p.stderr[:300], took, rss, before))
    t = time.monotonic()
    with open(os.devnull, "wb") as null:
        q = subprocess.run([EXE, "agenda", "ics", "--items", path], stdout=null,
                           stderr=subprocess.PIPE, env={"TZ": "UTC"}, timeout=300)
    took = time.monotonic() - t
    expect(f"a million items as iCalendar: {took:.1f} s (bound 120 s)", q.returncode == 0 and took < 120,
           q.stderr[:300])
    os.unlink(path)
    # A 10 MB line: refused with its position, fast, and the report
    # shows a window of it, not 10 MB.
    path = write("long-line.agenda", b"Title: " + b"x" * 10_000_000 + b"\nDate: 2024-01-02\n")
    t = time.monotonic()
    p = run("agenda", "check", path)
    expect("a 10 MB line: exit 65, a short report, quickly",
           p.returncode == 65 and len(p.stderr) < 4000 and time.monotonic() - t < 20,
           (p.returncode, len(p.stderr)))


def outputs():
    agenda = write("k.agenda", AGENDA)
    d = os.path.join(TMP, "out")
    os.makedirs(d)
    real = os.path.join(d, "real.ics")
    with open(real, "w") as f:
        f.write("old")
    os.chmod(real, 0o640)
    os.symlink("real.ics", os.path.join(d, "link.ics"))
    os.symlink("nowhere.ics", os.path.join(d, "dangling.ics"))
    os.makedirs(os.path.join(d, "folder.ics"))

    p = run("agenda", "ics", "-o", os.path.join(d, "link.ics"), agenda)
    expect("-o through a symlink: writes the file it points to, keeps the link and the mode",
           p.returncode == 0 and os.path.islink(os.path.join(d, "link.ics"))
           and open(real).read().startswith("BEGIN:VCALENDAR")
           and (os.stat(real).st_mode & 0o777) == 0o640, p.stderr)
    p = run("agenda", "export", "-f", "json", "-o", os.path.join(d, "dangling.ics"), agenda)
    expect("-o to a dangling symlink: exit 73, nothing made",
           p.returncode == 73 and b"cannot create" in p.stderr
           and not os.path.exists(os.path.join(d, "nowhere.ics")), p.stderr)
    p = run("agenda", "ics", "-o", os.path.join(d, "folder.ics"), agenda)
    expect("-o to a directory: exit 73 before writing", p.returncode == 73
           and b"Is a directory" in p.stderr, p.stderr)
    p = run("invite", "ics", "--to", write("l.txt", "a@example.org\n"), "-o",
            "/proc/self/retrason-test.ics", agenda)
    expect("-o where nothing can be created: exit 73", p.returncode == 73, p.stderr)
    p = run("invite", "send", "--dry-run", "-o", real, "--to", write("l.txt", "a@example.org\n"), agenda)
    expect("--dry-run -o to a file, not a folder: refused", p.returncode in (64, 73) and p.stderr,
           (p.returncode, p.stderr))
    left = [f for f in os.listdir(d) if f.startswith(".")]
    expect("no temporary files left behind", not left, left)


def main():
    global TMP
    TMP = tempfile.mkdtemp(prefix="retrason-hostile-")
    try:
        injection()
        addresses()
        outputs()
        size()
    finally:
        shutil.rmtree(TMP)
    print(f"{results.count(True)} passed, {results.count(False)} failed")
    sys.exit(0 if all(results) else 1)


main()
