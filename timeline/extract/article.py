"""extract_article: everything the timeline needs from one saved news page."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import NamedTuple

from . import jsonld
from .authors import author as find_author
from .encoding import decode_page
from .language import language
from .layout import Layout, parse
from .links import raw_links, resolve
from .listing import is_listing
from .publication import publication_dates
from .timestamps import zone
from .titles import meta_content
from .titles import title as find_title


@dataclass
class Article:
    """What one page says about itself.

    >>> Article(title="Mail down", lang="it").to_dict()["title"]
    'Mail down'
    """

    title: str | None = None
    author: str | None = None
    published: str | None = None
    #: the publication date as the page states it: its own offset, naive when it states none
    published_original: str | None = None
    updated: str | None = None
    published_precision: str | None = None
    lang: str | None = None
    text: str = ""
    is_listing: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Page:
    """One parse of a page: what its article says, and every link on it (the crawl follows them)."""

    article: Article = field(default_factory=Article)
    #: absolute URLs of its ``a``/``area`` links, fragments removed, each once, in page order
    links: list[str] = field(default_factory=list)


def prepared(html, url, timezone: str, http_charset, now):
    """Check the arguments of extract_article/extract_dates; the parsed tree (or None), zone, now
    and the codec the bytes were decoded with."""
    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    for name, value in (("url", url), ("timezone", timezone), ("http_charset", http_charset)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be str or None, not {type(value).__name__}")
    if now is not None and not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime or None, not {type(now).__name__}")
    tz = zone(timezone)
    now = (now if now.tzinfo else now.replace(tzinfo=tz)) if now else datetime.now(tz)
    text, encoding = (html, "utf-8") if isinstance(html, str) else decode_page(html, http_charset)
    return parse(text), tz, now, encoding


def extract_article(
    html: str | bytes,
    url: str | None = None,
    *,
    timezone: str = "Europe/Rome",
    http_charset: str | None = None,
    now: datetime | None = None,
) -> Article:
    """Extract title, author, dates, language, text and listing-ness from one HTML page.

    >>> extract_article('<h1>Mail giù</h1><p>Pubblicato il 24/01/2023 alle 10:35</p>').published
    '2023-01-24T10:35:00+01:00'
    """
    tree, tz, now, _ = prepared(html, url, timezone, http_charset, now)
    if tree is None:
        return Article()
    return safely_from_tree(tree, url, tz, now)


def extract_page(
    html: str | bytes,
    url: str | None = None,
    *,
    timezone: str = "Europe/Rome",
    http_charset: str | None = None,
    now: datetime | None = None,
) -> Page:
    """``extract_article`` and the page's links (see ``links.resolve``), from one parse of the page.

    >>> html = '<h1>Mail giù</h1><a href="/2023/01/guasto#commenti">Il guasto</a>'
    >>> page = extract_page(html, "http://s.it/")
    >>> page.links
    ['http://s.it/2023/01/guasto']
    """
    tree, tz, now, encoding = prepared(html, url, timezone, http_charset, now)
    if tree is None:
        return Page()
    # read before extraction walks (and might change) the tree: navigation and pagers count here
    base, hrefs = raw_links(tree)
    article = safely_from_tree(tree, url, tz, now)
    return Page(article, resolve(base, hrefs, url, encoding))


def safely_from_tree(tree, url: str | None, tz, now: datetime) -> Article:
    """``from_tree``, or what the markup alone says when the page breaks it."""
    try:
        return from_tree(tree, url, tz, now)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError):
        # a broken page must never stop a crawl: give back what the markup alone says
        return Article(title=meta_content(tree, "og:title"))


class Dates(NamedTuple):
    """The date half of an Article."""

    published: str | None = None
    updated: str | None = None
    published_precision: str | None = None
    published_original: str | None = None


def extract_dates(
    html: str | bytes,
    url: str | None = None,
    *,
    timezone: str = "Europe/Rome",
    http_charset: str | None = None,
    now: datetime | None = None,
) -> Dates:
    """Only the dates of a page (published, updated, published_precision, published_original): the
    date half of extract_article, without its listing verdict (a listing's visible dates are read
    too).

    >>> extract_dates('<h1>Mail giù</h1><p>Pubblicato il 24/01/2023</p>')[:3]
    ('2023-01-24T00:00:00+01:00', None, 'day')
    """
    tree, tz, now, _ = prepared(html, url, timezone, http_charset, now)
    if tree is None:
        return Dates()
    layout = Layout(tree)
    page_url = url or canonical_url(tree)
    main = jsonld.main_article(
        jsonld.nodes(tree),
        page_url,
        layout.head.text_content() if layout.head is not None else None,
    )
    published, updated = publication_dates(layout, main, page_url, tz, now)
    if published is None:
        return Dates(updated=updated.iso() if updated else None)
    update = updated.iso() if updated else None
    return Dates(published.iso(), update, published.precision, published.stated_iso())


def from_tree(tree, url: str | None, tz, now: datetime) -> Article:
    """Extract from an already parsed page."""
    # imported here: trafilatura's import costs the date-only path a fifth of a second
    from .text import body_text

    layout = Layout(tree)
    head = layout.head
    items = jsonld.nodes(tree)
    page_url = url or canonical_url(tree)
    main = jsonld.main_article(items, page_url, head.text_content() if head is not None else None)
    listing = is_listing(layout, items, main, page_url)
    text = body_text(layout, page_url, listing)
    article = Article(
        title=find_title(tree, main, head),
        author=None if listing else find_author(layout, main),
        lang=language(tree, main, text),
        text=text,
        is_listing=listing,
    )
    # a listing's visible dates belong to the stories it lists: only its own metadata dates it
    published, updated = publication_dates(layout, main, page_url, tz, now, metadata_only=listing)
    if published:
        article.published, article.published_precision = published.iso(), published.precision
        article.published_original = published.stated_iso()
    article.updated = updated.iso() if updated else None
    return article


def canonical_url(tree) -> str | None:
    """The page's own URL from <link rel=canonical> or og:url."""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href")
    return meta_content(tree, "og:url")
