# The invitation mail as it would be sent (an mbox on standard output).
env SOURCE_DATE_EPOCH=1669000000
$ retrason invite send --dry-run --to team.txt examples/kickoff.agenda
--- file team.txt
"Müller, Hans" <hans.mueller@example.de>
--- stdout
From retrason Mon Nov 21 03:06:40 2022
From: Regionales Transformationsnetzwerk ReTraSON
 <retrason@allianz-fuer-die-region.de>
To: =?UTF-8?Q?M=C3=BCller=2C_Hans?= <hans.mueller@example.de>
Subject: =?UTF-8?Q?Einladung=3A_Workshop_zur_=E2=80=9EStrategiebildung_f?=
 =?UTF-8?Q?=C3=BCr_die_infrastrukturelle_Transformation_in_S=C3=BCdOstNied?=
 =?UTF-8?Q?ersachsen=E2=80=9C_=E2=80=93_Mo=2E=2C_5=2E_Dez=2E_2022_16=3A00?=
Date: Mon, 21 Nov 2022 03:06:40 +0000
Message-ID: <d5b6c2549bf60107.1669000000@allianz-fuer-die-region.de>
MIME-Version: 1.0
Content-Type: multipart/mixed;
 boundary="=_retrason_mixed_d5b6c2549bf60107"

This is an invitation in MIME format: a calendar program shows it.

--=_retrason_mixed_d5b6c2549bf60107
Content-Type: multipart/alternative;
 boundary="=_retrason_alt_d5b6c2549bf60107"

--=_retrason_alt_d5b6c2549bf60107
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

Workshop zur =E2=80=9EStrategiebildung f=C3=BCr die infrastrukturelle Trans=
formation
in S=C3=BCdOstNiedersachsen=E2=80=9C
=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=
=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=
=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=
=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=
=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=
=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=
=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=
=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90=E2=95=
=90=E2=95=90=E2=95=90=E2=95=90=E2=95=90

Wann          Montag, 5. Dezember 2022, 16:00=E2=80=9318:00 Uhr
Wo            Lilienthalhaus am Forschungsflughafen Braunschweig
              Lilienthalplatz 1, 38108 Braunschweig
Veranstalter  Regionales Transformationsnetzwerk ReTraSON
              <retrason@allianz-fuer-die-region.de>
Kontakt       Allianz f=C3=BCr die Region GmbH, Team Mobilit=C3=A4t, Frankf=
urter
              Stra=C3=9Fe 284, 38122 Braunschweig
Telefon       0531 / 1218 - 165
E-Mail        retrason@allianz-fuer-die-region.de

Das Regionale Transformationsnetzwerk S=C3=BCdOstNiedersachsen (kurz
ReTraSON) hat das Ziel, ein Transformationsnetzwerk f=C3=BCr die Fahrzeug-
und Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen Partner aus
der regionalen Wirtschaft, Wissenschaft, Politik, Verwaltung und von
Gewerkschaften, Verb=C3=A4nden und Kammern die Zukunft gestalten.

Um dem Strukturwandel und weiteren aktuellen =C3=B6kologischen und sozialen
Herausforderungen zu begegnen, zielt das Regionale
Transformationsnetzwerk S=C3=BCdOstNiedersachsen darauf ab, eine regionale
Transformationsstrategie zu entwickeln. Daf=C3=BCr werden unterschiedliche
Handlungsfelder fokussiert, u. a. die infrastrukturelle Transformation.
Eine entsprechende Strategie zur infrastrukturellen Transformation soll
die Gestaltungsspielr=C3=A4ume durch Bausteine zu Mobilit=C3=A4ts- und
Energieinfrastruktur und weiteren daran ankn=C3=BCpfenden Handlungsfeldern
fokussieren.

Damit die Strategie f=C3=BCr infrastrukturelle Transformation effektiv und
umsetzbar wird, muss sie auf dem Experten- und Fachwissen regionaler
Entscheidungstr=C3=A4gerinnen fu=C3=9Fen. Daher w=C3=BCrden wir uns freuen,=
 Euch bei
der Kick-Off-Werkstatt f=C3=BCr die infrastrukturelle
Transformationsstrategie zu begr=C3=BC=C3=9Fen. Im Rahmen der Werkstatt wer=
den
zun=C3=A4chst Potentiale transformierter Mobilit=C3=A4tsstrukturen aufgezei=
gt.
Anschlie=C3=9Fend wird das geplante Vorgehen der Strategiebildung
dargestellt. Darauf aufbauend k=C3=B6nnt ihr mit dem Team von DLR-TS und
weiteren regionalen Entscheidungstr=C3=A4gerinnen sondieren, wie ihr den
Prozess der Strategieentwicklung mitpr=C3=A4gen k=C3=B6nnt.

