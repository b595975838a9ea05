# An empty file.
$ retrason agenda check empty.agenda
? 65
--- file empty.agenda
--- stderr
empty.agenda: error: the file is empty
note: an agenda starts with 'Title:', 'Date:' and 'Time:' lines; see retrason-agenda(5)
1 error, 0 warnings
