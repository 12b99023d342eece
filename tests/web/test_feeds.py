"""Atom (datasette-atom) and JSON Feed 1.1 (web/plugins/jsonfeed.py) of the canned queries."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest

JANUARY = "postarapida-2023-01"

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
async def atom(ds, db_name):
    return await ds.client.get(f"/{db_name}/timeline.atom", params={"incident": JANUARY})


@pytest.fixture
async def jsonfeed(ds, db_name):
    return await ds.client.get(f"/{db_name}/timeline.jsonfeed", params={"incident": JANUARY})


async def test_atom_status(atom):
    assert atom.status_code == 200


async def test_atom_parses_as_atom(atom):
    assert feedparser.parse(atom.text).version == "atom10"


async def test_atom_has_entries(atom):
    assert len(ET.fromstring(atom.content).findall(f"{ATOM}entry")) == 11


async def test_atom_title_is_the_query_title(atom):
    assert ET.fromstring(atom.content).find(f"{ATOM}title").text == "Timeline"


async def test_atom_links_are_http_only(atom):
    links = [link.get("href") for link in ET.fromstring(atom.content).iter(f"{ATOM}link")]
    assert not any(href.lower().startswith("javascript:") for href in links)


async def test_statements_atom(ds, db_name):
    response = await ds.client.get(f"/{db_name}/statements.atom")
    assert feedparser.parse(response.text).version == "atom10"


async def test_jsonfeed_status(jsonfeed):
    assert jsonfeed.status_code == 200


async def test_jsonfeed_content_type(jsonfeed):
    assert jsonfeed.headers["content-type"].startswith("application/feed+json")


async def test_jsonfeed_version(jsonfeed):
    assert jsonfeed.json()["version"] == "https://jsonfeed.org/version/1.1"


async def test_jsonfeed_items(jsonfeed):
    assert len(jsonfeed.json()["items"]) == 11


@pytest.mark.parametrize("key", ["title", "home_page_url", "feed_url", "items"])
async def test_jsonfeed_top_level(jsonfeed, key):
    assert jsonfeed.json()[key]


@pytest.mark.parametrize("key", ["id", "title", "content_text", "content_html", "date_published"])
async def test_jsonfeed_item_fields(jsonfeed, key):
    assert all(key in item for item in jsonfeed.json()["items"])


async def test_jsonfeed_item_urls_are_http(jsonfeed):
    urls = [item["url"] for item in jsonfeed.json()["items"] if "url" in item]
    assert urls and all(url.startswith(("http://", "https://")) for url in urls)


async def test_jsonfeed_feed_url(jsonfeed, db_name):
    assert f"/{db_name}/timeline.jsonfeed" in jsonfeed.json()["feed_url"]


async def test_jsonfeed_home_page_url(jsonfeed, db_name):
    assert jsonfeed.json()["home_page_url"].startswith(f"http://localhost/{db_name}/timeline?")


async def test_jsonfeed_of_a_table_with_title_and_url(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.jsonfeed")
    assert len(response.json()["items"]) == 9


async def test_jsonfeed_offered_on_the_query_page(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline")
    assert "timeline.jsonfeed" in response.text


async def test_jsonfeed_empty_result_is_a_valid_feed(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.jsonfeed", params={"incident": "nessuno"})
    assert json.loads(response.text)["items"] == []


async def test_atom_empty_result_is_a_valid_feed(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.atom", params={"incident": "nessuno"})
    assert feedparser.parse(response.text).version == "atom10"


async def test_atom_empty_result_has_no_entries(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.atom", params={"incident": "nessuno"})
    assert ET.fromstring(response.content).findall(f"{ATOM}entry") == []


async def test_atom_empty_result_title(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.atom", params={"incident": "nessuno"})
    assert ET.fromstring(response.content).find(f"{ATOM}title").text == "Timeline"
