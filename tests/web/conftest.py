"""A small timeline database: one provider, two outages (January and June), written with
TimelineStore and corroborated, like the end of a crawl. The sentences are invented."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from timeline.config import Incident
from timeline.corroborate import rebuild_corroboration
from timeline.serve import datasette_for
from timeline.store import TimelineStore

PLUGINS = Path(__file__).resolve().parents[2] / "web" / "plugins"

JANUARY = "postarapida-2023-01"
JUNE = "postarapida-2023-06"
HOSTILE_TITLE = 'Posta Rapida <script>alert(1)</script> ancora giù'
HOSTILE_TEXT = ('Il guasto <img src=x onerror=alert(1)> di Posta Rapida è iniziato domenica 22 gennaio. '
                '<script>alert(1)</script>')
HOSTILE_URL = "javascript:alert(document.cookie)"


def event(text, value, type_, earliest, latest, sentence, category, actor, mod=None, origin="text"):
    return {"text": text, "value": value, "type": type_, "mod": mod, "earliest": earliest,
            "latest": latest, "day": earliest[:10], "sentence": sentence,
            "category": category, "actor": actor, "origin": origin}


def document(url, incident, source, kind, title, published, text, lang="it"):
    return {"url": url, "incident": incident, "source": source, "kind": kind, "title": title,
            "author": None, "published": published, "updated": None,
            "published_precision": "minute", "day": published[:10], "lang": lang, "text": text,
            "fetched_at": "2023-02-01T10:00:00+00:00"}


def build(path) -> None:
    store = TimelineStore(path)
    store.save_incident(Incident(
        slug=JANUARY, title="Posta Rapida: la posta non funziona (gennaio 2023)",
        description="Per una settimana milioni di caselle restano irraggiungibili.",
        window_start=dt.date(2023, 1, 15), window_end=dt.date(2023, 3, 31)))
    store.save_incident(Incident(
        slug=JUNE, title="Posta Rapida: nuovo disservizio (giugno 2023)",
        description="Un secondo blocco, più breve, a giugno.",
        window_start=dt.date(2023, 6, 10), window_end=dt.date(2023, 6, 30)))

    s1 = ("Il disservizio della posta di Posta Rapida è iniziato domenica 22 gennaio verso le 22, "
          "quando gli utenti hanno cominciato a segnalare problemi di accesso.")
    store.save_document(document(
        "https://www.cronacadigitale.example/2023/01/23/posta-rapida-down/", JANUARY,
        "cronaca-digitale", "news", "Posta Rapida down da domenica sera",
        "2023-01-23T09:10:00+01:00", s1 + " L'azienda non ha ancora spiegato il guasto."),
        [event("domenica 22 gennaio verso le 22", "2023-01-22T22:00", "TIME",
               "2023-01-22T22:00:00+01:00", "2023-01-22T22:59:59+01:00", s1,
               "outage_start", "users", mod="APPROX")])

    s2 = ("Il guasto della posta di Posta Rapida è iniziato nella notte del 23 gennaio: "
          "gli utenti non riescono ad accedere.")
    store.save_document(document(
        "https://quotidianonord.example/tecnologia/23_gennaio_23/posta-rapida-guasto.shtml", JANUARY,
        "quotidiano-nord", "news", "Caselle irraggiungibili, cosa sappiamo",
        "2023-01-23T18:40:00+01:00", s2),
        [event("nella notte del 23 gennaio", "2023-01-23TNI", "TIME",
               "2023-01-23T00:00:00+01:00", "2023-01-23T05:59:59+01:00", s2,
               "outage_start", "users")])

    s3a = ("Dalla notte del 23 gennaio alcuni utenti della posta di Posta Rapida non riescono "
           "ad accedere: il guasto è iniziato per un problema imprevisto all'infrastruttura.")
    s3b = "Contiamo di ripristinare il servizio entro le prossime 48 ore."
    store.save_document(document(
        "https://aiuto.postarapida.example/articolo/mail/disservizio", JANUARY,
        "postarapida-aiuto", "provider", "Aggiornamento sul disservizio della posta",
        "2023-01-24T20:30:00+01:00", s3a + " " + s3b),
        [event("notte del 23 gennaio", "2023-01-23TNI", "TIME", "2023-01-23T00:00:00+01:00",
               "2023-01-23T05:59:59+01:00", s3a, "outage_start", "provider"),
         event("entro le prossime 48 ore", "2023-01-26", "DATE", "2023-01-26T00:00:00+01:00",
               "2023-01-26T23:59:59+01:00", s3b, "deadline", "provider", mod="BEFORE")])

    s4 = ("Mercoledì 25 gennaio abbiamo inviato una diffida a Posta Rapida e chiediamo "
          "un indennizzo per tutti gli utenti rimasti senza posta.")
    store.save_document(document(
        "https://consumatoriuniti.example/news/diffida-posta-rapida", JANUARY,
        "consumatori-uniti", "consumer", "Posta Rapida, la nostra diffida",
        "2023-01-25T11:00:00+01:00", s4),
        [event("Mercoledì 25 gennaio", "2023-01-25", "DATE", "2023-01-25T00:00:00+01:00",
               "2023-01-25T23:59:59+01:00", s4, "consumer_action", "consumer_association")])

    s5a = "Il servizio è tornato per una prima parte degli utenti giovedì 26 gennaio alle 16 circa."
    s5b = "Ieri mattina la Presidenza del Consiglio ha contattato l'amministratore delegato."
    s5c = "In una nota l'azienda ha spiegato martedì 24 gennaio che nessun dato è andato perso."
    store.save_document(document(
        "https://www.cronacadigitale.example/2023/01/26/posta-rapida-ripristino/", JANUARY,
        "cronaca-digitale", "news", "Posta Rapida, primi utenti di nuovo online",
        "2023-01-26T17:05:00+01:00", " ".join([s5a, s5b, s5c])),
        [event("giovedì 26 gennaio alle 16 circa", "2023-01-26T16:00", "TIME",
               "2023-01-26T16:00:00+01:00", "2023-01-26T16:59:59+01:00", s5a,
               "restoration_partial", "media", mod="APPROX"),
         event("Ieri mattina", "2023-01-25TMO", "TIME", "2023-01-25T06:00:00+01:00",
               "2023-01-25T11:59:59+01:00", s5b, "regulator_action", "regulator"),
         event("martedì 24 gennaio", "2023-01-24", "DATE", "2023-01-24T00:00:00+01:00",
               "2023-01-24T23:59:59+01:00", s5c, "provider_statement", "provider")])

    s6a = "Sabato 28 gennaio alle 20:30 tutte le caselle erano di nuovo accessibili."
    s6b = "Dal 26 al 28 gennaio il ripristino è andato avanti gradualmente."
    store.save_document(document(
        "https://quotidianonord.example/tecnologia/28_gennaio_23/posta-tornata.shtml", JANUARY,
        "quotidiano-nord", "news", "Posta Rapida, tutte le caselle di nuovo accessibili",
        "2023-01-28T21:15:00+01:00", s6a + " " + s6b),
        [event("Sabato 28 gennaio alle 20:30", "2023-01-28T20:30", "TIME",
               "2023-01-28T20:30:00+01:00", "2023-01-28T20:30:59+01:00", s6a,
               "restoration_complete", "media"),
         event("Dal 26 al 28 gennaio", "2023-01-26/2023-01-28", "DATE",
               "2023-01-26T00:00:00+01:00", "2023-01-28T23:59:59+01:00", s6b,
               "restoration_partial", "media")])

    store.save_document(document(
        HOSTILE_URL, JANUARY, "sito-ostile", "news", HOSTILE_TITLE,
        "2023-01-24T08:00:00+01:00", HOSTILE_TEXT),
        [event("domenica 22 gennaio", "2023-01-22", "DATE", "2023-01-22T00:00:00+01:00",
               "2023-01-22T23:59:59+01:00", HOSTILE_TEXT, "outage_start", "media")])

    s7 = ("Martedì 13 giugno in serata la posta di Posta Rapida ha smesso di funzionare: "
          "una nuova interruzione del servizio.")
    store.save_document(document(
        "https://www.cronacadigitale.example/2023/06/14/posta-rapida-di-nuovo-down/", JUNE,
        "cronaca-digitale", "news", "Posta Rapida, di nuovo problemi",
        "2023-06-14T10:00:00+02:00", s7),
        [event("Martedì 13 giugno in serata", "2023-06-13TEV", "TIME",
               "2023-06-13T18:00:00+02:00", "2023-06-13T23:59:59+02:00", s7,
               "outage_start", "users")])

    s8 = "Il 14 giugno abbiamo inviato una nuova diffida: chiediamo un indennizzo."
    store.save_document(document(
        "https://consumatoriuniti.example/news/giugno-diffida", JUNE,
        "consumatori-uniti", "consumer", "Di nuovo senza posta: nuova diffida",
        "2023-06-15T12:00:00+02:00", s8),
        [event("Il 14 giugno", "2023-06-14", "DATE", "2023-06-14T00:00:00+02:00",
               "2023-06-14T23:59:59+02:00", s8, "consumer_action", "consumer_association")])

    rebuild_corroboration(store.db)
    store.close()


@pytest.fixture(scope="session")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "timeline.db"
    build(path)
    return path


@pytest.fixture(scope="session")
def odd_db_path(tmp_path_factory):
    """The same data under a file name nothing in metadata.yml knows about."""
    path = tmp_path_factory.mktemp("odd") / "archivio-gennaio.v2.sqlite"
    build(path)
    return path


@pytest.fixture
def ds(db_path):
    return datasette_for(db_path)


@pytest.fixture
def db_name(ds):
    return [name for name in ds.databases if name != "_internal"][0]


@pytest.fixture(scope="session")
def page():
    """web/plugins/timeline_page.py as a module (Datasette loads it from its plugins folder)."""
    spec = importlib.util.spec_from_file_location("timeline_page", PLUGINS / "timeline_page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
