"""The pages as a person uses them, in a real browser (Chromium, desktop 1280 px and a 390 px
phone): details that stay open, no sideways scrolling, filters that do not overlap, an
overview whose labels stay inside it, the report's HTML. Screenshots go to tests/output/."""

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
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).resolve().parents[1] / "output"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db_path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline.serve", "--db", str(db_path), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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


#: For each label of the overview: does it lie inside the drawing?
LABELS_INSIDE = """() => {
  const svg = document.querySelector('svg.overview-drawing').getBoundingClientRect();
  return Array.from(document.querySelectorAll('svg.overview-drawing text')).map(t => {
    const r = t.getBoundingClientRect();
    return r.left >= svg.left - 1 && r.right <= svg.right + 1;
  });
}"""
#: Pairs of filter controls whose boxes overlap.
OVERLAPS = """() => {
  const boxes = Array.from(document.querySelectorAll('form.filters > label, form.filters > div'))
    .map(e => e.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
  }
  return overlaps;
}"""


@pytest.fixture(scope="module")
def desktop(browser, servers):
    page = _open(browser, f"{servers[0]}/incidents/{JANUARY}", DESKTOP, "incident-desktop.png")
    seen = {"overlaps": page.evaluate(OVERLAPS), "labels_inside": page.evaluate(LABELS_INSIDE),
            "marks": page.locator("svg.overview-drawing g.mark").count(),
            "svg_height": page.locator("svg.overview-drawing").bounding_box()["height"],
            "mark_labels": page.locator("svg.overview-drawing g.mark text[font-weight='600']").all_text_contents()}
    # open two details, then click elsewhere: both stay open
    reports = page.locator("details.reports > summary").first
    others = page.locator("details.others > summary").first
    reports.click()
    others.click()
    page.locator("h1").click()
    seen["open_after_click"] = page.evaluate(
        "() => Array.from(document.querySelectorAll('details.reports, details.others')).filter(d => d.open).length")
    page.screenshot(path=str(OUTPUT / "incident-desktop-details-open.png"), full_page=False)
    with page.expect_navigation():
        page.select_option("#filter-category", "outage_start")
    seen["filtered"] = page.eval_on_selector_all("li.event", "els => els.map(e => e.dataset.category)")
    seen["filtered_url"] = page.url
    page.close()
    return seen


@pytest.fixture(scope="module")
def phone(browser, servers, db_path):
    from timeline.serve import database_name

    seen = {}
    for name, url in [("incident", f"{servers[0]}/incidents/{JANUARY}"), ("home", f"{servers[0]}/"),
                      ("document", f"{servers[0]}/{database_name(db_path)}/documents/6"),
                      ("other", f"{servers[1]}/incidents/{NORTHMAIL}"), ("other-home", f"{servers[1]}/")]:
        page = _open(browser, url, PHONE, f"{name}-phone.png")
        seen[name] = {"width": page.evaluate("document.documentElement.scrollWidth")}
        if name in ("incident", "other"):
            seen[name]["labels_inside"] = page.evaluate(LABELS_INSIDE)
            seen[name]["overlaps"] = page.evaluate(OVERLAPS)
            seen[name]["font_px"] = page.evaluate(
                "() => Math.min(...Array.from(document.querySelectorAll('svg.overview-drawing text'))"
                ".map(t => parseFloat(getComputedStyle(t).fontSize)))")
        page.close()
    return seen


@pytest.fixture(scope="module")
def report(browser, db_path, tmp_path_factory):
    from timeline.cli import main

    target = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--db", str(db_path), "--incident", JANUARY, "--format", "html", "-o", str(target)]) == 0
    seen = {}
    for name, viewport in [("report-desktop.png", DESKTOP), ("report-phone.png", PHONE)]:
        page = _open(browser, target.as_uri(), viewport, name)
        seen[name] = {"width": page.evaluate("document.documentElement.scrollWidth"),
                      "marks": page.locator("svg.overview-drawing g.mark").count(),
                      "labels_inside": page.evaluate(LABELS_INSIDE)}
        page.close()
    return seen


def test_two_details_stay_open(desktop):
    assert desktop["open_after_click"] == 2


def test_filters_do_not_overlap_on_desktop(desktop):
    assert desktop["overlaps"] == 0


def test_overview_has_a_mark_per_key_moment(desktop):
    assert desktop["marks"] == 9


def test_overview_labels_are_words(desktop):
    assert desktop["mark_labels"][-2:] == ["primo ripristino", "ripristino totale"]


def test_overview_labels_inside_the_drawing_on_desktop(desktop):
    assert desktop["labels_inside"] and all(desktop["labels_inside"])


def test_overview_is_not_a_wall(desktop):
    assert 200 < desktop["svg_height"] < 500


def test_category_filter_keeps_only_that_category(desktop):
    assert set(desktop["filtered"]) == {"outage_start"} and "category=outage_start" in desktop["filtered_url"]


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
def test_filters_do_not_overlap_on_a_phone(phone, name):
    assert phone[name]["overlaps"] == 0


@pytest.mark.parametrize("name", ["report-desktop.png", "report-phone.png"])
def test_report_opens_with_its_drawing(report, name):
    assert report[name]["marks"] == 9 and all(report[name]["labels_inside"])


def test_report_fits_a_phone(report):
    assert report["report-phone.png"]["width"] <= PHONE["width"]


@pytest.mark.parametrize("name", ["incident-desktop.png", "incident-phone.png", "home-phone.png",
                                  "document-phone.png", "other-phone.png", "report-phone.png"])
def test_screenshot_saved(desktop, phone, report, name):
    assert (OUTPUT / name).stat().st_size > 10_000
