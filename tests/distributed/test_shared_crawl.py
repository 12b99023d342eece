"""Two `timeline crawl` processes share one crawl through a real Redis: each page fetched once,
every document stored."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.redis

ARTICLES = 60
PER_LISTING = 10
TIMELINE = Path(sys.executable).with_name("timeline")
REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listing_page(number: int) -> str:
    first = (number - 1) * PER_LISTING
    teasers = "".join(
        f'<h2><a href="/2023/01/articolo-{i}/">Posta elettronica bloccata, aggiornamento numero '
        f"{i}</a></h2>"
        for i in range(first, min(first + PER_LISTING, ARTICLES))
    )
    pager = "".join(
        f'<a href="/pagina/{n}/">{n}</a> ' for n in range(2, -(-ARTICLES // PER_LISTING) + 1)
    )
    return (
        "<!doctype html><html "
        f"lang=it><head><title>Tecnologia</title></head><body><h1>Tecnologia</h1>{teasers}"
        f'<nav class="pagination">{pager}</nav></body></html>'
    )


def article_page(i: int) -> str:
    day = 20 + i % 8
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "Il servizio di Libero Mail è rimasto irraggiungibile per molte ore: è la notizia "
            f"numero {i} del nostro archivio "
            "e racconta come migliaia di utenti non abbiano potuto leggere la posta a partire dal "
            f"{day} gennaio 2023.",
            "Italiaonline ha spiegato che il guasto riguarda l'infrastruttura di archiviazione e "
            "che i tecnici lavorano "
            "senza sosta per ripristinare le caselle; le associazioni dei consumatori chiedono un "
            "indennizzo.",
            f"Secondo l'azienda il ripristino completo è atteso entro il {day + 2} gennaio, mentre "
            "Virgilio Mail "
            "resta parzialmente accessibile dall'applicazione per smartphone ma non dal sito web.",
        )
    )
    meta = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": f"Libero Mail ancora fuori uso, aggiornamento {i}",
            "datePublished": f"2023-01-{day:02d}T10:{i % 60:02d}:00+01:00",
        }
    )
    return (
        "<!doctype html><html lang=it><head><title>Libero Mail ancora fuori uso, aggiornamento "
        f"{i}</title>"
        '<meta property="og:type" content="article"><script '
        f'type="application/ld+json">{meta}</script></head>'
        "<body><article><h1>Libero Mail ancora fuori uso, aggiornamento "
        f"{i}</h1>{body}</article></body></html>"
    )


class Site(ThreadingHTTPServer):
    """A loopback news site that logs every request path."""

    daemon_threads = True

    def __init__(self):
        self.requested: list[str] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), SiteHandler)


class SiteHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        with self.server.lock:
            self.server.requested.append(self.path)
        time.sleep(0.02)  # a little latency, as a real origin has: lets both processes get work
        html = None
        if self.path == "/":
            html = listing_page(1)
        elif self.path.startswith("/pagina/"):
            number = int(self.path.strip("/").split("/")[1])
            html = listing_page(number) if (number - 1) * PER_LISTING < ARTICLES else None
        elif self.path.startswith("/2023/01/articolo-"):
            i = int(self.path.rstrip("/").rsplit("-", 1)[1])
            html = article_page(i) if i < ARTICLES else None
        if html is None:
            self.send_error(404)
            return
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("redis")
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def site():
    server = Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def shared_crawl(tmp_path_factory, redis_url, site):
    """Run two crawler processes on one Redis and one database (once for the module's tests)."""
    tmp_path = tmp_path_factory.mktemp("crawl")
    config = tmp_path / "sources.yml"
    config.write_text(
        "incident:\n  slug: posta-2023\n  title: Posta bloccata\n  timezone: Europe/Rome\n"
        "  keywords: [libero mail]\n  window: {start: 2023-01-15, end: 2023-03-31}\n"
        "sources:\n  - name: notiziario\n    kind: news\n"
        f"    start_urls: ['http://127.0.0.1:{site.server_port}/']\n",
        "utf-8",
    )
    db = tmp_path / "timeline.db"
    command = [
        str(TIMELINE),
        "crawl",
        "--config",
        str(config),
        "--db",
        str(db),
        "-s",
        f"TIMELINE_REDIS_URL={redis_url}",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "ROBOTSTXT_OBEY=False",
        "-s",
        "CONCURRENT_REQUESTS=2",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    workers = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for _ in range(2)
    ]
    outputs = []
    try:
        for worker in workers:
            out, err = worker.communicate(timeout=50)
            outputs.append((worker.returncode, err))
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    for code, err in outputs:
        assert code == 0, err
    return site, db, [err for _, err in outputs]


def test_every_page_is_fetched_exactly_once(shared_crawl):
    site, _, _ = shared_crawl
    fetched = Counter(site.requested)
    assert {path for path, times in fetched.items() if times > 1} == set()


def test_every_article_is_fetched(shared_crawl):
    site, _, _ = shared_crawl
    assert {f"/2023/01/articolo-{i}/" for i in range(ARTICLES)} <= set(site.requested)


def test_the_database_has_every_document(shared_crawl):
    _, db, _ = shared_crawl
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*), count(distinct url) from documents").fetchone() == (
            ARTICLES,
            ARTICLES,
        )


def test_both_processes_did_some_of_the_work(shared_crawl):
    _, _, reports = shared_crawl
    fetched = [
        int(line.split(" pages fetched")[0].rsplit(" ", 1)[-1])
        for report in reports
        for line in report.splitlines()
        if line.startswith("Crawl finished")
    ]
    assert len(fetched) == 2 and all(n > 0 for n in fetched), reports
