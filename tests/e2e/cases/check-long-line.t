# A 10 MB line is refused with its position, not read as a title.
$ retrason agenda check long.agenda
? 65
--- file long.agenda python
b"Title: " + "Ä".encode() * 5_000_000 + b"\nDate: 2024-01-02\nTime: 10:00-11:00\nTimezone: UTC\n"
--- stderr
long.agenda:1:1: error: line is too long (10000007 bytes; at most 65536)
    1 | Title: ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ…
      | ^
note: break long text into several lines; they are joined on display
1 error, 0 warnings
