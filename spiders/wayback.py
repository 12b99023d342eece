"""Reading pages from the Wayback Machine: raw captures, and the archive as a fallback for 404/410.

Every spider can read a page that is gone from its site (it answers 404 or 410) from the
archive instead: ``gone_request`` asks the CDX index for that exact URL, the capture
nearest the incident window is read raw (``id_``) and stored under the page's own URL,
``found_via = 'archive'``, in the same source as the link. The archive's requests have
their own download slots and limits (``api_meta``) and do not ask the archive's robots.txt.
"""

from __future__ import annotations

import scrapy
from incident_timeline.archive import (
    RAW_CAPTURE,
    CdxError,
    capture_moment,
    capture_url,
    cdx_query,
    is_raw,
    nearest,
    original_of,
    parse_cdx,
    raw_form,
    strip_banner,
    window_span,
)
from incident_timeline.extract import extract_article
from incident_timeline.middlewares import RETRY_WAIT
from incident_timeline.moments import to_local_iso
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number

# Download slots of the APIs (their limits: incident_timeline.crawl.api_download_slots).
CDX_SLOT, WAYBACK_SLOT, GDELT_SLOT = "wayback-cdx", "wayback", "gdelt"
# How long a 429/503 of an API without Retry-After holds that request back (seconds).
API_RETRY_WAIT = {CDX_SLOT: 30.0, WAYBACK_SLOT: 10.0, GDELT_SLOT: 10.0}
# Meta key: this request already is a fallback (a gone capture is never looked up again).
FALLBACK = "timeline_archive_fallback"
REDIRECTS = (301, 302, 303, 307, 308)
# An archive redirects a capture to the nearest one once; more hops are a loop.
MAX_CAPTURE_HOPS = 3
DEFAULT_WAYBACK = "https://web.archive.org"


def api_meta(slot: str, **meta) -> dict:
    """Meta of a request to the archive or GDELT: its own slot and fixed delay, no robots.txt,
    no depth (following a CDX page or a capture is not following a link)."""
    return {
        "download_slot": slot,
        "autothrottle_dont_adjust_delay": True,
        "dont_obey_robotstxt": True,
        "depth_reset": True,
        RETRY_WAIT: API_RETRY_WAIT[slot],
        **meta,
    }


def gone(failure) -> bool:
    """True when a page answered 404 or 410."""
    return failure.check(HttpError) is not None and failure.value.response.status in (404, 410)


