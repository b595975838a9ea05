# Every bad line of a distribution list, compiler-style; nothing written.
$ retrason invite ics --to list.txt examples/kickoff.agenda
? 65
--- file list.txt escaped
ok@example.org
Eve <eve@example.org>\rBcc: all@example.org
"Unclosed <u@example.org>
Name <bad address@example.org>
jörg@example.de
\xff@example.org
--- stderr
list.txt:2:22: error: control character U+000D in the text
    2 | Eve <eve@example.org>�Bcc: all@example.org
      |                      ^
note: a carriage return may only end a line
list.txt:3:1: error: unterminated quoted name
    3 | "Unclosed <u@example.org>
      | ^~~~~~~~~~~~~~~~~~~~~~~~~
note: close the name with '"'
list.txt:4:10: error: space in e-mail address
    4 | Name <bad address@example.org>
      |          ^
note: write the name before the address: 'Name <addr>'
list.txt:5:2: error: non-ASCII character in e-mail address
    5 | jörg@example.de
      |  ^
note: retrason sends to ASCII addresses only; write an international domain in its xn-- form
list.txt:6:1: error: invalid UTF-8 (byte 0xFF)
    6 | �@example.org
      | ^
note: save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)
