# Invalid UTF-8 (a Latin-1 file) is reported at the byte, shown safely.
$ retrason agenda check latin1.agenda
? 65
--- file latin1.agenda escaped
Title: Gr\xfc\xdfe aus K\xf6ln
Date: 2024-01-02
Time: 10:00-11:00
Timezone: Europe/Berlin
Location: \xc3\x28 overlong and \xe0\x80\xaf
--- stderr
latin1.agenda:1:10: error: invalid UTF-8 (byte 0xFC)
    1 | Title: Gr��e aus K�ln
      |          ^
note: save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)
latin1.agenda:5:11: error: invalid UTF-8 (byte 0xC3)
    5 | Location: �( overlong and ���
      |           ^
note: save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)
2 errors, 0 warnings
