#!/usr/bin/python3
"""Every day of a multi-day event, as five independent calendar readers
expand it: one rule (RRULE:FREQ=DAILY) plus, for a day with its own
hours, a night the rule gets the length of wrong, or a start or end the
clocks repeat, an instance with RECURRENCE-ID.  Each reader must give
exactly one occurrence a day, starting and ending at the UTC instants
Python's zoneinfo gives for that day's local hours (the first of a
repeated time, as RFC 5545 3.3.5 means it).

The readers: ical.js (Thunderbird's parser, tests/icaljs), python3-
recurring-ical-events (on python3-icalendar), python3-vobject (its own
VTIMEZONE reading; the instances applied here), khal, and calcurse.
recurring-ical-events and khal both read through python3-icalendar 4,
which takes a TZID's offsets from pytz, not from the file's VTIMEZONE.
calcurse 4.7 ignores RECURRENCE-ID: it imports an instance as one more
appointment beside the rule's, so a day with its own instance shows
twice there.  For calcurse the days without their own instance are
checked; the others are only printed (and fail if missing).

A reader that is not installed is skipped with a message; 77 when
none is."""
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
ICALJS = os.path.join(SRC, "tests", "icaljs")
UTC = dt.timezone.utc
PATH = "/usr/bin:/bin"
NODE = shutil.which("node", path="/usr/bin:/usr/local/bin:" + os.environ.get("PATH", ""))
# Readers that expand over a window get one this wide on either side, so
# that a stray occurrence far off shows too.
AROUND = dt.timedelta(days=366)

# (name, zone, first day, last day, Time, {day: its own hours})
CASES = [
    ("berlin-day-hours", "Europe/Berlin", "2027-03-25", "2027-03-27", "09:00-18:00",
     {"2027-03-26": "09:00-22:00", "2027-03-27": "09:00-13:00"}),
    # The night of 24 to 25 October is an hour longer than the rule's.
    ("london-night-fall-back", "Europe/London", "2026-10-23", "2026-10-26",
     "20:00-03:00", {}),
    # The night of 27 to 28 March is an hour shorter.
    ("london-night-spring-forward", "Europe/London", "2027-03-26", "2027-03-29",
     "20:00-03:00", {}),
    # No instance of its own needed; the rule must expand in the zone.
    ("new-york-dst-start", "America/New_York", "2025-03-08", "2025-03-10",
     "09:00-17:00", {}),
    # 01:30 on 2 November happens twice; the first (EDT) is meant.
    ("new-york-end-repeated", "America/New_York", "2025-11-01", "2025-11-03",
     "22:00-01:30", {}),
    ("new-york-start-repeated", "America/New_York", "2025-11-01", "2025-11-03",
     "01:30-03:00", {}),
    # The rule's own DTSTART repeated: its length is the first day's, so
    # every other day needs an instance.
    ("new-york-first-start-repeated", "America/New_York", "2025-11-02", "2025-11-04",
     "01:30-03:00", {}),
    ("berlin-day-hours-night", "Europe/Berlin", "2027-06-10", "2027-06-12",
     "09:00-18:00", {"2027-06-11": "09:00-02:00"}),
    # Ends at 02:00 on 25 October, in the hour the clocks repeat.
    ("berlin-day-hours-night-repeated", "Europe/Berlin", "2026-10-23", "2026-10-25",
     "09:00-18:00", {"2026-10-24": "09:00-02:00"}),
    # 23:00 on 15 February 2014 happened twice.
    ("sao-paulo-end-repeated", "America/Sao_Paulo", "2014-02-15", "2014-02-17",
     "10:00-23:00", {}),
    ("berlin-plain", "Europe/Berlin", "2027-05-10", "2027-05-12", "10:00-16:00", {}),
]


class Absent(Exception):
    """A reader that is not installed."""


def days(first, last):
    d, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    while d <= end:
        yield d.isoformat()
        d += dt.timedelta(days=1)


def agenda(name, zone, first, last, time, own):
    # Items (--items) are events of their own, with other UIDs; every
    # reader must leave them out of the event's occurrences.
    text = (f"Title: Occ {name}\nDate: {first}..{last}\nTime: {time}\n"
            f"Timezone: {zone}\nUID: {name}@example.org\n\nAgenda:\n")
    for d in days(first, last):
        hours = own.get(d)
        text += f"[{d}{' ' + hours if hours else ''}] Day\n{(hours or time)[:5]} | Talk\n"
    return text


