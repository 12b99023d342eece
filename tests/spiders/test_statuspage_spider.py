"""StatuspageSpider on a saved incidents.json and history.atom: one status document per incident."""

import logging

import pytest
from incident_timeline.items import Document
from incident_timeline.spiders.statuspage import (
    StatuspageSpider,
    html_text,
    status_base,
    status_label,
)
from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from tests.responses import file_response
from tests.spiders.incident import PAGES, build_spider, stat

BASE = "https://status.posta.test"
API_URL = f"{BASE}/api/v2/incidents.json"
HISTORY_URL = f"{BASE}/history.atom"

JANUARY_URL = "https://stspg.io/posta-gen23"
JUNE_URL = f"{BASE}/incidents/p3n8w6z2y5v1"
MAINTENANCE_URL = "https://stspg.io/sms-feb23"
INDEMNITY_URL = f"{BASE}/incidents/h2j4k6l8m0n1"
# the documents of the incidents API, and those only the history adds
API_DOCUMENTS = [JUNE_URL, MAINTENANCE_URL, JANUARY_URL]
HISTORY_DOCUMENTS = [INDEMNITY_URL, f"{BASE}/incidents/v9q1b2c3d4e5"]


@pytest.fixture(scope="module")
def spider():
    return build_spider(StatuspageSpider, "stato")


@pytest.fixture(scope="module")
def output(spider):
    """What the spider makes of incidents.json: documents, then the history request."""
    return list(spider.parse(file_response(PAGES / "incidents.json", API_URL)))


@pytest.fixture(scope="module")
def documents(output):
    return [o for o in output if isinstance(o, Document)]


@pytest.fixture(scope="module")
def history_request(output):
    [request] = [o for o in output if isinstance(o, Request)]
    return request


@pytest.fixture(scope="module")
def by_url(documents):
    return {d.url: d for d in documents}


@pytest.fixture(scope="module")
def january(by_url):
    return by_url[JANUARY_URL]


@pytest.fixture(scope="module")
def maintenance(by_url):
    return by_url[MAINTENANCE_URL]


@pytest.fixture(scope="module")
def history(spider, history_request):
    """The documents history.atom adds to those of the API."""
    atom = file_response(PAGES / "history.atom", HISTORY_URL)
    return list(spider.parse_history(atom, **history_request.cb_kwargs))


@pytest.fixture(scope="module")
def history_by_url(history):
    return {d.url: d for d in history}


@pytest.fixture(scope="module")
def indemnity(history_by_url):
    return history_by_url[INDEMNITY_URL]


@pytest.mark.asyncio
async def test_start_fetches_the_incidents_api():
    started = [r async for r in build_spider(StatuspageSpider, "stato").start()]
    assert [r.url for r in started] == [API_URL]


def test_one_document_per_incident(documents):
    assert len(documents) == 3


def test_history_is_fetched_after_the_api(history_request):
    assert history_request.url == HISTORY_URL


def test_url_is_the_shortlink(by_url):
    assert JANUARY_URL in by_url


def test_url_without_shortlink_is_the_incident_page(by_url):
    assert JUNE_URL in by_url


def test_title_is_the_incident_name(january):
    assert january.title == "Libero Mail e Virgilio Mail non raggiungibili"


def test_published_is_created_at_as_given(january):
    assert january.published == "2023-01-22T21:15:00.000Z"


def test_updated_is_resolved_at(january):
    assert january.updated == "2023-01-28T19:00:00.000Z"


def test_updated_falls_back_to_updated_at(maintenance):
    assert maintenance.updated == "2023-02-20T07:00:00Z"


def test_updates_are_in_chronological_order(january):
    assert [u["created_at"] for u in january.updates] == [
        "2023-01-22T21:15:00.000Z",
        "2023-01-23T23:30:00Z",
        "2023-01-25T14:30:00.000Z",
        "2023-01-26T15:00:00.000Z",
        "2023-01-28T19:00:00.000Z",
    ]


def test_update_statuses(january):
    assert [u["status"] for u in january.updates] == [
        "investigating",
        "identified",
        "identified",
        "monitoring",
        "resolved",
    ]


def test_update_affected_components_are_names(january):
    assert january.updates[-1]["affected_components"] == ["Webmail", "IMAP/POP"]


def test_update_without_components_has_an_empty_list(january):
    assert january.updates[1]["affected_components"] == []


def test_text_is_the_updates_in_order(january):
    assert january.text.split("\n\n")[:2] == [
        "Investigating — Stiamo verificando segnalazioni di problemi di accesso a Libero Mail e "
        "Virgilio Mail.",
        "Identified — Abbiamo individuato il problema che impedisce l'accesso a Libero Mail. "
        "Nessun dato è andato perso.",
    ]


def test_lang_is_detected_from_the_text(january):
    assert january.lang == "it"


