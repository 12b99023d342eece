"""Stage 4: write the document and its events to the database (one transaction each)."""

from __future__ import annotations

from timeline.store import TimelineStore
from pipelines.context import IncidentContext


class StoreDocument(IncidentContext):
    """Upsert by URL into the database named by the TIMELINE_DB setting."""

    def open_spider(self):
        path = self.crawler.settings.get("TIMELINE_DB")
        if not path:
            raise RuntimeError("set TIMELINE_DB to the database path (timeline crawl --db FILE does)")
        self.store = TimelineStore(path)

    def close_spider(self):
        self.store.close()

    def process_item(self, item):
        self.store.save_document(item, item.get("events") or ())
        self.crawler.stats.inc_value("timeline/stored")
        return item
