"""`timeline crawl --watch INTERVAL`: a crawl every interval until interrupted, one line per round,
for an ongoing incident — the feed's new articles arrive, unchanged pages are not read again."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.archive.conftest import FAST, PROJECT, proxy_env, rows, timeline_command, write
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import outage_article

HOST = "www.cronaca.test"
SITE = f"http://{HOST}"
FIRST, SECOND = "/2024/02/05/posta-lampo-guasto/", "/2024/02/06/posta-lampo-ripristino/"

SOURCES = f"""\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: 2024-02-01, end: 2024-02-29}}
sources:
  - name: cronaca
    kind: news
    feed: "{SITE}/feed.xml"
"""


def feed(paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Posta Lampo</title><link>{SITE}{p}</link>"
        "<pubDate>Mon, 05 Feb 2024 09:30:00 +0100</pubDate></item>"
        for p in paths
    )
    channel = f"<channel><title>Cronaca</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


class ChangingSite:
    """A site whose feed lists one more article once the test says so; it answers 304 to a
    conditional request for a page that has not changed."""

    def __init__(self):
        self.listed = [FIRST]

    def __call__(self, request):
        if request.path == "/feed.xml":
            return Answer(200, feed(self.listed), "application/rss+xml")
        if request.path in (FIRST, SECOND):
            if request.headers.get("If-Modified-Since"):
                return Answer(304, b"")
            n = 1 if request.path == FIRST else 2
            return Answer(200, outage_article(n, 4 + n))
        return None


def read_lines(stream, into: list[str]) -> None:
    for line in iter(stream.readline, ""):
        into.append(line)


def wait_for(lines: list[str], text: str, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(text in line for line in lines):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def watched(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("watch")
    site = ChangingSite()
    web = LoopWeb()
    web.route(HOST, site)
    db = tmp_path / "watch.db"
    config = write(tmp_path, "sources.yml", SOURCES)
    with web:
        process = subprocess.Popen(
            [
                *timeline_command(),
                "crawl",
                "--config",
                str(config),
                "--db",
                str(db),
                *FAST,
                "--watch",
                "2s",
            ],
            cwd=PROJECT,
            env=proxy_env(web.proxy_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: list[str] = []
        reader = threading.Thread(target=read_lines, args=(process.stderr, lines), daemon=True)
        reader.start()
        try:
            assert wait_for(lines, "round 1 at"), "".join(lines)
            wal = Path(f"{db}-wal")
            between_rounds = wal.exists() and wal.stat().st_size > 0
            documents_after_first = len(rows(db, "select url from documents"))
            site.listed.append(SECOND)  # the outage goes on: the feed has a new article
            assert wait_for(lines, "round 2 at"), "".join(lines)
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        reader.join(timeout=5)
    yield {
        "lines": lines,
        "returncode": process.returncode,
        "db": db,
        "web": web,
        "first": documents_after_first,
        "wal kept": between_rounds,
    }


def round_lines(watched) -> list[str]:
    return [line for line in watched["lines"] if line.startswith("round ")]


def test_interrupting_the_watch_ends_it_normally(watched):
    assert watched["returncode"] == 0, "".join(watched["lines"])


def test_each_round_prints_one_line(watched):
    assert [line.split(" at ")[0] for line in round_lines(watched)] == ["round 1", "round 2"]


def test_the_round_line_has_the_figures(watched):
    assert (
        "1 documents stored" in round_lines(watched)[0]
        and "in the database: 1 documents" in round_lines(watched)[0]
    )


def test_the_watch_says_it_stopped(watched):
    assert any("watch stopped after 2 rounds" in line for line in watched["lines"])


def test_the_second_round_reads_the_new_article(watched):
    urls = {row["url"] for row in rows(watched["db"], "select url from documents")}
    assert (watched["first"], urls) == (1, {SITE + FIRST, SITE + SECOND})


def test_the_second_round_reads_the_feed_again(watched):
    assert len(watched["web"].hits(HOST, "/feed.xml")) == 2


def test_an_unchanged_page_is_asked_conditionally_and_not_read_again(watched):
    assert [hit.status for hit in watched["web"].hits(HOST, FIRST)] == [200, 304]


def test_the_write_ahead_log_is_kept_between_rounds(watched):
    # timeline serve opens the database read-only (not immutable) and so sees each round's rows.
    assert watched["wal kept"]


@pytest.mark.parametrize("value", ["soon", "-5m", "0s", "15 minutes", "1d"])
def test_a_bad_interval_is_refused_in_one_line(tmp_path, value):
    config = write(tmp_path, "sources.yml", SOURCES)
    result = subprocess.run(
        [
            *timeline_command(),
            "crawl",
            "--config",
            str(config),
            "--db",
            str(tmp_path / "x.db"),
            f"--watch={value}",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        result.returncode,
        len(result.stderr.strip().splitlines()),
        "--watch" in result.stderr,
    ) == (2, 1, True)


@pytest.mark.parametrize(
    "text, seconds", [("30s", 30), ("15m", 900), ("1h", 3600), ("90", 90), ("1.5m", 90)]
)
def test_intervals(text, seconds):
    from incident_timeline.crawl import parse_interval

    assert parse_interval(text) == seconds


def test_sigterm_during_a_round_stops_the_watch_and_its_round(tmp_path):
    site = ChangingSite()
    web = LoopWeb()
    web.route(HOST, lambda request: slow(site, request))
    config = write(tmp_path, "sources.yml", SOURCES)
    with web:
        process = subprocess.Popen(
            [
                *timeline_command(),
                "crawl",
                "--config",
                str(config),
                "--db",
                str(tmp_path / "w.db"),
                *FAST,
                "--watch",
                "1h",
            ],
            cwd=PROJECT,
            env=proxy_env(web.proxy_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while not web.hits(HOST, "/feed.xml") and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)  # in the middle of the first round
        try:
            _, stderr = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    assert (process.returncode, "watch stopped after 0 rounds" in stderr) == (0, True), stderr


def slow(site, request):
    """The site, answering its articles slowly (a round lasts long enough to be stopped)."""
    answer = site(request)
    if answer is not None and request.path != "/feed.xml":
        answer.delay = 2
    return answer
