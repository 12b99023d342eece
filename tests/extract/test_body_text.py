"""Body text, title and listing verdict on small pages written for one real-page phenomenon each.

Each page in ``pages/text/`` imitates one trap seen on real sites (in our own words and markup);
its expectations are in ``expected_text.json``: the title, the listing verdict, phrases the text
must hold and phrases of boilerplate it must not hold.
"""

import json

import pytest
from incident_timeline.extract import extract_article
from incident_timeline.extract.encoding import decode_html
from incident_timeline.extract.layout import Layout, parse
from incident_timeline.extract.paragraphs import own_text

from .conftest import HERE, NOW

TEXT_PAGES = HERE / "pages" / "text"
CASES = json.loads((HERE / "expected_text.json").read_text(encoding="utf-8"))
NAMES = sorted(CASES)
CONTAINS = [(name, phrase) for name in NAMES for phrase in CASES[name]["contains"]]
ABSENT = [(name, phrase) for name in NAMES for phrase in CASES[name]["absent"]]


@pytest.fixture(scope="module")
def results():
    """Every page extracted once, with its URL and a frozen now."""
    return {
        name: extract_article((TEXT_PAGES / f"{name}.html").read_bytes(), case["url"], now=NOW)
        for name, case in CASES.items()
    }


@pytest.mark.parametrize("name", NAMES)
def test_title(results, name):
    assert results[name].title == CASES[name]["title"]


@pytest.mark.parametrize("name", NAMES)
def test_is_listing(results, name):
    assert results[name].is_listing is CASES[name]["is_listing"]


@pytest.mark.parametrize("name, phrase", CONTAINS, ids=[f"{n}:{p[:24]}" for n, p in CONTAINS])
def test_text_contains(results, name, phrase):
    assert phrase in " ".join(results[name].text.split())


@pytest.mark.parametrize("name, phrase", ABSENT, ids=[f"{n}:{p[:24]}" for n, p in ABSENT])
def test_text_leaves_out(results, name, phrase):
    assert phrase not in results[name].text


# our own paragraph collector (listings; pages where trafilatura finds too little), page without <p>
COLLECTED = [
    "The mountain pass was closed again overnight after more than forty centimetres",
    "Advice for drivers from the agency:",
    "carry chains even with winter tyres fitted;",
    "keep a blanket and water in the car in case of long queues.",
]


@pytest.fixture(scope="module")
def collected():
    """own_text of the div-paragraph page, one line per paragraph or <br>-separated piece."""
    page = decode_html((TEXT_PAGES / "div-paragraphs-and-br.html").read_bytes())
    return own_text(Layout(parse(page))).split("\n")


@pytest.mark.parametrize("start", COLLECTED)
def test_collector_keeps_div_paragraphs_and_br_lines(collected, start):
    assert any(line.startswith(start) for line in collected)


def test_collector_leaves_out_link_lines(collected):
    assert not any("Flood warnings lifted" in line for line in collected)


# boilerplate verdicts on the pages above: (page, XPath of one element, expected verdict)
VERDICTS = [
    ("story-in-widget", "//div[@id='Blog1']", False),  # named 'widget', holds the story
    ("story-in-widget", "//div[@id='PopularPosts1']", True),  # a real widget
    ("body-in-sidebar-layout", "//div[contains(@class, 'l-sidebar-fixed')]", False),  # the body
    ("body-in-sidebar-layout", "//div[@id='comments']", True),  # longer than the story, comments
    ("body-in-sidebar-layout", "//aside", True),
    ("form-wrapped-page", "//form", False),  # a page-wide ASP.NET form
    ("form-wrapped-page", "//div[@class='related']", True),
    ("story-in-read-more-wrapper", "//div[contains(@class, 'entry-content-read-more')]", False),
    ("story-in-read-more-wrapper", "//div[@class='read-more-box']", True),
]


@pytest.fixture(scope="module")
def layouts():
    """The Layout of every page of VERDICTS, parsed once."""
    names = {name for name, _, _ in VERDICTS}
    pages = {name: decode_html((TEXT_PAGES / f"{name}.html").read_bytes()) for name in names}
    return {name: Layout(parse(page)) for name, page in pages.items()}


@pytest.mark.parametrize("name, path, expected", VERDICTS, ids=[f"{n}:{p}" for n, p, _ in VERDICTS])
def test_boilerplate_verdict(layouts, name, path, expected):
    layout = layouts[name]
    assert layout.is_boilerplate(layout.tree.xpath(path)[0]) is expected
