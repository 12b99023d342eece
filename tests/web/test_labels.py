"""Every code the pages show has words in both languages (a raw code on the page is a bug)."""

import pytest
from incident_timeline.categories import CATEGORIES
from incident_timeline.items import MODALITIES, PRECISIONS
from incident_timeline.labels import LABELS

SHOWN = [*CATEGORIES, *PRECISIONS, *(m for m in MODALITIES if m != "happened")]


@pytest.mark.parametrize("lang", sorted(LABELS))
@pytest.mark.parametrize("code", SHOWN)
def test_code_has_words(code, lang):
    assert LABELS[lang].get(code)
