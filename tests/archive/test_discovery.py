"""Discovery: the articles GDELT's DOC 2.0 search lists (here its loopback replica) are fetched,
judged like any page and stored, under the configured source naming their site or `discovered`."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.archive.conftest import crawl, rows, summary_of, write
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import article, listing, off_topic_article
from tests.archive.replicas import DocReplica, Listed, Snapshot, WaybackReplica

ROME = ZoneInfo("Europe/Rome")
TODAY = dt.datetime.now(ROME).date()
START, END = TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=5)
DAY = TODAY - dt.timedelta(days=10)
KNOWN, OTHER = "http://www.cronaca.test", "http://www.altro-giornale.test"
ON_KNOWN = f"{KNOWN}/notizie/posta-lampo-bloccata/"
ON_OTHER = f"{OTHER}/tecnologia/posta-lampo-guasto/"
TITLE_ONLY = f"{OTHER}/sport/posta-lampo-cup/"  # listed title matches, the page is about football
GONE = f"{OTHER}/tecnologia/posta-lampo-sparito/"  # 404 on the site, read from the archive
OUTSIDE = f"{OTHER}/tecnologia/posta-lampo-vecchio/"  # seen before the window: never listed


def seen(day: dt.date, hhmm: str = "0815") -> str:
    return f"{day:%Y%m%d}T{hhmm}00Z"


def recent_article(n: int) -> str:
    published = dt.datetime.combine(DAY, dt.time(9, 30), ROME).isoformat()
    return article(
        f"Posta Lampo, caselle irraggiungibili ({n})",
        published,
        [
            "Da ieri mattina gli utenti di Posta Lampo non riescono a leggere la posta: "
            f"è il caso numero {n}.",
            "L'azienda parla di un guasto al sistema di archiviazione e promette il "
            "ripristino in giornata.",
        ],
    )


def sources(with_known: bool) -> str:
    known = (
        f"""
  - name: cronaca
    kind: news
    start_urls: ["{KNOWN}/"]"""
        if with_known
        else " []"
    )
    return f"""\
incident:
  slug: posta-lampo-oggi
  title: Disservizio di Posta Lampo in corso
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: {START}, end: {END}}}
  discover: {{gdelt: '"posta lampo"'}}
