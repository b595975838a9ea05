# Hours on a day line: wrong ones are errors with the day line's
# position, an all-day or one-day event has no day hours, and the day's
# own hours decide where its items lie and whether its times exist.
# Hours that run past midnight when Time's don't, perhaps swapped, and
# a day that runs into the next are warnings.
$ retrason agenda check bad.agenda allday.agenda oneday.agenda swapped.agenda
? 65
--- file bad.agenda
Title: Conference
Date: 2027-03-25..2027-03-28
Time: 09:00-18:00
Timezone: Europe/Berlin
UID: conf@example.org

Agenda:
[2027-03-25 9:3O-12:00] Letter O
09:30 | One
[2027-03-26 morning] Words
09:30 | Two
[2027-03-27 10:00-10:00] Nothing
10:00 | Three
[2027-03-28 02:30-12:00] In the gap
02:30 | Four
11:00-13:00 | Past the day's end
--- file allday.agenda
Title: Fair
Date: 2027-05-01..2027-05-02
UID: fair@example.org

Agenda:
[2027-05-02 10:00-14:00] Short day
10:00 | Closing
--- file oneday.agenda
Title: Meeting
Date: 2027-05-01
Time: 16:00-18:00
Timezone: Europe/Berlin
UID: meeting@example.org

Agenda:
[2027-05-01 16:00-19:00]
16:00 | Talk
--- file swapped.agenda
Title: Conference
Date: 2027-03-25..2027-03-27
Time: 09:00-18:00
Timezone: Europe/Berlin
UID: conf@example.org

Agenda:
[2027-03-25 09:00-04:00] Hackathon night
20:00-04:00 | Hackathon
[2027-03-26 03:00-18:00] Early
09:00 | Talks
[2027-03-27 13:00-09:00] Closing
13:00 | Closing
--- stderr
bad.agenda:8:16: error: letter 'O' in the time '9:3O'
    8 | [2027-03-25 9:3O-12:00] Letter O
      |                ^
note: did you mean '9:30'?
bad.agenda:10:13: error: unexpected 'morning' after the date
   10 | [2027-03-26 morning] Words
      |             ^~~~~~~
note: a day line is '[YYYY-MM-DD] label', or '[YYYY-MM-DD HH:MM-HH:MM] label' for a day with hours of its own
bad.agenda:12:19: error: the day ends when it starts
   12 | [2027-03-27 10:00-10:00] Nothing
      |                   ^~~~~
bad.agenda:14:13: error: 02:30 does not exist on Sunday, 28 March 2027 in Europe/Berlin: clocks go from 02:00 to 03:00
   14 | [2027-03-28 02:30-12:00] In the gap
      |             ^~~~~~~~~~~
note: write a time before 02:00, or 03:00 or later
bad.agenda:15:1: error: 02:30 does not exist on Sunday, 28 March 2027 in Europe/Berlin: clocks go from 02:00 to 03:00
   15 | 02:30 | Four
      | ^~~~~
note: write a time before 02:00, or 03:00 or later
bad.agenda:16:7: warning: item ends after the day (12:00)
   16 | 11:00-13:00 | Past the day's end
      |       ^~~~~
note: to widen this day's hours, write them on its day line: '[2027-03-28 HH:MM-HH:MM]'
allday.agenda:6:13: error: a day has hours of its own, but the event has no 'Time:'
    6 | [2027-05-02 10:00-14:00] Short day
      |             ^~~~~~~~~~~
note: add 'Time:' with the hours most days have; a day line's hours are for the days that differ
oneday.agenda:8:13: error: a one-day event's hours go in 'Time:', not on its day line
    8 | [2027-05-01 16:00-19:00]
      |             ^~~~~~~~~~~
note: write 'Time: 16:00-19:00' in the header
swapped.agenda:8:13: warning: this day runs past midnight: from 09:00 until 04:00 on Friday, 26 March, 19 hours
    8 | [2027-03-25 09:00-04:00] Hackathon night
      |             ^~~~~~~~~~~
note: if the hours are the wrong way round, write '04:00-09:00'
swapped.agenda:8:13: warning: this day runs until 04:00, into the next day, which begins at 03:00
    8 | [2027-03-25 09:00-04:00] Hackathon night
      |             ^~~~~~~~~~~
note: end the day before the next begins, or start the next later
swapped.agenda:12:13: warning: this day runs past midnight: from 13:00 until 09:00 on Sunday, 28 March, 20 hours
   12 | [2027-03-27 13:00-09:00] Closing
      |             ^~~~~~~~~~~
note: if the hours are the wrong way round, write '09:00-13:00'
7 errors, 4 warnings in 4 files
