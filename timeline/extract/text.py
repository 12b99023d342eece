"""The article's body text: trafilatura on the article region, cleaned with what we know of the page."""

from __future__ import annotations

import logging
import re

import trafilatura

from .layout import (  # noqa: F401  (Layout, parse: doctests)
    BLOCK_TAGS, NAME_VALUES_XPATH, PROSE_PARAGRAPH, SKIP_TAGS, Layout, boilerplate_attrs, normalized, paragraph_chars,
    parse,
)

MIN_TEXT = 250
# a short line opening with a "read also" label is a link to another story set inside the text
READ_ALSO_RE = re.compile(
    r"(?:leggi anche|leggi pure|potrebbe interessarti|ti potrebbe interessare|vedi anche|guarda anche|read more|"
    r"read also|also read|related|see also|more on this|lesen sie auch|mehr zum thema|siehe auch|lire aussi|"
    r"à lire aussi|a lire aussi|voir aussi|lee también|te puede interesar|ver también|leia também|veja também|"
    r"lees ook|zie ook|czytaj też|czytaj także|zobacz też|zobacz także|läs också|lue myös)\s*[:|»›>–—-]",
    re.IGNORECASE,
)
READ_ALSO_MAX = 200
# a line with this share of its characters in links is a menu or a teaser, not the page's own text
LINKED_LINE = 0.5
# boilerplate elements are marked for trafilatura's pruning of its own copy of the tree
PRUNE_MARK = "data-timeline-boilerplate"
PRUNE_XPATH = f"//*[@{PRUNE_MARK}]"
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
    text = library_text(region if scoped else tree, url, layout)
    if scoped and len(text) < MIN_TEXT:
        text = library_text(tree, url, layout)
    if len(text) < MIN_TEXT:
        own = own_text(layout)
        if len(own) > len(text):
            text = own
    return without_headline(with_continuations(text, layout), layout.head)


def with_continuations(text: str, layout) -> str:
    """The text with the story's other blocks: a body cut by ad rows into several containers of the same
    class, of which trafilatura keeps the first. Their paragraphs are added in page order."""
    opening = next((line for line in text.split("\n") if len(line) >= 2 * PROSE_PARAGRAPH), None)
    if opening is None:
        return text
    block = container_of(opening, layout.region)
    kind = block.get("class") if block is not None else None
    if not kind:
        return text
    # the same kind of box side by side (same parent or grandparent): not every "row" of the page
    family = block.getparent().getparent() if block.getparent() is not None else None
    if family is None:
        return text
    blocks = [
        el for el in family.iter(block.tag)
        if el.get("class") == kind and not nested(el, block) and not any(a.get("class") == kind for a in el.iterancestors(block.tag))
    ]
    if len(blocks) < 2:
        return text
    parts = []
    for el in blocks:
        if el is block:
            parts.append(text)
        elif paragraph_chars(el) >= 2 * PROSE_PARAGRAPH and link_density(el) < 0.3 and not layout.in_boilerplate(el):
            parts.extend(line for line in paragraph_lines(el, layout) if line not in text)
    return "\n".join(parts)


def nested(el, other) -> bool:
    """True if one element holds the other (the same element is not nested)."""
    return el is not other and (any(a is other for a in el.iterancestors()) or any(a is el for a in other.iterancestors()))


def container_of(line: str, region):
    """The parent of the paragraph whose text starts like ``line`` (None if no paragraph does)."""
    start = " ".join(line.split())[:PROSE_PARAGRAPH]
    for p in region.iter("p"):
        if " ".join(p.text_content().split()).startswith(start):
            return p.getparent()
    return None


def paragraph_lines(el, layout) -> list[str]:
    """The lines of an element's paragraphs, subheadings, list items and quotes outside boilerplate."""
    lines = []
    for block in el.iter("p", "h2", "h3", "li", "blockquote"):
        if block.getparent() is not None and block.getparent().tag in ("p", "li", "blockquote"):
            continue
        if layout.in_boilerplate(block):
            continue
        line = " ".join(block.text_content().split())
        if len(line) >= 3 and link_density(block) < 0.5:
            lines.append(line)
    return lines


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


