# A time the clocks repeat (fall back) is a warning saying which is
# meant: the first, as RFC 5545 reads it.
$ retrason agenda check fold.agenda
--- file fold.agenda
Title: Fold
Date: 2024-11-03
Time: 00:30-03:00
Timezone: America/New_York
UID: fold@example.org

Agenda:
00:30 | Start
01:30-02:00 | Twice
--- stderr
fold.agenda:9:1: warning: 01:30 happens twice on Sunday, 3 November 2024 in America/New_York (clocks go back from 02:00 to 01:00): the first is meant, at UTC−04:00
    9 | 01:30-02:00 | Twice
      | ^~~~~
0 errors, 1 warning