def expected(zone, first, last, time, own):
    """{day: (start, end)} in UTC; fold=0 is the first of a repeated time."""
    want = {}
    for d in days(first, last):
        s, e = (own.get(d) or time).split("-")
        day = dt.date.fromisoformat(d)
        start = dt.datetime.combine(day, dt.time.fromisoformat(s), ZoneInfo(zone))
        end_day = day + dt.timedelta(days=1) if e < s else day
        end = dt.datetime.combine(end_day, dt.time.fromisoformat(e), ZoneInfo(zone))
        want[d] = (start.astimezone(UTC), end.astimezone(UTC))
    return want


def instance_days(ics, uid, zone):
    """The local days of the event's RECURRENCE-IDs, read from the text."""
    text = re.sub(r"\r\n[ \t]", "", ics)
    out = set()
    for ev in text.split("BEGIN:VEVENT")[1:]:
        if re.search(rf"^UID:{re.escape(uid)}\r?$", ev, re.M):
            m = re.search(r"^RECURRENCE-ID[;:][^\r\n]*?(\d{8}T\d{6})(Z?)\r?$", ev, re.M)
            if m:
                t = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%S")
                if m.group(2):
                    t = t.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
                out.add(t.date().isoformat())
    return out


def last_line(text):
    """A traceback's last line says what went wrong."""
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def instant(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


# Each reader takes the cases and gives {name: [(start, end), ...] or an
# error text}, every instant an aware UTC datetime.

def icaljs(cases, tmp):
    if not NODE or not os.path.isdir(os.path.join(ICALJS, "node_modules", "ical.js")):
        raise Absent("no ical.js; run `npm ci` in tests/icaljs to install it")
    args = []
    for c in cases:
        args += [c["ics"], c["uid"]]
    p = subprocess.run([NODE, os.path.join(ICALJS, "occurrences.mjs")] + args,
                       cwd=ICALJS, capture_output=True, text=True)
    if p.returncode != 0:
        return {c["name"]: f"node exit {p.returncode}: " + last_line(p.stderr) for c in cases}
    by_path = {c["ics"]: c["name"] for c in cases}
    got = {c["name"]: [] for c in cases}
    for line in p.stdout.splitlines():
        path, a, b = line.split(" ", 2)
        if a == "ERROR":
            got[by_path[path]] = b
        elif isinstance(got[by_path[path]], list):
            got[by_path[path]].append((instant(a), instant(b)))
    return got


def recurring(cases, tmp):
    try:
        import icalendar
        import recurring_ical_events
    except ImportError:
        raise Absent("no python3-recurring-ical-events")
    got = {}
    for c in cases:
        try:
            with open(c["ics"], "rb") as f:
                cal = icalendar.Calendar.from_ical(f.read())
            evs = recurring_ical_events.of(cal).between(
                dt.date.fromisoformat(c["first"]) - AROUND,
                dt.date.fromisoformat(c["last"]) + AROUND)
            got[c["name"]] = [(e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC))
                              for e in evs if str(e["UID"]) == c["uid"]]
        except Exception as e:  # a reader's crash is its finding, not ours
            got[c["name"]] = f"{type(e).__name__}: {e}"
    return got


