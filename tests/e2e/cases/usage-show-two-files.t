$ retrason agenda show examples/kickoff.agenda examples/kickoff.agenda
? 64
--- stderr
retrason agenda show: one agenda file at a time (got 2)
Try 'retrason agenda show --help'.