def library_text(scope, url: str | None, layout) -> str:
    """trafilatura's main text of ``scope`` (precision mode, comments left out), without what we know is
    boilerplate: those elements are pruned from trafilatura's copy of the tree.

    Its fast pass first; the full cascade (a comparison with readability and jusText) only when that finds
    too little: it costs as much again and changes the text of few pages."""
    roots = boilerplate_roots(scope, layout)
    for el in roots:
        el.set(PRUNE_MARK, "")  # trafilatura prunes its own copy; the mark is taken off ours below
    text = ""
    try:
        for fast in (True, False):
            try:
                doc = trafilatura.bare_extraction(
                    scope, url=url, fast=fast, include_comments=False, favor_precision=True, include_tables=True,
                    with_metadata=False, prune_xpath=PRUNE_XPATH if roots else None,
                )
            except Exception:  # trafilatura raises on odd trees; our own cleanup takes over
                doc = None
            text = drop_boilerplate((doc.text or "").strip() if doc is not None else "")
            if len(text) >= MIN_TEXT:
                break
    finally:
        for el in roots:
            del el.attrib[PRUNE_MARK]
    return text


def drop_boilerplate(text: str) -> str:
    """Remove "Leggi anche: <other story>" lines: links to other stories set inside the text.

    >>> drop_boilerplate("Il servizio è fermo.\\nLeggi anche: Come scegliere una password")
    'Il servizio è fermo.'
    """
    kept = []
    for line in text.split("\n"):
        flat = " ".join(line.split())
        flat = flat[2:] if flat.startswith("- ") else flat  # trafilatura's list bullet
        if flat and len(flat) <= READ_ALSO_MAX and READ_ALSO_RE.match(flat):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def boilerplate_roots(scope, layout) -> list:
    """The outermost boilerplate elements inside ``scope``. Only an element of a boilerplate tag, or one whose
    class, id or role names boilerplate, can be boilerplate: names are read as attribute strings (each
    distinct one judged once) and the whole verdict is taken for those elements only."""
    candidates = list(scope.iter(*SKIP_TAGS, "header"))
    for value in NAME_VALUES_XPATH(scope):
        if boilerplate_attrs(value.lower()) != "no":
            candidates.append(value.getparent())
    roots, seen = [], set()
    for el in candidates:
        if id(el) in seen or el.tag in ("script", "style"):
            continue
        seen.add(id(el))
        if not layout.is_boilerplate(el):
            continue
        parent = el.getparent()
        if parent is not None and parent is not scope and layout.in_boilerplate(parent):
            continue  # its text is in its boilerplate ancestor's
        roots.append(el)
    return roots


def own_text(layout) -> str:
    """The region's lines outside boilerplate and other stories' <article> cards, each a paragraph, list item,
    quote, subheading, cell, div "paragraph" or piece of text between two <br>; lines mostly made of links
    (menus, teaser lists) are left out.

    >>> own_text(Layout(parse("<main><div>Uno due tre.<br>Quattro <a href='/x'>cinque</a></div><div><a href='/y'>Link</a></div></main>")))
    'Uno due tre.\\nQuattro cinque'
    """
    region = layout.region
    lines: list[str] = []
    pieces: list[str] = []
    linked = [0]

    def flush() -> None:
        line = " ".join("".join(pieces).split())
        if len(line) >= 3 and linked[0] < LINKED_LINE * len(line):
            lines.append(line)
        pieces.clear()
        linked[0] = 0

    def add(text: str, in_link: bool) -> None:
        pieces.append(text)
        if in_link:
            linked[0] += len(text.strip())

    def visit(node, in_link: bool) -> None:
        for child in node:
            tag = child.tag
            # nested <article> elements of a region are other stories' cards
            if isinstance(tag, str) and tag != "article" and not layout.is_boilerplate(child):
                block = tag in BLOCK_TAGS
                inside = in_link or tag == "a"
                if block:
                    flush()
                if child.text:
                    add(child.text, inside)
                visit(child, inside)
                if block:
                    flush()
            if child.tail:
                add(child.tail, in_link)

    if region.text:
        add(region.text, False)
    visit(region, False)
    flush()
    return "\n".join(lines)


def link_density(el) -> float:
    """Share of an element's text that sits inside links."""
    total = len(el.text_content().strip()) or 1
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked / total
