"""The generic spider for HTML sites: start from a few pages, follow links, keep the articles.

Listing pages (section fronts, pagination, tag pages) are followed but not stored; article
pages become documents. Only same-site links are followed, and only those matching the
source's ``follow`` patterns when it has any. A page that answers 404 or 410 may be read
from the archive instead (spiders/wayback.py).
"""

from __future__ import annotations

import scrapy
from incident_timeline.spiders.base import SourceSpider


class SiteSpider(SourceSpider):
    """Crawls one site of the sources file (``start_urls`` and ``follow``)."""

    name = "site"
    channel = "page"

    async def start(self):
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.page_gone)

    def parse(self, response):
        document, links = self.read_page(response)  # one parse of the page for both
        if document is not None:
            yield document
        for url in links:
            # already absolute
            yield scrapy.Request(url, callback=self.parse, errback=self.page_gone)

    def page_gone(self, failure):
        """A page that could not be had: read it from the archive when it is gone (404/410);
        any other failure goes on to Scrapy, which logs it as before."""
        lookup = self.gone_request(failure)
        return [lookup] if lookup is not None else failure
