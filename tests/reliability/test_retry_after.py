"""Retry-After parsing: seconds or an HTTP date, never negative, never beyond the cap."""

import datetime as dt

import pytest
from incident_timeline.middlewares import retry_after_seconds

NOW = dt.datetime(2024, 2, 6, 12, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "header, expected",
    [
        (b"5", 5.0),
        (b" 2 ", 2.0),
        (b"3600", 60.0),
        (b"-4", 0.0),
        (b"", 0.0),
        (None, 0.0),
        (b"soon", 0.0),
        (b"nan", 0.0),
        (b"Tue, 06 Feb 2024 12:00:30 GMT", 30.0),
        (b"Tue, 06 Feb 2024 11:00:00 GMT", 0.0),
        (b"Wed, 07 Feb 2024 12:00:00 GMT", 60.0),
    ],
)
def test_retry_after_seconds(header, expected):
    assert retry_after_seconds(header, cap=60, now=NOW) == expected


def test_cap_is_configurable():
    assert retry_after_seconds(b"90", cap=120, now=NOW) == 90.0


def test_settings_register_the_middleware():
    from incident_timeline import settings

    assert (
        settings.DOWNLOADER_MIDDLEWARES["incident_timeline.middlewares.RetryAfterMiddleware"] == 550
    )
