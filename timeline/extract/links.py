"""The links of a page, read from the tree extraction parsed: the crawl follows them without a
second parse.

The rules are Scrapy's ``LinkExtractor`` defaults (``a`` and ``area`` hrefs, whitespace
stripped, joined with the ``<base href>``, made safe with w3lib, not canonicalised), plus
what a crawl wants anyway: fragments removed, each URL once, in page order. Which links a
spider follows (its hosts, its ``follow`` patterns, file extensions) is the spider's choice
(``SourceSpider.followable``); this module returns them all.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

# LinkExtractor's default tags and attribute
LINK_TAGS = ("a", "area")
LINK_ATTR = "href"


def raw_links(tree) -> tuple[str | None, list[str]]:
    """The first ``<base href>`` and every ``a``/``area`` href of a parsed page, as written, in page
    order.

    Read before extraction looks at the tree, so nothing it may later do to the tree can hide a
    link.

    >>> from incident_timeline.extract.layout import parse
    >>> page = '<base href="/a/"><p><a href="b">B</a><map><area href=" c "></map><a name="x">'
    >>> raw_links(parse(page))
    ('/a/', ['b', ' c '])
    """
    base = next(
        (el.get(LINK_ATTR) for el in tree.iter("base") if el.get(LINK_ATTR) is not None), None
    )
    return base, [href for el in tree.iter(*LINK_TAGS) if (href := el.get(LINK_ATTR)) is not None]


def resolve(
    base: str | None, hrefs: list[str], url: str | None, encoding: str = "utf-8"
) -> list[str]:
    """Absolute, safe, fragment-free URLs of ``hrefs``, each once, in order.

    ``url`` is the page's address and ``base`` its ``<base href>`` (relative to ``url``);
    ``encoding``
    is the codec the page was decoded with, used for non-ASCII characters in a query as a browser
    would (the path is always UTF-8). Without ``url``, relative links stay relative. Links that
    cannot be made into a URL (``http://[bad``) are skipped, as LinkExtractor does.

    >>> resolve(None, ["/b#top", "c?q=città", "/b", "mailto:x@y.it"], "http://s.it/a/", "cp1252")
    ['http://s.it/b', 'http://s.it/a/c?q=citt%E0', 'mailto:x@y.it']
    """
    if encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        encoding = "utf-8"  # as browsers do: a query is never written in UTF-16
    page = safe_url_string(url) if url else ""
    # the first <base href> is the base, an empty one leaves the page's (as w3lib's get_base_url
    # reads it)
    base = strip_html5_whitespace(base) if base else ""
    if base:
        try:
            page = urljoin(page, safe(base, encoding))
        except ValueError:
            pass
    links = {}
    for href in dict.fromkeys(hrefs):  # a menu or pager repeats its hrefs: resolve each once
        try:
            link = urldefrag(safe(urljoin(page, strip_html5_whitespace(href)), encoding)).url
        except ValueError:
            continue  # bogus link (bad IPv6 host, port out of range)
        links.setdefault(link, None)
    return list(links)


def safe(url: str, encoding: str) -> str:
    """``safe_url_string`` with the page's encoding, or UTF-8 when that encoding cannot write the
    query.

    >>> safe("http://s.it/città?q=€", "cp1252"), safe("http://s.it/?q=città", "ascii")
    ('http://s.it/citt%C3%A0?q=%80', 'http://s.it/?q=citt%C3%A0')
    """
    try:
        return safe_url_string(url, encoding=encoding)
    except UnicodeEncodeError:
        # Scrapy drops such a link; a browser would still follow it, and UTF-8 is what servers
        # expect today
        return safe_url_string(url, encoding="utf-8")
