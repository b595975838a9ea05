$ retrason agenda show examples/kickoff.agenda --width
? 64
--- stderr
retrason agenda show: option '--width' needs a value
Try 'retrason agenda show --help'.
