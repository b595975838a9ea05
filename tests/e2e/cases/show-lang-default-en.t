# No Language and a C locale: English.
$ retrason agenda show -w 60 meeting.agenda
--- file meeting.agenda
Title: Team meeting
Date: 2024-03-31
Time: 09:00-10:30
Timezone: Europe/Berlin
--- stdout
Team meeting
════════════

When  Sunday, 31 March 2024, 09:00–10:30
