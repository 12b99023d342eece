"""The article's body text: trafilatura on the article region, minus what we know is boilerplate."""

from __future__ import annotations

import logging
import re

import trafilatura

from .layout import (  # noqa: F401  (doctests)
    LONG_TEXT_XPATH,
    NAME_VALUES_XPATH,
    SKIP_TAGS,
    Layout,
    boilerplate_attrs,
    normalized,
    paragraph_chars,
    parse,
    text_block_chars,
)
from .paragraphs import own_text, with_continuations, with_following_blocks

MIN_TEXT = 250
# a short line opening with a "read also" label is a link to another story set inside the text
READ_ALSO_RE = re.compile(
    r"(?:leggi anche|leggi pure|potrebbe interessarti|ti potrebbe interessare|vedi anche|"
    r"guarda anche|read more|read also|also read|related|see also|more on this|lesen sie auch|"
    r"mehr zum thema|siehe auch|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|"
    r"te puede interesar|ver también|leia também|veja também|lees ook|zie ook|czytaj też|"
    r"czytaj także|zobacz też|zobacz także|läs också|lue myös)\s*[:|»›>–—-]",
    re.IGNORECASE,
)
READ_ALSO_MAX = 200
# trafilatura's fast pass keeping less than this share of the scope's prose cut the story
LOW_COVERAGE = 1 / 3
# a text this short is also checked against the scope's runs of text outside paragraphs
SHORT_TEXT = 1000
# boilerplate elements are marked for trafilatura's pruning of its own copy of the tree
PRUNE_MARK = "data-timeline-boilerplate"
PRUNE_XPATH = f"//*[@{PRUNE_MARK}]"
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def body_text(layout, url: str | None = None, listing: bool = False) -> str:
    """Main text without navigation, related boxes, comments, cookie banners or footers.

    >>> page = "<article><h1>Titolo</h1><p>" + "Testo. " * 60 + "</p></article>"
    >>> body_text(Layout(parse(page)))[:12]
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
        # last resorts: our own paragraphs, then trafilatura's balanced mode on the untouched page
        # (a story rendered from a <script> template is only found there)
        text = max(text, own_text(layout), key=len)
    if len(text) < MIN_TEXT:
        text = max(text, extracted(tree, url, None, fast=False, precision=False), key=len)
    if len(text) < MIN_TEXT:
        # the page's long runs of text wherever they sit: better than nothing on a page we misread
        text = max(text, "\n".join(" ".join(run.split()) for run in LONG_TEXT_XPATH(tree)), key=len)
    text = with_following_blocks(with_continuations(text, layout), layout)
    return without_headline(text, layout.head)


def library_text(scope, url: str | None, layout) -> str:
    """trafilatura's main text of ``scope`` (comments left out), minus what we know is boilerplate:
    those elements are pruned from trafilatura's copy of the tree.

    Its fast pass in precision mode first; the full cascade (a comparison with readability and
    jusText, as costly again) only when that finds too little, or keeps less than a third of the
    scope's prose (the fast pass cut the story: div paragraphs, a body in an unusual box); the
    balanced mode when even that keeps less than a third."""
    roots = boilerplate_roots(scope, layout)
    for el in roots:
        el.set(PRUNE_MARK, "")  # trafilatura prunes its own copy; the mark is taken off ours below
    prune = PRUNE_XPATH if roots else None
    try:
        text = extracted(scope, url, prune, fast=True)
        if len(text) < MIN_TEXT or low_coverage(text, scope, roots):
            text = max(text, extracted(scope, url, prune, fast=False), key=len)
            if low_coverage(text, scope, roots):
                # precision itself cuts the story (a gallery told in its captions): balanced mode
                text = max(text, extracted(scope, url, prune, fast=False, precision=False), key=len)
    finally:
        for el in roots:
            del el.attrib[PRUNE_MARK]
    return text


def low_coverage(text: str, scope, roots: list) -> bool:
    """True if ``text`` holds less than a third of the prose of ``scope`` outside ``roots``: its
    long paragraphs, or for a short text also its long runs of text (div paragraphs, <br> lines)."""
    prose = paragraph_chars(scope) - sum(map(paragraph_chars, roots))
    if len(text) < LOW_COVERAGE * prose:
        return True
    if len(text) >= SHORT_TEXT:
        return False
    runs = text_block_chars(scope) - sum(map(text_block_chars, roots))
    return len(text) < LOW_COVERAGE * runs


def extracted(scope, url: str | None, prune: str | None, fast: bool, precision: bool = True) -> str:
    """One trafilatura run (public ``bare_extraction``, tables kept), read-also lines dropped."""
    try:
        doc = trafilatura.bare_extraction(
            scope,
            url=url,
            fast=fast,
            include_comments=False,
            favor_precision=precision,
            include_tables=True,
            with_metadata=False,
            prune_xpath=prune,
        )
    except Exception:  # trafilatura raises on odd trees; our own cleanup takes over
        return ""
    return without_read_also((doc.text or "").strip() if doc is not None else "")


def boilerplate_roots(scope, layout) -> list:
    """The outermost boilerplate elements inside ``scope``. Only an element of a boilerplate tag, or
    one whose class, id or role names boilerplate, can be boilerplate: names are read as attribute
    strings (each distinct one judged once), the whole verdict is taken for those elements only."""
    candidates = list(scope.iter(*SKIP_TAGS, "header"))
    candidates.extend(layout.read_also)
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


def without_read_also(text: str) -> str:
    """The text without "Leggi anche: <other story>" lines: links to other stories set inside it.

    >>> without_read_also("Il servizio è fermo.\\nLeggi anche: Come scegliere una password")
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


def without_headline(text: str, head) -> str:
    """The text without a first line repeating the headline (the title is a field of its own).

    >>> head = parse("<dt>Mail giù da domenica</dt>").find(".//dt")
    >>> without_headline("- Mail giù da domenica\\nIl servizio è fermo.", head)
    'Il servizio è fermo.'
    """
    if head is None or not text:
        return text
    first, _, rest = text.partition("\n")
    if normalized(first) == normalized(head.text_content()):
        return rest.lstrip()
    return text
