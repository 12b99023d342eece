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
ARTICLE_URL = "http://www.notiziario.test/innovazione/tecnologia/libero-mail-guasto/"

spider = build_spider(FeedSpider, "notiziario")
requests = list(
    spider.parse(
        file_response(
            PAGES / "feed.rss", FEED_URL, {"Content-Type": "application/rss+xml; charset=utf-8"}
        )
    )
)
by_url = {r.url: r for r in requests}

page = file_response(
    PAGES / "article-undated.html", ARTICLE_URL, {"Content-Type": "text/html; charset=utf-8"}
)
document = next(spider.parse_page(page, **by_url[ARTICLE_URL].cb_kwargs))

atom_spider = build_spider(FeedSpider, "notiziario-atom")
atom_requests = list(
    atom_spider.parse(file_response(PAGES / "feed.atom", "http://feeds.notiziario.test/atom.xml"))
)


def hints(url, feed_requests=None):
    return {r.url: r for r in (feed_requests or requests)}[url].cb_kwargs["hints"]


@pytest.mark.asyncio
async def test_start_fetches_the_feed():
    started = [r async for r in build_spider(FeedSpider, "notiziario").start()]
    assert [r.url for r in started] == [FEED_URL]


def test_allowed_hosts_are_the_feed_and_start_urls_hosts():
    assert atom_spider.hosts == ["feeds.notiziario.test", "www.notiziario.test"]


def test_follows_each_entry_page_once():
    assert list(by_url) == [
        ARTICLE_URL,
        "http://www.notiziario.test/2023/01/25/italiaonline-spiega/",
        "http://www.notiziario.test/2023/02/10/rimborsi-libero/",
    ]


def test_relative_link_is_resolved_against_the_feed():
    assert "http://www.notiziario.test/2023/01/25/italiaonline-spiega/" in by_url


def test_offsite_and_non_http_links_are_not_followed():
    assert not any("altrosito" in url or url.startswith("ftp:") for url in by_url)


def test_entry_dated_before_the_window_is_not_fetched():
    assert "http://www.notiziario.test/2022/11/02/posta-elettronica/" not in by_url


def test_feedburner_original_link_is_preferred():
    assert "feedproxy" not in " ".join(by_url)


def test_date_hint_is_the_pubdate_in_utc():
    assert hints(ARTICLE_URL)["date_hint"] == "2023-01-24T09:35:00+00:00"


def test_date_hint_keeps_the_instant_of_an_offset_pubdate():
    assert (
        hints("http://www.notiziario.test/2023/01/25/italiaonline-spiega/")["date_hint"]
        == "2023-01-25T17:10:00+00:00"
    )


def test_date_only_entry_gives_a_day_hint():
    assert (
        hints("http://www.notiziario.test/2023/02/10/rimborsi-libero/")["date_hint"] == "2023-02-10"
    )


def test_date_only_entry_has_day_precision():
    assert (
        hints("http://www.notiziario.test/2023/02/10/rimborsi-libero/")["date_hint_precision"]
        == "day"
    )


def test_title_hint_is_the_entry_title():
    assert (
        hints(ARTICLE_URL)["title_hint"]
        == "Libero Mail e Virgilio Mail non funzionano da domenica sera"
    )


def test_title_hint_is_plain_text():
    title = hints("http://www.notiziario.test/2023/01/25/italiaonline-spiega/")["title_hint"]
    assert title == "Posta & disservizi: Italiaonline spiega il guasto"


@pytest.mark.parametrize("request_", requests, ids=lambda r: r.url)
def test_every_request_goes_to_the_page_callback(request_):
    assert request_.callback == spider.parse_page and request_.errback == spider.page_failed


def test_document_url():
    assert document.url == ARTICLE_URL


def test_document_title_comes_from_the_page():
    assert document.title == "Libero Mail e Virgilio Mail non funzionano da domenica sera"


def test_document_found_via_feed():
    assert document.found_via == "feed"


def test_document_source_and_kind():
    assert (document.source, document.kind, document.incident) == (
        "notiziario",
        "news",
        "libero-2023",
    )


def test_undated_page_has_no_date_of_its_own():
    assert document.published is None


def test_undated_page_carries_the_entry_date_hint():
    assert document.date_hint == "2023-01-24T09:35:00+00:00"


def test_undated_page_is_dated_by_its_feed_item():
    item = PublicationDate.from_crawler(spider.crawler).process_item(replace(document))
    assert (item.published, item.day) == ("2023-01-24T10:35:00+01:00", "2023-01-24")


def test_dated_page_keeps_its_own_date():
    dated = file_response(
        PAGES / "article-dated.html", "http://www.notiziario.test/2023/01/25/italiaonline-spiega/"
    )
    found = next(spider.parse_page(dated, **by_url[dated.url].cb_kwargs))
    item = PublicationDate.from_crawler(spider.crawler).process_item(found)
    assert item.published == "2023-01-25T19:20:00+01:00"


def test_atom_follows_the_alternate_link_not_the_enclosure():
    assert [r.url for r in atom_requests] == [
        "http://www.notiziario.test/2023/01/26/virgilio-ripristino/",
        "http://www.notiziario.test/2023/01/27/libero-riparazione/",
    ]


def test_atom_date_hint_is_published():
    assert (
        hints("http://www.notiziario.test/2023/01/26/virgilio-ripristino/", atom_requests)[
            "date_hint"
        ]
        == "2023-01-26T13:45:00+00:00"
    )


def test_atom_date_hint_falls_back_to_updated():
    assert (
        hints("http://www.notiziario.test/2023/01/27/libero-riparazione/", atom_requests)[
            "date_hint"
        ]
        == "2023-01-27T09:30:00+00:00"
    )


def test_atom_html_title_becomes_text():
    assert (
        hints("http://www.notiziario.test/2023/01/26/virgilio-ripristino/", atom_requests)[
            "title_hint"
        ]
        == "Virgilio Mail, il ripristino procede"
    )


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
