"""One assertion per field, for every saved page (city-scrapers style): ids are page-field."""

import re
from datetime import datetime

import pytest
from incident_timeline.extract import extract_article

from .conftest import EXPECTED, NOW, PAGES, same_moment

# parse every page once, at import
RESULTS = {
    name: extract_article(
        (PAGES / gold["file"]).read_bytes(), gold["url"], http_charset=gold["http_charset"], now=NOW
    )
    for name, gold in EXPECTED.items()
}
NAMES = sorted(EXPECTED)
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def norm(text):
    return " ".join(text.split()) if text else text


@pytest.mark.parametrize("name", NAMES)
def test_title(name):
    assert norm(RESULTS[name].title) == EXPECTED[name]["title"]


@pytest.mark.parametrize("name", NAMES)
def test_author(name):
    assert RESULTS[name].author == EXPECTED[name]["author"]


@pytest.mark.parametrize("name", NAMES)
def test_published(name):
    assert same_moment(RESULTS[name].published, EXPECTED[name]["published"]), RESULTS[
        name
    ].published


@pytest.mark.parametrize("name", NAMES)
def test_updated(name):
    assert same_moment(RESULTS[name].updated, EXPECTED[name]["updated"]), RESULTS[name].updated


@pytest.mark.parametrize("name", NAMES)
def test_dates_are_iso_with_offset(name):
    for value in (RESULTS[name].published, RESULTS[name].updated):
        assert value is None or ISO_WITH_OFFSET.match(value)


@pytest.mark.parametrize("name", NAMES)
def test_precision(name):
    gold = EXPECTED[name]["published"]
    expected = None if gold is None else "day" if "T" not in gold else ("minute", "second")
    got = RESULTS[name].published_precision
    assert got == expected if not isinstance(expected, tuple) else got in expected


@pytest.mark.parametrize("name", NAMES)
def test_lang(name):
    assert RESULTS[name].lang == EXPECTED[name]["lang"]


@pytest.mark.parametrize("name", NAMES)
def test_text_contains(name):
    assert norm(EXPECTED[name]["contains"]) in norm(RESULTS[name].text)


@pytest.mark.parametrize("name", NAMES)
def test_text_free_of_boilerplate(name):
    assert EXPECTED[name]["not_contains"] not in RESULTS[name].text


@pytest.mark.parametrize("name", NAMES)
def test_is_listing(name):
    assert RESULTS[name].is_listing is EXPECTED[name]["is_listing"]


def test_corpus_size():
    assert sum(g["group"] == "main" for g in EXPECTED.values()) >= 40
    assert sum(g["group"] == "heldout" for g in EXPECTED.values()) >= 15


def test_future_relative_to_now():
    html = (
        '<meta property="article:published_time" content="2023-03-01T10:00:00+01:00">'
        "<h1>Una notizia qualsiasi</h1>"
    )
    assert extract_article(html, now=datetime(2023, 2, 1)).published is None
