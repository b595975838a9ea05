# Sending needs a server: --smtp or RETRASON_SMTP_URL; exit 64 without.
$ retrason invite send --to team.txt examples/kickoff.agenda
? 64
--- file team.txt
a@example.org
--- stderr
retrason invite send: no SMTP server: give --smtp URL, set RETRASON_SMTP_URL, or 'smtp = URL' in the config file (or --dry-run)
Try 'retrason invite send --help'.
