$ retrason agenda check --color=sometimes examples/kickoff.agenda
? 64
--- stderr
retrason agenda check: invalid --color 'sometimes' (use auto, always or never)
Try 'retrason agenda check --help'.
