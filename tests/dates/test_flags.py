"""The optional "flag" key: present only when a weekday contradicts its date (docs/DATES.md)."""

import pytest
from incident_timeline.dates import tag_timexes

PUBLISHED = "2023-01-25T10:00"  # Wednesday; 23 January 2023 was a Monday

SENTENCES = {
    "weekday contradicts the date": (
        "Domenica 23 gennaio il servizio era fermo.",
        "2023-01-23",
        "weekday_mismatch",
    ),
    "english weekday contradicts": (
        "On Sunday, January 23 the site was down.",
        "2023-01-23",
        "weekday_mismatch",
    ),
    "weekday agrees with the date": (
        "Lunedì 23 gennaio il servizio era fermo.",
        "2023-01-23",
        None,
    ),
    "no weekday": ("Il 23 gennaio il servizio era fermo.", "2023-01-23", None),
}


@pytest.fixture(params=SENTENCES.values(), ids=SENTENCES.keys())
def tagged(request):
    text, value, flag = request.param
    return tag_timexes(text, PUBLISHED, "en" if text.startswith("On") else "it")[0], value, flag


def test_the_date_is_kept(tagged):
    timex, value, _ = tagged
    assert timex["value"] == value


def test_flag(tagged):
    timex, _, flag = tagged
    assert timex.get("flag") == flag


def test_no_flag_key_without_a_mismatch(tagged):
    timex, _, flag = tagged
    assert ("flag" in timex) == (flag is not None)
