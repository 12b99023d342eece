"""A site never seen before, described by a sources file and served on loopback, is crawled right.

The site (tests/integration/newsite/) is about an invented outage of "Aurora Mail": dates
come from JSON-LD, OpenGraph meta in UTC, Italian bylines and a dateline; one page is
windows-1252 declared only in a meta tag; listings, an off-topic page, an out-of-window
page and a robots.txt-disallowed page must stay out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.integration.conftest import run_timeline

SITE = Path(__file__).parent / "newsite"

SOURCES = """\
incident:
  slug: aurora-2023
  title: Aurora Mail outage, January 2023
  timezone: Europe/Rome
  keywords: [aurora mail]
  window: {{start: 2023-01-15, end: 2023-03-31}}
sources:
  - name: cronista
    kind: news
    start_urls: ["{base}/"]
    follow: ["/articoli/", "/sezione/tecnologia", "/privato/"]
"""

EXPECTED = {
    "/articoli/posta-bloccata.html": {
        "published": "2023-01-23T08:10:00+01:00",
        "updated": "2023-01-23T18:05:00+01:00",
        "author": "Giulia Marchetti",
        "title": "Aurora Mail bloccata da ieri sera: utenti senza posta",
        "contains": "Le segnalazioni sono cominciate verso le 22",
    },
    "/articoli/ripristino-parziale.html": {
        "published": "2023-01-26T14:45:00+01:00",
        "updated": "2023-01-26T17:20:00+01:00",
        "author": "Paolo Ferri",
        "title": "Aurora Mail, torna la posta per una parte degli utenti",
        "contains": "procede a scaglioni",
    },
    "/articoli/comunicato-azienda.html": {
        "published": "2023-01-27T09:15:00+01:00",
        "updated": "2023-01-27T12:40:00+01:00",
        "title": "Aurora Mail: il comunicato dell'azienda sulla riparazione",
        "contains": "la riparazione dell'archivio è completata",
    },
    "/articoli/associazioni.html": {
        "published": "2023-01-25T19:30:00+01:00",
        "title": "Le associazioni dei consumatori contro Aurora Mail",
        "contains": "ogni responsabilità dell'azienda",
    },
}
LEFT_OUT = {
    "/": "listing",
    "/sezione/tecnologia.html": "listing",
    "/sezione/tecnologia-2.html": "listing",
    "/articoli/calcio.html": "off-topic",
    "/articoli/telefoni.html": "off-topic",
    "/articoli/estate.html": "out of window",
    "/privato/bozza.html": "robots.txt",
}
BOILERPLATE = [
    "Accetta tutti i cookie",
    "Leggi anche",
    "Tutti i diritti riservati",
    "Derby rinviato",
    "Venerdì 29 novembre 2026",
    "anche da me non funziona",
]


@pytest.fixture(scope="module")
def crawl(loopback_site, tmp_path_factory):
    site = loopback_site(SITE)
    folder = tmp_path_factory.mktemp("newsite")
    (folder / "sources.yml").write_text(SOURCES.format(base=site.base), "utf-8")
    result = run_timeline(
        "crawl",
        "--config",
        str(folder / "sources.yml"),
        "--db",
        str(folder / "t.db"),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    )
    assert result.returncode == 0, result.stderr
    db = sqlite_utils.Database(folder / "t.db")
    documents = {row["url"].removeprefix(site.base): row for row in db["documents"].rows}
    return {
        "site": site,
        "db": db,
        "documents": documents,
        "stderr": result.stderr,
        "path": folder / "t.db",
    }


def test_exactly_the_articles_are_stored(crawl):
    assert sorted(crawl["documents"]) == sorted(EXPECTED)


FIELDS = [
    (path, name) for path, fields in EXPECTED.items() for name in fields if name != "contains"
]


@pytest.mark.parametrize("path, name", FIELDS, ids=[f"{p}:{n}" for p, n in FIELDS])
def test_field(crawl, path, name):
    assert crawl["documents"][path][name] == EXPECTED[path][name]


@pytest.mark.parametrize("path", EXPECTED)
def test_text_has_the_article(crawl, path):
    assert EXPECTED[path]["contains"] in crawl["documents"][path]["text"]


@pytest.mark.parametrize("path", EXPECTED)
@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_text_has_no_boilerplate(crawl, path, phrase):
    assert phrase not in crawl["documents"][path]["text"]


@pytest.mark.parametrize("path", EXPECTED)
def test_day_is_local(crawl, path):
    assert crawl["documents"][path]["day"] == EXPECTED[path]["published"][:10]


def test_windows_1252_is_decoded(crawl):
    assert "responsabilità" in crawl["documents"]["/articoli/associazioni.html"]["text"]


def test_no_cp1250_mojibake(crawl):
    assert "ŕ" not in crawl["documents"]["/articoli/associazioni.html"]["text"]


def test_robots_disallowed_page_never_fetched(crawl):
    assert "/privato/bozza.html" not in crawl["site"].requests


@pytest.mark.parametrize("path, why", LEFT_OUT.items(), ids=LEFT_OUT.values())
def test_left_out(crawl, path, why):
    assert path not in crawl["documents"]


def test_summary_says_what_was_dropped(crawl):
    assert "dropped (" in crawl["stderr"] and "off-topic" in crawl["stderr"]


def test_events_are_tagged(crawl):
    values = {row["value"] for row in crawl["db"]["events"].rows}
    assert "2023-01-22" in values or "2023-01-22T22:00" in values


def test_recrawl_duplicates_nothing(crawl):
    before = crawl["db"]["documents"].count
    result = run_timeline(
        "crawl",
        "--config",
        str(crawl["path"].parent / "sources.yml"),
        "--db",
        str(crawl["path"]),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    )
    assert (result.returncode, crawl["db"]["documents"].count) == (0, before)


async def test_full_text_search_through_serve(crawl):
    from incident_timeline.serve import datasette_for

    ds = datasette_for(crawl["path"])
    response = await ds.client.get("/t/documents.json?_search=responsabilità&_shape=array")
    assert [row["url"].rsplit("/", 1)[1] for row in response.json()] == ["associazioni.html"]


TIMEXES = [
    ("/articoli/posta-bloccata.html", "ieri sera", "2023-01-22TEV"),
    ("/articoli/posta-bloccata.html", "domenica 22 gennaio", "2023-01-22"),
    ("/articoli/posta-bloccata.html", "verso le 22", "2023-01-22T22:00"),
    ("/articoli/ripristino-parziale.html", "venerdì", "2023-01-27"),
    ("/articoli/comunicato-azienda.html", "stamattina", "2023-01-27TMO"),
    ("/articoli/associazioni.html", "lunedì", "2023-01-30"),
]


@pytest.mark.parametrize("path, text, value", TIMEXES, ids=[f"{p}:{t}" for p, t, _ in TIMEXES])
def test_event_value(crawl, path, text, value):
    doc_id = crawl["documents"][path]["id"]
    values = [
        row["value"]
        for row in crawl["db"]["events"].rows_where(
            "document_id = ? and text like ?", [doc_id, f"%{text}%"]
        )
    ]
    assert value in values


@pytest.fixture(scope="module")
def served(crawl):
    from incident_timeline.serve import datasette_for

    return datasette_for(crawl["path"])


async def test_timeline_json(served):
    response = await served.client.get("/t/timeline.json?_shape=array&incident=aurora-2023")
    assert {row["day"] for row in response.json()} >= {"2023-01-22", "2023-01-27"}


async def test_timeline_atom_feed(served):
    import xml.etree.ElementTree as ET

    response = await served.client.get("/t/timeline.atom?incident=aurora-2023")
    entries = ET.fromstring(response.text).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) > 0


async def test_stemmed_search(served):
    response = await served.client.get("/t/search.json?_shape=array&q=guasti")
    assert any(row["url"].endswith("/articoli/associazioni.html") for row in response.json())


async def test_incident_page(served):
    response = await served.client.get("/incidents/aurora-2023")
    assert response.status_code == 200 and "Aurora Mail outage, January 2023" in response.text
