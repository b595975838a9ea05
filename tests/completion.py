#!/usr/bin/python3
"""Shell completion as a new user meets it: `meson install` into a
staging root, then an interactive bash (in a pseudo-terminal, with
Debian's bash-completion loading our file by itself) and fish complete
commands, options, option values and files of the right kind."""
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

BUILD = os.environ["RETRASON_BUILDDIR"]
SRC = os.environ["RETRASON_SRCDIR"]
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:1500]))


tmp = tempfile.mkdtemp(prefix="retrason-completion-")
root = os.path.join(tmp, "root")
p = subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet",
                    "--destdir", root], capture_output=True)
if p.returncode:
    sys.exit("meson install failed: " + p.stdout.decode() + p.stderr.decode())
prefix = subprocess.run(["meson", "introspect", "--buildoptions", BUILD],
                        capture_output=True, text=True).stdout
import json
opts = {o["name"]: o["value"] for o in json.loads(prefix)}
staged = root + opts["prefix"]
share = os.path.join(staged, opts["datadir"])
bindir = os.path.join(staged, opts["bindir"])
installed = {os.path.relpath(os.path.join(d, f), share)
             for d, _, fs in os.walk(share) for f in fs}
expect("meson install puts the bash completion where bash-completion loads it by name",
       "bash-completion/completions/retrason" in installed, installed)
expect("meson install puts the fish completion in fish's vendor folder",
       "fish/vendor_completions.d/retrason.fish" in installed, installed)
expect("meson install puts the zsh completion in zsh's folder",
       any(f.startswith("zsh/") and f.endswith("/_retrason") for f in installed), installed)

# A folder to complete file names in: agenda files and others.
work = os.path.join(tmp, "work")
os.makedirs(work)
for name in ("kickoff.agenda", "kickoff.txt", "team.list"):
    with open(os.path.join(work, name), "w") as f:
        f.write("")
os.makedirs(os.path.join(work, "events"))

env = {
    "PATH": bindir + ":/usr/bin:/bin",
    "HOME": tmp,
    "TERM": "dumb",
    "LC_ALL": "C.UTF-8",
    "XDG_DATA_DIRS": share + ":/usr/share",
    "INPUTRC": "/dev/null",
}


class Shell:
    """An interactive shell on a pseudo-terminal; line() types keys and
    returns what the line holds afterwards (the line editor's buffer,
    printed by a key bound to ^T)."""

    def __init__(self, argv, setup):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(work)
            os.execve(argv[0], argv, env)
        for line in setup:
            self.send(line + "\n")
        self.send("echo READY\n")
        self.read_until(b"READY\r\n")

    def send(self, s):
        os.write(self.fd, s.encode())

    def read_until(self, marker, timeout=10):
        return self.read_until_all([marker], timeout)

    def read_until_all(self, markers, timeout=10):
        """Reads until every marker has come (a listing arrives in pieces
        on a busy machine), or the time is up."""
        out, end = b"", time.time() + timeout
        while not all(m in out for m in markers) and time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.2)
            if r:
                try:
                    out += os.read(self.fd, 65536)
                except OSError:
                    break
        return out

    def line(self, keys):
        self.send(keys)
        time.sleep(0.5)  # let completion run (it asks retrason)
        self.send("\x14")
        out = self.read_until(b">>\r\n").decode(errors="replace")
        self.send("\x15")  # clear the line for the next case
        start = out.rfind("<<")
        return (out[start + 2:out.rfind(">>")] if start >= 0 else None), out

    def close(self):
        self.send("exit\n")
        os.waitpid(self.pid, 0)


