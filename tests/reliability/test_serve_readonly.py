"""`timeline serve` publishes read-only: no writes, runaway queries stopped, no download."""

import time

import pytest

RUNAWAY = (
    "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000000000) "
    "select count(*) from n"
)


@pytest.fixture(scope="module")
def published(faulty_crawl):
    serve = pytest.importorskip("incident_timeline.serve")
    return serve.datasette_for(faulty_crawl.db), serve.database_name(faulty_crawl.db)


@pytest.mark.parametrize(
    "sql",
    [
        "delete from documents",
        "insert into incidents (slug) values ('x')",
        "update documents set title = 'x'",
        "drop table events",
    ],
)
async def test_sql_api_cannot_write(published, faulty_crawl, sql):
    import sqlite3

    ds, name = published
    before = (
        sqlite3.connect(faulty_crawl.db)
        .execute("select count(*), max(title) from documents")
        .fetchone()
    )
    await ds.client.get(f"/{name}.json", params={"sql": sql})
    assert (
        sqlite3.connect(faulty_crawl.db)
        .execute("select count(*), max(title) from documents")
        .fetchone()
        == before
    )


async def test_write_is_refused_with_an_error(published):
    ds, name = published
    response = await ds.client.get(f"/{name}.json", params={"sql": "delete from documents"})
    assert response.status_code >= 400


async def test_database_is_immutable(published):
    ds, name = published
    assert ds.databases[name].is_mutable is False


async def test_runaway_query_is_stopped_quickly(published):
    ds, name = published
    started = time.monotonic()
    response = await ds.client.get(f"/{name}.json", params={"sql": RUNAWAY})
    assert response.status_code >= 400 and time.monotonic() - started < 10


async def test_database_cannot_be_downloaded(published):
    ds, name = published
    response = await ds.client.get(f"/{name}.db")
    assert response.status_code in (403, 404)


async def test_no_download_link(published):
    ds, name = published
    response = await ds.client.get(f"/{name}")
    assert f'href="/{name}.db"' not in response.text
