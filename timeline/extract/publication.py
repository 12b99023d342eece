"""Rank date candidates by trust and decide when a page was published and last updated."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from .signals import EITHER, PUBLISHED, UPDATED, Candidate
from .timestamps import Stamp

EARLIEST = datetime(1995, 1, 1).date()
# a byline one day off the URL is a late-night story filed before midnight
URL_SLACK = timedelta(days=1)


def plausible(candidates: list[Candidate], now: datetime) -> list[Candidate]:
    """Drop dates in the future (after `now`) or before the web had news sites."""
    today = now.date()
    kept = []
    for c in candidates:
        if c.stamp.day < EARLIEST or c.stamp.day > today:
            continue
        if c.stamp.precision != "day" and c.stamp.moment > now + timedelta(minutes=5):
            continue
        kept.append(c)
    return kept


def choose(candidates: list[Candidate], url_candidates: list[Candidate], now: datetime) -> tuple[Stamp | None, Stamp | None]:
    """The (published, updated) stamps, best-trusted first, kept consistent with the URL's day.

    >>> choose([], [], datetime(2023, 2, 1))
    (None, None)
    """
    candidates = plausible(candidates, now)
    url_day = url_candidates[0].stamp.day if url_candidates else None
    ranked = sorted((c for c in candidates if c.role != UPDATED), key=lambda c: -c.trust)
    published = pick_published(ranked, url_candidates, url_day)
    if published is not None:
        published = refine_time(published, ranked)
    updates = sorted((c for c in candidates if c.role == UPDATED), key=lambda c: -c.trust)
    updated = None
    for c in updates:
        # an "update" at or before publication is a CMS echo of the publication date
        if published is None or c.stamp.moment - published.stamp.moment >= timedelta(minutes=1):
            updated = c.stamp
            break
    return (published.stamp if published else None), updated


def pick_published(ranked: list[Candidate], url_candidates: list[Candidate], url_day) -> Candidate | None:
    if not ranked:
        return url_candidates[0] if url_candidates else None
    best = ranked[0]
    # a stated original publication (syndicated story) predates the re-publication the URL dates
    if url_day is None or abs(best.stamp.day - url_day) <= timedelta(0) or best.source == "original":
        return best
    # the URL fixes the day: a top signal on another day is usually an update posing as publication
    for c in ranked:
        if c.stamp.day == url_day and c.trust >= 60:
            return c
    if abs(best.stamp.day - url_day) <= URL_SLACK:
        return best
    return url_candidates[0]


def refine_time(best: Candidate, ranked: list[Candidate]) -> Candidate:
    """Borrow the time of day from a lesser signal on the same day when the best one has none."""
    if best.stamp.precision != "day" and (best.stamp.moment.hour, best.stamp.moment.minute) != (0, 0):
        return best
    for c in ranked:
        if c is not best and c.stamp.precision != "day" and c.stamp.day == best.stamp.day and c.role in (PUBLISHED, EITHER):
            if (c.stamp.moment.hour, c.stamp.moment.minute) != (0, 0):
                return replace(best, stamp=c.stamp)
    return best
