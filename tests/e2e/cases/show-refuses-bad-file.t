# show never lays out a broken agenda: it prints the errors, exits 65.
$ retrason agenda show -w 60 bad.agenda
? 65
--- file bad.agenda
Title: Broken
Date: 2024-02-30
Time: 10:00-11:00
Timezone: Europe/Berlin
--- stderr
bad.agenda:2:15: error: invalid date '2024-02-30': February 2024 has 29 days
    2 | Date: 2024-02-30
      |               ^~
note: the last day of February 2024 is 2024-02-29
retrason: bad.agenda has errors; 'retrason agenda check' lists them
