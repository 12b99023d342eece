"""The archive's and GDELT's answers read as their documentation describes them (saved answers
written by us), and what the crawl asks of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from incident_timeline.archive import (
    Capture,
    CdxError,
    by_page,
    capture_moment,
    capture_url,
    cdx_query,
    contents_to_read,
    is_raw,
    nearest,
    original_of,
    parse_cdx,
    raw_form,
    runs_of,
    strip_banner,
    window_span,
)
from incident_timeline.config import Incident
from incident_timeline.discovery import (
    DocError,
    asked_span,
    beyond_reach,
    doc_query,
    halves,
    parse_doc,
    seen_moment,
    site_of,
)

FIXTURES = Path(__file__).parent / "fixtures"
UTC = dt.UTC
INCIDENT = Incident(
    slug="x",
    title="x",
    timezone="Europe/Rome",
    window_start=dt.date(2024, 2, 1),
    window_end=dt.date(2024, 2, 29),
)


@pytest.fixture
def resumed():
    return parse_cdx((FIXTURES / "cdx-resumed.json").read_bytes())


# -- the CDX index ------------------------------------------------------------------------------


def test_rows_are_read_by_the_names_of_the_first_row(resumed):
    assert [c.timestamp for c in resumed.captures] == ["20240204080000", "20240205093000"]


def test_resume_key_is_the_row_after_the_empty_row(resumed):
    assert resumed.resume_key == "test%2Clampo%2Cassistenza%29%2Faccesso+20240205093000%21"


def test_a_capture_keeps_its_digest(resumed):
    assert resumed.captures[1].digest == "BBBBBANNERLOGINPAGE00000000000000"


def test_fields_in_another_order_or_fewer_still_read():
    [capture] = parse_cdx((FIXTURES / "cdx-reordered.json").read_bytes()).captures
    assert (capture.original, capture.digest, capture.readable()) == (
        "https://www.cronaca.test/2024/02/06/a/",
        "CCCCARTICLE000000000000000000000",
        True,
    )


@pytest.mark.parametrize("body", [b"", b"[]", b"  \n"])
def test_no_capture(body):
    assert parse_cdx(body).captures == []


@pytest.mark.parametrize(
    "body, reason",
    [
        (
            b"org,archive)/ 19970126045828 http://www.archive.org:80/ text/html 200 Q4YU 1415",
            "not the index's JSON",
        ),
        (b'{"captures": []}', "not a list of rows"),
        (b'[["urlkey","timestamp","original"],["a","2024"]]', "row 2 has 2 fields"),
        (b'[["urlkey","digest"],["a","b"]]', "no timestamp and original"),
        (b"[[1,2,3]]", "does not name the fields"),
        (b'[["timestamp","original"],["yesterday","http://x.test/"]]', "not an archive timestamp"),
        (b'[["timestamp","original"],["2024', "not the index's JSON"),
    ],
)
def test_a_malformed_answer_says_why(body, reason):
    with pytest.raises(CdxError, match=reason):
        parse_cdx(body)


def query_params(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def test_query_asks_the_window_in_utc():
    params = query_params(
        cdx_query("https://web.archive.org", "news.test/2024/*", window_span(INCIDENT))
    )
    assert (params["from"], params["to"]) == (["20240131"], ["20240229"])


def test_query_window_across_a_daylight_saving_change():
    incident = Incident(
        slug="x",
        title="x",
        timezone="Europe/Rome",
        window_start=dt.date(2023, 3, 20),
        window_end=dt.date(2023, 3, 31),
    )
    params = query_params(
        cdx_query("https://web.archive.org", "news.test/*", window_span(incident))
    )
    assert (params["from"], params["to"]) == (["20230319"], ["20230331"])


@pytest.mark.parametrize(
    "name, value",
    [
        ("url", ["news.test/2024/*"]),
        ("output", ["json"]),
        ("showResumeKey", ["true"]),
        ("limit", ["5000"]),
        ("filter", ["statuscode:200", "mimetype:text/html"]),
        ("fl", ["urlkey,timestamp,original,mimetype,statuscode,digest"]),
    ],
)
def test_query_parameters(name, value):
    assert (
        query_params(
            cdx_query("https://web.archive.org", "news.test/2024/*", window_span(INCIDENT))
        )[name]
        == value
    )


def test_query_never_collapses_the_rows():
    # The last capture of each content dates the next change: every row is read.
    assert "collapse" not in query_params(
        cdx_query("https://web.archive.org", "news.test/*", window_span(INCIDENT))
    )


def test_query_sends_back_the_resume_key(resumed):
    url = cdx_query(
        "https://web.archive.org",
        "news.test/*",
        window_span(INCIDENT),
        resume_key=resumed.resume_key,
    )
    assert query_params(url)["resumeKey"] == [resumed.resume_key]


def test_capture_url_is_the_raw_form():
    assert (
        capture_url("https://web.archive.org/", "20240205093000", "http://a.test/x?p=1")
        == "https://web.archive.org/web/20240205093000id_/http://a.test/x?p=1"
    )


@pytest.mark.parametrize(
    "url, raw",
    [
        (
            "https://web.archive.org/web/20240205093000/http://a.test/x",
            "https://web.archive.org/web/20240205093000id_/http://a.test/x",
        ),
        (
            "https://web.archive.org/web/20240205093000id_/http://a.test/x",
            "https://web.archive.org/web/20240205093000id_/http://a.test/x",
        ),
        (
            "https://web.archive.org/web/20240205093000im_/http://a.test/x.png",
            "https://web.archive.org/web/20240205093000id_/http://a.test/x.png",
        ),
        ("https://web.archive.org/about/", None),
    ],
)
def test_raw_form(url, raw):
    assert raw_form(url) == raw


def test_is_raw():
    assert (
        is_raw("http://w.test/web/2024id_/http://a.test/"),
        is_raw("http://w.test/web/2024/http://a.test/"),
    ) == (True, False)


def test_original_of_a_capture_url():
    assert (
        original_of("https://web.archive.org/web/20240205093000id_/http://a.test/x?p=1")
        == "http://a.test/x?p=1"
    )


def test_capture_moment_is_utc():
    assert capture_moment("20240205093000") == dt.datetime(2024, 2, 5, 9, 30, tzinfo=UTC)


def test_short_timestamp_is_its_first_moment():
    assert capture_moment("202402") == dt.datetime(2024, 2, 1, tzinfo=UTC)


def test_banner_blocks_are_stripped():
    replayed = (
        b'<html><head><script src="//archive.org/includes/athena.js"></script>'
        b"<!-- End Wayback Rewrite JS Include --><title>T</title></head><body>"
        b"<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=wm-ipp>banner</div>"
        b"<!-- END WAYBACK TOOLBAR INSERT -->"
        b"<p>testo</p></body></html><!-- FILE ARCHIVED ON 10:15:00 Feb 05, 2024 -->"
    )
    assert (
        strip_banner(replayed)
        == b"<html><head><title>T</title></head><body><p>testo</p></body></html>"
    )


# -- runs, contents, nearest capture ------------------------------------------------------------


def cap(ts: str, digest: str, url: str = "http://a.test/x", status: str = "200") -> Capture:
    return Capture(
        timestamp=ts,
        original=url,
        digest=digest,
        statuscode=status,
        mimetype="text/html",
        urlkey=url.split("//")[1],
    )


def test_runs_of_a_content_that_comes_back():
    runs = runs_of([cap("3", "A"), cap("1", "A"), cap("4", "B"), cap("6", "A"), cap("5", "B")])
    assert [(r.content, r.first.timestamp, r.last.timestamp) for r in runs] == [
        ("A", "1", "3"),
        ("B", "4", "5"),
        ("A", "6", "6"),
    ]


def test_each_content_is_read_once_at_its_first_capture():
    runs = runs_of([cap("1", "A"), cap("2", "B"), cap("3", "A")])
    assert [r.first.timestamp for r in contents_to_read(runs, 40)] == ["1", "2"]


def test_contents_beyond_the_limit_are_spread_keeping_first_and_last():
    runs = runs_of([cap(str(10 + i), f"D{i}") for i in range(10)])
    assert [r.content for r in contents_to_read(runs, 4)] == ["D0", "D3", "D6", "D9"]


def test_captures_grouped_by_page():
    pages = by_page(
        [
            cap("2", "A", "http://a.test/x"),
            cap("1", "B", "http://a.test/y"),
            cap("1", "A", "http://a.test/x"),
        ]
    )
    assert {k: [c.timestamp for c in v] for k, v in pages.items()} == {
        "a.test/x": ["1", "2"],
        "a.test/y": ["1"],
    }


def test_nearest_is_the_last_capture_inside_the_window():
    span = window_span(INCIDENT)
    found = nearest(
        [cap("20240203000000", "A"), cap("20240210000000", "B"), cap("20240310000000", "C")], span
    )
    assert found.timestamp == "20240210000000"


def test_nearest_outside_the_window_is_the_closest():
    span = window_span(INCIDENT)
    found = nearest([cap("20230101000000", "A"), cap("20240303000000", "B")], span)
    assert found.timestamp == "20240303000000"


def test_nearest_ignores_captures_not_readable():
    assert nearest([cap("20240203000000", "A", status="404")], window_span(INCIDENT)) is None


# -- GDELT DOC 2.0 ------------------------------------------------------------------------------


@pytest.fixture
def articles():
    return parse_doc((FIXTURES / "doc-artlist.json").read_bytes())


def test_artlist_urls(articles):
    assert [a.url for a in articles] == [
        "https://www.cronaca.test/2024/02/05/posta-lampo/",
        "https://altro.test/b",
    ]


def test_artlist_seendate_is_utc(articles):
    assert articles[0].seen == dt.datetime(2024, 2, 5, 10, 15, tzinfo=UTC)


def test_artlist_unreadable_seendate_is_none(articles):
    assert articles[1].seen is None


def test_artlist_control_characters_in_titles_are_read(articles):
    assert articles[0].title == "Posta Lampo ferma\tda ieri"


def test_nothing_found_is_an_empty_object():
    assert parse_doc(b"{}") == []


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"Invalid query: the specified phrase is too short.", "answered in words, not JSON"),
        (b'{"articles": [{"url": ', "malformed JSON"),
        (b'[{"url": "http://a.test/"}]', "not an object"),
        (b'{"articles": {"url": "http://a.test/"}}', "'articles' is not a list"),
        (b"", "empty answer"),
    ],
)
def test_a_doc_answer_that_cannot_be_read_says_why(body, reason):
    with pytest.raises(DocError, match=reason):
        parse_doc(body)


@pytest.mark.parametrize(
    "name, value",
    [
        ("mode", "ArtList"),
        ("format", "json"),
        ("maxrecords", "250"),
        ("startdatetime", "20240131230000"),
        ("enddatetime", "20240229225959"),
        ("query", '"posta lampo" OR lampomail'),
    ],
)
def test_doc_query_parameters(name, value):
    start, end = window_span(INCIDENT)
    url = doc_query(
        "https://api.gdeltproject.org/api/v2/doc/doc", '"posta lampo" OR lampomail', start, end
    )
    assert parse_qs(urlsplit(url).query)[name] == [value]


def test_a_past_window_is_asked_whole():
    now = dt.datetime(2024, 3, 10, tzinfo=UTC)
    assert asked_span(window_span(INCIDENT), now) == window_span(INCIDENT)


def test_an_ongoing_window_is_asked_to_now():
    now = dt.datetime(2024, 2, 10, 12, tzinfo=UTC)
    assert asked_span(window_span(INCIDENT), now) == (window_span(INCIDENT)[0], now)


def test_a_window_not_begun_is_not_asked():
    assert asked_span(window_span(INCIDENT), dt.datetime(2024, 1, 20, tzinfo=UTC)) is None


@pytest.mark.parametrize(
    "now, beyond",
    [(dt.datetime(2024, 3, 10, tzinfo=UTC), False), (dt.datetime(2024, 5, 15, tzinfo=UTC), True)],
)
def test_a_window_beyond_gdelts_three_months(now, beyond):
    assert beyond_reach(window_span(INCIDENT), now) is beyond


def test_halves():
    start, end = window_span(INCIDENT)
    first, second = halves(start, end)
    assert (first[0], first[1], second[1]) == (start, start + (end - start) / 2, end)


@pytest.mark.parametrize(
    "value, moment",
    [
        ("20240205T101500Z", dt.datetime(2024, 2, 5, 10, 15, tzinfo=UTC)),
        ("2024-02-05", None),
        ("20241305T101500Z", None),
        (None, None),
    ],
)
def test_seen_moment(value, moment):
    assert seen_moment(value) == moment


@pytest.mark.parametrize(
    "url, site",
    [
        ("https://www.cronaca.test/a", "cronaca.test"),
        ("cronaca.test/2024/*", "cronaca.test"),
        ("http://127.0.0.1:8001/x", "127.0.0.1:8001"),
        ("https://a.test:443/", "a.test"),
        ("*.lampo.test", "lampo.test"),
    ],
)
def test_site_of(url, site):
    assert site_of(url) == site


def test_banner_elements_left_unmarked_are_dropped_too():
    replayed = (
        b'<html><head><script src="https://web-static.archive.org/_static/js/bundle-playback.js">'
        b"</script>"
        b'<title>Accedi</title></head><body><div id="wm-ipp-base"><div id="wm-ipp">'
        b"<p>BARRA: catturata 12 volte</p></div></div><p>Accedi alla posta.</p></body></html>"
    )
    cleaned = strip_banner(replayed)
    assert (
        "BARRA" not in cleaned,
        "bundle-playback" not in cleaned,
        "Accedi alla posta." in cleaned,
    ) == (True, True, True)


def test_a_raw_capture_is_left_as_it_is():
    raw = b"<html><head><title>T</title></head><body><p>testo</p></body></html>"
    assert strip_banner(raw) == raw
