"""The time axis of the overview drawing: days and moments to a position across, in % of the
drawing's width. The scale is piecewise: the days of the outage (its start to its full
restoration) take most of the width; a long aftermath or lead-up is compressed into a strip
of its own, after a visible gap (the break).

    scale = time_scale(dt.date(2023, 1, 21), dt.date(2023, 3, 1),
                       core=(dt.date(2023, 1, 21), dt.date(2023, 1, 29)), tz="Europe/Rome")
    scale.moment("2023-01-28T20:45:00+01:00")  # 68.4 (%): the outage's 9 days take ~4/5
    scale.breaks                               # [(78.1, 79.6)]: the gap before the aftermath
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from incident_timeline.labels import local

#: The plot's left and right edges, in % of the drawing's width.
LEFT, RIGHT = 1.5, 98.5
#: The gap that marks a change of scale, in % of the width.
GAP = 1.5
#: A lead-up or aftermath shorter than this many days is never compressed.
MIN_COMPRESSED_DAYS = 5


@dataclass(frozen=True)
class Segment:
    """Consecutive days drawn at one scale, from ``left`` to ``right`` (% of the width)."""

    first: dt.date
    last: dt.date
    left: float
    right: float
    compressed: bool = False
    days: int = field(init=False)
    day_width: float = field(init=False)

    def __post_init__(self):
        days = (self.last - self.first).days + 1
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "day_width", (self.right - self.left) / days)

    def at(self, days_after_first: float) -> float:
        return self.left + self.day_width * days_after_first


class TimeScale:
    """Days and moments to % across; days outside the segments are clamped to the ends."""

    def __init__(self, segments: list[Segment], tz: str | None):
        self.segments, self.tz = segments, tz
        self.first, self.last = segments[0].first, segments[-1].last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def breaks(self) -> list[tuple[float, float]]:
        """The gaps between segments, as (left, right) in %."""
        return [(a.right, b.left) for a, b in itertools.pairwise(self.segments)]

    def segment(self, day: dt.date) -> Segment:
        for segment in self.segments:
            if day <= segment.last:
                return segment
        return self.segments[-1]

    def covers(self, value) -> bool:
        day = _as_date(value, self.tz)
        return day is not None and self.first <= day <= self.last

    def day(self, day: dt.date) -> tuple[float, float]:
        """The span of one day, (left, right) in %."""
        segment = self.segment(day)
        offset = (day - segment.first).days
        return segment.at(offset), segment.at(offset + 1)

    def moment(self, value, clamp=True) -> float | None:
        """Where a moment (ISO 8601 text) falls, in %; None when it cannot be read. A moment
        outside the days drawn is at the nearest end, or (``clamp=False``) None."""
        moment = local(value, self.tz)
        if moment is None:
            return None
        day = moment.date()
        if day < self.first:
            return self.segments[0].left if clamp else None
        if day > self.last:
            return self.segments[-1].right if clamp else None
        segment = self.segment(day)
        offset = (day - segment.first).days + (moment.hour * 60 + moment.minute) / 1440
        return segment.at(offset)


def _as_date(value, tz) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if value and len(str(value)) == 10:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return None
    moment = local(value, tz)
    return moment.date() if moment else None


def compressed_share(days: int) -> float:
    """The share of the plot a compressed strip of this many days gets: 12 % to 22 %."""
    return min(0.22, max(0.12, 0.04 + 0.005 * days))


def time_scale(
    first: dt.date,
    last: dt.date,
    core: tuple[dt.date, dt.date] | None = None,
    tz: str | None = None,
) -> TimeScale:
    """The scale for the days ``first`` to ``last``. ``core`` (the outage's days) stays wide:
    the days before or after it are compressed when, drawn to the same scale, they would take
    more of the width than a compressed strip gets."""
    total = (last - first).days + 1
    if core is None:
        return TimeScale([Segment(first, last, LEFT, RIGHT)], tz)
    start, end = max(core[0], first), min(core[1], last)
    if start > end:
        return TimeScale([Segment(first, last, LEFT, RIGHT)], tz)
    before, after = (start - first).days, (last - end).days
    squeeze_before = before >= MIN_COMPRESSED_DAYS and before / total > compressed_share(before)
    squeeze_after = after >= MIN_COMPRESSED_DAYS and after / total > compressed_share(after)
    if not (squeeze_before or squeeze_after):
        return TimeScale([Segment(first, last, LEFT, RIGHT)], tz)
    width = RIGHT - LEFT
    plan = []  # (first, last, share or None for the core, compressed)
    if squeeze_before:
        plan.append((first, start - dt.timedelta(days=1), compressed_share(before), True))
    plan.append((start if squeeze_before else first, end if squeeze_after else last, None, False))
    if squeeze_after:
        plan.append((end + dt.timedelta(days=1), last, compressed_share(after), True))
    gaps = GAP * (len(plan) - 1)
    squeezed = sum(width * share for *_, share, compressed in plan if compressed)
    segments, x = [], LEFT
    for a, b, share, compressed in plan:
        span = width * share if compressed else width - gaps - squeezed
        segments.append(Segment(a, b, x, x + span, compressed))
        x += span + GAP
    return TimeScale(segments, tz)
