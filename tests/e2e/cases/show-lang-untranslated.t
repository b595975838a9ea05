# A Language without a translation is English, as check warns, even
# where the locale is German: the file chose, not the reader.
env LC_ALL=
env LANG=de_DE.UTF-8
$ retrason agenda show -w 60 meeting.agenda
--- file meeting.agenda
Title: Team meeting
Date: 2024-03-31
Time: 9:00 – 10:30
Timezone: Europe/Berlin
Language: fr

Agenda:
9:00 | Welcome
--- stdout
Team meeting
════════════

When  Sunday, 31 March 2024, 09:00–10:30

Agenda
────────────────────────────────────────────────────────────
09:00–10:30  Welcome
