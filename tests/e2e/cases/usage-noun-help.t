$ retrason agenda --help
--- stdout
Usage: retrason agenda VERB [options] [args]

Commands:
  agenda show      print an agenda laid out for the terminal
  agenda check     check agenda files, report every problem
  agenda ics       write the event as an iCalendar file
  agenda export    write the agenda as JSON, Markdown or HTML
  agenda new       print a starter agenda file to fill in
