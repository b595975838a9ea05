# Required fields; a header that runs into the description.
$ retrason agenda check missing.agenda
? 65
--- file missing.agenda
Location: Somewhere
   continuing
This line should have had a blank line above it.
--- stderr
missing.agenda:3:1: error: expected 'Field: value' in the header
    3 | This line should have had a blank line above it.
      | ^~~~
note: the header ends at the first blank line; put one before the description
missing.agenda: error: no 'Title:' field in the header
note: add a line like 'Title: Kick-off workshop' to the header
missing.agenda: error: no 'Date:' field in the header
note: add a line like 'Date: 2022-12-05' to the header
3 errors, 0 warnings