CASES = [
    ("retrason ag\t", "retrason agenda ", "the noun"),
    ("retrason agenda exp\t", "retrason agenda export ", "the verb"),
    ("retrason agenda export --fo\t", "retrason agenda export --format=", "a long option, waiting for its value"),
    ("retrason agenda export --format=ma\t", "retrason agenda export --format=markdown ", "the option's value"),
    ("retrason agenda show --lang \t", "retrason agenda show --lang ", "no guess between two values"),
    ("retrason agenda show k\t", "retrason agenda show kickoff.agenda ", "only agenda files as arguments"),
    ("retrason invite ics --to k\t", "retrason invite ics --to kickoff.", "any file for --to"),
    ("retrason invite send -o e\t", "retrason invite send -o events/", "a folder for invite send -o"),
    ("retrason help inv\t", "retrason help invite ", "help takes nouns"),
    ("retrason invite st\t", "retrason invite status ", "invite verbs"),
    # --color[=WHEN] takes its value only after "=" (getopt's optional
    # argument): the name alone, and after a space a file, not a value.
    ("retrason agenda show --co\t", "retrason agenda show --color ",
     "an option with an optional value, without '[='"),
    ("retrason agenda check --color=al\t", "retrason agenda check --color=always ",
     "an optional value after '='"),
    ("retrason agenda show --color k\t", "retrason agenda show --color kickoff.agenda ",
     "after '--color ' a file, not a value"),
]


def bash(setup):
    return Shell(["/bin/bash", "--noprofile", "--norc", "-i"], [
        "PS1='$ '; bind 'set bell-style none'; " + setup,
        "bind -x '\"\\C-t\": printf \"\\n<<%s>>\\n\" \"$READLINE_LINE\"'"])


def zsh_shell(zsh, fpath):
    return Shell([zsh, "-f", "-i"], [
        "PS1='$ '; unsetopt beep; fpath=(" + fpath + " $fpath)",
        "autoload -U compinit; compinit -u -D",
        "show-buf() { print -rn -- $'\\n<<'$BUFFER$'>>\\n' > /dev/tty }; zle -N show-buf; bindkey '^T' show-buf"])


def cases(label, sh):
    for keys, want, what in CASES:
        got, raw = sh.line(keys)
        expect(f"{label}: {what}: {keys!r} -> {want!r}", got == want, (got, raw[-300:]))
    sh.send("retrason agenda \t\t")
    verbs = ("show", "check", "ics", "export", "new")
    out = sh.read_until_all([v.encode() for v in verbs], timeout=10).decode(errors="replace")
    sh.send("\x15")
    expect(f"{label}: Tab Tab lists the agenda verbs",
           all(v in out for v in verbs), out[-300:])
    sh.close()


loader = "/usr/share/bash-completion/bash_completion"
if os.path.exists(loader):
    cases("bash, bash-completion loads it", bash(f"source {loader}"))
else:
    expect("bash-completion installed (Debian: bash-completion)", False)
cases("bash, sourced by hand",
      bash("source " + os.path.join(share, "bash-completion/completions/retrason")))

fish = shutil.which("fish")
if fish:
    def fish_complete(line):
        p = subprocess.run([fish, "-c", f"complete -C {line!r}"], cwd=work,
                           capture_output=True, text=True, env=env)
        return [l.split("\t")[0] for l in p.stdout.splitlines()], p.stderr
    for line, want, what in (
            ("retrason ", ["agenda", "help", "invite"], "nouns"),
            ("retrason agenda ", ["check", "export", "ics", "new", "show"], "verbs"),
            ("retrason agenda export --format=", ["--format=html", "--format=json", "--format=markdown"], "values"),
            ("retrason agenda show ", ["events/", "kickoff.agenda"], "agenda files and folders"),
            ("retrason agenda show --co", ["--color"], "an optional value's option, bare"),
            ("retrason agenda show --color=", ["--color=always", "--color=auto", "--color=never"],
             "an optional value after '='"),
            ("retrason agenda show --color ", ["events/", "kickoff.agenda"],
             "after '--color ' files, not values")):
        got, err = fish_complete(line)
        expect(f"fish: {what}", sorted(got) == sorted(want) and not err, (got, err))
    got, err = fish_complete("retrason invite status --")
    expect("fish: options from --help", "--json" in got and "--journal" in got and not err, (got, err))
else:
    print("skip fish: not installed")

zsh = shutil.which("zsh")
if zsh:
    zdir = [os.path.dirname(os.path.join(share, f)) for f in installed
            if f.startswith("zsh/") and f.endswith("/_retrason")][0]
    cases("zsh", zsh_shell(zsh, zdir))

shutil.rmtree(tmp)
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
