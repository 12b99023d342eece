"""What relative dates in each part of a text are relative to.

Most of an article speaks from its publication time, but a paragraph opened by an update
stamp ("Aggiornamento del 25 gennaio – Martedì sera…", "UPDATE 14:45 – …") speaks from the
time of that update: its "martedì sera" and "stamattina" must be read from there.

    >>> [(o, anchor) for o, _, anchor in anchored_segments(
    ...     "Il guasto dura da ieri.\\n"
    ...     "Aggiornamento del 25 gennaio – Martedì sera è arrivata la nota.",
    ...     "2023-01-24T11:20:00+01:00", None, "it", "Europe/Rome")]
    [(0, '2023-01-24T11:20:00+01:00'), (24, '2023-01-25T23:59:59+01:00')]
"""

from __future__ import annotations

import re

from incident_timeline.dates import tag_timexes
from incident_timeline.moments import local_day, parse_moment

# An update stamp opening a paragraph, in the languages the tagger reads.
UPDATE_STAMP = re.compile(
    r"(?im)^[^\w\n]{0,3}(?:aggiornamento|aggiornato|aggiornata|agg\.|update[d]?|edit)\b[^\n]{0,60}"
)


def stamp_anchor(
    stamp: str, published: str, updated: str | None, lang: str, timezone: str
) -> str | None:
    """The moment an update stamp names: its own time, or the page's update time on that day,
    or the end of that day; None when the stamp names no day or time.

    A clock time without a day ("Aggiornamento ore 19:10") is on the day of the page's stated update
    time, else on the publication day: never on a day before the page existed (TIMEX.md).
    """
    found = [
        t
        for t in tag_timexes(stamp, published, lang=lang, timezone=timezone)
        if t["type"] in ("DATE", "TIME") and t.get("earliest") and "/" not in t["value"]
    ]
    if not found:
        return None
    timex = found[0]
    clock = "T" in timex["value"] and timex["value"][11:13].isdigit()  # "Aggiornamento ore 14:45"
    if clock:
        if not DAY_IN_STAMP.search(timex["text"]):
            day = local_day(updated or published, timezone)
            return parse_moment(f"{day}T{timex['value'][11:16]}", timezone).isoformat()
        return timex["earliest"]
    if updated and local_day(updated, timezone) == timex["earliest"][:10]:
        return updated
    return timex["latest"]


# A stamp names its day with a number and a month, a weekday or "ieri"/"oggi";
# otherwise it is a time alone.
DAY_IN_STAMP = re.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s+[^\W\d_]{3,}|[^\W\d_]{3,}\.?\s+\d{1,2}\b(?!:)|"
    r"\b(?:oggi|ieri|today|yesterday|luned|marted|mercoled|gioved|venerd|sabato|domenica|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)


def anchored_segments(
    text: str, published: str, updated: str | None, lang: str, timezone: str
) -> list[tuple[int, str, str]]:
    """Split ``text`` at update stamps: ``(offset, segment, anchor)`` triples covering it all."""
    stamps = [m for m in UPDATE_STAMP.finditer(text)]
    if not stamps:
        return [(0, text, published)]
    segments = [(0, text[: stamps[0].start()], published)] if stamps[0].start() else []
    for i, stamp in enumerate(stamps):
        end = stamps[i + 1].start() if i + 1 < len(stamps) else len(text)
        anchor = stamp_anchor(stamp.group(0), published, updated, lang, timezone)
        if anchor is None or parse_moment(anchor, timezone) < parse_moment(published, timezone):
            anchor = published  # an update cannot speak from before the publication
        segments.append((stamp.start(), text[stamp.start() : end], anchor))
    return segments
