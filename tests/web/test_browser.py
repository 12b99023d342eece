"""The pages as a person uses them, in a real browser (Chromium, desktop 1280 px and a 390 px
phone): details that stay open, no sideways scrolling, filters that do not overlap, an
overview whose text stays inside it and never overlaps (real fonts; a dense invented story as
well as the pages'), the report's HTML. Screenshots go to tests/output/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.web.conftest import JANUARY, NORTHMAIL

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[1] / "output"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db_path):
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "incident_timeline.serve",
            "--db",
            str(db_path),
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("timeline serve did not start: " + (process.stdout.read() or ""))
            time.sleep(0.1)


@pytest.fixture(scope="module")
def servers(db_path, other_db_path):
    started = [_serve(db_path), _serve(other_db_path)]
    yield [base for _, base in started]
    for process, _ in started:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser, url, viewport, screenshot=None):
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    if screenshot:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / screenshot), full_page=True)
    return page


#: The overview's texts shown at this width (the phone's or the wider layout's labels).
SHOWN_TEXTS = """Array.from(document.querySelectorAll('svg.overview-drawing text'))
  .filter(t => t.getClientRects().length && t.getBoundingClientRect().width > 0)"""
#: For each text shown in the overview: does it lie inside the drawing?
LABELS_INSIDE = """() => {
  const svg = document.querySelector('svg.overview-drawing').getBoundingClientRect();
  return SHOWN_TEXTS.map(t => {
    const r = t.getBoundingClientRect();
    return r.left >= svg.left - 1 && r.right <= svg.right + 1;
  });
}""".replace("SHOWN_TEXTS", SHOWN_TEXTS)
#: Pairs of texts shown in the overview whose boxes (real fonts) overlap.
TEXT_OVERLAPS = """() => {
  const boxes = SHOWN_TEXTS.flatMap(t => {
    const parts = t.querySelectorAll('tspan');
    return Array.from(parts.length ? parts : [t]).map(p => [p.textContent,
    p.getBoundingClientRect()]);
  });
  const found = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [s, a] = boxes[i], [u, b] = boxes[j];
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2) found.push(s + ' / ' + u);
  }
  return found;
}""".replace("SHOWN_TEXTS", SHOWN_TEXTS)
#: The overview's label texts shown at this width.
SHOWN_LABELS = """() => SHOWN_TEXTS.filter(t => t.classList.contains('label'))
  .map(t => t.querySelector('tspan').textContent)""".replace("SHOWN_TEXTS", SHOWN_TEXTS)
#: The smallest text of the overview, in px.
SMALLEST_TEXT = (
    """() => Math.min(...SHOWN_TEXTS.map(t => parseFloat(getComputedStyle(t).fontSize)))""".replace(
        "SHOWN_TEXTS", SHOWN_TEXTS
    )
)
#: Pairs of filter controls whose boxes overlap.
OVERLAPS = """() => {
  const boxes = Array.from(document.querySelectorAll('form.filters > label, form.filters > div'))
    .map(e => e.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1
        && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
  }
  return overlaps;
}"""


@pytest.fixture(scope="module")
def desktop(browser, servers):
    page = _open(browser, f"{servers[0]}/incidents/{JANUARY}", DESKTOP, "incident-desktop.png")
    seen = {
        "overlaps": page.evaluate(OVERLAPS),
        "labels_inside": page.evaluate(LABELS_INSIDE),
        "marks": page.locator("svg.overview-drawing g.mark").count(),
        "svg_height": page.locator("svg.overview-drawing").bounding_box()["height"],
        "mark_labels": page.evaluate(SHOWN_LABELS),
        "text_overlaps": page.evaluate(TEXT_OVERLAPS),
    }
    # open two details, then click elsewhere: both stay open
    reports = page.locator("details.reports > summary").first
    others = page.locator("details.others > summary").first
    reports.click()
    others.click()
    page.locator("h1").click()
    seen["open_after_click"] = page.evaluate(
        "() => Array.from(document.querySelectorAll('details.reports, details.others')).filter(d "
        "=> d.open).length"
    )
    page.screenshot(path=str(OUTPUT / "incident-desktop-details-open.png"), full_page=False)
    with page.expect_navigation():
        page.select_option("#filter-category", "outage_start")
    seen["filtered"] = page.eval_on_selector_all(
        "li.event", "els => els.map(e => e.dataset.category)"
    )
    seen["filtered_url"] = page.url
    page.close()
    return seen


@pytest.fixture(scope="module")
def phone(browser, servers, db_path):
    from incident_timeline.serve import database_name

    seen = {}
    for name, url in [
        ("incident", f"{servers[0]}/incidents/{JANUARY}"),
        ("home", f"{servers[0]}/"),
        ("document", f"{servers[0]}/{database_name(db_path)}/documents/6"),
        ("other", f"{servers[1]}/incidents/{NORTHMAIL}"),
        ("other-home", f"{servers[1]}/"),
    ]:
        page = _open(browser, url, PHONE, f"{name}-phone.png")
        seen[name] = {"width": page.evaluate("document.documentElement.scrollWidth")}
        if name in ("incident", "other"):
            seen[name]["labels_inside"] = page.evaluate(LABELS_INSIDE)
            seen[name]["overlaps"] = page.evaluate(OVERLAPS)
            seen[name]["font_px"] = page.evaluate(SMALLEST_TEXT)
            seen[name]["text_overlaps"] = page.evaluate(TEXT_OVERLAPS)
            seen[name]["svg_height"] = page.locator("svg.overview-drawing").bounding_box()["height"]
        page.close()
    return seen


def _dense_story():
    """60 key moments of every kind within ten days, then a quarter of a year of aftermath."""
    import datetime as dt
    import random

    kinds = [
        "provider_statement",
        "cause",
        "consumer_action",
        "regulator_action",
        "deadline",
        "compensation",
        "other",
    ]
    rnd = random.Random(7)
    start = dt.datetime(2024, 3, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    at = [start, start + dt.timedelta(days=3, hours=5), start + dt.timedelta(days=5, hours=2)]
    categories = ["outage_start", "restoration_partial", "restoration_complete"]
    at += [start + dt.timedelta(minutes=rnd.randrange(10 * 1440)) for _ in range(57)]
    at += [start + dt.timedelta(days=d) for d in range(14, 92, 9)]
    categories += [rnd.choice(kinds) for _ in range(len(at) - 3)]
    moments = [
        {
            "id": i,
            "category": c,
            "at": t.isoformat(),
            "earliest": t.isoformat(),
            "latest": t.isoformat(),
            "precision": "minute",
            "conflict": 0,
            "statement": "…",
        }
        for i, (c, t) in enumerate(zip(categories, at, strict=True), 1)
    ]
    counts = [
        {"day": d, "category": rnd.choice(kinds), "events": rnd.randint(1, 40)}
        for d in sorted({m["at"][:10] for m in moments})
    ]
    return moments, counts


@pytest.fixture(scope="module")
def dense(browser, tmp_path_factory):
    """A dense story's overview alone in a page, in English, on a phone and a desktop."""
    from incident_timeline.overview import overview_html

    target = tmp_path_factory.mktemp("dense") / "overview.html"
    target.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        '<body style="margin:0;padding:16px;font-family:system-ui,sans-serif">'
        + overview_html(*_dense_story(), tz="America/New_York", lang="en"),
        "utf-8",
    )
    seen = {}
    for name, viewport in [
        ("overview-dense-phone.png", PHONE),
        ("overview-dense-desktop.png", DESKTOP),
    ]:
        page = _open(browser, target.as_uri(), viewport, name)
        seen[name] = {
            "labels_inside": page.evaluate(LABELS_INSIDE),
            "text_overlaps": page.evaluate(TEXT_OVERLAPS),
            "marks": page.locator("svg.overview-drawing g.mark").count(),
            "labels": page.evaluate(SHOWN_LABELS),
            "font_px": page.evaluate(SMALLEST_TEXT),
            "svg_height": page.locator("svg.overview-drawing").bounding_box()["height"],
            "width": page.evaluate("document.documentElement.scrollWidth"),
        }
        page.close()
    return seen


