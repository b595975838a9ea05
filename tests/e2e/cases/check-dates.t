# Impossible dates, wrong formats and ranges.
$ retrason agenda check d1.agenda d2.agenda d3.agenda d4.agenda d5.agenda
? 65
--- file d1.agenda
Title: Leap
Date: 2023-02-29
Time: 10:00-11:00
Timezone: UTC
--- file d2.agenda
Title: Month
Date: 2023-13-01
Time: 10:00-11:00
Timezone: UTC
--- file d3.agenda
Title: German
Date: 5.12.2022
Time: 10:00-11:00
Timezone: UTC
--- file d4.agenda
Title: Reversed
Date: 2024-03-07..2024-03-05
Time: 10:00-11:00
Timezone: UTC
--- file d5.agenda
Title: Too long
Date: 2024-01-01..2025-06-01
Time: 10:00-11:00
Timezone: UTC
--- stderr
d1.agenda:2:15: error: invalid date '2023-02-29': February 2023 has 28 days
    2 | Date: 2023-02-29
      |               ^~
note: the last day of February 2023 is 2023-02-28
d2.agenda:2:12: error: invalid date '2023-13-01': there is no month 13
    2 | Date: 2023-13-01
      |            ^~
note: months go from 01 to 12
d3.agenda:2:7: error: expected a date as YYYY-MM-DD, found '5.12.2022'
    2 | Date: 5.12.2022
      |       ^~~~~~~~~
note: did you mean '2022-12-05'?
d4.agenda:2:7: error: the date range ends before it starts
    2 | Date: 2024-03-07..2024-03-05
      |       ^~~~~~~~~~~~~~~~~~~~~~
note: write the earlier date first: 'FIRST..LAST'
d5.agenda:2:7: error: an event can last at most 366 days
    2 | Date: 2024-01-01..2025-06-01
      |       ^~~~~~~~~~~~~~~~~~~~~~
note: split it into several agenda files
5 errors, 0 warnings in 5 files
