# Standard input is named <stdin> in diagnostics.
$ retrason agenda check -
? 65
--- stdin
Title: From a pipe
Date: 2024-1-2
Time: 10:00-11:00
Timezone: UTC
--- stderr
<stdin>:2:7: error: expected a date as YYYY-MM-DD, found '2024-1-2'
    2 | Date: 2024-1-2
      |       ^~~~~~~~
note: write dates as YYYY-MM-DD, for example 2022-12-05
1 error, 0 warnings
