$ retrason agenda check
? 64
--- stderr
retrason agenda check: no agenda file given
Try 'retrason agenda check --help'.
