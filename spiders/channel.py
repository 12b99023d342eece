"""What the spiders of machine-readable channels share (feeds, news sitemaps, status-page APIs).

``ChannelSpider`` rejects a bad channel with a clear, counted error and goes on; it
decompresses gzip bodies, turns channel dates into date hints for the pages it leads to,
and skips pages a channel already dates before the incident window.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import timegm

import feedparser
import scrapy
from incident_timeline.fingerprints import SCOPE
from incident_timeline.moments import parse_moment
from incident_timeline.spiders.base import SourceSpider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number
from w3lib.html import remove_tags, replace_entities

DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
# A channel date this far before the window start cannot belong to a page inside it.
WINDOW_SLACK = dt.timedelta(days=1)


class BadChannel(Exception):
    """A feed, sitemap or API answer that cannot be read; the message says why."""


def failure_reason(failure) -> str | None:
    """Why a channel request failed, in words; None when Scrapy already counted it (robots.txt,
    offsite)."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return None
    return f"could not fetch it: {failure.value.__class__.__name__}: {failure.getErrorMessage()}"


def sniff_not_xml(body: bytes, content_type: str = "") -> str | None:
    """Why ``body`` cannot be an XML feed or sitemap (empty, binary, JSON, HTML), or None if it
    might be."""
    head = body[:1024].lstrip()
    if not head:
        return "the response is empty"
    if not head.startswith(
        (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
    ):  # UTF-16 has NULs, and is text
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if b"\x00" in head or controls > len(head) // 10:
            return "binary data, not XML"
    lowered = head.lower().lstrip(b"\xef\xbb\xbf")
    if "json" in content_type.lower() or lowered.startswith((b"{", b"[")):
        return "JSON, not XML"
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:300]:
        return "an HTML page, not XML"
    return None


def xml_error(parsed) -> str | None:
    """feedparser's complaint about a feed's XML, ignoring the harmless ones (missing Content-Type,
    charset override)."""
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is None or isinstance(error, feedparser.ThingsNobodyCaresAboutButMe):
        return None
    return str(error) or error.__class__.__name__


def date_hint(raw: str | None, parsed=None) -> tuple[str | None, str | None]:
    """(ISO 8601 date hint, precision) from a channel's date; ``parsed`` is feedparser's UTC
    struct_time.

    ``date_hint("2023-01-24")`` → ``("2023-01-24", "day")``: a date alone stays a day, so the
    page is not pinned to midnight. Unreadable dates give ``(None, None)``.
    """
    if raw and DATE_ONLY.match(raw):
        return raw.strip(), "day"
    if parsed:
        moment = dt.datetime.fromtimestamp(timegm(parsed), dt.UTC)
        return moment.isoformat(timespec="seconds"), None
    if raw and parse_moment(raw) is not None:
        return raw.strip(), None
    return None, None


def plain_text(value: str | None) -> str | None:
    """A channel's title as plain text (some feeds put markup or entities in titles)."""
    if not value:
        return None
    text = " ".join(replace_entities(remove_tags(value)).split())
    return text or None


class ChannelSpider(SourceSpider):
    """Base for spiders reading a machine-readable channel of a source (feed, sitemap, API)."""

    #: the reason counted under ``timeline/dropped/`` when the channel cannot be read
    bad_channel = "bad channel"

    def reject(self, url: str, reason: str) -> None:
        """Log a clear error naming source, URL and reason, and count it; the crawl goes on."""
        self.crawler.stats.inc_value(f"timeline/dropped/{self.bad_channel}")
        self.logger.error(
            "%s of source '%s' at %s cannot be used: %s",
            self.bad_channel,
            self.source.name,
            url,
            reason,
        )

    def channel_failed(self, failure):
        """Errback of a channel request: a 404, a timeout, a refused connection."""
        reason = failure_reason(failure)
        if reason:
            self.reject(failure.request.url, reason)

    def page_failed(self, failure):
        """Errback of a page found through the channel: read from the archive when it is gone
        (404/410, spiders/wayback.py), else logged; the channel goes on."""
        lookup = self.gone_request(failure, failure.request.cb_kwargs.get("hints"))
        if lookup is not None:
            return [lookup]
        reason = failure_reason(failure)
        if reason:
            self.logger.warning(
                "page listed by source '%s' not fetched: %s (%s)",
                self.source.name,
                failure.request.url,
                reason,
            )

    def decompressed_body(self, response: Response) -> bytes:
        """The body, gunzipped if gzip data (``.xml.gz`` served without Content-Encoding)."""
        if not gzip_magic_number(response):
            return response.body
        max_size = response.meta.get(
            "download_maxsize", self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        )
        try:
            return gunzip(response.body, max_size=max_size)
        except ValueError as exc:  # _DecompressionMaxSizeExceeded is a ValueError
            raise BadChannel(f"larger than DOWNLOAD_MAXSIZE once decompressed ({exc})") from exc
        except (OSError, EOFError) as exc:
            raise BadChannel(f"gzip data that cannot be decompressed ({exc})") from exc

    def before_window(self, hint: str | None) -> bool:
        """True when a channel date proves the page was published before the incident window."""
        start = self.incident.window_start
        moment = parse_moment(hint, self.incident.timezone) if hint else None
        if not (start and moment):
            return False
        return moment.date() < start - WINDOW_SLACK

    def page_request(self, url: str, meta: dict | None = None, **hints) -> scrapy.Request:
        """A page the channel lists; read once by this channel even if another channel read it
        (its hints, a date above all, would be lost: timeline/fingerprints.py)."""
        return scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            cb_kwargs={"hints": hints},
            meta={SCOPE: self.name, **(meta or {})},
        )

    def parse_page(self, response, hints: dict):
        document = self.document_from(response, found_via=self.channel, **hints)
        if document is not None:
            yield document
