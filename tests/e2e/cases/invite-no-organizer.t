$ retrason invite ics --to list.txt meeting.agenda
? 65
--- file list.txt
a@example.org
--- file meeting.agenda
Title: No one to answer to
Date: 2024-01-02
Time: 10:00-11:00
Timezone: UTC
UID: x@example.org
--- stderr
retrason: meeting.agenda: an invitation needs an 'Organizer:' to answer to
