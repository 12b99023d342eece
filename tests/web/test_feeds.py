"""Atom and JSON Feed 1.1 of the canned queries (web/plugins/feeds.py), checked with
feedparser and against the JSON Feed 1.1 fields; feed plumbing stays out of HTML and CSV."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.web.conftest import JANUARY, NORTHMAIL

ATOM = "{http://www.w3.org/2005/Atom}"
#: JSON Feed 1.1 (https://jsonfeed.org/version/1.1): required and typed fields.
FEED_FIELDS = {
    "version": str,
    "title": str,
    "home_page_url": str,
    "feed_url": str,
    "language": str,
    "authors": list,
    "items": list,
}
ITEM_FIELDS = {
    "id": str,
    "title": str,
    "content_text": str,
    "content_html": str,
    "date_published": str,
}

OLD_RELEASE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0.db"


@pytest.fixture
async def atom(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.atom", params={"incident": JANUARY})
    assert response.status_code == 200
    return response


@pytest.fixture
async def parsed(atom):
    return feedparser.parse(atom.text)


@pytest.fixture
async def jsonfeed(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.jsonfeed", params={"incident": JANUARY})
    assert response.status_code == 200
    return response


async def test_atom_content_type(atom):
    assert atom.headers["content-type"].startswith("application/atom+xml")


async def test_atom_is_atom_1(parsed):
    assert (parsed.version, parsed.bozo) == ("atom10", False)


async def test_atom_entries_are_the_timelines(parsed, ds, db_name):
    rows = (
        await ds.client.get(
            f"/{db_name}/timeline.json", params={"incident": JANUARY, "_shape": "array"}
        )
    ).json()
    assert len(parsed.entries) == len(rows) == 14


async def test_atom_title_names_the_incident(parsed):
    assert parsed.feed.title == "Posta Rapida: la posta non funziona (gennaio 2023) — cronologia"


async def test_atom_feed_has_an_author(atom):
    author = ET.fromstring(atom.content).find(f"{ATOM}author/{ATOM}name")
    assert author is not None and author.text


async def test_atom_entries_have_their_source_as_author(parsed):
    assert all(entry.author for entry in parsed.entries)


async def test_atom_entry_titled_in_words(parsed):
    assert "28 gen 20:30 · ripristino completo · quotidiano-nord" in [
        e.title for e in parsed.entries
    ]


async def test_atom_entry_of_an_approximate_time(parsed):
    assert "26 gen verso le 16:00 · ripristino parziale · cronaca-digitale" in [
        e.title for e in parsed.entries
    ]


async def test_atom_entry_updated_is_rfc3339(atom):
    for updated in ET.fromstring(atom.content).iterfind(f"{ATOM}entry/{ATOM}updated"):
        assert updated.text[10] == "T" and updated.text[-6] in "+-"


async def test_atom_links_are_http_only(atom):
    links = [link.get("href") for link in ET.fromstring(atom.content).iter(f"{ATOM}link")]
    assert not any(href.lower().startswith("javascript:") for href in links)


async def test_atom_alternate_is_the_incident_page(parsed):
    assert parsed.feed.link.endswith(f"/incidents/{JANUARY}")


async def test_atom_in_english(ds, db_name):
    parsed = feedparser.parse(
        (await ds.client.get(f"/{db_name}/timeline.atom?incident={JANUARY}&lang=en")).text
    )
    assert parsed.feed.title.endswith(
        "— timeline"
    ) and "28 Jan 20:30 · full restoration · quotidiano-nord" in [e.title for e in parsed.entries]


async def test_atom_filters_like_the_query(ds, db_name):
    parsed = feedparser.parse(
        (
            await ds.client.get(
                f"/{db_name}/timeline.atom?incident={JANUARY}&category=outage_start"
            )
        ).text
    )
    assert {e.title.split(" · ")[1] for e in parsed.entries} == {"inizio del disservizio"}


async def test_atom_dates_in_italian_form(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.atom?incident={JANUARY}&from=25/01/2023&to=25/01/2023"
    )
    assert [e.title[:6] for e in feedparser.parse(response.text).entries] == ["25 gen", "25 gen"]


async def test_key_moments_atom(ds, db_name):
    parsed = feedparser.parse(
        (await ds.client.get(f"/{db_name}/key_moments.atom?incident={JANUARY}")).text
    )
    assert (parsed.bozo, parsed.entries[-1].title) == (
        False,
        "28 gen 20:30 · ripristino completo · 1 fonte",
    )


async def test_statements_atom(ds, db_name):
    parsed = feedparser.parse((await ds.client.get(f"/{db_name}/statements.atom")).text)
    assert parsed.version == "atom10" and parsed.entries


async def test_atom_empty_result_is_a_valid_feed(ds, db_name):
    parsed = feedparser.parse(
        (await ds.client.get(f"/{db_name}/timeline.atom?incident=nessuno")).text
    )
    assert (parsed.version, parsed.bozo, parsed.entries) == ("atom10", False, [])


async def test_other_incidents_feed(other_ds):
    name = [n for n in other_ds.databases if n != "_internal"][0]
    parsed = feedparser.parse(
        (await other_ds.client.get(f"/{name}/key_moments.atom?incident={NORTHMAIL}")).text
    )
    # English sources: English words; UTC stored, New York shown
    assert (
        parsed.feed.title == "Northmail outage, March 2024 — key moments"
        and parsed.entries[0].title == "11 Mar ~19:00 · outage start · 1 source"
    )


async def test_jsonfeed_content_type(jsonfeed):
    assert jsonfeed.headers["content-type"].startswith("application/feed+json")


@pytest.mark.parametrize("field, type_", FEED_FIELDS.items())
async def test_jsonfeed_top_level_fields(jsonfeed, field, type_):
    assert isinstance(jsonfeed.json()[field], type_) and jsonfeed.json()[field]


async def test_jsonfeed_version(jsonfeed):
    assert jsonfeed.json()["version"] == "https://jsonfeed.org/version/1.1"


async def test_jsonfeed_title_names_the_incident(jsonfeed):
    assert (
        jsonfeed.json()["title"]
        == "Posta Rapida: la posta non funziona (gennaio 2023) — cronologia"
    )


async def test_jsonfeed_authors_have_names(jsonfeed):
    assert all(author["name"] for author in jsonfeed.json()["authors"])


@pytest.mark.parametrize("field, type_", ITEM_FIELDS.items())
async def test_jsonfeed_item_fields(jsonfeed, field, type_):
    assert all(isinstance(item[field], type_) for item in jsonfeed.json()["items"])


async def test_jsonfeed_items_have_authors(jsonfeed):
    assert all(item["authors"][0]["name"] for item in jsonfeed.json()["items"])


async def test_jsonfeed_item_ids_unique(jsonfeed):
    ids = [item["id"] for item in jsonfeed.json()["items"]]
    assert len(ids) == len(set(ids))


async def test_jsonfeed_item_urls_are_http(jsonfeed):
    urls = [item["url"] for item in jsonfeed.json()["items"] if "url" in item]
    assert urls and all(url.startswith(("http://", "https://")) for url in urls)


async def test_jsonfeed_dates_are_rfc3339(jsonfeed):
    import datetime as dt

    dates = [dt.datetime.fromisoformat(item["date_published"]) for item in jsonfeed.json()["items"]]
    assert all(date.tzinfo is not None for date in dates)


async def test_jsonfeed_same_entries_as_atom(jsonfeed, parsed):
    assert [item["title"] for item in jsonfeed.json()["items"]] == [
        entry.title for entry in parsed.entries
    ]


async def test_jsonfeed_empty_result_is_a_valid_feed(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.jsonfeed", params={"incident": "nessuno"})
    assert json.loads(response.text)["items"] == []


async def test_jsonfeed_of_a_table_with_title_and_url(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.jsonfeed")
    assert len(response.json()["items"]) == 10


@pytest.mark.parametrize("extension", ["", ".csv"])
async def test_no_feed_plumbing_in_html_or_csv(ds, db_name, extension):
    response = await ds.client.get(f"/{db_name}/timeline{extension}?incident={JANUARY}")
    assert response.status_code == 200 and "atom_" not in response.text


async def test_feed_of_a_forbidden_query_is_forbidden(db_path):
    from incident_timeline.serve import database_name, datasette_for

    name = database_name(db_path)

    def restricted(metadata):
        metadata["databases"][name]["queries"]["timeline"]["allow"] = {"id": "nobody"}
        return metadata

    ds = datasette_for(db_path, metadata=restricted)
    assert (await ds.client.get(f"/{name}/timeline.atom")).status_code == 403


async def test_feed_on_a_database_without_the_event_model(db_path, tmp_path):
    """Served as it is: the timeline on the dates the sentences mention; key_moments, which
    such a database does not have, answers 400 with the reason (never a 500)."""
    import shutil

    from incident_timeline.serve import database_name, datasette_for

    copy = tmp_path / "old.db"
    shutil.copy(OLD_RELEASE, copy)  # built by release 0.1.0, never opened by a crawl since
    ds = datasette_for(copy)
    name = database_name(copy)
    timeline = feedparser.parse(
        (await ds.client.get(f"/{name}/timeline.atom?incident=libero-2023")).text
    )
    moments = await ds.client.get(f"/{name}/key_moments.atom?incident=libero-2023")
    assert (timeline.bozo, len(timeline.entries) > 10) == (False, True)
    assert moments.status_code == 400 and "key_moments" in moments.text
