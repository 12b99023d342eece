"""Downloader middlewares that make a crawl survive a faulty web (see docs/RELIABILITY.md).

- ``RetryAfterMiddleware`` replaces Scrapy's RetryMiddleware: a retried 429/503 that says
  ``Retry-After`` waits that long (capped by ``RETRY_AFTER_MAX``, default 60 s) before the
  retry goes out, without blocking the reactor.
- ``FaultStats`` names the faults a person reads in the crawl summary (redirect loops,
  pages cut off by DOWNLOAD_MAXSIZE, timeouts, resets) as ``timeline/fault/<kind>`` stats.
- ``OneLineDownloadErrors`` logs a page that could not be downloaded in one line, not a
  traceback: a timeout on the web is news, not a bug.
- ``HostLimit`` holds every download slot (a host, or an API's own slot) to its concurrency,
  robots.txt included: Scrapy 2.19 on the asyncio reactor does not when there is no delay.
- ``ConditionalRefetch``: in the later rounds of ``timeline crawl --watch``, a page already
  stored is asked with If-Modified-Since; a 304 (unchanged) ends there.
- ``CountedDepth`` is Scrapy's DepthMiddleware that also counts the links it drops beyond
  ``DEPTH_LIMIT`` (``timeline/depth/links not followed``), for the crawl summary.

Resuming after kill -9 (the request journal) lives in timeline/journal.py.

    DOWNLOADER_MIDDLEWARES = {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "incident_timeline.middlewares.RetryAfterMiddleware": 550,
    }
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import sqlite3

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.spidermiddlewares.depth import DepthMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet.defer import DeferredSemaphore
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER_MAX = 60.0
# Meta key: seconds to wait before retrying a 429/503 that names no Retry-After (the APIs'
# requests set it: the archive blocks clients that keep asking through its 429s).
RETRY_WAIT = "timeline_retry_wait"


def retry_after_seconds(
    value: bytes | str | None, cap: float = DEFAULT_RETRY_AFTER_MAX, now: dt.datetime | None = None
) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), within ``[0, cap]``.

    >>> retry_after_seconds(b"120", cap=60)
    60.0
    """
    if value is None:
        return 0.0
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if not value:
        return 0.0
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return 0.0
        if when is None:
            return 0.0
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return 0.0
    return max(0.0, min(float(cap), seconds))


async def wait(seconds: float) -> None:
    """Sleep on the reactor (other downloads go on meanwhile)."""
    from twisted.internet import reactor

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, but a response that says ``Retry-After`` is retried only after that wait.

    Only this request waits; the rest of the crawl goes on. ``RETRY_AFTER_MAX`` caps the wait
    (a server asking for an hour gets a retry after the cap, then RETRY_TIMES gives up).
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX)

    async def process_response(self, request, response):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = get_retry_request(
            request, spider=self.crawler.spider, reason=response_status_message(response.status)
        )
        if retry is None:
            return response
        seconds = retry_after_seconds(response.headers.get(b"Retry-After"), cap=self.max_wait)
        if not seconds and response.status in (429, 503):
            seconds = min(float(request.meta.get(RETRY_WAIT, 0.0)), self.max_wait)
        if seconds > 0:
            stats = self.crawler.stats
            stats.inc_value("timeline/fault/waited for Retry-After")
            stats.inc_value("timeline/retry_after/seconds", int(round(seconds)))
            logger.info(
                "%s answered %s with Retry-After: waiting %.1f s before retrying",
                request.url,
                response.status,
                seconds,
            )
            await wait(seconds)
        return retry


# Exception class name → what a person calls that fault in the summary.
FAULT_NAMES = {
    "TimeoutError": "timeout",
    "DownloadTimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "ConnectionLost": "connection reset",
    "ConnectionDone": "connection reset",
    "ConnectionRefusedError": "connection refused",
    "ResponseFailed": "connection reset",
    "ResponseNeverReceived": "connection reset",
    "ConnectError": "cannot connect",
    "DNSLookupError": "unknown host",
    "CannotResolveHostError": "unknown host",
    "DownloadConnectionRefusedError": "connection refused",
    "DownloadFailedError": "connection reset",
    "DownloadCancelledError": "too large (DOWNLOAD_MAXSIZE)",
    "CancelledError": "too large (DOWNLOAD_MAXSIZE)",
    "ResponseDataLossError": "truncated response",
    "PotentialDataLoss": "truncated response",
    "UnsupportedURLSchemeError": "unsupported URL scheme",
}


