# More than 50 errors: the first 50 are shown, the rest counted.
$ retrason agenda check many.agenda
? 65
--- file many.agenda python
b"Title: x\nDate: 2024-01-02\nTime: 10:00-11:00\nTimezone: UTC\n\nAgenda:\n" + b"".join(b"%02d:99 | bad\n" % (i % 24) for i in range(60))
--- stderr
many.agenda:7:4: error: invalid time '00:99'
    7 | 00:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:8:4: error: invalid time '01:99'
    8 | 01:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:9:4: error: invalid time '02:99'
    9 | 02:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:10:4: error: invalid time '03:99'
   10 | 03:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:11:4: error: invalid time '04:99'
   11 | 04:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:12:4: error: invalid time '05:99'
   12 | 05:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:13:4: error: invalid time '06:99'
   13 | 06:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:14:4: error: invalid time '07:99'
   14 | 07:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:15:4: error: invalid time '08:99'
   15 | 08:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:16:4: error: invalid time '09:99'
   16 | 09:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:17:4: error: invalid time '10:99'
   17 | 10:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:18:4: error: invalid time '11:99'
   18 | 11:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:19:4: error: invalid time '12:99'
   19 | 12:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:20:4: error: invalid time '13:99'
   20 | 13:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:21:4: error: invalid time '14:99'
   21 | 14:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:22:4: error: invalid time '15:99'
   22 | 15:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:23:4: error: invalid time '16:99'
   23 | 16:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:24:4: error: invalid time '17:99'
   24 | 17:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:25:4: error: invalid time '18:99'
   25 | 18:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:26:4: error: invalid time '19:99'
   26 | 19:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:27:4: error: invalid time '20:99'
   27 | 20:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:28:4: error: invalid time '21:99'
   28 | 21:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:29:4: error: invalid time '22:99'
   29 | 22:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:30:4: error: invalid time '23:99'
   30 | 23:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:31:4: error: invalid time '00:99'
   31 | 00:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:32:4: error: invalid time '01:99'
   32 | 01:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:33:4: error: invalid time '02:99'
   33 | 02:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:34:4: error: invalid time '03:99'
   34 | 03:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:35:4: error: invalid time '04:99'
   35 | 04:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:36:4: error: invalid time '05:99'
   36 | 05:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:37:4: error: invalid time '06:99'
   37 | 06:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:38:4: error: invalid time '07:99'
   38 | 07:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:39:4: error: invalid time '08:99'
   39 | 08:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:40:4: error: invalid time '09:99'
   40 | 09:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:41:4: error: invalid time '10:99'
   41 | 10:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:42:4: error: invalid time '11:99'
   42 | 11:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:43:4: error: invalid time '12:99'
   43 | 12:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:44:4: error: invalid time '13:99'
   44 | 13:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:45:4: error: invalid time '14:99'
   45 | 14:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:46:4: error: invalid time '15:99'
   46 | 15:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:47:4: error: invalid time '16:99'
   47 | 16:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:48:4: error: invalid time '17:99'
   48 | 17:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:49:4: error: invalid time '18:99'
   49 | 18:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:50:4: error: invalid time '19:99'
   50 | 19:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:51:4: error: invalid time '20:99'
   51 | 20:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:52:4: error: invalid time '21:99'
   52 | 21:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:53:4: error: invalid time '22:99'
   53 | 22:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:54:4: error: invalid time '23:99'
   54 | 23:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:55:4: error: invalid time '00:99'
   55 | 00:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda:56:4: error: invalid time '01:99'
   56 | 01:99 | bad
      |    ^~
note: minutes go from 00 to 59
many.agenda: note: 10 more errors not shown
60 errors, 0 warnings
