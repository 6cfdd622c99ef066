"""A real HTTP server on 127.0.0.1 for tests: register responses, fetch them, read the log.

No mocked transports: the code under test opens real sockets to a `ThreadingHTTPServer` on a
random port, so redirects, gzip, slow bodies and status codes behave as they do on the web.

    def test_title(http_server: PageServer) -> None:
        url = http_server.route("/a", "<h1>Xin chào</h1>")        # text/html; charset=utf-8
        http_server.route("/raw", cp1258_bytes, content_type="text/html")  # no charset
        http_server.redirect("/old", "/a")
        http_server.route("/slow", b"x" * 20, drip=0.1, chunk_size=1)     # 2 s to send
        http_server.route("/cached", "<p>same</p>", headers={"ETag": '"v1"'})  # answers 304s
        http_server.sequence("/flaky", Response(status=503), Response(b"<p>ok</p>"))
        page = fetch(http_server.url("/old"))
        assert http_server.log[-1].headers["user-agent"].startswith("reader-tui/")

A route whose headers carry an ETag or Last-Modified answers conditional requests that match
them with 304 Not Modified, as a real server does (`conditional=False` turns that off).

Use the `http_server` fixture (tests/conftest.py) in tests; outside pytest (a demo, a tmux test
driving another process) use `with PageServer() as server:`. Unknown paths answer 404.
"""

from __future__ import annotations

import gzip as gzip_module
import socket
import ssl
import struct
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

__all__ = [
    "Answer",
    "PageServer",
    "Request",
    "Response",
    "encode_windows_1258",
    "self_signed_certificate_pem",
    "trusting_client_context",
    "unaccepting_port",
]


class Request(NamedTuple):
    """One request as the server saw it; unpacks as (method, path, headers)."""

    method: str
    path: str
    """The request target, query string included."""
    headers: Mapping[str, str]
    """Header names in lower case."""


class Answer(NamedTuple):
    """What the server sent for one request (status 0: it reset or dropped the connection)."""

    path: str
    status: int
    body_bytes: int


@dataclass(frozen=True)
class Response:
    """What the server sends for one path."""

    body: bytes = b""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    """Sent as given, in order; Content-Length is added unless present."""
    delay: float = 0.0
    """Seconds to wait before the status line (a server that thinks for too long)."""
    drip: float = 0.0
    """Seconds to wait between body chunks (a server that answers but never finishes)."""
    chunk_size: int = 1024
    endless: bool = False
    """Send `body` over and over, without a Content-Length, until the client hangs up."""
    reset: bool = False
    """Read the request, then reset the connection (TCP RST) without answering."""
    conditional: bool = True
    """Answer 304 when If-None-Match / If-Modified-Since match the ETag / Last-Modified sent."""


