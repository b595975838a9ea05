# A start or end the clocks skip (spring forward) is an error, for the
# event's Time on each day and for an item, with the change in the hint.
$ retrason agenda check gap.agenda
? 65
--- file gap.agenda
Title: DST
Date: 2025-03-08..2025-03-09
Time: 01:00-02:30
Timezone: America/New_York
UID: dst@example.org

Agenda:
[2025-03-09]
01:00 | Fine
02:30-03:30 | In the gap
--- stderr
gap.agenda:3:7: error: 02:30 does not exist on Sunday, 9 March 2025 in America/New_York: clocks go from 02:00 to 03:00
    3 | Time: 01:00-02:30
      |       ^~~~~~~~~~~
note: write a time before 02:00, or 03:00 or later
gap.agenda:10:1: error: 02:30 does not exist on Sunday, 9 March 2025 in America/New_York: clocks go from 02:00 to 03:00
   10 | 02:30-03:30 | In the gap
      | ^~~~~
note: write a time before 02:00, or 03:00 or later
gap.agenda:10:7: warning: item ends after the day (02:30)
   10 | 02:30-03:30 | In the gap
      |       ^~~~~
note: to widen this day's hours, write them on its day line: '[2025-03-09 HH:MM-HH:MM]'
2 errors, 1 warning
