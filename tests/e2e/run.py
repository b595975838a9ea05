#!/usr/bin/python3
"""Runs one end-to-end case: a .t file holding input files, a command line,
and the exact standard output, standard error and exit status expected.

    # what the case is about
    env LANG=de_DE.UTF-8          (optional, repeatable)
    $ retrason agenda check bad.agenda
    ? 65
    --- file bad.agenda           (or: --- file NAME escaped  /  python)
    Title: …
    --- stdin
    --- stdout
    --- stderr
    bad.agenda:2:7: error: …

Each case runs in a fresh temporary directory holding its files and a copy
of examples/, with a fixed environment (TZ, locale, no terminal).  The
binary comes from $RETRASON; $RETRASON_WRAPPER (e.g. valgrind) is put in
front of it.  With --update the expected sections are rewritten from what
the binary did: review the diff before committing it.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import difflib

SECTION = "--- "


ESCAPES = {b"r": b"\r", b"n": b"\n", b"t": b"\t", b"0": b"\0", b"\\": b"\\"}


def unescape(data):
    """\\xHH, \\r, \\n, \\t, \\0 and \\\\ in an 'escaped' file section."""
    def sub(m):
        e = m.group(1)
        return bytes([int(e[1:], 16)]) if e.startswith(b"x") else ESCAPES[e]
    return re.sub(rb"\\(x[0-9a-fA-F]{2}|[rnt0\\])", sub, data)


def parse(path):
    case = {"env": {}, "cmd": None, "status": 0, "files": [], "stdin": b"",
            "stdout": "", "stderr": "", "order": []}
    # newline="": CRLF in expected iCalendar output must stay CRLF.
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines) and not lines[i].startswith(SECTION):
        line = lines[i]
        if line.startswith("$ "):
            case["cmd"] = line[2:]
        elif line.startswith("? "):
            case["status"] = int(line[2:])
        elif line.startswith("env "):
            k, _, v = line[4:].partition("=")
            case["env"][k] = v
        elif line and not line.startswith("#"):
            sys.exit(f"{path}:{i + 1}: unexpected line {line!r}")
        i += 1
    while i < len(lines):
        head = lines[i][len(SECTION):].split()
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith(SECTION):
            body.append(lines[i])
            i += 1
        text = "\n".join(body) + ("\n" if body else "")
        kind = head[0]
        case["order"].append((head, text))
        if kind == "file":
            mode = head[2] if len(head) > 2 else "plain"
            if mode == "escaped":
                data = unescape(text.encode("utf-8"))
            elif mode == "python":
                data = eval(text, {})  # test data generators, e.g. b"x" * 10**7
            else:
                data = text.encode("utf-8")
            case["files"].append((head[1], data))
        elif kind == "stdin":
            case["stdin"] = text.encode("utf-8")
        elif kind in ("stdout", "stderr"):
            case[kind] = text
        else:
            sys.exit(f"{path}: unknown section {kind!r}")
    if not case["cmd"]:
        sys.exit(f"{path}: no '$ command' line")
    return case


def run(case, exe, srcdir):
    with tempfile.TemporaryDirectory(prefix="retrason-e2e-") as tmp:
        shutil.copytree(os.path.join(srcdir, "examples"),
                        os.path.join(tmp, "examples"))
        for name, data in case["files"]:
            p = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": tmp, "TZ": "Europe/Berlin", "LC_ALL": "C.UTF-8",
               "TERM": "dumb"}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        for k, v in case["env"].items():
            if v == "":
                env.pop(k, None)
            else:
                env[k] = v
        argv = shlex.split(case["cmd"])
        if argv[0] != "retrason":
            sys.exit("the command must start with 'retrason'")
        wrapper = shlex.split(os.environ.get("RETRASON_WRAPPER", ""))
        argv = wrapper + [exe] + argv[1:]
        p = subprocess.run(argv, input=case["stdin"], capture_output=True,
                           cwd=tmp, env=env, timeout=120)
        return p.returncode, p.stdout, p.stderr


def show_diff(name, want, got):
    sys.stdout.writelines(difflib.unified_diff(
        want.splitlines(True), got.splitlines(True),
        f"expected {name}", f"actual {name}"))
    print()


def update(path, case, status, out, err):
    head = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            if line.startswith(SECTION):
                break
            if line.startswith("? "):
                continue
            head.append(line)
    while head and head[-1] == "":
        head.pop()
    if status != 0:
        head.append(f"? {status}")
    parts = ["\n".join(head) + "\n"]
    for h, text in case["order"]:
        if h[0] in ("file", "stdin"):
            parts.append(SECTION + " ".join(h) + "\n" + text)
    for name, data in (("stdout", out), ("stderr", err)):
        if data:
            parts.append(f"{SECTION}{name}\n" + data.decode("utf-8", "replace"))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))


def main():
    args = sys.argv[1:]
    do_update = "--update" in args
    args = [a for a in args if a != "--update"]
    exe = os.environ.get("RETRASON")
    exe = os.path.abspath(exe) if exe else None
    srcdir = os.environ.get("RETRASON_SRCDIR",
                            os.path.join(os.path.dirname(__file__), "..", ".."))
    if not exe:
        sys.exit("set RETRASON to the binary")
    failed = 0
    for path in args:
        case = parse(path)
        status, out, err = run(case, exe, srcdir)
        if do_update:
            update(path, case, status, out, err)
            continue
        ok = True
        if status != case["status"]:
            print(f"{path}: exit status {status}, expected {case['status']}")
            ok = False
        for name, data in (("stdout", out), ("stderr", err)):
            got = data.decode("utf-8", "replace")
            if got != case[name]:
                print(f"{path}: {name} differs")
                show_diff(name, case[name], got)
                ok = False
        if not ok:
            failed += 1
    # Never pass the binary's own status through: meson reads 77 as "skip".
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
