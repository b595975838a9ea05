# Every kind of broken agenda item, all reported in one run.
$ retrason agenda check items.agenda
? 65
--- file items.agenda
Title: Items
Date: 2024-03-05..2024-03-06
Time: 09:00-17:00
Timezone: Europe/Berlin

Agenda:
  indented before any item
09:00 | Start
08:30 | Earlier than the one above
10:00 Forgot the bar
  (a note of the bad item: not reported again)
11:00 |
12:00-11:00 | Ends before it starts
12:00-12:00 | Ends when it starts
13:00 | a | b | c | d
Lunch at one
13:00 X | Junk after the time
[2024-03-09] Outside the event
[2024-03-06]
09:00 | Day two
[2024-03-05] Back to day one
[2024-03-06 Missing bracket
Agenda:
--- stderr
items.agenda:7:1: error: indented line before the first agenda item
    7 |   indented before any item
      | ^~~
note: indented lines are notes of the agenda item above; start items in the first column
items.agenda:9:1: error: item starts before the item above it
    9 | 08:30 | Earlier than the one above
      | ^~~~~
note: agenda items go in time order; start each day with a line '[YYYY-MM-DD]'
items.agenda:10:6: error: expected '|' between the time and the title
   10 | 10:00 Forgot the bar
      |      ^
note: write 'HH:MM | Title' or 'HH:MM-HH:MM | Title'
items.agenda:12:1: error: agenda item has no title
   12 | 11:00 |
      | ^~~~~~~
note: write the item's title after the '|'
items.agenda:13:1: error: item ends before it starts
   13 | 12:00-11:00 | Ends before it starts
      | ^~~~~~~~~~~
note: write the start first: 'START-END' (an item that ends after midnight lasts 12 hours at most)
items.agenda:14:7: error: item ends when it starts
   14 | 12:00-12:00 | Ends when it starts
      |       ^~~~~
note: leave the end out: an item ends where the next one starts
items.agenda:15:19: error: too many '|' fields in the agenda item
   15 | 13:00 | a | b | c | d
      |                   ^~~
note: an item is 'START[-END] | TITLE | SPEAKERS | ROOM'; write a '|' inside a text as '\|'
items.agenda:16:1: error: expected an agenda item
   16 | Lunch at one
      | ^~~~~
note: an item is 'HH:MM | Title'; notes under it are indented; a day starts with '[YYYY-MM-DD]'
items.agenda:17:7: error: unexpected 'X' after the time
   17 | 13:00 X | Junk after the time
      |       ^
note: an item is 'HH:MM | Title' or 'HH:MM-HH:MM | Title'
items.agenda:18:2: error: 2024-03-09 is not a day of this event
   18 | [2024-03-09] Outside the event
      |  ^~~~~~~~~~
note: the event runs from 2024-03-05 to 2024-03-06
items.agenda:21:2: error: day 2024-03-05 comes after a later or the same day
   21 | [2024-03-05] Back to day one
      |  ^~~~~~~~~~
note: days go in calendar order, each once
items.agenda:22:1: error: missing ']' after the date
   22 | [2024-03-06 Missing bracket
      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~
note: a day starts with a line '[YYYY-MM-DD] label'
items.agenda:23:1: error: second 'Agenda:' line
   23 | Agenda:
      | ^~~~~~~
note: there is one agenda per file
13 errors, 0 warnings
