# Control characters, a bare CR among them, never get into the model.
$ retrason agenda check ctrl.agenda
? 65
--- file ctrl.agenda escaped
Title: Bell\x07 here
Date: 2024-01-02\rTime: 10:00-11:00
Time: 10:00-11:00
Timezone: Europe/Berlin
Location: Escape \x1b[31m red
--- stderr
ctrl.agenda:1:12: error: control character U+0007 in the text
    1 | Title: Bell� here
      |            ^
note: remove it: the file must be plain text
ctrl.agenda:2:17: error: control character U+000D in the text
    2 | Date: 2024-01-02�Time: 10:00-11:00
      |                 ^
note: a carriage return may only end a line
ctrl.agenda:5:18: error: control character U+001B in the text
    5 | Location: Escape �[31m red
      |                  ^
note: remove it: the file must be plain text
3 errors, 0 warnings
