"""Nothing lost, nothing doubled: a re-crawl changes nothing; a changed page updates its row and
keeps provenance."""

import sqlite3
import time

import pytest

from tests.reliability.conftest import run_crawl, table_dump, write_sources
from tests.reliability.faultsite import FaultSite, article

CHANGED = "/notizie/guasto-1.html"


def tables(db):
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    conn.close()
    # The FTS index mirrors documents (triggers); its shadow tables hold no facts of their own.
    return sorted(n for n in names if "_fts" not in n and not n.startswith("sqlite_"))


def provenance(db, path, site):
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "select content_hash, first_fetched, last_fetched, last_changed from documents "
            "where url = ?",
            [site.url(path)],
        ).fetchone()
    conn.close()
    return row


@pytest.fixture(scope="module")
def recrawls(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("recrawl")
    with FaultSite(articles=5, faults=False) as site:
        config = write_sources(tmp_path, site)
        db = tmp_path / "timeline.db"
        outcome = {"site": site, "db": db, "runs": [run_crawl(site, config, db)]}
        outcome["before"] = {t: table_dump(db, t) for t in tables(db)}
        outcome["provenance 1"] = provenance(db, CHANGED, site)
        time.sleep(1.1)  # fetch times have one-second resolution
        outcome["runs"].append(run_crawl(site, config, db))
        outcome["after"] = {t: table_dump(db, t) for t in tables(db)}
        outcome["provenance 2"] = provenance(db, CHANGED, site)
        site.edits[CHANGED] = article(CHANGED, 1, version=1)
        time.sleep(1.1)
        outcome["runs"].append(run_crawl(site, config, db))
        outcome["provenance 3"] = provenance(db, CHANGED, site)
        outcome["documents 3"] = len(table_dump(db, "documents"))
        yield outcome


def test_every_crawl_succeeds(recrawls):
    assert [r.returncode for r in recrawls["runs"]] == [0, 0, 0]


def test_first_crawl_stored_documents(recrawls):
    assert len(recrawls["before"]["documents"]) == 5


def test_recrawl_keeps_the_same_tables(recrawls):
    assert sorted(recrawls["after"]) == sorted(recrawls["before"])


@pytest.mark.parametrize("table", ["incidents", "sources", "documents", "events"])
def test_recrawl_changes_nothing(recrawls, table):
    assert recrawls["after"][table] == recrawls["before"][table]


def test_recrawl_changes_no_other_table(recrawls):
    others = [
        t for t in recrawls["before"] if t not in ("incidents", "sources", "documents", "events")
    ]
    assert {t: recrawls["after"][t] for t in others} == {t: recrawls["before"][t] for t in others}


def test_unchanged_page_moves_last_fetched(recrawls):
    assert recrawls["provenance 2"][2] > recrawls["provenance 1"][2]


def test_unchanged_page_keeps_last_changed(recrawls):
    assert recrawls["provenance 2"][3] == recrawls["provenance 1"][3]


def test_changed_page_gets_a_new_content_hash(recrawls):
    assert recrawls["provenance 3"][0] != recrawls["provenance 2"][0]


def test_changed_page_keeps_first_fetched(recrawls):
    assert recrawls["provenance 3"][1] == recrawls["provenance 1"][1]


def test_changed_page_moves_last_fetched(recrawls):
    assert recrawls["provenance 3"][2] > recrawls["provenance 2"][2]


def test_changed_page_moves_last_changed(recrawls):
    assert recrawls["provenance 3"][3] > recrawls["provenance 2"][3]


def test_changed_page_is_not_doubled(recrawls):
    assert recrawls["documents 3"] == 5
