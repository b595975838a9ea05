# A cancellation: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 1 (above the
# invitation, 0, when there is no journal to ask).
env SOURCE_DATE_EPOCH=1669000000
$ retrason invite ics --cancel --to team.txt examples/kickoff.agenda
--- file team.txt
erika@example.org
--- stdout
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//retrason//retrason 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:CANCEL
BEGIN:VTIMEZONE
TZID:Europe/Berlin
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:retrason-kickoff-2022-12-05@allianz-fuer-die-region.de
DTSTAMP:20221121T030640Z
SEQUENCE:1
ORGANIZER;CN=Regionales Transformationsnetzwerk ReTraSON:mailto:retrason@al
 lianz-fuer-die-region.de
DTSTART;TZID=Europe/Berlin:20221205T160000
DTEND;TZID=Europe/Berlin:20221205T180000
SUMMARY;LANGUAGE=de:Workshop zur „Strategiebildung für die infrastruktur
 elle Transformation in SüdOstNiedersachsen“
LOCATION;LANGUAGE=de:Lilienthalhaus am Forschungsflughafen Braunschweig\, L
 ilienthalplatz 1\, 38108 Braunschweig
CONTACT;LANGUAGE=de:Allianz für die Region GmbH\, Team Mobilität\, Frankf
 urter Straße 284\, 38122 Braunschweig\, 0531 / 1218 - 165\, retrason@alli
 anz-fuer-die-region.de
STATUS:CANCELLED
ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:erika@example.org
DESCRIPTION;LANGUAGE=de:Das Regionale Transformationsnetzwerk SüdOstNieder
 sachsen (kurz ReTraSON) hat das Ziel\, ein Transformationsnetzwerk für di
 e Fahrzeug- und Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen P
 artner aus der regionalen Wirtschaft\, Wissenschaft\, Politik\, Verwaltung
  und von Gewerkschaften\, Verbänden und Kammern die Zukunft gestalten.\n
 \nUm dem Strukturwandel und weiteren aktuellen ökologischen und sozialen 
 Herausforderungen zu begegnen\, zielt das Regionale Transformationsnetzwer
 k SüdOstNiedersachsen darauf ab\, eine regionale Transformationsstrategie
  zu entwickeln. Dafür werden unterschiedliche Handlungsfelder fokussiert
 \, u. a. die infrastrukturelle Transformation. Eine entsprechende Strategi
 e zur infrastrukturellen Transformation soll die Gestaltungsspielräume du
 rch Bausteine zu Mobilitäts- und Energieinfrastruktur und weiteren daran 
 anknüpfenden Handlungsfeldern fokussieren.\n\nDamit die Strategie für in
 frastrukturelle Transformation effektiv und umsetzbar wird\, muss sie auf 
 dem Experten- und Fachwissen regionaler Entscheidungsträgerinnen fußen. 
 Daher würden wir uns freuen\, Euch bei der Kick-Off-Werkstatt für die in
 frastrukturelle Transformationsstrategie zu begrüßen. Im Rahmen der Werk
 statt werden zunächst Potentiale transformierter Mobilitätsstrukturen au
 fgezeigt. Anschließend wird das geplante Vorgehen der Strategiebildung da
 rgestellt. Darauf aufbauend könnt ihr mit dem Team von DLR-TS und weitere
 n regionalen Entscheidungsträgerinnen sondieren\, wie ihr den Prozess der
  Strategieentwicklung mitprägen könnt.\n\nFür Fragen und weitere Inform
 ationen stehen wir Euch jederzeit zur Verfügung.\n\nAgenda:\n16:00–16:1
 0 Grußwort und Auftakt der Werkstatt — Projektteam ReTraSON\, Projektte
 am DLR-TS\n16:10–16:30 Impulsvortrag und Diskussion „Regionaler Strukt
 urwandel als Spiegelbild einer neuen Mobilitätskultur“ — Prof. Dr. Mi
 chael Ortgiese\n16:30–17:50 Kick-Off zur gemeinsamen Strategieentwicklun
 g für infrastrukturelle Transformation — Projektteam DLR-TS\n17:50–18
 :00 Abschluss — Projektteam ReTraSON\, Projektteam DLR-TS\n18:00 Network
 ing\n\nKontakt: Allianz für die Region GmbH\, Team Mobilität\, Frankfurt
 er Straße 284\, 38122 Braunschweig\nTelefon: 0531 / 1218 - 165\nE-Mail: r
 etrason@allianz-fuer-die-region.de
END:VEVENT
END:VCALENDAR
