"""Archive patterns: a past incident read from the Wayback Machine (here its loopback replica).

One crawl of two sources that have nothing but ``archive:`` patterns: news articles of
February 2024, and the provider's login and help pages, whose banner came and went.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from tests.archive.conftest import ARCHIVE, crawl, rows, summary_of, write
from tests.archive.loopweb import LoopWeb
from tests.archive.pages import BANNER, help_page, login_page, off_topic_article, outage_article
from tests.archive.replicas import BANNER_MARK, Snapshot, WaybackReplica, digest_of

NEWS = "http://www.cronaca.test"
HELP = "http://assistenza.lampo.test"
A = f"{NEWS}/2024/02/05/posta-lampo-caselle-bloccate/"
B = f"{NEWS}/2024/02/07/posta-lampo-ripristino/"
C = f"{NEWS}/2024/02/10/calcio/"
LOGIN = f"{HELP}/accesso"
AIUTO = f"{HELP}/aiuto"
OLD = f"{HELP}/vecchia"
RESTORED = "Aggiornamento: alle 18 il servizio è tornato disponibile per tutti gli utenti."
HELP_UPDATE = "Aggiornamento dell'8 febbraio: il servizio è tornato regolare dalle 7:30 per tutti."

SOURCES = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {start: 2024-02-01, end: 2024-02-29}
sources:
  - name: cronaca
    kind: news
    archive: ["www.cronaca.test/2024/02/*"]
  - name: assistenza
    kind: provider
    archive: ["assistenza.lampo.test/*"]
"""


def snapshots() -> list[Snapshot]:
    article_a = outage_article(1, 5)
    b_before, b_after = outage_article(2, 7), outage_article(2, 7, extra=RESTORED)
    plain, banner = login_page(banner=False), login_page(banner=True)
    return [
        Snapshot(A, "20240120100000", article_a),  # before the window: never read
        Snapshot(A, "20240205120000", article_a),
        Snapshot(A, "20240206120000", article_a),  # the same content again: read once
        Snapshot(A, "20240207120000", article_a),
        Snapshot(A, "20240301080000", article_a),  # after the window
        Snapshot(B, "20240207100000", b_before),
        Snapshot(B, "20240207190000", b_after),
        Snapshot(B, "20240208100000", b_after),
        Snapshot(C, "20240210190000", off_topic_article(1, 10)),
        Snapshot(
            f"{NEWS}/2024/02/11/sparito/", "20240211100000", "<html>gone</html>", status="404"
        ),
        Snapshot(f"{NEWS}/2024/02/logo.png", "20240211100000", "PNG", mimetype="image/png"),
        Snapshot(LOGIN, "20240131223000", plain),  # 23:30 on 31 January in Rome: outside
        Snapshot(LOGIN, "20240131233000", plain),  # 00:30 on 1 February in Rome: inside
        Snapshot(LOGIN, "20240204080000", plain),
        Snapshot(LOGIN, "20240205093000", banner),
        Snapshot(LOGIN, "20240205150000", banner),
        Snapshot(LOGIN, "20240209120000", plain),  # the banner is gone again
        Snapshot(AIUTO, "20240206120000", help_page()),
        Snapshot(AIUTO, "20240208090000", help_page(update=HELP_UPDATE)),
        Snapshot(
            OLD,
            "20240206120000",
            login_page(banner=True).replace("Accedi", "Vecchio accesso"),
            drops_raw=True,
        ),
    ]


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("archive")
    replica = WaybackReplica(snapshots(), max_rows=4, busy_first=1, retry_after=1)
    web = LoopWeb()
    web.route("web.archive.test", replica)
    with web:
        config = write(tmp_path, "sources.yml", SOURCES)
        db = tmp_path / "archive.db"
        result = crawl(config, db, proxy=web.proxy_url)
        yield {
            "web": web,
            "replica": replica,
            "db": db,
            "result": result,
            "summary": summary_of(result),
        }


def document(archived, url: str) -> dict:
    found = rows(archived["db"], "select * from documents where url = ?", url)
    assert found, f"{url} not stored; stored: {rows(archived['db'], 'select url from documents')}"
    return found[0]


def changes(archived, url: str) -> list[dict]:
    return rows(
        archived["db"],
        "select e.* from events e join documents d on d.id = e.document_id "
        "where d.url = ? and e.origin = 'page_change' order by e.latest",
        url,
    )


