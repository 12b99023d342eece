"""The spider for sitemaps, Google News sitemaps included: each listed page becomes a document.

    scrapy crawl sitemap -a config=corpus/sources.yml -a source=notiziario

Parsed with lxml rather than Scrapy's SitemapSpider, which drops the ``news:`` namespace
(``news:publication_date``, ``news:title``) that dates and titles an undated page. Reads
sitemap indexes (child sitemaps on the source's own hosts are followed), urlsets with
``<lastmod>``, and gzipped sitemaps. When the source has ``follow`` patterns, only URLs
matching one are fetched. A malformed sitemap is logged as an error naming the source,
the URL and the reason, counted as ``timeline/dropped/bad sitemap``, and the crawl goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

import scrapy
from incident_timeline.moments import parse_moment
from incident_timeline.spiders.channel import (
    WINDOW_SLACK,
    BadChannel,
    ChannelSpider,
    date_hint,
    plain_text,
    sniff_not_xml,
)
from lxml import etree

# Never resolve entities nor fetch DTDs: a sitemap is untrusted input.
SAFE_XML = dict(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
# Index → index → urlset is the deepest real sites go; a loop of indexes stops here.
MAX_INDEX_DEPTH = 3
# The sitemap protocol's own cap on a (decompressed) sitemap: larger than DOWNLOAD_MAXSIZE.
SITEMAP_MAXSIZE = 50 * 1024 * 1024


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` of a urlset: its page and what the sitemap says about it."""

    loc: str
    lastmod: str | None = None
    publication_date: str | None = None
    title: str | None = None


def child_text(element, path: str) -> str | None:
    """Stripped text of the first descendant at ``path`` (namespace-agnostic ``{*}`` paths)."""
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def local_name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def parse_sitemap_xml(body: bytes) -> tuple[str, list]:
    """(``"sitemapindex"``, child sitemap URLs) or (``"urlset"``, SitemapEntry list).

    Raises BadChannel for malformed XML or another root element. Namespaces are matched
    by local name, so a sitemap with a missing or misspelt namespace still reads.
    """
    reason = sniff_not_xml(body)
    if reason:
        raise BadChannel(f"not a sitemap: {reason}")
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(**SAFE_XML))
    except etree.XMLSyntaxError as exc:
        raise BadChannel(f"malformed sitemap XML: {exc}") from exc
    kind = local_name(root)
    if kind == "sitemapindex":
        return kind, [
            loc for loc in (child_text(s, "{*}loc") for s in root.iterfind("{*}sitemap")) if loc
        ]
    if kind == "urlset":
        entries = []
        for url in root.iterfind("{*}url"):
            loc = child_text(url, "{*}loc")
            if loc:
                entries.append(
                    SitemapEntry(
                        loc=loc,
                        lastmod=child_text(url, "{*}lastmod"),
                        publication_date=child_text(url, "{*}news/{*}publication_date"),
                        title=plain_text(child_text(url, "{*}news/{*}title")),
                    )
                )
        return kind, entries
    raise BadChannel(f"not a sitemap: the root element is <{kind}>, not <urlset> or <sitemapindex>")


class NewsSitemapSpider(ChannelSpider):
    """Reads a source's sitemap (``sitemap:``), index or urlset, and fetches the pages it lists."""

    name = "sitemap"
    channel = "sitemap"
    bad_channel = "bad sitemap"

    def channel_urls(self) -> list[str]:
        return [self.source.sitemap, *self.source.start_urls]

    async def start(self):
        yield self.sitemap_request(self.source.sitemap, depth=0)

    def sitemap_request(self, url: str, depth: int) -> scrapy.Request:
        max_size = max(self.crawler.settings.getint("DOWNLOAD_MAXSIZE"), SITEMAP_MAXSIZE)
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.channel_failed,
            cb_kwargs={"depth": depth},
            meta={"download_maxsize": max_size},
        )

    def parse(self, response, depth: int = 0):
        try:
            kind, listed = parse_sitemap_xml(self.decompressed_body(response))
        except BadChannel as exc:
            self.reject(response.url, str(exc))
            return
        if not listed:
            self.reject(response.url, f"the sitemap is empty (no entries in its <{kind}>)")
            return
        if kind == "sitemapindex":
            yield from self.child_sitemaps(response, listed, depth)
        else:
            yield from self.page_requests(response, listed)

    def child_sitemaps(self, response, urls: list[str], depth: int):
        if depth >= MAX_INDEX_DEPTH:
            self.reject(response.url, f"sitemap indexes nested deeper than {MAX_INDEX_DEPTH}")
            return
        for url in dict.fromkeys(response.urljoin(u) for u in urls):
            if self.may_follow(url):
                yield self.sitemap_request(url, depth=depth + 1)
            else:
                self.logger.warning("child sitemap on another host not followed: %s", url)

    def page_requests(self, response, entries: list[SitemapEntry]):
        patterns = self.source.follow_patterns
        stats = self.crawler.stats
        seen = set()
        for entry in entries:
            url = response.urljoin(entry.loc)
            if url in seen or not self.may_follow(url):
                continue
            seen.add(url)
            if patterns and not any(p.search(url) for p in patterns):
                stats.inc_value("timeline/sitemap/entries not matching follow")
                continue
            if self.outside_window(entry):
                stats.inc_value("timeline/sitemap/entries outside window")
                continue
            hint, precision = date_hint(entry.publication_date or entry.lastmod)
            yield self.page_request(
                url, date_hint=hint, date_hint_precision=precision, title_hint=entry.title
            )

    def outside_window(self, entry: SitemapEntry) -> bool:
        """True when the sitemap proves the page is outside the window, saving a request.

        A news publication date is the publication; ``lastmod`` only bounds it from above
        (a page changed before the window was published before it).
        """
        if entry.publication_date:
            if self.before_window(entry.publication_date):
                return True
            end = self.incident.window_end
            moment = parse_moment(entry.publication_date, self.incident.timezone)
            return bool(end and moment and moment.date() > end + WINDOW_SLACK)
        return self.before_window(entry.lastmod)
