"""NewsSitemapSpider on saved sitemaps: index, news urlset, gzipped urlset, follow filter, bad
sitemaps."""

import logging
from dataclasses import replace

import pytest
from incident_timeline.pipelines.publication_date import PublicationDate
from incident_timeline.spiders.sitemap import (
    MAX_INDEX_DEPTH,
    SITEMAP_MAXSIZE,
    NewsSitemapSpider,
    parse_sitemap_xml,
)

from tests.responses import file_response
from tests.spiders.incident import PAGES, build_spider, stat

INDEX_URL = "http://www.gazzetta.test/sitemap_index.xml"
NEWS_URL = "http://www.gazzetta.test/sitemap-news.xml"
GZ_URL = "http://www.gazzetta.test/sitemaps/2023-01.xml.gz"
DOWN_URL = "http://www.gazzetta.test/2023/01/24/libero-mail-down/"
CODACONS_URL = "http://www.gazzetta.test/2023/01/25/codacons-diffida/"
TAG_URL = "http://www.gazzetta.test/tag/libero/"

RESTORED_URL = "http://www.gazzetta.test/2023/01/26/ripristino/"
APP_URL = "http://www.gazzetta.test/2023/01/28/app-ios/"
# the sitemaps the index leads to, and the pages each sitemap leads to, in order
CHILD_SITEMAPS = [NEWS_URL, GZ_URL]
NEWS_PAGES = [DOWN_URL, CODACONS_URL, TAG_URL]
GZ_PAGES = [RESTORED_URL, APP_URL]


@pytest.fixture(scope="module")
def spider():
    return build_spider(NewsSitemapSpider, "gazzetta")


@pytest.fixture(scope="module")
def index_requests(spider):
    return list(spider.parse(file_response(PAGES / "sitemap-index.xml", INDEX_URL), depth=0))


@pytest.fixture(scope="module")
def news_requests(spider):
    return list(spider.parse(file_response(PAGES / "sitemap-news.xml", NEWS_URL), depth=1))


@pytest.fixture(scope="module")
def gz_requests(spider):
    gzipped = file_response(PAGES / "sitemap-2023-01.xml.gz", GZ_URL)
    return list(spider.parse(gzipped, depth=1))


@pytest.fixture(scope="module")
def news(news_requests):
    """The hints of the news sitemap's pages, by URL."""
    return {r.url: r.cb_kwargs["hints"] for r in news_requests}


@pytest.fixture(scope="module")
def gz(gz_requests):
    """The hints of the gzipped sitemap's pages, by URL."""
    return {r.url: r.cb_kwargs["hints"] for r in gz_requests}


@pytest.fixture(scope="module")
def page_requests(news_requests, gz_requests):
    return {r.url: r for r in news_requests + gz_requests}


@pytest.fixture(scope="module")
def filtered_requests():
    filtered = build_spider(NewsSitemapSpider, "gazzetta-filtered")
    return list(filtered.parse(file_response(PAGES / "sitemap-news.xml", NEWS_URL), depth=1))


@pytest.fixture(scope="module")
def document(spider, news_requests):
    """The first page of the news sitemap (undated), as the spider stores it."""
    page = file_response(PAGES / "article-undated.html", DOWN_URL)
    return next(spider.parse_page(page, **news_requests[0].cb_kwargs))


@pytest.mark.asyncio
async def test_start_fetches_the_sitemap():
    started = [r async for r in build_spider(NewsSitemapSpider, "gazzetta").start()]
    assert [r.url for r in started] == [INDEX_URL]


def test_index_follows_child_sitemaps_on_the_same_host_once(index_requests):
    assert [r.url for r in index_requests] == CHILD_SITEMAPS


@pytest.mark.parametrize("url", CHILD_SITEMAPS)
def test_child_sitemaps_are_parsed_as_sitemaps_one_level_deeper(spider, index_requests, url):
    [request_] = [r for r in index_requests if r.url == url]
    assert (request_.callback, request_.cb_kwargs) == (spider.parse, {"depth": 1})


def test_news_sitemap_pages(news):
    assert list(news) == NEWS_PAGES


def test_news_publication_date_is_the_date_hint(news):
    assert news[DOWN_URL]["date_hint"] == "2023-01-24T10:35:00+01:00"


def test_news_title_is_the_title_hint(news):
    assert news[DOWN_URL]["title_hint"] == "Libero Mail down: cosa sappiamo & cosa no"


def test_lastmod_is_the_date_hint_without_news_date(news):
    assert news[CODACONS_URL]["date_hint"] == "2023-01-25T12:00:00Z"


def test_no_title_hint_without_news_title(news):
    assert news[CODACONS_URL]["title_hint"] is None


def test_date_only_lastmod_has_day_precision(news):
    assert (news[TAG_URL]["date_hint"], news[TAG_URL]["date_hint_precision"]) == (
        "2023-02-01",
        "day",
    )


def test_pages_published_outside_the_window_are_not_fetched(news):
    assert not any("/2022/06/" in url or "/2023/06/" in url for url in news)


