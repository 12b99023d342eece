"""A followed link that answers 404 or 410 is read from the archive instead (the capture nearest
the window), stored under its own URL in the source of the link. Here the site and the archive
are plain loopback servers, asked directly (no proxy)."""

from __future__ import annotations

import pytest

from tests.archive.conftest import crawl, rows, summary_of, write
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import listing, outage_article
from tests.archive.replicas import Snapshot, WaybackReplica

LIVE = "/2024/02/05/posta-lampo-caselle/"
GONE = "/2024/02/06/posta-lampo-sparito/"  # 404, captured inside the window
REMOVED = "/2024/02/07/posta-lampo-rimosso/"  # 410, captured only after the window
NEVER = "/2024/02/08/posta-lampo-mai-archiviato/"  # 404, never captured


def sources(site: str) -> str:
    return f"""\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: 2024-02-01, end: 2024-02-29}}
sources:
  - name: cronaca
    kind: news
    start_urls: ["{site}/"]
"""


@pytest.fixture(scope="module")
def recovered(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("fallback")
    site, archive = LoopWeb(), LoopWeb()
    site_url, archive_url = site.proxy_url, archive.proxy_url  # asked directly: 127.0.0.1:PORT

    def pages(request):
        if request.path == "/":
            return Answer(200, listing("Cronaca", [LIVE, GONE, REMOVED, NEVER]))
        if request.path == LIVE:
            return Answer(200, outage_article(1, 5))
        if request.path == REMOVED:
            return Answer(410, "<html><body>Rimosso</body></html>")
        return None  # 404

    site.route(f"127.0.0.1:{site.port}", pages)
    replica = WaybackReplica(
        [
            Snapshot(f"{site_url}{GONE}", "20240206150000", outage_article(2, 6)),
            Snapshot(
                f"{site_url}{GONE}",
                "20240228150000",
                outage_article(2, 6, extra="Ultimo aggiornamento."),
            ),
            Snapshot(f"{site_url}{REMOVED}", "20240302100000", outage_article(3, 7)),
        ]
    )
    archive.route(f"127.0.0.1:{archive.port}", replica)
    with site, archive:
        db = tmp_path / "fallback.db"
        result = crawl(
            write(tmp_path, "sources.yml", sources(site_url)),
            db,
            "-s",
            f"TIMELINE_WAYBACK_URL={archive_url}",
            apis=False,
        )
    yield {
        "result": result,
        "db": db,
        "site": site_url,
        "archive": archive_url,
        "archive_web": archive,
        "replica": replica,
        "summary": summary_of(result),
    }


def document(recovered, path: str) -> dict | None:
    found = rows(recovered["db"], "select * from documents where url = ?", recovered["site"] + path)
    return found[0] if found else None


def test_crawl_succeeds(recovered):
    assert recovered["result"].returncode == 0, recovered["result"].stderr[-2000:]


def test_live_page_is_read_from_the_site(recovered):
    assert document(recovered, LIVE)["found_via"] == "page"


@pytest.mark.parametrize("path", [GONE, REMOVED])
def test_gone_page_is_read_from_the_archive(recovered, path):
    assert document(recovered, path)["found_via"] == "archive"


@pytest.mark.parametrize("path", [GONE, REMOVED])
def test_gone_page_stays_in_the_source_of_the_link(recovered, path):
    assert document(recovered, path)["source"] == "cronaca"


def test_the_latest_capture_inside_the_window_is_read(recovered):
    assert (
        document(recovered, GONE)["archived_url"]
        == f"{recovered['archive']}/web/20240228150000id_/{recovered['site']}{GONE}"
    )


def test_without_a_capture_inside_the_window_the_nearest_is_read(recovered):
    assert document(recovered, REMOVED)["captured_at"] == "2024-03-02T11:00:00+01:00"


def test_the_gone_page_keeps_its_own_publication_date(recovered):
    assert document(recovered, REMOVED)["published"] == "2024-02-07T09:30:00+01:00"


def test_a_page_never_archived_is_not_stored(recovered):
    assert document(recovered, NEVER) is None


def test_the_archive_is_asked_for_each_gone_page_exactly(recovered):
    asked = sorted(q.param("url") for q in recovered["replica"].index_queries)
    assert asked == sorted(recovered["site"] + p for p in (GONE, REMOVED, NEVER))


def test_the_archive_robots_txt_is_not_asked(recovered):
    assert not recovered["archive_web"].hits(path_prefix="/robots.txt")


def test_summary_counts_the_pages_read_from_the_archive(recovered):
    assert "2 of 3 gone pages (404/410) read from the archive" in recovered["summary"], recovered[
        "summary"
    ]
