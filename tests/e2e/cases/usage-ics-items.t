$ retrason invite ics --to x --items examples/kickoff.agenda
? 64
--- stderr
retrason invite ics: --items is for 'agenda ics'
Try 'retrason invite ics --help'.
