"""A date found on a page, what it claims to be, and how far we trust where it was found.

Its own module: every reader of dates (signals, bylines, fields, …) makes candidates, and the
choice among them (publication.py) reads them, without those modules importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .timestamps import Stamp

PUBLISHED, UPDATED, EITHER = "published", "updated", "either"
# no page is dated before the web had news sites
EARLIEST = date(1995, 1, 1)


@dataclass(frozen=True)
class Candidate:
    """A date found on the page, what it claims to be, and how far we trust its source."""

    stamp: Stamp
    role: str
    trust: int
    source: str
