"""Publication dates on small pages imitating what real sites do, one page per phenomenon
(tests/extract/expected_pubdates.json says which in "why"): one assertion per field."""

import json

import pytest
from incident_timeline.extract import extract_article
from incident_timeline.extract.article import extract_dates
from incident_timeline.extract.bylines import headline_index, label_before
from incident_timeline.extract.layout import Layout, parse
from incident_timeline.extract.timestamps import parse_human, zone

from .conftest import HERE, NOW, PAGES

GOLD = json.loads((HERE / "expected_pubdates.json").read_text(encoding="utf-8"))
NAMES = sorted(GOLD)
FIELDS = ("published", "published_original", "updated", "published_precision")


@pytest.fixture(scope="module")
def articles():
    return {
        name: extract_article((PAGES / g["file"]).read_bytes(), g["url"], now=NOW)
        for name, g in GOLD.items()
    }


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("field", FIELDS)
def test_field(articles, name, field):
    assert getattr(articles[name], field) == GOLD[name][field]


@pytest.mark.parametrize("name", [name for name in NAMES if GOLD[name].get("is_listing")])
def test_listing_is_judged_a_listing(articles, name):
    assert articles[name].is_listing


@pytest.mark.parametrize("name", [name for name in NAMES if not GOLD[name].get("is_listing")])
def test_dates_only_agrees_with_the_whole_extraction(articles, name):
    gold = GOLD[name]
    dates = extract_dates((PAGES / gold["file"]).read_bytes(), gold["url"], now=NOW)
    assert dates == tuple(getattr(articles[name], field) for field in dates._fields)


@pytest.mark.parametrize(
    "before", ["Veröffentlichung: ", "Erscheinungsdatum ", "Publicatiedatum: ", "Data publicării: "]
)
def test_noun_labels_name_the_publication(before):
    assert label_before(before) == "published"


@pytest.fixture
def dateparser_calls(monkeypatch):
    import dateparser.search

    calls = []
    real = dateparser.search.search_dates

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(dateparser.search, "search_dates", counted)
    return calls


@pytest.mark.parametrize(
    "name, calls",
    [("ru-byline-foreign", 1), ("de-post-note-footer", 0), ("en-us-utc-microdata", 0)],
)
def test_dateparser_only_once_and_only_where_our_rules_fail(dateparser_calls, name, calls):
    gold = GOLD[name]
    extract_dates((PAGES / gold["file"]).read_bytes(), gold["url"], now=NOW)
    assert len(dateparser_calls) == calls


def test_headline_found_when_its_inline_boxes_are_set_apart():
    page = parse("<h1>Windows<sup>11</sup> update stops mail</h1><p>Since 24/01/2023.</p>")
    layout = Layout(page)
    assert headline_index(layout.region_lines, layout.head) == 0


@pytest.mark.parametrize(
    "text, day",
    [
        ("(Rivafredda, 9 Marzo 23)", "2023-03-09"),
        ("[Lyon, 2 mars 21]", "2021-03-02"),
        ("contati il 9 marzo 23 camosci", None),
        ("9 marzo 23 e 24 aprile", None),
        ("14 | 03 | 2023", "2023-03-14"),
        ("Schweiz | 12 | 2023", None),
    ],
)
def test_short_years_and_barred_dates(text, day):
    stamp = parse_human(text, zone("Europe/Rome"))
    assert (stamp.day.isoformat() if stamp else None) == day
