# At the narrowest width the facts and times stack above their text.
$ retrason agenda show -w 20 --lang=en examples/kickoff.agenda
--- stdout
Workshop zur
„Strategiebildung
für die
infrastrukturelle
Transformation in
SüdOstNiedersachsen“
════════════════════

When
  Monday, 5 December
  2022, 16:00–18:00
Where
  Lilienthalhaus am
  Forschungsflughafe
  n Braunschweig
  Lilienthalplatz 1,
  38108 Braunschweig
Organizer
  Regionales
  Transformationsnet
  zwerk ReTraSON
  <retrason@allianz-
  fuer-die-region.de
  >
Contact
  Allianz für die
  Region GmbH, Team
  Mobilität,
  Frankfurter Straße
  284, 38122
  Braunschweig
Phone
  0531 / 1218 - 165
Email
  retrason@allianz-f
  uer-die-region.de

Das Regionale
Transformationsnetzw
erk
SüdOstNiedersachsen
(kurz ReTraSON) hat
das Ziel, ein
Transformationsnetzw
erk für die
Fahrzeug- und
Zuliefererindustrie
ins Leben zu rufen.
Gemeinsam wollen
Partner aus der
regionalen
Wirtschaft,
Wissenschaft,
Politik, Verwaltung
und von
Gewerkschaften,
Verbänden und
Kammern die Zukunft
gestalten.

Um dem
Strukturwandel und
weiteren aktuellen
ökologischen und
sozialen
Herausforderungen zu
begegnen, zielt das
Regionale
Transformationsnetzw
erk
SüdOstNiedersachsen
darauf ab, eine
regionale
Transformationsstrat
egie zu entwickeln.
Dafür werden
unterschiedliche
Handlungsfelder
fokussiert, u. a.
die
infrastrukturelle
Transformation. Eine
entsprechende
Strategie zur
infrastrukturellen
Transformation soll
die
Gestaltungsspielräum
e durch Bausteine zu
Mobilitäts- und
Energieinfrastruktur
und weiteren daran
anknüpfenden
Handlungsfeldern
fokussieren.

Damit die Strategie
für
infrastrukturelle
Transformation
effektiv und
umsetzbar wird, muss
sie auf dem
Experten- und
Fachwissen
regionaler
Entscheidungsträgeri
nnen fußen. Daher
würden wir uns
freuen, Euch bei der
Kick-Off-Werkstatt
für die
infrastrukturelle
Transformationsstrat
egie zu begrüßen. Im
Rahmen der Werkstatt
werden zunächst
Potentiale
transformierter
Mobilitätsstrukturen
aufgezeigt.
Anschließend wird
das geplante
Vorgehen der
Strategiebildung
dargestellt. Darauf
aufbauend könnt ihr
mit dem Team von
DLR-TS und weiteren
regionalen
Entscheidungsträgeri
nnen sondieren, wie
ihr den Prozess der
Strategieentwicklung
mitprägen könnt.

Für Fragen und
weitere
Informationen stehen
wir Euch jederzeit
zur Verfügung.

Agenda
────────────────────
16:00–16:10
  Grußwort und
  Auftakt der
  Werkstatt
  Projektteam
  ReTraSON,
  Projektteam DLR-TS

16:10–16:30
  Impulsvortrag und
  Diskussion
  „Regionaler
  Strukturwandel als
  Spiegelbild einer
  neuen
  Mobilitätskultur“
  Prof. Dr. Michael
  Ortgiese

16:30–17:50
  Kick-Off zur
  gemeinsamen
  Strategieentwicklu
  ng für
  infrastrukturelle
  Transformation
  Projektteam DLR-TS

17:50–18:00
  Abschluss
  Projektteam
  ReTraSON,
  Projektteam DLR-TS

18:00
  Networking
