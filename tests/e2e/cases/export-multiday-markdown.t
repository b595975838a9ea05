# Markdown of a three-day conference: facts as a list, description,
# one table per day with rooms and notes; markup characters escaped.
$ retrason agenda export --format=markdown conference.agenda
--- file conference.agenda
Title: Mobility Days 2024 — *the* [regional] <meeting>
Date: 2024-09-17..2024-09-19
Time: 09:00-17:00
Timezone: Europe/Berlin
Language: en
Location: Stadthalle Braunschweig
URL: https://example.org/mobility-days

Three days on the transformation of regional mobility.

- Talks in the morning
- Workshops in the afternoon

Agenda:
[2024-09-17] Arrival and opening
09:00 | Registration
10:00-11:00 | Opening keynote | Dr. Anna Schmidt | Großer Saal
11:00 | Coffee
    Sponsored by the city
    Vegan options available
11:30 | Panel: The last mile \| what_next? | Ben Li; Carla Ruiz, PhD; Dev Patel | Großer Saal
[2024-09-18] Workshops
09:00 | Workshop A: Charging infrastructure | Team DLR-TS | Raum 1
09:00 | Workshop B: Public transport | Team ReTraSON | Raum 2
12:00 | Lunch
13:00-16:30 | Site visit | | Bus from the main entrance
[2024-09-19]
09:00 | Results | | Großer Saal
12:00 | Farewell
--- stdout
# Mobility Days 2024 — \*the\* \[regional\] \<meeting\>

- **When:** Tuesday, 17 September – Thursday, 19 September 2024, daily 09:00–17:00
- **Where:** Stadthalle Braunschweig
- **Web:** <https://example.org/mobility-days>

Three days on the transformation of regional mobility.

- Talks in the morning
- Workshops in the afternoon

## Agenda

### Tuesday, 17 September 2024 · Arrival and opening

| Time | Session | Speakers | Room |
| --- | --- | --- | --- |
| 09:00–10:00 | Registration |  |  |
| 10:00–11:00 | Opening keynote | Dr. Anna Schmidt | Großer Saal |
| 11:00–11:30 | Coffee — *Sponsored by the city / Vegan options available* |  |  |
| 11:30–17:00 | Panel: The last mile \| what\_next? | Ben Li; Carla Ruiz, PhD; Dev Patel | Großer Saal |

### Wednesday, 18 September 2024 · Workshops

| Time | Session | Speakers | Room |
| --- | --- | --- | --- |
| 09:00–12:00 | Workshop A: Charging infrastructure | Team DLR-TS | Raum 1 |
| 09:00–12:00 | Workshop B: Public transport | Team ReTraSON | Raum 2 |
| 12:00–13:00 | Lunch |  |  |
| 13:00–16:30 | Site visit |  | Bus from the main entrance |

### Thursday, 19 September 2024

| Time | Session | Speakers | Room |
| --- | --- | --- | --- |
| 09:00–12:00 | Results |  | Großer Saal |
| 12:00–17:00 | Farewell |  |  |
