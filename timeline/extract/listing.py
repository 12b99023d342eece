"""Tell listing pages (home, section, tag, archive, pagination) from articles."""

from __future__ import annotations

import re

from lxml import etree

from . import jsonld
from .layout import LONG_TEXT_XPATH, has_prose, text_block_chars
from .timestamps import find_human, zone
from .titles import meta_content

PAGINATION_TEXT_RE = re.compile(
    r"^\W*(?:(?:pagina|page|seite|strona|página)\s+)?(?:next|older|newer|successiv[ao]|avanti|"
    r"precedente|weiter|nächste|vorherige|suivante?|précédente?|"
    r"siguiente|anterior|volgende|vorige|próxima|mais antigos|następna|poprzednia|\d{1,3})?\W*$",
    re.I,
)
PAGINATION_HREF_RE = re.compile(
    r"(?:/page/|/pagina/|/seite/|/strona/|/pagina-|[?&](?:page|pag|pagina|seite|strona|p|pg)=)\d+",
    re.I,
)
PAGINATION_XPATH = (
    '//link[@rel="next" or @rel="prev"]|//a[@rel="next" or @rel="prev"]|//*[contains(@class, '
    '"paginat") or contains(@class, "pager") '
    'or contains(@class, "page-numbers") or contains(@class, "paginaz") or contains(@class, '
    '"pagine") or contains(@class, "stronicowanie")]//a'
)
LISTING_URL_RE = re.compile(
    r"/(?:tag|tags|category|categoria|categorie|argomenti|argomento|topic|topics|section|sezione|"
    r"rubrica|archivio|archive|archiv|author|autore|autor|auteur|"
    r"thema|themen|rubrique|seccion|secci%C3%B3n|page|pagina|seite|strona)(?:/|$)|/(?:search|cerca|"
    r"ricerca|suche|recherche|buscar|busca|zoeken|pesquisa|szukaj)\b|"
    r"[?&](?:q|s|query|search)=|[?&](?:page|pagina|seite|strona|pg)=0*(?:[2-9]|1\d)",
    re.I,
)
# OpenGraph types of a page about one thing: a story, a video (a player page with a rail of other
# episodes), a song, a book; "website" is what home and section pages say
ONE_ITEM_OG_TYPE_RE = re.compile(r"\s*(?:article|video(?:\.\w+)?|music\.song|book)\s*$", re.I)
TEASER_MIN = 20
PROSE_MIN = 700
# paragraphs of this size around the headline make the headline's region the page's own story
STORY_PROSE = 400
# less paragraph text than this is a page with nothing of its own to say
BARE_TEXT = 300
ROW_MAX = 160
UTC = zone("UTC")
PAGINATION_FIND = etree.XPath(PAGINATION_XPATH)
HEADING_LINKS = etree.XPath(".//a[@href]|ancestor::a[@href]")


def teaser_links(layout, scope=None) -> int:
    """Distinct links that look like headlines of other stories (in headings or in long link lists),
    outside menus and related boxes, within ``scope`` (default: the whole page)."""
    scope = layout.tree if scope is None else scope
    hrefs = set()
    # cheapest test first (a string XPath is compiled again on every call: HEADING_LINKS is compiled
    # once)
    for h in scope.iterdescendants("h2", "h3", "h4"):
        if len(h.text_content().strip()) < TEASER_MIN:
            continue
        links = HEADING_LINKS(h)
        if not links or layout.in_boilerplate(h):
            continue
        hrefs.add(links[0].get("href"))
    for items in scope.iterdescendants("ul", "ol"):
        headlines = [
            a
            for li in items.iterchildren("li")
            for a in li.iterchildren("a")
            if len(a.text_content().strip()) >= TEASER_MIN and a.get("href")
        ]
        if len(headlines) >= 4 and not layout.in_boilerplate(items):
            hrefs.update(a.get("href") for a in headlines)
    return len(hrefs)


def prose_chars(region) -> int:
    """Characters of the largest run of sibling paragraphs: an article's body, not teaser blurbs.
    Without such a run, long runs of text side by side (split by <br>, div "paragraphs") count."""
    runs: dict = {}
    for p in region.iter("p"):
        own = len(p.text_content().strip()) - sum(len(a.text_content()) for a in p.iter("a"))
        count, size = runs.get(p.getparent(), (0, 0))
        runs[p.getparent()] = (count + 1, size + own)
    best = max((size for count, size in runs.values() if count >= 2), default=0)
    if best < PROSE_MIN:
        runs = {}
        for text in LONG_TEXT_XPATH(region):
            block = text.getparent()
            if text.is_tail and block is not None:
                block = block.getparent()  # the text after a <br> belongs to the br's parent
            # one run per container: lines split by <br> in a block, div "paragraphs" side by side
            container = block.getparent() if block is not None else None
            count, size = runs.get(container, (0, 0))
            runs[container] = (count + 1, size + len(text.strip()))
        best = max(best, max((size for count, size in runs.values() if count >= 2), default=0))
    return best


