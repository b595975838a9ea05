#!/usr/bin/python3
"""agenda export: JSON, Markdown and HTML read back by real parsers and
renderers (json, jq, cmark-gfm, markdown-it, html.parser, headless
Chromium), on the example and on an agenda full of hostile text; the
escapers fed every byte; the jq one-liners of the man page run."""
import datetime
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

EXE = os.path.abspath(os.environ["RETRASON"])
ESCAPE = os.path.abspath(os.environ["RETRASON_ESCAPE"])
SRC = os.environ["RETRASON_SRCDIR"]
EXAMPLE = os.path.join(SRC, "examples", "kickoff.agenda")
ENV = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:2000]))


def run(*args, input=None):
    return subprocess.run([EXE, *args], input=input, capture_output=True, env=ENV)


def export(fmt, path, *extra):
    p = run("agenda", "export", "--format=" + fmt, *extra, path)
    if p.returncode:
        sys.exit(f"export {fmt} {path} failed: {p.stderr.decode()}")
    return p.stdout.decode()


# Every title here is plain text to retrason; each must come out as the
# same text, never as markup.
HOSTILE_TITLES = [
    '<script>alert("x")</script> & </td></table>',
    "*bold* _it_ `code` ~~gone~~ $x^2$",
    "[click](javascript:alert(1)) ![img](http://evil.example/x.png)",
    "- looks like a list",
    "1986. looks ordered",
    "# looks like a heading",
    "> looks like a quote",
    "a \\| b \\| c",          # the agenda file's escaped bar: a | b | c
    "back\\\\slash &amp; &#42; <b>bold</b>",
    "“Quotes” — Ünïcödé 中文 🎉 sep",
    "---",
]

HOSTILE = """Title: <Hostile> & "quoted" *title* | [x](javascript:y)
Date: 2024-10-26..2024-10-28
Time: 22:00-02:00
Timezone: Europe/Berlin
Language: en
Location: Hall <A> & "B"
Address: 1 Main St | Suite *5*
Organizer: "Ann <The> Lee & Co" <ann@example.org>
URL: https://example.org/a?b=<c>&d="e"

A paragraph with <em>markup</em> & *stars* | bars.

- a <li> item
- 2. another

Agenda:
[2024-10-26] Day <one> & more
""" + "".join(f"22:{10 + k:02d} | {t} | Doe, Jane; R*o*e | Room <{k}>\n"
              for k, t in enumerate(HOSTILE_TITLES)) + """    note line one | with bar
    note <two> & *three*
[2024-10-27]
01:30-01:55 | Across the DST change | | Kellerbar
[2024-10-28]
23:30-00:30 | Overnight session
"""


def unescape_agenda(t):
    return t.replace("\\|", "|")


def plain_title(t):
    return unescape_agenda(t)


tmp = tempfile.mkdtemp(prefix="retrason-export-")
hostile = os.path.join(tmp, "hostile.agenda")
with open(hostile, "w", encoding="utf-8") as f:
    f.write(HOSTILE)
chk = run("agenda", "check", hostile)
if chk.returncode:
    sys.exit("the hostile agenda does not check: " + chk.stderr.decode())

