"""The store: one row per URL, updates keep provenance, events follow their document."""

import sqlite_utils

from timeline.store import TimelineStore

DOC = {"url": "http://news.test/a/", "incident": None, "source": "news", "kind": "news",
       "title": "Posta in tilt", "text": "Il guasto della posta dura da domenica.",
       "published": "2023-01-24T10:35:00+01:00", "day": "2023-01-24"}
EVENT = {"origin": "text", "text": "domenica", "value": "2023-01-22", "type": "DATE",
         "earliest": "2023-01-22T00:00:00+01:00", "latest": "2023-01-22T23:59:59+01:00", "day": "2023-01-22"}


def saved_twice(tmp_path, second):
    store = TimelineStore(tmp_path / "t.db")
    store.save_document({**DOC, "fetched_at": "2024-01-01T00:00:00+00:00"}, [EVENT])
    store.save_document({**DOC, **second, "fetched_at": "2024-01-02T00:00:00+00:00"}, [EVENT, EVENT])
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
