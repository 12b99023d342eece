"""Stage 4: write the documents and their events to the database, a few per commit."""

from __future__ import annotations

import time

from incident_timeline.journal import document_buffered, documents_saved
from incident_timeline.pipelines.context import IncidentContext
from incident_timeline.store import TimelineStore
from itemadapter import ItemAdapter
from scrapy import signals

# A commit per document dominated the crawl profile; a batch is still written whole or not at all.
DEFAULT_BATCH = 50
MAX_BATCH_AGE = 0.5  # seconds: readers (Datasette) never wait long for new rows


class StoreDocument(IncidentContext):
    """Upsert by URL into the database named by the TIMELINE_DB setting.

    Documents are buffered and saved ``TIMELINE_STORE_BATCH`` at a time (each with its
    events; a batch in one transaction), when the spider goes idle, and when it closes. If a
    batch fails, its documents are saved one by one so a bad one never costs the others.

    It tells the request journal (incident_timeline.journal.CrashSafeJobDir) which documents wait
    for
    a commit (``document_buffered``) and which were just committed (``documents_saved``): a page
    counts as done after a kill -9 only once its documents are in the database.
    """

    def open_spider(self):
        settings = self.crawler.settings
        path = settings.get("TIMELINE_DB")
        if not path:
            raise RuntimeError(
                "set TIMELINE_DB to the database path (timeline crawl --db FILE does)"
            )
        self.store = TimelineStore(path)
        self.batch_size = max(1, settings.getint("TIMELINE_STORE_BATCH", DEFAULT_BATCH))
        self.pending: list[tuple[dict, list]] = []
        self.last_flush = time.monotonic()
        self.crawler.signals.connect(self.flush, signal=signals.spider_idle)

    def close_spider(self):
        self.flush()
        self.store.close()

    def process_item(self, item):
        self.pending.append((item, ItemAdapter(item).get("events") or ()))
        self.crawler.signals.send_catch_log(document_buffered, item=item)
        if (
            len(self.pending) >= self.batch_size
            or time.monotonic() - self.last_flush > MAX_BATCH_AGE
        ):
            self.flush()
        return item

    def flush(self) -> None:
        """Write what is pending."""
        pending, self.pending = self.pending, []
        self.last_flush = time.monotonic()
        if not pending:
            return
        try:
            self.store.save_documents(pending, batch_size=len(pending))
            saved = len(pending)
        except Exception:
            saved = sum(self.save_alone(item, events) for item, events in pending)
        self.crawler.stats.inc_value("timeline/stored", saved)
        # Committed (or, for a document that cannot be stored, given up on and logged).
        self.crawler.signals.send_catch_log(documents_saved, items=[item for item, _ in pending])

    def save_alone(self, item: dict, events) -> bool:
        try:
            self.store.save_document(item, events)
            return True
        except Exception as exc:
            self.crawler.stats.inc_value("timeline/dropped/store error")
            self.crawler.spider.logger.error(
                "could not store %s: %s", ItemAdapter(item).get("url"), exc
            )
            return False