# ---- escapers, every byte ------------------------------------------------
def esc(kind, data):
    p = subprocess.run([ESCAPE, kind], input=data, capture_output=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


def replaced(data, keep=""):
    """What the escapers promise for bytes: invalid UTF-8 and controls
    (except those in keep) as U+FFFD."""
    s = data.decode("utf-8", "replace")
    return "".join(c if (c in keep or not (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0))
                   else "\ufffd" for c in s)


SAMPLES = [bytes([b]) for b in range(256)] + [
    bytes(range(0, 0x80)),
    "\"\\/\b\f\n\r\t\u2028\u2029 ünï 中 🎉".encode(),
    b"\xff\xfe\xc0\x80\xed\xa0\x80 ok \xf4\x90\x80\x80",
    "\r\n.\r\n".encode(),
] + [t.encode() for t in HOSTILE_TITLES]

bad = []
for data in SAMPLES:
    out = esc("json", data)
    try:
        back = json.loads(out)
    except ValueError as e:
        bad.append((data, str(e)))
        continue
    want = data.decode("utf-8", "replace")
    if back != want or any(b < 0x20 for b in out):
        bad.append((data, out))
expect("JSON strings: every byte read back by json.loads, no raw controls", not bad, bad[:3])


class Text(html.parser.HTMLParser):
    """Collects text and every tag; refuses nothing, records all."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.attrs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, d):
        self.text.append(d)


bad = []
for data in SAMPLES:
    out = esc("html", data)
    p = Text()
    p.feed("<p>" + out.decode() + "</p>")
    p.close()
    if p.tags != ["p"] or "".join(p.text) != replaced(data, keep="\n\t"):
        bad.append((data, out))
expect("HTML text: every byte stays text, never a tag", not bad, bad[:3])


def markdown_renderers():
    r = []
    if shutil.which("cmark-gfm"):
        r.append(("cmark-gfm", lambda md: subprocess.run(
            ["cmark-gfm", "--extension", "table", "--extension", "strikethrough",
             "--extension", "autolink"], input=md.encode(), capture_output=True,
            check=True).stdout.decode()))
    try:
        from markdown_it import MarkdownIt
        mdi = MarkdownIt("commonmark").enable("table").enable("strikethrough")
        r.append(("markdown-it", mdi.render))
    except ImportError:
        pass
    return r


RENDERERS = markdown_renderers()
expect("a Markdown renderer to check with (cmark-gfm or python3-markdown-it)", RENDERERS)

for name, render in RENDERERS:
    bad = []
    for data in SAMPLES:
        if any(b < 0x20 and b not in (9, 10) for b in data) or b"\x7f" in data:
            continue  # controls: checked as U+FFFD below by the JSON-like rule
        out = esc("markdown", data).decode()
        want = " ".join(replaced(data, keep="\n\t").replace("\n", " ").replace("\t", " ")
                        .split(" ")).strip(" ")
        for md, where in ((out, "paragraph"), (f"| x |\n| --- |\n| {out} |\n", "table cell")):
            p = Text()
            p.feed(render(md))
            text = "".join(p.text).strip()
            tags = set(p.tags) - {"p", "table", "thead", "tbody", "tr", "th", "td", "a"}
            if want and (text.replace("x\n", "", 1).strip() != want or tags):
                bad.append((where, data, out, text, tags))
    expect(f"Markdown text: renders as the same text in {name} (paragraph and table cell)",
           not bad, bad[:3])

# ---- JSON ----------------------------------------------------------------
ex = json.loads(export("json", EXAMPLE))
expect("JSON: format and version", ex["format"] == "retrason-agenda" and ex["version"] == 1)
expect("JSON: kick-off times local and UTC",
       ex["start"] == {"local": "2022-12-05T16:00:00", "utc": "2022-12-05T15:00:00Z"} and
       ex["end"]["utc"] == "2022-12-05T17:00:00Z", (ex["start"], ex["end"]))
items = [i for d in ex["days"] for i in d["items"]]
expect("JSON: five items, speakers as arrays, open end as null",
       len(items) == 5 and items[0]["speakers"] == ["Projektteam ReTraSON", "Projektteam DLR-TS"]
       and items[4]["end"] is None and items[4]["title"] == "Networking", items)

h = json.loads(export("json", hostile))
expect("JSON: hostile title kept as text", h["title"] == '<Hostile> & "quoted" *title* | [x](javascript:y)',
       h["title"])
expect("JSON: days as an array with labels",
       [d["date"] for d in h["days"]] == ["2024-10-26", "2024-10-27", "2024-10-28"] and
       h["days"][0]["label"] == "Day <one> & more" and h["days"][1]["label"] is None)
hitems = [i for d in h["days"] for i in d["items"]]
expect("JSON: every hostile title exactly",
       [i["title"] for i in hitems[:len(HOSTILE_TITLES)]] == [plain_title(t) for t in HOSTILE_TITLES],
       [i["title"] for i in hitems])
expect("JSON: speakers with commas, rooms, notes with line breaks",
       hitems[0]["speakers"] == ["Doe, Jane", "R*o*e"] and hitems[0]["room"] == "Room <0>" and
       hitems[len(HOSTILE_TITLES) - 1]["notes"] == "note line one | with bar\nnote <two> & *three*",
       hitems[len(HOSTILE_TITLES) - 1])
expect("JSON: organizer and contact fields",
       h["organizer"] == {"name": "Ann <The> Lee & Co", "email": "ann@example.org"} and
       h["url"] == 'https://example.org/a?b=<c>&d="e"' and h["phone"] is None, h["organizer"])

berlin = zoneinfo.ZoneInfo("Europe/Berlin")
bad = []
for d in h["days"]:
    for it in d["items"] + [d]:
        for k in ("start", "end"):
            v = it[k]
            if v is None:
                continue
            local = datetime.datetime.fromisoformat(v["local"]).replace(tzinfo=berlin)
            utc = local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            if utc != v["utc"]:
                bad.append((v, utc))
expect("JSON: UTC instants agree with Python's zoneinfo, across the DST change",
       not bad, bad)
expect("JSON: the overnight item ends the next day",
       hitems[-1]["end"]["local"] == "2024-10-29T00:30:00", hitems[-1])

# Zones and years where libical's own offsets are wrong (its rules lose
# transitions): the instants come from the zone file, as the VTIMEZONE.
for zone, day, clock in (("Asia/Tehran", "2018-03-25", "10:00"),
                         ("America/Sao_Paulo", "2014-02-15", "23:30"),
                         ("Asia/Jerusalem", "2014-03-28", "09:00")):
    path = os.path.join(tmp, "zone.agenda")
    with open(path, "w") as f:
        f.write(f"Title: T\nDate: {day}\nTime: {clock}-23:59\nTimezone: {zone}\n"
                f"UID: z@example.org\n")
    v = json.loads(export("json", path))["start"]
    local = datetime.datetime.fromisoformat(v["local"]).replace(tzinfo=zoneinfo.ZoneInfo(zone))
    want = local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    expect(f"JSON: {zone} {day} {clock} is {want}, as zoneinfo says", v["utc"] == want, v)

jq = shutil.which("jq")
if jq:
    p = subprocess.run(f"{EXE} agenda export -f json {hostile} | jq -e '.days[0].items[0].speakers[0]'",
                       shell=True, capture_output=True, env=ENV)
    expect("jq reads the export", p.returncode == 0 and p.stdout == b'"Doe, Jane"\n', p)

# The jq one-liners of retrason(1), run as they are written there.
examples, inside = [], False
with open(os.path.join(SRC, "man", "retrason.1"), encoding="utf-8") as f:
    cmd = ""
    for line in f:
        if line.startswith('.\\" jq-examples-end'):
            inside = False
        elif line.startswith('.\\" jq-examples-begin'):
            inside = True
        elif inside and not line.startswith("."):
            line = line.replace("\\(aq", "'").replace("\\e", "\\").replace("\\&", "")
            cmd += line.rstrip("\n").removeprefix("$ ") + " "
            if cmd.rstrip().endswith("\\"):
                cmd = cmd.rstrip()[:-1]
            elif not cmd.rstrip().endswith("|"):
                examples.append(cmd)
                cmd = ""
expect("the man page shows two jq one-liners", len(examples) >= 2, examples)
if jq:
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir, exist_ok=True)
    if not os.path.exists(os.path.join(bindir, "retrason")):
        os.symlink(EXE, os.path.join(bindir, "retrason"))
    shutil.copy(EXAMPLE, os.path.join(tmp, "kickoff.agenda"))
    env = dict(ENV, PATH=bindir + ":" + ENV["PATH"])
    want = [
        "".join(f"{i['start']['local'][11:16]}  {i['title']}\n" for i in items),
        "".join(s + "\n" for s in sorted({s for i in items for s in i["speakers"]})),
    ]
    for k, example in enumerate(examples[:2]):
        p = subprocess.run(example, shell=True, cwd=tmp, capture_output=True, env=env)
        expect(f"man page jq example {k + 1} prints what it promises",
               p.returncode == 0 and p.stdout.decode() == want[k], (example, p.stdout, p.stderr))

# ---- Markdown ------------------------------------------------------------
class Table(Text):
    """Rows of cell texts, the h1, h2/h3 headings."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.heads, self.in_head = [], None, {}, None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in ("h1", "h2", "h3", "caption"):
            self.in_head = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag in ("h1", "h2", "h3", "caption") and self.in_head is not None:
            self.heads.setdefault(tag, []).append(" ".join("".join(self.in_head).split()))
            self.in_head = None

    def handle_data(self, d):
        super().handle_data(d)
        if self.cell is not None:
            self.cell.append(d)
        if self.in_head is not None:
            self.in_head.append(d)


def norm(s):
    return " ".join(s.split())


def want_rows(doc, notes_sep):
    rows = []
    for d in doc["days"]:
        for i in d["items"]:
            t = i["start"]["local"][11:16] + ("–" + i["end"]["local"][11:16] if i["end"] else "")
            title = i["title"] + (notes_sep[0] + notes_sep[1].join(i["notes"].split("\n"))
                                  if i["notes"] else "")
            rows.append([norm(t), norm(title), norm(", ".join(i["speakers"]) if not any(
                "," in s for s in i["speakers"]) else "; ".join(i["speakers"])), norm(i["room"] or "")])
    return rows


for name, render in RENDERERS:
    for label, path, doc in (("example", EXAMPLE, ex), ("hostile", hostile, h)):
        t = Table()
        t.feed(render(export("markdown", path)))
        body = [r for r in t.rows if r and r[0] != "Time" and r[0] != "Zeit"]
        want = want_rows(doc, (" — ", " / "))
        if label == "example":  # no rooms: three columns
            want = [r[:3] for r in want]
        expect(f"Markdown ({name}, {label}): the title as the one h1",
               t.heads.get("h1") == [norm(doc["title"])], t.heads.get("h1"))
        expect(f"Markdown ({name}, {label}): one table row per item, every cell exact",
               body == want, [(a, b) for a, b in zip(body, want) if a != b] or (len(body), len(want)))
        bad_tags = set(t.tags) - {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "a",
                                  "table", "thead", "tbody", "tr", "th", "td"}
        expect(f"Markdown ({name}, {label}): no markup from the file's text", not bad_tags, bad_tags)
        hrefs = [a.get("href", "") for tag, a in t.attrs if tag == "a"]
        expect(f"Markdown ({name}, {label}): links only mailto: and http(s):",
               all(re.match(r"(mailto:|https?://)", x) for x in hrefs), hrefs)

# ---- HTML ----------------------------------------------------------------
VOID = {"meta", "br", "link", "img", "hr", "input"}


class Strict(Table):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.lang, self.style = [], [], None, ""
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "style":
            self.in_style = False
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, d):
        if self.in_style:
            self.style += d
        else:
            super().handle_data(d)


