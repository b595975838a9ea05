# --color=always colours the report even into a pipe.
$ retrason agenda check --color=always bad.agenda
? 65
--- file bad.agenda
Title: Colour
Date: 2024-01-02
Time: 10:00-11:00
Timezone: Europe/Berlim
--- stderr
[1mbad.agenda:4:11:[0m [1;31merror:[0m unknown time zone 'Europe/Berlim'
    4 | Timezone: Europe/Berlim
      | [1;32m          ^~~~~~~~~~~~~[0m
[1;36mnote:[0m did you mean 'Europe/Berlin'?
1 error, 0 warnings
