# Warnings alone don't fail a check, unless --strict.
$ retrason agenda check --strict nozone.agenda
? 65
--- file nozone.agenda
Title: Where am I?
Date: 2024-01-02
Time: 10:00-11:00
Phone:
Language: fr
--- stderr
nozone.agenda:4:6: warning: empty field 'Phone' is ignored
    4 | Phone:
      |      ^
note: fill it in or delete the line
nozone.agenda:5:11: warning: no translation for language 'fr'; English is used
    5 | Language: fr
      |           ^~
note: retrason writes dates and labels in German (de) or English (en)
nozone.agenda: warning: no 'Timezone:'; times are read in this computer's zone, Europe/Berlin
note: add 'Timezone: Europe/Berlin' (or the event's zone) so the times mean the same on every computer
nozone.agenda: warning: no 'UID:'; calendars know this event by its title and organizer, so changing either makes it a new event
note: add 'UID: bd3b9d1700deb634a7b40dd32f4b7973@retrason.invalid' to keep it for good
0 errors, 4 warnings
