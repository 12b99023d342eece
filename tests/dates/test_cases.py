"""Every case of tests/dates/cases/: the tagger must find exactly the expected timexes."""

import pytest
from incident_timeline.dates import tag_timexes

from .casefiles import FOLDER, load_cases

CASES = load_cases(FOLDER)


def test_there_are_enough_cases():
    assert len(CASES) >= 250
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case):
    found = tag_timexes(case.text, case.published, case.lang, case.timezone)
    got = [
        {key: timex[key] for key in expected}
        for timex, expected in zip(found, case.expect, strict=False)
    ]
    assert got == case.expect and len(found) == len(case.expect), (
        f"\n{case.text}\npublished {case.published}\nfound: "
        + "\n       ".join(
            f"{t['text']!r} {t['value']} {t['type']} {t['mod']} {t['earliest']} {t['latest']}"
            for t in found
        )
    )


def test_spans_point_at_the_text():
    for case in CASES:
        for timex in tag_timexes(case.text, case.published, case.lang, case.timezone):
            begin, end = timex["span"]
            assert case.text[begin:end] == timex["text"], case.id
