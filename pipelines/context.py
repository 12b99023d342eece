"""What every stage needs: the crawler (for stats and settings) and the incident being crawled."""

from __future__ import annotations

from incident_timeline.config import Incident
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem


class IncidentContext:
    """Base for the pipeline stages; the spider of the crawl carries the incident."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def incident(self) -> Incident:
        return self.crawler.spider.incident

    def drop(self, reason: str, item) -> DropItem:
        """Count the reason in the crawl's stats and build the DropItem to raise."""
        self.crawler.stats.inc_value(f"timeline/dropped/{reason}")
        return DropItem(f"{reason}: {ItemAdapter(item).get('url')}")