def test_outside_window_entries_are_counted(spider, news_requests, gz_requests):
    assert stat(spider, "timeline/sitemap/entries outside window") >= 2


def test_offsite_pages_are_not_fetched(news):
    assert not any("altrosito" in url for url in news)


def test_follow_patterns_filter_sitemap_urls(filtered_requests):
    assert [r.url for r in filtered_requests] == [DOWN_URL, CODACONS_URL]


def test_gzipped_sitemap_is_read(gz):
    assert list(gz) == GZ_PAGES


def test_gzipped_sitemap_lastmod_hint(gz):
    assert gz[RESTORED_URL]["date_hint"] == "2023-01-26"


def test_entry_without_lastmod_has_no_date_hint(gz):
    assert gz[APP_URL]["date_hint"] is None


def test_lastmod_before_the_window_skips_the_page(gz):
    assert "http://www.gazzetta.test/2023/01/02/buon-anno/" not in gz


@pytest.mark.parametrize("url", NEWS_PAGES + GZ_PAGES)
def test_every_page_request_goes_to_the_page_callback(spider, page_requests, url):
    assert page_requests[url].callback == spider.parse_page


def test_document_found_via_sitemap(document):
    assert document.found_via == "sitemap"


def test_document_url(document):
    assert document.url == DOWN_URL


def test_document_source_and_kind(document):
    assert (document.source, document.kind) == ("gazzetta", "news")


def test_sitemap_date_hint_fills_a_day_only_page_date(spider, document):
    item = PublicationDate.from_crawler(spider.crawler).process_item(
        replace(document, published=None, published_precision=None)
    )
    assert item.published == "2023-01-24T10:35:00+01:00"


def test_namespace_is_matched_by_local_name():
    kind, entries = parse_sitemap_xml(
        b'<urlset xmlns="http://example.com/wrong"><url><loc>http://a.test/x</loc></url></urlset>'
    )
    assert (kind, [e.loc for e in entries]) == ("urlset", ["http://a.test/x"])


def test_external_entities_are_not_expanded():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>http://a.test/&x;</loc></url></urlset>"
    )
    assert parse_sitemap_xml(body)[1][0].loc == "http://a.test/"


def test_index_nesting_is_bounded():
    deep = build_spider(NewsSitemapSpider, "gazzetta")
    requests = list(
        deep.parse(file_response(PAGES / "sitemap-index.xml", INDEX_URL), depth=MAX_INDEX_DEPTH)
    )
    assert requests == [] and stat(deep, "timeline/dropped/bad sitemap") == 1


BAD_SITEMAPS = [
    ("sitemap-broken.xml", NEWS_URL, "malformed sitemap XML"),
    ("sitemap-empty.xml", NEWS_URL, "the sitemap is empty"),
    ("sitemap-corrupt.xml.gz", GZ_URL, "gzip data that cannot be decompressed"),
    ("not-a-feed.html", NEWS_URL, "an HTML page"),
    ("not-a-feed.json", NEWS_URL, "JSON"),
    ("not-a-feed.png", NEWS_URL, "binary data"),
    ("feed.rss", NEWS_URL, "the root element is <rss>"),
]


@pytest.mark.parametrize("name, url, reason", BAD_SITEMAPS)
def test_bad_sitemap_yields_nothing(name, url, reason):
    bad = build_spider(NewsSitemapSpider, "gazzetta")
    assert list(bad.parse(file_response(PAGES / name, url))) == []


@pytest.mark.parametrize("name, url, reason", BAD_SITEMAPS)
def test_bad_sitemap_is_counted(name, url, reason):
    bad = build_spider(NewsSitemapSpider, "gazzetta")
    list(bad.parse(file_response(PAGES / name, url)))
    assert stat(bad, "timeline/dropped/bad sitemap") == 1


@pytest.mark.parametrize("name, url, reason", BAD_SITEMAPS)
def test_bad_sitemap_error_names_source_url_and_reason(name, url, reason, caplog):
    bad = build_spider(NewsSitemapSpider, "gazzetta")
    with caplog.at_level(logging.ERROR):
        list(bad.parse(file_response(PAGES / name, url)))
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert (
        "'gazzetta'" in record.getMessage()
        and url in record.getMessage()
        and reason in record.getMessage()
    )


def test_gzip_bomb_is_refused(tmp_path):
    import gzip

    path = tmp_path / "big.xml.gz"
    path.write_bytes(gzip.compress(b"<urlset>" + b" " * (3 * 1024 * 1024) + b"</urlset>"))
    bad = build_spider(NewsSitemapSpider, "gazzetta")
    response = file_response(path, GZ_URL, meta={"download_maxsize": 1024 * 1024})
    assert list(bad.parse(response)) == [] and stat(bad, "timeline/dropped/bad sitemap") == 1


def test_sitemap_requests_allow_the_protocol_maximum(index_requests):
    assert index_requests[0].meta["download_maxsize"] == SITEMAP_MAXSIZE