def vobject_reader(cases, tmp):
    try:
        import vobject
    except ImportError:
        raise Absent("no python3-vobject")
    # vobject keeps the first VTIMEZONE it sees per TZID for the whole
    # process; each file must be read with its own.
    tzids = vars(vobject.icalendar)["__tzidMap"]
    got = {}
    for c in cases:
        try:
            tzids.clear()
            tzids["UTC"] = vobject.icalendar.utc
            with open(c["ics"], encoding="utf-8") as f:
                cal = vobject.readOne(f.read())
            evs = [e for e in cal.vevent_list if e.uid.value == c["uid"]]
            for e in evs:
                tz = e.dtstart.value.tzinfo
                if "tzical" not in type(tz).__name__ and tz is not vobject.icalendar.utc:
                    raise ValueError(f"DTSTART not read with the VTIMEZONE but {tz!r}")
            main = [e for e in evs if not hasattr(e, "recurrence_id")]
            if len(main) != 1:
                raise ValueError(f"{len(main)} VEVENTs without RECURRENCE-ID")
            main = main[0]

            def utc(e, name):
                return getattr(e, name).value.astimezone(UTC)
            # vobject expands the rule but leaves RECURRENCE-ID to its
            # caller: an instance replaces the occurrence at the same
            # instant, as RFC 5545 3.8.4.4 says.  A rule's occurrence
            # ends the exact DTEND - DTSTART after its start (3.8.5.3),
            # so both are taken in UTC (Python subtracts two times of one
            # tzinfo by the wall clock); a DURATION's days are nominal,
            # local days, the rest exact (3.3.6).
            def end(start):
                if not hasattr(main, "duration"):
                    return start.astimezone(UTC) + (utc(main, "dtend") - utc(main, "dtstart"))
                d = main.duration.value
                return ((start + dt.timedelta(days=d.days)).astimezone(UTC)
                        + dt.timedelta(seconds=d.seconds))
            own = {utc(e, "recurrence_id"): e for e in evs if hasattr(e, "recurrence_id")}
            out = []
            for start in main.getrruleset():
                e = own.pop(start.astimezone(UTC), None)
                out.append((utc(e, "dtstart"), utc(e, "dtend")) if e else
                           (start.astimezone(UTC), end(start)))
            if own:
                raise ValueError(f"RECURRENCE-ID of no occurrence: {sorted(own)}")
            got[c["name"]] = out
        except Exception as e:
            got[c["name"]] = f"{type(e).__name__}: {e}"
    return got


