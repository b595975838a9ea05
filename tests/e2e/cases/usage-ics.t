# invite ics needs a list; options of one command are refused by the other.
$ retrason invite ics examples/kickoff.agenda
? 64
--- stderr
retrason invite ics: --to LIST is required: who is invited?
Try 'retrason invite ics --help'.
