"""Readers while a crawl writes: sqlite3 and Datasette read the database mid-crawl without "database
is locked"."""

import asyncio
import sqlite3
import subprocess
import time

import pytest

from tests.reliability.conftest import (
    CRAWL_TIMEOUT,
    PROJECT,
    crawl_command,
    crawl_env,
    write_sources,
)
from tests.reliability.faultsite import FaultSite


@pytest.fixture(scope="module")
def reads_during_crawl(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("concurrent")
    with FaultSite(articles=40, faults=False, delay=0.1) as site:
        config = write_sources(tmp_path, site)
        db = tmp_path / "live.db"
        process = subprocess.Popen(
            crawl_command(config, db, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"),
            cwd=PROJECT,
            env=crawl_env(site),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        outcome = {
            "sqlite counts": [],
            "sqlite errors": [],
            "datasette": [],
            "datasette errors": [],
        }
        deadline = time.monotonic() + CRAWL_TIMEOUT
        try:
            while process.poll() is None and time.monotonic() < deadline:
                if db.exists():
                    try:
                        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
                        outcome["sqlite counts"].append(
                            conn.execute("select count(*) from documents").fetchone()[0]
                        )
                        conn.close()
                    except sqlite3.OperationalError as exc:
                        if "no such table" in str(exc):  # the crawl has not created the schema yet
                            time.sleep(0.05)
                            continue
                        outcome["sqlite errors"].append(str(exc))
                    read_through_datasette(db, outcome)
                time.sleep(0.2)
        finally:
            if process.poll() is None:
                process.kill()
            outcome["stderr"] = process.communicate(timeout=30)[1]
        outcome["returncode"] = process.returncode
        yield outcome


def read_through_datasette(db, outcome):
    try:
        from incident_timeline.serve import database_name, datasette_for
    except ImportError:
        return
    try:
        ds = datasette_for(db)
        response = asyncio.run(
            ds.client.get(f"/{database_name(db)}/documents.json?_shape=array&_size=max")
        )
        outcome["datasette"].append(
            (response.status_code, len(response.json()) if response.status_code == 200 else 0)
        )
        if "locked" in response.text:
            outcome["datasette errors"].append(response.text[:300])
    except Exception as exc:  # noqa: BLE001 - any failure of the reader is what we are looking for
        outcome["datasette errors"].append(repr(exc))


def test_crawl_succeeds(reads_during_crawl):
    assert reads_during_crawl["returncode"] == 0, reads_during_crawl["stderr"][-2000:]


def test_sqlite_reader_never_locked_out(reads_during_crawl):
    assert reads_during_crawl["sqlite errors"] == []


def test_sqlite_reader_sees_rows_arrive(reads_during_crawl):
    counts = reads_during_crawl["sqlite counts"]
    assert len(set(counts)) > 2


def test_datasette_reader_never_fails(reads_during_crawl):
    pytest.importorskip("incident_timeline.serve")
    assert reads_during_crawl["datasette errors"] == []


def test_datasette_answers_during_the_crawl(reads_during_crawl):
    pytest.importorskip("incident_timeline.serve")
    assert [s for s, _ in reads_during_crawl["datasette"]] and all(
        s == 200 for s, _ in reads_during_crawl["datasette"]
    )


def test_datasette_sees_new_rows_during_the_crawl(reads_during_crawl):
    pytest.importorskip("incident_timeline.serve")
    assert len({n for _, n in reads_during_crawl["datasette"]}) > 1
