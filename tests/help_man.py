#!/usr/bin/python3
"""One place for everything a user may set: retrason(1) lists every
command, every option of every command (the same ones --help lists),
every environment variable the code reads and every exit status it
returns; and every --help fits in 80 columns."""
import os
import re
import subprocess
import sys

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
ENV = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"))


def helptext(*args):
    p = subprocess.run([EXE, *args], capture_output=True, text=True, env=ENV)
    assert p.returncode == 0, (args, p.stderr)
    return p.stdout


top = helptext("--help")
commands = re.findall(r"^  ([a-z]+ [a-z]+)  ", top, re.M)
expect("--help lists the commands", len(commands) >= 9, commands)


def help_options(text):
    """Options from an Options: block: '-o, --output=OUT' -> {'-o', '--output'}."""
    opts = set()
    for line in text.splitlines():
        m = re.match(r"^ {2,6}(-[a-zA-Z])?(?:, )?\s*(--[a-z-]+)?", line)
        if m and (m.group(1) or m.group(2)):
            opts |= {o for o in m.groups() if o}
    return opts


with open(os.path.join(SRC, "man", "retrason.1"), encoding="utf-8") as f:
    man = f.read()


def section(name):
    m = re.search(r"^\.Sh " + name + r"\n(.*?)(?=^\.Sh )", man, re.M | re.S)
    return m.group(1) if m else ""


# The OPTIONS section: ".It Fl o , Fl -output ..." then ".Pq Cm agenda ics , invite ics".
man_opts = {}
global_opts = set()
unscoped = []
entries = re.split(r"^\.It ", section("OPTIONS"), flags=re.M)[1:]
for e in entries:
    head, _, rest = e.partition("\n")
    names = {("-" + n) for n in re.findall(r"Fl (-?[a-zA-Z][a-z-]*)", head)}
    m = re.match(r"\.Pq Cm (.*)", rest)
    if not m:
        if names & {"-h", "--help", "-V", "--version"}:
            global_opts |= names
        else:
            unscoped.append(head)
        continue
    for cmd in (c.strip() for c in m.group(1).split(",")):
        man_opts.setdefault(cmd, set()).update(names)
expect("every option in retrason(1) says which commands take it", not unscoped, unscoped)

for cmd in commands:
    text = helptext(*cmd.split(), "--help")
    have = help_options(text) - {"-h", "--help"}
    want = man_opts.get(cmd, set())
    expect(f"'{cmd}': --help and retrason(1) list the same options", have == want,
           {"only in --help": sorted(have - want), "only in the man page": sorted(want - have)})

commands_section = section("COMMANDS")
synopsis = section("SYNOPSIS")
for cmd in commands:
    expect(f"'{cmd}' described in COMMANDS and shown in SYNOPSIS",
           re.search(r"^\.It Cm " + cmd + r"\b", commands_section, re.M) and
           re.search(r"^\.Cm .*" + cmd + r"\b", synopsis, re.M))

# Environment variables the code reads, and the exit statuses it returns.
code = ""
for d, _, files in os.walk(os.path.join(SRC, "src")):
    for f in files:
        if f.endswith(".c"):
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                code += fh.read()
env_vars = set(re.findall(r'getenv\("([A-Z_]+)"\)', code))
env_vars |= set(re.findall(r'"((?:LC|XDG|RETRASON)_[A-Z_]+)"', code))
documented_env = set(re.findall(r"\b([A-Z][A-Z_]+)\b",
                                " ".join(re.findall(r"^\.It Ev (.*)$", section("ENVIRONMENT"), re.M))))
expect("every environment variable the code reads is in ENVIRONMENT",
       env_vars <= documented_env, sorted(env_vars - documented_env))

sysexits = {"EX_OK": 0, "EX_USAGE": 64, "EX_DATAERR": 65, "EX_NOINPUT": 66, "EX_NOUSER": 67,
            "EX_NOHOST": 68, "EX_UNAVAILABLE": 69, "EX_SOFTWARE": 70, "EX_OSERR": 71,
            "EX_OSFILE": 72, "EX_CANTCREAT": 73, "EX_IOERR": 74, "EX_TEMPFAIL": 75,
            "EX_PROTOCOL": 76, "EX_NOPERM": 77, "EX_CONFIG": 78}
used = {sysexits[n] for n in re.findall(r"\b(EX_[A-Z]+)\b", code) if n in sysexits}
documented = {int(n) for n in re.findall(r"^\.It (\d+)$", section("EXIT STATUS"), re.M)}
expect("every exit status the code returns is in EXIT STATUS", used <= documented,
       sorted(used - documented))

# invite status --json: the fields it writes (on a hand-made journal with
# a message sent, one refused and one in flight) are the ones the entry
# in COMMANDS lists, and its example is JSON with them.
import json  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

entry = re.search(r"^\.It Cm invite status .*?(?=^\.It Cm )", commands_section, re.M | re.S)
entry = entry.group(0) if entry else ""
documented_fields = {f for line in re.findall(r"^\.It Li (.*)$", entry, re.M)
                     for f in re.split(r"\s*,\s*", line.strip())}
tmp = tempfile.mkdtemp(prefix="retrason-help-man-")
try:
    agenda = os.path.join(tmp, "a.agenda")
    shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), agenda)
    uid = "retrason-kickoff-2022-12-05@allianz-fuer-die-region.de"
    rows = [["version", uid, "0", "m1:0123456789abcdef", "1669626902"],
            ["intent", uid, "0", "REQUEST", "a@example.org", "1669626902"],
            ["sent", uid, "0", "REQUEST", "a@example.org", "<x.1@example.org>", "1669626902"],
            ["intent", uid, "0", "REQUEST", "b@example.org", "1669626903"],
            ["failed", uid, "0", "REQUEST", "b@example.org", "permanent", "1669626903", "550 no"],
            ["intent", uid, "0", "REQUEST", "c@example.org", "1669626904"]]
    with open(agenda + ".journal", "w") as f:
        f.write("# retrason send journal: one line a message (see retrason(1), JOURNAL)\n")
        f.writelines("\t".join(r) + "\n" for r in rows)
    p = subprocess.run([EXE, "invite", "status", "--json", agenda], capture_output=True,
                       text=True, env=ENV)
    status = json.loads(p.stdout) if p.returncode == 0 else {}
finally:
    shutil.rmtree(tmp)
per_recipient = {k for r in status.get("recipients", []) for k in r}
written = set(status) | per_recipient
expect("invite status --json writes the fields retrason(1) lists",
       len(status.get("recipients", [])) == 3 and written == documented_fields,
       {"only written": sorted(written - documented_fields),
        "only in the man page": sorted(documented_fields - written), "stderr": p.stderr})
example = re.search(r"^\.Bd -literal[^\n]*\n(\{.*?)^\.Ed", entry, re.M | re.S)
try:
    example = json.loads(example.group(1)) if example else None
except ValueError:
    example = None
expect("the invite status --json example in retrason(1) is JSON with the same fields",
       example is not None and set(example) == set(status) and
       {k for r in example["recipients"] for k in r} == per_recipient, example)

# --help everywhere fits a classic terminal.
texts = {"retrason --help": top}
for noun in sorted({c.split()[0] for c in commands}):
    texts[f"retrason help {noun}"] = helptext("help", noun)
for cmd in commands:
    texts[f"retrason {cmd} --help"] = helptext(*cmd.split(), "--help")
wide = {k: [l for l in t.splitlines() if len(l) > 80] for k, t in texts.items()}
wide = {k: v for k, v in wide.items() if v}
expect("every --help fits in 80 columns", not wide, wide)

print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
