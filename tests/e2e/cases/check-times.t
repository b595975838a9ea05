# Impossible and malformed times.
$ retrason agenda check t1.agenda t2.agenda t3.agenda t4.agenda t5.agenda t6.agenda
? 65
--- file t1.agenda
Title: Hour
Date: 2024-01-02
Time: 25:00-26:00
Timezone: UTC
--- file t2.agenda
Title: Letter O
Date: 2024-01-02
Time: 10:3O-11:00
Timezone: UTC
--- file t3.agenda
Title: Minutes
Date: 2024-01-02
Time: 10:75-11:00
Timezone: UTC
--- file t4.agenda
Title: No end
Date: 2024-01-02
Time: 10:00
Timezone: UTC
--- file t5.agenda
Title: Zero length
Date: 2024-01-02
Time: 10:00-10:00
Timezone: UTC
--- file t6.agenda
Title: Junk
Date: 2024-01-02
Time: 10:00-11:00 sharp
Timezone: UTC
--- stderr
t1.agenda:3:7: error: invalid time '25:00'
    3 | Time: 25:00-26:00
      |       ^~
note: hours go from 00 to 23; midnight is 00:00
t2.agenda:3:11: error: letter 'O' in the time '10:3O'
    3 | Time: 10:3O-11:00
      |           ^
note: did you mean '10:30'?
t3.agenda:3:10: error: invalid time '10:75'
    3 | Time: 10:75-11:00
      |          ^~
note: minutes go from 00 to 59
t4.agenda:3:7: error: the time has no end
    3 | Time: 10:00
      |       ^~~~~
note: write the hours as START-END, for example 16:00-18:00
t5.agenda:3:13: error: the event ends when it starts
    3 | Time: 10:00-10:00
      |             ^~~~~
t6.agenda:3:19: error: unexpected 'sharp' after the time
    3 | Time: 10:00-11:00 sharp
      |                   ^~~~~
6 errors, 0 warnings in 6 files
