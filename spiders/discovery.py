"""The spider for the incident's discovery query: articles GDELT's full-text search lists.

    incident:
      discover: {gdelt: '"libero mail" OR "virgilio mail"'}

Asks the GDELT DOC 2.0 API (``TIMELINE_GDELT_URL``) for the articles of the window (to now
at the latest), in halves when an answer is full. GDELT searches the last three months:
it serves ongoing and recent incidents, and a window older than that is warned about. Every listed
article is fetched and judged like any page (its
listed title is not enough): stored with ``found_via = 'discovery'`` under the configured
source that names its site, else under the source ``discovered`` (kind news). A page gone
(404/410) is read from the archive. An answer that is not its JSON (GDELT explains in plain
words what it cannot do) is an error naming the reason, counted as ``timeline/dropped/bad
discovery``; the crawl goes on.
"""

from __future__ import annotations

import datetime as dt

import scrapy
from incident_timeline.archive import window_span
from incident_timeline.config import DISCOVERED, Config
from incident_timeline.discovery import (
    MAX_RECORDS,
    SMALLEST_SLICE,
    DocError,
    asked_span,
    beyond_reach,
    doc_query,
    halves,
    parse_doc,
    site_of,
    sources_by_site,
)
from incident_timeline.spiders.base import cached_config, host_of
from incident_timeline.spiders.channel import ChannelSpider, failure_reason
from incident_timeline.spiders.wayback import GDELT_SLOT, api_meta

DEFAULT_GDELT = "https://api.gdeltproject.org/api/v2/doc/doc"
STATS = "timeline/discovery/"


class DiscoverySpider(ChannelSpider):
    """Reads the incident's ``discover: {gdelt: QUERY}`` and fetches the articles listed."""

    name = "discovery"
    channel = "discovery"
    bad_channel = "bad discovery"

    def __init__(self, config=None, source=None, **kwargs):
        config = (
            config if isinstance(config, Config) or config is None else cached_config(str(config))
        )
        if config is not None and source in (None, DISCOVERED):
            source = config.discovered_source
        super().__init__(config=config, source=source, **kwargs)
        self.sites = sources_by_site(self.config)
        self.listed: set[str] = set()

    def channel_urls(self) -> list[str]:
        return []  # the articles are on any site: each request is allowed on its own

    @property
    def gdelt(self) -> str:
        return self.crawler.settings.get("TIMELINE_GDELT_URL") or DEFAULT_GDELT

    def archive_hosts(self) -> list[str]:
        return [*super().archive_hosts(), host_of(self.gdelt)]

    async def start(self):
        window = window_span(self.incident)
        span = asked_span(window)
        if span is None:
            self.logger.info("discovery: the window has not begun; nothing to ask GDELT yet")
            return
        if beyond_reach(window):
            # Asked all the same: GDELT says what it cannot search, and a mirror may hold more.
            self.logger.warning(
                "discovery: the window starts %s, but GDELT searches the last three months only: "
                "it may list nothing older (read the archive with archive patterns for that)",
                f"{window[0]:%Y-%m-%d}",
            )
            self.crawler.stats.inc_value(STATS + "windows older than three months")
        yield self.query_request(self.incident.discover_gdelt, *span)

    def query_request(self, query: str, start: dt.datetime, end: dt.datetime) -> scrapy.Request:
        self.crawler.stats.inc_value(STATS + "queries")
        return scrapy.Request(
            doc_query(self.gdelt, query, start, end),
            callback=self.parse,
            errback=self.query_failed,
            meta=api_meta(GDELT_SLOT),
            cb_kwargs={"query": query, "start": start.isoformat(), "end": end.isoformat()},
        )

    def query_failed(self, failure):
        reason = failure_reason(failure)
        if reason:
            self.reject(failure.request.url, f"GDELT query cannot be run: {reason}")

    def parse(self, response, query: str, start: str, end: str):
        try:
            articles = parse_doc(self.decompressed_body(response))
        except DocError as exc:
            self.reject(response.url, f"GDELT answer cannot be read: {exc}")
            return
        self.crawler.stats.inc_value(STATS + "articles listed", len(articles))
        begin, finish = dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)
        if len(articles) >= MAX_RECORDS and finish - begin > SMALLEST_SLICE:
            # A full answer may hide more: ask each half of its span (listed ones are skipped).
            for half in halves(begin, finish):
                yield self.query_request(query, *half)
        for article in articles:
            if article.url in self.listed:
                continue
            self.listed.add(article.url)
            source = self.sites.get(site_of(article.url), self.source)
            self.crawler.stats.inc_value(STATS + "articles fetched")
            yield self.page_request(
                article.url,
                meta={"allow_offsite": True},
                source=source.name,
                kind=source.kind,
                date_hint=article.seen.isoformat() if article.seen else None,
            )
