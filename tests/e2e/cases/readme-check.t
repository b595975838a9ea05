# The `agenda check` sample in README.md, kept true by this case.
$ retrason agenda check broken.agenda
? 65
--- file broken.agenda
Title: Kick-off
Date: 2023-02-29
Time: 16:00-18:00
Timezone: Europe/Berlin
Organiser: Jane Doe <jane@example.org>

Agenda:
16:00 | Welcome
17:3O | Wrap-up
--- stderr
broken.agenda:2:15: error: invalid date '2023-02-29': February 2023 has 28 days
    2 | Date: 2023-02-29
      |               ^~
note: the last day of February 2023 is 2023-02-28
broken.agenda:5:1: error: unknown field 'Organiser'
    5 | Organiser: Jane Doe <jane@example.org>
      | ^~~~~~~~~
note: did you mean 'Organizer'?
broken.agenda:9:5: error: letter 'O' in the time '17:3O'
    9 | 17:3O | Wrap-up
      |     ^
note: did you mean '17:30'?
3 errors, 0 warnings
