"""Small timeline databases written with TimelineStore and finished like the end of a crawl
(``rebuild_story``), then given a fixed story to render (``add_story``). The sentences are
invented.

- ``db_path``: one provider, two outages (January and June 2023), Italian sources, Europe/Rome.
- ``other_db_path``: another incident entirely: English sources, America/New_York, no conflict.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from incident_timeline.config import Incident
from incident_timeline.happened import mention_when, reported_when
from incident_timeline.items import Document, Event
from incident_timeline.key_moments import rebuild_story
from incident_timeline.moments import parse_moment
from incident_timeline.serve import datasette_for
from incident_timeline.store import TimelineStore

PLUGINS = Path(__file__).resolve().parents[2] / "web" / "plugins"

JANUARY = "postarapida-2023-01"
JUNE = "postarapida-2023-06"
HOSTILE_TITLE = "Posta Rapida <script>alert(1)</script> ancora giù"
HOSTILE_TEXT = (
    "Il guasto <img src=x onerror=alert(1)> di Posta Rapida è iniziato domenica 22 gennaio. "
    "<script>alert(1)</script>"
)
HOSTILE_URL = "javascript:alert(document.cookie)"
CAUSE = "Il guasto è stato causato da un aggiornamento non riuscito dei server di archiviazione."
UNDATED_CLAIM = "Gli utenti chiedono il rimborso di un mese di canone."


def event(text, value, type_, earliest, latest, sentence, category, actor, mod=None, origin="text"):
    return Event(
        text=text,
        value=value,
        type=type_,
        mod=mod,
        earliest=earliest,
        latest=latest,
        day=earliest[:10] if earliest else None,
        sentence=sentence,
        category=category,
        actor=actor,
        origin=origin,
    )


def document(url, incident, source, kind, title, published, text, lang="it"):
    return Document(
        url=url,
        incident=incident,
        source=source,
        kind=kind,
        title=title,
        published=published,
        published_precision="minute" if published else "none",
        day=published[:10] if published else None,
        lang=lang,
        text=text,
        fetched_at="2023-02-01T10:00:00+00:00",
    )


def build(path) -> None:
    store = TimelineStore(path)
    store.save_incident(
        Incident(
            slug=JANUARY,
            title="Posta Rapida: la posta non funziona (gennaio 2023)",
            description="Per una settimana milioni di caselle restano irraggiungibili.",
            window_start=dt.date(2023, 1, 15),
            window_end=dt.date(2023, 3, 31),
        )
    )
    store.save_incident(
        Incident(
            slug=JUNE,
            title="Posta Rapida: nuovo disservizio (giugno 2023)",
            description="Un secondo blocco, più breve, a giugno.",
            window_start=dt.date(2023, 6, 10),
            window_end=dt.date(2023, 6, 30),
        )
    )

    s1 = (
        "Il disservizio della posta di Posta Rapida è iniziato domenica 22 gennaio verso le 22, "
        "quando gli utenti hanno cominciato a segnalare problemi di accesso."
    )
    store.save_document(
        document(
            "https://www.cronacadigitale.example/2023/01/23/posta-rapida-down/",
            JANUARY,
            "cronaca-digitale",
            "news",
            "Posta Rapida down da domenica sera",
            "2023-01-23T09:10:00+01:00",
            s1 + " L'azienda non ha ancora spiegato il guasto.",
        ),
        [
            event(
                "domenica 22 gennaio verso le 22",
                "2023-01-22T22:00",
                "TIME",
                "2023-01-22T22:00:00+01:00",
                "2023-01-22T22:59:59+01:00",
                s1,
                "outage_start",
                "users",
                mod="APPROX",
            )
        ],
    )

    s2 = (
        "Il guasto della posta di Posta Rapida è iniziato nella notte del 23 gennaio: "
        "gli utenti non riescono ad accedere."
    )
    store.save_document(
        document(
            "https://quotidianonord.example/tecnologia/23_gennaio_23/posta-rapida-guasto.shtml",
            JANUARY,
            "quotidiano-nord",
            "news",
            "Caselle irraggiungibili, cosa sappiamo",
            "2023-01-23T18:40:00+01:00",
            s2,
        ),
        [
            event(
                "nella notte del 23 gennaio",
                "2023-01-23TNI",
                "TIME",
                "2023-01-23T00:00:00+01:00",
                "2023-01-23T05:59:59+01:00",
                s2,
                "outage_start",
                "users",
            )
        ],
    )

    s3a = (
        "Dalla notte del 23 gennaio alcuni utenti della posta di Posta Rapida non riescono "
        "ad accedere: il guasto è iniziato per un problema imprevisto all'infrastruttura."
    )
    s3b = "Contiamo di ripristinare il servizio entro le prossime 48 ore."
    store.save_document(
        document(
            "https://aiuto.postarapida.example/articolo/mail/disservizio",
            JANUARY,
            "postarapida-aiuto",
            "provider",
            "Aggiornamento sul disservizio della posta",
            "2023-01-24T20:30:00+01:00",
            " ".join([s3a, s3b, CAUSE]),
        ),
        [
            event(
                "notte del 23 gennaio",
                "2023-01-23TNI",
                "TIME",
                "2023-01-23T00:00:00+01:00",
                "2023-01-23T05:59:59+01:00",
                s3a,
                "outage_start",
                "provider",
            ),
            event(
                "entro le prossime 48 ore",
                "2023-01-26",
                "DATE",
                "2023-01-26T00:00:00+01:00",
                "2023-01-26T23:59:59+01:00",
                s3b,
                "deadline",
                "provider",
                mod="BEFORE",
            ),
            event(None, None, None, None, None, CAUSE, "cause", "provider", origin="claim"),
            event(
                "Aggiornamento sul disservizio della posta",
                "2023-01-24T20:30",
                "TIME",
                "2023-01-24T20:30:00+01:00",
                "2023-01-24T20:30:00+01:00",
                "Aggiornamento sul disservizio della posta",
                "provider_statement",
                "provider",
                origin="document",
            ),
        ],
    )

    s4 = (
        "Mercoledì 25 gennaio abbiamo inviato una diffida a Posta Rapida e chiediamo "
        "un indennizzo per tutti gli utenti rimasti senza posta."
    )
    store.save_document(
        document(
            "https://consumatoriuniti.example/news/diffida-posta-rapida",
            JANUARY,
            "consumatori-uniti",
            "consumer",
            "Posta Rapida, la nostra diffida",
            "2023-01-25T11:00:00+01:00",
            s4,
        ),
        [
            event(
                "Mercoledì 25 gennaio",
                "2023-01-25",
                "DATE",
                "2023-01-25T00:00:00+01:00",
                "2023-01-25T23:59:59+01:00",
                s4,
                "consumer_action",
                "consumer_association",
            )
        ],
    )

    s5a = "Il servizio è tornato per una prima parte degli utenti giovedì 26 gennaio alle 16 circa."
    s5b = "Ieri mattina la Presidenza del Consiglio ha contattato l'amministratore delegato."
    s5c = "In una nota l'azienda ha spiegato martedì 24 gennaio che nessun dato è andato perso."
    store.save_document(
        document(
            "https://www.cronacadigitale.example/2023/01/26/posta-rapida-ripristino/",
            JANUARY,
            "cronaca-digitale",
            "news",
            "Posta Rapida, primi utenti di nuovo online",
            "2023-01-26T17:05:00+01:00",
            " ".join([s5a, s5b, s5c]),
        ),
        [
            event(
                "giovedì 26 gennaio alle 16 circa",
                "2023-01-26T16:00",
                "TIME",
                "2023-01-26T16:00:00+01:00",
                "2023-01-26T16:59:59+01:00",
                s5a,
                "restoration_partial",
                "media",
                mod="APPROX",
            ),
            event(
                "Ieri mattina",
                "2023-01-25TMO",
                "TIME",
                "2023-01-25T06:00:00+01:00",
                "2023-01-25T11:59:59+01:00",
                s5b,
                "regulator_action",
                "regulator",
            ),
            event(
                "martedì 24 gennaio",
                "2023-01-24",
                "DATE",
                "2023-01-24T00:00:00+01:00",
                "2023-01-24T23:59:59+01:00",
                s5c,
                "provider_statement",
                "provider",
            ),
        ],
    )

    s6a = "Sabato 28 gennaio alle 20:30 tutte le caselle erano di nuovo accessibili."
    s6b = "Dal 26 al 28 gennaio il ripristino è andato avanti gradualmente."
    s6c = "Il 30 gennaio l'azienda presenterà i conti del trimestre."
    store.save_document(
        document(
            "https://quotidianonord.example/tecnologia/28_gennaio_23/posta-tornata.shtml",
            JANUARY,
            "quotidiano-nord",
            "news",
            "Posta Rapida, tutte le caselle di nuovo accessibili",
            "2023-01-28T21:15:00+01:00",
            " ".join([s6a, s6b, s6c]),
        ),
        [
            event(
                "Sabato 28 gennaio alle 20:30",
                "2023-01-28T20:30",
                "TIME",
                "2023-01-28T20:30:00+01:00",
                "2023-01-28T20:30:59+01:00",
                s6a,
                "restoration_complete",
                "media",
            ),
            event(
                "Dal 26 al 28 gennaio",
                "2023-01-26/2023-01-28",
                "DATE",
                "2023-01-26T00:00:00+01:00",
                "2023-01-28T23:59:59+01:00",
                s6b,
                "restoration_partial",
                "media",
            ),
            event(
                "Il 30 gennaio",
                "2023-01-30",
                "DATE",
                "2023-01-30T00:00:00+01:00",
                "2023-01-30T23:59:59+01:00",
                s6c,
                "other",
                "provider",
            ),
        ],
    )

    store.save_document(
        document(
            "https://forum-utenti.example/t/rimborso",
            JANUARY,
            "forum-utenti",
            "social",
            "Chi ci rimborsa?",
            None,
            UNDATED_CLAIM,
        ),
        [
            event(
                None, None, None, None, None, UNDATED_CLAIM, "compensation", "users", origin="claim"
            )
        ],
    )

    store.save_document(
        document(
            HOSTILE_URL,
            JANUARY,
            "sito-ostile",
            "news",
            HOSTILE_TITLE,
            "2023-01-24T08:00:00+01:00",
            HOSTILE_TEXT,
        ),
        [
            event(
                "domenica 22 gennaio",
                "2023-01-22",
                "DATE",
                "2023-01-22T00:00:00+01:00",
                "2023-01-22T23:59:59+01:00",
                HOSTILE_TEXT,
                "outage_start",
                "media",
            )
        ],
    )

    s7 = (
        "Martedì 13 giugno in serata la posta di Posta Rapida ha smesso di funzionare: "
        "una nuova interruzione del servizio."
    )
    store.save_document(
        document(
            "https://www.cronacadigitale.example/2023/06/14/posta-rapida-di-nuovo-down/",
            JUNE,
            "cronaca-digitale",
            "news",
            "Posta Rapida, di nuovo problemi",
            "2023-06-14T10:00:00+02:00",
            s7,
        ),
        [
            event(
                "Martedì 13 giugno in serata",
                "2023-06-13TEV",
                "TIME",
                "2023-06-13T18:00:00+02:00",
                "2023-06-13T23:59:59+02:00",
                s7,
                "outage_start",
                "users",
            )
        ],
    )

    s8 = "Il 14 giugno abbiamo inviato una nuova diffida: chiediamo un indennizzo."
    store.save_document(
        document(
            "https://consumatoriuniti.example/news/giugno-diffida",
            JUNE,
            "consumatori-uniti",
            "consumer",
            "Di nuovo senza posta: nuova diffida",
            "2023-06-15T12:00:00+02:00",
            s8,
        ),
        [
            event(
                "Il 14 giugno",
                "2023-06-14",
                "DATE",
                "2023-06-14T00:00:00+02:00",
                "2023-06-14T23:59:59+02:00",
                s8,
                "consumer_action",
                "consumer_association",
            )
        ],
    )

    add_story(store.db, STORY)
    store.close()


# ---------------------------------------------------------------------------------------
# The events here are hand-made (their three times from the real rules, timeline/happened.py);
# the key moments are a fixed story, so that what the pages render can be asserted exactly.
# The crawl's own builder (timeline/key_moments.py) is exercised on crawled corpora in
# tests/integration and tests/moments.

STORY_COLUMNS = (
    "reported_at",
    "happened_at",
    "happened_earliest",
    "happened_latest",
    "happened_precision",
    "happened_day",
    "modality",
)


def _happened(origin, value, mod, earliest, latest, category, reported, tz):
    """(at, earliest, latest, precision, day, modality) of one event, by the pipeline's rules."""
    modality = "expected" if category == "deadline" else "happened"
    if origin in ("claim", "document", "status") or not earliest or modality == "expected":
        when = reported_when(parse_moment(reported, tz))  # a promise happens when it is made
    else:
        when = mention_when(
            {"value": value, "mod": mod, "earliest": earliest, "latest": latest, "text": ""}, tz
        ) or reported_when(parse_moment(reported, tz))
    if when is None:
        return (None, None, None, None, None, modality)
    times = when.iso()
    day = when.day() or (reported or "")[:10] or None
    return (times["at"], times["earliest"], times["latest"], times["precision"], day, modality)


