"""Resuming a crawl after kill -9: the crash-safe request journal (see docs/RELIABILITY.md).

``CrashSafeJobDir`` + ``JournalScheduler`` make ``-s JOBDIR=…`` resume after a kill -9:
Scrapy writes its queue only on a clean stop, so the crawl also appends every accepted
request, and every request done (response processed, its documents committed), to
``requests.journal``; after a crash the stale Scrapy state is thrown away, the duplicate
filter is rebuilt from the journal and what was not done is queued again.

Everything it listens to is public: the scheduler's ``enqueue_request``, Scrapy's item
signals, and two signals of this project's own: the incident spider (spiders/incident.py),
which calls every callback and errback itself, says when a response's output has all been
handed over (``response_processed``) and which items it yielded (``item_yielded``); the
store says which documents wait for a commit and which were committed.

    SCHEDULER = "incident_timeline.journal.JournalScheduler"
    EXTENSIONS = {"incident_timeline.journal.CrashSafeJobDir": 0}
"""

from __future__ import annotations

import base64
import json
import logging
import pickle
import shutil
from collections import Counter
from pathlib import Path

from scrapy import signals
from scrapy.core.scheduler import Scheduler
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import load_object
from scrapy.utils.request import request_from_dict
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


# -- kill -9 and JOBDIR: the crash-safe request journal ------------------------------------------
#
# Sent by pipelines.store.StoreDocument, so the journal knows when a page's documents are in
# the database (the store commits in batches, some time after a page was processed).
document_buffered = object()  # item=: a document waiting for the next batch commit
documents_saved = (
    object()
)  # items=: documents just committed (or given up on, logged as a store error)
# Sent by spiders.incident.IncidentSpider, which calls every callback and errback itself.
item_yielded = object()  # item=, request=: an item the response of request yielded
response_processed = object()  # request=: every request its response (or failure) yielded is
#                                scheduled, every item handed to the pipelines

# Tags of the JSON encoding of serialised requests: what plain JSON would lose (bytes bodies and
# headers, sets and tuples in cb_kwargs, non-string keys) round-trips exactly.
_TAGS = ("__bytes__", "__set__", "__tuple__", "__items__", "__pickle__")


