# A POSIX TZ rule names no zone a calendar knows: an agenda without
# Timezone: is refused rather than read in some other zone.
env TZ=EST5EDT,M3.2.0,M11.1.0
$ retrason agenda check meeting.agenda
? 65
--- file meeting.agenda
Title: Team meeting
Date: 2027-03-25
Time: 10:00-11:00
UID: meeting@example.org
--- stderr
meeting.agenda: error: no 'Timezone:', and TZ='EST5EDT,M3.2.0,M11.1.0' is not a zone name calendars know
note: add 'Timezone: Area/City', the IANA name of the event's zone, e.g. 'Timezone: America/New_York'
1 error, 0 warnings
