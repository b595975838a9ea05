# The kick-off as JSON (schema version 1): local and UTC times, speakers
# as arrays, null for what the file does not give.
$ retrason agenda export -f json examples/kickoff.agenda
--- stdout
{
  "format": "retrason-agenda",
  "version": 1,
  "title": "Workshop zur „Strategiebildung für die infrastrukturelle Transformation in SüdOstNiedersachsen“",
  "uid": "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de",
  "sequence": 0,
  "status": "confirmed",
  "language": "de",
  "timezone": "Europe/Berlin",
  "all_day": false,
  "first_date": "2022-12-05",
  "last_date": "2022-12-05",
  "start": {"local": "2022-12-05T16:00:00", "utc": "2022-12-05T15:00:00Z"},
  "end": {"local": "2022-12-05T18:00:00", "utc": "2022-12-05T17:00:00Z"},
  "location": "Lilienthalhaus am Forschungsflughafen Braunschweig",
  "address": "Lilienthalplatz 1, 38108 Braunschweig",
  "organizer": {"name": "Regionales Transformationsnetzwerk ReTraSON", "email": "retrason@allianz-fuer-die-region.de"},
  "contact": "Allianz für die Region GmbH, Team Mobilität, Frankfurter Straße 284, 38122 Braunschweig",
  "phone": "0531 / 1218 - 165",
  "email": "retrason@allianz-fuer-die-region.de",
  "url": null,
  "reminder_minutes": null,
  "categories": [],
  "extra_fields": [],
  "description": [
    {"kind": "paragraph", "text": "Das Regionale Transformationsnetzwerk SüdOstNiedersachsen (kurz ReTraSON) hat das Ziel, ein Transformationsnetzwerk für die Fahrzeug- und Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen Partner aus der regionalen Wirtschaft, Wissenschaft, Politik, Verwaltung und von Gewerkschaften, Verbänden und Kammern die Zukunft gestalten."},
    {"kind": "paragraph", "text": "Um dem Strukturwandel und weiteren aktuellen ökologischen und sozialen Herausforderungen zu begegnen, zielt das Regionale Transformationsnetzwerk SüdOstNiedersachsen darauf ab, eine regionale Transformationsstrategie zu entwickeln. Dafür werden unterschiedliche Handlungsfelder fokussiert, u. a. die infrastrukturelle Transformation. Eine entsprechende Strategie zur infrastrukturellen Transformation soll die Gestaltungsspielräume durch Bausteine zu Mobilitäts- und Energieinfrastruktur und weiteren daran anknüpfenden Handlungsfeldern fokussieren."},
    {"kind": "paragraph", "text": "Damit die Strategie für infrastrukturelle Transformation effektiv und umsetzbar wird, muss sie auf dem Experten- und Fachwissen regionaler Entscheidungsträgerinnen fußen. Daher würden wir uns freuen, Euch bei der Kick-Off-Werkstatt für die infrastrukturelle Transformationsstrategie zu begrüßen. Im Rahmen der Werkstatt werden zunächst Potentiale transformierter Mobilitätsstrukturen aufgezeigt. Anschließend wird das geplante Vorgehen der Strategiebildung dargestellt. Darauf aufbauend könnt ihr mit dem Team von DLR-TS und weiteren regionalen Entscheidungsträgerinnen sondieren, wie ihr den Prozess der Strategieentwicklung mitprägen könnt."},
    {"kind": "paragraph", "text": "Für Fragen und weitere Informationen stehen wir Euch jederzeit zur Verfügung."}
  ],
  "days": [
    {
      "date": "2022-12-05",
      "label": null,
      "start": {"local": "2022-12-05T16:00:00", "utc": "2022-12-05T15:00:00Z"},
      "end": {"local": "2022-12-05T18:00:00", "utc": "2022-12-05T17:00:00Z"},
      "items": [
        {
          "start": {"local": "2022-12-05T16:00:00", "utc": "2022-12-05T15:00:00Z"},
          "end": {"local": "2022-12-05T16:10:00", "utc": "2022-12-05T15:10:00Z"},
          "title": "Grußwort und Auftakt der Werkstatt",
          "speakers": ["Projektteam ReTraSON", "Projektteam DLR-TS"],
          "room": null,
          "notes": null,
          "line": 48
        },
        {
          "start": {"local": "2022-12-05T16:10:00", "utc": "2022-12-05T15:10:00Z"},
          "end": {"local": "2022-12-05T16:30:00", "utc": "2022-12-05T15:30:00Z"},
          "title": "Impulsvortrag und Diskussion „Regionaler Strukturwandel als Spiegelbild einer neuen Mobilitätskultur“",
          "speakers": ["Prof. Dr. Michael Ortgiese"],
          "room": null,
          "notes": null,
          "line": 49
        },
        {
          "start": {"local": "2022-12-05T16:30:00", "utc": "2022-12-05T15:30:00Z"},
          "end": {"local": "2022-12-05T17:50:00", "utc": "2022-12-05T16:50:00Z"},
          "title": "Kick-Off zur gemeinsamen Strategieentwicklung für infrastrukturelle Transformation",
          "speakers": ["Projektteam DLR-TS"],
          "room": null,
          "notes": null,
          "line": 50
        },
        {
          "start": {"local": "2022-12-05T17:50:00", "utc": "2022-12-05T16:50:00Z"},
          "end": {"local": "2022-12-05T18:00:00", "utc": "2022-12-05T17:00:00Z"},
          "title": "Abschluss",
          "speakers": ["Projektteam ReTraSON", "Projektteam DLR-TS"],
          "room": null,
          "notes": null,
          "line": 51
        },
        {
          "start": {"local": "2022-12-05T18:00:00", "utc": "2022-12-05T17:00:00Z"},
          "end": null,
          "title": "Networking",
          "speakers": [],
          "room": null,
          "notes": null,
          "line": 52
        }
      ]
    }
  ]
}
