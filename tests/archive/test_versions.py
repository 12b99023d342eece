"""Page history without a crawl: the change events of a history, and the versions table."""

from __future__ import annotations

import pytest
from incident_timeline.moments import parse_moment
from incident_timeline.store import TimelineStore
from incident_timeline.versions import (
    changed_sentences,
    page_change_events,
    precision_of,
    sentences,
)

TZ = "Europe/Rome"
PLAIN = "Accedi alla posta. Inserisci la password."
BANNER = "Accedi alla posta. Stiamo riscontrando problemi di accesso. Inserisci la password."
VERSIONS = [
    {
        "content_hash": "A",
        "captured_at": "2024-02-01T00:30:00+01:00",
        "archived_url": "w/1",
        "title": "Accedi",
        "text": PLAIN,
    },
    {
        "content_hash": "B",
        "captured_at": "2024-02-05T10:30:00+01:00",
        "archived_url": "w/3",
        "title": "Accedi",
        "text": BANNER,
    },
    {
        "content_hash": "C",
        "captured_at": "2024-02-06T10:30:00+01:00",
        "archived_url": "w/5",
        "title": "Accedi",
        "text": BANNER + "  ",
    },  # another digest, the same text once spaces are ignored
]
HISTORY = [
    {
        "content_hash": "A",
        "first": "2024-02-01T00:30:00+01:00",
        "last": "2024-02-04T09:00:00+01:00",
    },
    {
        "content_hash": "B",
        "first": "2024-02-05T10:30:00+01:00",
        "last": "2024-02-05T16:00:00+01:00",
    },
    {
        "content_hash": "C",
        "first": "2024-02-06T10:30:00+01:00",
        "last": "2024-02-07T10:00:00+01:00",
    },
    {
        "content_hash": "A",
        "first": "2024-02-09T13:00:00+01:00",
        "last": "2024-02-09T13:00:00+01:00",
    },
]


@pytest.fixture
def events():
    return page_change_events(HISTORY, VERSIONS, TZ, "it", "provider")


def test_a_change_of_digest_without_a_change_of_text_is_no_event(events):
    assert len(events) == 2


def test_the_banner_appears_between_the_last_plain_capture_and_the_first_banner(events):
    assert (events[0]["earliest"], events[0]["latest"]) == (
        "2024-02-04T09:00:00+01:00",
        "2024-02-05T10:30:00+01:00",
    )


def test_the_banner_goes_after_its_last_capture_in_any_digest(events):
    assert (events[1]["earliest"], events[1]["latest"]) == (
        "2024-02-07T10:00:00+01:00",
        "2024-02-09T13:00:00+01:00",
    )


def test_added_sentences_are_the_statement(events):
    assert events[0]["sentence"] == "Stiamo riscontrando problemi di accesso."


def test_removed_sentences_are_said_removed(events):
    assert events[1]["sentence"] == "Rimosso dalla pagina: Stiamo riscontrando problemi di accesso."


def test_a_removal_is_not_categorised_as_what_it_removed(events):
    assert events[1]["category"] == "other"


@pytest.mark.parametrize(
    "field, value",
    [
        ("origin", "page_change"),
        ("type", "DATE"),
        ("value", "2024-02-04T09:00:00+01:00/2024-02-05T10:30:00+01:00"),
        ("day", "2024-02-05"),
        ("happened_at", "2024-02-05T10:30:00+01:00"),
        ("happened_earliest", "2024-02-04T09:00:00+01:00"),
        ("happened_latest", "2024-02-05T10:30:00+01:00"),
        ("reported_at", "2024-02-05T10:30:00+01:00"),
        ("happened_precision", "days"),
        ("happened_day", "2024-02-05"),
        ("modality", "happened"),
    ],
)
def test_event_fields(events, field, value):
    assert events[0][field] == value


