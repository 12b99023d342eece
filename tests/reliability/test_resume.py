"""kill -9 in the middle of a crawl, the same command again with JOBDIR: the database ends as an uninterrupted run's."""

import signal
import sqlite3
import subprocess
import time

import pytest

from tests.reliability.conftest import (CRAWL_TIMEOUT, PROJECT, content_dump, crawl_command, crawl_env,
                                        run_crawl, write_sources)
from tests.reliability.faultsite import FaultSite

ARTICLES = 40
SLOW = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def documents_in(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            count = conn.execute("select count(*) from documents").fetchone()[0]
        conn.close()
        return count
    except sqlite3.Error:
        return 0


def crawl_until_killed(site, config, db, jobdir, at_least: int) -> int:
    """Start the crawl, kill -9 it once ``at_least`` documents are in; return how many were."""
    process = subprocess.Popen(crawl_command(config, db, *SLOW, "-s", f"JOBDIR={jobdir}"), cwd=PROJECT,
                               env=crawl_env(site), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + CRAWL_TIMEOUT
    try:
        while documents_in(db) < at_least and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        count = documents_in(db)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    return count


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("resume")
    with FaultSite(articles=ARTICLES, faults=False, delay=0.1) as site:
        config = write_sources(tmp_path, site)
        reference = tmp_path / "reference.db"
        reference_run = run_crawl(site, config, reference, *SLOW)
        db, jobdir = tmp_path / "killed.db", tmp_path / "job"
        at_kill = crawl_until_killed(site, config, db, jobdir, at_least=8)
        resumed_run = run_crawl(site, config, db, *SLOW, "-s", f"JOBDIR={jobdir}")
        yield {"reference": reference, "db": db, "at kill": at_kill, "jobdir": jobdir,
               "runs": [reference_run, resumed_run]}


def test_both_runs_succeed(resumed):
    assert [r.returncode for r in resumed["runs"]] == [0, 0]


def test_crawl_was_killed_midway(resumed):
    assert 0 < resumed["at kill"] < ARTICLES


def test_reference_run_stored_every_article(resumed):
    assert len(content_dump(resumed["reference"])["documents"]) == ARTICLES


def test_resumed_documents_equal_uninterrupted(resumed):
    assert content_dump(resumed["db"])["documents"] == content_dump(resumed["reference"])["documents"]


def test_resumed_events_equal_uninterrupted(resumed):
    assert content_dump(resumed["db"])["events"] == content_dump(resumed["reference"])["events"]


def test_resume_says_it_restarted(resumed):
    assert "did not stop cleanly" in resumed["runs"][1].stderr


def test_clean_end_leaves_no_crash_marker(resumed):
    assert not any(resumed["jobdir"].rglob("crawl.running"))


def test_database_is_in_wal_mode(resumed):
    with sqlite3.connect(resumed["db"]) as conn:
        mode = conn.execute("pragma journal_mode").fetchone()[0]
    conn.close()
    assert mode == "wal"


def test_database_passes_integrity_check(resumed):
    with sqlite3.connect(resumed["db"]) as conn:
        result = conn.execute("pragma integrity_check").fetchone()[0]
    conn.close()
    assert result == "ok"