def journal_encode(value):
    """``request.to_dict()`` → JSON-safe value (bytes, sets, tuples, non-str keys tagged)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (bytes, bytearray)):
        return {"__bytes__": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, list):
        return [journal_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple__": [journal_encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"__set__": [journal_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and not any(k in _TAGS for k in value):
            return {k: journal_encode(v) for k, v in value.items()}
        return {"__items__": [[journal_encode(k), journal_encode(v)] for k, v in value.items()]}
    # Anything else a spider put in meta: pickled, as Scrapy's own disk queue does (raises if it
    # can't).
    return {"__pickle__": base64.b64encode(pickle.dumps(value, protocol=4)).decode("ascii")}


def journal_decode(value):
    """The inverse of ``journal_encode``."""
    if isinstance(value, list):
        return [journal_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "__bytes__":
            return base64.b64decode(inner)
        if tag == "__tuple__":
            return tuple(journal_decode(v) for v in inner)
        if tag == "__set__":
            return {journal_decode(v) for v in inner}
        if tag == "__items__":
            return {journal_decode(k): journal_decode(v) for k, v in inner}
        if tag == "__pickle__":
            # Our own job folder's data, pickled as Scrapy's disk queue pickles requests.
            return pickle.loads(base64.b64decode(inner))  # noqa: S301
    return {k: journal_decode(v) for k, v in value.items()}


class RequestJournal:
    """An append-only log, in the job folder, of what a crawl has to do and what it has done.

    One JSON object per line, flushed to the OS after each line (a killed process loses
    nothing the OS has; a torn last line is skipped when read back)::

        {"accepted": FP, "url": URL, "request": {... request.to_dict(spider=spider) ...}}
        {"done": FP, "url": URL}

    ``FP`` is the request fingerprint, the one the duplicate filter uses. A request is
    *accepted* when the scheduler takes it (not filtered as a duplicate); it is *done* when its
    response (or download error) has been fully processed — every request it yielded accepted,
    every document it yielded committed to the database. Accepting the same fingerprint again
    (a retry, a ``dont_filter`` request) makes it pending again and keeps the newest request
    (a retry carries its retry count). What is accepted and not done is what a crash lost.
    """

    FILE = "requests.journal"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        #: fingerprint → newest accepted request (serialised), as read from the file
        self.requests: dict[str, dict] = {}
        #: fingerprint → URL of every accepted request not yet done (kept up to date while writing)
        self.pending: dict[str, str] = {}
        self.done_count = 0
        self.torn_lines = 0
        self.file = None
        self.load()

    def load(self) -> None:
        """Read the journal left by previous runs (if any)."""
        self.requests.clear()
        self.pending.clear()
        self.done_count = 0
        self.torn_lines = 0
        if not self.path.exists():
            return
        with self.path.open("r", encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    if "accepted" in entry:
                        fp = entry["accepted"]
                        self.requests[fp] = entry["request"]
                        self.pending[fp] = entry.get("url") or entry["request"].get("url", "")
                    elif "done" in entry:
                        if self.pending.pop(entry["done"], None) is not None:
                            self.done_count += 1
                except (ValueError, KeyError, TypeError, AttributeError):
                    self.torn_lines += 1  # a line cut by the kill: its request is simply not done

    @property
    def seen(self) -> list[dict]:
        """Every request ever accepted (serialised): the duplicate filter's memory."""
        return [journal_decode(r) for r in self.requests.values()]

    @property
    def to_resume(self) -> list[dict]:
        """Accepted and not done (serialised), in the order they were first accepted."""
        return [journal_decode(self.requests[fp]) for fp in self.pending if fp in self.requests]

    def open(self) -> RequestJournal:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        needs_newline = (
            self.path.exists()
            and self.path.stat().st_size > 0
            and self.path.read_bytes()[-1:] != b"\n"
        )
        self.file = self.path.open("a", encoding="utf-8")
        if needs_newline:  # the last line was cut by a kill: start ours on a line of its own
            self.write_line("")
        return self

    def forget_requests(self) -> None:
        """The serialised requests are only needed to resume; from then on, fingerprints and URLs
        do."""
        self.requests.clear()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def write_line(self, text: str) -> None:
        self.file.write(text + "\n")
        self.file.flush()  # into the OS: survives kill -9 (not a power cut: no fsync)

    def accepted(self, fp: str, request_dict: dict) -> None:
        line = json.dumps(
            {
                "accepted": fp,
                "url": request_dict.get("url"),
                "request": journal_encode(request_dict),
            },
            separators=(",", ":"),
        )
        self.pending[fp] = request_dict.get("url") or ""
        self.write_line(line)

    def done(self, fp: str) -> bool:
        """Mark ``fp`` done; False if it was not pending (unknown, or done already)."""
        url = self.pending.pop(fp, None)
        if url is None:
            return False
        self.done_count += 1
        self.write_line(json.dumps({"done": fp, "url": url}, separators=(",", ":")))
        return True

    def done_url(self, url: str) -> int:
        """Mark done every pending request for ``url`` (a redirect's source, once its target is
        accepted)."""
        return sum(self.done(fp) for fp in [fp for fp, u in self.pending.items() if u == url])


class JournalScheduler(Scheduler):
    """Scrapy's scheduler, which also writes the request journal of ``CrashSafeJobDir`` (with
    JOBDIR).

    Without JOBDIR (or with ``TIMELINE_REQUEST_JOURNAL=False``) it is exactly Scrapy's scheduler.
    After a crash it rebuilds the duplicate filter from the journal and re-enqueues the
    requests that were accepted and not done.
    """

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        owner = CrashSafeJobDir.of(crawler)
        scheduler.jobdir_owner = owner if owner is not None and owner.journal is not None else None
        return scheduler

    def open(self, spider):
        opened = super().open(spider)
        if self.jobdir_owner is None or self.jobdir_owner.mode != "resumed":
            return opened
        if isinstance(opened, Deferred):
            return opened.addCallback(lambda result: (self.resume(spider), result)[1])
        self.resume(spider)
        return opened

    def resume(self, spider) -> None:
        """After a crash: the duplicate filter learns every journaled request; the pending ones are
        queued."""
        journal = self.jobdir_owner.journal
        unreadable = queued = 0
        for data in journal.to_resume:
            try:
                request = request_from_dict(data, spider=spider)
            except Exception as exc:
                unreadable += 1
                logger.warning(
                    "cannot resume %s (%s): it will not be fetched", data.get("url"), exc
                )
                continue
            # Scrapy's own enqueue (already journaled as accepted): queued, and seen by the filter.
            queued += bool(Scheduler.enqueue_request(self, request))
        for data in journal.seen:
            try:
                self.df.request_seen(request_from_dict(data, spider=spider))
            except Exception:  # a callback renamed since: that page may be found and fetched again
                unreadable += 1
        journal.forget_requests()
        self.stats.set_value("timeline/journal/resumed requests", queued)
        if unreadable:
            self.stats.set_value("timeline/journal/unreadable requests", unreadable)

    def enqueue_request(self, request) -> bool:
        accepted = super().enqueue_request(request)
        if self.jobdir_owner is not None:
            if accepted:
                self.jobdir_owner.request_accepted(request)
            if request.meta.get("redirect_urls"):
                # The redirect's source is settled once its target is journaled (accepted now, or
                # accepted before: the duplicate filter refused it). Written after the target.
                self.jobdir_owner.request_redirected(request)
        return accepted


