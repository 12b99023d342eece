"""A small web on loopback: made-up hosts behind one server, which is also the crawl's proxy.

    web = LoopWeb()
    web.route("www.cronaca.test", site_handler)  # handler(request) -> Answer | None
    with web:
        web.proxy_url                 # http://127.0.0.1:PORT (set http_proxy to it)
        web.log                       # [Hit(host, path, query, status, at), ...]
        web.most_in_flight(host)      # the most requests the host had in flight at once

A request for a host that has no route is answered 502 and logged, so a test can assert
that nothing left the hosts it set up. A handler may sleep (``Answer.delay``) to keep a
request in flight, which is how the per-host limits are measured.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    host: str
    path: str
    query: dict
    raw_query: str
    headers: dict = field(default_factory=dict)

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default


@dataclass
class Answer:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Hit:
    host: str
    path: str
    query: str
    status: int
    at: float


class LoopWeb:
    """Virtual hosts on one ThreadingHTTPServer on 127.0.0.1, reachable as a proxy or directly."""

    def __init__(self):
        self.routes: dict[str, callable] = {}
        self.log: list[Hit] = []
        self.in_flight: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, host: str, handler) -> None:
        self.routes[host.lower()] = handler

    def __enter__(self) -> LoopWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- what the tests read ---------------------------------------------------------------

    def hits(self, host: str | None = None, path_prefix: str = "") -> list[Hit]:
        with self.lock:
            return [
                h
                for h in self.log
                if (host is None or h.host == host) and h.path.startswith(path_prefix)
            ]

    def most_in_flight(self, host: str) -> int:
        return self.peak.get(host, 0)

    def unrouted(self) -> list[Hit]:
        return [h for h in self.hits() if h.host not in self.routes]

    # -- serving ---------------------------------------------------------------------------

    def answer(self, host: str, path: str, raw_query: str, headers: dict | None = None) -> Answer:
        handler = self.routes.get(host)
        if handler is None:
            return Answer(502, "no such host on the loopback web\n", "text/plain")
        request = Request(
            host, path, parse_qs(raw_query, keep_blank_values=True), raw_query, headers or {}
        )
        return handler(request) or Answer(404, "<html><body>Non trovata</body></html>")

    def handler_class(self):
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_CONNECT(self):  # noqa: N802
                self.send_error(403)

            def do_GET(self):  # noqa: N802
                target = urlsplit(self.path)
                host = (target.hostname or (self.headers.get("Host") or "").split(":")[0]).lower()
                if not target.scheme and host in ("127.0.0.1", "localhost"):
                    host = f"127.0.0.1:{web.port}"  # asked directly, not as a proxy
                with web.lock:
                    web.in_flight[host] = web.in_flight.get(host, 0) + 1
                    web.peak[host] = max(web.peak.get(host, 0), web.in_flight[host])
                try:
                    answer = web.answer(
                        host, target.path or "/", target.query, dict(self.headers.items())
                    )
                    if answer.delay:
                        time.sleep(answer.delay)
                    body = (
                        answer.body.encode("utf-8") if isinstance(answer.body, str) else answer.body
                    )
                    with web.lock:
                        web.log.append(
                            Hit(
                                host,
                                target.path or "/",
                                target.query,
                                answer.status,
                                time.monotonic(),
                            )
                        )
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with web.lock:
                        web.in_flight[host] -= 1

        return Handler
