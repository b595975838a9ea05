# A day line whose label starts with hours: the day still has the
# event's Time, so check says the hours are only text.
$ retrason agenda check conf.agenda
--- file conf.agenda
Title: Conference
Date: 2027-03-25..2027-03-27
Time: 09:00-18:00
Timezone: Europe/Berlin
UID: conf@example.org

Agenda:
[2027-03-25] Day one
09:00 | Opening
[2027-03-26] 9:30 – 12:00 Half day
09:30 | Workshops
[2027-03-27] 13:00 Closing talk at one
13:00 | Closing
--- stderr
conf.agenda:10:14: warning: this day's label starts with hours, but they are only text
   10 | [2027-03-26] 9:30 – 12:00 Half day
      |              ^~~~~~~~~~~~~~~~~~~~~
note: this day runs 09:00-18:00 (Time:); for hours of its own, put them in the brackets: '[2027-03-26 9:30 – 12:00] Half day'
0 errors, 1 warning
