"""The overview drawing (timeline/overview.py): inline SVG that needs no script and no
stylesheet, readable at any width: the outage as a band with its dates, the other key moments
as marks in lanes by kind, the events per day as bars, on an axis that keeps the outage wide.

Label boxes are computed from the SVG as a browser would lay it out at a given width
(positions across in %, text in px, the phone's or the wider layout's labels), with the
module's text widths; tests/web/test_browser.py checks the same in Chromium with real fonts."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from incident_timeline.overview import COLOURS, LANES, WIDE, overview_html
from incident_timeline.overview_labels import text_width

SVG = "{http://www.w3.org/2000/svg}"
ROME = "Europe/Rome"
#: Figure widths: a small phone, a 390 px phone's, below and above the wider layout, desktops.
WIDTHS = [320, 358, 600, 640, 896, 1280]
KINDS = [
    "provider_statement",
    "cause",
    "consumer_action",
    "regulator_action",
    "deadline",
    "compensation",
    "other",
]


def moment(id_, category, at, precision="minute", conflict=0, earliest=None, latest=None):
    return {
        "id": id_,
        "category": category,
        "at": at,
        "earliest": earliest or at,
        "latest": latest or at,
        "precision": precision,
        "conflict": conflict,
        "statement": "…",
        "source_names": ["a"],
        "documents": [],
        "sources": 1,
    }


def count(day, category, events):
    return {"day": day, "category": category, "events": events}


def at(day: dt.datetime) -> str:
    return day.isoformat()


@pytest.fixture(scope="module")
def conflict_story():
    """Two starts that contradict each other, both restorations, a cause known to a month."""
    moments = [
        moment(1, "outage_start", "2023-01-22T22:00:00+01:00", "hour", conflict=1),
        moment(2, "outage_start", "2023-01-23T08:15:00+01:00", conflict=1),
        moment(3, "restoration_partial", "2023-01-26T16:00:00+01:00", "hour"),
        moment(4, "restoration_complete", "2023-01-28T20:30:00+01:00"),
        moment(
            5,
            "cause",
            "2022-11-01T00:00:00+01:00",
            "month",
            earliest="2022-11-01T00:00:00+01:00",
            latest="2022-11-30T23:59:59+01:00",
        ),
    ]
    counts = [
        count("2023-01-22", "outage_start", 2),
        count("2023-01-23", "outage_start", 5),
        count("2023-01-23", "other", 3),
        count("2023-01-26", "restoration_partial", 1),
        count("2022-11-20", "cause", 4),
        count(None, "compensation", 1),
    ]
    return moments, counts


@pytest.fixture(scope="module")
def aftermath_story():
    """A week-long outage, then a month of aftermath up to a promised deadline."""
    moments = [
        moment(1, "outage_start", "2023-01-22T22:00:00+01:00", "hour"),
        moment(2, "provider_statement", "2023-01-23T08:15:00+01:00"),
        moment(3, "consumer_action", "2023-01-24T12:15:00+01:00"),
        moment(4, "cause", "2023-01-24T21:15:00+01:00"),
        moment(
            5,
            "regulator_action",
            "2023-01-25T09:00:00+01:00",
            "part_of_day",
            earliest="2023-01-25T06:00:00+01:00",
            latest="2023-01-25T11:59:59+01:00",
        ),
        moment(
            6,
            "consumer_action",
            "2023-01-25T00:00:00+01:00",
            "day",
            earliest="2023-01-25T00:00:00+01:00",
            latest="2023-01-25T23:59:59+01:00",
        ),
        moment(7, "restoration_partial", "2023-01-26T14:30:00+01:00"),
        moment(8, "restoration_complete", "2023-01-28T20:45:00+01:00"),
        moment(9, "compensation", "2023-02-02T17:00:00+01:00"),
        moment(10, "provider_statement", "2023-02-10T09:00:00+01:00"),
        moment(
            11,
            "deadline",
            "2023-02-28T00:00:00+01:00",
            "day",
            earliest="2023-02-28T00:00:00+01:00",
            latest="2023-02-28T23:59:59+01:00",
        ),
    ]
    counts = [
        count(f"2023-01-{d}", c, n)
        for d, c, n in [
            (22, "outage_start", 4),
            (23, "provider_statement", 9),
            (24, "cause", 6),
            (25, "regulator_action", 3),
            (26, "restoration_partial", 2),
            (28, "restoration_complete", 5),
        ]
    ]
    counts += [
        count("2023-02-02", "compensation", 3),
        count("2023-02-10", "other", 1),
        count("2023-02-28", "deadline", 1),
    ]
    return moments, counts


def _dense(n, seed, spread_days, after_days=0):
    rnd = random.Random(seed)
    start = dt.datetime(2024, 3, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    moments = [
        moment(1, "outage_start", at(start), "hour"),
        moment(2, "restoration_partial", at(start + dt.timedelta(days=3, hours=5))),
        moment(3, "restoration_complete", at(start + dt.timedelta(days=5, hours=2))),
    ]
    for i in range(4, n + 1):
        when = start + dt.timedelta(minutes=rnd.randrange(spread_days * 1440))
        moments.append(moment(i, rnd.choice(KINDS), at(when)))
    for i, days in enumerate(range(12, after_days, 6)):
        moments.append(moment(1000 + i, KINDS[i % len(KINDS)], at(start + dt.timedelta(days=days))))
    days = sorted({m["at"][:10] for m in moments})
    counts = [count(day, rnd.choice(KINDS), rnd.randint(1, 40)) for day in days]
    return moments, counts


@pytest.fixture(scope="module")
def dense_story():
    """60 key moments within ten days."""
    return _dense(60, seed=3, spread_days=10)


@pytest.fixture(scope="module")
def quarter_story():
    """A five-day outage told over a quarter of a year."""
    return _dense(40, seed=5, spread_days=5, after_days=92)


STORIES = ["conflict_story", "aftermath_story", "dense_story", "quarter_story"]


def parse(html):
    return lxml.etree.fromstring(re.search(r"<svg.*</svg>", html, re.S).group(0))


def draw(story, lang="it", tz=ROME):
    return overview_html(*story, tz=tz, lang=lang)


@pytest.fixture(scope="module")
def svg(conflict_story):
    return parse(draw(conflict_story))


@pytest.fixture(scope="module")
def figure(conflict_story):
    return lxml.html.fragment_fromstring(draw(conflict_story))


@pytest.fixture(scope="module")
def after(aftermath_story):
    return parse(draw(aftermath_story))


def _classes(element) -> set[str]:
    out = set()
    while element is not None:
        out |= set((element.get("class") or "").split())
        element = element.getparent()
    return out


def _inherited(element, name, default=None):
    while element is not None:
        if element.get(name) is not None:
            return element.get(name)
        element = element.getparent()
    return default


def shown_texts(svg, width) -> list[dict]:
    """Every line of text shown at ``width`` px, with its box in px (left, right, top, bottom)."""
    wide = width >= WIDE
    lines = []
    for text in svg.iter(f"{SVG}text"):
        classes = _classes(text)
        if ("ov-w" in classes and not wide) or ("ov-n" in classes and wide):
            continue
        anchor = text.get("text-anchor", "start")
        y = float(text.get("y"))
        pieces = list(text.iter(f"{SVG}tspan")) or [text]
        for piece in pieces:
            y += float(piece.get("dy") or 0)
            x = float((piece.get("x") or text.get("x")).rstrip("%")) * width / 100
            x += float(piece.get("dx") or text.get("dx") or 0)
            size = float(_inherited(piece, "font-size"))
            size_width = text_width(
                piece.text or "", size, _inherited(piece, "font-weight") == "600"
            )
            left = {"start": x, "end": x - size_width}.get(anchor, x - size_width / 2)
            lines.append(
                {
                    "text": piece.text,
                    "left": left,
                    "right": left + size_width,
                    "top": y - 0.75 * size,
                    "bottom": y + 0.22 * size,
                }
            )
    return lines


def overlaps(lines) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(lines):
        for b in lines[i + 1 :]:
            if (
                min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
                and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
            ):
                found.append((a["text"], b["text"]))
    return found


def marks(svg):
    return svg.findall(f".//{SVG}g[@class='mark']")


def shown_labels(svg, width) -> list[str]:
    wide = width >= WIDE
    return [
        t.findtext(f"{SVG}tspan")
        for t in svg.iter(f"{SVG}text")
        if "label" in _classes(t) and not ({"ov-w"} if not wide else {"ov-n"}) & _classes(t)
    ]


def percent(value) -> float:
    return float(value.rstrip("%"))


# -- the figure --------------------------------------------------------------------------


def test_svg_is_well_formed_xml(svg):
    assert svg.tag == f"{SVG}svg"


def test_svg_takes_the_width_it_is_given(svg):
    assert (svg.get("width"), svg.get("viewBox")) == ("100%", None)


def test_svg_has_a_title_and_a_description(svg):
    assert svg.find(f"{SVG}desc").text.startswith(
        "Le fonti non concordano sull'inizio del disservizio"
    )


def test_description_tells_the_lanes_and_the_compressed_days(after):
    desc = after.find(f"{SVG}desc").text
    assert (
        "dichiarazioni e causa 3" in desc
        and "scadenze e indennizzi 2" in desc
        and "in scala ridotta" in desc
    )


def test_no_script(figure):
    assert not figure.xpath("//script") and "javascript" not in lxml.html.tostring(
        figure, encoding="unicode"
    )


@pytest.mark.parametrize("story", STORIES)
def test_text_at_least_10_px(request, story):
    html = draw(request.getfixturevalue(story))
    assert min(float(size) for size in re.findall(r'font-size="([\d.]+)"', html)) >= 10


@pytest.mark.parametrize("story", STORIES)
def test_height_is_a_few_hundred_px(request, story):
    assert float(parse(draw(request.getfixturevalue(story))).get("height")) <= 450


def test_a_week_with_its_aftermath_is_short(after):
    assert float(after.get("height")) <= 360


# -- key moments: marks in lanes -------------------------------------------------------


def test_one_mark_per_key_moment_in_the_days_drawn(svg):
    assert [m.get("data-category") for m in marks(svg)] == [
        "outage_start",
        "outage_start",
        "restoration_partial",
        "restoration_complete",
    ]


@pytest.mark.parametrize("story", ["aftermath_story", "dense_story", "quarter_story"])
def test_every_key_moment_is_a_mark(request, story):
    moments, _ = request.getfixturevalue(story)
    assert len(marks(parse(draw((moments, []))))) == len(moments)


def test_lanes_by_kind(after):
    lanes = after.findall(f".//{SVG}g[@class='lane']")
    assert [(g.get("data-lane"), g.findtext(f"{SVG}text")) for g in lanes] == [
        ("statements", "Dichiarazioni e causa"),
        ("people", "Consumatori e istituzioni"),
        ("promises", "Scadenze e indennizzi"),
    ]


def test_lane_names_in_english(aftermath_story):
    names = parse(draw(aftermath_story, lang="en")).xpath("//*[@class='lane-name']/text()")
    assert names == [
        "Statements and cause",
        "Consumers and regulators",
        "Deadlines and compensation",
    ]


@pytest.mark.parametrize("story", STORIES)
def test_each_mark_in_the_lane_of_its_kind(request, story):
    lane_of = {category: key for key, categories, _ in LANES for category in categories}
    lane_of.update(
        dict.fromkeys(["outage_start", "restoration_partial", "restoration_complete"], "band")
    )
    drawn = [
        (m.get("data-category"), m.get("data-lane"))
        for m in marks(parse(draw(request.getfixturevalue(story))))
    ]
    assert all(lane == lane_of[category] for category, lane in drawn)


def test_no_ladder_of_rows(dense_story):
    heights = {
        c.get("cy")
        for c in parse(draw(dense_story)).iterfind(f".//{SVG}g[@class='mark']/{SVG}circle")
    }
    assert len(heights) <= 1 + 3 * len(
        LANES
    )  # the band, and three heights a lane (marks staggered)


def test_marks_link_to_their_key_moments(after):
    links = [a.get("href") for a in after.iterfind(f".//{SVG}a")]
    assert sorted(links) == sorted(f"#moment-{i}" for i in range(1, 12))


def test_each_mark_says_what_and_when(after):
    first = marks(after)[1]
    assert first.findtext(f"{SVG}title").startswith("dichiarazione del provider: 23 gen 08:15")


def test_uncertainty_line_from_earliest_to_latest(after):
    mark = marks(after)[5]  # the consumers' action known to the day (25 January)
    line = mark.find(f"{SVG}line[@class='uncertainty']")
    circle = mark.find(f"{SVG}circle")
    assert percent(line.get("x1")) < percent(circle.get("cx")) < percent(line.get("x2"))


def test_disputed_marks_are_hollow(svg):
    fills = [m.find(f"{SVG}circle").get("fill") for m in marks(svg)]
    assert fills[:2] == ["#ffffff", "#ffffff"] and fills[2] != "#ffffff"


# -- labels ------------------------------------------------------------------------------


def test_outage_labels_give_name_and_time(svg):
    lines = [t["text"] for t in shown_texts(svg, 358)]
    assert all(
        words in lines
        for words in ["primo ripristino", "26 gen ~16:00", "ripristino totale", "28 gen 20:30"]
    )


def test_disputed_start_labels_ask(svg):
    assert shown_labels(svg, 358).count("inizio?") == 2


def test_rarer_kind_of_a_lane_labelled_first(after):
    assert "causa" in shown_labels(after, 320)


def test_wider_layout_gives_days(after):
    assert "causa 24 gen" in shown_labels(after, 896) and "causa 24 gen" not in shown_labels(
        after, 358
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("story", STORIES)
def test_no_text_overlaps(request, story, width):
    assert overlaps(shown_texts(parse(draw(request.getfixturevalue(story))), width)) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("story", STORIES)
def test_text_inside_the_drawing(request, story, width):
    lines = shown_texts(parse(draw(request.getfixturevalue(story))), width)
    assert all(line["left"] >= -0.5 and line["right"] <= width + 0.5 for line in lines)


@pytest.mark.parametrize("width", [358, 896])
def test_at_most_one_label_per_mark(dense_story, width):
    svg = parse(draw(dense_story))
    wide = width >= WIDE
    counts = [
        sum(
            1
            for t in m.iterfind(f"{SVG}text")
            if not ({"ov-w"} if not wide else {"ov-n"}) & _classes(t)
        )
        for m in marks(svg)
    ]
    assert max(counts) == 1


def test_dense_story_labels_some_marks(dense_story):
    assert 8 <= len(shown_labels(parse(draw(dense_story)), 358)) < 60


# -- the axis ----------------------------------------------------------------------------


def day_numbers(svg, width=358):
    wide = width >= WIDE
    return [
        g.findtext(f"{SVG}text")
        for g in svg.iterfind(f".//{SVG}g")
        if "tick" in _classes(g) and not ({"ov-w"} if not wide else {"ov-n"}) & _classes(g)
    ]


def test_a_month_long_moment_does_not_stretch_the_days(svg):
    days = day_numbers(svg)
    assert (days[0], days[-1]) == ("21", "29")


def test_every_day_of_a_short_story_numbered(svg):
    assert day_numbers(svg) == [str(d) for d in range(21, 30)]


def test_a_short_story_has_no_break(svg):
    assert svg.find(f".//{SVG}svg[@class='axis-break']") is None


def test_a_long_aftermath_is_compressed_behind_a_break(after):
    assert (
        after.find(f".//{SVG}svg[@class='axis-break']") is not None
        and after.find(f".//{SVG}rect[@class='compressed']") is not None
    )


def test_the_outage_takes_most_of_the_width(after):
    x = {m.get("data-category"): percent(m.find(f"{SVG}circle").get("cx")) for m in marks(after)}
    assert x["restoration_complete"] - x["outage_start"] > 50


def test_the_aftermath_keeps_its_order(after):
    x = [percent(m.find(f"{SVG}circle").get("cx")) for m in marks(after)]
    assert x == sorted(x) and x[-1] <= 98.5


def test_a_quarter_is_drawn_whole(quarter_story):
    html = draw(quarter_story)
    assert "fuori dai giorni mostrati" not in html and 'svg class="axis-break"' in html


def test_months_named(after):
    months = [
        t.text
        for t in after.iterfind(f".//{SVG}text")
        if "month" in _classes(t) and "ov-w" not in _classes(t)
    ]
    assert months == ["gen 2023", "feb", "mar"]


def test_months_in_full_when_wide(after):
    months = [
        t.text
        for t in after.iterfind(f".//{SVG}text")
        if "month" in _classes(t) and "ov-n" not in _classes(t)
    ]
    assert months[:2] == ["gennaio 2023", "febbraio"]


# -- the outage band ---------------------------------------------------------------------


def band(svg):
    return {
        r.get("class").split()[1]: r
        for r in svg.iterfind(f"{SVG}rect")
        if "band" in (r.get("class") or "")
    }


def test_outage_band_runs_from_start_to_full_restoration(svg):
    parts = band(svg)
    complete = percent(marks(svg)[3].find(f"{SVG}circle").get("cx"))
    partial = parts["partial"]
    assert (
        list(parts) == ["uncertain", "outage", "partial"]
        and abs(percent(partial.get("x")) + percent(partial.get("width")) - complete) < 0.05
    )


def test_band_colours(svg):
    assert [r.get("fill") for r in band(svg).values()] == [
        COLOURS["outage_start"],
        COLOURS["outage_start"],
        COLOURS["restoration_partial"],
    ]


def test_uncertain_start_is_pale(svg):
    assert float(band(svg)["uncertain"].get("fill-opacity")) < 1


def test_no_restoration_leaves_the_band_open():
    html = overview_html(
        [moment(1, "outage_start", "2023-06-13T21:00:00+02:00", "part_of_day")],
        [],
        tz=ROME,
        lang="it",
    )
    outage = band(parse(html))["outage"]
    assert (
        float(outage.get("fill-opacity")) < 1
        and percent(outage.get("x")) + percent(outage.get("width")) > 98
    )


# -- events per day ----------------------------------------------------------------------


def test_bars_count_the_events_of_each_day(svg):
    bars = {
        g.get("data-date"): int(g.get("data-events"))
        for g in svg.iterfind(f".//{SVG}g[@class='day-bar']")
    }
    assert bars == {"2023-01-22": 2, "2023-01-23": 8, "2023-01-26": 1}


def test_bars_are_stacked_by_category(svg):
    bar = svg.find(f".//{SVG}g[@data-date='2023-01-23']")
    assert [r.get("fill") for r in bar.iterfind(f"{SVG}rect")] == [
        COLOURS["outage_start"],
        COLOURS["other"],
    ]


def test_compressed_bars_keep_every_event(quarter_story):
    bars = parse(draw(quarter_story)).iterfind(f".//{SVG}g[@class='day-bar']")
    assert sum(int(g.get("data-events")) for g in bars) == sum(
        c["events"] for c in quarter_story[1]
    )


def test_compressed_bars_may_hold_several_days(quarter_story):
    bars = parse(draw(quarter_story)).iterfind(f".//{SVG}g[@class='day-bar']")
    assert max(int(g.get("data-days")) for g in bars) > 1


def test_bars_share_the_axis_of_the_marks(after):
    bar = after.find(f".//{SVG}g[@data-date='2023-01-28']/{SVG}rect")
    full = percent(marks(after)[7].find(f"{SVG}circle").get("cx"))  # 28 Jan 20:45
    assert percent(bar.get("x")) < full < percent(bar.get("x")) + percent(bar.get("width")) * 1.4


def test_counts_alone_draw_bars_and_days():
    svg = parse(
        overview_html([], [count(f"2023-05-0{d}", "other", d) for d in range(1, 8)], tz=ROME)
    )
    assert (
        not marks(svg)
        and len(svg.findall(f".//{SVG}g[@class='day-bar']")) == 7
        and day_numbers(svg) == [str(d) for d in range(1, 8)]
    )


# -- what is not drawn, words, colours -------------------------------------------------


def test_moments_outside_the_days_are_told(figure):
    assert "1 momento chiave fuori dai giorni mostrati" in figure.text_content()


def test_events_outside_the_days_are_told(figure):
    assert (
        "4 eventi prima del 21 gen" in figure.text_content()
        and "1 evento senza data" in figure.text_content()
    )


def test_nothing_to_draw_is_empty():
    assert overview_html([], [], tz=ROME) == ""


def test_one_moment():
    svg = parse(
        overview_html([moment(1, "outage_start", "2023-05-02T10:00:00+02:00", "hour")], [], tz=ROME)
    )
    assert len(marks(svg)) == 1 and shown_labels(svg, 358) == ["inizio"]


def test_english_words(conflict_story):
    html = draw(conflict_story, lang="en")
    assert "fully restored" in html and "ripristino" not in html


def test_times_in_the_incidents_timezone():
    html = overview_html(
        [moment(1, "outage_start", "2024-03-11T23:00:00+00:00", "hour")],
        [],
        tz="America/New_York",
        lang="en",
    )
    assert "11 Mar ~19:00" in html


def test_colours_are_the_stylesheets():
    css = (Path(__file__).resolve().parents[2] / "web" / "static" / "timeline.css").read_text(
        "utf-8"
    )
    assert {
        name: re.search(rf"--{name}: (#[0-9a-f]+);", css).group(1) for name in COLOURS
    } == COLOURS


def test_labels_escaped():
    hostile = moment(1, "<script>", "2023-01-22T22:00:00+01:00")
    hostile["statement"] = "<img src=x onerror=alert(1)>"
    html = overview_html([hostile], [], tz=ROME)
    assert "<script>" not in html and "<img" not in html
