"""Collect machine-readable date candidates: JSON-LD, meta tags, microdata, <time>, the URL."""

from __future__ import annotations

import re
from datetime import UTC, date
from functools import lru_cache

from .bylines import label_before
from .candidate import EITHER, PUBLISHED, UPDATED, Candidate
from .jsonld import text as ld_text
from .layout import is_teaser
from .timestamps import MONTH_NUMBER, make_stamp, parse_human, parse_machine
from .titles import metas

# a meta that only says "date" (date, dc.date, dcterms.date) is as often the page's last change as
# its publication: the byline under the headline, when there is one, says which day the story is
# from
GENERIC = 61
# meta name/property → (role, trust); the OpenGraph article namespace is the most reliable.
META_DATES = {
    "article:published_time": (PUBLISHED, 95),
    "og:article:published_time": (PUBLISHED, 95),
    "og:published_time": (PUBLISHED, 93),
    "article:published": (PUBLISHED, 90),
    "article:modified_time": (UPDATED, 95),
    "og:article:modified_time": (UPDATED, 95),
    "og:updated_time": (UPDATED, 93),
    "article:modified": (UPDATED, 90),
    "og:modified_time": (UPDATED, 90),
    "datepublished": (PUBLISHED, 88),
    "datemodified": (UPDATED, 88),
    "datecreated": (PUBLISHED, 80),
    "pubdate": (PUBLISHED, 85),
    "publishdate": (PUBLISHED, 85),
    "publish-date": (PUBLISHED, 85),
    "publish_date": (PUBLISHED, 85),
    "published_date": (PUBLISHED, 85),
    "publication_date": (PUBLISHED, 85),
    "publication-date": (PUBLISHED, 85),
    "date_published": (PUBLISHED, 85),
    "article.published": (PUBLISHED, 85),
    "article_date_original": (PUBLISHED, 85),
    "originalpublicationdate": (PUBLISHED, 85),
    "parsely-pub-date": (PUBLISHED, 85),
    "sailthru.date": (PUBLISHED, 84),
    "dc.date.issued": (PUBLISHED, 85),
    "dcterms.issued": (PUBLISHED, 85),
    "dc.date.created": (PUBLISHED, 82),
    "dcterms.created": (PUBLISHED, 82),
    "dc.date": (PUBLISHED, GENERIC),
    "dcterms.date": (PUBLISHED, GENERIC),
    "dc:date": (PUBLISHED, GENERIC),
    "citation_publication_date": (PUBLISHED, 84),
    "citation_date": (PUBLISHED, 82),
    "cxenseparse:recs:publishtime": (PUBLISHED, 84),
    "displaydate": (PUBLISHED, 80),
    "date": (PUBLISHED, GENERIC),
    "created": (PUBLISHED, 75),
    "article.created": (PUBLISHED, 80),
    "og:pubdate": (PUBLISHED, 84),
    "dc.date.modified": (UPDATED, 82),
    "dcterms.modified": (UPDATED, 82),
    "article.updated": (UPDATED, 82),
    "lastmod": (UPDATED, 80),
    "last-modified": (UPDATED, 78),
    "revised": (UPDATED, 75),
    "sailthru.lastmodified": (UPDATED, 80),
    "parsely-updated-date": (UPDATED, 82),
}
# a site's own publication metas ("govuk:first-published-at", "zdf:publicationdate", "bt:pubdate",
# "dcsext.articlefirstpublished"): a name that says publication or change is read as one; some are
# stamped again on every save, so the byline under the headline outranks them (their time of day
# still refines it)
VENDOR_UPDATED_RE = re.compile(r"modif|updat|lastpub|revis|moddate|changed")
VENDOR_PUBLISHED_RE = re.compile(r"publi|pubdate|pubtime|releasedate|firstpub|created|issued")
VENDOR_PUBLISHED, VENDOR_UPDATED = (PUBLISHED, 67), (UPDATED, 80)
LD_DATES = {
    "datePublished": (PUBLISHED, 100),
    "dateCreated": (PUBLISHED, 80),
    "dateModified": (UPDATED, 100),
    "uploadDate": (PUBLISHED, 85),
}
ITEMPROP_DATES = {
    "datepublished": (PUBLISHED, 90),
    "datecreated": (PUBLISHED, 78),
    "datemodified": (UPDATED, 90),
}
TIME_PUBLISHED_RE = re.compile(r"publi|pubdate|posted|created|entry-date|data-pubbl", re.I)
TIME_UPDATED_RE = re.compile(r"updat|modif|aggiorn|aktualis|revised", re.I)


def from_jsonld(article: dict | None, tz) -> list[Candidate]:
    """Dates of the page's own JSON-LD article node.

    >>> from incident_timeline.extract.timestamps import zone
    >>> [c.role for c in from_jsonld({"datePublished": "2023-01-24"}, zone("Europe/Rome"))]
    ['published']
    """
    found = []
    for key, (role, trust) in LD_DATES.items():
        stamp = parse_machine(ld_text(article.get(key)) or "", tz) if article else None
        if stamp:
            found.append(Candidate(stamp, role, trust, f"jsonld:{key}"))
    return found


