$ retrason agnda show
? 64
--- stderr
retrason: unknown command 'agnda'; did you mean 'agenda'?
Try 'retrason --help'.
