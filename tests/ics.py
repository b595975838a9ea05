#!/usr/bin/python3
"""iCalendar output, read back by two independent parsers — libical
(tests/ical/readback.c) and python3-icalendar — and by a calendar
program (calcurse), checked against what each agenda means: the UTC
instant of every start and end (computed here with Python's zoneinfo),
summaries, attendees, the VTIMEZONE's offsets around DST changes, and
the file's shape (CRLF, 75-octet lines, UTF-8 kept whole)."""
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

import icalendar

EXE = os.environ["RETRASON"]
READBACK = os.environ["RETRASON_READBACK"]
LIBICAL_FOLD = os.environ["RETRASON_LIBICAL_FOLD"]
SRC = os.environ["RETRASON_SRCDIR"]
EPOCH = 1669000000
UTC = dt.timezone.utc
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


def run(args, stdin=None, env_extra=None):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": str(EPOCH),
           "PATH": "/usr/bin:/bin"}
    env.update(env_extra or {})
    return subprocess.run([EXE] + args, input=stdin, capture_output=True, env=env)


def utc(zone, y, mo, d, h, mi):
    return dt.datetime(y, mo, d, h, mi, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def shape(name, raw):
    """CRLF only, at most 75 octets a line, no UTF-8 character split."""
    lines = raw.split(b"\r\n")
    expect(f"{name}: ends with CRLF", raw.endswith(b"\r\n"))
    expect(f"{name}: no bare LF or CR", all(b"\n" not in l and b"\r" not in l for l in lines))
    too_long = [l for l in lines if len(l) > 75]
    expect(f"{name}: lines of at most 75 octets", not too_long, too_long[:1])
    split = []
    for l in lines:
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            split.append(l)
    expect(f"{name}: no line splits a UTF-8 character", not split, split[:1])


def to_utc(prop, cal):
    """A DTSTART/DTEND as UTC, through the file's own VTIMEZONE."""
    v = prop.dt
    if not isinstance(v, dt.datetime):
        return v
    tzid = prop.params.get("TZID")
    if tzid:
        vtz = [c for c in cal.walk("VTIMEZONE") if str(c["TZID"]) == tzid]
        if not vtz:
            return "no VTIMEZONE for " + tzid
        tz = vtz[0].to_tz()
        return tz.localize(v.replace(tzinfo=None)).astimezone(UTC)
    return v.astimezone(UTC)


def readback(path):
    p = subprocess.run([READBACK, path], capture_output=True, text=True)
    return p.returncode, p.stdout


def readback_bytes(raw):
    """libical's reading of a calendar given as bytes."""
    with tempfile.NamedTemporaryFile(suffix=".ics") as f:
        f.write(raw)
        f.flush()
        return readback(f.name)


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(t, dt.datetime) else t.isoformat()


def check_calendar(name, raw, events, zone):
    """events: [(summary, start, end)] in file order, UTC or dates."""
    shape(name, raw)
    cal = icalendar.Calendar.from_ical(raw)
    vevents = list(cal.walk("VEVENT"))
    expect(f"{name}: {len(events)} events (python)", len(vevents) == len(events), len(vevents))
    for ev, (summary, start, end) in zip(vevents, events):
        expect(f"{name}: SUMMARY {summary[:30]!r}", str(ev["SUMMARY"]) == summary, ev["SUMMARY"])
        got = to_utc(ev["DTSTART"], cal)
        expect(f"{name}: {summary[:20]!r} starts {fmt(start)} (python)", got == start, got)
        got_end = to_utc(ev["DTEND"], cal) if "DTEND" in ev else None
        expect(f"{name}: {summary[:20]!r} ends {fmt(end) if end else 'open'} (python)",
               got_end == end, got_end)
        expect(f"{name}: DTSTAMP is SOURCE_DATE_EPOCH",
               ev["DTSTAMP"].dt == dt.datetime.fromtimestamp(EPOCH, UTC))
    if zone and zone != "UTC":
        tzids = [str(c["TZID"]) for c in cal.walk("VTIMEZONE")]
        expect(f"{name}: one VTIMEZONE named {zone}", tzids == [zone], tzids)
    rc, out = readback_bytes(raw)
    expect(f"{name}: libical reads it without errors", rc == 0, out[-300:])
    lib_events = out.split("VEVENT ")[1:]
    expect(f"{name}: {len(events)} events (libical)", len(lib_events) == len(events))
    for block, (summary, start, end) in zip(lib_events, events):
        lines = dict(l.split(" ", 1) for l in block.splitlines()[1:] if " " in l)
        expect(f"{name}: {summary[:20]!r} starts {fmt(start)} (libical)",
               lines.get("DTSTART") == fmt(start), lines.get("DTSTART"))
        if end:
            expect(f"{name}: {summary[:20]!r} ends {fmt(end)} (libical)",
                   lines.get("DTEND") == fmt(end), lines.get("DTEND"))
    return cal, out


def check_offsets(name, cal, zone, instants):
    """The file's VTIMEZONE gives the zone's real offset at each instant."""
    vtz = [c for c in cal.walk("VTIMEZONE")][0].to_tz()
    for t in instants:
        local_ours = t.astimezone(vtz).utcoffset()
        local_real = t.astimezone(ZoneInfo(zone)).utcoffset()
        expect(f"{name}: offset at {fmt(t)} is {local_real}", local_ours == local_real,
               local_ours)


def agenda(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    tmp = tempfile.mkdtemp(prefix="retrason-ics-")
    try:
        tests(tmp)
    finally:
        shutil.rmtree(tmp)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def tests(tmp):
    B = "Europe/Berlin"
    kickoff = os.path.join(SRC, "examples", "kickoff.agenda")
    title = ("Workshop zur „Strategiebildung für die infrastrukturelle Transformation "
             "in SüdOstNiedersachsen“")

    # 1. The kick-off, with and without its items.
    p = run(["agenda", "ics", kickoff])
    expect("kickoff: exit 0", p.returncode == 0, p.stderr)
    cal, _ = check_calendar("kickoff", p.stdout, [
        (title, utc(B, 2022, 12, 5, 16, 0), utc(B, 2022, 12, 5, 18, 0))], B)
    ev = list(cal.walk("VEVENT"))[0]
    expect("kickoff: METHOD:PUBLISH", str(cal["METHOD"]) == "PUBLISH")
    expect("kickoff: PRODID names retrason", "retrason" in str(cal["PRODID"]))
    expect("kickoff: UID from the file",
           str(ev["UID"]) == "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de")
    expect("kickoff: ORGANIZER with CN",
           str(ev["ORGANIZER"]) == "mailto:retrason@allianz-fuer-die-region.de" and
           ev["ORGANIZER"].params["CN"] == "Regionales Transformationsnetzwerk ReTraSON")
    desc = str(ev["DESCRIPTION"])
    for part in ["Prof. Dr. Michael Ortgiese", "16:10–16:30 Impulsvortrag",
                 "18:00 Networking", "Frankfurter Straße 284", "0531 / 1218 - 165",
                 "Das Regionale Transformationsnetzwerk"]:
        expect(f"kickoff: DESCRIPTION holds {part!r}", part in desc)
    expect("kickoff: LOCATION is venue and address", str(ev["LOCATION"]) ==
           "Lilienthalhaus am Forschungsflughafen Braunschweig, Lilienthalplatz 1, "
           "38108 Braunschweig")
    expect("kickoff: LANGUAGE=de on SUMMARY", ev["SUMMARY"].params.get("LANGUAGE") == "de")
    expect("kickoff: CONTACT has phone and e-mail",
           "0531 / 1218 - 165" in str(ev["CONTACT"]) and "retrason@" in str(ev["CONTACT"]))
    expect("kickoff: STATUS:CONFIRMED", str(ev["STATUS"]) == "CONFIRMED")
    expect("kickoff: SEQUENCE:0", int(ev["SEQUENCE"]) == 0)
    check_offsets("kickoff", cal, B, [dt.datetime(2022, m, d, h, tzinfo=UTC) for m, d, h in
                                      [(3, 27, 0), (3, 27, 2), (10, 30, 0), (10, 30, 2),
                                       (12, 5, 15), (7, 1, 12)]])

    p = run(["agenda", "ics", "--items", kickoff])
    items = [
        (title, utc(B, 2022, 12, 5, 16, 0), utc(B, 2022, 12, 5, 18, 0)),
        ("Grußwort und Auftakt der Werkstatt", utc(B, 2022, 12, 5, 16, 0), utc(B, 2022, 12, 5, 16, 10)),
        ("Impulsvortrag und Diskussion „Regionaler Strukturwandel als Spiegelbild einer neuen "
         "Mobilitätskultur“", utc(B, 2022, 12, 5, 16, 10), utc(B, 2022, 12, 5, 16, 30)),
        ("Kick-Off zur gemeinsamen Strategieentwicklung für infrastrukturelle Transformation",
         utc(B, 2022, 12, 5, 16, 30), utc(B, 2022, 12, 5, 17, 50)),
        ("Abschluss", utc(B, 2022, 12, 5, 17, 50), utc(B, 2022, 12, 5, 18, 0)),
        ("Networking", utc(B, 2022, 12, 5, 18, 0), None),
    ]
    cal, _ = check_calendar("kickoff --items", p.stdout, items, B)
    evs = list(cal.walk("VEVENT"))
    uids = [str(e["UID"]) for e in evs]
    expect("--items: every UID differs", len(set(uids)) == len(uids))
    expect("--items: items are RELATED-TO the event",
           all(str(e["RELATED-TO"]) == uids[0] for e in evs[1:]))
    expect("--items: item speakers in DESCRIPTION",
           str(evs[2]["DESCRIPTION"]) == "Prof. Dr. Michael Ortgiese")
    p2 = run(["agenda", "ics", "--items", kickoff])
    expect("--items: the same file twice gives the same bytes", p.stdout == p2.stdout)

    # 2. DST changes: spring forward and fall back, during the event.
    spring = agenda(tmp, "spring.agenda",
                    "Title: Nacht der Zeitumstellung\nDate: 2024-03-31\nTime: 01:00-04:00\n"
                    "Timezone: Europe/Berlin\nUID: spring@example.org\n\nAgenda:\n"
                    "01:00 | Vorher\n03:30 | Nachher\n")
    p = run(["agenda", "ics", "--items", spring])
    cal, _ = check_calendar("DST spring", p.stdout, [
        ("Nacht der Zeitumstellung", dt.datetime(2024, 3, 31, 0, 0, tzinfo=UTC),
         dt.datetime(2024, 3, 31, 2, 0, tzinfo=UTC)),
        ("Vorher", dt.datetime(2024, 3, 31, 0, 0, tzinfo=UTC),
         dt.datetime(2024, 3, 31, 1, 30, tzinfo=UTC)),
        ("Nachher", dt.datetime(2024, 3, 31, 1, 30, tzinfo=UTC),
         dt.datetime(2024, 3, 31, 2, 0, tzinfo=UTC))], B)
    check_offsets("DST spring", cal, B, [dt.datetime(2024, 3, 31, 0, 59, tzinfo=UTC),
                                         dt.datetime(2024, 3, 31, 1, 0, tzinfo=UTC),
                                         dt.datetime(2024, 10, 27, 0, 59, tzinfo=UTC),
                                         dt.datetime(2024, 10, 27, 1, 0, tzinfo=UTC)])
    autumn = agenda(tmp, "autumn.agenda",
                    "Title: Fall back\nDate: 2024-11-03\nTime: 00:30-03:00\n"
                    "Timezone: America/New_York\nUID: fall@example.org\n")
    p = run(["agenda", "ics", autumn])
    cal, _ = check_calendar("DST autumn (New York)", p.stdout, [
        ("Fall back", utc("America/New_York", 2024, 11, 3, 0, 30),
         dt.datetime(2024, 11, 3, 8, 0, tzinfo=UTC))], "America/New_York")
    check_offsets("DST autumn (New York)", cal, "America/New_York",
                  [dt.datetime(2024, 11, 3, 5, 59, tzinfo=UTC),
                   dt.datetime(2024, 11, 3, 6, 0, tzinfo=UTC)])

    # 3. Overnight: ends the next day.
    night = agenda(tmp, "night.agenda",
                   "Title: Lange Nacht\nDate: 2024-06-14\nTime: 22:00-02:00\n"
                   "Timezone: Europe/Berlin\nUID: night@example.org\n\nAgenda:\n"
                   "22:00 | Einlass\n00:30 | Mitternacht\n")
    p = run(["agenda", "ics", "--items", night])
    check_calendar("overnight", p.stdout, [
        ("Lange Nacht", utc(B, 2024, 6, 14, 22, 0), utc(B, 2024, 6, 15, 2, 0)),
        ("Einlass", utc(B, 2024, 6, 14, 22, 0), utc(B, 2024, 6, 15, 0, 30)),
        ("Mitternacht", utc(B, 2024, 6, 15, 0, 30), utc(B, 2024, 6, 15, 2, 0))], B)

    # 3b. An item past midnight in a daytime event ends the next day.
    hack = agenda(tmp, "hack.agenda",
                  "Title: Workshop\nDate: 2024-10-26\nTime: 09:00-18:00\n"
                  "Timezone: Europe/Berlin\nUID: hack@example.org\n\nAgenda:\n"
                  "09:00-17:00 | Sessions\n20:00-04:00 | Hackathon | | Lab\n")
    p = run(["agenda", "ics", "--items", hack])
    check_calendar("item past midnight", p.stdout, [
        ("Workshop", utc(B, 2024, 10, 26, 9, 0), utc(B, 2024, 10, 26, 18, 0)),
        ("Sessions", utc(B, 2024, 10, 26, 9, 0), utc(B, 2024, 10, 26, 17, 0)),
        # The night the clocks go back: 04:00 CET, nine hours on.
        ("Hackathon", utc(B, 2024, 10, 26, 20, 0), utc(B, 2024, 10, 27, 4, 0))], B)

    # 3c. A time the clocks repeat: the item's event in UTC, the first
    # occurrence, which every reader then agrees on (in the zone's form
    # ical.js, python-icalendar and khal take the second).
    ny = "America/New_York"
    fold = agenda(tmp, "fold.agenda",
                  "Title: Fold\nDate: 2024-11-03\nTime: 00:30-03:00\n"
                  f"Timezone: {ny}\nUID: fold@example.org\n\nAgenda:\n"
                  "00:30 | Start\n01:30-02:00 | Twice\n")
    p = run(["agenda", "ics", "--items", fold])
    first = dt.datetime(2024, 11, 3, 5, 30, tzinfo=UTC)  # 01:30 EDT
    check_calendar("repeated hour", p.stdout, [
        ("Fold", utc(ny, 2024, 11, 3, 0, 30), utc(ny, 2024, 11, 3, 3, 0)),
        ("Start", utc(ny, 2024, 11, 3, 0, 30), first),
        ("Twice", first, utc(ny, 2024, 11, 3, 2, 0))], ny)
    expect("repeated hour: written in UTC", b"DTSTART:20241103T053000Z" in p.stdout, p.stdout)
    one = agenda(tmp, "fold1.agenda",
                 f"Title: Night\nDate: 2024-11-03\nTime: 01:30-04:00\nTimezone: {ny}\n"
                 "UID: fold1@example.org\n")
    p = run(["agenda", "ics", one])
    check_calendar("repeated hour, the event itself", p.stdout, [
        ("Night", first, utc(ny, 2024, 11, 3, 4, 0))], ny)

    # 4. All day: dates, the end exclusive.
    allday = agenda(tmp, "allday.agenda",
                    "Title: Tag der offenen Tür\nDate: 2024-05-01\nUID: tag@example.org\n"
                    "Reminder: 1 day\n")
    p = run(["agenda", "ics", allday])
    cal, _ = check_calendar("all-day", p.stdout, [
        ("Tag der offenen Tür", dt.date(2024, 5, 1), dt.date(2024, 5, 2))], None)
    ev = list(cal.walk("VEVENT"))[0]
    expect("all-day: no VTIMEZONE", not list(cal.walk("VTIMEZONE")))
    alarms = list(ev.walk("VALARM"))
    expect("all-day: a VALARM one day before",
           len(alarms) == 1 and alarms[0]["TRIGGER"].dt == -dt.timedelta(days=1))

    # 5. Three days with rooms: one entry a day.
    conf = agenda(tmp, "conf.agenda",
                  "Title: Mobility Days\nDate: 2024-09-17..2024-09-19\nTime: 09:00-17:00\n"
                  "Timezone: Europe/Berlin\nLocation: Stadthalle\nUID: md@example.org\n"
                  "Categories: Konferenz, Mobilität\n\nAgenda:\n"
                  "[2024-09-17] Opening\n10:00-11:00 | Keynote | Dr. Anna Schmidt | Großer Saal\n"
                  "[2024-09-18]\n09:00 | Workshop A | | Raum 1\n09:00 | Workshop B | | Raum 2\n"
                  "12:00 | Lunch\n[2024-09-19]\n16:00 | Farewell\n")
    p = run(["agenda", "ics", "--items", conf])
    cal, out = check_calendar("conference", p.stdout, [
        ("Mobility Days", utc(B, 2024, 9, 17, 9, 0), utc(B, 2024, 9, 17, 17, 0)),
        ("Keynote", utc(B, 2024, 9, 17, 10, 0), utc(B, 2024, 9, 17, 11, 0)),
        ("Workshop A", utc(B, 2024, 9, 18, 9, 0), utc(B, 2024, 9, 18, 12, 0)),
        ("Workshop B", utc(B, 2024, 9, 18, 9, 0), utc(B, 2024, 9, 18, 12, 0)),
        ("Lunch", utc(B, 2024, 9, 18, 12, 0), utc(B, 2024, 9, 18, 17, 0)),
        ("Farewell", utc(B, 2024, 9, 19, 16, 0), utc(B, 2024, 9, 19, 17, 0))], B)
    ev = list(cal.walk("VEVENT"))[0]
    rrule = ev["RRULE"]
    expect("conference: RRULE daily, 3 times", rrule["FREQ"] == ["DAILY"] and rrule["COUNT"] == [3])
    expect("conference: RRULE seen by libical", "RRULE FREQ=DAILY;COUNT=3" in out)
    evs = list(cal.walk("VEVENT"))
    expect("conference: room and venue in an item's LOCATION",
           str(evs[1]["LOCATION"]) == "Großer Saal, Stadthalle")
    expect("conference: parallel items get their own UIDs",
           str(evs[2]["UID"]) != str(evs[3]["UID"]))
    expect("conference: CATEGORIES", "Konferenz" in p.stdout.decode() and "Mobilität" in p.stdout.decode())

    # 6. Escaping and folding of hostile text.
    nasty = "Budget, Planung; Q1\\Q2 — 予算会議と来年度の計画について話し合う長い会議の題名です ÄÖÜ"
    esc = agenda(tmp, "esc.agenda",
                 f"Title: {nasty}\nDate: 2024-01-15\nTime: 10:00-11:00\nTimezone: Asia/Tokyo\n"
                 f"Location: Raum 1, Haus \"B\"; EG\nUID: esc@example.org\n"
                 f"X-Custom-Note: a, b; c\nCategories: Work; play, Team\n")
    p = run(["agenda", "ics", esc])
    cal, _ = check_calendar("escaping", p.stdout, [
        (nasty, utc("Asia/Tokyo", 2024, 1, 15, 10, 0), utc("Asia/Tokyo", 2024, 1, 15, 11, 0))],
        "Asia/Tokyo")
    ev = list(cal.walk("VEVENT"))[0]
    expect("escaping: LOCATION round-trips", str(ev["LOCATION"]) == 'Raum 1, Haus "B"; EG',
           ev["LOCATION"])
    expect("escaping: X- field kept", "X-CUSTOM-NOTE" in ev, list(ev.keys()))
    # TEXT escaping (RFC 5545 3.3.11) in X- fields and CATEGORIES too,
    # which libical 3.0.16 leaves bare.
    expect("escaping: X- value escaped as TEXT",
           b"X-CUSTOM-NOTE:a\\, b\\; c\r\n" in p.stdout, p.stdout)
    expect("escaping: X- value read back", str(ev["X-CUSTOM-NOTE"]) == "a, b; c",
           ev["X-CUSTOM-NOTE"])
    cats = ev["CATEGORIES"] if isinstance(ev["CATEGORIES"], list) else [ev["CATEGORIES"]]
    got = [str(v) for c in cats for v in c.cats]
    expect("escaping: CATEGORIES 'Work; play' stays one", got == ["Work; play", "Team"], got)
    expect("escaping: CATEGORIES escaped as TEXT", b"CATEGORIES:Work\\; play\r\n" in p.stdout)

    # A double quote in a name: RFC 6868's ^' in the CN, which libical
    # (and ical.js) decode back to the quote; it used to become '.
    quoted = agenda(tmp, "quoted.agenda",
                    "Title: Q\nDate: 2024-01-15\nTime: 10:00-11:00\nTimezone: UTC\n"
                    "UID: q@example.org\nOrganizer: \"Jane \\\"JD\\\" Doe\" <jane@example.org>\n")
    p = run(["agenda", "ics", quoted])
    expect("CN with a quote: RFC 6868 ^'",
           b"ORGANIZER;CN=Jane ^'JD^' Doe:mailto:jane@example.org" in p.stdout, p.stdout)
    rc, out = readback_bytes(p.stdout)
    expect("CN with a quote: libical reads the quotes back",
           'ORGANIZER-CN Jane "JD" Doe' in out, out)
    # A ^ of the name is ^^, or "^n" in it would come back a line break.
    caret = agenda(tmp, "caret.agenda",
                   "Title: Q\nDate: 2024-01-15\nTime: 10:00-11:00\nTimezone: UTC\n"
                   "UID: q@example.org\nOrganizer: \"Jane^nDoe ^^x\" <jane@example.org>\n")
    p = run(["agenda", "ics", caret])
    rc, out = readback_bytes(p.stdout)
    expect("CN with a caret: libical reads the name as written",
           "ORGANIZER-CN Jane^nDoe ^^x\n" in out, out)

    # Items' events are written without libical: the same escaping,
    # folding and parameters must come back out.
    room = 'Saal "Ost", 2. OG; links\\hinten'
    esc = agenda(tmp, "esc-items.agenda",
                 f"Title: Items\nDate: 2024-01-15\nTime: 10:00-12:00\nTimezone: Asia/Tokyo\n"
                 f"Language: de-CH-1901-x-private\nLocation: Haus B, EG\nUID: a,b;c@example.org\n\n"
                 f"Agenda:\n10:00 | {nasty} | Ann Smith; Bo, Jr. | {room}\n"
                 f"    Notiz: a, b; c \\ d\n"
                 f"11:00 | {'Ölmühle ' * 12}|\n")
    p = run(["agenda", "ics", "--items", esc])
    cal, _ = check_calendar("escaping, items", p.stdout, [
        ("Items", utc("Asia/Tokyo", 2024, 1, 15, 10, 0), utc("Asia/Tokyo", 2024, 1, 15, 12, 0)),
        (nasty, utc("Asia/Tokyo", 2024, 1, 15, 10, 0), utc("Asia/Tokyo", 2024, 1, 15, 11, 0)),
        (("Ölmühle " * 12).strip(), utc("Asia/Tokyo", 2024, 1, 15, 11, 0),
         utc("Asia/Tokyo", 2024, 1, 15, 12, 0))],
        "Asia/Tokyo")
    evs = list(cal.walk("VEVENT"))
    it = evs[1]
    expect("escaping, items: LOCATION round-trips",
           str(it["LOCATION"]) == room + ", Haus B, EG", it.get("LOCATION"))
    expect("escaping, items: speakers and notes in DESCRIPTION",
           "Ann Smith" in str(it["DESCRIPTION"]) and "Bo, Jr." in str(it["DESCRIPTION"])
           and "Notiz: a, b; c \\ d" in str(it["DESCRIPTION"]), it.get("DESCRIPTION"))
    expect("escaping, items: LANGUAGE on SUMMARY, LOCATION and DESCRIPTION",
           all(it[k].params.get("LANGUAGE") == "de-CH-1901-x-private"
               for k in ("SUMMARY", "LOCATION", "DESCRIPTION")), it.to_ical()[:300])
    expect("escaping, items: UID and RELATED-TO carry the event's UID",
           str(evs[0]["UID"]) == "a,b;c@example.org" and
           all(str(e["RELATED-TO"]) == "a,b;c@example.org" and str(e["UID"]).endswith(".a,b;c@example.org")
               for e in evs[1:]), [str(e.get("UID")) for e in evs])

    # 7. UTC: times with Z, no VTIMEZONE.
    z = agenda(tmp, "utc.agenda", "Title: Call\nDate: 2024-02-29\nTime: 23:30-00:30\n"
               "Timezone: UTC\nUID: call@example.org\n")
    p = run(["agenda", "ics", z])
    cal, _ = check_calendar("UTC", p.stdout, [
        ("Call", dt.datetime(2024, 2, 29, 23, 30, tzinfo=UTC),
         dt.datetime(2024, 3, 1, 0, 30, tzinfo=UTC))], "UTC")
    expect("UTC: no VTIMEZONE", not list(cal.walk("VTIMEZONE")))

    # 8. Identity: derived UIDs are stable, and survive changes of time and place.
    base = "Title: Stammtisch\nDate: 2024-04-04\nTime: 19:00-21:00\nTimezone: Europe/Berlin\n" \
           "Organizer: Jane <jane@example.org>\n"
    uid = lambda text: str(list(icalendar.Calendar.from_ical(
        run(["agenda", "ics", "-"], stdin=text.encode()).stdout).walk("VEVENT"))[0]["UID"])
    u1 = uid(base)
    expect("UID: derived, in the organizer's domain", u1.endswith("@example.org") and len(u1) > 30, u1)
    expect("UID: the same on every run", uid(base) == u1)
    expect("UID: kept when time and place change",
           uid(base.replace("19:00-21:00", "18:00-20:00") + "Location: Kneipe\n") == u1)
    expect("UID: a new title is a new event", uid(base.replace("Stammtisch", "Treffen")) != u1)
    p = run(["agenda", "check", "-"], stdin=base.encode())
    expect("UID: check warns when there is none",
           p.returncode == 0 and b"no 'UID:'" in p.stderr and u1.encode() in p.stderr, p.stderr)

    # 9. Invitations.
    lst = agenda(tmp, "list.txt", "# the team\nJane Doe <jane@example.org>\n"
                 "\"Müller, Hans\" <hans@example.de>\n\nbob@example.com\n"
                 "JANE@example.org\n")
    p = run(["invite", "ics", "--to", lst, "--sequence", "2", kickoff])
    expect("invite: exit 0", p.returncode == 0, p.stderr)
    expect("invite: duplicate address reported", b"jane@example.org is already on line 2" in
           p.stderr.replace(b"JANE", b"jane"), p.stderr)
    cal, out = check_calendar("invite", p.stdout, [
        (title, utc(B, 2022, 12, 5, 16, 0), utc(B, 2022, 12, 5, 18, 0))], B)
    ev = list(cal.walk("VEVENT"))[0]
    att = ev["ATTENDEE"]
    att = att if isinstance(att, list) else [att]
    expect("invite: METHOD:REQUEST", str(cal["METHOD"]) == "REQUEST")
    expect("invite: every recipient once as ATTENDEE",
           [str(a) for a in att] == ["mailto:jane@example.org", "mailto:hans@example.de",
                                     "mailto:bob@example.com"], att)
    expect("invite: ATTENDEE parameters", all(
        a.params.get("ROLE") == "REQ-PARTICIPANT" and a.params.get("PARTSTAT") == "NEEDS-ACTION"
        and a.params.get("RSVP") == "TRUE" for a in att))
    expect("invite: CN kept, comma and umlaut included", att[1].params.get("CN") == "Müller, Hans")
    expect("invite: SEQUENCE as given", int(ev["SEQUENCE"]) == 2)
    expect("invite: no VALARM", "ALARMS 0" in out)
    expect("invite: libical sees the attendees", "ATTENDEE mailto:hans@example.de" in out)
    p = run(["invite", "ics", "--to", lst, "--sequence", "2", "--cancel", kickoff])
    cal = icalendar.Calendar.from_ical(p.stdout)
    ev = list(cal.walk("VEVENT"))[0]
    expect("cancel: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE as given",
           str(cal["METHOD"]) == "CANCEL" and str(ev["STATUS"]) == "CANCELLED" and
           int(ev["SEQUENCE"]) == 2)
    shape("cancel", p.stdout)

    p = run(["invite", "ics", "--to", "-", kickoff], stdin=b"Anna <anna@example.org>\n")
    att = list(icalendar.Calendar.from_ical(p.stdout).walk("VEVENT"))[0]["ATTENDEE"]
    expect("invite: the list from standard input", str(att) == "mailto:anna@example.org", att)

    noorg = agenda(tmp, "noorg.agenda", "Title: x\nDate: 2024-01-02\nUID: x@y.z\n")
    p = run(["invite", "ics", "--to", lst, noorg])
    expect("invite: no Organizer is exit 65", p.returncode == 65 and b"Organizer" in p.stderr)
    badlist = agenda(tmp, "bad.txt", "ok@example.org\nEve <eve@@x.org>\n")
    p = run(["invite", "ics", "--to", badlist, kickoff])
    expect("invite: a malformed list line is reported at its place, exit 65",
           p.returncode == 65 and b"bad.txt:2:9: error:" in p.stderr and not p.stdout, p.stderr)

    # 10. -o writes atomically, and nothing is left behind on failure.
    out_path = os.path.join(tmp, "out", "kickoff.ics")
    os.makedirs(os.path.dirname(out_path))
    with open(out_path, "w") as f:
        f.write("old")
    p = run(["agenda", "ics", "-o", out_path, kickoff])
    with open(out_path, "rb") as f:
        written = f.read()
    expect("-o: the file is the calendar", p.returncode == 0 and
           written == run(["agenda", "ics", kickoff]).stdout and not p.stdout)
    expect("-o: no temporary file left", os.listdir(os.path.dirname(out_path)) == ["kickoff.ics"])
    p = run(["agenda", "ics", "-o", os.path.join(tmp, "missing", "x.ics"), kickoff])
    expect("-o into a missing folder: exit 73", p.returncode == 73, p.returncode)
    bad_agenda = agenda(tmp, "broken.agenda", "Title: x\nDate: 2024-02-30\n")
    p = run(["agenda", "ics", "-o", out_path, bad_agenda])
    with open(out_path, "rb") as f:
        expect("a bad agenda leaves the old output untouched",
               p.returncode == 65 and f.read() == written)
    expect("no temporary file left after a refusal",
           os.listdir(os.path.dirname(out_path)) == ["kickoff.ics"])

    # 11. A long programme: DESCRIPTION is written in pieces (64 KiB at a
    # time); it must read back whole, every item in order.
    big = os.path.join(tmp, "big.agenda")
    with open(big, "w") as f:
        subprocess.run([sys.executable, os.path.join(SRC, "bench", "gen-agenda.py"), "2000"],
                       stdout=f, check=True)
    p = run(["agenda", "ics", big])
    shape("2,000 items", p.stdout)
    cal = icalendar.Calendar.from_ical(p.stdout)
    desc = str(list(cal.walk("VEVENT"))[0]["DESCRIPTION"]).split("\n")
    item_lines = [l for l in desc if l[:2].isdigit() and "Vortrag Nummer" in l]
    expect("2,000 items: every item once in DESCRIPTION, in order",
           [int(l.split("Nummer ")[1].split()[0]) for l in item_lines] == list(range(2000)),
           len(item_lines))
    expect("2,000 items: the notes too",
           sum(1 for l in desc if l == "  Folien und Aufzeichnung folgen im Anschluss") == 667)
    rc, out = readback_bytes(p.stdout)
    expect("2,000 items: libical reads it", rc == 0, out[-200:])

    # 12. A real calendar program imports it at the right times.
    if shutil.which("calcurse") is None:
        expect("calcurse is installed (apt-get install calcurse)", False)
        return
    ics_path = os.path.join(tmp, "k.ics")
    with open(ics_path, "wb") as f:
        f.write(run(["agenda", "ics", "--items", kickoff]).stdout)
    for tz, first in (("Europe/Berlin", "16:00 -> 18:00"), ("UTC", "15:00 -> 17:00"),
                      ("America/New_York", "10:00 -> 12:00")):
        d = tempfile.mkdtemp(dir=tmp)
        env = {"TZ": tz, "HOME": d, "PATH": "/usr/bin:/bin"}
        subprocess.run(["calcurse", "-D", d, "-i", ics_path], capture_output=True, env=env)
        q = subprocess.run(["calcurse", "-D", d, "-Q", "--from", "12/05/2022", "--days", "1"],
                           capture_output=True, text=True, env=env).stdout
        expect(f"calcurse in {tz}: the workshop at {first}", first in q and
               "Workshop zur „Strategiebildung" in q, q[:300])
        expect(f"calcurse in {tz}: all six entries", q.count(" -> ") == 6, q.count(" -> "))

    # The other cases, each imported on its own, seen in Berlin and in UTC.
    cases = [
        (spring, "DST spring", [("03/31/2024", "Europe/Berlin", "01:00 -> 04:00"),
                                ("03/31/2024", "UTC", "00:00 -> 02:00")]),
        (night, "overnight", [("06/14/2024", "Europe/Berlin", "22:00 -> ..:.."),
                              ("06/15/2024", "Europe/Berlin", "..:.. -> 02:00"),
                              # 02:00 in Berlin is midnight UTC: one day there
                              ("06/14/2024", "UTC", "20:00 -> 00:00")]),
        (allday, "all-day", [("05/01/2024", "Europe/Berlin", "* Tag der offenen Tür"),
                             ("05/02/2024", "Europe/Berlin", None)]),
        (conf, "conference", [("09/17/2024", "Europe/Berlin", "09:00 -> 17:00"),
                              ("09/18/2024", "Europe/Berlin", "09:00 -> 12:00"),
                              ("09/19/2024", "UTC", "07:00 -> 15:00"),
                              ("09/20/2024", "Europe/Berlin", None)]),
    ]
    for path, name, checks in cases:
        for day, tz, want in checks:
            d = tempfile.mkdtemp(dir=tmp)
            env = {"TZ": tz, "HOME": d, "PATH": "/usr/bin:/bin"}
            f = os.path.join(d, "in.ics")
            with open(f, "wb") as out:
                out.write(run(["agenda", "ics", "--items", path]).stdout)
            subprocess.run(["calcurse", "-D", d, "-i", f], capture_output=True, env=env)
            q = subprocess.run(["calcurse", "-D", d, "-Q", "--from", day, "--days", "1"],
                               capture_output=True, text=True, env=env).stdout
            if want is None:
                expect(f"calcurse, {name}: nothing on {day}", q.strip() == "", q)
            else:
                expect(f"calcurse, {name}: {want!r} on {day} in {tz}", want in q, q)

    # 13. Why src/ical/fold.c folds libical's text again: libical 3.0
    # folds a line whose last part fills 75 octets with its CRLF between
    # the CR and the LF ("…\r\r\n \n"), and calcurse then imports the
    # title with a carriage return at its end.  retrason's is whole.
    long_title = "x" * 73
    theirs = subprocess.run([LIBICAL_FOLD, long_title], capture_output=True,
                            check=True).stdout
    expect("libical alone folds a full SUMMARY line between its CR and LF "
           "(if not, this libical folds well: src/ical/fold.c can go)",
           b"\r\r\n \n" in theirs, theirs)
    path = agenda(tmp, "fold.agenda", f"Title: {long_title}\nDate: 2023-11-14\n"
                  "Time: 22:13-23:00\nTimezone: UTC\n")
    ours = run(["agenda", "ics", path]).stdout
    shape("a title libical folds badly", ours)
    for name, raw, cr in (("libical alone", theirs, True), ("retrason", ours, False)):
        d = tempfile.mkdtemp(dir=tmp)
        env = {"TZ": "UTC", "HOME": d, "PATH": "/usr/bin:/bin"}
        f = os.path.join(d, "in.ics")
        with open(f, "wb") as out:
            out.write(raw)
        subprocess.run(["calcurse", "-D", d, "-i", f], capture_output=True, env=env)
        q = subprocess.run(["calcurse", "-D", d, "-Q", "--from", "11/14/2023", "--days", "1"],
                           capture_output=True, env=env).stdout
        expect(f"calcurse, {name}: the title {'with' if cr else 'without'} a CR",
               (b"\t" + long_title.encode() + (b"\r\n" if cr else b"\n")) in q, q)


main()
