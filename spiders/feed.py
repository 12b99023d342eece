"""The spider for RSS and Atom feeds: each entry's page becomes a document, dated by its entry.

    scrapy crawl feed -a config=corpus/sources.yml -a source=notiziario

The feed itself is never a document. An entry's page is fetched (http(s) only, and only
on the feed's host or a host of the source's ``start_urls``) and extracted like any page;
when the page carries no date of its own, the entry's ``pubDate``/``published`` dates it.
A feed that is broken, empty or not a feed at all is logged as an error naming the source,
the URL and the reason, counted as ``timeline/dropped/bad feed``, and the crawl goes on.
"""

from __future__ import annotations

import io

import feedparser
import scrapy
from incident_timeline.spiders.channel import (
    BadChannel,
    ChannelSpider,
    date_hint,
    plain_text,
    sniff_not_xml,
    xml_error,
)
from scrapy.utils.gz import gzip_magic_number


class FeedSpider(ChannelSpider):
    """Reads one source's RSS or Atom feed (``feed:``) and follows each entry to its page."""

    name = "feed"
    channel = "feed"
    bad_channel = "bad feed"

    def channel_urls(self) -> list[str]:
        return [self.source.feed, *self.source.start_urls]

    async def start(self):
        yield scrapy.Request(self.source.feed, callback=self.parse, errback=self.channel_failed)

    def parse(self, response):
        try:
            entries = self.entries(response)
        except BadChannel as exc:
            self.reject(response.url, str(exc))
            return
        seen = set()
        for entry in entries:
            url = self.entry_url(entry, response)
            if url is None or url in seen:
                continue
            seen.add(url)
            hint, precision = date_hint(
                entry.get("published") or entry.get("updated"),
                entry.get("published_parsed") or entry.get("updated_parsed"),
            )
            if self.before_window(hint):
                self.crawler.stats.inc_value("timeline/feed/entries before window")
                continue
            yield self.page_request(
                url,
                date_hint=hint,
                date_hint_precision=precision,
                title_hint=plain_text(entry.get("title")),
            )

    def entries(self, response) -> list:
        """The feed's entries; BadChannel when it is broken, empty or not a feed."""
        body = self.decompressed_body(response)
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        reason = sniff_not_xml(body, content_type)
        if reason:
            raise BadChannel(f"not a feed: {reason}")
        headers = {"content-location": response.url}
        if content_type and not gzip_magic_number(response):
            headers["content-type"] = content_type
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
        error = xml_error(parsed)
        linked = [e for e in parsed.entries if e.get("link") or e.get("feedburner_origlink")]
        if error and not linked:
            raise BadChannel(f"malformed feed XML: {error}")
        if not parsed.version and not parsed.entries:
            raise BadChannel("not a feed: no RSS or Atom root element")
        if not parsed.entries:
            raise BadChannel("the feed is empty (no entries)")
        if error:
            self.logger.warning(
                "feed of source '%s' at %s is not well-formed (%s); read %d entries anyway",
                self.source.name,
                response.url,
                error,
                len(linked),
            )
        return parsed.entries

    def entry_url(self, entry, response) -> str | None:
        """The entry's page (the original link behind a FeedBurner redirect), if we may fetch it."""
        for candidate in (entry.get("feedburner_origlink"), entry.get("link")):
            if not candidate:
                continue
            url = response.urljoin(candidate.strip())
            if self.may_follow(url):
                return url
            self.crawler.stats.inc_value("timeline/feed/links not followed")
            self.logger.debug("feed link not followed (other host or scheme): %s", url)
        return None
