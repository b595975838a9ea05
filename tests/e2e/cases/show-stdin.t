# "-" (or no file, when standard input is not a terminal) reads stdin.
$ retrason agenda show -w 60 -
--- stdin
Title: From a pipe
Date: 2024-01-02
Time: 10:00-11:00
Timezone: Europe/Berlin
--- stdout
From a pipe
═══════════

When  Tuesday, 2 January 2024, 10:00–11:00
