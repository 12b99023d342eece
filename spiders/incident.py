"""One spider for a whole incident: every channel of every source is a reader it calls back.

    scrapy crawl incident -a config=corpus/sources.yml

Each channel of each source has a reader: a site to follow (``SiteSpider``), a feed, a
sitemap, a status page, archive patterns, and the incident's discovery query. The readers
build the requests and read the answers; this spider owns them all, so ONE downloader
carries every request of the incident: a host reached through pages, feed, sitemap and
robots.txt at once never has more than ``CONCURRENT_REQUESTS_PER_DOMAIN`` requests in
flight (one spider per channel used to give each channel its own allowance).

A request keeps a method of this spider as its callback (``dispatch``), with its reader and
the reader's method named in meta, so it serialises like any request (JOBDIR, scrapy-redis).
"""

from __future__ import annotations

import scrapy
from incident_timeline.config import Config, Source
from incident_timeline.journal import item_yielded, response_processed
from incident_timeline.spiders.archive import ArchiveSpider
from incident_timeline.spiders.base import cached_config
from incident_timeline.spiders.discovery import DiscoverySpider
from incident_timeline.spiders.feed import FeedSpider
from incident_timeline.spiders.site import SiteSpider
from incident_timeline.spiders.sitemap import NewsSitemapSpider
from incident_timeline.spiders.statuspage import StatuspageSpider
from scrapy.utils.spider import iterate_spider_output
from twisted.python.failure import Failure

# Source key → the reader of that channel.
CHANNEL_READERS = {
    "start_urls": SiteSpider,
    "feed": FeedSpider,
    "sitemap": NewsSitemapSpider,
    "statuspage": StatuspageSpider,
    "archive": ArchiveSpider,
}
# Meta keys naming the reader of a request and the reader's methods to call.
READER, CALLBACK, ERRBACK = "timeline_reader", "timeline_callback", "timeline_errback"
# Channels read again by every round of `timeline crawl --watch` (the archive: the first only).
LIVE_CHANNELS = ("page", "feed", "sitemap", "statuspage", "discovery")


def readers_of(config: Config) -> list[tuple[type, Source]]:
    """(reader class, source) for every channel of every source, then discovery.

    >>> from incident_timeline.config import load_config
    >>> readers = readers_of(load_config("corpus/sources.yml"))
    >>> [(cls.name, source.name) for cls, source in readers][:2]
    [('site', 'notiziario'), ('feed', 'notiziario')]
    """
    readers = [
        (cls, source)
        for source in config.sources
        for key, cls in CHANNEL_READERS.items()
        if getattr(source, key)
    ]
    if config.incident.discover_gdelt:
        readers.append((DiscoverySpider, config.discovered_source))
    return readers


class IncidentSpider(scrapy.Spider):
    """Crawls every source of one sources file, through the readers of their channels."""

    name = "incident"

    def __init__(self, config: str | Config | None = None, **kwargs):
        if config is None:
            raise ValueError("IncidentSpider needs -a config=FILE")
        self.config = config if isinstance(config, Config) else cached_config(str(config))
        self.incident = self.config.incident
        super().__init__(**kwargs)
        self.readers: dict[str, scrapy.Spider] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        for reader_cls, source in readers_of(spider.config):
            reader = reader_cls.from_crawler(crawler, config=spider.config, source=source)
            spider.readers[reader.name] = reader
        hosts = set().union(*(reader.allowed_domains for reader in spider.readers.values()))
        # No reader may lead offsite (discovered articles are allowed one by one: allow_offsite).
        spider.allowed_domains = sorted(hosts)
        return spider

    async def start(self):
        round_number = self.settings.getint("TIMELINE_WATCH_ROUND", 1)
        for key, reader in self.readers.items():
            if round_number > 1 and reader.channel not in LIVE_CHANNELS:
                continue
            try:
                async for request in reader.start():
                    yield self.routed(key, request)
            except Exception as exc:  # one broken channel never stops the others
                self.crawler.stats.inc_value("timeline/fault/channel could not start")
                self.logger.error(
                    "channel %s could not start: %s: %s", key, type(exc).__name__, exc
                )

    def routed(self, key: str, request: scrapy.Request) -> scrapy.Request:
        """``request`` of reader ``key``, this spider's callbacks standing in for the reader's."""
        if request.callback == self.dispatch:
            return request  # routed already (a reader asked again for a response's own request)
        reader = self.readers[key]
        meta = {
            **request.meta,
            READER: key,
            CALLBACK: method_name(reader, request.callback) or "parse",
            ERRBACK: method_name(reader, request.errback),
        }
        return request.replace(callback=self.dispatch, errback=self.dispatch_failure, meta=meta)

    def dispatch(self, response, **kwargs):
        key = response.meta[READER]
        method = getattr(self.readers[key], response.meta[CALLBACK])
        return self.route(key, method(response, **kwargs), response.request)

    def dispatch_failure(self, failure):
        meta = failure.request.meta
        name = meta.get(ERRBACK)
        result = getattr(self.readers[meta[READER]], name)(failure) if name else failure
        if isinstance(result, Failure):
            self.processed(failure.request)
            return result  # as if there were no errback: Scrapy logs it
        return self.route(meta[READER], result, failure.request)

    def route(self, key: str, output, request: scrapy.Request):
        """The reader's output, its requests routed; then the request's output is all handed over
        (the crash-safe journal, timeline/journal.py, waits for that and for its items)."""
        try:
            for result in iterate_spider_output(output):
                if isinstance(result, scrapy.Request):
                    yield self.routed(key, result)
                else:
                    self.crawler.signals.send_catch_log(item_yielded, item=result, request=request)
                    yield result
        except Exception:
            self.processed(request)
            raise
        self.processed(request)

    def processed(self, request: scrapy.Request) -> None:
        self.crawler.signals.send_catch_log(response_processed, request=request)

    def parse(self, response, **kwargs):
        raise NotImplementedError("every request of this spider is routed to a reader")


def method_name(reader, function) -> str | None:
    """The name of ``reader``'s method ``function`` (None for no function)."""
    if function is None:
        return None
    if getattr(function, "__self__", None) is not reader:
        raise ValueError(f"{function!r} is not a method of the reader {reader.name}")
    return function.__name__
