# An invitation to a multi-day event with a day of its own hours: the
# day's instance carries the attendees too (it replaces the rule's).
env SOURCE_DATE_EPOCH=1669000000
$ retrason invite ics --to team.txt conf.agenda
--- file team.txt
Max Muster <max@example.org>
--- file conf.agenda
Title: Konferenz
Date: 2027-03-25..2027-03-27
Time: 09:00-18:00
Timezone: Europe/Berlin
Organizer: Jane Doe <jane@example.org>
UID: conf@example.org

Agenda:
[2027-03-25] Anreise
09:00 | Begrüßung
[2027-03-27 09:00-13:00] Abschlusstag
09:00 | Abschluss
--- stdout
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//retrason//retrason 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:REQUEST
BEGIN:VTIMEZONE
TZID:Europe/Berlin
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:conf@example.org
DTSTAMP:20221121T030640Z
SEQUENCE:0
ORGANIZER;CN=Jane Doe:mailto:jane@example.org
DTSTART;TZID=Europe/Berlin:20270325T090000
DTEND;TZID=Europe/Berlin:20270325T180000
RRULE:FREQ=DAILY;COUNT=3
SUMMARY:Konferenz
STATUS:CONFIRMED
ATTENDEE;CN=Max Muster;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE
 :mailto:max@example.org
DESCRIPTION:Agenda:\nThursday\, 25 March 2027 · Anreise\n09:00–18:00 Beg
 rüßung\n\nFriday\, 26 March 2027\n\nSaturday\, 27 March 2027 · 09:00–
 13:00 · Abschlusstag\n09:00–13:00 Abschluss
END:VEVENT
BEGIN:VEVENT
UID:conf@example.org
DTSTAMP:20221121T030640Z
SEQUENCE:0
ORGANIZER;CN=Jane Doe:mailto:jane@example.org
RECURRENCE-ID;TZID=Europe/Berlin:20270327T090000
DTSTART;TZID=Europe/Berlin:20270327T090000
DTEND;TZID=Europe/Berlin:20270327T130000
SUMMARY:Konferenz
STATUS:CONFIRMED
ATTENDEE;CN=Max Muster;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE
 :mailto:max@example.org
DESCRIPTION:Agenda:\nThursday\, 25 March 2027 · Anreise\n09:00–18:00 Beg
 rüßung\n\nFriday\, 26 March 2027\n\nSaturday\, 27 March 2027 · 09:00–
 13:00 · Abschlusstag\n09:00–13:00 Abschluss
END:VEVENT
END:VCALENDAR