class PageServer:
    """A threaded HTTP/1.0 server on 127.0.0.1 with a tiny routing table and a request log.

    `tls=True` serves https:// with a self-signed certificate for localhost and 127.0.0.1:
    ordinary clients refuse it (a real certificate failure); a client built with
    `trusting_client_context()` accepts it.
    """

    def __init__(self, host: str = "127.0.0.1", *, tls: bool = False) -> None:
        self._routes: dict[str, list[Response]] = {}
        self._routes_lock = threading.Lock()
        self._stopping = threading.Event()
        self.log: list[Request] = []
        """Every request received, oldest first: (method, path, headers)."""
        self.arrivals: list[float] = []
        """`time.monotonic()` of each request in `log`, same order (to measure waits)."""
        self.answers: list[Answer] = []
        """What was sent back, in the order answers finished: (path, status, body bytes)."""
        self.in_flight = 0
        self.peak_in_flight = 0
        """The most requests that were being answered at the same time."""
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.owner = self
        self._httpd.tls = _server_context() if tls else None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> PageServer:
        """Serve from a daemon thread; returns self."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.01},  # stop() waits for one poll
                name=f"PageServer:{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake sleeping handlers and close the socket."""
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> PageServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- addresses -----------------------------------------------------------------------

    @property
    def host(self) -> str:
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """ "http://127.0.0.1:PORT", without a trailing slash."""
        scheme = "https" if self._httpd.tls is not None else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """The absolute URL of `path` on this server."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # --- routes --------------------------------------------------------------------------

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        gzip: bool = False,
        delay: float = 0.0,
        drip: float = 0.0,
        chunk_size: int = 1024,
        endless: bool = False,
    ) -> str:
        """Answer GET/HEAD/POST on `path` (with or without its query); returns the URL.

        A str body is sent as UTF-8. `content_type=None` sends no Content-Type header (for
        sniffing tests); `headers` are added after it and win over it. `gzip=True` compresses
        the body and sends Content-Encoding: gzip. `delay` and `drip` make the server slow
        (see `Response`); keep them short, a stopped server wakes sleeping handlers anyway.
        `endless=True` repeats the body for ever (see `Response`).
        """
        data = body.encode("utf-8") if isinstance(body, str) else body
        sent: dict[str, str] = {}
        if content_type is not None:
            sent["Content-Type"] = content_type
        if gzip:
            data = gzip_module.compress(data)
            sent["Content-Encoding"] = "gzip"
        sent.update(headers or {})
        self.add(path, Response(data, status, sent, delay, drip, chunk_size, endless))
        return self.url(path)

    def redirect(self, path: str, to: str, *, status: int = 302) -> str:
        """Answer `path` with a redirect to `to` (absolute URL or path); returns `path`'s URL."""
        return self.route(path, b"", status=status, content_type=None, headers={"Location": to})

    def add(self, path: str, response: Response) -> None:
        """Register a prepared `Response` (replaces an earlier one for the same path)."""
        self.sequence(path, response)

    def sequence(self, path: str, *responses: Response) -> str:
        """Answer the requests to `path` with `responses` in turn, the last one for ever after.

        For a server that fails and then recovers: `sequence("/a", Response(status=503),
        Response(b"<p>ok</p>", headers={"Content-Type": "text/html"}))`. Returns the URL.
        """
        if not responses:
            raise ValueError("sequence() needs at least one response")
        with self._routes_lock:
            self._routes[path] = list(responses)
        return self.url(path)

    def requests_to(self, path: str) -> list[Request]:
        """The logged requests whose path (query ignored) is `path`."""
        return [r for r in self.log if _path(r.path) == path]

    def answers_to(self, path: str, settle: float = 2.0) -> list[Answer]:
        """The answers sent for `path` (query ignored), in the order they finished.

        A handler records its answer after the last byte is sent, so a client can be done
        before the record is: wait (up to `settle` seconds) for requests in flight to finish.
        """
        deadline = time.monotonic() + settle
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.002)
        with self._routes_lock:
            return [a for a in self.answers if _path(a.path) == path]

    def arrivals_to(self, path: str) -> list[float]:
        """When each request in `requests_to(path)` arrived (`time.monotonic()`)."""
        return [t for r, t in zip(self.log, self.arrivals, strict=True) if _path(r.path) == path]

    def _lookup(self, target: str) -> Response | None:
        with self._routes_lock:
            queue = self._routes.get(target) or self._routes.get(_path(target))
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]


def _path(target: str) -> str:
    """The path of a request target; a proxy request's target is an absolute URL."""
    return urlsplit(target).path


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs of a concurrent batch: 1 s retransmits
    owner: PageServer
    tls: ssl.SSLContext | None

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        try:  # handshake here, in the connection's thread, not in the accept loop
            secure = self.tls.wrap_socket(request, server_side=True)
        except OSError:  # ssl.SSLError included: the client refused our certificate
            return
        try:
            super().finish_request(secure, client_address)
        finally:  # the base class closes only the plain socket it accepted
            self.shutdown_request(secure)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-response (a timeout test) is expected, not an error.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


