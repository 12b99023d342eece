"""The author(s) of an article, from JSON-LD, meta tags, microdata or the visible byline."""

from __future__ import annotations

import re

from .bylines import LABEL_RE
from .jsonld import text as ld_text
from .layout import REL_AUTHOR_XPATH
from .timestamps import HUMAN_RE
from .titles import meta_content

PREFIX_RE = re.compile(
    r"^\s*(?:a cura di|scritto da|written by|posted by|text:|testo:|texto:|tekst:|von|by|di|da|par|"
    r"por|door|de|autore:?|author:?|autor:?|auteur:?)\s+",
    re.IGNORECASE,
)
AUTHOR_CLASS_RE = re.compile(r"author|autore|autor|auteur|writer|verfasser", re.I)
BYLINE_CLASS_RE = re.compile(r"byline|firma|signature|credit", re.I)
MAX_LEN = 100


def clean(name: str | None) -> str | None:
    """A readable author name: prefixes ('di', 'By', 'Von'...), dates and separators removed.

    >>> clean("di Marta Rossi - 24 gennaio 2023")
    'Marta Rossi'
    """
    if not name:
        return None
    name = " ".join(name.split())
    match = HUMAN_RE.search(name)
    if match:
        name = name[: match.start()]
    name = PREFIX_RE.sub("", name)
    name = re.split(r"\s+[|–—•·]\s+|\s+-\s+|\s*\|\s*", name)[0]
    name = name.strip(" ,;:-–—|·")
    if LABEL_RE.search(name) or len(name.split()) > 6:
        return None
    if (
        not name
        or len(name) > MAX_LEN
        or name.lower().startswith("http")
        or not re.search(r"[^\W\d_]", name)
    ):
        return None
    return name


def author(layout, article: dict | None) -> str | None:
    """The author, most structured source first."""
    tree = layout.tree
    if article:
        name = clean(ld_text(article.get("author")) or ld_text(article.get("creator")))
        if name:
            return name
    name = clean(
        meta_content(
            tree,
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "byl",
        )
    )
    if name:
        return name
    # microdata often sits beside the article body rather than in it: look page-wide
    body = tree.find("body")
    marked_authors = [el for el in layout.itemprops if el.get("itemprop") == "author"]
    rel = REL_AUTHOR_XPATH(body if body is not None else tree)
    if rel:
        marked_authors = sorted(marked_authors + rel, key=lambda el: el.sourceline or 0)
    for el in marked_authors:
        if layout.in_boilerplate(el):
            continue
        named = el.xpath('.//*[@itemprop="name"]')
        value = (
            named[0].get("content") or named[0].text_content()
            if named
            else el.get("content") or el.text_content()
        )
        name = clean(value)
        if name:
            return name
    # a dedicated author element beats a whole byline, which also holds the date
    # one pass over the region's classed elements, author-classed ones tried before bylines
    authored, bylined = [], []
    for el, hint in layout.classed:
        if el.tag in ("article", "main", "meta", "link") or len(el) >= 8:
            continue
        if AUTHOR_CLASS_RE.search(hint):
            authored.append(el)
        elif BYLINE_CLASS_RE.search(hint):
            bylined.append(el)
    for el in authored + bylined:
        if not layout.in_boilerplate(el):
            name = clean(" ".join(layout.lines(el)))
            if name:
                return name
    return None
