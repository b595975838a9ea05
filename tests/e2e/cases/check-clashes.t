# Two items in one room at once, and a speaker in two items at once, are
# warnings naming the other item at its place.  Parallel tracks in other
# rooms, the same room on another day, and back-to-back items are not.
$ retrason agenda check clash.agenda
--- file clash.agenda
Title: Clash test
Date: 2027-03-25..2027-03-26
Time: 09:00-17:00
Timezone: Europe/Berlin
UID: clash@example.org

Agenda:
[2027-03-25]
09:00-12:00 | Plenary | Jane Doe | Hall
09:30-10:00 | Short talk | Ann | hall
10:30-11:00 | Another talk | Bob | Hall
12:00 | Lunch | | Hall
13:00-14:00 | Track 1 | Max Müller | Room 1
13:00-14:00 | Track 2 | Erika; max müller | Room 2
14:00 | Poster A | | Room 3
14:00 | Poster B | | Room 3
15:00-16:00 | Wrap-up | Jane Doe | Room 1
[2027-03-26]
09:00-12:00 | Day two | Jane Doe | Hall
--- stderr
clash.agenda:10:34: warning: 'Short talk' and 'Plenary' are in room 'hall' at the same time
   10 | 09:30-10:00 | Short talk | Ann | hall
      |                                  ^~~~
clash.agenda:9:36: note: 'Plenary' is from 09:00 to 12:00
    9 | 09:00-12:00 | Plenary | Jane Doe | Hall
      |                                    ^~~~
clash.agenda:11:36: warning: 'Another talk' and 'Plenary' are in room 'Hall' at the same time
   11 | 10:30-11:00 | Another talk | Bob | Hall
      |                                    ^~~~
clash.agenda:9:36: note: 'Plenary' is from 09:00 to 12:00
    9 | 09:00-12:00 | Plenary | Jane Doe | Hall
      |                                    ^~~~
clash.agenda:14:32: warning: 'max müller' is in 'Track 2' and 'Track 1' at the same time
   14 | 13:00-14:00 | Track 2 | Erika; max müller | Room 2
      |                                ^~~~~~~~~~
clash.agenda:13:25: note: 'Track 1' is from 13:00 to 14:00
   13 | 13:00-14:00 | Track 1 | Max Müller | Room 1
      |                         ^~~~~~~~~~
clash.agenda:16:22: warning: 'Poster B' and 'Poster A' are in room 'Room 3' at the same time
   16 | 14:00 | Poster B | | Room 3
      |                      ^~~~~~
clash.agenda:15:22: note: 'Poster A' is from 14:00 to 15:00
   15 | 14:00 | Poster A | | Room 3
      |                      ^~~~~~
0 errors, 4 warnings
