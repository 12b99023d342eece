"""Temporal tagger: find Italian and English temporal expressions and normalise them to TIMEX3.

>>> found = tag_timexes("Ieri verso le 15 il servizio è tornato.", "2023-02-03T10:00")
>>> [(t["text"], t["value"]) for t in found]
[('Ieri verso le 15', '2023-02-02T15:00')]

Conventions are in TIMEX.md and docs/DATES.md. Both languages' grammars always run (no
language detection); `lang` other than "en" is read as "it".
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from . import periods  # noqa: F401  (quarters, halves, decades… register their rules)
from .grammar import find_chunks
from .resolve import Context, to_timex

__all__ = ["tag_timexes", "sentence_around", "publication_time"]


def publication_time(published: str | datetime, timezone: str = "Europe/Rome") -> datetime:
    """An aware datetime in `timezone` from ISO 8601 (naive means local time) or a datetime.

    >>> publication_time("2023-02-03T10:00").isoformat()
    '2023-02-03T10:00:00+01:00'
    """
    key = (published, timezone)
    moment = _PUBLISHED.get(key)
    if moment is None:  # an article's sentences share one publication time: parse it once
        zone = ZoneInfo(timezone)
        moment = (
            published
            if isinstance(published, datetime)
            else datetime.fromisoformat(published.strip())
        )
        moment = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
        if len(_PUBLISHED) >= 1024:
            _PUBLISHED.clear()
        _PUBLISHED[key] = moment
    return moment


_PUBLISHED: dict = {}  # (published, timezone) -> aware datetime


def tag_timexes(
    text: str, published: str | datetime, lang: str = "it", timezone: str = "Europe/Rome"
) -> list[dict]:
    """The temporal expressions of `text`, in text order, as TIMEX.md dictionaries.

    >>> tag_timexes("La società risponderà entro lunedì.", "2023-02-03T10:00")[0]["value"]
    '2023-02-06'
    """
    moment = publication_time(
        published, timezone
    )  # parsed first: a bad time is an error even in a text without dates
    chunks = find_chunks(text)
    if not chunks:
        return []
    context = Context(text, moment, moment.tzinfo, "en" if lang == "en" else "it")
    timexes = []
    for chunk in chunks:
        timex = to_timex(context, chunk)
        if timex.__class__ is list:  # an English interval: each end on its own
            timexes.extend(timex)
        elif timex is not None:
            timexes.append(timex)
    return timexes


SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÀ-Ý0-9])|\n\s*\n|\n(?=\S)", 0)


def sentence_around(text: str, span: tuple[int, int], limit: int = 400) -> str:
    """The sentence containing text[span[0]:span[1]], trimmed, at most about `limit` characters.

    >>> sentence_around("Primo. Il guasto è iniziato ieri sera. Poi altro.", (28, 37))
    'Il guasto è iniziato ieri sera.'
    """
    begin, end = span
    # One character past the expression: a break's look-ahead must see the sentence's first letter.
    start = max(
        (m.end() for m in SENTENCE_BREAK.finditer(text, 0, begin + 1) if m.end() <= begin),
        default=0,
    )
    following = SENTENCE_BREAK.search(text, end)
    stop = following.start() if following else len(text)
    if stop - start > limit:  # a run-on "sentence": a window centred on the expression
        half = max(0, (limit - (end - begin)) // 2)
        start, stop = max(start, begin - half), min(stop, end + half)
    return text[start:stop].strip()
