// The Node.js peer for `retrason agenda ics --items`: what a user would
// write with the npm package ical-generator.  Reads the agendas
// bench/gen-agenda.py makes and writes the same calendar as
// ../ics_python.py: the event with the programme in DESCRIPTION, and one
// VEVENT per item with SUMMARY, start and end, LOCATION and DESCRIPTION
// (ical-generator cannot write RELATED-TO).  Times are written as UTC
// instants (it needs a further package to write VTIMEZONEs); the instants
// are the same.
//
//     node ics_node.mjs AGENDA > OUT.ics
import { readFileSync } from 'node:fs';
import ical, { ICalCalendarMethod } from 'ical-generator';

// Europe/Berlin wall time to a Date, with the offset the zone has then.
const zone = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin', hour12: false, year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit',
});
function berlin(day, h, m) {
  const guess = new Date(Date.UTC(day.y, day.m - 1, day.d, h, m));
  const parts = zone.formatToParts(guess);
  const get = (t) => Number(parts.find((p) => p.type === t).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return new Date(guess.getTime() - (asUtc - guess.getTime()));
}

const head = {};
const items = [];
let day = null;
let inAgenda = false;
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!inAgenda) {
    if (line === 'Agenda:') inAgenda = true;
    else if (line.includes(': ') && !line.startsWith(' ')) {
      const i = line.indexOf(': ');
      head[line.slice(0, i)] = line.slice(i + 2);
    }
    continue;
  }
  if (line.startsWith('[')) {
    const [y, m, d] = line.slice(1, 11).split('-').map(Number);
    day = { y, m, d };
  } else if (line.startsWith('    ')) {
    items[items.length - 1].notes = line.trim();
  } else if (line) {
    const [t, title, speakers, room] = line.split('|').map((s) => s.trim());
    const [h, m] = t.split(':').map(Number);
    items.push({ day, h, m, start: berlin(day, h, m), title, speakers, room, notes: '' });
  }
}
for (let k = 0; k < items.length; k++) {
  const a = items[k];
  const b = items[k + 1];
  const sameDay = b && b.day === a.day;
  a.end = sameDay ? b.start : berlin(a.day, 23, 0);
}

const hhmm = (i) => `${String(i.h).padStart(2, '0')}:${String(i.m).padStart(2, '0')}`;
const cal = ical({ prodId: '//bench//ical-generator//EN', method: ICalCalendarMethod.PUBLISH });
const uid = 'bench@example.org';
const stamp = new Date(Date.UTC(2022, 10, 21));
const first = items[0];
cal.createEvent({
  id: uid,
  stamp,
  summary: head.Title,
  start: berlin(first.day, 7, 0),
  end: berlin(first.day, 23, 0),
  description: items.map((i) => `${hhmm(i)} ${i.title} — ${i.speakers} (${i.room})`).join('\n'),
});
items.forEach((i, n) => {
  cal.createEvent({
    id: `item-${n}.${uid}`,
    stamp,
    summary: i.title,
    start: i.start,
    end: i.end,
    location: i.room,
    description: [i.speakers, i.notes].filter(Boolean).join('\n'),
  });
});
process.stdout.write(cal.toString());
