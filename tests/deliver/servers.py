"""Servers the delivery tests start on 127.0.0.1 and stop again: an SMTP
server (aiosmtpd) and an HTTP server (http.server), each recording what it
received and answering from a script."""
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """Records every message; `replies` answers DATA in turn (then 250)."""

    def __init__(self, replies=(), logins=None):
        self.messages = []
        self.attempts = 0
        self.logins_seen = []
        self.replies = list(replies)
        self.logins = logins
        self.port = free_port()
        kwargs = {}
        if logins is not None:
            kwargs = dict(authenticator=self._auth, auth_required=True, auth_require_tls=False)
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **kwargs)

    def _auth(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            pair = (auth_data.login.decode(), auth_data.password.decode())
            self.logins_seen.append(pair)
            return AuthResult(success=pair in self.logins, handled=False)
        return AuthResult(success=False, handled=False)

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.replies:
            return self.replies.pop(0)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def url(self):
        return "smtp://127.0.0.1:%d" % self.port


class HttpServer:
    """Records every POST; `statuses` answers in turn (then 200)."""

    def __init__(self, statuses=(), reply_body=b"ok"):
        self.requests = []
        self.statuses = list(statuses)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                outer.requests.append((self.path, dict(self.headers), body))
                status = outer.statuses.pop(0) if outer.statuses else 200
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                payload = reply_body if status >= 400 else b"ok"
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def url(self, path="/hook"):
        return "http://127.0.0.1:%d%s" % (self.port, path)
