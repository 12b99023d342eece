"""The store: one row per URL, updates keep provenance, events follow their document."""

import sqlite_utils
from incident_timeline.config import Incident
from incident_timeline.store import TimelineStore

DOC = {
    "url": "http://news.test/a/",
    "incident": None,
    "source": "news",
    "kind": "news",
    "title": "Posta in tilt",
    "text": "Il guasto della posta dura da domenica.",
    "published": "2023-01-24T10:35:00+01:00",
    "day": "2023-01-24",
}
EVENT = {
    "origin": "text",
    "text": "domenica",
    "value": "2023-01-22",
    "type": "DATE",
    "earliest": "2023-01-22T00:00:00+01:00",
    "latest": "2023-01-22T23:59:59+01:00",
    "day": "2023-01-22",
}


def saved_twice(tmp_path, second):
    store = TimelineStore(tmp_path / "t.db")
    store.save_document({**DOC, "fetched_at": "2024-01-01T00:00:00+00:00"}, [EVENT])
    store.save_document(
        {**DOC, **second, "fetched_at": "2024-01-02T00:00:00+00:00"}, [EVENT, EVENT]
    )
    return sqlite_utils.Database(tmp_path / "t.db")


def test_recrawl_does_not_duplicate(tmp_path):
    assert saved_twice(tmp_path, {})["documents"].count == 1


def test_recrawl_replaces_events(tmp_path):
    assert saved_twice(tmp_path, {})["events"].count == 2


def test_unchanged_page_keeps_last_changed(tmp_path):
    row = next(saved_twice(tmp_path, {})["documents"].rows)
    assert row["last_changed"] == "2024-01-01T00:00:00+00:00"


def test_changed_page_moves_last_changed(tmp_path):
    row = next(saved_twice(tmp_path, {"title": "Posta ancora in tilt"})["documents"].rows)
    assert row["last_changed"] == "2024-01-02T00:00:00+00:00"


def test_first_fetched_is_kept(tmp_path):
    row = next(saved_twice(tmp_path, {"title": "Posta ancora in tilt"})["documents"].rows)
    assert row["first_fetched"] == "2024-01-01T00:00:00+00:00"


def test_last_fetched_moves(tmp_path):
    row = next(saved_twice(tmp_path, {})["documents"].rows)
    assert row["last_fetched"] == "2024-01-02T00:00:00+00:00"


def test_full_text_search_finds_the_document(tmp_path):
    db = saved_twice(tmp_path, {})
    assert [r["url"] for r in db["documents"].search("guasto")] == [DOC["url"]]


def test_wal_mode(tmp_path):
    TimelineStore(tmp_path / "t.db")
    assert sqlite_utils.Database(tmp_path / "t.db").journal_mode == "wal"


def test_fts_has_prefix_indexes(tmp_path):
    from incident_timeline.store import FTS_PREFIX

    TimelineStore(tmp_path / "t.db")
    sql = (
        sqlite_utils.Database(tmp_path / "t.db")
        .execute("select sql from sqlite_master where name = 'documents_fts'")
        .fetchone()[0]
    )
    assert f"prefix='{FTS_PREFIX}'" in sql


def test_old_fts_is_migrated(tmp_path):
    """A database whose FTS table came from sqlite-utils' enable_fts (no prefix index) gets
    the current one when a store opens it, with the rows already there indexed."""
    store = TimelineStore(tmp_path / "t.db")
    store.save_document(DOC, [EVENT])
    store.close()
    db = sqlite_utils.Database(tmp_path / "t.db")
    for name in ("documents_ai", "documents_ad", "documents_au"):
        db.execute(f"drop trigger {name}")
    db.execute("drop table documents_fts")
    db["documents"].enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.close()
    store = TimelineStore(tmp_path / "t.db")
    store.save_document({**DOC, "url": "http://news.test/b/", "title": "Servizio ripristinato"}, [])
    db = sqlite_utils.Database(tmp_path / "t.db")
    assert (
        "prefix="
        in db.execute("select sql from sqlite_master where name = 'documents_fts'").fetchone()[0]
    )
    assert (
        db.execute(
            "select count(*) from documents_fts where documents_fts match '\"guast\"*'"
        ).fetchone()[0]
        == 2
    )
    assert (
        db.execute(
            "select count(*) from documents_fts where documents_fts match 'ripristinato'"
        ).fetchone()[0]
        == 1
    )
    assert sorted(
        r[0]
        for r in db.execute(
            "select name from sqlite_master where type = 'trigger' and tbl_name = 'documents'"
        )
    ) == ["documents_ad", "documents_ai", "documents_au"]


def test_key_moments_rebuild_holds_the_write_lock_throughout(tmp_path, monkeypatch):
    """finish_database rebuilds in one BEGIN IMMEDIATE transaction, reads included: a second
    crawler process finishing at the same time waits for it (busy timeout) instead of
    interleaving its drops and creates with ours ("database is locked")."""
    import sqlite3

    from incident_timeline import key_moments
    from incident_timeline.crawl import finish_database

    store = TimelineStore(tmp_path / "t.db")
    store.save_incident(Incident(slug="posta-2023", title="Posta"))
    store.save_document(
        {**DOC, "incident": "posta-2023", "kind": "provider"},
        [
            {
                **EVENT,
                "incident": "posta-2023",
                "category": "outage_start",
                "origin": "document",
                "happened_at": "2023-01-22T22:00:00+01:00",
                "happened_earliest": "2023-01-22T22:00:00+01:00",
                "happened_latest": "2023-01-22T22:00:00+01:00",
                "happened_precision": "minute",
                "modality": "happened",
            }
        ],
    )
    store.close()
    seen = []
    build = key_moments.build_story

    def probing_build(*args, **kwargs):
        other = sqlite3.connect(tmp_path / "t.db", timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            seen.append("free")
            other.rollback()
        except sqlite3.OperationalError as error:
            seen.append(str(error))
        finally:
            other.close()
        return build(*args, **kwargs)

    monkeypatch.setattr(key_moments, "build_story", probing_build)
    finish_database(tmp_path / "t.db")
    assert (seen, sqlite_utils.Database(tmp_path / "t.db")["key_moments"].count) == (
        ["database is locked"],
        1,
    )
