# CRLF mixed with LF, tabs around values and separators: read as meant,
# tabs inside text become spaces (no tab reaches the layout).
$ retrason agenda show -w 60 mixed.agenda
--- file mixed.agenda escaped
Title: Mixed\r\nDate: 2024-01-02\nTime:\t10:00-11:00\r\nTimezone: UTC\nUID: mixed@example.org\n\nText\twith a tab.\r\n\nAgenda:\r\n10:00\t|\tOpening\t|\tAnn\n10:30 | Close\r\n
--- stdout
Mixed
═════

When  Tuesday, 2 January 2024, 10:00–11:00

Text with a tab.

Agenda
────────────────────────────────────────────────────────────
10:00–10:30  Opening
             Ann

10:30–11:00  Close