def replays(archived, url: str) -> list[str]:
    """The timestamps of the captures of ``url`` the crawl read."""
    return [
        hit.path.split("/")[2].removesuffix("id_")
        for hit in archived["web"].hits("web.archive.test", "/web/")
        if hit.path.split("/", 3)[3] + (f"?{hit.query}" if hit.query else "") == url
    ]


def test_crawl_succeeds(archived):
    assert archived["result"].returncode == 0, archived["result"].stderr[-2000:]


def test_nothing_but_the_archive_is_asked(archived):
    assert archived["web"].unrouted() == []


@pytest.mark.parametrize("url", [A, B, LOGIN, AIUTO])
def test_page_is_one_document_under_its_original_url(archived, url):
    assert len(rows(archived["db"], "select id from documents where url = ?", url)) == 1


@pytest.mark.parametrize("url", [A, B, LOGIN, AIUTO])
def test_found_via_archive(archived, url):
    assert document(archived, url)["found_via"] == "archive"


@pytest.mark.parametrize(
    "url, source, kind", [(A, "cronaca", "news"), (LOGIN, "assistenza", "provider")]
)
def test_stored_under_its_source(archived, url, source, kind):
    row = document(archived, url)
    assert (row["source"], row["kind"]) == (source, kind)


def test_archived_url_is_the_raw_capture_read(archived):
    assert document(archived, LOGIN)["archived_url"] == f"{ARCHIVE}/web/20240131233000id_/{LOGIN}"


def test_captured_at_is_in_the_incident_timezone(archived):
    assert document(archived, LOGIN)["captured_at"] == "2024-02-01T00:30:00+01:00"


def test_publication_date_comes_from_the_page(archived):
    assert document(archived, A)["published"] == "2024-02-05T09:30:00+01:00"


def test_a_page_without_a_date_is_dated_by_its_first_capture(archived):
    assert document(archived, LOGIN)["day"] == "2024-02-01"


def test_document_carries_the_latest_version(archived):
    assert RESTORED in document(archived, B)["text"]


def test_banner_gone_again_so_latest_text_has_no_banner(archived):
    assert BANNER not in document(archived, LOGIN)["text"]


def test_off_topic_capture_is_dropped(archived):
    assert rows(archived["db"], "select id from documents where url = ?", C) == []


def test_each_content_is_read_once(archived):
    assert replays(archived, A) == ["20240205120000"]


def test_a_content_seen_again_later_is_not_read_again(archived):
    assert sorted(replays(archived, LOGIN)) == ["20240131233000", "20240205093000"]


@pytest.mark.parametrize("timestamp", ["20240120100000", "20240301080000", "20240131223000"])
def test_captures_outside_the_window_are_never_read(archived, timestamp):
    assert not [h for h in archived["web"].hits("web.archive.test", f"/web/{timestamp}")]


@pytest.mark.parametrize("path", ["/2024/02/11/sparito/", "/2024/02/logo.png"])
def test_captures_not_html_or_not_200_are_never_read(archived, path):
    assert not [
        h for h in archived["web"].hits("web.archive.test", "/web/") if h.path.endswith(path)
    ]


def test_captures_are_read_raw(archived):
    reads = [h for h in archived["web"].hits("web.archive.test", "/web/") if h.status == 200]
    assert reads and all("id_/" in h.path for h in reads)


@pytest.mark.parametrize(
    "table, column",
    [
        ("documents", "text"),
        ("documents", "title"),
        ("versions", "text"),
        ("versions", "title"),
        ("events", "sentence"),
    ],
)
def test_the_archive_banner_never_reaches_a_stored_text(archived, table, column):
    assert (
        rows(
            archived["db"],
            f"select {column} from {table} where {column} like ?",
            f"%{BANNER_MARK}%",
        )
        == []
    )


def test_a_capture_the_archive_gives_only_with_its_banner_is_not_stored(archived):
    assert rows(archived["db"], "select id from documents where url = ?", OLD) == []


def test_index_asked_over_the_window_in_utc(archived):
    # 1 February in Rome begins on 31 January in UTC; the captures of that UTC day before
    # 23:00 are listed, and never read (test_captures_outside_the_window_are_never_read).
    query = archived["replica"].index_queries[0]
    assert (query.param("from"), query.param("to")) == ("20240131", "20240229")


def test_index_asked_as_json_with_the_pattern(archived):
    patterns = {q.param("url") for q in archived["replica"].index_queries}
    assert (archived["replica"].index_queries[0].param("output"), patterns) == (
        "json",
        {"www.cronaca.test/2024/02/*", "assistenza.lampo.test/*"},
    )


