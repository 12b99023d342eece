"""The publication as the page states it: with the page's own offset when its machine data wrote
UTC.

CMSes often normalise to UTC ("2023-11-09T02:11:03Z") a story their readers see dated 8 November at
21:11 in New York; `published_original` is that story's own day and offset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from .candidate import UPDATED, Candidate
from .timestamps import Stamp

# the widest offsets of inhabited places with news sites: Hawaii (UTC-10:00) to Kiribati (UTC+14:00)
WEST, EAST = timedelta(hours=-10), timedelta(hours=14)


def as_page_states(
    stamp: Stamp,
    structured: list[Candidate],
    url_candidates: list[Candidate],
    own_zone,
    page_evidence: Callable[[], list[Candidate]],
) -> Stamp:
    """The stamp restated with the page's own offset when its machine data wrote it in UTC.

    The page's own offset comes from the same instant written elsewhere with an offset, or from the
    wall clock of its byline, or from its country's zone unless its bylines show UTC days; failing
    those, a day the page spells without an offset (URL, byline) is its day. ``page_evidence`` gives
    the visible dates: read only when the day depends on them.

    >>> from datetime import date, time
    >>> from .timestamps import make_stamp, zone
    >>> utc = make_stamp(date(2023, 1, 25), time(4, 5), zone("Europe/Rome"), timezone.utc)
    >>> rome = zone("Europe/Rome")
    >>> byline = Candidate(make_stamp(date(2023, 1, 24), time(22, 5), rome), "either", 68, "text")
    >>> as_page_states(utc, [], [], None, lambda: [byline]).stated_iso()
    '2023-01-24T22:05:00-06:00'
    """
    stated = stamp.stated
    if not isinstance(stated, datetime) or stated.utcoffset() != timedelta(0):
        return stamp
    instant = stamp.moment.astimezone(UTC)
    offset = written_offset(instant, structured)
    if offset is not None:
        return replace(stamp, stated=instant.astimezone(timezone(offset)))
    url_day = page_day(instant, [], url_candidates)
    zoned = instant.astimezone(own_zone) if own_zone is not None else None
    if zoned is not None and zoned.date() == (url_day or instant.date()):
        return replace(stamp, stated=zoned)  # the zone and the page agree on the day
    if zoned is None and url_day is not None:
        return replace(stamp, stated=url_day) if url_day != instant.date() else stamp
    candidates = structured + page_evidence()
    offset = written_offset(instant, candidates)
    if offset is not None:
        return replace(stamp, stated=instant.astimezone(timezone(offset)))
    local_day = page_day(instant, candidates, url_candidates)
    if zoned is not None and (local_day is None or zoned.date() == local_day):
        return replace(stamp, stated=zoned)
    if local_day is not None and local_day != instant.date():
        return replace(stamp, stated=local_day)
    return stamp


def written_offset(instant: datetime, candidates: list[Candidate]) -> timedelta | None:
    """The page's own offset for a UTC instant: the same instant written elsewhere with an offset,
    or the naive byline clock showing the same minute."""
    for c in candidates:
        other = c.stamp.stated
        if (
            isinstance(other, datetime)
            and other.utcoffset()
            and abs(c.stamp.moment - instant) < timedelta(minutes=1)
        ):
            return other.utcoffset()
    return wall_clock_offset(instant, candidates)


def wall_clock_offset(instant: datetime, candidates: list[Candidate]) -> timedelta | None:
    """The offset between a UTC instant and the page's naive byline clock showing the same
    minute."""
    utc_minute = instant.replace(tzinfo=None, second=0, microsecond=0)
    for c in candidates:
        wall = c.stamp.stated
        if c.role == UPDATED or not isinstance(wall, datetime) or wall.tzinfo is not None:
            continue
        offset = wall.replace(second=0, microsecond=0) - utc_minute
        if offset and WEST <= offset <= EAST and offset % timedelta(minutes=15) == timedelta(0):
            return offset
    return None


def page_day(instant: datetime, candidates: list[Candidate], url_candidates: list[Candidate]):
    """The calendar day the page itself gives for a UTC instant: its URL's day, else its best dated
    byline, when some offset between WEST and EAST puts the instant on that day."""
    ranked = url_candidates + sorted(candidates, key=lambda c: -c.trust)
    for c in ranked:
        stated = c.stamp.stated
        if (
            c.role == UPDATED
            or stated is None
            or (isinstance(stated, datetime) and stated.tzinfo is not None)
        ):
            continue
        day = stated.date() if isinstance(stated, datetime) else stated
        if (instant + WEST).date() <= day <= (instant + EAST).date():
            return day
    return None