def test_a_change_known_to_the_minute_is_a_time_interval():
    history = [
        {
            "content_hash": "A",
            "first": "2024-02-05T10:00:00+01:00",
            "last": "2024-02-05T10:00:00+01:00",
        },
        {
            "content_hash": "B",
            "first": "2024-02-05T10:45:00+01:00",
            "last": "2024-02-05T10:45:00+01:00",
        },
    ]
    [event] = page_change_events(history, VERSIONS[:2], TZ, "it", "provider")
    assert (event["type"], event["value"], event["happened_precision"]) == (
        "TIME",
        "2024-02-05T10:00:00+01:00/2024-02-05T10:45:00+01:00",
        "hour",
    )


def test_a_content_not_read_is_skipped_and_the_change_spans_it():
    history = [
        HISTORY[0],
        {
            "content_hash": "X",
            "first": "2024-02-04T12:00:00+01:00",
            "last": "2024-02-04T12:00:00+01:00",
        },
        HISTORY[1],
    ]
    [event] = page_change_events(history, VERSIONS[:2], TZ, "it", "provider")
    assert (event["earliest"], event["latest"]) == (
        "2024-02-04T09:00:00+01:00",
        "2024-02-05T10:30:00+01:00",
    )


@pytest.mark.parametrize(
    "earliest, latest, precision",
    [
        ("2024-02-05T10:00:00+01:00", "2024-02-05T10:00:30+01:00", "minute"),
        ("2024-02-05T10:00:00+01:00", "2024-02-05T10:50:00+01:00", "hour"),
        ("2024-02-05T08:00:00+01:00", "2024-02-05T20:00:00+01:00", "day"),
        ("2024-02-05T23:00:00+01:00", "2024-02-06T01:00:00+01:00", "days"),
    ],
)
def test_precision_by_the_gap(earliest, latest, precision):
    assert precision_of(parse_moment(earliest, TZ), parse_moment(latest, TZ)) == precision


def test_sentences():
    assert sentences("Primo. Secondo!\nTerzo «citato». Primo.") == [
        "Primo.",
        "Secondo!",
        "Terzo «citato».",
    ]


def test_changed_sentences():
    assert changed_sentences("Uno. Due.", "Uno. Tre.") == (["Tre."], ["Due."])


# -- the versions table -------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    store = TimelineStore(tmp_path / "t.db")
    yield store
    store.close()


def saved(store, versions) -> int:
    return store.save_document(
        {
            "url": "http://a.test/accesso",
            "incident": None,
            "title": "Accedi",
            "text": PLAIN,
            "found_via": "archive",
            "archived_url": "w/1",
            "captured_at": "2024-02-01T00:30:00+01:00",
            "versions": versions,
        }
    )


def test_versions_are_written_with_the_document(store):
    doc_id = saved(store, VERSIONS)
    assert [
        r["content_hash"]
        for r in store.db.query(
            "select content_hash from versions where document_id = ? order by captured_at",
            [doc_id],
        )
    ] == ["A", "B", "C"]


def test_the_document_keeps_where_it_was_read(store):
    saved(store, VERSIONS)
    row = next(store.db.query("select archived_url, captured_at from documents"))
    assert row == {"archived_url": "w/1", "captured_at": "2024-02-01T00:30:00+01:00"}


def test_saving_again_changes_no_version_row(store):
    saved(store, VERSIONS)
    before = list(store.db.query("select * from versions order by id"))
    saved(store, VERSIONS)
    assert list(store.db.query("select * from versions order by id")) == before


def test_a_new_history_replaces_the_versions(store):
    doc_id = saved(store, VERSIONS)
    saved(store, VERSIONS[:1])
    assert (
        store.db.execute(
            "select count(*) from versions where document_id = ?", [doc_id]
        ).fetchone()[0]
        == 1
    )


def test_a_document_without_history_leaves_its_versions(store):
    doc_id = saved(store, VERSIONS)
    saved(store, None)
    assert (
        store.db.execute(
            "select count(*) from versions where document_id = ?", [doc_id]
        ).fetchone()[0]
        == 3
    )


def test_an_older_database_gains_the_archive_columns(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    TimelineStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("drop table versions")
    conn.execute("alter table documents drop column archived_url")
    conn.commit()
    conn.close()
    store = TimelineStore(path)
    assert {"archived_url", "captured_at"} <= set(
        store.db["documents"].columns_dict
    ) and "versions" in store.db.table_names()
    store.close()
