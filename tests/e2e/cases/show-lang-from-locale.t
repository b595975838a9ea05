# No Language in the file: the locale decides (German here).
env LC_ALL=
env LANG=de_DE.UTF-8
$ retrason agenda show -w 60 meeting.agenda
--- file meeting.agenda
Title: Team meeting
Date: 2024-03-31
Time: 9:00 – 10:30
Timezone: Europe/Berlin

Agenda:
9:00 | Welcome
9:15-10:00 | Budget 2025 | Jane Doe
--- stdout
Team meeting
════════════

Wann  Sonntag, 31. März 2024, 09:00–10:30 Uhr

Agenda
────────────────────────────────────────────────────────────
09:00–09:15  Welcome

09:15–10:00  Budget 2025
             Jane Doe
