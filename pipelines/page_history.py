"""Stage 3b: a page read from the archive in several versions: its text changes are events."""

from __future__ import annotations

from incident_timeline.pipelines.context import IncidentContext
from incident_timeline.versions import page_change_events
from itemadapter import ItemAdapter


class PageHistory(IncidentContext):
    """Add a ``page_change`` event to ``item["events"]`` for every change along ``item["history"]``.

    Only documents read from the archive carry a history (spiders/archive.py); the others pass.
    """

    def process_item(self, item):
        adapter = ItemAdapter(item)
        history, versions = adapter.get("history"), adapter.get("versions")
        if not history or not versions:
            return item
        changes = page_change_events(
            history, versions, self.incident.timezone, adapter.get("lang"), adapter.get("kind")
        )
        if changes:
            adapter["events"] = [*(adapter.get("events") or []), *changes]
            self.crawler.stats.inc_value("timeline/archive/page changes", len(changes))
        return item
