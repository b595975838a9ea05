# Unknown (with the nearest known name) and repeated fields; every
# structured value is checked.
$ retrason agenda check fields.agenda
? 65
--- file fields.agenda
Titel: Kick-off
Title: Kick-off
title: Again
Date: 2024-01-02
Time: 10:00-11:00
Timezone: Europe/Berln
Organizer: "Doe, Jane <jane@example.org>
Email: jane.doe@
URL: www.example.org
Status: confirmd
Reminder: 30 lightyears
Language: deutsch
Colour: blue
  continued value of an unknown field
--- stderr
fields.agenda:1:1: error: unknown field 'Titel'
    1 | Titel: Kick-off
      | ^~~~~
note: did you mean 'Title'?
fields.agenda:3:1: error: field 'title' given twice
    3 | title: Again
      | ^~~~~
note: the first one is on line 2
fields.agenda:6:11: error: unknown time zone 'Europe/Berln'
    6 | Timezone: Europe/Berln
      |           ^~~~~~~~~~~~
note: did you mean 'Europe/Berlin'?
fields.agenda:7:12: error: unterminated quoted name
    7 | Organizer: "Doe, Jane <jane@example.org>
      |            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
note: close the name with '"'
fields.agenda:8:16: error: e-mail address has no domain after '@'
    8 | Email: jane.doe@
      |                ^
note: write it as 'name@example.org'
fields.agenda:9:6: error: URL without a scheme
    9 | URL: www.example.org
      |      ^~~~~~~~~~~~~~~
note: did you mean 'https://www.example.org'?
fields.agenda:10:9: error: unknown status 'confirmd'
   10 | Status: confirmd
      |         ^~~~~~~~
note: did you mean 'confirmed'?
fields.agenda:11:14: error: unknown unit 'lightyears' in the reminder
   11 | Reminder: 30 lightyears
      |              ^~~~~~~~~~
note: write it as '30 minutes', '2 hours' or '1 day' (before the start)
fields.agenda:12:11: error: invalid language tag 'deutsch'
   12 | Language: deutsch
      |           ^~~~~~~
note: use a BCP 47 tag such as 'de', 'en' or 'de-AT'
fields.agenda:13:1: error: unknown field 'Colour'
   13 | Colour: blue
      | ^~~~~~
note: see retrason-agenda(5) for the fields; X-Name keeps one of your own
10 errors, 0 warnings
