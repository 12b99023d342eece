"""A database built by the previous release opens, gains the new columns in place, and takes a
crawl without a single store error (tests/fixtures/release-0.1.0.db, built by 0.1.0)."""

from __future__ import annotations

import shutil

import pytest
import sqlite_utils
from incident_timeline.items import Document, Event, columns
from incident_timeline.store import TimelineStore

from tests.integration.conftest import PROJECT, run_timeline

FIXTURE = PROJECT / "tests" / "fixtures" / "release-0.1.0.db"


@pytest.fixture(scope="module")
def old_copy(tmp_path_factory):
    path = tmp_path_factory.mktemp("migration") / "old.db"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture(scope="module")
def before(old_copy):
    db = sqlite_utils.Database(old_copy)
    snapshot = {
        "events": set(db["events"].columns_dict),
        "documents": set(db["documents"].columns_dict),
        "count": db["documents"].count,
    }
    db.close()
    return snapshot


@pytest.fixture(scope="module")
def migrated(old_copy, before):
    TimelineStore(old_copy).close()
    return sqlite_utils.Database(old_copy)


@pytest.fixture(scope="module")
def recrawled(migrated, old_copy):
    result = run_timeline(
        "crawl",
        "--config",
        "corpus/sources.yml",
        "--db",
        str(old_copy),
        "--replica",
        "corpus/sites",
    )
    return result


def test_the_fixture_lacks_the_new_event_columns(before):
    assert "happened_at" not in before["events"]


@pytest.mark.parametrize("table, cls", [("documents", Document), ("events", Event)])
def test_every_declared_column_is_added(migrated, table, cls):
    assert set(columns(cls)) - set(migrated[table].columns_dict) == set()


def test_rows_are_kept(migrated, before):
    assert migrated["documents"].count == before["count"]


def test_crawl_into_the_old_database_succeeds(recrawled):
    assert recrawled.returncode == 0, recrawled.stderr


def test_crawl_into_the_old_database_has_no_store_error(recrawled):
    assert "store error" not in recrawled.stderr


def test_old_rows_gain_the_three_times(recrawled, migrated):
    missing = migrated.execute(
        "select count(*) from events where incident = 'libero-2023' and reported_at is null"
    ).fetchone()[0]
    assert missing == 0


def test_old_database_gets_its_key_moments(recrawled, migrated):
    assert (
        migrated.execute(
            "select count(*) from key_moments where incident = 'libero-2023'"
        ).fetchone()[0]
        > 0
    )


@pytest.mark.parametrize("table, column", [("sources", "archive"), ("incidents", "discover_gdelt")])
def test_the_crawl_records_where_it_looked(recrawled, migrated, table, column):
    assert column in migrated[table].columns_dict
