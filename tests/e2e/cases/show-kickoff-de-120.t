# Wide terminals: long titles stay on one line, columns stay aligned.
$ retrason agenda show --width=120 examples/kickoff.agenda
--- stdout
Workshop zur „Strategiebildung für die infrastrukturelle Transformation in SüdOstNiedersachsen“
═══════════════════════════════════════════════════════════════════════════════════════════════

Wann          Montag, 5. Dezember 2022, 16:00–18:00 Uhr
Wo            Lilienthalhaus am Forschungsflughafen Braunschweig
              Lilienthalplatz 1, 38108 Braunschweig
Veranstalter  Regionales Transformationsnetzwerk ReTraSON <retrason@allianz-fuer-die-region.de>
Kontakt       Allianz für die Region GmbH, Team Mobilität, Frankfurter Straße 284, 38122 Braunschweig
Telefon       0531 / 1218 - 165
E-Mail        retrason@allianz-fuer-die-region.de

Das Regionale Transformationsnetzwerk SüdOstNiedersachsen (kurz ReTraSON) hat das Ziel, ein Transformationsnetzwerk für
die Fahrzeug- und Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen Partner aus der regionalen Wirtschaft,
Wissenschaft, Politik, Verwaltung und von Gewerkschaften, Verbänden und Kammern die Zukunft gestalten.

Um dem Strukturwandel und weiteren aktuellen ökologischen und sozialen Herausforderungen zu begegnen, zielt das
Regionale Transformationsnetzwerk SüdOstNiedersachsen darauf ab, eine regionale Transformationsstrategie zu entwickeln.
Dafür werden unterschiedliche Handlungsfelder fokussiert, u. a. die infrastrukturelle Transformation. Eine entsprechende
Strategie zur infrastrukturellen Transformation soll die Gestaltungsspielräume durch Bausteine zu Mobilitäts- und
Energieinfrastruktur und weiteren daran anknüpfenden Handlungsfeldern fokussieren.

Damit die Strategie für infrastrukturelle Transformation effektiv und umsetzbar wird, muss sie auf dem Experten- und
Fachwissen regionaler Entscheidungsträgerinnen fußen. Daher würden wir uns freuen, Euch bei der Kick-Off-Werkstatt für
die infrastrukturelle Transformationsstrategie zu begrüßen. Im Rahmen der Werkstatt werden zunächst Potentiale
transformierter Mobilitätsstrukturen aufgezeigt. Anschließend wird das geplante Vorgehen der Strategiebildung
dargestellt. Darauf aufbauend könnt ihr mit dem Team von DLR-TS und weiteren regionalen Entscheidungsträgerinnen
sondieren, wie ihr den Prozess der Strategieentwicklung mitprägen könnt.

Für Fragen und weitere Informationen stehen wir Euch jederzeit zur Verfügung.

Agenda
────────────────────────────────────────────────────────────
16:00–16:10  Grußwort und Auftakt der Werkstatt
             Projektteam ReTraSON, Projektteam DLR-TS

16:10–16:30  Impulsvortrag und Diskussion „Regionaler Strukturwandel als Spiegelbild einer neuen Mobilitätskultur“
             Prof. Dr. Michael Ortgiese

16:30–17:50  Kick-Off zur gemeinsamen Strategieentwicklung für infrastrukturelle Transformation
             Projektteam DLR-TS

17:50–18:00  Abschluss
             Projektteam ReTraSON, Projektteam DLR-TS

18:00        Networking
