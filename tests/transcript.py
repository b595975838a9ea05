#!/usr/bin/python3
"""The SMTP dialogue of `invite send`, byte for byte, against a minimal
scripted server on loopback: one connection and one EHLO for all
messages, MAIL FROM the organizer, one RCPT per message, and DATA that is
exactly what --dry-run writes for that recipient (dot-stuffed on the
wire).  Like curl's tests/data/test900."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

EXE = os.environ["RETRASON"]
SRC = os.environ["RETRASON_SRCDIR"]
ORG = "retrason@allianz-fuer-die-region.de"
results = []


def expect(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail!r}"[:800]))


class Scripted(threading.Thread):
    """Answers every command with the usual success reply; records the
    client's side of the dialogue as lines, DATA bodies whole."""

    def __init__(self):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.dialogue = []  # ("C", line) and ("DATA", bytes)

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            self.serve(conn)

    def serve(self, conn):
        f = conn.makefile("rb")
        conn.sendall(b"220 test.example ESMTP\r\n")
        while True:
            line = f.readline()
            if not line:
                break
            cmd = line.rstrip(b"\r\n").decode()
            self.dialogue.append(("C", cmd))
            verb = cmd.split(" ")[0].upper()
            if verb == "EHLO":
                conn.sendall(b"250-test.example\r\n250 8BITMIME\r\n")
            elif verb == "DATA":
                conn.sendall(b"354 go ahead\r\n")
                body = b""
                while True:
                    chunk = f.readline()
                    if chunk == b".\r\n":
                        break
                    body += chunk
                self.dialogue.append(("DATA", body))
                conn.sendall(b"250 2.0.0 queued\r\n")
            elif verb == "QUIT":
                conn.sendall(b"221 bye\r\n")
                break
            else:
                conn.sendall(b"250 OK\r\n")
        conn.close()


def main():
    tmp = tempfile.mkdtemp(prefix="retrason-transcript-")
    try:
        agenda = os.path.join(tmp, "kickoff.agenda")
        shutil.copy(os.path.join(SRC, "examples", "kickoff.agenda"), agenda)
        lst = os.path.join(tmp, "team.txt")
        with open(lst, "w") as f:
            f.write("Erika <erika@example.org>\n\"Müller, Hans\" <hans@example.de>\n")
        env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": tmp,
               "SOURCE_DATE_EPOCH": "1669000000"}
        out = os.path.join(tmp, "dry")
        os.mkdir(out)
        subprocess.run([EXE, "invite", "send", "--to", lst, "--dry-run", "-o", out, agenda],
                       check=True, env=env, capture_output=True)
        dry = [open(os.path.join(out, n), "rb").read() for n in sorted(os.listdir(out))]

        server = Scripted()
        server.start()
        p = subprocess.run([EXE, "invite", "send", "--to", lst, "--smtp",
                            f"smtp://127.0.0.1:{server.port}", agenda],
                           env=env, capture_output=True, timeout=60)
        expect("exit 0", p.returncode == 0, p.stderr)
        server.sock.close()

        def stuffed(msg):  # what DATA carries: lines starting with "." doubled
            return b"".join((b"." + l if l.startswith(b".") else l)
                            for l in msg.splitlines(keepends=True))

        got = [(k, v if k == "C" else v) for k, v in server.dialogue]
        ehlo = [v for k, v in got if k == "C" and v.upper().startswith("EHLO ")]
        expected = [
            ("C", ehlo[0] if ehlo else "EHLO"),
            ("C", f"MAIL FROM:<{ORG}>"),  # no SIZE: this server offers none
            ("C", "RCPT TO:<erika@example.org>"),
            ("C", "DATA"),
            ("DATA", stuffed(dry[0])),
            ("C", f"MAIL FROM:<{ORG}>"),
            ("C", "RCPT TO:<hans@example.de>"),
            ("C", "DATA"),
            ("DATA", stuffed(dry[1])),
            ("C", "QUIT"),
        ]
        expect("one connection for both messages", server.connections == 1,
               server.connections)
        for i, (want, have) in enumerate(zip(expected, got)):
            expect(f"dialogue step {i + 1}: {want[0]} {want[1][:40]!r}", want == have,
                   have if have[0] == "C" else "(DATA differs)")
        expect("dialogue length", len(got) == len(expected), [g[1] if g[0] == "C" else "DATA"
                                                             for g in got])
    finally:
        shutil.rmtree(tmp)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