class CrashSafeJobDir:
    """With JOBDIR: resume a crawl that did not stop cleanly (kill -9) from its request journal.

    Scrapy saves its request queue only when the spider closes; after kill -9 the job folder
    holds a seen-requests list without the queue that went with it. A ``crawl.running``
    marker, removed on a clean close, tells the two cases apart:

    - clean stop (Ctrl-C once, SIGTERM) or finished crawl: Scrapy's queue and seen list are
      valid and used as they are; the journal goes on being written.
    - crash: Scrapy's stale state is thrown away; ``JournalScheduler`` rebuilds the duplicate
      filter from the journal and re-enqueues what was accepted and not done. Pages whose
      documents were committed are not fetched again. Without a usable journal (killed before
      any request, or ``TIMELINE_REQUEST_JOURNAL=False``) the crawl starts over instead.

    Done-marking (see docs/RELIABILITY.md): a request is done when its response (or failure)
    has been processed — every request it yielded went through the scheduler
    (``response_processed``) and every item it yielded went through the pipelines
    (``item_scraped``, ``item_dropped``, ``item_error``) — AND the documents it yielded are
    committed (``documents_saved`` from the batching store). A redirect's source is done when
    its target is accepted; a retry is the same fingerprint as the request it retries.
    """

    MARKER = "crawl.running"
    STATE = ("requests.seen", "requests.queue", "spider.state")

    def __init__(self, crawler, jobdir: Path, journaling: bool = True):
        self.crawler = crawler
        self.jobdir = jobdir
        self.fingerprinter = crawler.request_fingerprinter
        self.journal: RequestJournal | None = None
        #: fresh (new folder) · clean (after a clean stop) ·
        #: resumed (after a crash, from the journal)
        #: · restarted (after a crash, without a journal: from scratch)
        self.mode = "fresh"
        jobdir.mkdir(parents=True, exist_ok=True)
        unclean = (jobdir / self.MARKER).exists()
        journal_path = jobdir / RequestJournal.FILE
        if journaling:
            self.journal = RequestJournal(journal_path)
        if unclean:
            self.discard_stale_state()
            if self.journal is not None and self.journal.requests:
                self.mode = "resumed"
                logger.warning(
                    "%s: the previous crawl did not stop cleanly (killed?); resuming from its "
                    "request journal: %d requests to do again, %d done are not fetched again",
                    jobdir,
                    len(self.journal.pending),
                    self.journal.done_count,
                )
            else:
                self.mode = "restarted"
                journal_path.unlink(missing_ok=True)
                if self.journal is not None:
                    self.journal.load()
                logger.warning(
                    "%s: the previous crawl did not stop cleanly (killed?) and left no request "
                    "journal, so this crawl starts over"
                    " (stored documents are updated, not doubled)",
                    jobdir,
                )
        elif journal_path.exists() or any((jobdir / name).exists() for name in self.STATE):
            self.mode = "clean"
        (jobdir / self.MARKER).write_text("a crawl is using this job folder\n")
        if self.journal is not None:
            self.journal.open()
            if self.mode != "resumed":
                self.journal.forget_requests()
        # Done-marking: id(item) → the fingerprint of the page that yielded it, while it is pending.
        self.owner: dict[int, str] = {}
        self.in_pipelines: Counter = Counter()  # fingerprint → its items not through the pipelines
        self.uncommitted: Counter = Counter()  # fingerprint → its documents not committed yet
        self.buffered: set[int] = set()  # id(item): waiting in the store for a commit
        self.through: set[int] = set()  # id(item): out of the pipelines
        self.processed: set[str] = set()  # output handed over, waiting for its items
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        if self.journal is not None:
            for handler, signal in (
                (self.item_yielded, item_yielded),
                (self.response_processed, response_processed),
                (self.document_buffered, document_buffered),
                (self.documents_saved, documents_saved),
                (self.item_through, signals.item_scraped),
                (self.item_through, signals.item_dropped),
                (self.item_through, signals.item_error),
            ):
                crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        jobdir = settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured
        return cls(crawler, Path(jobdir), journaling=cls.journal_supported(settings))

    @staticmethod
    def journal_supported(settings) -> bool:
        """The journal needs our scheduler (it writes what is accepted)."""
        if not settings.getbool("TIMELINE_REQUEST_JOURNAL", True):
            return False
        try:
            scheduler = load_object(settings["SCHEDULER"])
        except (ImportError, ValueError, NameError, AttributeError):
            return False
        return isinstance(scheduler, type) and issubclass(scheduler, JournalScheduler)

    @classmethod
    def of(cls, crawler) -> CrashSafeJobDir | None:
        extensions = getattr(crawler, "extensions", None)
        for extension in getattr(extensions, "middlewares", ()):
            if isinstance(extension, cls):
                return extension
        return None

    def discard_stale_state(self) -> None:
        for name in self.STATE:
            target = self.jobdir / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()

    def fingerprint(self, request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    # -- what the scheduler tells us ---------------------------------------------------------

    def request_accepted(self, request) -> None:
        spider = self.crawler.spider
        try:
            data = request.to_dict(spider=spider)
            self.journal.accepted(self.fingerprint(request), data)
        except Exception as exc:  # callback not a spider method, unpicklable meta
            self.crawler.stats.inc_value("timeline/journal/unserializable")
            logger.warning(
                "request not journaled (a crash would lose it): %s (%s)", request.url, exc
            )
            return
        self.crawler.stats.inc_value("timeline/journal/accepted")

    def request_redirected(self, request) -> None:
        source = request.meta["redirect_urls"][-1]
        self.journal.done_url(source)

    # -- done-marking -------------------------------------------------------------------------

    def spider_opened(self, spider):
        stats = self.crawler.stats
        if self.mode == "resumed":
            stats.set_value("timeline/fault/resumed after a crash", 1)
        elif self.mode == "restarted":
            stats.set_value("timeline/fault/restarted after a crash", 1)

    def item_yielded(self, item, request) -> None:
        fp = self.fingerprint(request)
        self.owner[id(item)] = fp
        self.in_pipelines[fp] += 1

    def response_processed(self, request) -> None:
        fp = self.fingerprint(request)
        self.processed.add(fp)
        self.settle(fp)

    def document_buffered(self, item) -> None:
        fp = self.owner.get(id(item))
        if fp is not None:
            self.buffered.add(id(item))
            self.uncommitted[fp] += 1

    def item_through(self, item, response=None, spider=None, **kwargs) -> None:
        """The item left the pipelines (scraped, dropped or failed): its page may be done."""
        fp = self.owner.get(id(item))
        if fp is None:
            return
        self.in_pipelines[fp] -= 1
        self.through.add(id(item))
        self.forget(id(item))
        self.settle(fp)

    def documents_saved(self, items) -> None:
        for item in items:
            key = id(item)
            if key not in self.buffered:
                continue
            self.buffered.discard(key)
            fp = self.owner[key]
            self.uncommitted[fp] -= 1
            self.forget(key)
            self.settle(fp)

    def forget(self, key: int) -> None:
        """Drop an item from the books once through the pipelines and not awaiting a commit."""
        if key in self.through and key not in self.buffered:
            self.through.discard(key)
            self.owner.pop(key, None)

    def settle(self, fp: str) -> None:
        """Mark ``fp`` done once its output is handed over, its items through, its documents in."""
        if fp not in self.processed or self.in_pipelines[fp] > 0 or self.uncommitted[fp] > 0:
            return
        self.processed.discard(fp)
        self.in_pipelines.pop(fp, None)
        self.uncommitted.pop(fp, None)
        if self.journal.done(fp):
            self.crawler.stats.inc_value("timeline/journal/done")

    def spider_closed(self, spider, reason):
        # Runs after the pipelines' last flush and after the scheduler saved its queue: the job
        # folder is consistent again.
        if self.journal is not None:
            self.journal.close()
        (self.jobdir / self.MARKER).unlink(missing_ok=True)
