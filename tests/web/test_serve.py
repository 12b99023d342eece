"""Serving: metadata, tables, facets, read-only, any database file name."""

import os
import sqlite3

import pytest
from incident_timeline.serve import SETTINGS, big_tables, datasette_for, load_metadata

JANUARY = "postarapida-2023-01"


async def test_metadata_title(ds):
    response = await ds.client.get("/-/metadata.json")
    assert response.json()["title"] == "Incident timeline"


async def test_metadata_data_licence_says_what_the_data_is(ds):
    response = await ds.client.get("/-/metadata.json")
    assert (
        "short quotations" in response.json()["license"]
        and "Apache" not in response.json()["license"]
    )


async def test_metadata_code_licence_apart(ds):
    metadata = (await ds.client.get("/-/metadata.json")).json()
    assert (metadata["about"], metadata["about_url"]) == (
        "Code: Apache-2.0",
        "https://www.apache.org/licenses/LICENSE-2.0",
    )


async def test_metadata_source_url_names_the_database(ds, db_name):
    response = await ds.client.get("/-/metadata.json")
    assert response.json()["source_url"] == f"/{db_name}/sources"


@pytest.mark.parametrize("table", ["incidents", "sources", "documents", "events", "key_moments"])
async def test_table_description(ds, db_name, table):
    response = await ds.client.get("/-/metadata.json")
    assert response.json()["databases"][db_name]["tables"][table]["description"]


async def test_column_description_shown(ds, db_name):
    response = await ds.client.get(f"/{db_name}/events")
    assert "Local calendar day of earliest" in response.text


