"""sources/libero-2023.yml, crawled against a loopback replica of the archive holding pages we wrote
in the URL shapes of January 2023: the file works end to end without the web."""

from __future__ import annotations

import pytest

from tests.archive.conftest import PROJECT, crawl, rows
from tests.archive.loopweb import LoopWeb
from tests.archive.pages import article, listing
from tests.archive.replicas import Snapshot, WaybackReplica

OUTAGE = "https://www.ilpost.it/2023/01/24/libero-virgilio-mail-problemi/"
FOOTBALL = "https://www.ilpost.it/2023/01/24/serie-a-risultati-giornata/"
FAQ = "https://aiuto.libero.it/articolo/mail/libero-mail-non-funziona/"
LOGIN = "https://login.libero.it/"
NOTICE = (
    "Libero Mail: il servizio è temporaneamente non disponibile. "
    "Stiamo lavorando per ripristinarlo."
)


def login(notice: bool) -> str:
    body = f"<p>{NOTICE}</p>" if notice else ""
    return (
        "<!DOCTYPE html><html lang=it><head><meta charset=utf-8>"
        "<title>Login Libero Mail</title></head><body>"
        f"<main><h1>Accedi a Libero Mail</h1>{body}<p>Inserisci la tua email di Libero Mail "
        "e la password per entrare nella casella. Hai dimenticato la password? Recuperala "
        "dall'assistenza di libero.it.</p></main></body></html>"
    )


def faq(update: str = "") -> str:
    return article(
        "Libero Mail non funziona: cosa fare",
        "2023-01-24T12:00:00+01:00",
        [
            "Da domenica sera alcuni utenti di Libero Mail e Virgilio Mail non riescono ad "
            "accedere alla casella.",
            "Italiaonline sta lavorando per risolvere il problema; i messaggi in arrivo non "
            "vanno persi.",
            *([update] if update else []),
        ],
    )


SNAPSHOTS = [
    Snapshot(
        OUTAGE,
        "20230124093000",
        article(
            "Libero e Virgilio Mail non funzionano da due giorni",
            "2023-01-24T08:40:00+01:00",
            [
                "Da domenica sera le caselle di Libero Mail e Virgilio Mail non sono "
                "raggiungibili per milioni di utenti.",
                "Italiaonline, che gestisce i due servizi, dice di aver individuato il problema.",
            ],
        ),
    ),
    Snapshot(FOOTBALL, "20230124093000", listing("Serie A, i risultati", [])),
    Snapshot(FAQ, "20230124120000", faq()),
    Snapshot(
        FAQ,
        "20230126170000",
        faq("Aggiornamento del 26 gennaio: il servizio sta tornando per una parte degli utenti."),
    ),
    Snapshot(LOGIN, "20230122200000", login(False)),
    Snapshot(LOGIN, "20230123071500", login(True)),
    Snapshot(LOGIN, "20230128193000", login(False)),
]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("libero")
    replica = WaybackReplica(SNAPSHOTS)
    web = LoopWeb()
    web.route("web.archive.test", replica)
    with web:
        db = tmp_path / "libero.db"
        result = crawl(PROJECT / "sources" / "libero-2023.yml", db, proxy=web.proxy_url)
    yield {"result": result, "db": db, "web": web, "replica": replica}


def test_crawl_succeeds(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_source_asked_the_archive(crawled):
    from incident_timeline.config import load_config

    patterns = {
        p for s in load_config(PROJECT / "sources" / "libero-2023.yml").sources for p in s.archive
    }
    assert {q.param("url") for q in crawled["replica"].index_queries} == patterns


@pytest.mark.parametrize(
    "url, source", [(OUTAGE, "ilpost"), (FAQ, "libero-aiuto"), (LOGIN, "libero-login")]
)
def test_pages_of_the_outage_are_stored(crawled, url, source):
    assert rows(crawled["db"], "select source from documents where url = ?", url) == [
        {"source": source}
    ]


def test_a_page_the_follow_patterns_leave_out_is_never_read(crawled):
    assert not [h for h in crawled["web"].hits("web.archive.test", "/web/") if "serie-a" in h.path]


def test_the_login_banner_is_a_dated_statement(crawled):
    [appeared, _] = rows(
        crawled["db"],
        "select e.earliest, e.latest, e.sentence from events e join documents d "
        "on d.id = e.document_id where d.url = ? and e.origin = 'page_change' "
        "order by e.latest",
        LOGIN,
    )
    assert appeared == {
        "earliest": "2023-01-22T21:00:00+01:00",
        "latest": "2023-01-23T08:15:00+01:00",
        "sentence": NOTICE,
    }
