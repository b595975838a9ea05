$ retrason agenda show --lang=fr examples/kickoff.agenda
? 64
--- stderr
retrason agenda show: unsupported language 'fr' (use de or en)
Try 'retrason agenda show --help'.