async def test_table_json(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.json?_shape=array&incident={JANUARY}")
    assert len(response.json()) == 8


async def test_events_facets_from_metadata(ds, db_name):
    response = await ds.client.get(f"/{db_name}/events.json")
    assert {"category", "source", "kind", "day"} <= set(response.json()["facet_results"])


async def test_documents_facets_from_metadata(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.json")
    assert {"source", "kind", "day", "incident"} <= set(response.json()["facet_results"])


async def test_day_facet_is_the_local_day(ds, db_name):
    # The 22 January event starts at 00:00+01:00, i.e. 21 January in UTC.
    response = await ds.client.get(f"/{db_name}/events.json?incident={JANUARY}")
    days = {item["value"] for item in response.json()["facet_results"]["day"]["results"]}
    assert "2023-01-22" in days and "2023-01-21" not in days


async def test_documents_fts_search(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.json?_search=diffida&_shape=array")
    assert len(response.json()) == 2


async def test_settings_time_limit(ds):
    response = await ds.client.get("/-/settings.json")
    assert response.json()["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]


async def test_settings_no_download(ds):
    response = await ds.client.get("/-/settings.json")
    assert response.json()["allow_download"] is False


async def test_settings_no_suggested_facets(ds):
    response = await ds.client.get("/-/settings.json")
    assert response.json()["suggest_facets"] is False


async def test_database_is_immutable(ds, db_name):
    response = await ds.client.get("/-/databases.json")
    assert [db["is_mutable"] for db in response.json() if db["name"] == db_name] == [False]


async def test_write_via_sql_is_refused(ds, db_name):
    response = await ds.client.get(f"/{db_name}.json", params={"sql": "delete from documents"})
    assert response.status_code == 400


async def test_write_via_sql_changes_nothing(ds, db_name, db_path):
    await ds.client.get(f"/{db_name}.json", params={"sql": "update documents set title = 'x'"})
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from documents where title = 'x'").fetchone()[0] == 0


async def test_no_download_link(ds, db_name):
    response = await ds.client.get(f"/{db_name}")
    assert f"/{db_name}.db" not in response.text


async def test_download_refused(ds, db_name):
    response = await ds.client.get(f"/{db_name}.db")
    assert response.status_code in (403, 404)


async def test_pending_wal_opens_read_only_not_immutable(tmp_path, db_path):
    copy = tmp_path / "live.db"
    copy.write_bytes(db_path.read_bytes())
    writer = sqlite3.connect(copy)
    writer.execute("pragma journal_mode=wal")
    writer.execute("insert into incidents (slug, title) values ('in-corso', 'In corso')")
    writer.commit()  # the WAL now holds a commit no checkpoint has copied yet
    try:
        live = datasette_for(copy)
        response = await live.client.get("/live/incidents.json?_shape=array&slug=in-corso")
        assert len(response.json()) == 1
    finally:
        writer.close()


def test_metadata_block_follows_the_database_name():
    assert "timeline" not in load_metadata("archivio")["databases"]


def test_metadata_for_another_name_has_the_queries():
    assert "timeline" in load_metadata("archivio")["databases"]["archivio"]["queries"]


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        datasette_for(tmp_path / "nope.db")


def test_works_from_any_directory(tmp_path, db_path):
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        ds = datasette_for(db_path)
    finally:
        os.chdir(cwd)
    assert ds.template_dir.endswith(os.path.join("web", "templates"))


@pytest.fixture
def odd(odd_db_path):
    ds = datasette_for(odd_db_path)
    name = [n for n in ds.databases if n != "_internal"][0]
    return ds, name


def test_odd_name_is_what_datasette_calls_it(odd):
    assert odd[1] == "archivio-gennaio.v2"


async def test_any_file_name_canned_query(odd):
    ds, name = odd
    response = await ds.client.get(
        ds.urls.query(name, "timeline", format="json") + "?_shape=array&incident=" + JANUARY
    )
    assert len(response.json()) == 14


async def test_any_file_name_search(odd):
    ds, name = odd
    response = await ds.client.get(
        ds.urls.query(name, "search", format="json") + "?_shape=array&q=guasti"
    )
    assert response.json()


async def test_any_file_name_facets(odd):
    ds, name = odd
    response = await ds.client.get(ds.urls.table(name, "events", format="json"))
    assert "day" in response.json()["facet_results"]


async def test_any_file_name_incident_page(odd):
    ds, name = odd
    response = await ds.client.get(f"/incidents/{JANUARY}")
    assert ds.urls.query(name, "timeline") + ".atom" in response.text


async def test_any_file_name_home_page(odd):
    ds, name = odd
    response = await ds.client.get("/")
    assert f"/incidents/{JANUARY}" in response.text


def test_queries_of_a_database_before_the_event_model_read_the_mentioned_dates():
    sql = load_metadata("x", event_model=False)["databases"]["x"]["queries"]["timeline"]["sql"]
    assert "happened_" not in sql and "reported_at" not in sql and "e.day as day" in sql


def test_big_tables_lose_their_default_facets_only():
    metadata = load_metadata("x", big_tables=["documents"])
    tables = metadata["databases"]["x"]["tables"]
    assert "facets" not in tables["documents"]
    assert tables["events"]["facets"]


async def test_big_database_serving(db_path, monkeypatch):
    """Above BIG_TABLE_ROWS: no default facets, `_search=` not counted, unfiltered counts
    cached; `_facet=` still works."""
    from incident_timeline import serve

    monkeypatch.setattr(serve, "BIG_TABLE_ROWS", 0)
    ds = serve.datasette_for(db_path)
    name = serve.database_name(db_path)
    assert {"documents", "events"} <= big_tables(ds)
    page = (await ds.client.get(f"/{name}/documents.json")).json()
    assert page["facet_results"] == {}
    assert (
        page["filtered_table_rows_count"]
        == sqlite3.connect(db_path).execute("select count(*) from documents").fetchone()[0]
    )
    searched = (await ds.client.get(f"/{name}/documents.json?_search=diffida")).json()
    assert searched["rows"] and searched["filtered_table_rows_count"] is None
    counted = (await ds.client.get(f"/{name}/documents.json?_search=diffida&_nocount=")).json()
    assert counted["filtered_table_rows_count"] == len(counted["rows"])
    faceted = (await ds.client.get(f"/{name}/events.json?_facet=day")).json()
    assert "day" in faceted["facet_results"]


@pytest.fixture
def big(db_path, monkeypatch):
    """The test database served as if its tables were big (above BIG_TABLE_ROWS)."""
    from incident_timeline import serve

    monkeypatch.setattr(serve, "BIG_TABLE_ROWS", 0)
    return serve.datasette_for(db_path), serve.database_name(db_path)


async def test_big_table_search_box_hands_over_to_ranked_search(big):
    ds, name = big
    response = await ds.client.get(f"/{name}/documents?_search=diffida")
    assert (response.status_code, response.headers["location"]) == (
        302,
        f"/{name}/search?q=diffida&incident=",
    )


async def test_big_table_search_box_keeps_the_incident(big):
    ds, name = big
    response = await ds.client.get(
        f"/{name}/documents?_search=diffida&incident={JANUARY}&_sort_desc=published"
    )
    assert response.headers["location"] == f"/{name}/search?q=diffida&incident={JANUARY}"


async def test_handed_over_search_finds_the_documents(big):
    ds, name = big
    location = (await ds.client.get(f"/{name}/documents?_search=diffida")).headers["location"]
    response = await ds.client.get(location.replace("/search?", "/search.json?_shape=array&"))
    assert response.json() and all(
        "diffid" in (r["title"] + r["snippet"]).lower() for r in response.json()
    )


async def test_big_table_search_with_other_filters_stays_a_table_search(big):
    ds, name = big
    response = await ds.client.get(f"/{name}/documents?_search=diffida&source=consumatori-uniti")
    assert response.status_code == 200


async def test_big_table_search_json_stays_exact(big):
    ds, name = big
    response = await ds.client.get(f"/{name}/documents.json?_search=diffida")
    assert (response.status_code, response.json()["filtered_table_rows_count"]) == (200, None)


async def test_small_table_search_box_stays_a_table_page(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents?_search=diffida")
    assert (response.status_code, "diffida" in response.text.lower()) == (200, True)


# --- the table search API of a big table: same rows, a plan by how many match ----------------

#: How each plan is forced: (FEW_MATCHES, MOST_ROWS) of web/plugins/table_search.py.
PLANS = {"lookup": (10**9, 1.0), "walk": (0, 10**9), "probe": (0, 0.0)}
#: What the chosen plan's clause looks like in the SQL Datasette reports.
PLAN_SQL = {
    "lookup": "id in (select rowid",
    "walk": "+id in (select rowid",
    "probe": "exists (select 1 from",
}


def big_tables_plugin():
    from datasette.plugins import pm

    return pm.get_plugin("table_search.py")


@pytest.fixture(params=sorted(PLANS))
def plan(request, big, monkeypatch):
    """The big database with one search plan forced; returns (ds, name, plan)."""
    few, most = PLANS[request.param]
    plugin = big_tables_plugin()
    monkeypatch.setattr(plugin, "FEW_MATCHES", few)
    monkeypatch.setattr(plugin, "MOST_ROWS", most)
    return (*big, request.param)


async def ids(ds, url):
    return [row["id"] for row in (await ds.client.get(url)).json()]


@pytest.mark.parametrize("words", ["guasto", "diffida", "posta rapida", "nessuna-parola-così"])
@pytest.mark.parametrize(
    "sort", ["", "&_sort=id", "&_sort_desc=id", "&_sort_desc=published", "&_sort=title"]
)
async def test_big_table_search_finds_what_the_lookup_finds(ds, db_name, plan, words, sort):
    # `ds` comes first, so it is made before `big` lowers BIG_TABLE_ROWS: the lookup plan
    assert not big_tables(ds)
    big_ds, name, _ = plan
    expected = await ids(ds, f"/{db_name}/documents.json?_shape=array&_search={words}{sort}")
    assert (
        await ids(big_ds, f"/{name}/documents.json?_shape=array&_search={words}{sort}") == expected
    )


async def test_big_table_search_uses_the_forced_plan(plan):
    ds, name, forced = plan
    sql = (await ds.client.get(f"/{name}/documents.json?_search=guasto")).json()["query"]["sql"]
    assert PLAN_SQL[forced] in sql.replace("[", "").replace("]", "")


async def test_big_table_search_pages_follow_on(ds, db_name, plan):
    assert not big_tables(ds)
    big_ds, name, _ = plan
    everything = await ids(ds, f"/{db_name}/documents.json?_shape=array&_search=posta")
    page = (await big_ds.client.get(f"/{name}/documents.json?_search=posta&_size=2")).json()
    seen = [row[0] for row in page["rows"]]
    while page["next_url"]:
        page = (await big_ds.client.get(page["next_url"].replace("http://localhost", ""))).json()
        seen += [row[0] for row in page["rows"]]
    assert seen == everything


async def test_big_table_search_unindexed_sort_looks_matches_up(plan):
    ds, name, _ = plan
    sql = (await ds.client.get(f"/{name}/documents.json?_search=guasto&_sort=title")).json()[
        "query"
    ]["sql"]
    assert (
        PLAN_SQL["lookup"] in sql.replace("[", "").replace("]", "")
        and "+" not in sql
        and "exists" not in sql
    )


async def test_big_table_search_with_a_filter_looks_matches_up(plan):
    ds, name, _ = plan
    sql = (await ds.client.get(f"/{name}/documents.json?_search=guasto&kind=news")).json()["query"][
        "sql"
    ]
    assert "exists" not in sql and "+id" not in sql.replace("[", "").replace("]", "")


async def test_a_new_search_replaces_the_one_the_page_carried(ds, db_name, big):
    assert not big_tables(ds)
    big_ds, name = big
    expected = await ids(ds, f"/{db_name}/documents.json?_shape=array&_search=diffida")
    assert (
        await ids(
            big_ds, f"/{name}/documents.json?_shape=array&_stem_search=guasto&_search=diffida"
        )
        == expected
    )


async def test_big_table_search_box_shows_the_words(big):
    ds, name = big
    response = await ds.client.get(f"/{name}/documents?_search=diffida&kind=consumer")
    assert 'value="diffida"' in response.text


# --- files being written, permissions ------------------------------------------------------


async def test_database_being_written_is_reread_each_request(tmp_path, db_path):
    copy = tmp_path / "live.db"
    copy.write_bytes(db_path.read_bytes())
    ds = datasette_for(copy, immutable=False)
    await ds.client.get("/live.json")
    with sqlite3.connect(copy) as conn:
        conn.execute("create table appeared_during_crawl (x)")
    response = await ds.client.get("/live.json")
    assert "appeared_during_crawl" in {t["name"] for t in response.json()["tables"]}


@pytest.fixture
def events_denied(db_path, monkeypatch):
    """A Datasette whose metadata denies the events table to everyone."""
    import incident_timeline.serve as serve

    original = serve.load_metadata

    def deny_events(name, **kwargs):
        metadata = original(name, **kwargs)
        metadata["databases"][name]["tables"]["events"]["allow"] = False
        return metadata

    monkeypatch.setattr(serve, "load_metadata", deny_events)
    ds = datasette_for(db_path)
    return ds, next(n for n in ds.databases if n != "_internal")


async def test_table_permission_still_enforced_on_every_request(events_denied):
    ds, name = events_denied
    statuses = [(await ds.client.get(f"/{name}/events.json")).status_code for _ in range(3)]
    assert statuses == [403, 403, 403]


async def test_other_tables_stay_visible_when_one_is_denied(events_denied):
    ds, name = events_denied
    assert (await ds.client.get(f"/{name}/documents.json")).status_code == 200


def test_serve_runs_several_processes(db_path):
    """`timeline serve --workers 2`: two server processes answer on one port, and stop together."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "incident_timeline.cli",
            "serve",
            "--db",
            str(db_path),
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/incidents/{JANUARY}", timeout=5
                ) as r:
                    status = r.status
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.2)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert (status, "2 processes" in out) == (200, True)