class FaultStats:
    """Counts faults by kind (``timeline/fault/<kind>``) for the crawl summary; changes nothing."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.max_redirects = crawler.settings.getint("REDIRECT_MAX_TIMES")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        stats = self.crawler.stats
        if 300 <= response.status < 400 and b"Location" in response.headers:
            seen = request.meta.get("redirect_urls") or []
            target = response.urljoin(response.headers[b"Location"].decode("latin-1"))
            if target in seen or target == request.url:
                stats.inc_value("timeline/fault/redirect loop")
            elif len(seen) >= self.max_redirects:
                stats.inc_value("timeline/fault/too many redirects")
        elif response.status in (404, 410):
            stats.inc_value("timeline/fault/gone (404/410)")
        return response

    def process_exception(self, request, exception):
        name = type(exception).__name__
        if isinstance(exception, IgnoreRequest):  # a decision (robots.txt, offsite), not a fault
            return None
        if "download max size" in str(exception) or "larger than download max size" in str(
            exception
        ):
            kind = "too large (DOWNLOAD_MAXSIZE)"
        else:
            kind = FAULT_NAMES.get(name, name)
        self.crawler.stats.inc_value(f"timeline/fault/{kind}")
        return None


class OneLineDownloadErrors(logging.Filter):
    """Extension: "Error downloading <GET …>: DownloadTimeoutError: …" in one line, without the
    traceback."""

    LOGGER = "scrapy.core.scraper"

    @classmethod
    def from_crawler(cls, crawler):
        instance = cls()
        logger_ = logging.getLogger(cls.LOGGER)
        if not any(isinstance(f, cls) for f in logger_.filters):
            logger_.addFilter(instance)
        return instance

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and str(record.msg).startswith("Error downloading"):
            record.msg = f"{record.msg}: {type(exc).__name__}: {exc}"
            record.exc_info = None
            record.exc_text = None
        return True


class HostLimit:
    """At most ``CONCURRENT_REQUESTS_PER_DOMAIN`` requests in flight per host (per download slot:
    ``DOWNLOAD_SLOTS`` gives the APIs their own), counted before the downloader.

    Scrapy's slot should do it, but on the asyncio reactor with no download delay its queue
    starts every waiting request at once (a request counts as transferring only once its
    task runs). Placed last before the downloader: robots.txt and offsite decisions come
    first, a response or error releases the place before a retry or redirect is scheduled.
    """

    HELD = "timeline_host_place"

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        # As the downloader sizes a slot: per IP when that is set, else per domain.
        self.default = settings.getint("CONCURRENT_REQUESTS_PER_IP") or settings.getint(
            "CONCURRENT_REQUESTS_PER_DOMAIN"
        )
        self.per_slot = {
            key: int(value.get("concurrency", self.default))
            for key, value in settings.getdict("DOWNLOAD_SLOTS").items()
        }
        self.places: dict[str, DeferredSemaphore] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def slot_of(self, request) -> str:
        return self.crawler.engine.downloader.get_slot_key(request)

    async def process_request(self, request):
        key = self.slot_of(request)
        places = self.places.get(key)
        if places is None:
            size = max(1, self.per_slot.get(key, self.default))
            places = self.places[key] = DeferredSemaphore(size)
        await maybe_deferred_to_future(places.acquire())
        request.meta[self.HELD] = key
        return None

    def release(self, request) -> None:
        key = request.meta.pop(self.HELD, None)
        if key is not None:
            self.places[key].release()

    def process_response(self, request, response):
        self.release(request)
        return response

    def process_exception(self, request, exception):
        self.release(request)
        return None


class ConditionalRefetch:
    """Later rounds of ``timeline crawl --watch``: only the pages that changed are read again.

    A page already stored for the incident is asked with ``If-Modified-Since`` its last fetch;
    a 304 means unchanged and ends there (``timeline/watch/unchanged (304)``). A server that
    ignores the header answers 200 and the page is read as usual. Fronts, feeds, status pages
    and discovery are never stored documents: they are always read again.
    """

    ASKED = "timeline_if_modified_since"

    def __init__(self, crawler):
        self.crawler = crawler
        self.fetched: dict[str, str] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.getint("TIMELINE_WATCH_ROUND", 1) <= 1 or not settings.get("TIMELINE_DB"):
            raise NotConfigured
        return cls(crawler)

    def spider_opened(self, spider):
        path = self.crawler.settings.get("TIMELINE_DB")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                found = conn.execute(
                    "select url, last_fetched from documents where incident = ?",
                    [spider.incident.slug],
                ).fetchall()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            logger.warning(
                "watch: cannot read what the last rounds stored (%s); every page is read again", exc
            )
            return
        for url, last_fetched in found:
            try:
                when = dt.datetime.fromisoformat(last_fetched)
            except (TypeError, ValueError):
                continue
            utc = when.astimezone(dt.UTC)
            self.fetched[url] = email.utils.format_datetime(utc, usegmt=True)

    def process_request(self, request):
        since = self.fetched.get(request.url)
        if since and request.method == "GET" and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = since
            request.meta[self.ASKED] = True
        return None

    def process_response(self, request, response):
        if response.status == 304 and request.meta.get(self.ASKED):
            self.crawler.stats.inc_value("timeline/watch/unchanged (304)")
            raise IgnoreRequest(f"unchanged since the last round: {request.url}")
        return response


class CountedDepth(DepthMiddleware):
    """Scrapy's DepthMiddleware (same settings), which also counts the links it does not follow.

    A link counts when it lies beyond ``DEPTH_LIMIT`` and no shorter path reached it: the
    stat ``timeline/depth/links not followed`` is the number of such distinct URLs, and
    ``timeline/depth/limit`` the limit, so the summary can say which setting to raise.
    """

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        middleware.followed: set[str] = set()
        middleware.beyond: set[str] = set()
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider):
        if self.maxdepth:
            self.stats.set_value("timeline/depth/limit", self.maxdepth)

    def get_processed_request(self, request, response):
        processed = super().get_processed_request(request, response)
        if processed is not None:
            self.followed.add(request.url)
            if request.url in self.beyond:
                self.beyond.discard(request.url)
                self.report()
        elif (
            response is not None
            and request.url not in self.followed
            and request.url not in self.beyond
        ):
            # None from DepthMiddleware means exactly one thing: too deep.
            self.beyond.add(request.url)
            self.report()
        return processed

    def report(self) -> None:
        self.stats.set_value("timeline/depth/links not followed", len(self.beyond))
