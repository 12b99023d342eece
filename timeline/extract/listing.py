"""Tell listing pages (home, section, tag, archive, pagination) from articles."""

from __future__ import annotations

import re

from . import jsonld
from .titles import meta_content

PAGINATION_TEXT_RE = re.compile(r"^\s*(?:next|older|newer|successiv[ao]|avanti|precedente|weiter|nächste|vorherige|suivant|précédent|siguiente|anterior|volgende|vorige|próxima|mais antigos|[›»>]+|\d{1,3})\s*[›»>]*\s*$", re.I)
PAGINATION_HREF_RE = re.compile(r"(?:/page/|/pagina/|/seite/|/pagina-|[?&](?:page|pag|p|pg)=)\d+", re.I)
PAGINATION_CLASS_RE = re.compile(r"paginat|pager|page-numbers|pagine|seitennavigation", re.I)
LISTING_URL_RE = re.compile(r"/(?:tag|tags|category|categoria|categorie|argomenti|argomento|topic|topics|section|sezione|rubrica|archivio|archive|archiv|author|autore|autor|auteur|thema|themen|rubrique|seccion|secci%C3%B3n|page|pagina|seite)(?:/|$)|/(?:search|cerca|ricerca|suche|recherche|buscar|busca|zoeken|pesquisa)\b|[?&](?:q|s|query|search)=", re.I)
TEASER_MIN = 20
PROSE_MIN = 700


def teaser_links(layout) -> int:
    """Distinct links that look like headlines of other stories (in headings or in long link lists),
    outside menus and related boxes."""
    hrefs = set()
    for h in layout.tree.xpath("//h2|//h3|//h4"):
        links = h.xpath(".//a[@href]|ancestor::a[@href]")
        if not links or len(h.text_content().strip()) < TEASER_MIN or layout.in_boilerplate(h):
            continue
        hrefs.add(links[0].get("href"))
    for items in layout.tree.xpath("//ul|//ol"):
        headlines = [a for li in items.iterchildren("li") for a in li.iterchildren("a") if len(a.text_content().strip()) >= TEASER_MIN and a.get("href")]
        if len(headlines) >= 4 and not layout.in_boilerplate(items):
            hrefs.update(a.get("href") for a in headlines)
    return len(hrefs)


def prose_chars(region) -> int:
    """Characters of the largest run of sibling paragraphs: an article's body, not teaser blurbs."""
    best = 0
    for parent in region.iter():
        paragraphs = [p for p in parent if getattr(p, "tag", None) == "p"]
        if len(paragraphs) < 2:
            continue
        size = sum(len(p.text_content().strip()) - sum(len(a.text_content()) for a in p.iter("a")) for p in paragraphs)
        best = max(best, size)
    return best


def has_pagination(tree) -> bool:
    """rel=next/prev links or a pager block with numbered links."""
    if tree.xpath('//link[@rel="next" or @rel="prev"]|//a[@rel="next" or @rel="prev"]'):
        return True
    for el in tree.xpath("//*[@class or @id]"):
        if PAGINATION_CLASS_RE.search(" ".join(filter(None, (el.get("class"), el.get("id"))))) and len(el.xpath(".//a")) >= 2:
            return True
    return any(PAGINATION_HREF_RE.search(a.get("href", "")) and PAGINATION_TEXT_RE.match(a.text_content()) for a in tree.iter("a"))


def is_listing(layout, items: list[dict], article: dict | None, url: str | None) -> bool:
    """True for index, section and pagination pages: many story links, little prose of their own.

    >>> is_listing(Layout(parse("<h1>Tech</h1>" + '<h2><a href="/a">A long enough story headline</a></h2>' * 8)), [], None, None)
    True
    """
    tree = layout.tree
    teasers = teaser_links(layout)
    prose = prose_chars(layout.region)
    score = 0.0
    score += 2 if teasers >= 6 else 1 if teasers >= 3 else 0
    score += 1 if has_pagination(tree) else 0
    score += 2 if jsonld.is_listing(items) else 0
    score -= 2 if article is not None and not (jsonld.types(article) & {"webpage"}) else 0
    og_type = (meta_content(tree, "og:type") or "").lower()
    score -= 1 if og_type == "article" else 0
    score += 1 if url and LISTING_URL_RE.search(re.sub(r"^[a-z]+://[^/]+", "", url)) else 0
    score -= 2 if prose >= PROSE_MIN else 0
    return score >= 2
