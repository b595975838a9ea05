# A cancelled event says so under its title.
$ retrason agenda show -w 60 off.agenda
--- file off.agenda
Title: Board meeting
Date: 2024-02-29
Time: 14:00-15:00
Timezone: UTC
Status: cancelled
Language: en-GB
--- stdout
Board meeting
═════════════
CANCELLED

When  Thursday, 29 February 2024, 14:00–15:00
