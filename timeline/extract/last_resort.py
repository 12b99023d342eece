"""Last resorts for a page our own rules cannot date: htmldate's guess, then the page's most
frequent day."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from lxml.etree import XPath

from .candidate import EARLIEST, EITHER, Candidate
from .timestamps import find_human, make_stamp

HTMLDATE_TRUST = 40


def htmldate_candidate(tree, url, tz, now) -> list[Candidate]:
    """htmldate's fast guess, our last resort when the page has no signal we trust more."""
    from htmldate import find_date

    try:
        found = find_date(
            tree,
            extensive_search=False,
            original_date=True,
            url=url,
            max_date=now.strftime("%Y-%m-%d"),
        )
    except Exception:  # htmldate is a guess; its failures are not ours to raise
        return []
    if not found:
        return []
    day = datetime.strptime(found, "%Y-%m-%d").date()
    return [Candidate(make_stamp(day, None, tz), EITHER, HTMLDATE_TRUST, "htmldate")]


PAGE_TEXT = XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]|//body//script[not(@src) and string-length(.) < 160]/text()"
)
PAGE_WIDE_TRUST = 35
# a header widget showing the day the page was seen: <div class="data-oggi">, <span id="today-date">
TODAY_WIDGET_RE = re.compile(
    r"oggi|today|heute|aujourd|hoy\b|hoje|vandaag|dzisiaj|idag|current.?date|date.?now", re.I
)


def page_wide(layout, tz, now) -> list[Candidate]:
    """The last resort on a page nothing else dates: its most frequent day anywhere in the body
    outside boilerplate and today-widgets (first seen on a tie), as htmldate's extensive search
    does, without its slow external parser. Tiny inline scripts count: old portals write the date
    with ``showDate("2020/04/17 01:43")``."""
    days: Counter = Counter()
    for text in PAGE_TEXT(layout.tree):
        parent = text.getparent()
        if parent is not None and parent.tag == "script":
            parent = parent.getparent()  # a script is never visible: where it writes is what counts
        if (
            len(text) < 6
            or parent is None
            or layout.in_boilerplate(parent)
            or is_today_widget(parent)
        ):
            continue
        days.update(stamp.day for _, _, stamp in find_human(str(text), tz))
    days = Counter({day: n for day, n in days.items() if EARLIEST <= day <= now.date()})
    if not days:
        return []
    day = max(days, key=days.get)  # max keeps the first seen among equals
    return [Candidate(make_stamp(day, None, tz), EITHER, PAGE_WIDE_TRUST, "page")]


def is_today_widget(el) -> bool:
    """True when the element or one of its two parents is named as today's date."""
    for _ in range(3):
        if el is None:
            return False
        if TODAY_WIDGET_RE.search(" ".join(filter(None, (el.get("class"), el.get("id"))))):
            return True
        el = el.getparent()
    return False