@pytest.mark.parametrize("url", API_DOCUMENTS)
def test_every_document_is_a_status_document(by_url, url):
    document = by_url[url]
    assert (document.kind, document.found_via, document.source, document.incident) == (
        "status",
        "statuspage",
        "stato",
        "libero-2023",
    )


@pytest.mark.parametrize("url", API_DOCUMENTS + HISTORY_DOCUMENTS)
def test_every_document_has_a_fetch_time(by_url, history_by_url, url):
    document = {**by_url, **history_by_url}[url]
    assert document.fetched_at.endswith("+00:00")


def test_history_adds_only_incidents_missing_from_the_api(history_by_url):
    assert sorted(history_by_url) == HISTORY_DOCUMENTS


def test_history_document_title(indemnity):
    assert indemnity.title == "Indennizzo per gli utenti di Libero Mail"


def test_history_document_published(indemnity):
    assert indemnity.published == "2023-02-02T10:00:00+00:00"


def test_history_document_updated(indemnity):
    assert indemnity.updated == "2023-02-02T10:30:00+00:00"


def test_history_document_text_is_the_content_as_lines(indemnity):
    assert indemnity.text.splitlines()[:2] == [
        "Feb 2, 10:30 UTC",
        "Resolved - Gli utenti di Libero Mail e Virgilio Mail riceveranno un indennizzo: spazio in "
        "più per chi usa "
        "la versione gratuita, sei mesi in più per gli abbonati a Mail Plus.",
    ]


def test_history_document_has_no_updates(indemnity):
    assert indemnity.updates == []


@pytest.mark.parametrize("url", HISTORY_DOCUMENTS)
def test_history_documents_are_status_documents(history_by_url, url):
    document = history_by_url[url]
    assert (document.kind, document.found_via) == ("status", "statuspage")


@pytest.mark.parametrize(
    "url, base",
    [
        ("https://status.posta.test/", "https://status.posta.test"),
        ("https://status.posta.test", "https://status.posta.test"),
        ("https://status.posta.test/api/v2/incidents.json", "https://status.posta.test"),
        ("https://www.posta.test/status/", "https://www.posta.test/status"),
    ],
)
def test_status_base(url, base):
    assert status_base(url) == base


@pytest.mark.parametrize(
    "status, label", [("in_progress", "In progress"), ("resolved", "Resolved"), (None, "Update")]
)
def test_status_label(status, label):
    assert status_label(status) == label


def test_html_text_keeps_paragraphs_apart():
    assert html_text("<p>uno<br>due</p><p>tre &amp; quattro</p>") == "uno\ndue\ntre & quattro"


BAD_APIS = [
    ("incidents-broken.json", "not valid JSON"),
    ("not-a-feed.html", "an HTML page, not JSON"),
    ("incidents-not-api.json", "no 'incidents' list"),
]


def parse_bad(name):
    bad = build_spider(StatuspageSpider, "stato")
    return bad, list(bad.parse(file_response(PAGES / name, API_URL)))


@pytest.mark.parametrize("name, reason", BAD_APIS)
def test_bad_api_yields_no_documents_but_still_reads_the_history(name, reason):
    _, out = parse_bad(name)
    assert [o.url for o in out] == [HISTORY_URL]


@pytest.mark.parametrize("name, reason", BAD_APIS)
def test_bad_api_is_counted(name, reason):
    bad, _ = parse_bad(name)
    assert stat(bad, "timeline/dropped/bad statuspage") == 1


@pytest.mark.parametrize("name, reason", BAD_APIS)
def test_bad_api_error_names_source_url_and_reason(name, reason, caplog):
    with caplog.at_level(logging.ERROR):
        parse_bad(name)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert (
        "'stato'" in record.getMessage()
        and API_URL in record.getMessage()
        and reason in record.getMessage()
    )


def failure_404(url):
    request = Request(url)
    failure = Failure(HttpError(Response(url, status=404, request=request)))
    failure.request = request
    return failure


def test_api_404_is_counted_and_the_history_still_read(caplog):
    bad = build_spider(StatuspageSpider, "stato")
    with caplog.at_level(logging.ERROR):
        out = list(bad.api_failed(failure_404(API_URL)))
    assert (
        [o.url for o in out],
        stat(bad, "timeline/dropped/bad statuspage"),
        "HTTP 404" in caplog.text,
    ) == ([HISTORY_URL], 1, True)


def test_missing_history_is_a_warning_not_a_bad_channel():
    bad = build_spider(StatuspageSpider, "stato")
    bad.history_failed(failure_404(HISTORY_URL))
    assert (
        stat(bad, "timeline/dropped/bad statuspage"),
        stat(bad, "timeline/statuspage/no history feed"),
    ) == (0, 1)


def test_malformed_history_is_counted():
    bad = build_spider(StatuspageSpider, "stato")
    out = list(
        bad.parse_history(file_response(PAGES / "feed-broken.rss", HISTORY_URL), set(), set())
    )
    assert (out, stat(bad, "timeline/dropped/bad statuspage")) == ([], 1)