=46=C3=BCr Fragen und weitere Informationen stehen wir Euch jederzeit zur
Verf=C3=BCgung.

Agenda
=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=
=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=
=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=
=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=
=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=
=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=
=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=94=80=E2=
=94=80=E2=94=80
16:00=E2=80=9316:10  Gru=C3=9Fwort und Auftakt der Werkstatt
             Projektteam ReTraSON, Projektteam DLR-TS

16:10=E2=80=9316:30  Impulsvortrag und Diskussion =E2=80=9ERegionaler Struk=
turwandel als
             Spiegelbild einer neuen Mobilit=C3=A4tskultur=E2=80=9C
             Prof. Dr. Michael Ortgiese

16:30=E2=80=9317:50  Kick-Off zur gemeinsamen Strategieentwicklung f=C3=BCr
             infrastrukturelle Transformation
             Projektteam DLR-TS

17:50=E2=80=9318:00  Abschluss
             Projektteam ReTraSON, Projektteam DLR-TS

18:00        Networking

--=_retrason_alt_d5b6c2549bf60107
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

<!DOCTYPE html>
<html lang=3D"de">
<head>
<meta charset=3D"utf-8">
<meta name=3D"viewport" content=3D"width=3Ddevice-width, initial-scale=3D1"=
>
<meta name=3D"generator" content=3D"retrason 0.1.0">
<title>Workshop zur =E2=80=9EStrategiebildung f=C3=BCr die infrastrukturell=
e Transformation in S=C3=BCdOstNiedersachsen=E2=80=9C</title>
<style>
:root { color-scheme: light; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto =
Sans", "DejaVu Sans", sans-serif; color: #1a1a1a; background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
=2Estatus { display: inline-block; font-weight: 700; padding: .2rem .6rem; =
border: 2px solid currentColor; }
=2Echanges { border-left: 4px solid #c55a00; padding: .1rem 1rem; margin: 1=
rem 0; }
=2Echanges h2 { font-size: 1.1rem; margin: .5rem 0; }
=2Ecancelled { color: #b00020; }
=2Ecancelled h1 { text-decoration: line-through; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25r=
em 1rem; margin: 0 0 1.5rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
caption { text-align: left; font-weight: 700; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; bord=
er-bottom: 1px solid #d0d0d0; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
=2Enotes { margin: .25rem 0 0; color: #555; font-size: .92em; }
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
<h1>Workshop zur =E2=80=9EStrategiebildung f=C3=BCr die infrastrukturelle T=
ransformation in S=C3=BCdOstNiedersachsen=E2=80=9C</h1>
<dl class=3D"facts">
<dt>Wann</dt><dd><time datetime=3D"2022-12-05T16:00+01:00">Montag, 5. Dezem=
ber 2022, 16:00=E2=80=9318:00 Uhr</time></dd>
<dt>Wo</dt><dd>Lilienthalhaus am Forschungsflughafen Braunschweig<br>
Lilienthalplatz 1, 38108 Braunschweig</dd>
<dt>Veranstalter</dt><dd>Regionales Transformationsnetzwerk ReTraSON<br>
<a href=3D"mailto:retrason@allianz-fuer-die-region.de">retrason@allianz-fue=
r-die-region.de</a></dd>
<dt>Kontakt</dt><dd>Allianz f=C3=BCr die Region GmbH, Team Mobilit=C3=A4t, =
=46rankfurter Stra=C3=9Fe 284, 38122 Braunschweig</dd>
<dt>Telefon</dt><dd><a href=3D"tel:05311218165">0531 / 1218 - 165</a></dd>
<dt>E-Mail</dt><dd><a href=3D"mailto:retrason@allianz-fuer-die-region.de">r=
etrason@allianz-fuer-die-region.de</a></dd>
</dl>
<p>Das Regionale Transformationsnetzwerk S=C3=BCdOstNiedersachsen (kurz ReT=
raSON) hat das Ziel, ein Transformationsnetzwerk f=C3=BCr die Fahrzeug- und=
 Zuliefererindustrie ins Leben zu rufen. Gemeinsam wollen Partner aus der r=
egionalen Wirtschaft, Wissenschaft, Politik, Verwaltung und von Gewerkschaf=
ten, Verb=C3=A4nden und Kammern die Zukunft gestalten.</p>
<p>Um dem Strukturwandel und weiteren aktuellen =C3=B6kologischen und sozia=
len Herausforderungen zu begegnen, zielt das Regionale Transformationsnetzw=
erk S=C3=BCdOstNiedersachsen darauf ab, eine regionale Transformationsstrat=
egie zu entwickeln. Daf=C3=BCr werden unterschiedliche Handlungsfelder foku=
ssiert, u. a. die infrastrukturelle Transformation. Eine entsprechende Stra=
tegie zur infrastrukturellen Transformation soll die Gestaltungsspielr=C3=
=A4ume durch Bausteine zu Mobilit=C3=A4ts- und Energieinfrastruktur und wei=
teren daran ankn=C3=BCpfenden Handlungsfeldern fokussieren.</p>
<p>Damit die Strategie f=C3=BCr infrastrukturelle Transformation effektiv u=
nd umsetzbar wird, muss sie auf dem Experten- und Fachwissen regionaler Ent=
scheidungstr=C3=A4gerinnen fu=C3=9Fen. Daher w=C3=BCrden wir uns freuen, Eu=
ch bei der Kick-Off-Werkstatt f=C3=BCr die infrastrukturelle Transformation=
sstrategie zu begr=C3=BC=C3=9Fen. Im Rahmen der Werkstatt werden zun=C3=A4c=
hst Potentiale transformierter Mobilit=C3=A4tsstrukturen aufgezeigt. Anschl=
ie=C3=9Fend wird das geplante Vorgehen der Strategiebildung dargestellt. Da=
rauf aufbauend k=C3=B6nnt ihr mit dem Team von DLR-TS und weiteren regional=
en Entscheidungstr=C3=A4gerinnen sondieren, wie ihr den Prozess der Strateg=
ieentwicklung mitpr=C3=A4gen k=C3=B6nnt.</p>
<p>F=C3=BCr Fragen und weitere Informationen stehen wir Euch jederzeit zur =
Verf=C3=BCgung.</p>
<section aria-labelledby=3D"agenda">
<h2 id=3D"agenda">Agenda</h2>
<table>
<thead><tr><th scope=3D"col">Zeit</th><th scope=3D"col">Programmpunkt</th><=
th scope=3D"col">Mitwirkende</th></tr></thead>
<tbody>
<tr><td class=3D"time"><time datetime=3D"2022-12-05T16:00+01:00">16:00</tim=
e>=E2=80=93<time datetime=3D"2022-12-05T16:10+01:00">16:10</time></td><th s=
cope=3D"row">Gru=C3=9Fwort und Auftakt der Werkstatt</th><td>Projektteam Re=
TraSON, Projektteam DLR-TS</td></tr>
<tr><td class=3D"time"><time datetime=3D"2022-12-05T16:10+01:00">16:10</tim=
e>=E2=80=93<time datetime=3D"2022-12-05T16:30+01:00">16:30</time></td><th s=
cope=3D"row">Impulsvortrag und Diskussion =E2=80=9ERegionaler Strukturwande=
l als Spiegelbild einer neuen Mobilit=C3=A4tskultur=E2=80=9C</th><td>Prof. =
Dr. Michael Ortgiese</td></tr>
<tr><td class=3D"time"><time datetime=3D"2022-12-05T16:30+01:00">16:30</tim=
e>=E2=80=93<time datetime=3D"2022-12-05T17:50+01:00">17:50</time></td><th s=
cope=3D"row">Kick-Off zur gemeinsamen Strategieentwicklung f=C3=BCr infrast=
rukturelle Transformation</th><td>Projektteam DLR-TS</td></tr>
<tr><td class=3D"time"><time datetime=3D"2022-12-05T17:50+01:00">17:50</tim=
e>=E2=80=93<time datetime=3D"2022-12-05T18:00+01:00">18:00</time></td><th s=
cope=3D"row">Abschluss</th><td>Projektteam ReTraSON, Projektteam DLR-TS</td=
></tr>
<tr><td class=3D"time"><time datetime=3D"2022-12-05T18:00+01:00">18:00</tim=
e></td><th scope=3D"row">Networking</th><td></td></tr>
</tbody>
</table>
</section>
</main>
</body>
</html>

--=_retrason_alt_d5b6c2549bf60107
Content-Type: text/calendar; charset=UTF-8; method=REQUEST
Content-Transfer-Encoding: base64

QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL3JldHJhc29uLy9yZXRyYXNv
biAwLjEuMC8vRU4NCkNBTFNDQUxFOkdSRUdPUklBTg0KTUVUSE9EOlJFUVVFU1QNCkJFR0lOOlZU
SU1FWk9ORQ0KVFpJRDpFdXJvcGUvQmVybGluDQpYLUxJQy1MT0NBVElPTjpFdXJvcGUvQmVybGlu
DQpCRUdJTjpEQVlMSUdIVA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZT
RVRUTzorMDIwMA0KRFRTVEFSVDoxOTgxMDMyOVQwMjAwMDANClJSVUxFOkZSRVE9WUVBUkxZO0JZ
REFZPS0xU1U7QllNT05USD0zDQpFTkQ6REFZTElHSFQNCkJFR0lOOlNUQU5EQVJEDQpUWk5BTUU6
Q0VUDQpUWk9GRlNFVEZST006KzAyMDANClRaT0ZGU0VUVE86KzAxMDANCkRUU1RBUlQ6MTk5NjEw
MjdUMDMwMDAwDQpSUlVMRTpGUkVRPVlFQVJMWTtCWURBWT0tMVNVO0JZTU9OVEg9MTANCkVORDpT
VEFOREFSRA0KRU5EOlZUSU1FWk9ORQ0KQkVHSU46VkVWRU5UDQpVSUQ6cmV0cmFzb24ta2lja29m
Zi0yMDIyLTEyLTA1QGFsbGlhbnotZnVlci1kaWUtcmVnaW9uLmRlDQpEVFNUQU1QOjIwMjIxMTIx
VDAzMDY0MFoNClNFUVVFTkNFOjANCk9SR0FOSVpFUjtDTj1SZWdpb25hbGVzIFRyYW5zZm9ybWF0
aW9uc25ldHp3ZXJrIFJlVHJhU09OOm1haWx0bzpyZXRyYXNvbkBhbA0KIGxpYW56LWZ1ZXItZGll
LXJlZ2lvbi5kZQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9CZXJsaW46MjAyMjEyMDVUMTYwMDAwDQpE
VEVORDtUWklEPUV1cm9wZS9CZXJsaW46MjAyMjEyMDVUMTgwMDAwDQpTVU1NQVJZO0xBTkdVQUdF
PWRlOldvcmtzaG9wIHp1ciDigJ5TdHJhdGVnaWViaWxkdW5nIGbDvHIgZGllIGluZnJhc3RydWt0
dXINCiBlbGxlIFRyYW5zZm9ybWF0aW9uIGluIFPDvGRPc3ROaWVkZXJzYWNoc2Vu4oCcDQpMT0NB
VElPTjtMQU5HVUFHRT1kZTpMaWxpZW50aGFsaGF1cyBhbSBGb3JzY2h1bmdzZmx1Z2hhZmVuIEJy
YXVuc2Nod2VpZ1wsIEwNCiBpbGllbnRoYWxwbGF0eiAxXCwgMzgxMDggQnJhdW5zY2h3ZWlnDQpD
T05UQUNUO0xBTkdVQUdFPWRlOkFsbGlhbnogZsO8ciBkaWUgUmVnaW9uIEdtYkhcLCBUZWFtIE1v
YmlsaXTDpHRcLCBGcmFua2YNCiB1cnRlciBTdHJhw59lIDI4NFwsIDM4MTIyIEJyYXVuc2Nod2Vp
Z1wsIDA1MzEgLyAxMjE4IC0gMTY1XCwgcmV0cmFzb25AYWxsaQ0KIGFuei1mdWVyLWRpZS1yZWdp
b24uZGUNClNUQVRVUzpDT05GSVJNRUQNCkFUVEVOREVFO0NOPSJNw7xsbGVyLCBIYW5zIjtST0xF
PVJFUS1QQVJUSUNJUEFOVDtQQVJUU1RBVD1ORUVEUy1BQ1RJT047UlNWUA0KID1UUlVFOm1haWx0
bzpoYW5zLm11ZWxsZXJAZXhhbXBsZS5kZQ0KREVTQ1JJUFRJT047TEFOR1VBR0U9ZGU6RGFzIFJl
Z2lvbmFsZSBUcmFuc2Zvcm1hdGlvbnNuZXR6d2VyayBTw7xkT3N0TmllZGVyDQogc2FjaHNlbiAo
a3VyeiBSZVRyYVNPTikgaGF0IGRhcyBaaWVsXCwgZWluIFRyYW5zZm9ybWF0aW9uc25ldHp3ZXJr
IGbDvHIgZGkNCiBlIEZhaHJ6ZXVnLSB1bmQgWnVsaWVmZXJlcmluZHVzdHJpZSBpbnMgTGViZW4g
enUgcnVmZW4uIEdlbWVpbnNhbSB3b2xsZW4gUA0KIGFydG5lciBhdXMgZGVyIHJlZ2lvbmFsZW4g
V2lydHNjaGFmdFwsIFdpc3NlbnNjaGFmdFwsIFBvbGl0aWtcLCBWZXJ3YWx0dW5nDQogIHVuZCB2
b24gR2V3ZXJrc2NoYWZ0ZW5cLCBWZXJiw6RuZGVuIHVuZCBLYW1tZXJuIGRpZSBadWt1bmZ0IGdl
c3RhbHRlbi5cbg0KIFxuVW0gZGVtIFN0cnVrdHVyd2FuZGVsIHVuZCB3ZWl0ZXJlbiBha3R1ZWxs
ZW4gw7Zrb2xvZ2lzY2hlbiB1bmQgc296aWFsZW4gDQogSGVyYXVzZm9yZGVydW5nZW4genUgYmVn
ZWduZW5cLCB6aWVsdCBkYXMgUmVnaW9uYWxlIFRyYW5zZm9ybWF0aW9uc25ldHp3ZXINCiBrIFPD
vGRPc3ROaWVkZXJzYWNoc2VuIGRhcmF1ZiBhYlwsIGVpbmUgcmVnaW9uYWxlIFRyYW5zZm9ybWF0
aW9uc3N0cmF0ZWdpZQ0KICB6dSBlbnR3aWNrZWxuLiBEYWbDvHIgd2VyZGVuIHVudGVyc2NoaWVk
bGljaGUgSGFuZGx1bmdzZmVsZGVyIGZva3Vzc2llcnQNCiBcLCB1LiBhLiBkaWUgaW5mcmFzdHJ1
a3R1cmVsbGUgVHJhbnNmb3JtYXRpb24uIEVpbmUgZW50c3ByZWNoZW5kZSBTdHJhdGVnaQ0KIGUg
enVyIGluZnJhc3RydWt0dXJlbGxlbiBUcmFuc2Zvcm1hdGlvbiBzb2xsIGRpZSBHZXN0YWx0dW5n
c3NwaWVscsOkdW1lIGR1DQogcmNoIEJhdXN0ZWluZSB6dSBNb2JpbGl0w6R0cy0gdW5kIEVuZXJn
aWVpbmZyYXN0cnVrdHVyIHVuZCB3ZWl0ZXJlbiBkYXJhbiANCiBhbmtuw7xwZmVuZGVuIEhhbmRs
dW5nc2ZlbGRlcm4gZm9rdXNzaWVyZW4uXG5cbkRhbWl0IGRpZSBTdHJhdGVnaWUgZsO8ciBpbg0K
IGZyYXN0cnVrdHVyZWxsZSBUcmFuc2Zvcm1hdGlvbiBlZmZla3RpdiB1bmQgdW1zZXR6YmFyIHdp
cmRcLCBtdXNzIHNpZSBhdWYgDQogZGVtIEV4cGVydGVuLSB1bmQgRmFjaHdpc3NlbiByZWdpb25h
bGVyIEVudHNjaGVpZHVuZ3N0csOkZ2VyaW5uZW4gZnXDn2VuLiANCiBEYWhlciB3w7xyZGVuIHdp
ciB1bnMgZnJldWVuXCwgRXVjaCBiZWkgZGVyIEtpY2stT2ZmLVdlcmtzdGF0dCBmw7xyIGRpZSBp
bg0KIGZyYXN0cnVrdHVyZWxsZSBUcmFuc2Zvcm1hdGlvbnNzdHJhdGVnaWUgenUgYmVncsO8w59l
bi4gSW0gUmFobWVuIGRlciBXZXJrDQogc3RhdHQgd2VyZGVuIHp1bsOkY2hzdCBQb3RlbnRpYWxl
IHRyYW5zZm9ybWllcnRlciBNb2JpbGl0w6R0c3N0cnVrdHVyZW4gYXUNCiBmZ2V6ZWlndC4gQW5z
Y2hsaWXDn2VuZCB3aXJkIGRhcyBnZXBsYW50ZSBWb3JnZWhlbiBkZXIgU3RyYXRlZ2llYmlsZHVu
ZyBkYQ0KIHJnZXN0ZWxsdC4gRGFyYXVmIGF1ZmJhdWVuZCBrw7ZubnQgaWhyIG1pdCBkZW0gVGVh
bSB2b24gRExSLVRTIHVuZCB3ZWl0ZXJlDQogbiByZWdpb25hbGVuIEVudHNjaGVpZHVuZ3N0csOk
Z2VyaW5uZW4gc29uZGllcmVuXCwgd2llIGlociBkZW4gUHJvemVzcyBkZXINCiAgU3RyYXRlZ2ll
ZW50d2lja2x1bmcgbWl0cHLDpGdlbiBrw7ZubnQuXG5cbkbDvHIgRnJhZ2VuIHVuZCB3ZWl0ZXJl
IEluZm9ybQ0KIGF0aW9uZW4gc3RlaGVuIHdpciBFdWNoIGplZGVyemVpdCB6dXIgVmVyZsO8Z3Vu
Zy5cblxuQWdlbmRhOlxuMTY6MDDigJMxNjoxDQogMCBHcnXDn3dvcnQgdW5kIEF1ZnRha3QgZGVy
IFdlcmtzdGF0dCDigJQgUHJvamVrdHRlYW0gUmVUcmFTT05cLCBQcm9qZWt0dGUNCiBhbSBETFIt
VFNcbjE2OjEw4oCTMTY6MzAgSW1wdWxzdm9ydHJhZyB1bmQgRGlza3Vzc2lvbiDigJ5SZWdpb25h
bGVyIFN0cnVrdA0KIHVyd2FuZGVsIGFscyBTcGllZ2VsYmlsZCBlaW5lciBuZXVlbiBNb2JpbGl0
w6R0c2t1bHR1cuKAnCDigJQgUHJvZi4gRHIuIE1pDQogY2hhZWwgT3J0Z2llc2VcbjE2OjMw4oCT
MTc6NTAgS2ljay1PZmYgenVyIGdlbWVpbnNhbWVuIFN0cmF0ZWdpZWVudHdpY2tsdW4NCiBnIGbD
vHIgaW5mcmFzdHJ1a3R1cmVsbGUgVHJhbnNmb3JtYXRpb24g4oCUIFByb2pla3R0ZWFtIERMUi1U
U1xuMTc6NTDigJMxOA0KIDowMCBBYnNjaGx1c3Mg4oCUIFByb2pla3R0ZWFtIFJlVHJhU09OXCwg
UHJvamVrdHRlYW0gRExSLVRTXG4xODowMCBOZXR3b3JrDQogaW5nXG5cbktvbnRha3Q6IEFsbGlh
bnogZsO8ciBkaWUgUmVnaW9uIEdtYkhcLCBUZWFtIE1vYmlsaXTDpHRcLCBGcmFua2Z1cnQNCiBl
ciBTdHJhw59lIDI4NFwsIDM4MTIyIEJyYXVuc2Nod2VpZ1xuVGVsZWZvbjogMDUzMSAvIDEyMTgg
LSAxNjVcbkUtTWFpbDogcg0KIGV0cmFzb25AYWxsaWFuei1mdWVyLWRpZS1yZWdpb24uZGUNCkVO
RDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg==

--=_retrason_alt_d5b6c2549bf60107--

--=_retrason_mixed_d5b6c2549bf60107
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

QkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KUFJPRElEOi0vL3JldHJhc29uLy9yZXRyYXNv
biAwLjEuMC8vRU4NCkNBTFNDQUxFOkdSRUdPUklBTg0KTUVUSE9EOlJFUVVFU1QNCkJFR0lOOlZU
SU1FWk9ORQ0KVFpJRDpFdXJvcGUvQmVybGluDQpYLUxJQy1MT0NBVElPTjpFdXJvcGUvQmVybGlu
DQpCRUdJTjpEQVlMSUdIVA0KVFpOQU1FOkNFU1QNClRaT0ZGU0VURlJPTTorMDEwMA0KVFpPRkZT
RVRUTzorMDIwMA0KRFRTVEFSVDoxOTgxMDMyOVQwMjAwMDANClJSVUxFOkZSRVE9WUVBUkxZO0JZ
REFZPS0xU1U7QllNT05USD0zDQpFTkQ6REFZTElHSFQNCkJFR0lOOlNUQU5EQVJEDQpUWk5BTUU6
Q0VUDQpUWk9GRlNFVEZST006KzAyMDANClRaT0ZGU0VUVE86KzAxMDANCkRUU1RBUlQ6MTk5NjEw
MjdUMDMwMDAwDQpSUlVMRTpGUkVRPVlFQVJMWTtCWURBWT0tMVNVO0JZTU9OVEg9MTANCkVORDpT
VEFOREFSRA0KRU5EOlZUSU1FWk9ORQ0KQkVHSU46VkVWRU5UDQpVSUQ6cmV0cmFzb24ta2lja29m
Zi0yMDIyLTEyLTA1QGFsbGlhbnotZnVlci1kaWUtcmVnaW9uLmRlDQpEVFNUQU1QOjIwMjIxMTIx
VDAzMDY0MFoNClNFUVVFTkNFOjANCk9SR0FOSVpFUjtDTj1SZWdpb25hbGVzIFRyYW5zZm9ybWF0
aW9uc25ldHp3ZXJrIFJlVHJhU09OOm1haWx0bzpyZXRyYXNvbkBhbA0KIGxpYW56LWZ1ZXItZGll
LXJlZ2lvbi5kZQ0KRFRTVEFSVDtUWklEPUV1cm9wZS9CZXJsaW46MjAyMjEyMDVUMTYwMDAwDQpE
VEVORDtUWklEPUV1cm9wZS9CZXJsaW46MjAyMjEyMDVUMTgwMDAwDQpTVU1NQVJZO0xBTkdVQUdF
PWRlOldvcmtzaG9wIHp1ciDigJ5TdHJhdGVnaWViaWxkdW5nIGbDvHIgZGllIGluZnJhc3RydWt0
dXINCiBlbGxlIFRyYW5zZm9ybWF0aW9uIGluIFPDvGRPc3ROaWVkZXJzYWNoc2Vu4oCcDQpMT0NB
VElPTjtMQU5HVUFHRT1kZTpMaWxpZW50aGFsaGF1cyBhbSBGb3JzY2h1bmdzZmx1Z2hhZmVuIEJy
YXVuc2Nod2VpZ1wsIEwNCiBpbGllbnRoYWxwbGF0eiAxXCwgMzgxMDggQnJhdW5zY2h3ZWlnDQpD
T05UQUNUO0xBTkdVQUdFPWRlOkFsbGlhbnogZsO8ciBkaWUgUmVnaW9uIEdtYkhcLCBUZWFtIE1v
YmlsaXTDpHRcLCBGcmFua2YNCiB1cnRlciBTdHJhw59lIDI4NFwsIDM4MTIyIEJyYXVuc2Nod2Vp
Z1wsIDA1MzEgLyAxMjE4IC0gMTY1XCwgcmV0cmFzb25AYWxsaQ0KIGFuei1mdWVyLWRpZS1yZWdp
b24uZGUNClNUQVRVUzpDT05GSVJNRUQNCkFUVEVOREVFO0NOPSJNw7xsbGVyLCBIYW5zIjtST0xF
PVJFUS1QQVJUSUNJUEFOVDtQQVJUU1RBVD1ORUVEUy1BQ1RJT047UlNWUA0KID1UUlVFOm1haWx0
bzpoYW5zLm11ZWxsZXJAZXhhbXBsZS5kZQ0KREVTQ1JJUFRJT047TEFOR1VBR0U9ZGU6RGFzIFJl
Z2lvbmFsZSBUcmFuc2Zvcm1hdGlvbnNuZXR6d2VyayBTw7xkT3N0TmllZGVyDQogc2FjaHNlbiAo
a3VyeiBSZVRyYVNPTikgaGF0IGRhcyBaaWVsXCwgZWluIFRyYW5zZm9ybWF0aW9uc25ldHp3ZXJr
IGbDvHIgZGkNCiBlIEZhaHJ6ZXVnLSB1bmQgWnVsaWVmZXJlcmluZHVzdHJpZSBpbnMgTGViZW4g
enUgcnVmZW4uIEdlbWVpbnNhbSB3b2xsZW4gUA0KIGFydG5lciBhdXMgZGVyIHJlZ2lvbmFsZW4g
V2lydHNjaGFmdFwsIFdpc3NlbnNjaGFmdFwsIFBvbGl0aWtcLCBWZXJ3YWx0dW5nDQogIHVuZCB2
b24gR2V3ZXJrc2NoYWZ0ZW5cLCBWZXJiw6RuZGVuIHVuZCBLYW1tZXJuIGRpZSBadWt1bmZ0IGdl
c3RhbHRlbi5cbg0KIFxuVW0gZGVtIFN0cnVrdHVyd2FuZGVsIHVuZCB3ZWl0ZXJlbiBha3R1ZWxs
ZW4gw7Zrb2xvZ2lzY2hlbiB1bmQgc296aWFsZW4gDQogSGVyYXVzZm9yZGVydW5nZW4genUgYmVn
ZWduZW5cLCB6aWVsdCBkYXMgUmVnaW9uYWxlIFRyYW5zZm9ybWF0aW9uc25ldHp3ZXINCiBrIFPD
vGRPc3ROaWVkZXJzYWNoc2VuIGRhcmF1ZiBhYlwsIGVpbmUgcmVnaW9uYWxlIFRyYW5zZm9ybWF0
aW9uc3N0cmF0ZWdpZQ0KICB6dSBlbnR3aWNrZWxuLiBEYWbDvHIgd2VyZGVuIHVudGVyc2NoaWVk
bGljaGUgSGFuZGx1bmdzZmVsZGVyIGZva3Vzc2llcnQNCiBcLCB1LiBhLiBkaWUgaW5mcmFzdHJ1
a3R1cmVsbGUgVHJhbnNmb3JtYXRpb24uIEVpbmUgZW50c3ByZWNoZW5kZSBTdHJhdGVnaQ0KIGUg
enVyIGluZnJhc3RydWt0dXJlbGxlbiBUcmFuc2Zvcm1hdGlvbiBzb2xsIGRpZSBHZXN0YWx0dW5n
c3NwaWVscsOkdW1lIGR1DQogcmNoIEJhdXN0ZWluZSB6dSBNb2JpbGl0w6R0cy0gdW5kIEVuZXJn
aWVpbmZyYXN0cnVrdHVyIHVuZCB3ZWl0ZXJlbiBkYXJhbiANCiBhbmtuw7xwZmVuZGVuIEhhbmRs
dW5nc2ZlbGRlcm4gZm9rdXNzaWVyZW4uXG5cbkRhbWl0IGRpZSBTdHJhdGVnaWUgZsO8ciBpbg0K
IGZyYXN0cnVrdHVyZWxsZSBUcmFuc2Zvcm1hdGlvbiBlZmZla3RpdiB1bmQgdW1zZXR6YmFyIHdp
cmRcLCBtdXNzIHNpZSBhdWYgDQogZGVtIEV4cGVydGVuLSB1bmQgRmFjaHdpc3NlbiByZWdpb25h
bGVyIEVudHNjaGVpZHVuZ3N0csOkZ2VyaW5uZW4gZnXDn2VuLiANCiBEYWhlciB3w7xyZGVuIHdp
ciB1bnMgZnJldWVuXCwgRXVjaCBiZWkgZGVyIEtpY2stT2ZmLVdlcmtzdGF0dCBmw7xyIGRpZSBp
bg0KIGZyYXN0cnVrdHVyZWxsZSBUcmFuc2Zvcm1hdGlvbnNzdHJhdGVnaWUgenUgYmVncsO8w59l
bi4gSW0gUmFobWVuIGRlciBXZXJrDQogc3RhdHQgd2VyZGVuIHp1bsOkY2hzdCBQb3RlbnRpYWxl
IHRyYW5zZm9ybWllcnRlciBNb2JpbGl0w6R0c3N0cnVrdHVyZW4gYXUNCiBmZ2V6ZWlndC4gQW5z
Y2hsaWXDn2VuZCB3aXJkIGRhcyBnZXBsYW50ZSBWb3JnZWhlbiBkZXIgU3RyYXRlZ2llYmlsZHVu
ZyBkYQ0KIHJnZXN0ZWxsdC4gRGFyYXVmIGF1ZmJhdWVuZCBrw7ZubnQgaWhyIG1pdCBkZW0gVGVh
bSB2b24gRExSLVRTIHVuZCB3ZWl0ZXJlDQogbiByZWdpb25hbGVuIEVudHNjaGVpZHVuZ3N0csOk
Z2VyaW5uZW4gc29uZGllcmVuXCwgd2llIGlociBkZW4gUHJvemVzcyBkZXINCiAgU3RyYXRlZ2ll
ZW50d2lja2x1bmcgbWl0cHLDpGdlbiBrw7ZubnQuXG5cbkbDvHIgRnJhZ2VuIHVuZCB3ZWl0ZXJl
IEluZm9ybQ0KIGF0aW9uZW4gc3RlaGVuIHdpciBFdWNoIGplZGVyemVpdCB6dXIgVmVyZsO8Z3Vu
Zy5cblxuQWdlbmRhOlxuMTY6MDDigJMxNjoxDQogMCBHcnXDn3dvcnQgdW5kIEF1ZnRha3QgZGVy
IFdlcmtzdGF0dCDigJQgUHJvamVrdHRlYW0gUmVUcmFTT05cLCBQcm9qZWt0dGUNCiBhbSBETFIt
VFNcbjE2OjEw4oCTMTY6MzAgSW1wdWxzdm9ydHJhZyB1bmQgRGlza3Vzc2lvbiDigJ5SZWdpb25h
bGVyIFN0cnVrdA0KIHVyd2FuZGVsIGFscyBTcGllZ2VsYmlsZCBlaW5lciBuZXVlbiBNb2JpbGl0
w6R0c2t1bHR1cuKAnCDigJQgUHJvZi4gRHIuIE1pDQogY2hhZWwgT3J0Z2llc2VcbjE2OjMw4oCT
MTc6NTAgS2ljay1PZmYgenVyIGdlbWVpbnNhbWVuIFN0cmF0ZWdpZWVudHdpY2tsdW4NCiBnIGbD
vHIgaW5mcmFzdHJ1a3R1cmVsbGUgVHJhbnNmb3JtYXRpb24g4oCUIFByb2pla3R0ZWFtIERMUi1U
U1xuMTc6NTDigJMxOA0KIDowMCBBYnNjaGx1c3Mg4oCUIFByb2pla3R0ZWFtIFJlVHJhU09OXCwg
UHJvamVrdHRlYW0gRExSLVRTXG4xODowMCBOZXR3b3JrDQogaW5nXG5cbktvbnRha3Q6IEFsbGlh
bnogZsO8ciBkaWUgUmVnaW9uIEdtYkhcLCBUZWFtIE1vYmlsaXTDpHRcLCBGcmFua2Z1cnQNCiBl
ciBTdHJhw59lIDI4NFwsIDM4MTIyIEJyYXVuc2Nod2VpZ1xuVGVsZWZvbjogMDUzMSAvIDEyMTgg
LSAxNjVcbkUtTWFpbDogcg0KIGV0cmFzb25AYWxsaWFuei1mdWVyLWRpZS1yZWdpb24uZGUNCkVO
RDpWRVZFTlQNCkVORDpWQ0FMRU5EQVINCg==

--=_retrason_mixed_d5b6c2549bf60107--

--- stderr
retrason: plan for SEQUENCE 0 of retrason-kickoff-2022-12-05@allianz-fuer-die-region.de: 1 invitation
