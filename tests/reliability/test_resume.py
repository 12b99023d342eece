"""kill -9 (or SIGTERM) in the middle of a crawl, the same command again with JOBDIR: the crawl
resumes
(pages already stored are not fetched again) and the database ends as an uninterrupted run's."""

import signal
import sqlite3
import subprocess
import time

import pytest

from tests.reliability.conftest import (
    CRAWL_TIMEOUT,
    PROJECT,
    content_dump,
    crawl_command,
    crawl_env,
    run_crawl,
    stored_paths,
    write_sources,
)
from tests.reliability.faultsite import FaultSite

ARTICLES = 40
SLOW = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "CONCURRENT_REQUESTS=2"]


def documents_in(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            count = conn.execute("select count(*) from documents").fetchone()[0]
        conn.close()
        return count
    except sqlite3.Error:
        return 0


def crawl_until_stopped(site, config, db, jobdir, at_least: int, how=signal.SIGKILL) -> dict:
    """Start the crawl, stop it with ``how`` once ``at_least`` documents are in.

    Returns the documents committed just before the signal (``count``, ``paths``) and the
    pages the crawl had fetched (``fetched``).
    """
    first = len(site.requests)
    process = subprocess.Popen(
        crawl_command(config, db, *SLOW, "-s", f"JOBDIR={jobdir}"),
        cwd=PROJECT,
        env=crawl_env(site),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + CRAWL_TIMEOUT
    try:
        while (
            documents_in(db) < at_least and process.poll() is None and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        committed = stored_paths(db, site)
        # A page whose document was just committed has its "done" line written a moment later.
        time.sleep(0.1)
        process.send_signal(how)
        _, stderr = process.communicate(timeout=CRAWL_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # The site logs a request when it answers (after its delay): requests the stopped crawl had
    # in flight are logged a moment later. Let them land before the next run is counted.
    settle_log(site)
    return {
        "count": len(committed),
        "paths": committed,
        "fetched": site.paths_requested()[first:],
        "stderr": stderr,
    }


def settle_log(site, quiet: float = 0.5) -> None:
    """Wait until the site has logged no request for ``quiet`` seconds (up to CRAWL_TIMEOUT)."""
    deadline = time.monotonic() + CRAWL_TIMEOUT
    seen = len(site.requests)
    last_change = time.monotonic()
    while time.monotonic() - last_change < quiet and time.monotonic() < deadline:
        time.sleep(0.05)
        if len(site.requests) != seen:
            seen, last_change = len(site.requests), time.monotonic()


def run_logged(site, config, db, *settings):
    """run_crawl, and the paths the site served during it."""
    first = len(site.requests)
    result = run_crawl(site, config, db, *settings)
    return result, site.paths_requested()[first:]


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("resume")
    with FaultSite(articles=ARTICLES, faults=False, delay=0.1) as site:
        config = write_sources(tmp_path, site)
        reference = tmp_path / "reference.db"
        reference_run, reference_fetched = run_logged(site, config, reference, *SLOW)
        db, jobdir = tmp_path / "killed.db", tmp_path / "job"
        killed = crawl_until_stopped(site, config, db, jobdir, at_least=8)
        resumed_run, resumed_fetched = run_logged(site, config, db, *SLOW, "-s", f"JOBDIR={jobdir}")
        yield {
            "reference": reference,
            "db": db,
            "at kill": killed["count"],
            "jobdir": jobdir,
            "site": site,
            "committed at kill": killed["paths"],
            "runs": [reference_run, resumed_run],
            "reference fetched": reference_fetched,
            "killed fetched": killed["fetched"],
            "resumed fetched": resumed_fetched,
        }


def test_both_runs_succeed(resumed):
    assert [r.returncode for r in resumed["runs"]] == [0, 0]


def test_crawl_was_killed_midway(resumed):
    assert 0 < resumed["at kill"] < ARTICLES


def test_reference_run_stored_every_article(resumed):
    assert len(content_dump(resumed["reference"])["documents"]) == ARTICLES


def test_resumed_documents_equal_uninterrupted(resumed):
    assert (
        content_dump(resumed["db"])["documents"] == content_dump(resumed["reference"])["documents"]
    )


def test_resumed_events_equal_uninterrupted(resumed):
    assert content_dump(resumed["db"])["events"] == content_dump(resumed["reference"])["events"]


def test_resume_says_it_resumed_from_the_journal(resumed):
    stderr = resumed["runs"][1].stderr
    assert "did not stop cleanly" in stderr and "resuming from its request journal" in stderr
    assert "resumed after a crash 1" in stderr


def test_resumed_run_fetched_fewer_pages_than_an_uninterrupted_run(resumed):
    reference, second = resumed["reference fetched"], resumed["resumed fetched"]
    print(
        f"\nuninterrupted run: {len(reference)} requests; killed run: "
        f"{len(resumed['killed fetched'])}; "
        f"resumed run: {len(second)} ({resumed['at kill']} documents committed at the kill)"
    )
    assert len(second) < len(reference)
    # Every page committed before the kill saves a fetch (and so does the home page).
    assert len(second) <= len(reference) - len(resumed["committed at kill"])


def test_pages_committed_before_the_kill_are_not_fetched_again(resumed):
    committed = resumed["committed at kill"]
    assert committed, "the kill came before any document was committed"
    assert not committed & set(resumed["resumed fetched"])
    assert "/" not in resumed["resumed fetched"], (
        "the home page was done: its links are in the journal"
    )


def test_resumed_run_fetches_each_page_once(resumed):
    pages = [p for p in resumed["resumed fetched"] if p != "/robots.txt"]
    stderr = resumed["runs"][1].stderr
    assert len(pages) == len(set(pages)), stderr[stderr.rfind("Crawl finished") :]


def test_no_page_is_missing_after_the_resume(resumed):
    site = resumed["site"]
    assert stored_paths(resumed["db"], site) == set(site.article_paths())
    # Every article was fetched by one of the two runs.
    assert set(site.article_paths()) <= set(resumed["killed fetched"]) | set(
        resumed["resumed fetched"]
    )


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


# -- a clean stop (SIGTERM, or Ctrl-C once): Scrapy's own queue is saved and used
# -------------------


@pytest.fixture(scope="module")
def stopped(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("stopped")
    with FaultSite(articles=ARTICLES, faults=False, delay=0.1) as site:
        config = write_sources(tmp_path, site)
        reference = tmp_path / "reference.db"
        run_crawl(site, config, reference, *SLOW)
        db, jobdir = tmp_path / "stopped.db", tmp_path / "job"
        first = crawl_until_stopped(site, config, db, jobdir, at_least=8, how=signal.SIGTERM)
        stopped_docs = documents_in(db)
        second, fetched = run_logged(site, config, db, *SLOW, "-s", f"JOBDIR={jobdir}")
        yield {
            "reference": reference,
            "db": db,
            "site": site,
            "first": first,
            "stopped docs": stopped_docs,
            "second": second,
            "second fetched": fetched,
        }


def test_sigterm_stops_midway_and_cleanly(stopped):
    assert 0 < stopped["stopped docs"] < ARTICLES
    assert "did not stop cleanly" not in stopped["second"].stderr
    assert stopped["second"].returncode == 0


def test_after_a_clean_stop_no_page_is_fetched_twice(stopped):
    first = [p for p in stopped["first"]["fetched"] if p != "/robots.txt"]
    second = [p for p in stopped["second fetched"] if p != "/robots.txt"]
    assert not set(first) & set(second)
    assert set(first) | set(second) == {"/", *stopped["site"].article_paths()}


def test_after_a_clean_stop_the_database_equals_an_uninterrupted_run(stopped):
    assert content_dump(stopped["db"]) == content_dump(stopped["reference"])