def add_story(db, story) -> None:
    """The events' three times, the tables a crawl ends with, then ``story`` as key_moments."""
    zones = {row["slug"]: row["timezone"] for row in db["incidents"].rows}
    rows = db.execute("""
        select e.id, e.origin, e.value, e.mod, e.earliest, e.latest, e.category, d.published,
               e.incident
        from events e join documents d on d.id = e.document_id""").fetchall()
    with db.conn:
        for event_id, origin, value, mod, earliest, latest, category, published, incident in rows:
            db.execute(
                f"update events set reported_at = ?, {' = ?, '.join(STORY_COLUMNS[1:])} = ? "
                "where id = ?",
                [
                    published,
                    *_happened(
                        origin,
                        value,
                        mod,
                        earliest,
                        latest,
                        category,
                        published,
                        zones.get(incident) or "Europe/Rome",
                    ),
                    event_id,
                ],
            )
    rebuild_story(db)
    with db.conn:
        db.execute("delete from event_moment")
        db.execute("delete from key_moments")
        db["key_moments"].insert_all(
            {
                **moment,
                "id": n,
                "documents": json.dumps(moment["documents"]),
                "source_names": json.dumps(moment["source_names"]),
                "sources": len(moment["source_names"]),
            }
            for n, moment in enumerate(story, 1)
        )
        db.execute("""insert or ignore into event_moment
            select e.id, m.id from events e join key_moments m
              on m.incident = e.incident and m.category = e.category
             and e.happened_day between substr(m.earliest, 1, 10) and substr(m.latest, 1, 10)""")
        db.execute(
            "update key_moments set events = (select count(*) from event_moment "
            "where moment_id = key_moments.id)"
        )


