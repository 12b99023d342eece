"""FeedSpider on saved feeds: which pages it follows, with which hints, and how bad feeds are
reported."""

import logging
from dataclasses import replace

import pytest
from incident_timeline.pipelines.publication_date import PublicationDate
from incident_timeline.spiders.channel import date_hint
from incident_timeline.spiders.feed import FeedSpider
from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from tests.responses import file_response
from tests.spiders.incident import PAGES, build_spider, stat

FEED_URL = "http://www.notiziario.test/feed/"
ATOM_URL = "http://feeds.notiziario.test/atom.xml"
ARTICLE_URL = "http://www.notiziario.test/innovazione/tecnologia/libero-mail-guasto/"
EXPLAINED_URL = "http://www.notiziario.test/2023/01/25/italiaonline-spiega/"
REFUNDS_URL = "http://www.notiziario.test/2023/02/10/rimborsi-libero/"
RESTORED_URL = "http://www.notiziario.test/2023/01/26/virgilio-ripristino/"
REPAIRED_URL = "http://www.notiziario.test/2023/01/27/libero-riparazione/"
# the pages feed.rss leads to, in feed order
FEED_PAGES = [ARTICLE_URL, EXPLAINED_URL, REFUNDS_URL]


@pytest.fixture(scope="module")
def spider():
    return build_spider(FeedSpider, "notiziario")


@pytest.fixture(scope="module")
def requests(spider):
    """The page requests of feed.rss, in feed order."""
    rss = {"Content-Type": "application/rss+xml; charset=utf-8"}
    return list(spider.parse(file_response(PAGES / "feed.rss", FEED_URL, rss)))


@pytest.fixture(scope="module")
def by_url(requests):
    return {r.url: r for r in requests}


@pytest.fixture(scope="module")
def hints(by_url):
    return {url: r.cb_kwargs["hints"] for url, r in by_url.items()}


