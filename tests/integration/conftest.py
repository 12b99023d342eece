"""Integration fixtures: a loopback HTTP server over a folder of pages, and running the CLI."""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
TIMELINE = [sys.executable, "-m", "incident_timeline.cli"]


class LoggingHandler(SimpleHTTPRequestHandler):
    """Serves a folder; records every requested path on the server."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        self.server.requests.append(self.path)
        return super().send_head()

    def guess_type(self, path):
        # Like a plain web server: no charset, so the page's own <meta> decides.
        return "text/html" if str(path).endswith(".html") else super().guess_type(path)


class LoopbackSite:
    """A folder served on 127.0.0.1 at a free port; ``requests`` lists the paths asked for."""

    def __init__(self, folder: Path):
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(LoggingHandler, directory=str(folder))
        )
        self.httpd.requests = []
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def requests(self) -> list[str]:
        return self.httpd.requests

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def loopback_site():
    """Factory: serve a folder on loopback for the module's tests."""
    sites = []

    def serve(folder: Path) -> LoopbackSite:
        site = LoopbackSite(folder)
        sites.append(site)
        return site

    yield serve
    for site in sites:
        site.close()


def run_timeline(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the ``timeline`` command as a user would, in a fresh process (Twisted cannot restart)."""
    return subprocess.run(
        [*TIMELINE, *args], cwd=PROJECT, capture_output=True, text=True, timeout=timeout
    )
