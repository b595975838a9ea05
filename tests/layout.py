#!/usr/bin/python3
"""Properties of `agenda show` over many widths, languages and agendas:
no line wider than the width (display columns counted by Python's own
Unicode tables, not ours), valid UTF-8, no trailing blanks, titles aligned
in one column, and every word of every item title present."""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "e2e"))
import run as e2e  # noqa: E402  (the case-file reader)

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]


def width(s):
    w = 0
    for ch in s:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def agendas():
    yield "kickoff", open(os.path.join(SRC, "examples", "kickoff.agenda"), "rb").read()
    cases = os.path.join(SRC, "tests", "e2e", "cases")
    for name in sorted(os.listdir(cases)):
        if name.startswith("show-") and name.endswith(".t"):
            case = e2e.parse(os.path.join(cases, name))
            if case["status"] != 0:
                continue  # the cases about refusing bad files
            for fname, data in case["files"]:
                yield f"{name}:{fname}", data


TIME = re.compile(r"^(\d\d:\d\d(–\d\d:\d\d( \(\+1\))?)?)( +)(\S)")


def check(label, text, cols, titles):
    problems = []
    lines = text.split("\n")
    title_cols = set()
    for n, line in enumerate(lines, 1):
        if width(line) > cols:
            problems.append(f"line {n} is {width(line)} columns wide: {line!r}")
        if line != line.rstrip():
            problems.append(f"line {n} has trailing blanks: {line!r}")
        m = TIME.match(line)
        if m:
            title_cols.add(width(m.group(1)) + len(m.group(4)))
    if len(title_cols) > 1:
        problems.append(f"item titles start in columns {sorted(title_cols)}")
    packed = re.sub(r"\s+", "", text)
    for title in titles:
        for word in re.split(r"[\s\-]+", title):
            if word and len(word) <= 12 and word not in packed:
                problems.append(f"word {word!r} of title {title!r} is missing")
    return [f"{label} at {cols} columns: {p}" for p in problems]


def item_titles(data):
    titles, in_agenda = [], False
    for line in data.decode("utf-8").splitlines():
        if line.strip().lower() == "agenda:":
            in_agenda = True
        elif in_agenda and line[:1].isdigit() and "|" in line:
            titles.append(line.split("|")[1].strip())
    return titles


def main():
    failures, runs = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, data in agendas():
            path = os.path.join(tmp, "a.agenda")
            with open(path, "wb") as f:
                f.write(data)
            titles = item_titles(data)
            for cols in list(range(20, 61)) + [72, 80, 100, 120, 160]:
                for lang in ("de", "en"):
                    p = subprocess.run([EXE, "agenda", "show", "-w", str(cols),
                                        "--lang=" + lang, path],
                                       capture_output=True, env={"TZ": "UTC"})
                    runs += 1
                    if p.returncode != 0:
                        failures.append(f"{label}: exit {p.returncode}: {p.stderr!r}")
                        continue
                    try:
                        text = p.stdout.decode("utf-8")
                    except UnicodeDecodeError as e:
                        failures.append(f"{label} at {cols}: invalid UTF-8: {e}")
                        continue
                    failures += check(label, text, cols, titles)
    for f in failures[:40]:
        print(f)
    print(f"{runs - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
