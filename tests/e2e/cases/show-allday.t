# No Time: an all-day event; its items are open-ended at the end.
$ retrason agenda show -w 60 allday.agenda
--- file allday.agenda
Title: Tag der offenen Tür
Date: 2024-05-01
Language: de
Status: tentative

Agenda:
10:00 | Führungen
14:00 | Kaffee und Kuchen
--- stdout
Tag der offenen Tür
═══════════════════
(vorläufig)

Wann  Mittwoch, 1. Mai 2024 (ganztägig)

Agenda
────────────────────────────────────────────────────────────
10:00–14:00  Führungen
14:00        Kaffee und Kuchen