_NOT_FOUND = Response(b"<h1>404 Not Found</h1>", 404, {"Content-Type": "text/html"})


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"
    _status: int
    _sent: int

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_POST(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the log list is the record; stderr stays quiet

    def _answer(self, *, with_body: bool) -> None:
        owner = self.server.owner
        headers = {name.lower(): value for name, value in self.headers.items()}
        with owner._routes_lock:  # log and arrivals stay the same length for readers
            owner.log.append(Request(self.command, self.path, headers))
            owner.arrivals.append(time.monotonic())
            owner.in_flight += 1
            owner.peak_in_flight = max(owner.peak_in_flight, owner.in_flight)
        response = owner._lookup(self.path) or _NOT_FOUND
        self._status = 0
        self._sent = 0
        try:
            self._respond(response, headers, with_body=with_body)
        except OSError:  # ConnectionError, ssl.SSLError
            pass  # the client gave up (timeout, size limit): expected in these tests
        finally:
            with owner._routes_lock:
                owner.in_flight -= 1
                owner.answers.append(Answer(self.path, self._status, self._sent))

    def _respond(self, response: Response, headers: Mapping[str, str], *, with_body: bool) -> None:
        stopping = self.server.owner._stopping
        if response.reset:
            self._reset()
            return
        if response.delay and stopping.wait(response.delay):
            return
        if response.conditional and _not_modified(response, headers):
            self._send_not_modified(response)
            return
        self._status = response.status
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        sized = any(name.lower() == "content-length" for name in response.headers)
        if not sized and not response.endless:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if not with_body:
            return
        if response.endless:
            self._send_for_ever(response)
        elif not response.drip:
            self._write(response.body)
        else:
            self._drip(response)

    def _write(self, data: bytes) -> None:
        self.wfile.write(data)
        self._sent += len(data)

    def _drip(self, response: Response) -> None:
        size = max(1, response.chunk_size)
        for start in range(0, len(response.body), size):
            self._write(response.body[start : start + size])
            self.wfile.flush()
            if self.server.owner._stopping.wait(response.drip):
                return

    def _send_for_ever(self, response: Response) -> None:
        chunk = response.body or b"x"
        stopping = self.server.owner._stopping
        while not stopping.is_set():  # ends when the client hangs up (OSError) or at stop()
            self._write(chunk)
            if response.drip and stopping.wait(response.drip):
                return

    def _send_not_modified(self, response: Response) -> None:
        self._status = 304
        self.send_response(304)
        for name, value in response.headers.items():
            if not name.lower().startswith("content-"):  # a 304 has no body to describe
                self.send_header(name, value)
        self.end_headers()

    def _reset(self) -> None:
        """Close with a TCP reset, the way a crashing server or a middlebox drops a connection."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


def _not_modified(response: Response, request_headers: Mapping[str, str]) -> bool:
    """Whether a conditional GET matches `response` (RFC 9110 13.1.1 and 13.1.3, simplified)."""
    if response.status != 200:
        return False
    sent = {name.lower(): value for name, value in response.headers.items()}
    if "if-none-match" in request_headers:  # when present it decides; the date is ignored
        etag = sent.get("etag")
        wanted = [
            tag.strip().removeprefix("W/") for tag in request_headers["if-none-match"].split(",")
        ]
        return etag is not None and ("*" in wanted or etag.removeprefix("W/") in wanted)
    since, modified = request_headers.get("if-modified-since"), sent.get("last-modified")
    if since is None or modified is None:
        return False
    try:
        return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


@contextmanager
def unaccepting_port() -> Iterator[int]:
    """A port on 127.0.0.1 that is listening but never completes a connection (connect hangs).

    The listen backlog is filled and nothing calls accept(), so the kernel drops further SYNs:
    to a client that looks like a host that does not answer, the case a connect timeout is for.
    """
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = int(listener.getsockname()[1])
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with suppress(BlockingIOError):  # non-blocking: the handshake completes later
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.05)  # let the handshakes that fit in the backlog complete
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


_VIETNAMESE_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def encode_windows_1258(text: str) -> bytes:
    """Vietnamese text as a legacy windows-1258 page really stores it.

    The code page has â, ê, ô, ơ, ư, ă, đ but not their toned forms: "ả" is "a" plus a combining
    hook above. Python's codec cannot encode composed text, so split each letter the same way.
    Decoding gives decomposed text, which is what `reader.decode` must normalise to NFC.
    """
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _VIETNAMESE_TONES))
        tones = "".join(c for c in parts if c in _VIETNAMESE_TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


# A self-signed certificate for localhost and 127.0.0.1, valid 2000-2100, made for these tests
# only (its key is public, here): no test depends on the clock, the network or an openssl binary.
_TEST_CERTIFICATE = """\
-----BEGIN CERTIFICATE-----
MIIDODCCAiCgAwIBAgIBATANBgkqhkiG9w0BAQsFADAUMRIwEAYDVQQDDAlsb2Nh
bGhvc3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNV
BAMMCWxvY2FsaG9zdDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBANbZ
GQ61MVLDBYz7sBjBlOfv8vYuCF7cUj+9kDcdqSq/kxaRTVQShG8wOqvrZ5CIYBBU
xQBIT5+gke7Ri9zvn8yFV8BTmWLgdfdDs4+qJOGfA1WB5XNSFgNRafi9Q3u9hijs
JnFYKLACvpQ94sOxIymSE2iCfY3xVV1SrelJWWwLsf4Pam9VXDpwB+Ym3RB50k2E
/89iDTLkZzDNc9NlwgshE9U0glRGmt5p96uuk51Xh94oKKUmLuHi99aaBIaVYpY2
XcQ1JRi/tYZyQLz/MpB2mu0qRdgCBPMCa0IDlC2pMWqJaRbtu88k+pe/e/3DcpYS
r+jcF8v6V0D+PAC9s70CAwEAAaOBkjCBjzAaBgNVHREEEzARgglsb2NhbGhvc3SH
BH8AAAEwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCBaAwEwYDVR0lBAwwCgYI
KwYBBQUHAwEwHQYDVR0OBBYEFE8YMFyUxOPSBo87ni/D7S9vyAp3MB8GA1UdIwQY
MBaAFE8YMFyUxOPSBo87ni/D7S9vyAp3MA0GCSqGSIb3DQEBCwUAA4IBAQBc1SRu
vzjT5+OgJdEy3ASiyr552kjPtZWDitZdNYz5aW2x8dEslRBhAgxj65xLktbW6isG
TAs42Sj4iLGW/NMh0RLOK08NuunMxvURcNoMQmKGeJbeHBFb0O9xHCLgCnHEJFY3
lroSaQq7irRWBjpKGeoAeHe/10e8UL2LgpcAy6HBE2ZRhpki4BrZ/CEhD9AFUstk
IjrwVLMGJE4k5lay9M7OiJyxEGmdGvd/xvt9BJFRUJjtbOuRDAyTvoJoO2h5c7Yh
6hqCzKYUJ/n2L2zImpnEbaIhWV67NUJLQRbjcyBFTGmA4O9xU+qMkOZWrvWHXG4N
2hszxvzKxuvWfDHa
-----END CERTIFICATE-----
"""
_TEST_KEY = """\
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDW2RkOtTFSwwWM
+7AYwZTn7/L2Lghe3FI/vZA3Hakqv5MWkU1UEoRvMDqr62eQiGAQVMUASE+foJHu
0Yvc75/MhVfAU5li4HX3Q7OPqiThnwNVgeVzUhYDUWn4vUN7vYYo7CZxWCiwAr6U
PeLDsSMpkhNogn2N8VVdUq3pSVlsC7H+D2pvVVw6cAfmJt0QedJNhP/PYg0y5Gcw
zXPTZcILIRPVNIJURpreaferrpOdV4feKCilJi7h4vfWmgSGlWKWNl3ENSUYv7WG
ckC8/zKQdprtKkXYAgTzAmtCA5QtqTFqiWkW7bvPJPqXv3v9w3KWEq/o3BfL+ldA
/jwAvbO9AgMBAAECggEAHnGT3eQp8Y7F7hTJ/rALkBQNqvmZ4Qs6MmMDmPPAgVi1
GHkNapDXKEQ+xBauzamtZxMD+UbF1Zo0o5EYzv07eQkaBpwx+3NP8/Ipcv2KjVfx
an/mCgHDMcQrDn6PHe0cohbYWa5C0bIJ3Eqqo80pbN4QlvoKnX7peDhbgVeN7sO0
5z3FVKdVeCqRLsVcPRRk+U1XBs+xzOzhway2nqrVpiM9heMHNOkJ2VNzpP1dEl1E
M4pQPqapSW8JzY6qc1kohqJSxTTNC8G1o7U/iA/lXAI64j48RQYtYRTSaHCP1ohb
glN+3xI2DRFMVOFxcmnyorSDJPm60gb1gJuxGPLBYQKBgQD4+3+ZHNpkH095//v8
Wn6WNyJJud4NGIevFSi0MfZWEdh+6n+Fs8tOEH97SJ70drFjrAjb+auZ8lw1l+eh
l7Zgrxz3GX5RQNqeN7Gh0j8gmvvDB5zL6MlBQ9J9E0kSG5uWZBPw4f1iRbzx8/Ev
NEnO55r52F1Diflq7IUkPH4DrQKBgQDc506etiFRdszE1KI9/7gbm7RJVBYdnCtw
NkKdtnvcCLJL3G0I3kelcw+bA/DzqjBcKXO6oprZvXEx5ukwcaU+lUxxnC84D6th
8oC93baPze7D3r2GakSe7jahI750zuiYigWR8EuGHlc4gT5A/gjK/Nma+vSSrtD0
uOTVF5nyUQKBgQD1p4ZUdjBPesj6kQN5D3w4D3vIDBe3Cg3NQ+4eI/FtKDxXtFxP
eX5MrmBpLdSPVJBey/0NtL+Hq6Uox5ClUb+CkyPb9Q45cuiAFGkxRPQ94kwmN9uP
IEV5HEaQWzfMIusWrfUyxHYwwKfUfR/ouAlemArDGaOjIH2y7lvKzdhzHQKBgEwQ
3jKqloh9tv8kFQXyU0w2bns9mCv0BcUq+f9iwf2/hN24dlcya0tedoYzcjoFZYem
wnIG4fmOUTcUw0FqMLN/J4aLeHr+ck5U+d3nRaD5EXmi7nIlj6GGd4s/SqrgQJme
FVLugqMZOYF8h5pLn21+adQDDEqiJdPPAwUZjmoxAoGBAO1Q6MhxFSH/eAUucKiS
sSunML2dTjPpDkd5GqnOOewn/4JmBMsNclUiaUahiuECgBWp/t18PvisScpPHV9G
6XnCpVi6MmbxXr1+Hw0CN/J0Aciedcv47YTRVJJrnpciBAF/zeTc66jFcwi/TSaS
S1K2pA8D5QENdvh+bmnmZ+UG
-----END PRIVATE KEY-----
"""


def _server_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory(prefix="reader-test-tls-") as folder:
        certificate, key = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        certificate.write_text(_TEST_CERTIFICATE)
        key.write_text(_TEST_KEY)
        context.load_cert_chain(certificate, key)  # only takes files; read once, then gone
    return context


def self_signed_certificate_pem() -> str:
    """The certificate `PageServer(tls=True)` presents, PEM text: for an SSL_CERT_FILE."""
    return _TEST_CERTIFICATE


def trusting_client_context() -> ssl.SSLContext:
    """A client SSL context that trusts `PageServer(tls=True)`: pass it as httpx's `verify`."""
    return ssl.create_default_context(cadata=_TEST_CERTIFICATE)
