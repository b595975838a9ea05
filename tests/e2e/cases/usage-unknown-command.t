$ retrason agenda shwo examples/kickoff.agenda
? 64
--- stderr
retrason: unknown command 'agenda shwo'; did you mean 'agenda show'?
Try 'retrason agenda --help'.
