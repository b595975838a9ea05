#!/usr/bin/python3
"""Colour and width on a real terminal (a pseudo-terminal): coloured and
as wide as the window by default, plain with NO_COLOR, TERM=dumb or
--color=never, and the window's width followed."""
import fcntl
import os
import pty
import struct
import sys
import termios

EXE = os.environ["RETRASON"]
EXAMPLE = os.path.join(os.environ["RETRASON_SRCDIR"], "examples", "kickoff.agenda")


def on_tty(args, env, cols=72):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
        os.execve(EXE, [EXE] + args, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8").replace("\r\n", "\n")


def main():
    base = {"TERM": "xterm-256color", "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    show = ["agenda", "show", EXAMPLE]
    results = []

    def expect(name, ok):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name)

    rc, out = on_tty(show, base)
    expect("exit 0 on a terminal", rc == 0)
    expect("colour on a terminal", "\x1b[1m" in out)
    expect("follows the window: at most 72 columns",
           max(len(line.replace("\x1b[1m", "").replace("\x1b[0m", "")
                   .replace("\x1b[36m", "")) for line in out.split("\n")) <= 72)
    rc, wide = on_tty(show, base, cols=120)
    expect("a wider window gives longer lines",
           max(map(len, wide.split("\n"))) > max(map(len, out.split("\n"))))
    _, out = on_tty(show, dict(base, NO_COLOR="1"))
    expect("NO_COLOR turns colour off", "\x1b[" not in out)
    _, out = on_tty(show, dict(base, NO_COLOR=""))
    expect("an empty NO_COLOR does not", "\x1b[" in out)
    _, out = on_tty(show, dict(base, TERM="dumb"))
    expect("TERM=dumb turns colour off", "\x1b[" not in out)
    _, out = on_tty(["agenda", "show", "--color=never", EXAMPLE], base)
    expect("--color=never turns colour off", "\x1b[" not in out)
    _, out = on_tty(["agenda", "show", "--color=always", EXAMPLE], dict(base, NO_COLOR="1"))
    expect("--color=always wins over NO_COLOR", "\x1b[" in out)

    rc, out = on_tty(["agenda", "check", "--color=always", "/nonexistent.agenda"], base)
    expect("check: unreadable file is exit 66", rc == 66)
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


main()
