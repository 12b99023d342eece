"""The page's headline, from the h1 checked against JSON-LD and OpenGraph titles."""

from __future__ import annotations

import re

from .jsonld import text as ld_text

SEPARATOR_RE = re.compile(r"\s+[|–—·:-]{1,2}\s+")


# the <meta> tags of the last few trees: several modules look up meta tags, the page is walked once
_METAS: dict = {}
_METAS_KEPT = 4


def metas(tree) -> list:
    """Every <meta> of the page as (element, lowercase name/property/itemprop), walked once per
    tree."""
    entry = _METAS.get(id(tree))
    if entry is not None and entry[0] is tree:
        return entry[1]
    found = [
        (m, (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower())
        for m in tree.iter("meta")
    ]
    if len(_METAS) >= _METAS_KEPT:
        _METAS.pop(next(iter(_METAS)))
    _METAS[id(tree)] = (
        tree,
        found,
    )  # the tree is kept with its entry, so its id cannot be reused meanwhile
    return found


def meta_content(tree, *keys: str) -> str | None:
    """The content of the first <meta> whose name or property is one of `keys`."""
    wanted = {k.lower() for k in keys}
    for meta, key in metas(tree):
        if key in wanted and (meta.get("content") or "").strip():
            return " ".join(meta.get("content").split())
    return None


def strip_site_name(title: str, site: str | None = None) -> str:
    """Drop a site name appended to a title.

    >>> strip_site_name("Mail down per giorni | Il Quotidiano")
    'Mail down per giorni'
    """
    parts = SEPARATOR_RE.split(title)
    if len(parts) < 2:
        return title
    if site:
        kept = [p for p in parts if p.strip().lower() != site.strip().lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=len)
    others = [p for p in parts if p is not longest]
    return longest if all(len(p) <= 30 for p in others) else title


def is_part(headline: str, title: str) -> bool:
    """True if ``headline`` is one of the parts of a "Part – Part | Part" title.

    >>> is_part("About us", "About us – Harbour Think Tank"), is_part("About", "About us – Harbour")
    (True, False)
    """
    wanted = " ".join(headline.split()).lower()
    parts = SEPARATOR_RE.split(" ".join(title.split()))
    return len(parts) > 1 and any(part.strip().lower() == wanted for part in parts)


def title(tree, article: dict | None, head) -> str | None:
    """The headline: the h1 when the metadata agrees with it, else JSON-LD, OpenGraph, <title>."""
    site = meta_content(tree, "og:site_name", "application-name")
    h1 = " ".join(head.text_content().split()) if head is not None else None
    metas = [
        t
        for t in (
            ld_text(article.get("headline")) if article else None,
            meta_content(tree, "og:title", "twitter:title"),
        )
        if t
    ]
    if h1 and any(is_part(h1, t) for t in metas + [tree.findtext(".//title") or ""]):
        return h1  # "About us – Harbour Think Tank": the headline is the part the page repeats
    metas = [strip_site_name(" ".join(t.split()), site) for t in metas]
    if (
        h1
        and len(h1) >= 10
        and (not metas or any(h1.lower() in t.lower() or t.lower() in h1.lower() for t in metas))
    ):
        return h1
    if metas:
        return metas[0]
    if h1:
        return h1
    el = tree.find(".//title")
    if el is not None and el.text_content().strip():
        return strip_site_name(" ".join(el.text_content().split()), site)
    return None