class WaybackReading:
    """Mixin of SourceSpider: read raw captures, and fall back on the archive for gone pages."""

    @property
    def wayback(self) -> str:
        return (self.crawler.settings.get("TIMELINE_WAYBACK_URL") or DEFAULT_WAYBACK).rstrip("/")

    def archive_hosts(self) -> list[str]:
        from incident_timeline.spiders.base import host_of

        return [host_of(self.wayback)]

    def falls_back(self) -> bool:
        """Whether a gone page of this spider is looked up in the archive.

        ``TIMELINE_ARCHIVE_FALLBACK`` True or False decides; unset, yes for a source that reads
        the archive, for discovered articles, and for every source when the run names its archive
        (``-s TIMELINE_WAYBACK_URL=…``): a crawl that never asked for the archive never calls it.
        """
        settings = self.crawler.settings
        forced = settings.get("TIMELINE_ARCHIVE_FALLBACK")
        if forced not in (None, ""):
            return settings.getbool("TIMELINE_ARCHIVE_FALLBACK")
        named = (settings.getpriority("TIMELINE_WAYBACK_URL") or 0) > SETTINGS_PRIORITIES["project"]
        return bool(self.source.archive) or self.channel == "discovery" or named

    def gone_request(self, failure, hints: dict | None = None) -> scrapy.Request | None:
        """The archive lookup for a page that answered 404/410, or None."""
        request = failure.request
        hints = dict(hints or {})
        if not gone(failure) or request.meta.get(FALLBACK) or not self.falls_back():
            return None
        self.crawler.stats.inc_value("timeline/archive/gone pages looked up")
        return scrapy.Request(
            cdx_query(self.wayback, request.url),
            callback=self.parse_gone_index,
            errback=self.gone_lookup_failed,
            cb_kwargs={"url": request.url, "hints": hints},
            meta=api_meta(CDX_SLOT, **{FALLBACK: True}),
        )

    def parse_gone_index(self, response, url: str, hints: dict):
        try:
            captures = parse_cdx(self.decompressed_index(response)).captures
        except CdxError as exc:
            self.archive_error(response.url, f"archive index for gone page {url}: {exc}")
            return
        capture = nearest(captures, window_span(self.incident))
        if capture is None:
            self.crawler.stats.inc_value("timeline/archive/gone pages not archived")
            self.logger.info("page gone and not in the archive: %s", url)
            return
        yield self.capture_request(
            capture.timestamp,
            capture.original,
            self.parse_gone_capture,
            self.gone_lookup_failed,
            url=url,
            hints=hints,
        )

    def parse_gone_capture(self, response, url: str, hints: dict):
        body = self.raw_body(response)
        if body is None:
            return
        if isinstance(body, scrapy.Request):
            yield body
            return
        timestamp = response.meta["timeline_capture"]
        article = self.read_capture(response, body, timestamp)
        if article is None:
            return
        self.crawler.stats.inc_value("timeline/archive/gone pages recovered")
        item = self.item_for(
            article.to_dict(),
            url,
            {
                **hints,
                "found_via": "archive",
                "archived_url": response.url,
                "captured_at": to_local_iso(capture_moment(timestamp), self.incident.timezone),
            },
        )
        if item is not None:
            yield item

    def gone_lookup_failed(self, failure):
        self.crawler.stats.inc_value("timeline/archive/gone pages not recovered")
        self.logger.warning(
            "archive lookup failed for %s: %s", failure.request.url, failure.getErrorMessage()
        )

    # -- raw captures -------------------------------------------------------------------------

    def capture_request(
        self, timestamp: str, original: str, callback, errback, **cb_kwargs
    ) -> scrapy.Request:
        # Redirects are followed here, not by Scrapy: only to a capture's raw (id_) form.
        return scrapy.Request(
            capture_url(self.wayback, timestamp, original),
            callback=callback,
            errback=errback,
            cb_kwargs=cb_kwargs,
            meta=api_meta(
                WAYBACK_SLOT,
                timeline_capture=timestamp,
                dont_redirect=True,
                handle_httpstatus_list=list(REDIRECTS),
                **{FALLBACK: True},
            ),
        )

    def raw_body(self, response):
        """The capture as archived: bytes; or the request for the raw (``id_``) form of the capture
        the archive redirected to (the archive's replay, with its banner, is never read); or None
        when it cannot be had (logged, counted)."""
        if response.status in REDIRECTS:
            location = response.headers.get(b"Location", b"").decode("latin-1")
            raw = raw_form(response.urljoin(location)) if location else None
            hops = response.meta.get("timeline_capture_hops", 0)
            if raw and raw != response.url and hops < MAX_CAPTURE_HOPS:
                timestamp = RAW_CAPTURE.search(raw).group(1)
                meta = {
                    **response.meta,
                    "timeline_capture_hops": hops + 1,
                    "timeline_capture": timestamp,
                }
                return response.request.replace(url=raw, meta=meta, dont_filter=True)
            self.archive_error(
                response.url,
                f"the archive did not give the raw capture (redirected to {location or 'nowhere'})",
            )
            return None
        if not is_raw(response.url):
            self.archive_error(
                response.url, "the archive did not give the raw capture (no id_ form)"
            )
            return None
        if not self.is_html(response):
            self.not_html(response)
            return None
        return strip_banner(response.body)

    def read_capture(self, response, body: bytes, timestamp: str):
        """The capture's article, read as of its capture time (for "ieri", "2 ore fa")."""
        original = original_of(response.url)
        moment = capture_moment(timestamp).astimezone(self.incident.tz)
        return extract_article(
            body,
            original,
            timezone=self.incident.timezone,
            http_charset=self.http_charset(response),
            now=moment,
        )

    def decompressed_index(self, response) -> bytes:
        """The index answer's bytes (gunzipped when the archive sent gzip without saying so)."""
        if gzip_magic_number(response):
            try:
                return gunzip(
                    response.body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
                )
            except (ValueError, OSError, EOFError) as exc:
                raise CdxError(f"gzip data that cannot be decompressed ({exc})") from exc
        return response.body

    def archive_error(self, url: str, reason: str) -> None:
        """A clear, counted error about the archive; the crawl goes on."""
        self.crawler.stats.inc_value("timeline/dropped/bad archive")
        self.logger.error("source '%s': %s (%s)", self.source.name, reason, url)
