env SOURCE_DATE_EPOCH=yesterday
$ retrason agenda ics examples/kickoff.agenda
? 64
--- stderr
retrason: agenda ics: SOURCE_DATE_EPOCH must be seconds since 1970, not 'yesterday'
