"""The unseen groups: realistic pages written before the extractor's code was read and kept
out of per-page tuning. Only each group's shape and overall score are held (a floor below
the figure measured before any change the group prompted; docs/EXTRACTION.md)."""

import json
from dataclasses import dataclass

import pytest
from incident_timeline.extract import extract_article

from .conftest import HERE, NOW, PAGES, same_moment

COMMON = {"it", "en", "de", "fr", "es", "nl", "pt", "pl"}


@dataclass(frozen=True)
class Group:
    name: str
    sizes: tuple[int, int]  # bytes per page, at least and at most
    pages: int  # at least
    listings: int  # at least
    languages: frozenset[str]  # at least


GROUPS = {
    group.name: group
    for group in (
        Group("unseen", (40_000, 200_000), 30, 0, frozenset(COMMON)),
        Group("unseen2", (30_000, 150_000), 40, 0, frozenset(COMMON | {"sv", "cs", "ro"})),
        Group(
            "unseen3",
            (40_000, 200_000),
            50,
            6,
            frozenset(COMMON | {"sv", "da", "nb", "fi", "hu", "el", "hr", "sl"}),
        ),
        Group(
            "unseen4",
            (40_000, 150_000),
            30,
            4,
            frozenset(COMMON | {"sv", "fi", "hu", "el", "hr", "ro", "cs"}),
        ),
    )
}
# Day-and-minute accuracy on a group's dated pages below this fails (measured before tuning:
# unseen 0.839, unseen2 0.773 for the date logic alone, unseen4 0.941).
FLOOR = 0.9
# Listing verdicts a group may get wrong.
WRONG_LISTINGS = 2


def gold(group: str) -> dict:
    return json.loads((HERE / f"expected_{group}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(GROUPS))
def group(request):
    """A group, its gold and every page's extraction (each page read once for all checks)."""
    expected = gold(request.param)
    articles = {
        name: extract_article((PAGES / page["file"]).read_bytes(), page["url"], now=NOW)
        for name, page in expected.items()
    }
    return GROUPS[request.param], expected, articles


def test_pages_are_realistic_size(group):
    spec, expected, _ = group
    low, high = spec.sizes
    sizes = {name: (PAGES / page["file"]).stat().st_size for name, page in expected.items()}
    assert {name: size for name, size in sizes.items() if not low <= size <= high} == {}


def test_group_size(group):
    spec, expected, _ = group
    assert len(expected) >= spec.pages


def test_group_has_listings(group):
    spec, expected, _ = group
    assert sum(bool(page.get("is_listing")) for page in expected.values()) >= spec.listings


def test_group_languages(group):
    spec, expected, _ = group
    assert {page["lang"] for page in expected.values()} >= spec.languages


def test_publication_accuracy(group):
    _, expected, articles = group
    dated = [name for name, page in expected.items() if page["published"]]
    right = sum(same_moment(articles[n].published, expected[n]["published"]) for n in dated)
    assert right / len(dated) >= FLOOR


def test_listing_verdicts(group):
    _, expected, articles = group
    wrong = [
        name
        for name, article in articles.items()
        if "is_listing" in expected[name] and article.is_listing != expected[name]["is_listing"]
    ]
    assert len(wrong) <= WRONG_LISTINGS, wrong


def test_group_pages_are_its_own(group):
    spec, expected, _ = group
    assert {page["file"].split("/")[0] for page in expected.values()} == {spec.name}
