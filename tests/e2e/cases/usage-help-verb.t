# help NOUN VERB is the verb's --help.
$ retrason help agenda show
--- stdout
Usage: retrason agenda show [options] [FILE|-]

Print an agenda file laid out for reading: title, date and time written
out, venue, contacts, the description and the programme as a table.
Without FILE (or with -) the agenda is read from standard input.

Options:
  -w, --width=COLS     lay out for COLS columns (20-1000); default: the
                       terminal's width, else $COLUMNS, else 80
      --color[=WHEN]   colour and bold: auto (default), always, never
      --lang=LANG      de or en; default: the file's Language, else the
                       locale (LC_ALL, LC_MESSAGES, LANG), else en
  -h, --help           show this help
