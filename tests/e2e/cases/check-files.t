# Several files: each is checked; an unreadable one makes the exit 66.
$ retrason agenda check examples/kickoff.agenda nonexistent.agenda bad.agenda
? 66
--- file bad.agenda
Title: Bad
Date: 2024-02-30
--- stderr
retrason: cannot read nonexistent.agenda: No such file or directory
bad.agenda:2:15: error: invalid date '2024-02-30': February 2024 has 29 days
    2 | Date: 2024-02-30
      |               ^~
note: the last day of February 2024 is 2024-02-29
1 error, 0 warnings in 3 files
