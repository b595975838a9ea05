# A directory is not an agenda: exit 66 (cannot open input).
$ retrason agenda show examples
? 66
--- stderr
retrason: cannot read examples: Is a directory
