"""rebuild_corroboration(): grouping events of different documents into happenings."""

import json

import pytest
import sqlite_utils

from timeline.corroborate import rebuild_corroboration
from timeline.store import TimelineStore


def _doc(n, incident, source, published, events, kind="news"):
    return ({"url": f"https://{source}.example/{incident}/{n}", "incident": incident,
             "source": source, "kind": kind, "title": f"Articolo {n}", "published": published,
             "day": published[:10], "lang": "it", "text": " ".join(e["sentence"] for e in events)},
            events)


def _ev(day, sentence, category, time="00:00:00", latest=None, origin="text"):
    return {"text": day, "value": day, "type": "DATE", "earliest": f"{day}T{time}+01:00",
            "latest": latest or f"{day}T23:59:59+01:00", "day": day, "sentence": sentence,
            "category": category, "actor": "media", "origin": origin}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corroborate") / "c.db"
    store = TimelineStore(path)
    store.db["incidents"].insert_all([{"slug": "inverno", "title": "Inverno"}, {"slug": "estate", "title": "Estate"}])
    start22 = "Il blocco della posta elettronica è cominciato domenica sera, con molte segnalazioni."
    start23 = "Il blocco della posta elettronica è cominciato nella notte di lunedì, con molte segnalazioni."
    documents = [
        _doc(1, "inverno", "gazzetta", "2023-01-23T08:00:00+01:00", [_ev("2023-01-22", start22, "outage_start")]),
        _doc(2, "inverno", "corriere", "2023-01-23T07:00:00+01:00", [_ev("2023-01-22", start22, "outage_start")]),
        _doc(3, "inverno", "notiziario", "2023-01-24T09:00:00+01:00", [_ev("2023-01-23", start23, "outage_start")]),
        _doc(4, "inverno", "gazzetta", "2023-01-27T09:00:00+01:00",
             [_ev("2023-01-26", "Il ripristino è cominciato per una parte degli utenti.", "restoration_partial")]),
        # Same words, a week later: a different happening.
        _doc(5, "inverno", "corriere", "2023-02-02T09:00:00+01:00",
             [_ev("2023-01-31", start22, "outage_start")]),
        # Another incident on the same day with the same words: never merged with January.
        _doc(6, "estate", "gazzetta", "2023-01-23T10:00:00+01:00", [_ev("2023-01-22", start22, "outage_start")]),
        # 'other' and undated events are not happenings.
        _doc(7, "inverno", "corriere", "2023-01-25T10:00:00+01:00",
             [_ev("2023-01-25", "Faceva freddo.", "other"),
              {"text": "da giorni", "value": "PAST_REF", "type": "DATE", "earliest": None,
               "latest": None, "day": None, "sentence": "Da giorni non funziona.", "category": "outage_start"}]),
    ]
    for document, events in documents:
        store.save_document(document, events)
    count = rebuild_corroboration(store.db)
    yield store.db, count
    store.close()


def _happening(db, incident, category, day):
    rows = list(db.query("select * from happenings where incident = ? and category = ? and days_claimed like ?",
                         [incident, category, f'%"{day}"%']))
    assert len(rows) == 1, rows
    return rows[0]


def test_returns_the_number_of_happenings(db):
    database, count = db
    assert count == database["happenings"].count


def test_happening_count(db):
    assert db[1] == 4