for label, path, d in (("example", EXAMPLE, ex), ("hostile", hostile, h)):
    page = export("html", path)
    s = Strict()
    s.feed(page)
    s.close()
    expect(f"HTML ({label}): a complete page, tags balanced", page.startswith("<!DOCTYPE html>")
           and not s.errors and not s.stack, (s.errors, s.stack))
    expect(f"HTML ({label}): lang from the file's Language", s.lang == d["language"], s.lang)
    expect(f"HTML ({label}): no scripts, nothing loaded from elsewhere",
           not {"script", "img", "iframe", "link", "object", "embed"} & set(s.tags) and
           not any(k in ("src", "srcset") or k.startswith("on") for _, a in s.attrs for k in a)
           and "url(" not in s.style and "@import" not in s.style)
    expect(f"HTML ({label}): a print stylesheet", "@media print" in s.style)
    hrefs = [a.get("href", "") for tag, a in s.attrs if tag == "a"]
    expect(f"HTML ({label}): links only mailto:, tel: and http(s):",
           all(re.match(r"(mailto:|tel:|https?://)", x) for x in hrefs), hrefs)
    expect(f"HTML ({label}): the title in <title> and <h1>",
           s.heads.get("h1") == [norm(d["title"])] and f"<title>" in page, s.heads)
    body = [r for r in s.rows if r and r[0] not in ("Time", "Zeit")]
    want = want_rows(d, ("", " "))
    if label == "example":
        want = [r[:3] for r in want]
    expect(f"HTML ({label}): one table row per item, every cell exact", body == want,
           [(a, b) for a, b in zip(body, want) if a != b] or (len(body), len(want)))
    heads = [a.get("scope") for tag, a in s.attrs if tag == "th"]
    expect(f"HTML ({label}): header cells with scope", heads and all(heads), heads)
    if label == "hostile":
        expect("HTML (hostile): day captions", s.heads.get("caption", [None])[0] ==
               "Saturday, 26 October 2024 · Day <one> & more", s.heads.get("caption"))