sources:{known}
"""


def the_web():
    web = LoopWeb()
    pages = {
        ON_KNOWN: recent_article(1),
        ON_OTHER: recent_article(2),
        TITLE_ONLY: off_topic_article(3, 10),
        OUTSIDE: recent_article(4),
    }

    def site(request):
        url = f"http://{request.host}{request.path}"
        if url == f"{KNOWN}/":
            return Answer(200, listing("Cronaca", []))
        return Answer(200, pages[url]) if url in pages else None

    for host in ("www.cronaca.test", "www.altro-giornale.test"):
        web.route(host, site)
    doc = DocReplica(
        [
            Listed(ON_KNOWN, "Posta Lampo bloccata", seen(DAY)),
            Listed(ON_OTHER, "Posta Lampo, il guasto", seen(DAY, "0930")),
            Listed(TITLE_ONLY, "Posta Lampo Cup, la finale", seen(DAY, "1000")),
            Listed(GONE, "Posta Lampo: cosa è sparito", seen(DAY, "1100")),
            Listed(OUTSIDE, "Posta Lampo, il vecchio guasto", seen(START - dt.timedelta(days=3))),
        ],
        busy_first=1,
    )
    web.route("api.gdelt.test", doc)
    wayback = WaybackReplica([Snapshot(GONE, f"{DAY:%Y%m%d}120000", recent_article(5))])
    web.route("web.archive.test", wayback)
    return web, doc


@pytest.fixture(scope="module")
def discovered(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("discovery")
    web, doc = the_web()
    with web:
        db = tmp_path / "discovery.db"
        result = crawl(
            write(tmp_path, "sources.yml", sources(with_known=True)), db, proxy=web.proxy_url
        )
    yield {"web": web, "doc": doc, "db": db, "result": result, "summary": summary_of(result)}


def document(crawled, url: str) -> dict | None:
    found = rows(crawled["db"], "select * from documents where url = ?", url)
    return found[0] if found else None


def test_crawl_succeeds(discovered):
    assert discovered["result"].returncode == 0, discovered["result"].stderr[-2000:]


def test_article_on_an_unknown_site_is_filed_under_discovered(discovered):
    row = document(discovered, ON_OTHER)
    assert (row["source"], row["kind"], row["found_via"]) == ("discovered", "news", "discovery")


def test_article_on_a_site_a_source_names_is_filed_under_that_source(discovered):
    row = document(discovered, ON_KNOWN)
    assert (row["source"], row["found_via"]) == ("cronaca", "discovery")


def test_listed_title_is_not_enough(discovered):
    assert document(discovered, TITLE_ONLY) is None


def test_page_publication_date_is_the_pages_own(discovered):
    assert (
        document(discovered, ON_OTHER)["published"]
        == dt.datetime.combine(DAY, dt.time(9, 30), ROME).isoformat()
    )


def test_gone_article_is_read_from_the_archive(discovered):
    row = document(discovered, GONE)
    assert (row["found_via"], row["source"]) == ("archive", "discovered")


def test_article_seen_before_the_window_is_never_fetched(discovered):
    assert not discovered["web"].hits("www.altro-giornale.test", "/tecnologia/posta-lampo-vecchio/")


def test_discovered_source_is_recorded(discovered):
    assert rows(discovered["db"], "select kind from sources where name = 'discovered'") == [
        {"kind": "news"}
    ]


def test_api_busy_is_asked_again(discovered):
    assert len(discovered["doc"].queries) == 2 and "waited for Retry-After" in discovered["summary"]


@pytest.mark.parametrize(
    "name, value",
    [("mode", "ArtList"), ("format", "json"), ("maxrecords", "250"), ("query", '"posta lampo"')],
)
def test_query_parameters(discovered, name, value):
    assert discovered["doc"].queries[-1].param(name) == value


def test_query_starts_at_the_window_start_in_utc(discovered):
    start = dt.datetime.combine(START, dt.time.min, ROME).astimezone(dt.UTC)
    assert discovered["doc"].queries[-1].param("startdatetime") == start.strftime("%Y%m%d%H%M%S")


def test_query_ends_now_for_an_ongoing_incident(discovered):
    end = discovered["doc"].queries[-1].param("enddatetime")
    now = dt.datetime.now(dt.UTC)
    assert (
        (now - dt.timedelta(minutes=10)).strftime("%Y%m%d%H%M%S")
        <= end
        <= now.strftime("%Y%m%d%H%M%S")
    )


def test_summary_has_the_discovery_line(discovered):
    assert (
        "discovery: 1 GDELT queries · 4 articles listed · 4 fetched · 0 errors"
        in discovered["summary"]
    ), discovered["summary"]


@pytest.fixture(scope="module")
def discovery_alone(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("alone")
    web, _ = the_web()
    with web:
        db = tmp_path / "alone.db"
        result = crawl(
            write(tmp_path, "sources.yml", sources(with_known=False)), db, proxy=web.proxy_url
        )
    yield {"db": db, "result": result}


def test_sources_may_be_empty_when_discovery_is_given(discovery_alone):
    assert discovery_alone["result"].returncode == 0, discovery_alone["result"].stderr[-1500:]


def test_without_sources_everything_is_filed_under_discovered(discovery_alone):
    assert {r["source"] for r in rows(discovery_alone["db"], "select source from documents")} == {
        "discovered"
    }


# -- a past window: asked all the same (GDELT says what it cannot search; a mirror may hold it) ----

PAST = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {start: 2024-02-01, end: 2024-02-29}
  discover: {gdelt: 'posta lampo'}
sources: []
"""


@pytest.fixture(scope="module")
def past(tmp_path_factory):
    from tests.archive.pages import outage_article

    tmp_path = tmp_path_factory.mktemp("past")
    url = f"{OTHER}/2024/02/05/posta-lampo/"
    web = LoopWeb()
    web.route(
        "www.altro-giornale.test",
        lambda r: (
            Answer(200, outage_article(1, 5)) if r.path == "/2024/02/05/posta-lampo/" else None
        ),
    )
    doc = DocReplica([Listed(url, "Posta Lampo ferma", "20240205T101500Z")])
    web.route("api.gdelt.test", doc)
    with web:
        db = tmp_path / "past.db"
        result = crawl(write(tmp_path, "sources.yml", PAST), db, proxy=web.proxy_url)
    yield {"result": result, "db": db, "doc": doc, "url": url}


def test_a_past_window_is_asked_over_its_days_in_utc(past):
    query = past["doc"].queries[0]
    assert (query.param("startdatetime"), query.param("enddatetime")) == (
        "20240131230000",
        "20240229225959",
    )


def test_a_past_window_is_warned_about(past):
    assert "GDELT searches the last three months only" in past["result"].stderr


def test_what_it_lists_for_a_past_window_is_stored(past):
    assert rows(
        past["db"], "select source, found_via from documents where url = ?", past["url"]
    ) == [{"source": "discovered", "found_via": "discovery"}]
