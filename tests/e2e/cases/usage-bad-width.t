$ retrason agenda show -w 10 examples/kickoff.agenda
? 64
--- stderr
retrason agenda show: invalid --width '10' (20 to 1000 columns)
Try 'retrason agenda show --help'.
