# A file of nothing but comments: not an agenda, said clearly.
$ retrason agenda check comments.agenda
? 65
--- file comments.agenda
# just
# comments

# here
--- stderr
comments.agenda: error: no 'Title:' field in the header
note: add a line like 'Title: Kick-off workshop' to the header
comments.agenda: error: no 'Date:' field in the header
note: add a line like 'Date: 2022-12-05' to the header
2 errors, 0 warnings
