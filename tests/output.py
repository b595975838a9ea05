#!/usr/bin/python3
"""Output that cannot be written is an error, not silence: a full disk
gives exit 74 and a message; nothing is left half-said on success."""
import os
import subprocess
import sys

EXE = os.environ["RETRASON"]
EXAMPLE = os.path.join(os.environ["RETRASON_SRCDIR"], "examples", "kickoff.agenda")
env = {"TZ": "UTC", "LC_ALL": "C.UTF-8"}
results = []


def expect(name, ok):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name)


with open("/dev/full", "wb") as full:
    p = subprocess.run([EXE, "agenda", "show", EXAMPLE], stdout=full,
                       stderr=subprocess.PIPE, env=env)
expect("show to a full disk exits 74", p.returncode == 74)
expect("and says so", b"error writing to standard output" in p.stderr)

with open("/dev/full", "wb") as full:
    p = subprocess.run([EXE, "--help"], stdout=full, stderr=subprocess.PIPE, env=env)
expect("--help to a full disk exits 74", p.returncode == 74)

p = subprocess.run([EXE, "agenda", "show", EXAMPLE], capture_output=True, env=env)
expect("show writes whole lines", p.returncode == 0 and p.stdout.endswith(b"\n"))
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
