$ retrason agenda ics --sequence=-1 examples/kickoff.agenda
? 64
--- stderr
retrason agenda ics: invalid --sequence '-1' (a number from 0)
Try 'retrason agenda ics --help'.
