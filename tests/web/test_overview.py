"""The overview drawing (timeline/overview.py): inline SVG that needs no script and no
stylesheet, readable at any width."""

import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from timeline.overview import COLOURS, overview_html

SVG = "{http://www.w3.org/2000/svg}"
ROME = "Europe/Rome"


def moment(id_, category, at, precision="minute", conflict=0, earliest=None, latest=None):
    return {"id": id_, "category": category, "at": at, "earliest": earliest or at, "latest": latest or at,
            "precision": precision, "conflict": conflict, "statement": "…", "source_names": ["a"],
            "documents": [], "sources": 1}


MOMENTS = [
    moment(1, "outage_start", "2023-01-22T22:00:00+01:00", "hour", conflict=1),
    moment(2, "outage_start", "2023-01-23T08:15:00+01:00", conflict=1),
    moment(3, "restoration_partial", "2023-01-26T16:00:00+01:00", "hour"),
    moment(4, "restoration_complete", "2023-01-28T20:30:00+01:00"),
    moment(5, "cause", "2022-11-01T00:00:00+01:00", "month", earliest="2022-11-01T00:00:00+01:00",
           latest="2022-11-30T23:59:59+01:00"),
]
COUNTS = [{"day": "2023-01-22", "category": "outage_start", "events": 2},
          {"day": "2023-01-23", "category": "outage_start", "events": 5},
          {"day": "2023-01-23", "category": "other", "events": 3},
          {"day": "2023-01-26", "category": "restoration_partial", "events": 1},
          {"day": "2022-11-20", "category": "cause", "events": 4},
          {"day": None, "category": "compensation", "events": 1}]


@pytest.fixture(scope="module")
def figure():
    html = overview_html(MOMENTS, COUNTS, tz=ROME, lang="it")
    return lxml.html.fragment_fromstring(html)


@pytest.fixture(scope="module")
def svg():
    html = overview_html(MOMENTS, COUNTS, tz=ROME, lang="it")
    return lxml.etree.fromstring(re.search(r"<svg.*</svg>", html, re.S).group(0))


def test_svg_is_well_formed_xml(svg):
    assert svg.tag == f"{SVG}svg"


def test_svg_takes_the_width_it_is_given(svg):
    assert (svg.get("width"), svg.get("viewBox")) == ("100%", None)


def test_svg_has_a_title_and_a_description(svg):
    assert svg.find(f"{SVG}desc").text.startswith("Le fonti non concordano sull'inizio del disservizio")


def test_no_script(figure):
    assert not figure.xpath("//script") and "javascript" not in lxml.html.tostring(figure, encoding="unicode")


def test_one_mark_per_key_moment_in_the_days_drawn(svg):
    marks = svg.findall(f".//{SVG}g[@class='mark']")
    assert [m.get("data-category") for m in marks] == [
        "outage_start", "outage_start", "restoration_partial", "restoration_complete"]


def test_each_mark_has_a_short_label(svg):
    labels = [t.text for t in svg.iterfind(f".//{SVG}g[@class='mark']/{SVG}text[@font-weight='600']")]
    assert labels == ["inizio · contestato", "inizio · contestato", "primo ripristino", "ripristino totale"]


def test_each_mark_says_when(svg):
    times = [t.text for t in svg.iterfind(f".//{SVG}g[@class='mark']/{SVG}text[@font-size='11']")]
    assert times == ["22 gen ~22:00", "23 gen 08:15", "26 gen ~16:00", "28 gen 20:30"]


def test_a_month_long_moment_does_not_stretch_the_days(svg):
    days = [int(t.text) for t in svg.iterfind(f"./{SVG}text[@text-anchor='middle']") if t.text.isdigit()]
    assert (days[0], days[-1]) == (21, 29)


def test_moments_outside_the_days_are_told(figure):
    assert "1 momento chiave fuori dai giorni mostrati" in figure.text_content()


def test_events_outside_the_days_are_told(figure):
    assert "4 eventi prima del 21 gen" in figure.text_content() and "1 evento senza data" in figure.text_content()


def test_bars_count_the_events_of_each_day(svg):
    bars = {g.get("data-date"): int(g.get("data-events")) for g in svg.iterfind(f".//{SVG}g[@class='day-bar']")}
    assert bars == {"2023-01-22": 2, "2023-01-23": 8, "2023-01-26": 1}


def test_bars_are_stacked_by_category(svg):
    bar = svg.find(f".//{SVG}g[@data-date='2023-01-23']")
    assert [r.get("fill") for r in bar.iterfind(f"{SVG}rect")] == [COLOURS["outage_start"], COLOURS["other"]]


def test_outage_band_runs_from_start_to_full_restoration(svg):
    band = [r for r in svg.findall(f"{SVG}rect")]
    fills = [r.get("fill") for r in band]
    assert fills == [COLOURS["outage_start"], COLOURS["outage_start"], COLOURS["restoration_partial"]]


def test_uncertain_start_is_pale(svg):
    first = svg.findall(f"{SVG}rect")[0]
    assert float(first.get("fill-opacity")) < 1


def test_no_restoration_leaves_the_band_open():
    html = overview_html([moment(1, "outage_start", "2023-06-13T21:00:00+02:00", "part_of_day")], [],
                         tz=ROME, lang="it")
    assert 'fill-opacity="0.55"' in html


def test_nothing_to_draw_is_empty():
    assert overview_html([], [], tz=ROME) == ""


def test_english_words():
    html = overview_html(MOMENTS, COUNTS, tz=ROME, lang="en")
    assert "fully restored" in html and "ripristino" not in html


def test_times_in_the_incidents_timezone():
    html = overview_html([moment(1, "outage_start", "2024-03-11T23:00:00+00:00", "hour")], [],
                         tz="America/New_York", lang="en")
    assert "11 Mar ~19:00" in html


def test_colours_are_the_stylesheets():
    css = (Path(__file__).resolve().parents[2] / "web" / "static" / "timeline.css").read_text("utf-8")
    assert {name: re.search(rf"--{name}: (#[0-9a-f]+);", css).group(1) for name in COLOURS} == COLOURS


def test_labels_escaped():
    hostile = moment(1, "<script>", "2023-01-22T22:00:00+01:00")
    assert "<script>" not in overview_html([hostile], [], tz=ROME)
