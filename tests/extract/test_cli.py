"""`timeline extract --batch`: paths (optionally path<TAB>url) on stdin, JSON lines out."""

import io
import json
import subprocess
import sys
from pathlib import Path

from incident_timeline.extract.cli import main

PAGES = Path(__file__).parent / "pages"
KEYS = ["path", "title", "author", "published", "published_original", "updated", "lang", "text"]


def run(monkeypatch, capsys, stdin: str, *args: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["--batch", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_batch_with_url_and_unreadable_file(monkeypatch, capsys):
    page = PAGES / "quotidiano-url-only.html"
    stdin = (
        f"{page}\thttps://www.quotidianoweb.it/2023/01/22/posta-irraggiungibile-domenica/\n"
        "/nonexistent/page.html\n"
        f"{PAGES / 'netzwelt-byline.html'}\n"
    )
    lines = run(monkeypatch, capsys, stdin)
    assert len(lines) == 3
    assert list(lines[0])[: len(KEYS)] == KEYS
    assert lines[0]["published"] == "2023-01-22T00:00:00+01:00"
    assert "error" in lines[1] and lines[1]["path"] == "/nonexistent/page.html"
    assert lines[2]["lang"] == "de" and lines[2]["published"] == "2023-01-24T10:35:00+01:00"


def test_batch_timezone(monkeypatch, capsys):
    # the page states its offset (+00:00); naive times would be read in the configured zone
    lines = run(
        monkeypatch, capsys, f"{PAGES / 'netzwelt-utc-midnight.html'}\n", "--timezone", "UTC"
    )
    assert lines[0]["published"] == "2023-01-25T23:50:00+00:00"


def test_bad_timezone_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    try:
        main(["--batch", "--timezone", "Mars/Olympus"])
    except SystemExit as exit:
        assert exit.code == 2
    else:
        raise AssertionError("expected a usage error")


def test_python_dash_m():
    page = PAGES / "inbox-posted.html"
    done = subprocess.run(
        [sys.executable, "-m", "incident_timeline.extract.cli", "--batch"],
        input=f"{page}\n",
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert json.loads(done.stdout)["title"] == "Italian mail service mostly restored"


def test_published_original_keeps_the_page_offset(monkeypatch, capsys):
    # the page states 23:25 UTC and shows that day; the configured zone (Rome) makes it the next day
    lines = run(monkeypatch, capsys, f"{PAGES / 'pubdates' / 'en-gb-utc-site.html'}\n")
    assert lines[0]["published_original"] == "2023-06-10T23:25:00+00:00"


def test_dates_only_leaves_the_rest_null(monkeypatch, capsys):
    lines = run(monkeypatch, capsys, f"{PAGES / 'netzwelt-byline.html'}\n", "--dates-only")
    assert lines[0]["published"] == "2023-01-24T10:35:00+01:00"
    others = ("title", "author", "lang", "text", "is_listing")
    assert [lines[0][key] for key in others] == [None] * len(others)
