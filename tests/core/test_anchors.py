"""Update stamps re-anchor the relative dates of the paragraphs they open."""

import pytest
from incident_timeline.anchors import anchored_segments

PUBLISHED = "2023-01-24T11:20:00+01:00"
CASES = {
    "no stamp": ("Il guasto dura da ieri.", None, [PUBLISHED]),
    "day stamp, no update time": (
        "Testo.\nAggiornamento del 25 gennaio – nota.",
        None,
        [PUBLISHED, "2023-01-25T23:59:59+01:00"],
    ),
    "day stamp, update time that day": (
        "Testo.\nAggiornamento del 25 gennaio – nota.",
        "2023-01-25T08:05:00+01:00",
        [PUBLISHED, "2023-01-25T08:05:00+01:00"],
    ),
    "time stamp": (
        "Testo.\nAggiornamento ore 14:45 – nota.",
        None,
        [PUBLISHED, "2023-01-24T14:45:00+01:00"],
    ),
    "english stamp": (
        "Text.\nUPDATE Jan 26, 9:30 – more.",
        None,
        [PUBLISHED, "2023-01-26T09:30:00+01:00"],
    ),
    "stamp before publication": (
        "Testo.\nAggiornato il 20 gennaio – nota.",
        None,
        [PUBLISHED, PUBLISHED],
    ),
    "word in a sentence is no stamp": ("Il sistema aggiornato ieri non va.", None, [PUBLISHED]),
    "time stamp after the publication time": (
        "Testo.\nAggiornamento ore 19:10 – nota.",
        None,
        [PUBLISHED, "2023-01-24T19:10:00+01:00"],
    ),
    "time stamp on the update's day": (
        "Testo.\nAggiornamento ore 09:15 – nota.",
        "2023-01-25T09:20:00+01:00",
        [PUBLISHED, "2023-01-25T09:15:00+01:00"],
    ),
    "time stamp, update time the same day": (
        "Testo.\nAggiornamento ore 19:10 – nota.",
        "2023-01-24T19:10:00+01:00",
        [PUBLISHED, "2023-01-24T19:10:00+01:00"],
    ),
    "time stamp before the page existed": (
        "Testo.\nAggiornamento ore 07:30 – nota.",
        None,
        [PUBLISHED, PUBLISHED],
    ),
}


@pytest.mark.parametrize("text, updated, anchors", CASES.values(), ids=CASES.keys())
def test_anchors(text, updated, anchors):
    lang = "en" if "UPDATE" in text else "it"
    assert [
        a for _, _, a in anchored_segments(text, PUBLISHED, updated, lang, "Europe/Rome")
    ] == anchors


def test_segments_cover_the_text():
    text = "Uno.\nAggiornamento ore 14:45 – due.\nAggiornamento ore 18:00 – tre."
    segments = anchored_segments(text, PUBLISHED, None, "it", "Europe/Rome")
    assert "".join(segment for _, segment, _ in segments) == text


# Published at nine; the stamp says 18:40, past tense or not.
MORNING_PAGE = "2023-01-26T09:00:00+01:00"


@pytest.mark.parametrize("entry", ["Il servizio è tornato.", "Il servizio tornerà domani."])
def test_time_stamp_is_never_the_day_before(entry):
    text = f"Testo.\nAggiornamento ore 18:40 – {entry}"
    segments = anchored_segments(text, MORNING_PAGE, None, "it", "Europe/Rome")
    assert segments[-1][2] == "2023-01-26T18:40:00+01:00"
