#!/usr/bin/python3
"""The peer for `retrason agenda ics --items`: what a user would write with
python3-icalendar.  Reads the agendas bench/gen-agenda.py makes (header,
[day] lines, items, notes) and writes the same calendar: the event with
the programme in DESCRIPTION, and one VEVENT per item with SUMMARY,
DTSTART/DTEND in the zone, LOCATION, DESCRIPTION and RELATED-TO.

    ics_python.py AGENDA > OUT.ics"""
import datetime as dt
import sys

import icalendar
import pytz


def main():
    tz = pytz.timezone("Europe/Berlin")
    head, items, day = {}, [], None
    in_agenda = False
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.rstrip("\n")
        if not in_agenda:
            if line == "Agenda:":
                in_agenda = True
            elif ": " in line and not line.startswith(" "):
                k, v = line.split(": ", 1)
                head[k] = v
            continue
        if line.startswith("["):
            day = dt.date.fromisoformat(line[1:11])
        elif line.startswith("    "):
            items[-1]["notes"] = line.strip()
        elif line:
            t, title, speakers, room = [p.strip() for p in line.split("|")]
            h, m = map(int, t.split(":"))
            items.append({"start": tz.localize(dt.datetime.combine(day, dt.time(h, m))),
                          "title": title, "speakers": speakers, "room": room, "notes": ""})
    for a, b in zip(items, items[1:] + [None]):
        same_day = b and b["start"].date() == a["start"].date()
        a["end"] = b["start"] if same_day else a["start"].replace(hour=23, minute=0)

    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//python-icalendar//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    uid = "bench@example.org"
    ev = icalendar.Event()
    ev.add("uid", uid)
    ev.add("dtstamp", dt.datetime(2022, 11, 21, tzinfo=dt.timezone.utc))
    ev.add("summary", head["Title"])
    first = items[0]["start"]
    ev.add("dtstart", first.replace(hour=7, minute=0))
    ev.add("dtend", first.replace(hour=23, minute=0))
    ev.add("description", "\n".join(
        f"{i['start']:%H:%M}–{i['end']:%H:%M} {i['title']} — {i['speakers']} ({i['room']})"
        for i in items))
    cal.add_component(ev)
    for n, i in enumerate(items):
        e = icalendar.Event()
        e.add("uid", f"item-{n}.{uid}")
        e.add("dtstamp", dt.datetime(2022, 11, 21, tzinfo=dt.timezone.utc))
        e.add("summary", i["title"])
        e.add("dtstart", i["start"])
        e.add("dtend", i["end"])
        e.add("location", f"{i['room']}, {head.get('Location', '')}")
        e.add("description", i["speakers"] + ("\n" + i["notes"] if i["notes"] else ""))
        e.add("related-to", uid)
        cal.add_component(e)
    sys.stdout.buffer.write(cal.to_ical())


main()