def test_index_read_page_by_page_with_the_resume_key(archived):
    resumed = [q for q in archived["replica"].index_queries if q.param("resumeKey")]
    assert resumed and all(" " in unquote(q.param("resumeKey")) for q in resumed)


def test_index_busy_is_asked_again_after_retry_after(archived):
    assert "waited for Retry-After" in archived["summary"]


# -- page history -------------------------------------------------------------------------------


def test_one_version_per_distinct_content(archived):
    versions = rows(
        archived["db"],
        "select v.* from versions v join documents d on d.id = v.document_id "
        "where d.url = ? order by v.captured_at",
        LOGIN,
    )
    assert [v["content_hash"] for v in versions] == [
        digest_of(login_page(False).encode()),
        digest_of(login_page(True).encode()),
    ]


def test_version_captured_at_is_the_first_capture_of_its_content(archived):
    versions = rows(
        archived["db"],
        "select v.captured_at from versions v join documents d on "
        "d.id = v.document_id where d.url = ? order by v.captured_at",
        LOGIN,
    )
    assert [v["captured_at"] for v in versions] == [
        "2024-02-01T00:30:00+01:00",
        "2024-02-05T10:30:00+01:00",
    ]


def test_version_archived_url(archived):
    [banner] = rows(
        archived["db"],
        "select v.archived_url from versions v join documents d on "
        "d.id = v.document_id where d.url = ? and v.text like ?",
        LOGIN,
        "%Avviso%",
    )
    assert banner["archived_url"] == f"{ARCHIVE}/web/20240205093000id_/{LOGIN}"


def test_banner_that_came_and_went_is_two_changes(archived):
    assert len(changes(archived, LOGIN)) == 2


def test_banner_appearing_is_dated_between_the_two_captures(archived):
    first = changes(archived, LOGIN)[0]
    assert (first["earliest"], first["latest"]) == (
        "2024-02-04T09:00:00+01:00",
        "2024-02-05T10:30:00+01:00",
    )


def test_banner_appearing_statement_is_the_banner(archived):
    assert BANNER.split(". ")[0] in changes(archived, LOGIN)[0]["sentence"]


def test_banner_going_away_is_dated_from_its_last_capture(archived):
    second = changes(archived, LOGIN)[1]
    assert (second["earliest"], second["latest"]) == (
        "2024-02-05T16:00:00+01:00",
        "2024-02-09T13:00:00+01:00",
    )


def test_banner_going_away_says_what_was_removed(archived):
    second = changes(archived, LOGIN)[1]
    assert (
        second["sentence"].startswith("Rimosso dalla pagina:")
        and "problemi di accesso" in second["sentence"]
    )


def test_first_version_gives_no_change(archived):
    assert len(changes(archived, B)) == 1


def test_change_statement_is_what_was_added(archived):
    assert changes(archived, B)[0]["sentence"] == RESTORED


@pytest.mark.parametrize(
    "field, expected",
    [
        ("earliest", "2024-02-07T11:00:00+01:00"),
        ("latest", "2024-02-07T20:00:00+01:00"),
        ("type", "DATE"),
        ("value", "2024-02-07T11:00:00+01:00/2024-02-07T20:00:00+01:00"),
        ("day", "2024-02-07"),
    ],
)
def test_change_event_fields(archived, field, expected):
    assert changes(archived, B)[0][field] == expected


def test_change_event_of_the_help_page(archived):
    [change] = changes(archived, AIUTO)
    assert (change["sentence"], change["latest"]) == (HELP_UPDATE, "2024-02-08T10:00:00+01:00")


def test_a_page_with_one_content_gives_no_change(archived):
    assert changes(archived, A) == []


@pytest.mark.parametrize(
    "words",
    [
        "archive: 2 patterns asked",
        "captures listed",
        "outside the window",
        "of a content already read",
        "captures read into",
        "changes",
        "errors",
    ],
)
def test_summary_has_the_archive_line(archived, words):
    line = next(
        (line for line in archived["summary"].splitlines() if line.strip().startswith("archive:")),
        "",
    )
    assert words in line, archived["summary"]


def test_summary_counts_the_capture_the_archive_gave_only_replayed_as_an_error(archived):
    line = next(
        line for line in archived["summary"].splitlines() if line.strip().startswith("archive:")
    )
    assert line.rstrip().endswith("1 errors")