def own_text_chars(layout) -> int:
    """Characters of the region's visible text outside links and boilerplate: what the page says
    itself."""
    total = 0
    for node in layout.region.xpath(
        ".//text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"
    ):
        parent = node.getparent()
        if node.strip() and parent is not None and not layout.in_boilerplate(parent):
            total += len(node.strip())
    return total


def has_pagination(tree) -> bool:
    """rel=next/prev links, a pager block, or a numbered page link labelled as a page ("2", "Next
    »")."""
    if PAGINATION_FIND(tree):
        return True
    return any(
        PAGINATION_HREF_RE.search(a.get("href", "")) and PAGINATION_TEXT_RE.match(a.text_content())
        for a in tree.iter("a")
    )


def dated_rows(layout, scope=None) -> int:
    """Rows (list items, table rows, teaser blocks) pairing another story's headline link with a
    date,
    within ``scope`` (default: the whole page)."""
    rows = set()
    for a in (layout.tree if scope is None else scope).iter("a"):
        text = a.text_content().strip()
        if len(text) < TEASER_MIN or not a.get("href"):
            continue
        parent = a.getparent()
        for row in (parent, parent.getparent() if parent is not None else None):
            if row is None or row.tag in ("body", "html"):
                break
            if row_has_date(row, text):
                if not layout.in_boilerplate(row):
                    rows.add(row)
                break
    return len(rows)


def row_has_date(row, link_text: str) -> bool:
    """True if a short block holds a date besides its link."""
    if row.find(".//time") is not None:
        return True
    own = row.text_content().replace(link_text, " ")
    # a long text is a paragraph quoting a link, not a row of a list
    return len(own) <= ROW_MAX and next(find_human(own, UTC), None) is not None


def is_listing(layout, items: list[dict], article: dict | None, url: str | None) -> bool:
    """True for index, section and pagination pages: many story links or dated rows, little prose of
    their own.

    >>> from incident_timeline.extract.layout import Layout, parse
    >>> teasers = "".join(
    ...     f'<h2><a href="/2023/01/story-{i}">A long enough story headline, number {i}</a></h2>'
    ...     for i in range(8)
    ... )
    >>> is_listing(Layout(parse("<h1>Tech</h1>" + teasers)), [], None, None)
    True
    """
    tree = layout.tree
    prose = prose_chars(layout.region)
    score = 0
    score -= 2 if article is not None and not (jsonld.types(article) & {"webpage"}) else 0
    score -= 1 if ONE_ITEM_OG_TYPE_RE.match(meta_content(tree, "og:type") or "") else 0
    score -= 2 if prose >= PROSE_MIN else 0
    score += 2 if jsonld.is_listing(items) else 0
    score += 1 if url and LISTING_URL_RE.search(re.sub(r"^[a-z]+://[^/]+", "", url)) else 0
    # story links (2), pagination (1) and bare prose (1) are the costly signals: skip them when they
    # cannot decide
    if score + 2 + 1 + (prose < PROSE_MIN) < 2:
        return False
    # every later signal only adds: once the score reaches 2 the verdict cannot change
    if score >= 2:
        return True
    # a headline with its own paragraphs around it is an article: the teaser rails, related grids
    # and
    # "latest news" boxes beside it list other stories, not this page
    body = tree.find("body")
    region = layout.region
    # a story of its own: paragraphs, or text split by <br> or into div "paragraphs"
    own_story = (
        region is not body
        and region is not tree
        and (has_prose(region, STORY_PROSE) or text_block_chars(region) >= STORY_PROSE)
    )
    scope = region if own_story else None
    teasers = teaser_links(layout, scope)
    stories = 2 if teasers >= 6 else 1 if teasers >= 3 else 0
    if score + stories >= 2:
        return True
    if stories < 2:
        rows = dated_rows(layout, scope)
        stories = max(stories, 2 if rows >= 3 else 1 if rows >= 2 else 0)
    score += stories
    if score >= 2:
        return True
    if score + (1 if stories else 0) + 1 < 2:
        return False  # neither bare prose nor pagination could reach 2
    # links to stories with no prose of the page's own: an index, however short
    score += 1 if stories and own_text_chars(layout) < BARE_TEXT else 0
    if score < 2 and score + 1 >= 2:
        score += 1 if has_pagination(tree) else 0
    return score >= 2