@pytest.fixture(scope="module")
def report(browser, db_path, tmp_path_factory):
    from incident_timeline.cli import main

    target = tmp_path_factory.mktemp("report") / "report.html"
    assert (
        main(
            [
                "report",
                "--db",
                str(db_path),
                "--incident",
                JANUARY,
                "--format",
                "html",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    seen = {}
    for name, viewport in [("report-desktop.png", DESKTOP), ("report-phone.png", PHONE)]:
        page = _open(browser, target.as_uri(), viewport, name)
        seen[name] = {
            "width": page.evaluate("document.documentElement.scrollWidth"),
            "marks": page.locator("svg.overview-drawing g.mark").count(),
            "labels_inside": page.evaluate(LABELS_INSIDE),
        }
        page.close()
    return seen


def test_two_details_stay_open(desktop):
    assert desktop["open_after_click"] == 2


def test_filters_do_not_overlap_on_desktop(desktop):
    assert desktop["overlaps"] == 0


def test_overview_has_a_mark_per_key_moment(desktop):
    assert desktop["marks"] == 9


def test_overview_labels_the_outage(desktop):
    assert {"primo ripristino", "ripristino totale"} <= set(desktop["mark_labels"])


def test_overview_labels_inside_the_drawing_on_desktop(desktop):
    assert desktop["labels_inside"] and all(desktop["labels_inside"])


def test_overview_text_does_not_overlap_on_desktop(desktop):
    assert desktop["text_overlaps"] == []


def test_overview_is_not_a_wall(desktop):
    assert 150 < desktop["svg_height"] < 420


def test_category_filter_keeps_only_that_category(desktop):
    assert (
        set(desktop["filtered"]) == {"outage_start"}
        and "category=outage_start" in desktop["filtered_url"]
    )


@pytest.mark.parametrize("name", ["incident", "home", "document", "other", "other-home"])
def test_no_sideways_scrolling_on_a_phone(phone, name):
    assert phone[name]["width"] <= PHONE["width"]


@pytest.mark.parametrize("name", ["incident", "other"])
def test_overview_labels_inside_the_drawing_on_a_phone(phone, name):
    assert phone[name]["labels_inside"] and all(phone[name]["labels_inside"])


@pytest.mark.parametrize("name", ["incident", "other"])
def test_overview_text_readable_on_a_phone(phone, name):
    assert phone[name]["font_px"] >= 10


@pytest.mark.parametrize("name", ["incident", "other"])
def test_overview_text_does_not_overlap_on_a_phone(phone, name):
    assert phone[name]["text_overlaps"] == []


@pytest.mark.parametrize("name", ["incident", "other"])
def test_overview_short_on_a_phone(phone, name):
    assert phone[name]["svg_height"] < 420


@pytest.mark.parametrize("name", ["overview-dense-phone.png", "overview-dense-desktop.png"])
def test_dense_overview_text_does_not_overlap(dense, name):
    assert dense[name]["text_overlaps"] == [] and all(dense[name]["labels_inside"])


@pytest.mark.parametrize("name", ["overview-dense-phone.png", "overview-dense-desktop.png"])
def test_dense_overview_marks_every_moment(dense, name):
    assert dense[name]["marks"] == len(_dense_story()[0])


def test_dense_overview_labels_more_when_wider(dense):
    phone, desktop = dense["overview-dense-phone.png"], dense["overview-dense-desktop.png"]
    assert 5 <= len(phone["labels"]) < len(desktop["labels"])


@pytest.mark.parametrize("name", ["overview-dense-phone.png", "overview-dense-desktop.png"])
def test_dense_overview_fits_and_reads(dense, name):
    assert (
        dense[name]["width"] <= (PHONE if "phone" in name else DESKTOP)["width"]
        and dense[name]["font_px"] >= 10
        and dense[name]["svg_height"] < 450
    )


@pytest.mark.parametrize("name", ["incident", "other"])
def test_filters_do_not_overlap_on_a_phone(phone, name):
    assert phone[name]["overlaps"] == 0


@pytest.mark.parametrize("name", ["report-desktop.png", "report-phone.png"])
def test_report_opens_with_its_drawing(report, name):
    assert report[name]["marks"] == 9 and all(report[name]["labels_inside"])


def test_report_fits_a_phone(report):
    assert report["report-phone.png"]["width"] <= PHONE["width"]


@pytest.mark.parametrize(
    "name",
    [
        "incident-desktop.png",
        "incident-phone.png",
        "home-phone.png",
        "document-phone.png",
        "other-phone.png",
        "report-phone.png",
        "overview-dense-phone.png",
        "overview-dense-desktop.png",
    ],
)
def test_screenshot_saved(desktop, phone, report, dense, name):
    assert (OUTPUT / name).stat().st_size > 10_000