@pytest.fixture(scope="module")
def document(spider, by_url):
    """The undated article the feed's first entry leads to, as the spider stores it."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    page = file_response(PAGES / "article-undated.html", ARTICLE_URL, html)
    return next(spider.parse_page(page, **by_url[ARTICLE_URL].cb_kwargs))


@pytest.fixture(scope="module")
def atom_spider():
    return build_spider(FeedSpider, "notiziario-atom")


@pytest.fixture(scope="module")
def atom_requests(atom_spider):
    return list(atom_spider.parse(file_response(PAGES / "feed.atom", ATOM_URL)))


@pytest.fixture(scope="module")
def atom_hints(atom_requests):
    return {r.url: r.cb_kwargs["hints"] for r in atom_requests}


@pytest.mark.asyncio
async def test_start_fetches_the_feed():
    started = [r async for r in build_spider(FeedSpider, "notiziario").start()]
    assert [r.url for r in started] == [FEED_URL]


def test_allowed_hosts_are_the_feed_and_start_urls_hosts(atom_spider):
    assert atom_spider.hosts == ["feeds.notiziario.test", "www.notiziario.test"]


def test_follows_each_entry_page_once(by_url):
    assert list(by_url) == FEED_PAGES


def test_relative_link_is_resolved_against_the_feed(by_url):
    assert EXPLAINED_URL in by_url


def test_offsite_and_non_http_links_are_not_followed(by_url):
    assert not any("altrosito" in url or url.startswith("ftp:") for url in by_url)


def test_entry_dated_before_the_window_is_not_fetched(by_url):
    assert "http://www.notiziario.test/2022/11/02/posta-elettronica/" not in by_url


def test_feedburner_original_link_is_preferred(by_url):
    assert "feedproxy" not in " ".join(by_url)


def test_date_hint_is_the_pubdate_in_utc(hints):
    assert hints[ARTICLE_URL]["date_hint"] == "2023-01-24T09:35:00+00:00"


def test_date_hint_keeps_the_instant_of_an_offset_pubdate(hints):
    assert hints[EXPLAINED_URL]["date_hint"] == "2023-01-25T17:10:00+00:00"


def test_date_only_entry_gives_a_day_hint(hints):
    assert hints[REFUNDS_URL]["date_hint"] == "2023-02-10"


def test_date_only_entry_has_day_precision(hints):
    assert hints[REFUNDS_URL]["date_hint_precision"] == "day"


def test_title_hint_is_the_entry_title(hints):
    assert (
        hints[ARTICLE_URL]["title_hint"]
        == "Libero Mail e Virgilio Mail non funzionano da domenica sera"
    )


def test_title_hint_is_plain_text(hints):
    assert hints[EXPLAINED_URL]["title_hint"] == "Posta & disservizi: Italiaonline spiega il guasto"


@pytest.mark.parametrize("url", FEED_PAGES)
def test_every_request_goes_to_the_page_callback(spider, by_url, url):
    request_ = by_url[url]
    assert request_.callback == spider.parse_page and request_.errback == spider.page_failed


def test_document_url(document):
    assert document.url == ARTICLE_URL


def test_document_title_comes_from_the_page(document):
    assert document.title == "Libero Mail e Virgilio Mail non funzionano da domenica sera"


def test_document_found_via_feed(document):
    assert document.found_via == "feed"


def test_document_source_and_kind(document):
    assert (document.source, document.kind, document.incident) == (
        "notiziario",
        "news",
        "libero-2023",
    )


def test_undated_page_has_no_date_of_its_own(document):
    assert document.published is None


def test_undated_page_carries_the_entry_date_hint(document):
    assert document.date_hint == "2023-01-24T09:35:00+00:00"


def test_undated_page_is_dated_by_its_feed_item(spider, document):
    item = PublicationDate.from_crawler(spider.crawler).process_item(replace(document))
    assert (item.published, item.day) == ("2023-01-24T10:35:00+01:00", "2023-01-24")


def test_dated_page_keeps_its_own_date(spider, by_url):
    dated = file_response(PAGES / "article-dated.html", EXPLAINED_URL)
    found = next(spider.parse_page(dated, **by_url[dated.url].cb_kwargs))
    item = PublicationDate.from_crawler(spider.crawler).process_item(found)
    assert item.published == "2023-01-25T19:20:00+01:00"


def test_atom_follows_the_alternate_link_not_the_enclosure(atom_requests):
    assert [r.url for r in atom_requests] == [RESTORED_URL, REPAIRED_URL]


def test_atom_date_hint_is_published(atom_hints):
    assert atom_hints[RESTORED_URL]["date_hint"] == "2023-01-26T13:45:00+00:00"


def test_atom_date_hint_falls_back_to_updated(atom_hints):
    assert atom_hints[REPAIRED_URL]["date_hint"] == "2023-01-27T09:30:00+00:00"


def test_atom_html_title_becomes_text(atom_hints):
    assert atom_hints[RESTORED_URL]["title_hint"] == "Virgilio Mail, il ripristino procede"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2023-01-24", ("2023-01-24", "day")),
        ("2023-01-24T10:35:00+01:00", ("2023-01-24T10:35:00+01:00", None)),
        ("ieri sera", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_hint(raw, expected):
    assert date_hint(raw) == expected


BAD_FEEDS = [
    ("feed-broken.rss", "application/rss+xml", "malformed feed XML"),
    ("feed-empty.rss", "application/rss+xml", "the feed is empty"),
    ("not-a-feed.html", "text/html; charset=utf-8", "an HTML page"),
    ("not-a-feed.json", "application/json", "JSON"),
    ("not-a-feed.png", "image/png", "binary data"),
    ("not-a-feed.xml", "application/xml", "no RSS or Atom root element"),
]


@pytest.mark.parametrize("name, content_type, reason", BAD_FEEDS)
def test_bad_feed_yields_nothing(name, content_type, reason):
    bad = build_spider(FeedSpider, "notiziario")
    assert (
        list(bad.parse(file_response(PAGES / name, FEED_URL, {"Content-Type": content_type}))) == []
    )


@pytest.mark.parametrize("name, content_type, reason", BAD_FEEDS)
def test_bad_feed_is_counted(name, content_type, reason):
    bad = build_spider(FeedSpider, "notiziario")
    list(bad.parse(file_response(PAGES / name, FEED_URL, {"Content-Type": content_type})))
    assert stat(bad, "timeline/dropped/bad feed") == 1


@pytest.mark.parametrize("name, content_type, reason", BAD_FEEDS)
def test_bad_feed_error_names_source_url_and_reason(name, content_type, reason, caplog):
    bad = build_spider(FeedSpider, "notiziario")
    with caplog.at_level(logging.ERROR):
        list(bad.parse(file_response(PAGES / name, FEED_URL, {"Content-Type": content_type})))
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert (
        "'notiziario'" in record.getMessage()
        and FEED_URL in record.getMessage()
        and reason in record.getMessage()
    )


def test_feed_404_is_counted_as_a_bad_feed(caplog):
    bad = build_spider(FeedSpider, "notiziario")
    request = Request(FEED_URL)
    failure = Failure(HttpError(Response(FEED_URL, status=404, request=request)))
    failure.request = request
    with caplog.at_level(logging.ERROR):
        bad.channel_failed(failure)
    assert stat(bad, "timeline/dropped/bad feed") == 1 and "HTTP 404" in caplog.text


def test_gzipped_feed_is_read(tmp_path):
    import gzip

    path = tmp_path / "feed.rss.gz"
    path.write_bytes(gzip.compress((PAGES / "feed.rss").read_bytes()))
    gz = build_spider(FeedSpider, "notiziario")
    assert len(list(gz.parse(file_response(path, FEED_URL + "feed.rss.gz")))) == 3
