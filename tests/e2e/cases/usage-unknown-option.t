$ retrason agenda show --colour=never examples/kickoff.agenda
? 64
--- stderr
retrason agenda show: unknown option '--colour'; did you mean '--color'?
Try 'retrason agenda show --help'.
