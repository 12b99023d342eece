"""Our own reading of a region's paragraphs: listings' collector, the story's other blocks."""

from __future__ import annotations

from .layout import BLOCK_TAGS, PROSE_PARAGRAPH, Layout, paragraph_chars, parse  # noqa: F401

# a line with this share of its characters in links is a menu or a teaser, not the page's own text
LINKED_LINE = 0.5
# a continuation block is prose: few of its characters in links
LINKED_BLOCK = 0.3
# a text shorter than this may be the first block of a story whose other blocks sit beside it
SHORT_STORY = 1000


def own_text(layout) -> str:
    """The region's lines outside boilerplate and other stories' <article> cards, each a paragraph,
    list item, quote, subheading, cell, div "paragraph" or piece of text between two <br>; lines
    mostly made of links (menus, teaser lists) are left out.

    >>> page = "<main><div>Uno due.<br>Tre quattro <a href='/x'>sei</a></div><a href='/y'>L</a>"
    >>> own_text(Layout(parse(page)))
    'Uno due.\\nTre quattro sei'
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


def with_continuations(text: str, layout) -> str:
    """The text with the story's other blocks: a body cut by ad rows into several containers of the
    same tag and class, of which trafilatura keeps the first. Their paragraphs are added in page
    order."""
    opening = next((line for line in text.split("\n") if len(line) >= 2 * PROSE_PARAGRAPH), None)
    block = container_of(opening, layout.region) if opening else None
    kind = block.get("class") if block is not None else None
    parent = block.getparent() if kind else None
    # the same kind of box side by side (same parent or grandparent): not every "row" of the page
    family = parent.getparent() if parent is not None else None
    if family is None:
        return text
    blocks = [
        el
        for el in family.iter(block.tag)
        if el.get("class") == kind
        and not nested(el, block)
        and not any(a.get("class") == kind for a in el.iterancestors(block.tag))
    ]
    if len(blocks) < 2:
        return text
    parts = []
    for el in blocks:
        if el is block:
            parts.append(text)
        elif is_prose_block(el, layout):
            parts.extend(line for line in paragraph_lines(el, layout) if line not in text)
    return "\n".join(parts)


def with_following_blocks(text: str, layout) -> str:
    """A short text with the prose blocks that follow the region side by side (a page builder's or
    CMS's next blocks of the same story), up to the first block that is boilerplate, another
    story's headline or card, or not prose. A long text is left alone: what follows a whole story
    is an author's bio or a paywall notice more often than its end."""
    region = layout.region
    if len(text) >= SHORT_STORY or region.tag in ("body", "html") or region.getparent() is None:
        return text
    # a region wrapped alone in its block: the blocks beside that wrapper
    while (
        region.getparent() is not None
        and region.getparent().tag not in ("body", "html")
        and sum(isinstance(child.tag, str) for child in region.getparent()) == 1
    ):
        region = region.getparent()
    lines = []
    for el in region.itersiblings():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.tag == "article" or has_other_headline(el) or not is_prose_block(el, layout, 1):
            break
        for line in paragraph_lines(el, layout):
            if line not in text and line not in lines:
                lines.append(line)
    return "\n".join([text, *lines]) if lines else text


def has_other_headline(el) -> bool:
    """True if an element holds a headline-long h1 or h2 (another story's, or a new section's)."""
    return any(len(h.text_content().strip()) >= 15 for h in el.iter("h1", "h2"))


def is_prose_block(el, layout, paragraphs: int = 2) -> bool:
    """True for a block with ``paragraphs`` paragraphs' worth of prose, few links, outside
    boilerplate."""
    return (
        paragraph_chars(el) >= paragraphs * PROSE_PARAGRAPH
        and link_density(el) < LINKED_BLOCK
        and not layout.in_boilerplate(el)
    )


def nested(el, other) -> bool:
    """True if one element holds the other (the same element is not nested)."""
    if el is other:
        return False
    holds = any(a is el for a in other.iterancestors())
    return holds or any(a is other for a in el.iterancestors())


def container_of(line: str, region):
    """The parent of the paragraph whose text starts like ``line`` (None if no paragraph does)."""
    start = " ".join(line.split())[:PROSE_PARAGRAPH]
    for p in region.iter("p"):
        if " ".join(p.text_content().split()).startswith(start):
            return p.getparent()
    return None


def paragraph_lines(el, layout) -> list[str]:
    """The lines of an element's paragraphs, subheadings, list items, quotes outside boilerplate."""
    lines = []
    for block in el.iter("p", "h2", "h3", "li", "blockquote"):
        if block.getparent() is not None and block.getparent().tag in ("p", "li", "blockquote"):
            continue
        if layout.in_boilerplate(block):
            continue
        line = " ".join(block.text_content().split())
        if len(line) >= 3 and link_density(block) < LINKED_LINE:
            lines.append(line)
    return lines


def link_density(el) -> float:
    """Share of an element's text that sits inside links."""
    total = len(el.text_content().strip()) or 1
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked / total
