# This version cannot send: it says so and exits 69 (EX_UNAVAILABLE).
$ retrason invite send --to team.txt examples/kickoff.agenda
? 69
--- file team.txt
a@example.org
--- stderr
retrason: invite send: sending over SMTP is not in this version of retrason yet; --dry-run writes the messages
