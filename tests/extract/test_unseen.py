"""The unseen group: realistic-size pages kept out of per-page tuning; only its shape and overall score are held."""

import json

import pytest

from incident_timeline.extract import extract_article

from .conftest import HERE, NOW, PAGES, same_moment

UNSEEN = json.loads((HERE / "expected_unseen.json").read_text(encoding="utf-8"))
DATED = sorted(name for name, gold in UNSEEN.items() if gold["published"])
# measured before any change prompted by the group was 0.839; a regression below this floor fails
FLOOR = 0.9


@pytest.mark.parametrize("name", sorted(UNSEEN))
def test_page_is_realistic_size(name):
    assert (PAGES / UNSEEN[name]["file"]).stat().st_size >= 40_000


def test_group_size_and_languages():
    assert len(UNSEEN) >= 30
    assert {gold["lang"] for gold in UNSEEN.values()} >= {"it", "en", "de", "fr", "es", "nl", "pt", "pl"}


def test_publication_accuracy_floor():
    right = sum(
        same_moment(extract_article((PAGES / UNSEEN[n]["file"]).read_bytes(), UNSEEN[n]["url"], now=NOW).published, UNSEEN[n]["published"])
        for n in DATED
    )
    assert right / len(DATED) >= FLOOR
