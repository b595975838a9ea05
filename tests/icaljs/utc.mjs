// For tests/icaljs.py: reads each calendar file named on the command
// line with ical.js, the parser inside Thunderbird, and prints the UTC
// start of every VEVENT as ical.js reads it through the file's own
// VTIMEZONE: "FILE YYYY-MM-DDTHH:MM:SSZ" a line.  A day's own instance
// of a multi-day event (RECURRENCE-ID) is left to occurrences.mjs.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

for (const path of process.argv.slice(2)) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const ev of cal.getAllSubcomponents("vevent")) {
    if (ev.hasProperty("recurrence-id")) continue;
    const start = ev.getFirstPropertyValue("dtstart");
    if (!start.zone || start.zone.tzid !== ev.getFirstProperty("dtstart").getParameter("tzid"))
      throw new Error(`${path}: DTSTART not read with its VTIMEZONE`);
    const utc = new Date(start.toUnixTime() * 1000).toISOString().replace(".000", "");
    console.log(`${path} ${utc}`);
  }
}
