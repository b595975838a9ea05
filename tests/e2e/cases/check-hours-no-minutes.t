# Hours without minutes, as people type them ('9-13'): the error says
# which time it means.
$ retrason agenda check t9.agenda
? 65
--- file t9.agenda
Title: x
Date: 2027-03-25..2027-03-27
Time: 9-18
Timezone: Europe/Berlin
UID: a@b

Agenda:
[2027-03-27 9-13]
09 | x
--- stderr
t9.agenda:3:7: error: expected a time, found '9'
    3 | Time: 9-18
      |       ^
note: write the minutes too: did you mean '09:00'?
t9.agenda:8:13: error: expected a time, found '9'
    8 | [2027-03-27 9-13]
      |             ^
note: write the minutes too: did you mean '09:00'?
t9.agenda:9:1: error: expected a time, found '09'
    9 | 09 | x
      | ^~
note: write the minutes too: did you mean '09:00'?
3 errors, 0 warnings
