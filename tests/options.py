#!/usr/bin/python3
"""The command line as users mistype it: each row a command, the exit
status and what standard error must say.  Then `-o -`, which means
standard output for every command that writes a file, and the --help of
every command, made from the same table as the options it accepts."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"))


def run(args, **kw):
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", ""),
           "HOME": TMP, "XDG_CONFIG_HOME": os.path.join(TMP, "config"),
           "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run([EXE] + args, capture_output=True, cwd=TMP, env=env,
                          stdin=subprocess.DEVNULL, **kw)


TMP = tempfile.mkdtemp(prefix="retrason-options-")
A = os.path.join(TMP, "kickoff.agenda")
L = os.path.join(TMP, "team.txt")
shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), A)
with open(L, "w") as f:
    f.write("Erika Mustermann <erika@example.org>\nhans@example.de\n")

ROWS = [
    # (argv, status, words in stderr)
    (["agenda", "show", A, "--width"], 64, "option '--width' needs a value"),
    (["agenda", "show", A, "-w"], 64, "option '-w' needs a value"),
    (["agenda", "show", "-w", "19", A], 64, "invalid --width '19' (20 to 1000 columns)"),
    (["agenda", "show", "-w", "12x", A], 64, "invalid --width '12x'"),
    (["agenda", "show", "--help=yes"], 64, "option '--help' takes no value"),
    (["agenda", "check", "--strict=yes", A], 64, "option '--strict' takes no value"),
    (["agenda", "check", "--strictt", A], 64,
     "unknown option '--strictt'; did you mean '--strict'?"),
    (["agenda", "check", "-x", A], 64, "unknown option '-x'"),
    (["agenda", "check", "--color=sometimes", A], 64, "invalid --color 'sometimes'"),
    (["agenda", "ics", "--to", L, A], 64, "--to is for 'invite ics'"),
    (["agenda", "ics", "--sequence=-1", A], 64, "invalid --sequence '-1' (0 to 1000000000)"),
    (["invite", "ics", "--to", L, "--items", A], 64, "--items is for 'agenda ics'"),
    (["invite", "ics", A], 64, "--to LIST is required"),
    (["invite", "cancel", "--remove-missing", A], 64, "--remove-missing is for 'invite send'"),
    (["invite", "send", "--to", L, "--timeout", "0", A], 64,
     "invalid --timeout '0' (1 to 3600 seconds)"),
    (["invite", "send", "--to", L, "--rate", "0", A], 64,
     "invalid --rate '0' (1 to 100000 messages a minute)"),
    (["invite", "send", "--to", L, "--parallel", "17", A], 64,
     "invalid --parallel '17' (1 to 16 connections)"),
    (["invite", "send", "--to", L, "--adopt", "--sequence", "3", A], 64,
     "--adopt goes without --sequence"),
    (["invite", "send", "--to", L, "-o", "-", A], 64, "-o DIR goes with --dry-run"),
    (["invite", "send", "--to", L, A, A], 64, "give one agenda file"),
    (["invite", "status"], 64, "give one agenda file"),
    (["agenda", "export", "--format=jsn", A], 64, "did you mean 'json'?"),
    (["agenda", "export", A], 64, "--format is required"),
    (["agenda", "new", "--lang=fr"], 64, "unsupported language 'fr'"),
    (["agenda", "new", "x.agenda"], 64, "takes no file"),
    # An unambiguous abbreviation is the option (getopt_long's rule).
    (["agenda", "check", "--stri", A], 0, ""),
]
for argv, status, words in ROWS:
    p = run(argv)
    err = p.stderr.decode()
    name = " ".join(a if a not in (A, L) else os.path.basename(a) for a in argv)
    expect(f"{name}: exit {status}" + (f", '{words}'" if words else ""),
           p.returncode == status and words in err
           and (status != 64 or f"Try 'retrason {argv[0]} {argv[1]} --help'." in err),
           (p.returncode, err))

# -o -: standard output, as for every Unix tool; no file named "-".
for argv, marker in ((["agenda", "ics", "-o", "-", A], b"BEGIN:VCALENDAR"),
                     (["agenda", "export", "-f", "json", "-o", "-", A], b'"format": "retrason-agenda"'),
                     (["invite", "ics", "--to", L, "-o", "-", A], b"METHOD:REQUEST"),
                     (["invite", "send", "--to", L, "--dry-run", "-o", "-", A], b"\nFrom ")):
    p = run(argv)
    name = " ".join(argv[:2])
    expect(f"{name} -o -: written to standard output",
           p.returncode == 0 and marker in b"\n" + p.stdout, (p.returncode, p.stderr))
    expect(f"{name} -o -: no file named '-'", not os.path.exists(os.path.join(TMP, "-")),
           os.listdir(TMP))
    without = run([a for i, a in enumerate(argv)
                   if not (a == "-o" or (i and argv[i - 1] == "-o"))])
    expect(f"{name} -o -: the same bytes as without -o", without.stdout == p.stdout)

# --help: every option a command accepts is listed, and nothing else.
COMMANDS = ["agenda show", "agenda check", "agenda ics", "agenda export", "agenda new",
            "invite ics", "invite send", "invite cancel", "invite status"]
for cmd in COMMANDS:
    p = run(cmd.split() + ["--help"])
    text = p.stdout.decode()
    opts = re.findall(r"^  (?:-(\w), )?\s*--([a-z-]+)(\[?=)?", text, re.M)
    expect(f"{cmd} --help: exit 0, ends with -h, --help",
           p.returncode == 0 and opts and opts[-1][:2] == ("h", "help"), (p.returncode, text))
    for short, long, value in opts[:-1]:
        # A value the option can't take, so nothing runs: each must be
        # reported as that option's mistake, never as unknown.
        q = run(cmd.split() + [f"--{long}=\x01bad"] if value else
                cmd.split() + [f"--{long}=x"])
        err = q.stderr.decode()
        expect(f"{cmd}: --{long} from --help is an option it knows",
               "unknown option" not in err and "is for '" not in err, err)
        if short:
            q = run(cmd.split() + [f"-{short}"])
            expect(f"{cmd}: -{short} is --{long}",
                   "unknown option" not in q.stderr.decode(), q.stderr)

shutil.rmtree(TMP)
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