def moment(
    incident,
    category,
    at,
    earliest,
    latest,
    precision,
    statement,
    statement_url,
    statement_source,
    source_names,
    documents,
    first_reported,
    conflict=0,
):
    return {
        "incident": incident,
        "category": category,
        "at": at,
        "earliest": earliest,
        "latest": latest,
        "precision": precision,
        "statement": statement,
        "statement_url": statement_url,
        "statement_source": statement_source,
        "source_names": source_names,
        "documents": documents,
        "first_reported": first_reported,
        "conflict": conflict,
        "events": 0,
    }


CRONACA_23 = "https://www.cronacadigitale.example/2023/01/23/posta-rapida-down/"
NORD_23 = "https://quotidianonord.example/tecnologia/23_gennaio_23/posta-rapida-guasto.shtml"
AIUTO = "https://aiuto.postarapida.example/articolo/mail/disservizio"
CONSUMATORI = "https://consumatoriuniti.example/news/diffida-posta-rapida"
CRONACA_26 = "https://www.cronacadigitale.example/2023/01/26/posta-rapida-ripristino/"
NORD_28 = "https://quotidianonord.example/tecnologia/28_gennaio_23/posta-tornata.shtml"
STORY = [
    moment(
        JANUARY,
        "outage_start",
        "2023-01-22T22:00:00+01:00",
        "2023-01-22T22:00:00+01:00",
        "2023-01-22T22:59:59+01:00",
        "hour",
        "Il disservizio della posta di Posta Rapida è iniziato domenica 22 gennaio verso le "
        "22, quando gli utenti hanno cominciato a segnalare problemi di accesso.",
        CRONACA_23,
        "cronaca-digitale",
        ["cronaca-digitale", "sito-ostile"],
        [CRONACA_23, HOSTILE_URL],
        "2023-01-23T09:10:00+01:00",
        conflict=1,
    ),
    moment(
        JANUARY,
        "outage_start",
        "2023-01-23T03:00:00+01:00",
        "2023-01-23T00:00:00+01:00",
        "2023-01-23T05:59:59+01:00",
        "part_of_day",
        "Il guasto della posta di Posta Rapida è iniziato nella notte del 23 gennaio: gli "
        "utenti non riescono ad accedere.",
        NORD_23,
        "quotidiano-nord",
        ["quotidiano-nord", "postarapida-aiuto"],
        [NORD_23, AIUTO],
        "2023-01-23T18:40:00+01:00",
        conflict=1,
    ),
    moment(
        JANUARY,
        "provider_statement",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "minute",
        "Aggiornamento sul disservizio della posta",
        AIUTO,
        "postarapida-aiuto",
        ["postarapida-aiuto"],
        [AIUTO],
        "2023-01-24T20:30:00+01:00",
    ),
    moment(
        JANUARY,
        "cause",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "minute",
        CAUSE,
        AIUTO,
        "postarapida-aiuto",
        ["postarapida-aiuto"],
        [AIUTO],
        "2023-01-24T20:30:00+01:00",
    ),
    moment(
        JANUARY,
        "deadline",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "2023-01-24T20:30:00+01:00",
        "minute",
        "Contiamo di ripristinare il servizio entro le prossime 48 ore.",
        AIUTO,
        "postarapida-aiuto",
        ["postarapida-aiuto"],
        [AIUTO],
        "2023-01-24T20:30:00+01:00",
    ),
    moment(
        JANUARY,
        "regulator_action",
        "2023-01-25T09:00:00+01:00",
        "2023-01-25T06:00:00+01:00",
        "2023-01-25T11:59:59+01:00",
        "part_of_day",
        "Ieri mattina la Presidenza del Consiglio ha contattato l'amministratore delegato.",
        CRONACA_26,
        "cronaca-digitale",
        ["cronaca-digitale"],
        [CRONACA_26],
        "2023-01-26T17:05:00+01:00",
    ),
    moment(
        JANUARY,
        "consumer_action",
        "2023-01-25T11:00:00+01:00",
        "2023-01-25T00:00:00+01:00",
        "2023-01-25T23:59:59+01:00",
        "day",
        "Mercoledì 25 gennaio abbiamo inviato una diffida a Posta Rapida e chiediamo un "
        "indennizzo per tutti gli utenti rimasti senza posta.",
        CONSUMATORI,
        "consumatori-uniti",
        ["consumatori-uniti"],
        [CONSUMATORI],
        "2023-01-25T11:00:00+01:00",
    ),
    moment(
        JANUARY,
        "restoration_partial",
        "2023-01-26T16:00:00+01:00",
        "2023-01-26T16:00:00+01:00",
        "2023-01-26T16:59:59+01:00",
        "hour",
        "Il servizio è tornato per una prima parte degli utenti giovedì 26 gennaio alle 16 circa.",
        CRONACA_26,
        "cronaca-digitale",
        ["cronaca-digitale", "quotidiano-nord"],
        [CRONACA_26, NORD_28],
        "2023-01-26T17:05:00+01:00",
    ),
    moment(
        JANUARY,
        "restoration_complete",
        "2023-01-28T20:30:00+01:00",
        "2023-01-28T20:30:00+01:00",
        "2023-01-28T20:30:59+01:00",
        "minute",
        "Sabato 28 gennaio alle 20:30 tutte le caselle erano di nuovo accessibili.",
        NORD_28,
        "quotidiano-nord",
        ["quotidiano-nord"],
        [NORD_28],
        "2023-01-28T21:15:00+01:00",
    ),
    moment(
        JUNE,
        "outage_start",
        "2023-06-13T21:00:00+02:00",
        "2023-06-13T18:00:00+02:00",
        "2023-06-13T23:59:59+02:00",
        "part_of_day",
        "Martedì 13 giugno in serata la posta di Posta Rapida ha smesso di funzionare: una "
        "nuova interruzione del servizio.",
        "https://www.cronacadigitale.example/2023/06/14/posta-rapida-di-nuovo-down/",
        "cronaca-digitale",
        ["cronaca-digitale"],
        ["https://www.cronacadigitale.example/2023/06/14/posta-rapida-di-nuovo-down/"],
        "2023-06-14T10:00:00+02:00",
    ),
    moment(
        JUNE,
        "consumer_action",
        "2023-06-14T12:00:00+02:00",
        "2023-06-14T00:00:00+02:00",
        "2023-06-14T23:59:59+02:00",
        "day",
        "Il 14 giugno abbiamo inviato una nuova diffida: chiediamo un indennizzo.",
        "https://consumatoriuniti.example/news/giugno-diffida",
        "consumatori-uniti",
        ["consumatori-uniti"],
        ["https://consumatoriuniti.example/news/giugno-diffida"],
        "2023-06-15T12:00:00+02:00",
    ),
]


