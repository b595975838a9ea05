#!/usr/bin/python3
"""The example in retrason-agenda(5) is a test fixture: the lines between
the 'example-begin' and 'example-end' comments must check clean and show."""
import os
import subprocess
import sys
import tempfile

SRC = os.environ["RETRASON_SRCDIR"]
EXE = os.environ["RETRASON"]

lines, inside = [], False
with open(os.path.join(SRC, "man", "retrason-agenda.5"), encoding="utf-8") as f:
    for line in f:
        if line.startswith('.\\" example-end'):
            inside = False
        elif inside:
            lines.append(line.replace("\\(aq", "'").replace("\\e", "\\")
                         .replace("\\&", ""))
        elif line.startswith('.\\" example-begin'):
            inside = True
if len(lines) < 10:
    sys.exit("no example found between the example-begin/end markers")

with tempfile.NamedTemporaryFile("w", suffix=".agenda", encoding="utf-8") as f:
    f.write("".join(lines))
    f.flush()
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8"}
    check = subprocess.run([EXE, "agenda", "check", "--strict", f.name],
                           capture_output=True, env=env)
    show = subprocess.run([EXE, "agenda", "show", "-w", "72", f.name],
                          capture_output=True, env=env)
ok = check.returncode == 0 and not check.stderr and show.returncode == 0
sys.stdout.write(check.stderr.decode())
print(f"{int(ok)} passed, {int(not ok)} failed")
sys.exit(0 if ok else 1)
