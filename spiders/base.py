"""What every spider shares: its source from the sources file, and turning a page into a document.

A concrete spider is one per KIND of channel (a site to follow, a feed, a news sitemap, a
status-page API); each is configured by one entry of the sources file::

    scrapy crawl site -a config=corpus/sources.yml -a source=notiziario
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse, urlsplit

import scrapy
from incident_timeline.config import Config, Incident, Source, load_config
from incident_timeline.extract import Article, extract_article, extract_page
from incident_timeline.items import Document, document_item
from incident_timeline.spiders.wayback import WaybackReading
from incident_timeline.status_page import status_updates, updates_text
from incident_timeline.store import utc_now
from scrapy.http import HtmlResponse, Response, TextResponse

# Links to these never lead to an article.
SKIPPED_EXTENSIONS = (
    "jpg jpeg png gif webp svg ico pdf zip gz mp3 mp4 avi mov css js woff woff2 ttf doc "
    "docx xls xlsx ppt".split()
)
# A status page's incident updates (Atlassian Statuspage markup and its copies).
STATUS_MARKUP = re.compile(rb"update-row|incident-update")
# LinkExtractor's deny_extensions test (scrapy.utils.url.url_has_any_extension) in one str.endswith
SKIPPED_SUFFIXES = tuple("." + extension for extension in SKIPPED_EXTENSIONS)


@lru_cache(maxsize=8)
def cached_config(path: str) -> Config:
    """Each spider of a crawl reads the same sources file: parse it once."""
    return load_config(path)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class SourceSpider(WaybackReading, scrapy.Spider):
    """Base for all spiders: knows its incident and source, and builds document items.

    A spider is also the reader of one channel of one source inside ``IncidentSpider``,
    which calls its callbacks (spiders/incident.py).
    """

    #: the channel this spider reads, recorded as documents.found_via
    channel = "page"

    def __init__(
        self, config: str | Config | None = None, source: str | Source | None = None, **kwargs
    ):
        if config is None or source is None:
            raise ValueError(f"{type(self).__name__} needs -a config=FILE -a source=NAME")
        self.config = config if isinstance(config, Config) else cached_config(str(config))
        self.source: Source = source if isinstance(source, Source) else self.config.source(source)
        self.incident: Incident = self.config.incident
        kwargs.setdefault("name", f"{self.name}:{self.source.name}")
        super().__init__(**kwargs)
        #: the hosts whose links this spider may follow
        self.hosts = sorted({host_of(u) for u in self.channel_urls() if host_of(u)})
        self.allowed_domains = list(self.hosts)
        self.follow_patterns = self.source.follow_patterns

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Its requests to the archive (a gone page looked up) must pass the offsite filter.
        spider.allowed_domains = sorted(set(spider.hosts) | set(spider.archive_hosts()))
        return spider

    def channel_urls(self) -> list[str]:
        """The URLs this spider starts from; their hosts are the only ones it may visit."""
        return list(self.source.start_urls)

    def may_follow(self, url: str) -> bool:
        """Same site, http(s) only, and never a private address found in a scraped page."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        # Only the configured hosts: a scraped link can never send us offsite or to a
        # private address (a replica on loopback is fine because it was configured).
        return (parts.hostname or "").lower() in self.hosts

    def is_html(self, response: Response) -> bool:
        """True for a text page that looks like HTML (binary data served as text/html is not)."""
        if not isinstance(response, TextResponse):
            return False
        head = response.body[:2048]
        if b"\x00" in head:
            return False
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        return (
            "html" in content_type or b"<html" in head.lower() or b"<!doctype html" in head.lower()
        )

    def http_charset(self, response: Response) -> str | None:
        """The charset the Content-Type header declares (extraction checks it against the bytes)."""
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if "charset=" not in content_type:
            return None
        return content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'")

    def read_page(self, response: Response, **hints) -> tuple[dict | None, list[str]]:
        """The page's item and the links to follow from it, from one parse of the page.

        The item is None for a listing page or a page that is not HTML (as ``document_from``);
        a listing's links are followed all the same: that is how a site is crawled.
        """
        if not self.is_html(response):
            self.not_html(response)
            return None, []
        page = extract_page(
            response.body,
            response.url,
            timezone=self.incident.timezone,
            http_charset=self.http_charset(response),
        )
        # JSON, XML and text responses that look like HTML are extracted, never followed (as before)
        links = self.followable(page.links) if isinstance(response, HtmlResponse) else []
        return self.document(response, page.article, hints), links

    def document_from(self, response: Response, **hints) -> dict | None:
        """Extract the page; return an item, or None for a listing page (counted, not stored).

        ``hints`` come from the channel that led here (``date_hint``, ``title_hint`` of a
        feed item or sitemap entry) and fill what the page itself lacks. For a page whose
        links are followed too, ``read_page`` gives both from one parse.
        """
        if not self.is_html(response):
            self.not_html(response)
            return None
        article = extract_article(
            response.body,
            response.url,
            timezone=self.incident.timezone,
            http_charset=self.http_charset(response),
        )
        return self.document(response, article, hints)

    def not_html(self, response: Response) -> None:
        self.crawler.stats.inc_value("timeline/dropped/not html")
        self.logger.info("not an HTML page, skipped: %s", response.url)

    def document(self, response: Response, article: Article, hints: dict) -> dict | None:
        """The item of an extracted page, or None for a listing page (counted, not stored)."""
        article = article.to_dict()
        if STATUS_MARKUP.search(response.body) and (updates := status_updates(response.body)):
            # A status page's incident: its updates, each at its own time
            # (incident_timeline.status_page).
            article.update(
                is_listing=False,
                text=updates_text(updates),
                updates=updates,
                published=updates[0]["created_at"],
                updated=updates[-1]["created_at"],
                published_precision="minute",
            )
        return self.item_for(article, response.url, hints)

    def item_for(self, article: dict, url: str, hints: dict) -> Document | None:
        """The item of an extracted article found at ``url``; None for a listing (counted).

        ``hints`` add to it or override it (``found_via``, ``source`` and ``kind`` of a
        discovered article, the date of a feed entry).
        """
        if article.get("is_listing"):
            self.crawler.stats.inc_value("timeline/listing pages")
            return None
        hints = dict(hints)
        return document_item(
            {
                **article,
                "url": url,
                "incident": self.incident.slug,
                "source": self.source.name,
                "kind": self.source.kind,
                "found_via": hints.pop("found_via", None) or self.channel,
                "fetched_at": utc_now(),
                **{k: v for k, v in hints.items() if v is not None},
            }
        )

    def followable(self, links: list[str]) -> list[str]:
        """The links (absolute, each once, as ``extract_page`` gives them) this spider may follow.

        Those of its own hosts over http(s) (``may_follow``), not to a file type that is never an
        article (SKIPPED_EXTENSIONS), and, when the source has ``follow`` patterns, matching one
        of them anywhere (``re.search``, as LinkExtractor's ``allow``).
        """
        patterns = self.follow_patterns
        return [
            url
            for url in links
            if self.may_follow(url)
            and not urlparse(url).path.lower().endswith(SKIPPED_SUFFIXES)
            and (not patterns or any(p.search(url) for p in patterns))
        ]
