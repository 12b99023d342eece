"""When a happening took place, from the date mentioned (timeline/happened.py)."""

import datetime as dt

import pytest
from incident_timeline.happened import mention_when, precision_of, since_when


@pytest.mark.parametrize(
    "value, mod, precision",
    [
        ("2023-01-22T22:00", None, "minute"),
        ("2023-01-22T22:00", "APPROX", "hour"),
        ("2023-01-22T22:00", "BEFORE", "hour"),
        ("2023-01-22T12:30", "AFTER", "hour"),
        ("2023-01-22TEV", None, "part_of_day"),
        ("2023-01-22", None, "day"),
        ("2023-01-22/2023-01-28", None, "days"),
        ("2023-W04", None, "week"),
        ("2023-01", None, "month"),
        ("2023-01", "END", "days"),
        ("2023", None, None),
        ("P3D", None, None),
        ("PAST_REF", None, None),
    ],
)
def test_precision_of_a_value(value, mod, precision):
    assert precision_of(value, mod) == precision


def when(value, earliest, latest, text="", mod=None, type_="DATE"):
    return mention_when(
        {
            "value": value,
            "mod": mod,
            "earliest": earliest,
            "latest": latest,
            "text": text,
            "type": type_,
        },
        "Europe/Rome",
    )


def test_a_part_of_day_is_its_middle():
    got = when("2023-01-22TEV", "2023-01-22T18:00:00+01:00", "2023-01-22T23:59:59+01:00")
    assert got.iso()["at"] == "2023-01-22T21:00:00+01:00"


@pytest.fixture
def shortly_before():
    # "poco prima delle 22": the tagger bounds it to the hour before 22:00
    return when(
        "2023-01-22T22:00",
        "2023-01-22T21:00:00+01:00",
        "2023-01-22T21:59:59+01:00",
        text="poco prima delle 22",
        mod="BEFORE",
    )


def test_shortly_before_a_time_is_that_time(shortly_before):
    assert shortly_before.iso()["at"] == "2023-01-22T22:00:00+01:00"


def test_shortly_before_a_time_starts_an_hour_earlier(shortly_before):
    assert shortly_before.iso()["earliest"] == "2023-01-22T21:00:00+01:00"


def test_shortly_before_a_time_ends_at_it(shortly_before):
    assert shortly_before.iso()["latest"] == "2023-01-22T22:00:00+01:00"


def test_shortly_after_a_time_is_that_time():
    got = when(
        "2023-01-22T12:30",
        "2023-01-22T12:30:00+01:00",
        "2023-01-22T13:29:59+01:00",
        text="poco dopo le 12:30",
        mod="AFTER",
    )
    assert got.iso()["at"] == "2023-01-22T12:30:00+01:00"


def test_a_day_is_its_start():
    got = when("2023-01-22", "2023-01-22T00:00:00+01:00", "2023-01-22T23:59:59+01:00")
    assert got.iso()["at"] == "2023-01-22T00:00:00+01:00"


def test_the_night_of_a_day_reaches_back_to_the_night_before():
    # "la notte del 23": in news usage most often the night that leads into the 23rd
    got = when(
        "2023-01-23TNI",
        "2023-01-23T22:00:00+01:00",
        "2023-01-24T05:59:59+01:00",
        text="la notte del 23 gennaio",
    )
    assert (got.iso()["earliest"], got.iso()["at"]) == (
        "2023-01-22T22:00:00+01:00",
        "2023-01-23T02:00:00+01:00",
    )


def test_an_anchored_delay_covers_its_period():
    got = when("PT48H", "2023-01-25T16:40:00+01:00", "2023-01-27T16:40:00+01:00", type_="DURATION")
    assert got.precision == "days"


def test_a_coarse_value_has_no_happening_time():
    assert when("2023", "2023-01-01T00:00:00+01:00", "2023-12-31T23:59:59+01:00") is None


REPORTED = dt.datetime(2023, 1, 24, 18, 45, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il blocco va avanti da tre giorni.", "2023-01-21T18:45:00+01:00"),
        ("The service has been down for three days.", "2023-01-21T18:45:00+01:00"),
    ],
)
def test_a_delay_counted_back_from_the_report(text, expected):
    begin = text.index("tre" if "tre" in text else "three")
    got = since_when(
        {"type": "DURATION", "value": "P3D", "span": [begin, begin + 10]}, text, REPORTED
    )
    assert got.iso()["at"] == expected


def test_a_delay_not_counted_back_gives_nothing():
    text = "Il rimborso arriverà in tre giorni."
    begin = text.index("tre")
    assert (
        since_when(
            {"type": "DURATION", "value": "P3D", "span": [begin, begin + 10]}, text, REPORTED
        )
        is None
    )
