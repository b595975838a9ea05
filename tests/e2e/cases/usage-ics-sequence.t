$ retrason agenda ics --sequence=-1 examples/kickoff.agenda
? 64
--- stderr
retrason agenda ics: invalid --sequence '-1' (0 to 1000000000)
Try 'retrason agenda ics --help'.
