"""The generic spider for HTML sites: start from a few pages, follow links, keep the articles.

Listing pages (section fronts, pagination, tag pages) are followed but not stored; article
pages become documents. Only same-site links are followed, and only those matching the
source's ``follow`` patterns when it has any.
"""

from __future__ import annotations

import scrapy

from spiders.base import SourceSpider


class SiteSpider(SourceSpider):
    """Crawls one site of the sources file (``start_urls`` and ``follow``)."""

    name = "site"
    channel = "page"

    async def start(self):
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        document, links = self.read_page(response)  # one parse of the page for both
        if document is not None:
            yield document
        for url in links:
            yield scrapy.Request(url, callback=self.parse)  # already absolute
