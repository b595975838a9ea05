# The same file without --strict: warnings shown, exit 0.
$ retrason agenda check nozone.agenda
--- file nozone.agenda
Title: Where am I?
Date: 2024-01-02
Time: 10:00-11:00
Phone:
Language: fr

Agenda:
09:30 | Too early
10:00 | Fine | , Jane Doe
11:30 | Too late
--- stderr
nozone.agenda:4:6: warning: empty field 'Phone' is ignored
    4 | Phone:
      |      ^
note: fill it in or delete the line
nozone.agenda:5:11: warning: no translation for language 'fr'; English is used
    5 | Language: fr
      |           ^~
note: retrason writes dates and labels in German (de) or English (en)
nozone.agenda:8:1: warning: item starts before the event (10:00)
    8 | 09:30 | Too early
      | ^~~~~
note: widen the hours in 'Time:' if the item is part of the event
nozone.agenda:9:15: warning: empty name in the speaker list
    9 | 10:00 | Fine | , Jane Doe
      |               ^
note: remove the extra separator
nozone.agenda:10:1: warning: item starts after the event has ended (11:00)
   10 | 11:30 | Too late
      | ^~~~~
note: widen the hours in 'Time:' if the item is part of the event
nozone.agenda: warning: no 'Timezone:'; times are read in this computer's zone, Europe/Berlin
note: add 'Timezone: Europe/Berlin' (or the event's zone) so the times mean the same on every computer
nozone.agenda: warning: no 'UID:'; calendars know this event by its title and organizer, so changing either makes it a new event
note: add 'UID: bd3b9d1700deb634a7b40dd32f4b7973@retrason.invalid' to keep it for good
0 errors, 7 warnings