def test_adjacent_days_with_similar_sentences_are_one_happening(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["events"] == 3


def test_days_claimed(db):
    assert json.loads(_happening(db[0], "inverno", "outage_start", "2023-01-22")["days_claimed"]) == ["2023-01-22", "2023-01-23"]


def test_disagreement_when_days_differ(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["disagreement"] == 1


def test_no_disagreement_with_one_day(db):
    assert _happening(db[0], "inverno", "restoration_partial", "2023-01-26")["disagreement"] == 0


def test_sources_counts_distinct_sources(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["sources"] == 3


def test_documents_count(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["documents"] == 3


def test_first_source_is_first_by_publication_time(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["first_source"] == "corriere"


def test_first_url(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["first_url"] == "https://corriere.example/inverno/2"


def test_earliest_and_latest_claim(db):
    row = _happening(db[0], "inverno", "outage_start", "2023-01-22")
    assert (row["earliest_claim"], row["latest_claim"]) == ("2023-01-22T00:00:00+01:00", "2023-01-23T00:00:00+01:00")


def test_day_most_sources_give(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-22")["day"] == "2023-01-22"


def test_summary_is_a_sentence(db):
    assert "cominciato" in _happening(db[0], "inverno", "outage_start", "2023-01-22")["summary"]


def test_a_week_later_is_another_happening(db):
    assert _happening(db[0], "inverno", "outage_start", "2023-01-31")["events"] == 1


def test_incidents_are_kept_apart(db):
    assert _happening(db[0], "estate", "outage_start", "2023-01-22")["sources"] == 1


def test_other_category_makes_no_happening(db):
    assert db[0].execute("select count(*) from happenings where category = 'other'").fetchone()[0] == 0


def test_every_grouped_event_is_linked(db):
    assert db[0]["event_happening"].count == 6


def test_links_point_to_happenings(db):
    orphans = db[0].execute("select count(*) from event_happening where happening_id not in (select id from happenings)").fetchone()[0]
    assert orphans == 0


def test_rebuilding_gives_the_same_result(tmp_path):
    path = tmp_path / "again.db"
    store = TimelineStore(path)
    store.db["incidents"].insert({"slug": "inverno", "title": "Inverno"})
    store.save_document(*_doc(1, "inverno", "gazzetta", "2023-01-23T08:00:00+01:00",
                              [_ev("2023-01-22", "La posta non funziona da domenica.", "outage_start")]))
    first = rebuild_corroboration(store.db)
    assert rebuild_corroboration(store.db) == first


def test_empty_database(tmp_path):
    store = TimelineStore(tmp_path / "empty.db")
    assert rebuild_corroboration(store.db) == 0


def test_many_events_stay_fast(tmp_path):
    """20,000 events in one incident: the sweep compares within day buckets only."""
    import time
    db = sqlite_utils.Database(tmp_path / "big.db")
    TimelineStore(tmp_path / "big.db").close()
    db["documents"].insert_all(
        ({"id": i, "url": f"https://s{i % 50}.example/{i}", "incident": "grande", "source": f"s{i % 50}",
          "kind": "news", "published": "2023-01-10T10:00:00+01:00", "day": "2023-01-10"} for i in range(1, 5001)))
    db["events"].insert_all(
        ({"document_id": 1 + i % 5000, "incident": "grande", "source": f"s{i % 50}", "kind": "news",
          "category": ("outage_start", "cause", "restoration_partial", "deadline")[i % 4],
          "day": f"2023-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}",
          "earliest": f"2023-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+01:00",
          "latest": f"2023-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:59:59+01:00",
          "sentence": f"Frase numero {i % 97} sul disservizio della posta."} for i in range(20000)))
    started = time.perf_counter()
    rebuild_corroboration(db)
    assert time.perf_counter() - started < 10


def test_a_month_is_not_grouped_with_its_first_day(tmp_path):
    store = TimelineStore(tmp_path / "month.db")
    store.db["incidents"].insert({"slug": "inverno", "title": "Inverno"})
    month = dict(_ev("2023-01-01", "Il blocco della posta elettronica di gennaio.", "outage_start"), value="2023-01")
    day = _ev("2023-01-01", "Il blocco della posta elettronica di gennaio.", "outage_start")
    for n, (source, ev) in enumerate([("a", month), ("b", day)]):
        document, events = _doc(n, "inverno", source, "2023-01-05T10:00:00+01:00", [ev])
        store.save_document(document, events)
    assert rebuild_corroboration(store.db) == 2


def test_event_counts_written(db):
    assert db[0].execute("select sum(events) from event_counts where incident = 'inverno'").fetchone()[0] == 6


def test_document_counts_written(db):
    assert db[0].execute("select sum(documents) from document_counts where incident = 'inverno'").fetchone()[0] == 6
