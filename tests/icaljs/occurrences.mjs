// For tests/occurrences.py: "node occurrences.mjs FILE UID [FILE UID]..."
// reads each FILE with ical.js, the parser inside Thunderbird, expands
// its recurring VEVENT UID the way Thunderbird does (the instances with
// RECURRENCE-ID related as exceptions) and prints every occurrence's
// UTC start and end: "FILE YYYY-MM-DDTHH:MM:SSZ YYYY-MM-DDTHH:MM:SSZ",
// or "FILE ERROR message" for a file it cannot read, and goes on.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const utc = (t) => new Date(t.toUnixTime() * 1000).toISOString().replace(".000", "");
function occurrences(path, uid) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const mine = cal.getAllSubcomponents("vevent")
    .filter((c) => c.getFirstPropertyValue("uid") === uid);
  const main = mine.filter((c) => !c.hasProperty("recurrence-id"));
  if (main.length !== 1) throw new Error(`${main.length} VEVENTs ${uid} without RECURRENCE-ID`);
  // A TZID that ical.js cannot resolve falls back to floating time,
  // which a TZ=UTC run would not notice.
  for (const c of mine)
    for (const name of ["dtstart", "dtend", "recurrence-id"]) {
      const prop = c.getFirstProperty(name);
      const tzid = prop && prop.getParameter("tzid");
      if (tzid && prop.getFirstValue().zone?.tzid !== tzid)
        throw new Error(`${name} ${tzid} not read with its VTIMEZONE`);
    }
  const event = new ICAL.Event(main[0], { strictExceptions: true });
  for (const c of mine) if (c.hasProperty("recurrence-id")) event.relateException(c);
  const out = [];
  const it = event.iterator();
  for (let next; (next = it.next()); ) {
    if (out.length > 1000) throw new Error("the rule does not end");
    const o = event.getOccurrenceDetails(next);
    out.push(`${path} ${utc(o.startDate)} ${utc(o.endDate)}`);
  }
  return out;
}

const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  try {
    for (const line of occurrences(args[i], args[i + 1])) console.log(line);
  } catch (e) {
    console.log(`${args[i]} ERROR ${String(e.message).replace(/\s+/g, " ")}`);
  }
}
