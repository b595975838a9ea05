"""A real SMTP server on loopback for the tests (python3-aiosmtpd), with
faults to order: recipients whose address holds "refuse" get 550, "later"
451, "datafail" 451 after DATA; AUTH when a user is given."""
import socket

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    def __init__(self):
        self.messages = []  # (mail_from, [rcpt], bytes)
        self.faults = True

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.faults and "refuse" in address:
            return "550 5.1.1 no such user here"
        if self.faults and "later" in address:
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.faults and any("datafail" in r for r in envelope.rcpt_tos):
            return "451 4.3.0 queue full"
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK queued"


def start(user=None, password=None):
    handler = Recorder()
    kwargs = {}
    if user:
        def auth(server, session, envelope, mechanism, data):
            ok = (isinstance(data, LoginPassword) and data.login.decode() == user
                  and data.password.decode() == password)
            return AuthResult(success=ok, handled=False)
        kwargs = {"authenticator": auth, "auth_require_tls": False, "auth_required": True}
    port = free_port()
    c = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    c.start()
    return c, handler, port
