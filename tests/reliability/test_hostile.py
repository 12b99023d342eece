"""Hostile pages: stored as plain text, escaped everywhere Datasette shows them, and their links
never followed."""

import json
import re
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from scrapy.http import HtmlResponse

from tests.reliability.faultsite import HOSTILE, QUOTED_MARKERS, sources_yaml

HOSTILE_PATH = "/notizie/ostile.html"
# Unescaped forms of what the two hostile pages carry.
UNESCAPED = (
    "<script>alert('posta')",
    "<img src=x onerror=alert(1)",
    "<script>alert('titolo')",
    "onerror=\"alert('xss')\"",
    "onerror=\"alert('h1')\"",
)
FORBIDDEN_LINKS = [
    "file:///etc/passwd",
    "ftp://127.0.0.1/posta.zip",
    "data:text/html",
    "javascript:",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/",
    "http://[::1]:8080/",
    "http://esterno.example/",
    "https://esterno.example/",
]


def stored(crawl, path, column):
    with sqlite3.connect(crawl.db) as conn:
        row = conn.execute(
            f"select {column} from documents where url = ?", [crawl.site.url(path)]
        ).fetchone()
    conn.close()
    return row[0] if row else None


@pytest.mark.parametrize("column", ["title", "text"])
def test_stored_hostile_page_has_no_tags(faulty_crawl, column):
    assert (
        re.search(r"<\s*[a-zA-Z/!]", stored(faulty_crawl, HOSTILE_PATH, column) or "<missing>")
        is None
    )


@pytest.mark.parametrize("column", ["title", "text"])
def test_stored_hostile_page_has_no_handlers(faulty_crawl, column):
    assert "onerror" not in (stored(faulty_crawl, HOSTILE_PATH, column) or "onerror: missing")


def test_quoted_code_is_kept_as_text(faulty_crawl):
    assert QUOTED_MARKERS[0] in (stored(faulty_crawl, "/notizie/codice.html", "text") or "")


@pytest.fixture(scope="module")
def spider(tmp_path_factory):
    from incident_timeline.spiders.site import SiteSpider

    config = tmp_path_factory.mktemp("spider") / "sources.yml"
    config.write_text(sources_yaml("http://www.cronaca.test/"), "utf-8")
    return SiteSpider(config=str(config), source="cronaca-digitale")


@pytest.fixture(scope="module")
def scheduled(spider):
    response = HtmlResponse(
        "http://www.cronaca.test/notizie/ostile.html", body=HOSTILE.encode(), encoding="utf-8"
    )
    _, links = spider.read_page(response)
    return links


@pytest.mark.parametrize("prefix", FORBIDDEN_LINKS)
def test_spider_never_schedules(scheduled, prefix):
    assert not [url for url in scheduled if url.startswith(prefix)]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://www.cronaca.test/x",
        "data:text/html,x",
        "javascript:alert(1)",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1/",
        "http://[::1]/",
        "http://localhost/",
        "http://esterno.example/",
        "https://esterno.example/",
        "http://www.cronaca.test.esterno.example/",
    ],
)
def test_may_follow_refuses(spider, url):
    assert spider.may_follow(url) is False


def test_may_follow_accepts_same_site(spider):
    assert spider.may_follow("http://www.cronaca.test/notizie/altro.html") is True


def test_crawl_requested_nothing_offsite(faulty_crawl):
    assert faulty_crawl.site.offsite() == []


# -- Datasette ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(faulty_crawl):
    serve = pytest.importorskip("incident_timeline.serve")
    return serve.datasette_for(faulty_crawl.db), serve.database_name(faulty_crawl.db)


def atom_html_contents(body: str) -> list[str]:
    """What a feed reader renders: content/summary of type html, unescaped once by XML parsing."""
    root = ET.fromstring(body)
    found = []
    for element in root.iter():
        if (
            element.tag.rsplit("}", 1)[-1] in ("content", "summary", "title")
            and element.get("type") == "html"
        ):
            found.append(element.text or "")
    return found


PAGES = [
    "/{db}/documents",
    "/{db}/documents?_search=posta",
    "/{db}/events",
    "/{db}/timeline",
    "/{db}/search?q=posta",
    "/{db}/search?q=script",
    "/incidents/posta-lampo-2024",
    "/{db}/documents/{id}",
]


@pytest.mark.parametrize("page", PAGES)
async def test_html_pages_escape_hostile_text(faulty_crawl, published, page):
    ds, name = published
    doc_id = None
    with sqlite3.connect(faulty_crawl.db) as conn:
        doc_id = conn.execute("select id from documents where url like '%codice.html'").fetchone()[
            0
        ]
    conn.close()
    response = await ds.client.get(page.format(db=name, id=doc_id))
    assert response.status_code == 200 and not [m for m in UNESCAPED if m in response.text], page


@pytest.mark.parametrize("query", ["timeline", "statements"])
async def test_atom_feed_escapes_hostile_text(published, query):
    ds, name = published
    path, _, params = query.partition("?")
    response = await ds.client.get(f"/{name}/{path}.atom" + (f"?{params}" if params else ""))
    assert response.status_code == 200 and not [
        c for c in atom_html_contents(response.text) if any(m in c for m in UNESCAPED)
    ]


@pytest.mark.parametrize("query", ["timeline", "statements"])
async def test_json_feed_html_is_escaped(published, query):
    ds, name = published
    path, _, params = query.partition("?")
    response = await ds.client.get(f"/{name}/{path}.jsonfeed" + (f"?{params}" if params else ""))
    items = json.loads(response.text).get("items", []) if response.status_code == 200 else None
    assert items is not None and not [
        i for i in items if any(m in (i.get("content_html") or "") for m in UNESCAPED)
    ]
