# A day with hours of its own: the When line names it, its heading
# shows its hours, and its last item ends with the day, not with Time.
# A day whose hours cross midnight keeps its items in order past it.
$ retrason agenda show --width 72 conf.agenda
--- file conf.agenda
Title: Konferenz
Date: 2027-03-25..2027-03-27
Time: 09:00-18:00
Timezone: Europe/Berlin
UID: conf@example.org

Agenda:
[2027-03-25] Anreise
09:00 | Begrüßung
[2027-03-26 09:00-02:00] Langer Tag
09:00 | Vorträge
20:00 | Konzert
00:30 | Ausklang
[2027-03-27 09:00-13:00] Abschlusstag
09:00 | Abschluss
--- stdout
Konferenz
═════════

When  Thursday, 25 March – Saturday, 27 March 2027, daily 09:00–18:00
      (Friday, 26 March: 09:00–02:00; Saturday, 27 March: 09:00–13:00)

Agenda
────────────────────────────────────────────────────────────
Thursday, 25 March 2027 · Anreise

09:00–18:00  Begrüßung

Friday, 26 March 2027 · 09:00–02:00 · Langer Tag

09:00–20:00  Vorträge
20:00–00:30  Konzert
00:30–02:00  Ausklang

Saturday, 27 March 2027 · 09:00–13:00 · Abschlusstag

09:00–13:00  Abschluss
