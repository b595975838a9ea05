# agenda export needs to know the format, and suggests a near miss.
$ retrason agenda export -f htm examples/kickoff.agenda
? 64
--- stderr
retrason agenda export: unknown format 'htm'; did you mean 'html'?
Try 'retrason agenda export --help'.
