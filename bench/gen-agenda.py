#!/usr/bin/python3
"""Writes a large, valid agenda: gen-agenda.py ITEMS > big.agenda

Items are spread over as many days as needed (at most 300 a day, a
minute or more apart) with speakers, rooms and every third one a note,
so the parser sees every construct."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
per_day = 300
days = max(1, -(-n // per_day))
if days > 366:
    sys.exit("at most 109,800 items (366 days of 300)")
out = sys.stdout
start = (2024, 1, 1)


def day(k):
    import datetime
    d = datetime.date(*start) + datetime.timedelta(days=k)
    return d.isoformat()


out.write("Title: Benchmark-Konferenz „Große Agenda“ mit vielen Punkten\n")
out.write(f"Date: {day(0)}..{day(days - 1)}\n" if days > 1 else f"Date: {day(0)}\n")
out.write("Time: 07:00-23:00\nTimezone: Europe/Berlin\nLanguage: de\nUID: bench@example.org\n")
out.write("Location: Stadthalle Braunschweig\n\nEine generierte Agenda.\n\nAgenda:\n")
i = 0
for d in range(days):
    out.write(f"[{day(d)}] Tag {d + 1}\n")
    for k in range(min(per_day, n - i)):
        m = 7 * 60 + k * 3
        out.write(f"{m // 60:02d}:{m % 60:02d} | Vortrag Nummer {i} über Mobilität und "
                  f"Infrastruktur | Dr. Erika Mustermann; Prof. Max Müller | Raum {k % 7}\n")
        if i % 3 == 0:
            out.write("    Folien und Aufzeichnung folgen im Anschluss\n")
        i += 1
