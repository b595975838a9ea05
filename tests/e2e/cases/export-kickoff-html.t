# The kick-off as an HTML page: lang from the file, the programme as a
# table with header cells, <time> elements with the UTC offset.
$ retrason agenda export -f html examples/kickoff.agenda
--- stdout
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="retrason 0.1.0">
<title>Workshop zur „Strategiebildung für die infrastrukturelle Transformation in SüdOstNiedersachsen“</title>
<style>
:root { color-scheme: light; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1a1a1a; background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
.status { display: inline-block; font-weight: 700; padding: .2rem .6rem; border: 2px solid currentColor; }
.changes { border-left: 4px solid #c55a00; padding: .1rem 1rem; margin: 1rem 0; }
.changes h2 { font-size: 1.1rem; margin: .5rem 0; }
.cancelled { color: #b00020; }
.cancelled h1 { text-decoration: line-through; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1.5rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
caption { text-align: left; font-weight: 700; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #d0d0d0; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
.notes { margin: .25rem 0 0; color: #555; font-size: .92em; }
a { color: #0645ad; }
tbody th { font-weight: 400; }
@media print {
  @page { margin: 15mm; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, dl.facts { break-inside: avoid; }
  h2 { break-after: avoid; }
}
</style>
</head>
<body>
<main>
<h1>Workshop zur „Strategiebildung für die infrastrukturelle Transformation in SüdOstNiedersachsen“</h1>
<dl class="facts">
<dt>Wann</dt><dd><time datetime="2022-12-05T16:00+01:00">Montag, 5. Dezember 2022, 16:00–18:00 Uhr</time></dd>
<dt>Wo</dt><dd>Lilienthalhaus am Forschungsflughafen Braunschweig<br>
Lilienthalplatz 1, 38108 Braunschweig</dd>
<dt>Veranstalter</dt><dd>Regionales Transformationsnetzwerk ReTraSON<br>
<a href="mailto:retrason@allianz-fuer-die-region.de">retrason@allianz-fuer-die-region.de</a></dd>
<dt>Kontakt</dt><dd>Allianz für die Region GmbH, Team Mobilität, Frankfurter Straße 284, 38122 Braunschweig</dd>
<dt>Telefon</dt><dd><a href="tel:05311218165">0531 / 1218 - 165</a></dd>
<dt>E-Mail</dt><dd><a href="mailto:retrason@allianz-fuer-die-region.de">retrason@allianz-fuer-die-region.de</a></dd>
</dl>
<p>Das Regionale Transformationsnetzwerk SüdOstNiedersachsen (kurz ReTraSON) hat das Ziel, ein Transformationsnetzwerk für die Fahrzeug- und Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen Partner aus der regionalen Wirtschaft, Wissenschaft, Politik, Verwaltung und von Gewerkschaften, Verbänden und Kammern die Zukunft gestalten.</p>
<p>Um dem Strukturwandel und weiteren aktuellen ökologischen und sozialen Herausforderungen zu begegnen, zielt das Regionale Transformationsnetzwerk SüdOstNiedersachsen darauf ab, eine regionale Transformationsstrategie zu entwickeln. Dafür werden unterschiedliche Handlungsfelder fokussiert, u. a. die infrastrukturelle Transformation. Eine entsprechende Strategie zur infrastrukturellen Transformation soll die Gestaltungsspielräume durch Bausteine zu Mobilitäts- und Energieinfrastruktur und weiteren daran anknüpfenden Handlungsfeldern fokussieren.</p>
<p>Damit die Strategie für infrastrukturelle Transformation effektiv und umsetzbar wird, muss sie auf dem Experten- und Fachwissen regionaler Entscheidungsträgerinnen fußen. Daher würden wir uns freuen, Euch bei der Kick-Off-Werkstatt für die infrastrukturelle Transformationsstrategie zu begrüßen. Im Rahmen der Werkstatt werden zunächst Potentiale transformierter Mobilitätsstrukturen aufgezeigt. Anschließend wird das geplante Vorgehen der Strategiebildung dargestellt. Darauf aufbauend könnt ihr mit dem Team von DLR-TS und weiteren regionalen Entscheidungsträgerinnen sondieren, wie ihr den Prozess der Strategieentwicklung mitprägen könnt.</p>
<p>Für Fragen und weitere Informationen stehen wir Euch jederzeit zur Verfügung.</p>
<section aria-labelledby="agenda">
<h2 id="agenda">Agenda</h2>
<table>
<thead><tr><th scope="col">Zeit</th><th scope="col">Programmpunkt</th><th scope="col">Mitwirkende</th></tr></thead>
<tbody>
<tr><td class="time"><time datetime="2022-12-05T16:00+01:00">16:00</time>–<time datetime="2022-12-05T16:10+01:00">16:10</time></td><th scope="row">Grußwort und Auftakt der Werkstatt</th><td>Projektteam ReTraSON, Projektteam DLR-TS</td></tr>
<tr><td class="time"><time datetime="2022-12-05T16:10+01:00">16:10</time>–<time datetime="2022-12-05T16:30+01:00">16:30</time></td><th scope="row">Impulsvortrag und Diskussion „Regionaler Strukturwandel als Spiegelbild einer neuen Mobilitätskultur“</th><td>Prof. Dr. Michael Ortgiese</td></tr>
<tr><td class="time"><time datetime="2022-12-05T16:30+01:00">16:30</time>–<time datetime="2022-12-05T17:50+01:00">17:50</time></td><th scope="row">Kick-Off zur gemeinsamen Strategieentwicklung für infrastrukturelle Transformation</th><td>Projektteam DLR-TS</td></tr>
<tr><td class="time"><time datetime="2022-12-05T17:50+01:00">17:50</time>–<time datetime="2022-12-05T18:00+01:00">18:00</time></td><th scope="row">Abschluss</th><td>Projektteam ReTraSON, Projektteam DLR-TS</td></tr>
<tr><td class="time"><time datetime="2022-12-05T18:00+01:00">18:00</time></td><th scope="row">Networking</th><td></td></tr>
</tbody>
</table>
</section>
</main>
</body>
</html>