# Rendered by a real browser: the title and every item must be on the page.
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
pdftotext = shutil.which("pdftotext")
if not (chromium and pdftotext):
    expect("headless Chromium and pdftotext installed (Debian: chromium, poppler-utils)", False)
else:
    for label, path, d in (("example", EXAMPLE, ex), ("hostile", hostile, h)):
        page = os.path.join(tmp, label + ".html")
        p = run("agenda", "export", "-f", "html", "-o", page, path)
        pdf = os.path.join(tmp, label + ".pdf")
        png = os.path.join(tmp, label + ".png")
        browser = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-pdf-header-footer", "--user-data-dir=" + os.path.join(tmp, "profile")]
        r1 = subprocess.run(browser + ["--print-to-pdf=" + pdf, "file://" + page],
                            capture_output=True, timeout=180)
        r2 = subprocess.run(browser + ["--hide-scrollbars", "--window-size=1000,1400",
                                       "--screenshot=" + png, "file://" + page],
                            capture_output=True, timeout=180)
        text = subprocess.run([pdftotext, pdf, "-"], capture_output=True).stdout.decode()
        # CJK and emoji need fonts the system may not have: a font
        # question, not retrason's; everything else must be there.
        # pdftotext also merges runs of hyphens, which the PDF may
        # hold as one glyph run.
        def flatten(t):
            t = re.sub("-+", "-", "".join(t.split()))
            return "".join(c for c in t if ord(c) < 0x2e80)
        flat = flatten(text)
        missing = [i["title"] for dd in d["days"] for i in dd["items"]
                   if flatten(i["title"]) not in flat]
        expect(f"Chromium ({label}): printed to PDF with the title and every item",
               p.returncode == 0 and os.path.getsize(pdf) > 1000 and
               flatten(d["title"]) in flat and not missing, (missing, text[:500]))
        with open(png, "rb") as f:
            expect(f"Chromium ({label}): a screenshot", f.read(8) == b"\x89PNG\r\n\x1a\n")

