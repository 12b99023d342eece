"""Fixtures for the reliability tests: the fault site, a sources file for it, and crawls as
subprocesses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.faultsite import FaultSite, sources_yaml

PROJECT = Path(__file__).resolve().parents[2]
TIMELINE = PROJECT / ".venv" / "bin" / "timeline"
# Our loopback site needs no politeness; every crawl ends within this many seconds.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_TIMEOUT=2"]
CRAWL_TIMEOUT = 90
FETCH_TIMES = {"first_fetched", "last_fetched", "last_changed"}


def timeline_command() -> list[str]:
    return [str(TIMELINE)] if TIMELINE.exists() else [sys.executable, "-m", "incident_timeline.cli"]


def crawl_env(site: FaultSite) -> dict:
    """The site is the crawl's HTTP proxy: any request for another host lands in its log."""
    env = dict(os.environ)
    env.update(
        http_proxy=site.url(""),
        https_proxy=site.url(""),
        HTTP_PROXY=site.url(""),
        HTTPS_PROXY=site.url(""),
        no_proxy="",
        NO_PROXY="",
    )
    return env


def crawl_command(config: Path, db: Path, *settings: str) -> list[str]:
    return [
        *timeline_command(),
        "crawl",
        "--config",
        str(config),
        "--db",
        str(db),
        *FAST,
        *settings,
    ]


def run_crawl(
    site: FaultSite, config: Path, db: Path, *settings: str, timeout: float = CRAWL_TIMEOUT
) -> subprocess.CompletedProcess:
    """``timeline crawl`` as a person runs it; fails the test if it does not end in time."""
    return subprocess.run(
        crawl_command(config, db, *settings),
        cwd=PROJECT,
        env=crawl_env(site),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_sources(tmp_path: Path, site: FaultSite, name: str = "sources.yml") -> Path:
    path = tmp_path / name
    path.write_text(sources_yaml(site.url("/")), "utf-8")
    return path


def table_dump(db: Path, table: str, exclude: set[str] = FETCH_TIMES) -> list[tuple]:
    """Every row of ``table`` (columns in ``exclude`` left out), sorted, read with plain sqlite3."""
    with sqlite3.connect(db) as conn:
        columns = [
            row[1] for row in conn.execute(f"pragma table_info([{table}])") if row[1] not in exclude
        ]
        rows = conn.execute(
            f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]"
        ).fetchall()
    conn.close()
    return sorted(rows, key=repr)


def content_dump(db: Path) -> dict[str, list[tuple]]:
    """Documents and events keyed by URL, not by id: two crawls that fetched in a different order
    compare equal."""
    with sqlite3.connect(db) as conn:
        doc_cols = [
            r[1]
            for r in conn.execute("pragma table_info(documents)")
            if r[1] not in FETCH_TIMES | {"id"}
        ]
        ev_cols = [
            r[1]
            for r in conn.execute("pragma table_info(events)")
            if r[1] not in {"id", "document_id"}
        ]
        documents = conn.execute(f"select {', '.join(doc_cols)} from documents").fetchall()
        events = conn.execute(
            f"select d.url, {', '.join('e.' + c for c in ev_cols)} from events e "
            "join documents d on d.id = e.document_id"
        ).fetchall()
    conn.close()
    return {"documents": sorted(documents, key=repr), "events": sorted(events, key=repr)}


def stored_paths(db: Path, site: FaultSite) -> set[str]:
    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("select url from documents")]
    conn.close()
    return {url.removeprefix(site.url("")) for url in urls}


@pytest.fixture
def site():
    with FaultSite(articles=4) as running:
        yield running


class FaultyCrawl:
    """One crawl of the faulty site, shared by the tests that only read its outcome."""

    def __init__(
        self, site: FaultSite, config: Path, db: Path, result: subprocess.CompletedProcess
    ):
        self.site, self.config, self.db, self.result = site, config, db, result

    @property
    def summary(self) -> str:
        return self.result.stderr[self.result.stderr.rfind("Crawl finished") :]


@pytest.fixture(scope="session")
def faulty_crawl(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("faulty")
    with FaultSite(articles=4) as site:
        config = write_sources(tmp_path, site)
        db = tmp_path / "faulty.db"
        result = run_crawl(site, config, db)
        yield FaultyCrawl(site, config, db, result)
