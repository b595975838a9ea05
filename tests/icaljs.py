#!/usr/bin/python3
"""The VTIMEZONEs of issue 14's worst cases, read by ical.js (the parser
inside Thunderbird, pinned in tests/icaljs/package-lock.json): every
start retrason writes must be the UTC instant Python's zoneinfo gives.
Skipped (77) unless `npm ci` has been run in tests/icaljs."""
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
NODE = shutil.which("node", path="/usr/bin:/usr/local/bin:" + os.environ.get("PATH", ""))
HERE = os.path.abspath(os.path.join(SRC, "tests", "icaljs"))

# (zone, days of the event, start time)
CASES = [("America/Vancouver", ["2025-12-10"], "12:00"),
         ("America/Edmonton", ["2025-12-10"], "12:00"),
         ("America/Winnipeg", ["2026-01-15"], "09:30"),
         ("America/Inuvik", ["2025-11-20"], "12:00"),
         ("Asia/Gaza", ["2025-06-01"], "12:00"),
         ("Asia/Gaza", ["2026-03-27", "2026-03-28", "2026-03-29"], "10:00"),
         ("Asia/Hebron", ["2026-01-10"], "12:00"),
         ("Africa/Cairo", ["2026-02-01"], "12:00"),
         ("America/Sao_Paulo", ["2014-02-15", "2014-02-16", "2014-02-17"], "10:00"),
         ("Asia/Tehran", ["2018-03-21", "2018-03-22", "2018-03-23"], "10:00"),
         ("Australia/Lord_Howe", ["2039-10-01", "2039-10-02", "2039-10-03"], "10:00"),
         ("Europe/Berlin", ["2022-12-05"], "16:00")]
CASES += [("America/Havana", [f"{y}-{m:02d}-10"], "12:00")
          for y in range(2024, 2028) for m in range(1, 13)]


def agenda(zone, days, start):
    if len(days) == 1:
        return (f"Title: T\nDate: {days[0]}\nTime: {start}-23:00\nTimezone: {zone}\n")
    text = (f"Title: T\nDate: {days[0]}..{days[-1]}\nTime: {start}-23:00\n"
            f"Timezone: {zone}\n\nAgenda:\n")
    for d in days:
        text += f"[{d}] Day\n{start} | Talk\n"
    return text


def main():
    if not NODE or not os.path.isdir(os.path.join(HERE, "node_modules", "ical.js")):
        print("SKIP: no ical.js; run `npm ci` in tests/icaljs to install it")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="retrason-icaljs-")
    failures, expected, files = 0, {}, []
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1669000000",
           "PATH": "/usr/bin:/bin"}
    try:
        for i, (zone, days, start) in enumerate(CASES):
            src = os.path.join(tmp, f"{i}.agenda")
            with open(src, "w", encoding="utf-8") as f:
                f.write(agenda(zone, days, start))
            ics = os.path.join(tmp, f"{i}.ics")
            args = ["agenda", "ics", "-o", ics] + (["--items"] if len(days) > 1 else []) + [src]
            p = subprocess.run([EXE] + args, capture_output=True, env=env)
            if p.returncode != 0:
                print(f"FAIL {zone} {days[0]}: retrason exit {p.returncode}: {p.stderr}")
                failures += 1
                continue
            h, m = map(int, start.split(":"))
            want = [dt.datetime.fromisoformat(d).replace(hour=h, minute=m,
                                                         tzinfo=ZoneInfo(zone))
                    .astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    for d in days]
            # The event (its first day), then one item a day.
            expected[ics] = (zone, want[:1] + (want if len(days) > 1 else []))
            files.append(ics)
        p = subprocess.run([NODE, os.path.join(HERE, "utc.mjs")] + files, cwd=HERE,
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"FAIL ical.js: {p.stderr}")
            sys.exit(1)
        got = {}
        for line in p.stdout.splitlines():
            path, utc = line.split()
            got.setdefault(path, []).append(utc)
        for ics in files:
            zone, want = expected[ics]
            ok = got.get(ics) == want
            failures += not ok
            print(("ok   " if ok else "FAIL ") + f"{zone} {want[0]}" +
                  ("" if ok else f": ical.js reads {got.get(ics)}, zoneinfo says {want}"))
    finally:
        shutil.rmtree(tmp)
    print(f"{len(files) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