# ---- errors --------------------------------------------------------------
p = run("agenda", "export", EXAMPLE)
expect("no --format: exit 64 and says so", p.returncode == 64 and b"--format" in p.stderr, p.stderr)
p = run("agenda", "export", "--format=jsno", EXAMPLE)
expect("a misspelt format: exit 64 with a suggestion",
       p.returncode == 64 and b"did you mean 'json'" in p.stderr, p.stderr)
bad_agenda = os.path.join(tmp, "bad.agenda")
with open(bad_agenda, "w") as f:
    f.write("Title: x\nDate: 2023-02-29\n")
p = run("agenda", "export", "-f", "json", bad_agenda)
expect("a file with errors: exit 65, errors shown, nothing written",
       p.returncode == 65 and b"bad.agenda:2:15: error" in p.stderr and not p.stdout, p.stderr)
out = os.path.join(tmp, "out.json")
with open(out, "w") as f:
    f.write("old")
p = run("agenda", "export", "-f", "json", "-o", out, bad_agenda)
with open(out) as f:
    expect("-o with a bad file keeps the old output", f.read() == "old")
p = run("agenda", "export", "-f", "html", "-o", os.path.join(tmp, "no", "such", "dir.html"), EXAMPLE)
expect("-o into a missing folder: exit 73", p.returncode == 73 and b"cannot create" in p.stderr, p.stderr)
with open("/dev/full", "wb") as full:
    p = subprocess.run([EXE, "agenda", "export", "-f", "markdown", EXAMPLE], stdout=full,
                       stderr=subprocess.PIPE, env=ENV)
expect("to a full disk: exit 74", p.returncode == 74, p.stderr)
left = [n for n in os.listdir(tmp) if n.startswith(".") or "tmp" in n]
expect("no temporary files left behind", not left, left)

if all(results):
    shutil.rmtree(tmp)
else:
    print("files kept in", tmp)
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