def from_meta(tree, tz) -> list[Candidate]:
    """Dates in <meta> tags (OpenGraph, Dublin Core, Parse.ly, Sailthru...)."""
    found = []
    for meta, key in metas(tree):
        if not key:
            key = (meta.get("http-equiv") or "").strip().lower()
        rule = META_DATES.get(key) or vendor_rule(key)
        if rule is None:
            continue
        stamp = parse_machine(meta.get("content") or "", tz)
        if stamp:
            found.append(Candidate(stamp, rule[0], rule[1], f"meta:{key}"))
    return found


@lru_cache(maxsize=1024)
def vendor_rule(key: str) -> tuple[str, int] | None:
    """(role, trust) of a meta name no table lists, from what it says.

    >>> vendor_rule("govuk:first-published-at"), vendor_rule("zdf:modificationdate")
    (('published', 67), ('updated', 80))
    >>> vendor_rule("article:expiration_time") is None
    True
    """
    letters = re.sub(r"[^a-z]", "", key)
    if VENDOR_UPDATED_RE.search(letters):
        return VENDOR_UPDATED
    return VENDOR_PUBLISHED if VENDOR_PUBLISHED_RE.search(letters) else None


def unread_meta_dates(tree) -> list[str]:
    """The values of date meta tags that are no machine date: a human date in words, in any
    language ("الأربعاء، 07 أكتوبر 2020 - 12:09 م")."""
    values = [meta.get("content") for meta, key in metas(tree) if key in META_DATES]
    return [value for value in values if value and parse_machine(value, UTC) is None]


def from_microdata(layout, tz) -> list[Candidate]:
    """itemprop=datePublished/dateModified outside related boxes, comments and sidebars (first of
    each)."""
    found, seen = [], set()
    for el in layout.itemprops:
        key = el.get("itemprop", "").lower()
        if key not in ITEMPROP_DATES or key in seen:
            continue
        if layout.in_boilerplate(el) and not in_own_posting(el, layout):
            continue
        # microformats put the machine value of <abbr class="published"> in its title
        value = (
            el.get("content")
            or el.get("datetime")
            or (el.get("title") if el.tag == "abbr" else None)
        )
        stamp = parse_machine(value, tz) if value else parse_human(el.text_content(), tz)
        if stamp:
            seen.add(key)
            role, trust = ITEMPROP_DATES[key]
            found.append(Candidate(stamp, role, trust, f"itemprop:{key}"))
    return found


def in_own_posting(el, layout) -> bool:
    """True when the element belongs to an Article/BlogPosting item scope that is not boilerplate
    itself: Blogger puts a post's datePublished in its "post-footer"."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            return bool(
                ARTICLE_ITEMTYPE_RE.search(anc.get("itemtype") or "")
            ) and not layout.in_boilerplate(anc)
    return False


ARTICLE_ITEMTYPE_RE = re.compile(r"Article|Posting|Report", re.I)


def from_time_elements(layout, tz) -> list[Candidate]:
    """<time datetime> inside the article region, typed by pubdate/class or a nearby label."""
    found = []
    for el in layout.region.iter("time"):
        if layout.in_boilerplate(el) or is_teaser(el):
            continue
        value = el.get("datetime")
        stamp = parse_machine(value, tz) if value else parse_human(el.text_content(), tz)
        if not stamp:
            continue
        hints = " ".join(
            filter(
                None,
                (
                    el.get("class"),
                    el.get("itemprop"),
                    el.get("id"),
                    el.getparent().get("class") if el.getparent() is not None else None,
                ),
            )
        )
        if el.get("pubdate") is not None or TIME_PUBLISHED_RE.search(hints):
            role, trust = PUBLISHED, 86
        elif TIME_UPDATED_RE.search(hints):
            role, trust = UPDATED, 84
        else:
            parent = el.getparent()
            before = ""
            if parent is not None:
                whole = parent.text_content()
                own = el.text_content()
                before = whole[: whole.find(own)] if own and own in whole else (parent.text or "")
            role = label_before(before) or EITHER
            trust = 84 if role != EITHER else 72
        found.append(Candidate(stamp, role, trust, "time"))
    return found


URL_PATTERNS = (
    re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_]|\.|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)"),
)
URL_DMY_RE = re.compile(r"[/_-]([0-3]?\d)[_-]([01]?\d)[_-]((?:19|20)\d\d)(?:[/_.-]|$)")
URL_CORRIERE_RE = re.compile(r"/(\d\d)_([a-z]+)_([0-3]?\d)/", re.I)


def url_date(url: str | None) -> date | None:
    """The publication day spelled in a URL, if any.

    >>> url_date("https://www.corriere.it/tecnologia/23_gennaio_26/mail-down.shtml")
    datetime.date(2023, 1, 26)
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    for pattern in URL_PATTERNS:
        match = pattern.search(path)
        if match:
            return safe_date(match.group(1), match.group(2), match.group(3))
    match = URL_CORRIERE_RE.search(path)
    if match and match.group(2) in MONTH_NUMBER:
        return safe_date("20" + match.group(1), MONTH_NUMBER[match.group(2)], match.group(3))
    match = URL_DMY_RE.search(path)
    if match:
        return safe_date(match.group(3), match.group(2), match.group(1))
    return None


def safe_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def from_url(url: str | None, tz) -> list[Candidate]:
    """The URL's date as a day-precision publication candidate."""
    day = url_date(url)
    return [Candidate(make_stamp(day, None, tz), PUBLISHED, 60, "url")] if day else []
