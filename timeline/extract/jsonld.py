"""Read the JSON-LD blocks of a page and pick the node that describes the page itself."""

from __future__ import annotations

import json
import re

ARTICLE_TYPES = set(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle "
    "opinionnewsarticle reviewnewsarticle backgroundnewsarticle liveblogposting "
    "techarticle scholarlyarticle socialmediaposting report posting webpage faqpage "
    "qapage pressrelease".split()
)
LISTING_TYPES = {"itemlist", "collectionpage", "searchresultspage", "breadcrumblist"}


def nodes(tree) -> list[dict]:
    """Every JSON-LD object on the page, flattening top-level lists and @graph.

    >>> from incident_timeline.extract.layout import parse
    >>> script = '{"@graph":[{"@type":"NewsArticle"}]}'
    >>> nodes(parse(f'<script type="application/ld+json">{script}</script>'))
    [{'@type': 'NewsArticle'}]
    """
    found: list[dict] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = loads(script.text or "")
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                found.extend(g for g in graph if isinstance(g, dict))
            elif isinstance(graph, dict):
                found.append(graph)
            if "@type" in item or "headline" in item:
                found.append(item)
    return found


WRAPPERS_RE = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
CONTROL_RE = re.compile(r"[\x00-\x1f]")
TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def loads(text: str):
    """json.loads that tolerates CDATA wrappers, HTML comments and control characters."""
    text = WRAPPERS_RE.sub("", text.strip())
    try:
        return json.loads(text)
    except ValueError:
        pass
    # repairs only for the blocks that need them: control characters, then trailing commas
    text = CONTROL_RE.sub(" ", text)
    for candidate in (text, TRAILING_COMMA_RE.sub(r"\1", text)):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


def types(node: dict) -> set[str]:
    """The lowercase @type names of a node."""
    value = node.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def main_article(
    items: list[dict], url: str | None = None, title: str | None = None
) -> dict | None:
    """The article node describing this page: matching URL or headline first, then the first
    article-like one."""
    articles = [n for n in items if types(n) & ARTICLE_TYPES]
    if not articles:
        return None
    # true articles beat a generic WebPage node
    articles.sort(key=lambda n: "webpage" in types(n) or "faqpage" in types(n))
    stories = [n for n in articles if not types(n) & {"webpage", "faqpage"}]
    for node in stories:
        if url and same_url(url, node_url(node)):
            return node
    for node in stories:
        if (
            title
            and text(node.get("headline"))
            and text(node.get("headline")).strip().lower() == title.strip().lower()
        ):
            return node
    # a story node with no address of its own in the same graph as the page's WebPage node is the
    # page's story
    for node in stories:
        if not node_url(node):
            return node
    for node in articles:
        if url and same_url(url, node_url(node)):
            return node
    return articles[0]


def node_url(node: dict) -> str:
    value = node.get("url") or node.get("mainEntityOfPage") or node.get("@id") or ""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or ""
    return value if isinstance(value, str) else ""


def same_url(a: str, b: str) -> bool:
    """True when two URLs point at the same page, ignoring scheme, query and trailing slash."""

    def key(u: str) -> str:
        return re.sub(r"^https?://(www\.)?|[?#].*$|/+$", "", u.strip().lower())

    return bool(b) and key(a) == key(b)


def text(value) -> str | None:
    """A plain string from a JSON-LD value (string, list, or {"name": ...} object)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return text(value.get("name") or value.get("@value"))
    if isinstance(value, list):
        parts = [text(v) for v in value]
        parts = [p for p in parts if p]
        return ", ".join(dict.fromkeys(parts)) or None
    return None


def is_listing(items: list[dict]) -> bool:
    """True when the page describes itself as a collection, not an article."""
    kinds = set().union(*(types(n) for n in items)) if items else set()
    if kinds & (ARTICLE_TYPES - {"webpage"}):
        return False
    return bool(kinds & {"itemlist", "collectionpage", "searchresultspage"})
