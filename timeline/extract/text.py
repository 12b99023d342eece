"""The article's body text: trafilatura on the article region, cleaned with what we know of the page."""

from __future__ import annotations

import logging

import trafilatura

from .layout import Layout, normalized, parse  # noqa: F401  (Layout, parse: doctests)

MIN_TEXT = 250
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def body_text(layout, url: str | None = None, listing: bool = False) -> str:
    """Main text without navigation, related boxes, comments, cookie banners or footers.

    >>> body_text(Layout(parse("<article><h1>Titolo</h1><p>" + "Testo. " * 60 + "</p></article>")))[:12]
    'Testo. Testo'
    """
    if listing:
        return own_text(layout)  # a listing's text is its teasers: no article to isolate
    region, tree = layout.region, layout.tree
    # the region alone holds less boilerplate than the page: trafilatura finds less to be fooled by
    scoped = region.tag not in ("body", "html")
    text = drop_boilerplate(library_text(region if scoped else tree, url), layout)
    if scoped and len(text) < MIN_TEXT:
        text = drop_boilerplate(library_text(tree, url), layout)
    if len(text) < MIN_TEXT:
        own = own_text(layout)
        if len(own) > len(text):
            text = own
    return without_headline(text, layout.head)


def without_headline(text: str, head) -> str:
    """The text without a first line repeating the headline (the title is a field of its own).

    >>> without_headline("- Mail giù da domenica\\nIl servizio è fermo.", parse("<dt>Mail giù da domenica</dt>").find(".//dt"))
    'Il servizio è fermo.'
    """
    if head is None or not text:
        return text
    first, _, rest = text.partition("\n")
    if normalized(first) == normalized(head.text_content()):
        return rest.lstrip()
    return text


def library_text(scope, url: str | None) -> str:
    """trafilatura's main text of ``scope`` (its precision mode, comments left out); "" when it finds none."""
    try:
        doc = trafilatura.bare_extraction(
            scope, url=url, include_comments=False, favor_precision=True, include_tables=True, with_metadata=False
        )
    except Exception:  # trafilatura raises on odd trees; our own cleanup takes over
        return ""
    return (doc.text or "").strip() if doc is not None else ""


def drop_boilerplate(text: str, layout) -> str:
    """Remove lines trafilatura kept from elements we know are boilerplate (feedback widgets, related boxes)."""
    if not text:
        return text
    noise = [
        " ".join(el.text_content().split())
        for el in layout.region.iter()
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and layout.is_boilerplate(el)
    ]
    noise = "\n".join(n for n in noise if n)
    if not noise:
        return text
    kept = []
    for line in text.split("\n"):
        flat = " ".join(line.split())
        # short lines must match a whole boilerplate text; longer ones may sit inside one
        if flat and (f"\n{flat}\n" in f"\n{noise}\n" or (len(flat) >= 15 and flat in noise)):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def own_text(layout) -> str:
    """Paragraph-like lines of the article region, boilerplate removed."""
    kept = []
    region = layout.region
    # most regions hold no other story's <article> card: then no element needs its ancestors walked for one
    cards = next(region.iterdescendants("article"), None) is not None
    for el in region.iter("p", "li", "blockquote", "h2", "h3", "pre", "td"):
        if layout.in_boilerplate(el) or (cards and in_card(el, region)):
            continue
        if el.getparent() is not None and el.getparent().tag in ("p", "li", "blockquote", "td"):
            continue  # nested blocks are covered by their parent
        if len(el) == 0:
            # a plain paragraph (most of them): its own text, no links, nothing to walk
            text = " ".join((el.text or "").split())
            if len(text) >= 3:
                kept.append(text)
            continue
        text = " ".join(layout.lines(el))
        if len(text) >= 3 and link_density(el) < 0.5:
            kept.append(text)
    if not kept:
        kept = [t for t in layout.region_lines if len(t) > 40]
    return "\n".join(kept)


def in_card(el, region) -> bool:
    """True inside a nested <article> (another story's card) of the region."""
    for anc in el.iterancestors():
        if anc is region:
            return False
        if anc.tag == "article":
            return True
    return False


def link_density(el) -> float:
    """Share of an element's text that sits inside links."""
    total = len(el.text_content().strip()) or 1
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked / total
