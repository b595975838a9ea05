# Only a header, continuation lines, X- fields, escaped bars: no problem.
$ retrason agenda check header-only.agenda
--- file header-only.agenda
title: Lower-case field names are fine
  and this continues the title
DATE: 2024-12-31
Time: 23:00-24:00
Timezone: UTC
X-Room-Plan: https://example.org/plan.pdf
Reminder: 1 day before
UID: odd@example.org
Categories: Test, Odd
