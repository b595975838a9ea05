# A BOM, CRLF line ends mixed with LF, tabs and comments anywhere: fine.
$ retrason agenda check crlf.agenda
--- file crlf.agenda escaped
\xEF\xBB\xBFTitle: Windows file\r
# a comment in the header\r
Date: 2024-01-02\r
Time:\t10:00-11:00
Timezone: Europe/Berlin\r
UID: windows@example.org\r
\r
Text\twith a tab.\r
   # an indented comment\r
Agenda:\r
10:00 | Start\r
\t# a comment among notes\r
\tA note\r
