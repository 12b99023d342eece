"""A real `timeline crawl` over a loopback server: an RSS feed and a Statuspage API never seen
before.

The crawl runs as a subprocess (the Twisted reactor cannot restart in-process); the
database it writes is then read with sqlite-utils.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlite_utils

from tests.spiders.incident import PAGES

ROOT = Path(__file__).resolve().parents[2]
TIMELINE = Path(sys.executable).parent / "timeline"

SOURCES = """\
incident:
  slug: libero-2023
  title: Libero Mail and Virgilio Mail outage, January 2023
  timezone: Europe/Rome
  keywords: [libero mail, virgilio, italiaonline]
  window: {{start: 2023-01-15, end: 2023-03-31}}
sources:
  - name: notiziario
    kind: news
    feed: "{base}/feed.rss"
  - name: stato-posta
    kind: provider
    statuspage: "{base}/"
"""


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".json": "application/json",
    }

    def log_message(self, format, *args):
        pass


def site_folder(root: Path, base: str) -> None:
    """The saved pages, laid out as the URLs the feed and the API name, on ``base``."""

    def copy(name: str, to: str, replace: tuple[str, str] | None = None) -> None:
        target = root / to
        target.parent.mkdir(parents=True, exist_ok=True)
        data = (PAGES / name).read_bytes()
        if replace:
            data = data.replace(replace[0].encode(), replace[1].encode())
        target.write_bytes(data)

    copy("feed.rss", "feed.rss", ("http://www.notiziario.test", base))
    copy("article-undated.html", "innovazione/tecnologia/libero-mail-guasto/index.html")
    copy("article-dated.html", "2023/01/25/italiaonline-spiega/index.html")
    copy("incidents.json", "api/v2/incidents.json")
    copy("history.atom", "history.atom", ("https://status.posta.test", base))


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Serve the pages on 127.0.0.1, crawl them once, return (database, base URL, crawl output)."""
    folder = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site_folder(folder, base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    config = folder.parent / "sources.yml"
    config.write_text(SOURCES.format(base=base), "utf-8")
    db_path = folder.parent / "timeline.db"
    env = {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")
    }
    env["no_proxy"] = "127.0.0.1,localhost"
    try:
        run = subprocess.run(
            [
                str(TIMELINE),
                "crawl",
                "--config",
                str(config),
                "--db",
                str(db_path),
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_ENABLED=False",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 0, run.stdout + run.stderr
    db = sqlite_utils.Database(db_path)
    yield db, base, run.stdout + run.stderr
    db.close()


def document(db, url: str) -> dict:
    rows = list(db.query("select * from documents where url = ?", [url]))
    assert rows, (
        f"no document stored for {url}; stored: "
        f"{[r['url'] for r in db.query('select url from documents')]}"
    )
    return rows[0]


def status_events(db, url: str) -> list[str]:
    return [
        r["earliest"]
        for r in db.query(
            "select e.earliest from events e join documents d on d.id = e.document_id "
            "where d.url = ? and e.origin = 'status' order by e.earliest",
            [url],
        )
    ]


def test_undated_page_is_dated_by_its_feed_item(crawled):
    db, base, _ = crawled
    assert (
        document(db, f"{base}/innovazione/tecnologia/libero-mail-guasto/")["published"]
        == "2023-01-24T10:35:00+01:00"
    )


def test_feed_page_day_is_the_local_day(crawled):
    db, base, _ = crawled
    assert document(db, f"{base}/innovazione/tecnologia/libero-mail-guasto/")["day"] == "2023-01-24"


def test_feed_page_is_found_via_the_feed(crawled):
    db, base, _ = crawled
    assert document(db, f"{base}/innovazione/tecnologia/libero-mail-guasto/")["found_via"] == "feed"


def test_dated_page_keeps_its_own_date(crawled):
    db, base, _ = crawled
    assert (
        document(db, f"{base}/2023/01/25/italiaonline-spiega/")["published"]
        == "2023-01-25T19:20:00+01:00"
    )


def test_status_incident_is_one_status_document(crawled):
    db, _, _ = crawled
    row = document(db, "https://stspg.io/posta-gen23")
    assert (row["kind"], row["found_via"], row["source"]) == ("status", "statuspage", "stato-posta")


def test_status_document_published_in_rome_time(crawled):
    db, _, _ = crawled
    assert document(db, "https://stspg.io/posta-gen23")["published"] == "2023-01-22T22:15:00+01:00"


def test_status_document_updated_is_resolved_at_in_rome_time(crawled):
    db, _, _ = crawled
    assert document(db, "https://stspg.io/posta-gen23")["updated"] == "2023-01-28T20:00:00+01:00"


def test_one_event_per_status_update_in_rome_time(crawled):
    db, _, _ = crawled
    assert status_events(db, "https://stspg.io/posta-gen23") == [
        "2023-01-22T22:15:00+01:00",
        "2023-01-24T00:30:00+01:00",
        "2023-01-25T15:30:00+01:00",
        "2023-01-26T16:00:00+01:00",
        "2023-01-28T20:00:00+01:00",
    ]


def test_z_time_update_falls_on_the_next_rome_day(crawled):
    db, _, _ = crawled
    [day] = [
        r["day"]
        for r in db.query(
            "select e.day from events e join documents d on d.id = e.document_id "
            "where d.url = ? and e.origin = 'status' and e.earliest = ?",
            ["https://stspg.io/posta-gen23", "2023-01-24T00:30:00+01:00"],
        )
    ]
    assert day == "2023-01-24"


def test_history_adds_the_incident_missing_from_the_api(crawled):
    db, base, _ = crawled
    assert (
        document(db, f"{base}/incidents/h2j4k6l8m0n1")["published"] == "2023-02-02T11:00:00+01:00"
    )


def test_history_duplicates_of_api_incidents_are_not_stored(crawled):
    db, base, _ = crawled
    assert (
        db.execute(
            "select count(*) from documents where url = ?", [f"{base}/incidents/k7x2m9q4r1t8"]
        ).fetchone()[0]
        == 0
    )


@pytest.mark.parametrize(
    "url",
    [
        "{base}/incidents/p3n8w6z2y5v1",
        "{base}/incidents/v9q1b2c3d4e5",
        "{base}/2022/11/02/posta-elettronica/",
    ],
)
def test_nothing_from_outside_the_window(crawled, url):
    db, base, _ = crawled
    assert (
        db.execute(
            "select count(*) from documents where url = ?", [url.format(base=base)]
        ).fetchone()[0]
        == 0
    )


def test_every_document_day_is_inside_the_window(crawled):
    db, _, _ = crawled
    days = [r["day"] for r in db.query("select day from documents")]
    assert days and all("2023-01-15" <= day <= "2023-03-31" for day in days)


def test_every_event_of_a_status_update_is_inside_the_window(crawled):
    db, _, _ = crawled
    days = [r["day"] for r in db.query("select day from events where origin = 'status'")]
    assert days and all("2023-01-15" <= day <= "2023-03-31" for day in days)


def test_off_topic_incident_is_dropped(crawled):
    db, _, _ = crawled
    assert (
        db.execute(
            "select count(*) from documents where url = 'https://stspg.io/sms-feb23'"
        ).fetchone()[0]
        == 0
    )
