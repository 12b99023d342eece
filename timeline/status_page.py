"""The updates of a status page's incident page, read from its HTML.

A hosted status page (Atlassian Statuspage and the many that copy its markup) shows an
incident as a list of updates, each with a status word, a text and the instant it was
posted. Read as an article, the page would lose what matters: which update said what,
and when. This reads them as the Statuspage API gives them::

    updates = status_updates(html)
    # → [{"status": "investigating", "body": "Our engineers are investigating.",
    #     "created_at": "2023-10-28T21:05:00+00:00"}, …]   oldest first

The instant comes from the ``data-datetime-unix`` attribute (milliseconds) when the page has
it, else from the timestamp's text with its zone ("Oct 28, 2023 - 22:05 BST"), else from a
``<time datetime>``. A page without such updates gives an empty list.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.html

# Zone abbreviations status pages print, as UTC offsets (hours).
ZONES = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "IST": 1,
    "WEST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AEST": 10,
    "AEDT": 11,
    "JST": 9,
}
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
STAMP = re.compile(
    r"(?P<month>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\s*[-–,]?\s*"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AaPp][Mm])?\s*(?P<zone>[A-Z]{1,4})?"
)
ROWS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' update-row ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' incident-update ')]"
)


def _text(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _first(row, name: str):
    found = row.xpath(f".//*[contains(@class, '{name}')]")
    return found[0] if found else None


def stamp_instant(text: str) -> dt.datetime | None:
    """'Oct 28, 2023 - 22:05 BST' → 2023-10-28 21:05 UTC; None when unreadable or zoneless."""
    match = STAMP.search(text or "")
    if not match or match.group("month").lower()[:3] not in MONTHS:
        return None
    zone = match.group("zone")
    if zone not in ZONES:
        return None
    hour = int(match.group("hour")) % 12 if match.group("ampm") else int(match.group("hour"))
    if (match.group("ampm") or "").lower() == "pm":
        hour += 12
    try:
        local = dt.datetime(
            int(match.group("year")),
            MONTHS[match.group("month").lower()[:3]],
            int(match.group("day")),
            hour,
            int(match.group("minute")),
        )
    except ValueError:
        return None
    return local.replace(tzinfo=dt.timezone(dt.timedelta(hours=ZONES[zone])))


def _instant(row) -> dt.datetime | None:
    for value in row.xpath(".//@data-datetime-unix"):
        if value.strip().isdigit():
            return dt.datetime.fromtimestamp(int(value) / 1000, dt.UTC)
    stamp = stamp_instant(_text(_first(row, "timestamp")) or _text(row))
    if stamp:
        return stamp
    for value in row.xpath(".//time/@datetime"):
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo:
            return moment
    return None


def status_updates(html: str | bytes) -> list[dict]:
    """The page's incident updates, oldest first; [] when it has none."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    updates = []
    for row in tree.xpath(ROWS):
        title, body = _first(row, "update-title"), _first(row, "update-body")
        instant = _instant(row)
        if body is None or instant is None:
            continue
        updates.append(
            {
                "status": _text(title).lower().replace(" ", "_") or "update",
                "body": _text(body),
                "created_at": instant.astimezone(dt.UTC).isoformat(),
            }
        )
    return sorted(updates, key=lambda u: u["created_at"])


def updates_text(updates: list[dict]) -> str:
    """The incident as text, an update a paragraph ("Identified — …"), as the API's read."""
    return "\n\n".join(
        f"{u['status'].replace('_', ' ').capitalize()} — {u['body']}" for u in updates
    )