# ---------------------------------------------------------------------------------------
# Another incident's database: English sources, another timezone (US Eastern, after the
# March 2024 change to daylight time), another provider, no conflict, and one key moment
# stored in UTC (every time shown must be in the incident's own timezone).

NORTHMAIL = "northmail-2024-03"
TRIBUNE_12 = "https://harbortribune.example/tech/2024/03/12/northmail-down"
STATUS = "https://status.northmail.example/incidents/x1"
LEDGER_13 = "https://bayledger.example/news/northmail-partly-back"
TRIBUNE_15 = "https://harbortribune.example/tech/2024/03/15/northmail-restored"


def build_other(path) -> None:
    store = TimelineStore(path)
    store.save_incident(
        Incident(
            slug=NORTHMAIL,
            title="Northmail outage, March 2024",
            timezone="America/New_York",
            description="Northmail accounts could not be reached for three days.",
            window_start=dt.date(2024, 3, 1),
            window_end=dt.date(2024, 4, 30),
        )
    )
    t1 = "Northmail users could not log in from Monday evening, March 11, at around 7 pm."
    store.save_document(
        document(
            TRIBUNE_12,
            NORTHMAIL,
            "harbor-tribune",
            "news",
            "Northmail down since Monday evening",
            "2024-03-12T09:30:00-04:00",
            t1,
            lang="en",
        ),
        [
            event(
                "Monday evening, March 11, at around 7 pm",
                "2024-03-11T19:00",
                "TIME",
                "2024-03-11T19:00:00-04:00",
                "2024-03-11T19:59:59-04:00",
                t1,
                "outage_start",
                "users",
                mod="APPROX",
            )
        ],
    )
    t2 = "investigating — We are looking into login failures for some Northmail accounts."
    store.save_document(
        document(
            STATUS,
            NORTHMAIL,
            "northmail-status",
            "status",
            "Login failures",
            "2024-03-12T10:05:00-04:00",
            t2,
            lang="en",
        ),
        [
            event(
                "investigating",
                "2024-03-12T10:05",
                "TIME",
                "2024-03-12T10:05:00-04:00",
                "2024-03-12T10:05:00-04:00",
                t2,
                "provider_statement",
                "provider",
                origin="status",
            )
        ],
    )
    t3 = "Service was partly restored on Wednesday, March 13 at 11:20 am."
    t4 = "Northmail said that every account would be back by Friday."
    store.save_document(
        document(
            LEDGER_13,
            NORTHMAIL,
            "bay-ledger",
            "news",
            "Northmail partly back",
            "2024-03-13T18:00:00-04:00",
            t3 + " " + t4,
            lang="en",
        ),
        [
            event(
                "Wednesday, March 13 at 11:20 am",
                "2024-03-13T11:20",
                "TIME",
                "2024-03-13T11:20:00-04:00",
                "2024-03-13T11:20:59-04:00",
                t3,
                "restoration_partial",
                "media",
            ),
            event(
                "by Friday",
                "2024-03-15",
                "DATE",
                "2024-03-15T00:00:00-04:00",
                "2024-03-15T23:59:59-04:00",
                t4,
                "deadline",
                "provider",
                mod="BEFORE",
            ),
        ],
    )
    t5 = "By Thursday evening, March 14, every mailbox was working again."
    store.save_document(
        document(
            TRIBUNE_15,
            NORTHMAIL,
            "harbor-tribune",
            "news",
            "Northmail fully restored",
            "2024-03-15T08:00:00-04:00",
            t5,
            lang="en",
        ),
        [
            event(
                "Thursday evening, March 14",
                "2024-03-14TEV",
                "TIME",
                "2024-03-14T18:00:00-04:00",
                "2024-03-14T23:59:59-04:00",
                t5,
                "restoration_complete",
                "media",
            )
        ],
    )
    add_story(
        store.db,
        [
            moment(
                NORTHMAIL,
                "outage_start",
                "2024-03-11T23:00:00+00:00",
                "2024-03-11T23:00:00+00:00",
                "2024-03-11T23:59:59+00:00",
                "hour",
                t1,
                TRIBUNE_12,
                "harbor-tribune",
                ["harbor-tribune"],
                [TRIBUNE_12],
                "2024-03-12T09:30:00-04:00",
            ),
            moment(
                NORTHMAIL,
                "provider_statement",
                "2024-03-12T14:05:00+00:00",
                "2024-03-12T14:05:00+00:00",
                "2024-03-12T14:05:00+00:00",
                "minute",
                t2,
                STATUS,
                "northmail-status",
                ["northmail-status"],
                [STATUS],
                "2024-03-12T10:05:00-04:00",
            ),
            moment(
                NORTHMAIL,
                "restoration_partial",
                "2024-03-13T11:20:00-04:00",
                "2024-03-13T11:20:00-04:00",
                "2024-03-13T11:20:59-04:00",
                "minute",
                t3,
                LEDGER_13,
                "bay-ledger",
                ["bay-ledger"],
                [LEDGER_13],
                "2024-03-13T18:00:00-04:00",
            ),
            moment(
                NORTHMAIL,
                "restoration_complete",
                "2024-03-14T21:00:00-04:00",
                "2024-03-14T18:00:00-04:00",
                "2024-03-14T23:59:59-04:00",
                "part_of_day",
                t5,
                TRIBUNE_15,
                "harbor-tribune",
                ["harbor-tribune"],
                [TRIBUNE_15],
                "2024-03-15T08:00:00-04:00",
            ),
        ],
    )
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


@pytest.fixture(scope="session")
def other_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("other") / "northmail.db"
    build_other(path)
    return path


@pytest.fixture
def other_ds(other_db_path):
    return datasette_for(other_db_path)


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
