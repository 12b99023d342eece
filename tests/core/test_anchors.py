"""Update stamps re-anchor the relative dates of the paragraphs they open."""

import pytest

from timeline.anchors import anchored_segments

PUBLISHED = "2023-01-24T11:20:00+01:00"
CASES = {
    "no stamp": ("Il guasto dura da ieri.", None, [PUBLISHED]),
    "day stamp, no update time": ("Testo.\nAggiornamento del 25 gennaio – nota.", None,
                                  [PUBLISHED, "2023-01-25T23:59:59+01:00"]),
    "day stamp, update time that day": ("Testo.\nAggiornamento del 25 gennaio – nota.", "2023-01-25T08:05:00+01:00",
                                        [PUBLISHED, "2023-01-25T08:05:00+01:00"]),
    "time stamp": ("Testo.\nAggiornamento ore 14:45 – nota.", None, [PUBLISHED, "2023-01-24T14:45:00+01:00"]),
    "english stamp": ("Text.\nUPDATE Jan 26, 9:30 – more.", None, [PUBLISHED, "2023-01-26T09:30:00+01:00"]),
    "stamp before publication": ("Testo.\nAggiornato il 20 gennaio – nota.", None, [PUBLISHED, PUBLISHED]),
    "word in a sentence is no stamp": ("Il sistema aggiornato ieri non va.", None, [PUBLISHED]),
}


@pytest.mark.parametrize("text, updated, anchors", CASES.values(), ids=CASES.keys())
def test_anchors(text, updated, anchors):
    lang = "en" if "UPDATE" in text else "it"
    assert [a for _, _, a in anchored_segments(text, PUBLISHED, updated, lang, "Europe/Rome")] == anchors


def test_segments_cover_the_text():
    text = "Uno.\nAggiornamento ore 14:45 – due.\nAggiornamento ore 18:00 – tre."
    segments = anchored_segments(text, PUBLISHED, None, "it", "Europe/Rome")
    assert "".join(segment for _, segment, _ in segments) == text
