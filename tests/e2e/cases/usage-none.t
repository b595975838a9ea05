# No arguments: the usage, on standard error, exit 64.
$ retrason
? 64
--- stderr
Usage: retrason [--help] [--version] NOUN VERB [options] [args]

One plain-text agenda file for a meeting or workshop: check it, show
it laid out in the terminal, turn it into calendar files.

Commands:
  agenda show      print an agenda laid out for the terminal
  agenda check     check agenda files, report every problem
  agenda ics       write the event as an iCalendar file
  agenda export    write the agenda as JSON, Markdown or HTML
  agenda new       print a starter agenda file to fill in
  invite ics       write the invitation's iCalendar payload
  invite send      send the invitation to a list by e-mail
  invite cancel    cancel the event for all invited
  invite replies   read the answers from a mailbox
  invite remind    send it again to those who did not answer
  invite status    who has which version and who answered

'retrason help NOUN VERB' or 'retrason NOUN VERB --help' tells more;
the manuals are retrason(1) and retrason-agenda(5).
