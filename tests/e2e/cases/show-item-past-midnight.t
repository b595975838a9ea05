# An item may end after midnight in a daytime event, up to 12 hours
# long: it ends on the next day, and the table says so with (+1).
# "14:00-13:00" stays an error (tests/e2e/cases/check-items.t).
$ retrason agenda show -w 60 hack.agenda
--- file hack.agenda
Title: Workshop with a hackathon
Date: 2027-03-25
Time: 09:00-18:00
Timezone: Europe/Berlin
UID: hack@example.org

Agenda:
09:00 | Welcome
12:00-13:00 | Lunch
13:00-17:30 | Sessions | | Hall
20:00-04:00 | Hackathon | | Lab
--- stdout
Workshop with a hackathon
═════════════════════════

When  Thursday, 25 March 2027, 09:00–18:00

Agenda
────────────────────────────────────────────────────────────
09:00–12:00       Welcome
12:00–13:00       Lunch
13:00–17:30       Sessions                              Hall
20:00–04:00 (+1)  Hackathon                             Lab
