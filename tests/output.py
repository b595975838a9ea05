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


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"))


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
# agenda new: a starter that checks clean as it is, in both languages.
import datetime
uids = set()
for lang, title in (("de", "Title: Auftaktwerkstatt"), ("en", "Title: Kick-off workshop")):
    new = subprocess.run([EXE, "agenda", "new", "--lang=" + lang], capture_output=True, env=env)
    expect(f"agenda new --lang={lang}: exit 0", new.returncode == 0 and title.encode() in new.stdout)
    chk = subprocess.run([EXE, "agenda", "check", "--strict", "-"], input=new.stdout,
                         capture_output=True, env=env)
    expect(f"agenda new --lang={lang}: passes check --strict silently",
           chk.returncode == 0 and not chk.stderr, chk.stderr)
    shw = subprocess.run([EXE, "agenda", "show", "-w", "60", "-"], input=new.stdout,
                         capture_output=True, env=env)
    expect(f"agenda new --lang={lang}: shows", shw.returncode == 0 and shw.stdout)
    week = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=7))
    dates = [l for l in new.stdout.decode().splitlines() if l.startswith("Date: ")]
    expect(f"agenda new --lang={lang}: dated a week ahead",
           len(dates) == 1 and abs((datetime.date.fromisoformat(dates[0][6:]) - week).days) <= 1,
           dates)
    uids |= {l for l in new.stdout.decode().splitlines() if l.startswith("UID: ")}
expect("agenda new: every starter gets its own UID", len(uids) == 2, uids)

# -o onto what is not a regular file writes into it: renaming a
# temporary file over /dev/full or a named pipe would replace it.
import stat  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
p = subprocess.run([EXE, "agenda", "ics", "-o", "/dev/full", EXAMPLE], capture_output=True,
                   env=env)
expect("-o /dev/full: exit 74, told why",
       p.returncode == 74 and b"No space left on device" in p.stderr, (p.returncode, p.stderr))
expect("-o /dev/full: still the device", stat.S_ISCHR(os.stat("/dev/full").st_mode))
with tempfile.TemporaryDirectory() as tmp:
    fifo = os.path.join(tmp, "pipe")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    p = subprocess.run([EXE, "agenda", "ics", "-o", fifo, EXAMPLE], capture_output=True,
                       env=env, timeout=30)
    reader.join(30)
    expect("-o FIFO: written through the pipe",
           p.returncode == 0 and got and got[0].startswith(b"BEGIN:VCALENDAR"),
           (p.returncode, p.stderr))
    expect("-o FIFO: still a FIFO, nothing left beside it",
           stat.S_ISFIFO(os.stat(fifo).st_mode) and os.listdir(tmp) == ["pipe"],
           os.listdir(tmp))

print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
