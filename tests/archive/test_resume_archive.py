"""kill -9 in the middle of reading pages' histories from the archive, then the same command with
JOBDIR: the crawl resumes each history where it was (the journal keeps what was read in the
pending request) and the database ends as an uninterrupted run's, versions and changes included."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from tests.archive.conftest import FAST, PROJECT, crawl, proxy_env, timeline_command, write
from tests.archive.loopweb import LoopWeb
from tests.archive.pages import outage_article
from tests.archive.replicas import Snapshot, WaybackReplica

PAGES, CONTENTS = 12, 3
SOURCES = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {start: 2024-02-01, end: 2024-02-29}
sources:
  - name: cronaca
    kind: news
    archive: ["www.cronaca.test/2024/02/*"]
"""
TABLES = {
    "documents": "select url, source, title, text, published, archived_url, captured_at, found_via "
    "from documents order by url",
    "versions": "select d.url, v.captured_at, v.archived_url, v.content_hash, v.text "
    "from versions v "
    "join documents d on d.id = v.document_id order by d.url, v.captured_at",
    "events": "select d.url, e.origin, e.earliest, e.latest, e.sentence, e.value from events e "
    "join documents d on d.id = e.document_id order by d.url, e.origin, e.earliest, e.sentence",
}


def snapshots() -> list[Snapshot]:
    """Each page in CONTENTS versions, a day apart: each update adds a sentence."""
    found = []
    for n in range(PAGES):
        url = f"http://www.cronaca.test/2024/02/{1 + n:02d}/posta-lampo-{n}/"
        for k in range(CONTENTS):
            updates = " ".join(
                f"Aggiornamento {j}: il servizio torna per altri utenti." for j in range(k)
            )
            html = outage_article(n, 1 + n, extra=updates)
            found.append(Snapshot(url, f"202402{2 + n + k:02d}120000", html))
    return found


def dump(db) -> dict:
    with sqlite3.connect(db) as conn:
        found = {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}
    conn.close()
    return found


def documents_in(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            count = conn.execute("select count(*) from documents").fetchone()[0]
        conn.close()
        return count
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("resume-archive")
    web = LoopWeb()
    web.route("web.archive.test", WaybackReplica(snapshots(), max_rows=10, delay=0.15))
    config = write(tmp_path, "sources.yml", SOURCES)
    named = [
        "-s",
        "TIMELINE_WAYBACK_URL=http://web.archive.test",
        "-s",
        "TIMELINE_WAYBACK_CONCURRENCY=1",
    ]
    with web:
        reference = tmp_path / "reference.db"
        first = crawl(config, reference, *named[2:], proxy=web.proxy_url)
        db, jobdir = tmp_path / "killed.db", tmp_path / "job"
        command = [
            *timeline_command(),
            "crawl",
            "--config",
            str(config),
            "--db",
            str(db),
            *FAST,
            *named,
            "-s",
            f"JOBDIR={jobdir}",
        ]
        process = subprocess.Popen(
            command,
            cwd=PROJECT,
            env=proxy_env(web.proxy_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while documents_in(db) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        at_kill = documents_in(db)
        process.send_signal(signal.SIGKILL)
        process.wait()
        time.sleep(0.5)
        reads_before = len(web.hits("web.archive.test", "/web/"))
        second = crawl(config, db, *named[2:], "-s", f"JOBDIR={jobdir}", proxy=web.proxy_url)
        reads_after = len(web.hits("web.archive.test", "/web/")) - reads_before
    yield {
        "reference": reference,
        "db": db,
        "runs": [first, second],
        "at kill": at_kill,
        "resumed reads": reads_after,
    }


def test_both_runs_succeed(resumed):
    assert [r.returncode for r in resumed["runs"]] == [0, 0], resumed["runs"][1].stderr[-1500:]


def test_killed_midway(resumed):
    assert 0 < resumed["at kill"] < PAGES


def test_resumed_from_the_journal(resumed):
    assert "resuming from its request journal" in resumed["runs"][1].stderr


def test_the_resumed_run_reads_fewer_captures_than_all(resumed):
    assert resumed["resumed reads"] < PAGES * CONTENTS


@pytest.mark.parametrize("table", TABLES)
def test_the_database_equals_an_uninterrupted_run(resumed, table):
    assert dump(resumed["db"])[table] == dump(resumed["reference"])[table]


def test_the_reference_has_every_history(resumed):
    found = dump(resumed["reference"])
    assert (
        len(found["documents"]),
        len(found["versions"]),
        len(found["events"]) >= PAGES * (CONTENTS - 1),
    ) == (PAGES, PAGES * CONTENTS, True)
