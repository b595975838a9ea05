# A file of comments and blank lines has no header.
$ retrason agenda check blank.agenda
? 65
--- file blank.agenda

# just a comment

--- stderr
blank.agenda: error: no 'Title:' field in the header
note: add a line like 'Title: Kick-off workshop' to the header
blank.agenda: error: no 'Date:' field in the header
note: add a line like 'Date: 2022-12-05' to the header
2 errors, 0 warnings
