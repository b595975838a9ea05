"""A real SMTP server on loopback for the tests (python3-aiosmtpd), with
faults to order: recipients whose address holds "refuse" get 550, "later"
451, "badbytes" a 550 whose text is invalid UTF-8 and controls (BAD_BYTES),
"datafail" 451 after DATA; AUTH when a user is given."""
import asyncio
import os
import socket
import ssl
import subprocess

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# A reply as a broken or hostile server might word it: a stray
# continuation byte, a cut sequence, Latin-1, an escape sequence, a DEL.
BAD_BYTES = b"550 5.1.1 \x80 caf\xc3 \xe9t\xe9 \xf0\x9f\x8e \x1b[31mred\x7f \"q\" \\ end"


class Recorder:
    def __init__(self):
        self.messages = []  # (mail_from, [rcpt], bytes)
        self.faults = True
        self.delay = 0  # seconds to wait before accepting each message
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1  # every connection greets once
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.faults and "refuse" in address:
            return "550 5.1.1 no such user here"
        if self.faults and "later" in address:
            return "451 4.3.0 try again later"
        if self.faults and "badbytes" in address:
            return BAD_BYTES  # aiosmtpd sends bytes as they are
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.tls = session.ssl is not None  # was STARTTLS done before MAIL?
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.faults and any("datafail" in r for r in envelope.rcpt_tos):
            return "451 4.3.0 queue full"
        if self.faults and any("toobig" in r for r in envelope.rcpt_tos):
            return "552 5.3.4 message too big for this mailbox"
        if self.faults and any("drop" in r for r in envelope.rcpt_tos):
            server.transport.close()  # the connection dies mid-transaction
            return None
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK queued"


def make_ca(folder, names="DNS:localhost,IP:127.0.0.1"):
    """A test CA and a certificate for localhost/127.0.0.1 (or names)
    signed by it, made with openssl; returns (ca.pem, server.pem,
    server.key)."""
    ca, ca_key = os.path.join(folder, "ca.pem"), os.path.join(folder, "ca.key")
    crt, key = os.path.join(folder, "server.pem"), os.path.join(folder, "server.key")
    csr, ext = os.path.join(folder, "server.csr"), os.path.join(folder, "ext.cnf")
    run = lambda *a: subprocess.run(a, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=retrason test CA", "-keyout", ca_key, "-out", ca)
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", key, "-out", csr)
    with open(ext, "w") as f:
        f.write(f"subjectAltName={names}\n")
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key,
        "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", crt)
    return ca, crt, key


def start(user=None, password=None, tls=None, only_mechanism=None):
    """tls: (server.pem, server.key) to offer and require STARTTLS;
    only_mechanism: offer just this AUTH mechanism ("LOGIN" or "PLAIN")."""
    handler = Recorder()
    handler.tls = False
    kwargs = {}
    if tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(*tls)
        kwargs.update(tls_context=ctx, require_starttls=True)
    if user:
        def auth(server, session, envelope, mechanism, data):
            ok = (isinstance(data, LoginPassword) and data.login.decode() == user
                  and data.password.decode() == password)
            return AuthResult(success=ok, handled=False)
        kwargs.update(authenticator=auth, auth_require_tls=False, auth_required=True)
        if only_mechanism:
            kwargs["auth_exclude_mechanism"] = [m for m in ("LOGIN", "PLAIN")
                                                if m != only_mechanism]
    port = free_port()
    c = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    c.start()
    return c, handler, port
