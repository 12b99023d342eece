"""A loopback web server that replays a folder of saved sites, one sub-folder per host.

The crawler talks to it as an HTTP proxy, so the pages keep their real-looking URLs
(``http://www.notizie.test/2023/01/24/guasto/``) and each site keeps its own domain,
while nothing leaves the machine::

    with ReplicaServer("corpus/sites") as replica:
        print(replica.proxy_url)   # http://127.0.0.1:40123

URL → file: ``sites/<host>/<path>``; a path ending in ``/`` gets ``index.html``; a query
string is appended to the file name after ``__`` (``/?p=12`` → ``index.html__p=12``).
A file ``<name>.headers`` beside a page adds or overrides response headers
(``Header: value`` lines), e.g. a ``Content-Type`` with a lying charset.
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Only the types the corpus uses; no charset, so pages declare their own in <meta>.
CONTENT_TYPES = {
    ".html": "text/html",
    ".xml": "application/xml",
    ".json": "application/json",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain",
}


def file_for(root: Path, url: str, host_header: str | None = None) -> Path | None:
    """The saved file that answers ``url`` (absolute, or a path with ``host_header``), or None."""
    parts = urlsplit(url)
    host = (parts.hostname or (host_header or "").split(":")[0]).lower()
    path = unquote(parts.path or "/")
    if path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "__" + unquote(parts.query)
    site = (root / host).resolve()
    candidate = (site / path.lstrip("/")).resolve()
    # Refuse anything that escapes the site's folder ("/../../etc/passwd").
    if site not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def content_type(path: Path) -> str:
    """The Content-Type for a saved file, from its extension ("text/html" for unknown ones)."""
    name = path.name.split("__")[0]
    suffix = Path(name).suffix.lower()
    if name == "robots.txt":
        return "text/plain"
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "text/html"


def extra_headers(path: Path) -> dict[str, str]:
    """Headers from the optional ``<file>.headers`` sidecar."""
    sidecar = path.with_name(path.name + ".headers")
    if not sidecar.is_file():
        return {}
    headers = {}
    for line in sidecar.read_text("utf-8").splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


class ReplicaHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the replica folder, as origin server or as proxy."""

    root: Path
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        path = file_for(self.root, self.path, self.headers.get("Host"))
        if path is None:
            body, status, headers = b"not found\n", 404, {"Content-Type": "text/plain"}
        else:
            body, status = path.read_bytes(), 200
            headers = {"Content-Type": content_type(path), **extra_headers(path)}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet: the crawl reports progress
        pass


class ReplicaServer:
    """Serves ``root`` on a free loopback port in a background thread; a context manager."""

    def __init__(self, root: str | Path, port: int = 0, host: str = "127.0.0.1"):
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"replica folder not found: {self.root}")
        handler = type("BoundReplicaHandler", (ReplicaHandler,), {"root": self.root})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def proxy_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def hosts(self) -> list[str]:
        """The site host names this replica serves."""
        return sorted(p.name for p in self.root.iterdir() if p.is_dir())

    def __enter__(self) -> ReplicaServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
