"""One spider for the incident: its readers' requests go through it, and still serialise."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
import scrapy
from incident_timeline.config import Source
from incident_timeline.spiders.incident import CALLBACK, ERRBACK, READER, IncidentSpider, readers_of
from scrapy.utils.request import request_from_dict
from scrapy.utils.test import get_crawler

from tests.responses import file_response
from tests.spiders.incident import CONFIG, PAGES


@pytest.fixture
def spider() -> IncidentSpider:
    """The spider of CONFIG's incident, on a crawler (stats, settings) that never runs."""
    crawler = get_crawler(
        IncidentSpider,
        {
            "TIMELINE_WAYBACK_URL": "http://web.archive.test",
            "REQUEST_FINGERPRINTER_CLASS": "incident_timeline.fingerprints.ChannelFingerprinter",
        },
    )
    crawler.spider = crawler._create_spider(config=CONFIG)
    return crawler.spider


def test_a_reader_for_every_channel_of_every_source():
    assert [(cls.name, source.name) for cls, source in readers_of(CONFIG)] == [
        ("site", "notiziario"),
        ("feed", "notiziario"),
        ("site", "notiziario-follow"),
        ("site", "notiziario-atom"),
        ("feed", "notiziario-atom"),
        ("sitemap", "gazzetta"),
        ("sitemap", "gazzetta-filtered"),
        ("statuspage", "stato"),
    ]


def test_readers_share_the_spiders_crawler(spider):
    assert {reader.crawler for reader in spider.readers.values()} == {spider.crawler}


def test_offsite_filter_allows_every_readers_hosts_and_the_archive(spider):
    assert {
        "www.notiziario.test",
        "feeds.notiziario.test",
        "www.gazzetta.test",
        "status.posta.test",
        "web.archive.test",
    } == set(spider.allowed_domains)


async def started(spider) -> list[scrapy.Request]:
    return [request async for request in spider.start()]


def test_start_routes_every_readers_start_requests(spider):
    import asyncio

    requests = asyncio.run(started(spider))
    assert {r.meta[READER] for r in requests} == set(spider.readers)


def test_a_routed_request_names_its_reader_and_its_methods(spider):
    reader = spider.readers["feed:notiziario"]
    routed = spider.routed(
        "feed:notiziario",
        reader.page_request("http://www.notiziario.test/a/", date_hint="2023-01-24"),
    )
    assert (routed.callback, routed.meta[CALLBACK], routed.meta[ERRBACK]) == (
        spider.dispatch,
        "parse_page",
        "page_failed",
    )


def test_a_routed_request_round_trips_through_serialisation(spider):
    reader = spider.readers["feed:notiziario"]
    routed = spider.routed(
        "feed:notiziario",
        reader.page_request("http://www.notiziario.test/a/", date_hint="2023-01-24"),
    )
    back = request_from_dict(routed.to_dict(spider=spider), spider=spider)
    assert (back.callback, back.errback, back.meta[READER], back.cb_kwargs) == (
        spider.dispatch,
        spider.dispatch_failure,
        "feed:notiziario",
        {"hints": {"date_hint": "2023-01-24"}},
    )


def test_dispatch_calls_the_reader_and_routes_what_it_yields(spider):
    request = spider.routed(
        "feed:notiziario",
        scrapy.Request(
            CONFIG.source("notiziario").feed, callback=spider.readers["feed:notiziario"].parse
        ),
    )
    response = file_response(PAGES / "feed.rss", request.url)
    response.request = request
    output = list(spider.dispatch(response))
    assert output and all(
        r.callback == spider.dispatch and r.meta[READER] == "feed:notiziario" for r in output
    )


def test_channel_pages_are_deduplicated_per_channel(spider):
    fingerprinter = spider.crawler.request_fingerprinter
    url = "http://www.notiziario.test/2023/01/24/a/"
    from_feed = spider.readers["feed:notiziario"].page_request(url)
    from_other_feed = spider.readers["feed:notiziario-atom"].page_request(url)
    from_site = scrapy.Request(url)
    prints = {fingerprinter.fingerprint(r) for r in (from_feed, from_other_feed, from_site)}
    assert (
        len(prints) == 3
        and fingerprinter.fingerprint(spider.readers["feed:notiziario"].page_request(url)) in prints
    )


# -- when a gone page (404/410) is looked up in the archive ----------------------------------------


def site_reader(source: Source, **settings):
    from incident_timeline.spiders.site import SiteSpider
    from scrapy.settings import Settings

    config = dataclasses.replace(CONFIG, sources=(*CONFIG.sources, source))
    chosen = Settings({"TIMELINE_WAYBACK_URL": "https://web.archive.org"}, priority="project")
    chosen.update(settings, priority="cmdline")  # as `timeline crawl -s NAME=VALUE` does
    reader = SiteSpider(config=config, source=source.name)
    reader.crawler = SimpleNamespace(settings=chosen)  # only its settings are read
    return reader


LIVE = Source(name="vivo", kind="news", start_urls=("http://www.vivo.test/",))
ARCHIVED = Source(
    name="archiviato",
    kind="news",
    start_urls=("http://www.vivo.test/",),
    archive=("www.vivo.test/*",),
)


@pytest.mark.parametrize(
    "source, settings, falls_back",
    [
        (LIVE, {}, False),
        (ARCHIVED, {}, True),
        (LIVE, {"TIMELINE_WAYBACK_URL": "http://127.0.0.1:9"}, True),
        (ARCHIVED, {"TIMELINE_ARCHIVE_FALLBACK": "False"}, False),
        (LIVE, {"TIMELINE_ARCHIVE_FALLBACK": "True"}, True),
    ],
    ids=["live source", "archived source", "archive named", "forced off", "forced on"],
)
def test_when_a_gone_page_is_looked_up(source, settings, falls_back):
    assert site_reader(source, **settings).falls_back() is falls_back
