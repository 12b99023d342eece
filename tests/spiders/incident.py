"""The incident and sources the spider tests crawl, and spiders built on a real (unstarted) crawler.

@pytest.fixture(scope="module")
def items():
    spider = build_spider(FeedSpider, "notiziario")
    return list(spider.parse(file_response(PAGES / "feed.rss", spider.source.feed)))
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from incident_timeline.config import Config, Incident, Source
from scrapy.utils.test import get_crawler

PAGES = Path(__file__).parent / "pages"

INCIDENT = Incident(
    slug="libero-2023",
    title="Libero Mail and Virgilio Mail outage, January 2023",
    timezone="Europe/Rome",
    keywords=("libero mail", "virgilio", "italiaonline"),
    window_start=dt.date(2023, 1, 15),
    window_end=dt.date(2023, 3, 31),
)

CONFIG = Config(
    path=Path("tests/spiders/sources.yml"),
    incident=INCIDENT,
    sources=(
        Source(
            name="notiziario",
            kind="news",
            start_urls=("http://www.notiziario.test/tecnologia/",),
            feed="http://www.notiziario.test/feed/",
        ),
        Source(
            name="notiziario-follow",
            kind="news",
            start_urls=("http://www.notiziario.test/tecnologia/",),
            follow=(r"/2023/0[12]/", r"[?&]page=\d+$"),
        ),
        Source(
            name="notiziario-atom",
            kind="news",
            start_urls=("http://www.notiziario.test/",),
            feed="http://feeds.notiziario.test/atom.xml",
        ),
        Source(name="gazzetta", kind="news", sitemap="http://www.gazzetta.test/sitemap_index.xml"),
        Source(
            name="gazzetta-filtered",
            kind="news",
            sitemap="http://www.gazzetta.test/sitemap_index.xml",
            follow=(r"/2023/01/",),
        ),
        Source(name="stato", kind="provider", statuspage="https://status.posta.test/"),
    ),
)


def build_spider(spidercls, source: str, settings: dict | None = None):
    """A spider for ``source`` of CONFIG, on a crawler (stats, settings) that never runs."""
    crawler = get_crawler(spidercls, {"DOWNLOAD_MAXSIZE": 1024 * 1024, **(settings or {})})
    crawler.spider = crawler._create_spider(config=CONFIG, source=source)
    return crawler.spider


def stat(spider, key: str) -> int:
    return spider.crawler.stats.get_value(key, 0)
