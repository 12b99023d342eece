"""The spider for a source's archive patterns: its pages as the Wayback Machine captured them.

    sources:  - name: help
                kind: provider
                archive: ["help.example/*", "https://mail.example/login"]

Each pattern is asked of the CDX index over the incident window (UTC, from the window's
local days), page by page with the index's resume key. The rows are metadata and all are
read; every distinct content (one digest of one page) inside the window is then read raw
(``id_``) once, oldest first, one capture after the other for each page (with ``follow``
patterns, only the pages they match, as for a sitemap). The page becomes
ONE document, under its original URL, carrying its latest content, with ``archived_url``,
``captured_at`` and, in ``versions``/``history``, every content read and when each was seen
(pipelines/page_history.py turns the changes into events). An index that cannot be reached
or read is an error naming the source, the pattern and the reason, counted as
``timeline/dropped/bad archive``; the crawl goes on.
"""

from __future__ import annotations

import scrapy
from incident_timeline.archive import (
    Capture,
    CdxError,
    CdxPage,
    by_page,
    capture_moment,
    cdx_query,
    contents_to_read,
    parse_cdx,
    runs_of,
    window_span,
)
from incident_timeline.config import archive_pattern_host
from incident_timeline.moments import to_local_iso
from incident_timeline.spiders.channel import ChannelSpider, failure_reason
from incident_timeline.spiders.wayback import CDX_SLOT, api_meta
from incident_timeline.store import utc_now

STATS = "timeline/archive/"


