# A NUL byte: a binary file, reported once, at its position.
$ retrason agenda check image.agenda
? 65
--- file image.agenda escaped
Title: x
\x89PNG\x00\x00\xff\xfe
--- stderr
image.agenda:2:5: error: NUL byte: this is a binary file, not an agenda
    2 | �PNG����
      |     ^
note: agenda files are UTF-8 text; is this the right file?
1 error, 0 warnings
