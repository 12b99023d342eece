"""DEPTH_LIMIT no longer truncates in silence: the links not followed are counted, and the summary
says how many and which setting to raise."""

from __future__ import annotations

import re

import pytest

from tests.archive.conftest import crawl, rows, summary_of, write
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import listing, outage_article

HOST = "www.cronaca.test"
PAGES, PER_PAGE = 12, 5

SOURCES = f"""\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: 2024-02-01, end: 2024-02-29}}
sources:
  - name: cronaca
    kind: news
    start_urls: ["http://{HOST}/archivio/pagina-1/"]
    follow: ['/archivio/pagina-\\d+/$', '/2024/02/']
"""


def archive_site(request) -> Answer | None:
    """A paginated archive: each page lists its articles and links to the next page only."""
    page = re.fullmatch(r"/archivio/pagina-(\d+)/", request.path)
    if page and 1 <= int(page.group(1)) <= PAGES:
        k = int(page.group(1))
        links = [
            f"/2024/02/{1 + n % 20:02d}/articolo-{n}/"
            for n in range((k - 1) * PER_PAGE, k * PER_PAGE)
        ]
        links += [f"/archivio/pagina-{k + 1}/"] if k < PAGES else []
        return Answer(200, listing(f"Archivio, pagina {k}", links))
    found = re.fullmatch(r"/2024/02/\d{2}/articolo-(\d+)/", request.path)
    if found:
        n = int(found.group(1))
        return Answer(200, outage_article(n, 1 + n % 20))
    if request.path == "/robots.txt":
        return Answer(200, "User-agent: *\nAllow: /\n", "text/plain")
    return None


def run(tmp_path_factory, *settings):
    tmp_path = tmp_path_factory.mktemp("depth")
    web = LoopWeb()
    web.route(HOST, archive_site)
    with web:
        db = tmp_path / "depth.db"
        result = crawl(
            write(tmp_path, "sources.yml", SOURCES), db, *settings, proxy=web.proxy_url, apis=False
        )
    return {"result": result, "db": db, "summary": summary_of(result)}


@pytest.fixture(scope="module")
def shallow(tmp_path_factory):
    return run(tmp_path_factory)


@pytest.fixture(scope="module")
def deep(tmp_path_factory):
    return run(tmp_path_factory, "-s", "DEPTH_LIMIT=20")


def stored(crawled) -> int:
    return rows(crawled["db"], "select count(*) as n from documents")[0]["n"]


def test_default_depth_stores_the_articles_of_the_first_four_pages(shallow):
    assert stored(shallow) == 4 * PER_PAGE


def test_summary_says_how_many_links_were_not_followed(shallow):
    # Page 5 (depth 4) links to page 6 and to its five articles, all at depth 5.
    assert "not followed: 6 links lie deeper than DEPTH_LIMIT = 4" in shallow["summary"], shallow[
        "summary"
    ]


def test_summary_names_the_setting_to_raise(shallow):
    line = next(line for line in shallow["summary"].splitlines() if "not followed" in line)
    assert "-s DEPTH_LIMIT=" in line


def test_raising_the_limit_reaches_every_article(deep):
    assert stored(deep) == PAGES * PER_PAGE


def test_no_depth_line_when_nothing_was_cut(deep):
    assert "not followed" not in deep["summary"]
