"""Bad input around the archive and discovery: a clear message, counted in the summary, and the
rest of the crawl goes on (a pattern without a host is a sources-file error: nothing is fetched)."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess

import pytest

from tests.archive.conftest import (
    PROJECT,
    crawl,
    proxy_env,
    rows,
    summary_of,
    timeline_command,
    write,
)
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import listing, outage_article
from tests.archive.replicas import DocReplica, WaybackReplica

SITE = "http://www.cronaca.test"
TODAY = dt.date.today()

HEAD = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: {start}, end: {end}}}{discover}
sources:
  - name: cronaca
    kind: news
    start_urls: ["http://www.cronaca.test/"]
"""
ARCHIVED = """\
  - name: assistenza
    kind: provider
    archive: ["assistenza.lampo.test/*"]
"""


def config_text(
    archive: bool = False,
    discover: bool = False,
    start=dt.date(2024, 2, 1),
    end=dt.date(2024, 2, 29),
) -> str:
    text = HEAD.format(
        start=start, end=end, discover="\n  discover: {gdelt: 'posta lampo'}" if discover else ""
    )
    return text + (ARCHIVED if archive else "")


def live_site(request):
    if request.path == "/":
        return Answer(200, listing("Cronaca", ["/2024/02/05/posta-lampo/"]))
    if request.path == "/2024/02/05/posta-lampo/":
        return Answer(200, outage_article(1, 5))
    return None


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CASES = {
    "unreachable archive": dict(
        archive=True,
        archive_port_closed=True,
        message="archive index for 'assistenza.lampo.test/*' cannot be read",
        counted="bad archive 1",
    ),
    "malformed CDX answer": dict(
        archive=True,
        broken_index=True,
        message="archive index for 'assistenza.lampo.test/*': not the index's JSON",
        counted="bad archive 1",
    ),
    "malformed DOC answer": dict(
        discover=True,
        doc_answer='{"articles": [{"url": ',
        message="GDELT answer cannot be read: malformed JSON",
        counted="bad discovery 1",
    ),
    "DOC error in words": dict(
        discover=True,
        doc_answer="The specified phrase is too short.",
        message="the API answered in words, not JSON: 'The specified phrase is too short.'",
        counted="bad discovery 1",
    ),
    "window older than GDELT's reach, answered in words": dict(
        discover=True,
        doc_answer="Invalid query start date: outside the searchable range.",
        message="GDELT searches the last three months only",
        counted="bad discovery 1",
    ),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    results = {}
    for name, case in CASES.items():
        tmp_path = tmp_path_factory.mktemp(name.replace(" ", "-").replace("'", ""))
        wayback = WaybackReplica([], broken_index=case.get("broken_index", False))
        doc = DocReplica([], answer=case.get("doc_answer"))
        web = LoopWeb()
        web.route("www.cronaca.test", live_site)
        web.route("web.archive.test", wayback)
        web.route("api.gdelt.test", doc)
        settings = []
        if case.get("archive_port_closed"):  # found closed just before the crawl that needs it
            settings = ["-s", f"TIMELINE_WAYBACK_URL=http://127.0.0.1:{closed_port()}"]
        # Discovery over a window GDELT still covers, except in the case about that.
        recent = case.get("discover") and "older" not in name
        text = config_text(
            archive=case.get("archive", False),
            discover=case.get("discover", False),
            **({"start": TODAY - dt.timedelta(days=30), "end": TODAY} if recent else {}),
        )
        with web:
            db = tmp_path / "bad.db"
            result = crawl(
                write(tmp_path, "sources.yml", text),
                db,
                *settings,
                proxy=web.proxy_url,
            )
        results[name] = {
            "result": result,
            "db": db,
            "web": web,
            "summary": summary_of(result),
            "doc": doc,
            **case,
        }
    return results


@pytest.mark.parametrize("name", CASES)
def test_the_crawl_ends_normally(outcomes, name):
    assert outcomes[name]["result"].returncode == 0, outcomes[name]["result"].stderr[-1500:]


@pytest.mark.parametrize("name", CASES)
def test_a_clear_message(outcomes, name):
    assert outcomes[name]["message"] in outcomes[name]["result"].stderr, outcomes[name][
        "result"
    ].stderr[-1500:]


@pytest.mark.parametrize("name", CASES)
def test_counted_in_the_summary(outcomes, name):
    assert outcomes[name]["counted"] in outcomes[name]["summary"], outcomes[name]["summary"]


@pytest.mark.parametrize("name", CASES)
def test_no_traceback(outcomes, name):
    assert "Traceback" not in outcomes[name]["result"].stderr


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.get("archive")])
def test_the_rest_of_the_crawl_goes_on(outcomes, name):
    assert [r["url"] for r in rows(outcomes[name]["db"], "select url from documents")] == [
        f"{SITE}/2024/02/05/posta-lampo/"
    ]


def test_a_window_older_than_gdelts_reach_is_asked_and_warned_about(outcomes):
    outcome = outcomes["window older than GDELT's reach, answered in words"]
    assert (
        len(outcome["doc"].queries) == 1
        and "outside the searchable range" in outcome["result"].stderr
    )


# -- mistakes in the sources file: exit 2, file, line and key named, nothing fetched ---------------

MISTAKES = {
    "archive pattern without a host": (
        config_text(archive=True).replace("assistenza.lampo.test/*", "/aiuto/*"),
        "sources[1].archive[0]",
        "names no host",
    ),
    "archive pattern with a star inside": (
        config_text(archive=True).replace("assistenza.lampo.test/*", "assistenza.lampo.test/*/x"),
        "sources[1].archive[0]",
        "never a '*' in the middle",
    ),
    "archive not a list": (
        config_text(archive=True).replace('["assistenza.lampo.test/*"]', "assistenza.lampo.test/*"),
        "sources[1].archive",
        "expected a list",
    ),
    "discover without a query": (
        config_text(discover=True).replace("{gdelt: 'posta lampo'}", "{}"),
        "incident.discover.gdelt",
        "missing",
    ),
    "discover with an unknown service": (
        config_text(discover=True).replace("gdelt:", "google:"),
        "incident.discover.google",
        "unknown key",
    ),
    "no sources and no discovery": (
        config_text().split("sources:")[0] + "sources: []\n",
        "sources",
        "it may be empty only when incident.discover is given",
    ),
    "the reserved source name": (
        config_text().replace("name: cronaca", "name: discovered"),
        "sources[0].name",
        "reserved",
    ),
}


@pytest.mark.parametrize("text, key, message", MISTAKES.values(), ids=MISTAKES.keys())
def test_sources_file_mistake(tmp_path, text, key, message):
    config = write(tmp_path, "sources.yml", text)
    web = LoopWeb()
    with web:
        result = subprocess.run(
            [*timeline_command(), "crawl", "--config", str(config), "--db", str(tmp_path / "x.db")],
            cwd=PROJECT,
            env=proxy_env(web.proxy_url),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert (
        result.returncode,
        f": {key}: " in result.stderr,
        message in result.stderr,
        web.hits(),
    ) == (2, True, True, []), result.stderr
