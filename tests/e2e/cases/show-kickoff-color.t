# --color=always colours even when standard output is not a terminal.
$ retrason agenda show -w 80 --color=always examples/kickoff.agenda
--- stdout
[1mWorkshop zur „Strategiebildung für die infrastrukturelle Transformation in[0m
[1mSüdOstNiedersachsen“[0m
══════════════════════════════════════════════════════════════════════════

[1mWann[0m          Montag, 5. Dezember 2022, 16:00–18:00 Uhr
[1mWo[0m            Lilienthalhaus am Forschungsflughafen Braunschweig
              Lilienthalplatz 1, 38108 Braunschweig
[1mVeranstalter[0m  Regionales Transformationsnetzwerk ReTraSON
              <retrason@allianz-fuer-die-region.de>
[1mKontakt[0m       Allianz für die Region GmbH, Team Mobilität, Frankfurter Straße
              284, 38122 Braunschweig
[1mTelefon[0m       0531 / 1218 - 165
[1mE-Mail[0m        retrason@allianz-fuer-die-region.de

Das Regionale Transformationsnetzwerk SüdOstNiedersachsen (kurz ReTraSON) hat
das Ziel, ein Transformationsnetzwerk für die Fahrzeug- und Zuliefererindustrie
ins Leben zu rufen. Gemeinsam wollen Partner aus der regionalen Wirtschaft,
Wissenschaft, Politik, Verwaltung und von Gewerkschaften, Verbänden und Kammern
die Zukunft gestalten.

Um dem Strukturwandel und weiteren aktuellen ökologischen und sozialen
Herausforderungen zu begegnen, zielt das Regionale Transformationsnetzwerk
SüdOstNiedersachsen darauf ab, eine regionale Transformationsstrategie zu
entwickeln. Dafür werden unterschiedliche Handlungsfelder fokussiert, u. a. die
infrastrukturelle Transformation. Eine entsprechende Strategie zur
infrastrukturellen Transformation soll die Gestaltungsspielräume durch Bausteine
zu Mobilitäts- und Energieinfrastruktur und weiteren daran anknüpfenden
Handlungsfeldern fokussieren.

Damit die Strategie für infrastrukturelle Transformation effektiv und umsetzbar
wird, muss sie auf dem Experten- und Fachwissen regionaler
Entscheidungsträgerinnen fußen. Daher würden wir uns freuen, Euch bei der Kick-
Off-Werkstatt für die infrastrukturelle Transformationsstrategie zu begrüßen. Im
Rahmen der Werkstatt werden zunächst Potentiale transformierter
Mobilitätsstrukturen aufgezeigt. Anschließend wird das geplante Vorgehen der
Strategiebildung dargestellt. Darauf aufbauend könnt ihr mit dem Team von DLR-TS
und weiteren regionalen Entscheidungsträgerinnen sondieren, wie ihr den Prozess
der Strategieentwicklung mitprägen könnt.

Für Fragen und weitere Informationen stehen wir Euch jederzeit zur Verfügung.

[1mAgenda[0m
────────────────────────────────────────────────────────────
[1m16:00–16:10[0m  Grußwort und Auftakt der Werkstatt
             [36mProjektteam ReTraSON, Projektteam DLR-TS[0m

[1m16:10–16:30[0m  Impulsvortrag und Diskussion „Regionaler Strukturwandel als
             Spiegelbild einer neuen Mobilitätskultur“
             [36mProf. Dr. Michael Ortgiese[0m

[1m16:30–17:50[0m  Kick-Off zur gemeinsamen Strategieentwicklung für infrastrukturelle
             Transformation
             [36mProjektteam DLR-TS[0m

[1m17:50–18:00[0m  Abschluss
             [36mProjektteam ReTraSON, Projektteam DLR-TS[0m

[1m18:00[0m        Networking
