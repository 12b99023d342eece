"""The incident page in a real browser: filter by category, screenshot under tests/output/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).resolve().parents[1] / "output"
JANUARY = "postarapida-2023-01"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(db_path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline.serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("timeline serve did not start: " + (process.stdout.read() or ""))
            time.sleep(0.1)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(f"{server}/incidents/{JANUARY}")
        with page.expect_navigation():
            page.select_option("#filter-category", "outage_start")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "incident-filtered.png"), full_page=True)
        result = {
            "categories": page.eval_on_selector_all("li.event", "els => els.map(e => e.dataset.category)"),
            "url": page.url,
            "title": page.title(),
        }
        page.goto(f"{server}/incidents/{JANUARY}")
        page.screenshot(path=str(OUTPUT / "incident-page.png"), full_page=True)
        result["all_categories"] = page.eval_on_selector_all("li.event", "els => els.map(e => e.dataset.category)")
        result["grouped"] = page.eval_on_selector_all("li.happening", "els => els.length")
        result["summary"] = page.eval_on_selector_all(".key-moments dt", "els => els.length")
        browser.close()
    return result


def test_filter_keeps_only_that_category(page):
    assert set(page["categories"]) == {"outage_start"}


def test_filter_shows_every_event_of_that_category(page):
    assert len(page["categories"]) == 4


def test_filter_is_in_the_url(page):
    assert "category=outage_start" in page["url"]


def test_unfiltered_page_has_other_categories(page):
    assert len(set(page["all_categories"])) > 1


def test_screenshot_saved(page):
    assert (OUTPUT / "incident-filtered.png").stat().st_size > 10_000


def test_reports_of_one_happening_are_grouped(page):
    assert page["grouped"] >= 1


def test_summary_rendered(page):
    assert page["summary"] >= 3


def test_unfiltered_screenshot_saved(page):
    assert (OUTPUT / "incident-page.png").stat().st_size > 10_000
