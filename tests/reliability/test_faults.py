"""A crawl of a site that fails in every way a site can: it ends by itself, keeps every good page,
says what went wrong."""

import pytest

from tests.reliability.conftest import stored_paths
from tests.reliability.faultsite import GOOD_FAULT_PAGES, NEVER_STORED, RETRY_AFTER


def test_crawl_exits_cleanly(faulty_crawl):
    assert faulty_crawl.result.returncode == 0, faulty_crawl.result.stderr[-3000:]


@pytest.mark.parametrize(
    "path", ["/notizie/guasto-0.html", "/notizie/guasto-3.html", *GOOD_FAULT_PAGES]
)
def test_good_page_is_stored(faulty_crawl, path):
    assert path in stored_paths(faulty_crawl.db, faulty_crawl.site)


@pytest.mark.parametrize("path", NEVER_STORED)
def test_bad_page_is_not_stored(faulty_crawl, path):
    assert path not in stored_paths(faulty_crawl.db, faulty_crawl.site)


def test_503_is_retried(faulty_crawl):
    assert len(faulty_crawl.site.times_of("/notizie/instabile.html")) == 2


def test_429_retry_waits_for_retry_after(faulty_crawl):
    first, retry = faulty_crawl.site.times_of("/notizie/affollato.html")[:2]
    assert retry - first >= RETRY_AFTER - 0.05


def test_hanging_page_is_given_up_after_retries(faulty_crawl):
    assert len(faulty_crawl.site.times_of("/notizie/appeso.html")) == 3  # RETRY_TIMES = 2


def test_redirect_loop_ends(faulty_crawl):
    assert (
        len(faulty_crawl.site.times_of("/giro/a.html") + faulty_crawl.site.times_of("/giro/b.html"))
        <= 6
    )


def test_huge_page_is_fetched_once(faulty_crawl):
    assert len(faulty_crawl.site.times_of("/archivio/enorme.html")) == 1


def test_robots_disallowed_page_is_never_requested(faulty_crawl):
    assert "/riservato/segreto.html" not in faulty_crawl.site.paths_requested()


def test_robots_txt_is_read(faulty_crawl):
    assert "/robots.txt" in faulty_crawl.site.paths_requested()


def test_nothing_offsite_is_requested(faulty_crawl):
    assert faulty_crawl.site.offsite() == []


@pytest.mark.parametrize(
    "words",
    [
        "pages fetched",
        "documents stored",
        "dropped",
        "not html",
        "HTTP statuses",
        "404×1",
        "410×1",
        "timeout",
        "connection reset",
        "redirect loop",
        "too large (DOWNLOAD_MAXSIZE)",
        "waited for Retry-After",
        "robots.txt disallowed",
        "gave up after retries",
    ],
)
def test_summary_says(faulty_crawl, words):
    assert words in faulty_crawl.summary, faulty_crawl.summary


def test_summary_counts_stored_documents(faulty_crawl):
    stored = len(stored_paths(faulty_crawl.db, faulty_crawl.site))
    assert f"{stored} documents stored" in faulty_crawl.summary


def test_no_traceback_in_output(faulty_crawl):
    assert "Traceback" not in faulty_crawl.result.stderr