def khal(cases, tmp):
    exe = shutil.which("khal", path=PATH)
    if not exe:
        raise Absent("no khal")
    home = os.path.join(tmp, "khal")
    vdir = os.path.join(home, "calendar")
    os.makedirs(os.path.join(home, "config", "khal"))
    os.makedirs(vdir)
    # Everything shown in UTC, in formats read back below.
    with open(os.path.join(home, "config", "khal", "config"), "w") as f:
        f.write(f"[calendars]\n[[test]]\npath = {vdir}\n[locale]\n"
                "local_timezone = UTC\ndefault_timezone = UTC\n"
                "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                "datetimeformat = %Y-%m-%dT%H:%M\nlongdatetimeformat = %Y-%m-%dT%H:%M\n")
    env = {"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config"),
           "XDG_DATA_HOME": os.path.join(home, "data"), "TZ": "UTC",
           "LC_ALL": "C.UTF-8", "PATH": PATH}

    def khal_import(files):
        return subprocess.run([exe, "import", "--batch", "-a", "test"] + files,
                              capture_output=True, text=True, env=env)
    # khal's import splits a file by UID into the vdir, as a user's would;
    # all files at once, and one by one only to tell which it refuses.
    got = {c["name"]: [] for c in cases}
    if khal_import([c["ics"] for c in cases]).returncode != 0:
        for c in cases:
            p = khal_import([c["ics"]])
            if p.returncode != 0:
                got[c["name"]] = "khal import: " + last_line(p.stderr)
    first = min(dt.date.fromisoformat(c["first"]) for c in cases) - AROUND
    last = max(dt.date.fromisoformat(c["last"]) for c in cases) + AROUND
    p = subprocess.run([exe, "list", "--day-format", "DAY {date}", "--format",
                        "{title}|{start}|{end}", first.isoformat(), last.isoformat()],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return {c["name"]: "khal list: " + last_line(p.stderr) for c in cases}
    # khal 0.10.5 has no {uid} to print: the event is told from its items
    # by its title, which its instances share.
    by_title = {f"Occ {c['name']}": c["name"] for c in cases}
    day = None
    for line in p.stdout.splitlines():
        if line.startswith("DAY "):
            day = line[4:]
            continue
        title, start, end = line.rsplit("|", 2)
        # khal lists an event under every day it touches; count it on
        # the day it starts.
        if title in by_title and start[:10] == day and isinstance(got[by_title[title]], list):
            got[by_title[title]].append((instant(start + ":00Z"), instant(end + ":00Z")))
    return got


def calcurse(cases, tmp):
    exe = shutil.which("calcurse", path=PATH)
    if not exe:
        raise Absent("no calcurse")
    got = {}
    fmt = "%(start:epoch) %(end:epoch) %m\\n"
    for c in cases:
        d = os.path.join(tmp, "calcurse-" + c["name"])
        os.mkdir(d)
        # calcurse reads a TZID as its own local time: run it in the zone.
        env = {"HOME": d, "TZ": c["zone"], "LC_ALL": "C.UTF-8", "PATH": PATH}
        p = subprocess.run([exe, "-D", d, "-q", "-i", c["ics"]],
                           capture_output=True, text=True, env=env)
        first = dt.date.fromisoformat(c["first"]) - AROUND
        n = (dt.date.fromisoformat(c["last"]) + AROUND - first).days
        q = subprocess.run([exe, "-D", d, "-Q", "--from", first.strftime("%m/%d/%Y"),
                            "--days", str(n), "--format-apt", fmt, "--format-recur-apt", fmt],
                           capture_output=True, text=True, env=env)
        if p.returncode != 0 or q.returncode != 0:
            got[c["name"]] = "calcurse: " + last_line(p.stderr + "\n" + q.stderr)
            continue
        zone, out, day = ZoneInfo(c["zone"]), [], None
        for line in q.stdout.splitlines():
            if re.fullmatch(r"\d\d/\d\d/\d\d:", line):
                day = dt.datetime.strptime(line, "%m/%d/%y:").date()
            elif line.strip():
                s, e, title = line.split(" ", 2)
                start = dt.datetime.fromtimestamp(int(s), UTC)
                # Listed under every day it touches; counted where it
                # starts.  No UID here either: told by the title.
                if title == f"Occ {c['name']}" and start.astimezone(zone).date() == day:
                    out.append((start, dt.datetime.fromtimestamp(int(e), UTC)))
        got[c["name"]] = out
    return got


READERS = [("ical.js", icaljs), ("recurring-ical-events", recurring),
           ("vobject", vobject_reader), ("khal", khal), ("calcurse", calcurse)]


def fmt(span):
    return "–".join(t.strftime("%Y-%m-%dT%H:%MZ") for t in span)


def main():
    tmp = tempfile.mkdtemp(prefix="retrason-occurrences-")
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1669000000",
           "PATH": "/usr/bin:/bin"}
    passed = failed = 0
    try:
        cases = []
        for name, zone, first, last, time, own in CASES:
            src = os.path.join(tmp, name + ".agenda")
            with open(src, "w", encoding="utf-8") as f:
                f.write(agenda(name, zone, first, last, time, own))
            ics = os.path.join(tmp, name + ".ics")
            p = subprocess.run([EXE, "agenda", "ics", "--items", "-o", ics, src],
                               capture_output=True, env=env)
            if p.returncode != 0:
                print(f"FAIL {name}: retrason exit {p.returncode}: {p.stderr.decode()}")
                failed += 1
                continue
            with open(ics, encoding="utf-8") as f:
                uid = f"{name}@example.org"
                own_days = instance_days(f.read(), uid, zone)
            cases.append({"name": name, "zone": zone, "first": first, "last": last,
                          "ics": ics, "uid": uid, "own": own_days,
                          "want": expected(zone, first, last, time, own)})
        present = 0
        for reader, read in READERS:
            try:
                got = read(cases, tmp)
            except Absent as e:
                print(f"SKIP {reader}: {e}")
                continue
            present += 1
            for c in cases:
                occ = got.get(c["name"], [])
                if isinstance(occ, str):
                    print(f"FAIL {c['name']} {reader}: {occ}")
                    failed += 1
                    continue
                # Each occurrence belongs to the day whose start is nearest.
                per_day = {d: [] for d in c["want"]}
                for span in occ:
                    d = min(c["want"], key=lambda d: abs(c["want"][d][0] - span[0]))
                    if abs(c["want"][d][0] - span[0]) > dt.timedelta(hours=12):
                        print(f"FAIL {c['name']} {reader}: an occurrence on no day: {fmt(span)}")
                        failed += 1
                    else:
                        per_day[d].append(span)
                for d, want in c["want"].items():
                    spans = per_day[d]
                    if reader == "calcurse" and d in c["own"] and spans:
                        # Its RECURRENCE-ID is ignored (see above): the
                        # rule's occurrence and the instance both show.
                        print(f"note {c['name']} {reader} {d}: has its own instance, "
                              f"read {len(spans)} times: {', '.join(map(fmt, spans))}"
                              + ("" if want in spans else f"; zoneinfo says {fmt(want)}"))
                        continue
                    ok = spans == [want]
                    passed += ok
                    failed += not ok
                    print(("ok   " if ok else "FAIL ") + f"{c['name']} {reader} {d}" +
                          ("" if ok else f": reads [{', '.join(map(fmt, spans))}], "
                           f"zoneinfo says {fmt(want)}"))
        if not present:
            print("SKIP: none of the readers is installed")
            sys.exit(77)
    finally:
        shutil.rmtree(tmp)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
