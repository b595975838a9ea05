"""A real IMAP server on loopback for the tests: Dovecot (Debian's
dovecot-imapd) with a throw-away configuration of its own in a temporary
folder — a passwd-file for the logins, a Maildir per user, STARTTLS on
one port and IMAPS on another with a certificate from a test CA
(smtp_server.make_ca), its log in a file.  Messages are delivered by
writing Maildir files, the way a local delivery agent does.

Two facts of Dovecot 2.3 shape it: it refuses to serve mail as uid 0, so
under root the mail belongs to nobody/nogroup (the static userdb's uid
and gid, and the Maildir chowned to them); and it logs to syslog unless
told otherwise, which a test must not do."""
import ctypes
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import threading
import time

import smtp_server

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def serve(handler):
    """A listening socket on a free loopback port whose connections are
    each given to handler(conn) in a thread of their own; close the
    socket to stop.  Returns (socket, port)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)

    def accept():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=handler, args=(conn,), daemon=True).start()
    threading.Thread(target=accept, daemon=True).start()
    return sock, sock.getsockname()[1]


def _die_with_parent():
    """In the child before exec: SIGTERM when the test dies, so that a
    test killed by meson's timeout leaves no Dovecot running."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def available():
    """Whether Dovecot with its IMAP service is installed."""
    return os.access(DOVECOT, os.X_OK) and os.path.exists("/usr/lib/dovecot/imap")


class Dovecot:
    def __init__(self, folder, users=None, names="DNS:localhost,IP:127.0.0.1"):
        """users: {name: password}, by default {"erika": "s3cret"}; names:
        the certificate's subjectAltName."""
        self.dir = os.path.join(folder, "dovecot")
        os.makedirs(self.dir)
        # Dovecot's own unprivileged processes (its login user) must
        # reach the sockets below this folder.
        os.chmod(folder, 0o755)
        os.chmod(self.dir, 0o755)
        self.users = dict(users or {"erika": "s3cret"})
        self.ca, cert, key = smtp_server.make_ca(self.dir, names)
        if os.getuid() == 0:
            self.uid = pwd.getpwnam("nobody").pw_uid
            self.gid = grp.getgrnam("nogroup").gr_gid
            internal = ""  # Debian's dovecot and dovenull users
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
            me = pwd.getpwuid(self.uid).pw_name
            internal = (f"default_internal_user = {me}\n"
                        f"default_internal_group = {grp.getgrgid(self.gid).gr_name}\n"
                        f"default_login_user = {me}\n")
        self.port, self.ports = smtp_server.free_port(), smtp_server.free_port()
        self.log = os.path.join(self.dir, "dovecot.log")
        with open(os.path.join(self.dir, "passwd"), "w") as f:
            for name, password in self.users.items():
                f.write(f"{name}:{{PLAIN}}{password}::::::\n")
        for user in self.users:
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(self.maildir(user), sub))
            self._own(os.path.join(self.dir, "home", user))
        os.chmod(os.path.join(self.dir, "home"), 0o755)
        self.conf = os.path.join(self.dir, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write(f"""\
base_dir = {self.dir}/run
state_dir = {self.dir}/state
log_path = {self.log}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_verbose = yes
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
{internal}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.dir}/passwd
}}
userdb {{
  driver = static
  args = uid={self.uid} gid={self.gid} home={self.dir}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.ports}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
""")
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", self.conf], preexec_fn=_die_with_parent,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready()
        self.delivered = 0

    def _own(self, path):
        if os.getuid() == 0:
            for root, dirs, files in os.walk(path):
                os.chown(root, self.uid, self.gid)
                for name in files:
                    os.chown(os.path.join(root, name), self.uid, self.gid)

    def _wait_ready(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("dovecot did not start: " +
                                   self.proc.stderr.read().decode(errors="replace") +
                                   self.read_log())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("dovecot did not answer: " + self.read_log())

    def read_log(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def maildir(self, user="erika"):
        return os.path.join(self.dir, "home", user, "Maildir")

    def deliver(self, data, user="erika"):
        """Writes one message into the user's new/, through tmp/ as a
        delivery agent does; returns its file name.  Names sort in
        delivery order."""
        self.delivered += 1
        name = f"{int(time.time())}.M{self.delivered:06d}P{os.getpid()}.retrason-test"
        tmp = os.path.join(self.maildir(user), "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
        if os.getuid() == 0:
            os.chown(tmp, self.uid, self.gid)
        os.rename(tmp, os.path.join(self.maildir(user), "new", name))
        return name

    def recreate(self, user="erika"):
        """Empties the mailbox and forgets its UIDs, as a mailbox deleted
        and created again: the next session sees a new UIDVALIDITY (the
        dovecot-uidvalidity file stays, so the new value is a greater
        one, not the clock's value again)."""
        md = self.maildir(user)
        for name in os.listdir(md):
            path = os.path.join(md, name)
            if name in ("cur", "new", "tmp"):
                for f in os.listdir(path):
                    os.unlink(os.path.join(path, f))
            elif name.startswith("dovecot-uidlist") or name.startswith("dovecot.index"):
                os.unlink(path)

    def files(self, user="erika"):
        """{"new": [...], "cur": [...]}: the Maildir's file names, sorted."""
        md = self.maildir(user)
        return {sub: sorted(os.listdir(os.path.join(md, sub))) for sub in ("new", "cur")}

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