class ArchiveSpider(ChannelSpider):
    """Reads one source's ``archive`` patterns from the Wayback Machine."""

    name = "archive"
    channel = "archive"
    bad_channel = "bad archive"

    def channel_urls(self) -> list[str]:
        return [f"http://{archive_pattern_host(p)}/" for p in self.source.archive]

    @property
    def span(self):
        return window_span(self.incident)

    async def start(self):
        for pattern in self.source.archive:
            self.crawler.stats.inc_value(STATS + "patterns asked")
            yield self.index_request(pattern)

    def index_request(self, pattern: str, resume_key: str | None = None, held: list | None = None):
        limit = self.crawler.settings.getint("TIMELINE_CDX_PAGE_SIZE", 5000)
        return scrapy.Request(
            cdx_query(self.wayback, pattern, self.span, limit, resume_key),
            callback=self.parse,
            errback=self.index_failed,
            cb_kwargs={"pattern": pattern, "held": held or []},
            meta=api_meta(CDX_SLOT),
        )

    def index_failed(self, failure):
        """The index could not be had (unreachable, 5xx after retries, 404)."""
        reason = failure_reason(failure)
        if reason:
            pattern = failure.request.cb_kwargs.get("pattern")
            self.reject(
                failure.request.url, f"archive index for '{pattern}' cannot be read: {reason}"
            )

    def parse(self, response, pattern: str, held: list):
        stats = self.crawler.stats
        try:
            page = parse_cdx(self.decompressed_index(response))
        except CdxError as exc:
            self.reject(response.url, f"archive index for '{pattern}': {exc}")
            page = CdxPage([])  # the pages held from the answer before are still read
        captures, resume_key = page.captures, page.resume_key
        stats.inc_value(STATS + "captures listed", len(captures))
        start, end = self.span
        inside = [c for c in captures if start <= c.moment <= end]
        stats.inc_value(STATS + "captures outside the window", len(captures) - len(inside))
        readable = [c for c in inside if c.readable()]
        stats.inc_value(STATS + "captures not HTML or not 200", len(inside) - len(readable))
        if self.follow_patterns:
            # As for a sitemap: with `follow`, only the pages it matches are read.
            wanted = [
                c for c in readable if any(p.search(c.original) for p in self.follow_patterns)
            ]
            stats.inc_value(STATS + "captures not matching follow", len(readable) - len(wanted))
            readable = wanted
        pages = by_page([Capture(**c) for c in held] + readable)
        if resume_key:
            # The index is in page order: the last page of this answer may go on in the next one.
            last = captures[-1].page if captures else None
            carried = pages.pop(last, []) if last else []
            yield self.index_request(pattern, resume_key, [vars(c) for c in carried])
        for found in pages.values():
            request = self.history_request(found)
            if request is not None:
                yield request

    def history_request(self, captures: list[Capture]) -> scrapy.Request | None:
        """The first read of one page's history: its distinct contents, oldest first."""
        runs = runs_of(captures)
        limit = self.crawler.settings.getint("TIMELINE_ARCHIVE_MAX_VERSIONS", 40)
        to_read = contents_to_read(runs, limit)
        distinct = len({run.content for run in runs})
        stats = self.crawler.stats
        stats.inc_value(STATS + "captures of a content already read", len(captures) - distinct)
        stats.inc_value(
            STATS + "contents not read (TIMELINE_ARCHIVE_MAX_VERSIONS)", distinct - len(to_read)
        )
        tz = self.incident.timezone
        state = {
            "url": captures[-1].original,
            "runs": [
                [run.content, to_local_iso(run.first.moment, tz), to_local_iso(run.last.moment, tz)]
                for run in runs
            ],
            "queue": [[run.content, run.first.timestamp, run.first.original] for run in to_read],
            "read": {},
        }
        return self.next_capture(state)

    def next_capture(self, state: dict) -> scrapy.Request | None:
        if not state["queue"]:
            return None
        content, timestamp, original = state["queue"].pop(0)
        return self.capture_request(
            timestamp,
            original,
            self.parse_capture,
            self.capture_failed,
            content=content,
            state=state,
        )

    def parse_capture(self, response, content: str, state: dict):
        body = self.raw_body(response)
        if isinstance(body, scrapy.Request):
            yield body
            return
        if body is not None:
            timestamp = response.meta["timeline_capture"]
            article = self.read_capture(response, body, timestamp)
            self.crawler.stats.inc_value(STATS + "captures read")
            state["read"][content] = {
                "article": article.to_dict(),
                "archived_url": response.url,
                "captured_at": to_local_iso(capture_moment(timestamp), self.incident.timezone),
            }
        yield from self.go_on(state)

    def capture_failed(self, failure):
        kwargs = failure.request.cb_kwargs
        self.crawler.stats.inc_value(STATS + "captures that could not be read")
        self.logger.warning(
            "archived capture not read: %s (%s)", failure.request.url, failure.getErrorMessage()
        )
        return list(self.go_on(kwargs["state"]))

    def go_on(self, state: dict):
        """The next capture of the page, or, once all are read, its document."""
        following = self.next_capture(state)
        if following is not None:
            yield following
            return
        document = self.history_document(state)
        if document is not None:
            yield document

    def history_document(self, state: dict) -> dict | None:
        """The page as last seen, with every content read and the runs they were seen in."""
        read = state["read"]
        latest = next(
            (read[content] for content, _, _ in reversed(state["runs"]) if content in read), None
        )
        if latest is None:
            return None
        self.crawler.stats.inc_value(STATS + "pages")
        versions = sorted(
            (
                {
                    "content_hash": content,
                    "captured_at": version["captured_at"],
                    "archived_url": version["archived_url"],
                    "title": version["article"]["title"],
                    "text": version["article"]["text"],
                }
                for content, version in read.items()
            ),
            key=lambda version: version["captured_at"],
        )
        first_seen = state["runs"][0][1]
        return self.item_for(
            latest["article"],
            state["url"],
            {
                "found_via": "archive",
                "archived_url": latest["archived_url"],
                "captured_at": latest["captured_at"],
                "fetched_at": utc_now(),
                # A page that gives no date of its own existed by the day it was first captured.
                "date_hint": first_seen,
                "date_hint_precision": "day",
                "versions": versions,
                "history": [
                    {"content_hash": c, "first": first, "last": last}
                    for c, first, last in state["runs"]
                ],
            },
        )
