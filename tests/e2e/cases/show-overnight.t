# An event crossing midnight: the second day is named, and items after
# midnight continue into it.
$ retrason agenda show -w 60 night.agenda
--- file night.agenda
Title: Lange Nacht der Wissenschaft
Date: 2024-03-30
Time: 22:00-02:00
Timezone: Europe/Berlin
Language: de

Agenda:
22:00 | Einlass
23:30-00:30 | Sternwarte | Dr. Nacht | Dach
00:30 | Mitternachtsvortrag
01:45 | Ende
--- stdout
Lange Nacht der Wissenschaft
════════════════════════════

Wann  Samstag, 30. März 2024, 22:00 Uhr – Sonntag, 31. März
      2024, 02:00 Uhr

Agenda
────────────────────────────────────────────────────────────
22:00–23:30  Einlass

23:30–00:30  Sternwarte                                 Dach
             Dr. Nacht

00:30–01:45  Mitternachtsvortrag

01:45–02:00  Ende
