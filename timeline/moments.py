"""Points in time as the database stores them: ISO 8601 with the offset of the incident's timezone.

>>> to_local_iso("2023-01-25T23:30:00Z", "Europe/Rome")
'2023-01-26T00:30:00+01:00'
>>> local_day("2023-01-25T23:30:00Z", "Europe/Rome")
'2023-01-26'
"""

from __future__ import annotations

import datetime as dt
import email.utils
from zoneinfo import ZoneInfo


def parse_moment(
    value: str | dt.datetime | dt.date | None, timezone: str = "Europe/Rome"
) -> dt.datetime | None:
    """An aware datetime from ISO 8601, RFC 2822 (feeds) or a datetime; naive means local time.

    Returns None for anything it cannot read; never raises on bad input.
    """
    tz = ZoneInfo(timezone)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            try:
                moment = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
            if moment is None:
                return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


def to_local_iso(value, timezone: str = "Europe/Rome") -> str | None:
    """ISO 8601 with offset in ``timezone``, to the second (None if unreadable)."""
    moment = parse_moment(value, timezone)
    return moment.isoformat(timespec="seconds") if moment else None


def local_day(value, timezone: str = "Europe/Rome") -> str | None:
    """The calendar day in ``timezone`` (YYYY-MM-DD), so facets group by the local day."""
    moment = parse_moment(value, timezone)
    return moment.date().isoformat() if moment else None
