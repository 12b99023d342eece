"""Dates are stored in the incident's timezone, with the local day beside them."""

import pytest
from incident_timeline.moments import local_day, to_local_iso

CASES = [
    ("2023-01-25T23:30:00Z", "2023-01-26T00:30:00+01:00", "2023-01-26"),
    ("2023-01-24T10:35:00+01:00", "2023-01-24T10:35:00+01:00", "2023-01-24"),
    ("2023-06-13T08:00:00", "2023-06-13T08:00:00+02:00", "2023-06-13"),
    ("Tue, 24 Jan 2023 18:05:00 GMT", "2023-01-24T19:05:00+01:00", "2023-01-24"),
    ("2023-03-26T01:30:00Z", "2023-03-26T03:30:00+02:00", "2023-03-26"),
    ("2023-01-24", "2023-01-24T00:00:00+01:00", "2023-01-24"),
]


@pytest.mark.parametrize("raw, iso, day", CASES, ids=[c[0] for c in CASES])
def test_to_local_iso(raw, iso, day):
    assert to_local_iso(raw, "Europe/Rome") == iso


@pytest.mark.parametrize("raw, iso, day", CASES, ids=[c[0] for c in CASES])
def test_local_day(raw, iso, day):
    assert local_day(raw, "Europe/Rome") == day


@pytest.mark.parametrize("junk", [None, "", "yesterday-ish", "32/13/2023", 12])
def test_unreadable_is_none(junk):
    assert to_local_iso(junk) is None
