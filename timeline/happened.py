"""When a happening took place, from the date a sentence mentions and when it was reported.

Three times are kept apart for every event (docs/PIPELINE.md): when it was *reported*,
when it *happened*, and the date it *mentions*. This module turns the last two into the
first: a :class:`When` with a best estimate, bounds and a precision.

    >>> when = mention_when({"value": "2023-01-22T22:00", "mod": "APPROX", "text": "verso le 22",
    ...                      "earliest": "2023-01-22T22:00:00+01:00",
    ...                      "latest": "2023-01-22T22:59:59+01:00"}, "Europe/Rome")
    >>> when.precision, when.iso()["at"]
    ('hour', '2023-01-22T22:00:00+01:00')

- A point or period mentioned is when it happened: its best estimate is the stated time,
  the middle of a part of day, or the start of a day, week or month.
- A duration counted back from the report ("da tre giorni", "have been down for four
  days") estimates a start with bounds one unit either side; it never names a day of its own.
- A statement or an action happens when it is made: the report time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from incident_timeline.moments import parse_moment

SECOND = dt.timedelta(seconds=1)
#: Precisions at least as fine as a day: such a happening is filed under its own day.
DAY_OR_FINER = ("minute", "hour", "part_of_day", "day")

_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_HOUR = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}$")
_PART = re.compile(r"^\d{4}-\d{2}-\d{2}T(?:MO|MI|AF|EV|NI|DT)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^\d{4}-W\d{2}(?:-WE)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DURATION = re.compile(r"^P(?:T)?(\d+(?:\.\d+)?)([YMWDHS])$")
# "la notte del 23", "the night of 23 January": in news usage most often the night that
# leads into that day, though TIMEX3 writes the night that follows it; both are kept.
_NIGHT_OF_DAY = re.compile(
    r"\b(?:nott\w*\s+(?:del|di|dell')|night\s+of(?:\s+the)?)\s*\d", re.IGNORECASE
)
# A duration counted back from now: "da tre giorni", "ormai da giorni", "since … for".
_SINCE = re.compile(r"(?:\b(?:da|dal|dalla|dopo|after|ormai)\s+(?:\w+\s+){0,2})$", re.IGNORECASE)
_FOR_PERFECT = re.compile(
    r"\b(?:have|has|'ve|'s)\s+been\b[^.;]*\bfor\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
# A date that names its year ("25 gennaio 2023", "25/01/2023") places itself without a publication
# date.
_NAMES_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_UNITS = {"D": dt.timedelta(days=1), "W": dt.timedelta(weeks=1), "H": dt.timedelta(hours=1)}
_UNIT_PRECISION = {"D": "days", "W": "week", "H": "hour"}


@dataclass(frozen=True)
class When:
    """A happening's time: best estimate ``at`` within ``[earliest, latest]``, and how precise."""

    at: dt.datetime
    earliest: dt.datetime
    latest: dt.datetime
    precision: str

    def iso(self) -> dict[str, str]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "earliest": self.earliest.isoformat(timespec="seconds"),
            "latest": self.latest.isoformat(timespec="seconds"),
            "precision": self.precision,
        }

    def day(self) -> str | None:
        """The local day it is filed under, when known to the day or better."""
        return self.at.date().isoformat() if self.precision in DAY_OR_FINER else None

    def overlaps(self, other: When, slack: dt.timedelta = dt.timedelta(0)) -> bool:
        return self.earliest - slack <= other.latest and other.earliest - slack <= self.latest


def precision_of(value: str | None, mod: str | None = None) -> str | None:
    """The precision of a TIMEX3 value that names a point or period; None for anything coarser
    than a month, durations and vague references."""
    value = value or ""
    if "/" in value and not value.startswith("P"):
        ends = [precision_of(part) for part in value.split("/", 1)]
        if None in ends:
            return None
        return ends[0] if value.split("/")[0][:10] == value.split("/")[1][:10] else "days"
    if _MINUTE.match(value):
        # "verso le 22", "poco prima delle 22": the time named, known to about an hour.
        return "hour" if mod in ("APPROX", "BEFORE", "AFTER") else "minute"
    if _HOUR.match(value):
        return "hour"
    if _PART.match(value):
        return "part_of_day"
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month" if mod not in ("START", "MID", "END") else "days"
    return None


def mention_when(timex: dict, timezone: str) -> When | None:
    """The time a mentioned point or period stands for; None when it names no such time."""
    precision = precision_of(timex.get("value"), timex.get("mod"))
    earliest = parse_moment(timex.get("earliest"), timezone)
    latest = parse_moment(timex.get("latest"), timezone) or earliest
    if precision is None and timex.get("type") == "DURATION" and earliest and latest:
        # An anchored duration ("entro le prossime 48 ore"): the period it covers.
        length = latest - earliest
        precision = (
            "hour"
            if length <= dt.timedelta(hours=3)
            else ("day" if length <= dt.timedelta(hours=36) else "days")
        )
    if precision is None or earliest is None:
        return None
    at = earliest
    if timex.get("mod") == "BEFORE" and _MINUTE.match(timex.get("value") or ""):
        # "poco prima delle 22" ends where 22:00 begins: that instant is the best estimate.
        at = latest = latest + SECOND
    if precision == "part_of_day":
        if (timex.get("value") or "").endswith("NI") and _NIGHT_OF_DAY.search(
            timex.get("text") or ""
        ):
            earliest -= dt.timedelta(days=1)
            at = earliest + (latest + SECOND - dt.timedelta(days=1) - earliest) / 2
        else:
            at = earliest + (latest + SECOND - earliest) / 2  # bounds end at :59 seconds
        at = at.replace(microsecond=0)
    return When(at, earliest, latest, precision)


def since_when(timex: dict, text: str, reported: dt.datetime | None) -> When | None:
    """A start estimated from a duration counted back from the report, or None.

    "da tre giorni" reported on 24 January 18:45 → about 21 January 18:45, between the
    20th and the 22nd (one unit either side; more for "quasi", "circa").
    """
    if reported is None or (timex.get("type") != "DURATION"):
        return None
    match = _DURATION.match(timex.get("value") or "")
    if not match or match.group(2) not in _UNITS:
        return None
    begin = timex["span"][0]
    before = text[max(0, begin - 60) : begin]
    if not (_SINCE.search(before) or _FOR_PERFECT.search(before)):
        return None
    count, unit = float(match.group(1)), _UNITS[match.group(2)]
    slack = unit * (2 if timex.get("mod") == "APPROX" else 1)
    at = reported - unit * count
    return When(at, at - slack, min(reported, at + slack), _UNIT_PRECISION[match.group(2)])


def reported_when(reported: dt.datetime | None, precision: str | None = "minute") -> When | None:
    """The report time itself as a happening's time (a statement, an action, a status update)."""
    if reported is None:
        return None
    if precision == "day":
        start = reported.replace(hour=0, minute=0, second=0, microsecond=0)
        return When(start, start, start + dt.timedelta(days=1, seconds=-1), "day")
    return When(reported, reported, reported, "minute")


def names_its_year(timex: dict) -> bool:
    """True for a date or time whose text states its year: it needs no publication date."""
    return timex.get("type") in ("DATE", "TIME") and bool(
        _NAMES_YEAR.search(timex.get("text") or "")
    )
