# Display width, not bytes: umlauts, „quotes“, combining marks, CJK and
# emoji in titles, speakers and rooms keep the columns aligned.
$ retrason agenda show -w 60 unicode.agenda
--- file unicode.agenda
Title: 国际研讨会 — Internationaler Workshop 🎉
Date: 2024-06-03
Time: 09:00-12:00
Timezone: Asia/Tokyo
Language: en
Location: 東京国際フォーラム

Agenda:
09:00 | 開会の挨拶と基調講演：持続可能な交通インフラの未来について | 山田太郎; 佐藤花子 | ホールA
09:30 | Café & Crêpes (Café combining) — „Pause“ ☕ | Zoë Ångström | Foyer
10:00 | 🚀 Raketen-Workshop mit sehr langem Titel, der umbrechen muss | Ünal Öztürk, Björn Müller | Raum 3
--- stdout
国际研讨会 — Internationaler Workshop 🎉
════════════════════════════════════════

When   Monday, 3 June 2024, 09:00–12:00
Where  東京国際フォーラム

Agenda
────────────────────────────────────────────────────────────
09:00–09:30  開会の挨拶と基調講演：持続可能な交通イ  ホールA
             ンフラの未来について
             山田太郎, 佐藤花子

09:30–10:00  Café & Crêpes (Café combining) —        Foyer
             „Pause“ ☕
             Zoë Ångström

10:00–12:00  🚀 Raketen-Workshop mit sehr langem     Raum 3
             Titel, der umbrechen muss
             Ünal Öztürk, Björn Müller
