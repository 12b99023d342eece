"""The pipeline stages, one at a time, on hand-made items."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from incident_timeline.config import Incident
from incident_timeline.items import Document
from incident_timeline.pipelines.events import EventTagger
from incident_timeline.pipelines.publication_date import PublicationDate
from incident_timeline.pipelines.relevance import RelevanceFilter
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

INCIDENT = Incident(
    slug="posta-2023",
    title="Posta outage",
    timezone="Europe/Rome",
    keywords=("posta web", "nuvola"),
    window_start=dt.date(2023, 1, 15),
    window_end=dt.date(2023, 3, 31),
)


def stage(cls):
    crawler = get_crawler(settings_dict={})
    crawler.spider = SimpleNamespace(incident=INCIDENT)
    return cls.from_crawler(crawler)


def dated(**fields):
    return stage(PublicationDate).process_item({"url": "http://x.test/a", **fields})


def test_utc_published_becomes_local():
    assert dated(published="2023-01-25T23:30:00Z")["published"] == "2023-01-26T00:30:00+01:00"


def test_day_is_the_local_day():
    assert dated(published="2023-01-25T23:30:00Z")["day"] == "2023-01-26"


def test_feed_date_dates_an_undated_page():
    assert (
        dated(published=None, date_hint="Tue, 24 Jan 2023 09:35:00 GMT")["published"]
        == "2023-01-24T10:35:00+01:00"
    )


def test_feed_time_refines_a_day_only_page():
    item = dated(
        published="2023-01-24T00:00:00+01:00",
        published_precision="day",
        date_hint="2023-01-24T09:35:00Z",
    )
    assert item["published"] == "2023-01-24T10:35:00+01:00"


def test_feed_date_of_another_day_does_not_override_the_page():
    item = dated(
        published="2023-01-24T00:00:00+01:00",
        published_precision="day",
        date_hint="2023-01-27T09:35:00Z",
    )
    assert item["published"] == "2023-01-24T00:00:00+01:00"


def test_update_before_publication_is_dropped():
    assert (
        dated(published="2023-01-24T10:00:00+01:00", updated="2023-01-23T10:00:00+01:00")["updated"]
        is None
    )


def test_title_hint_fills_a_missing_title():
    assert (
        dated(published="2023-01-24T10:00:00+01:00", title_hint="Dal feed")["title"] == "Dal feed"
    )


def relevant(**fields):
    return stage(RelevanceFilter).process_item({"url": "http://x.test/a", **fields})


def test_keyword_in_text_is_kept():
    assert (
        relevant(title="Guasto", text="La POSTA   Web è ferma.", day="2023-01-24")["day"]
        == "2023-01-24"
    )


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"title": "Calcio", "text": "Derby rinviato.", "day": "2023-01-24"}, "off-topic"),
        ({"title": "Nuvola ferma", "text": "x", "day": "2023-06-14"}, "out of window"),
        ({"title": "Nuvola ferma", "text": "x", "day": "2022-12-31"}, "out of window"),
        ({"title": "Nuvola ferma", "text": "x", "day": None}, "undated"),
        ({"title": "", "text": "", "day": "2023-01-24"}, "empty"),
        ({"title": "Nuvolari vince", "text": "x", "day": "2023-01-24"}, "off-topic"),
    ],
)
def test_dropped_with_reason(fields, reason):
    with pytest.raises(DropItem, match=reason):
        relevant(**fields)


def tag(**fields) -> list:
    """The events stage on a Document built from ``fields``."""
    document = Document(**{"url": "http://x.test/a", "kind": "news", "lang": "it", **fields})
    return stage(EventTagger).process_item(document).events


@pytest.fixture(scope="module")
def tagged():
    return tag(
        url="http://x.test/comunicato",
        kind="provider",
        title="Comunicato",
        published="2023-01-25T16:40:00+01:00",
        day="2023-01-25",
        text="Il disservizio è iniziato domenica sera. Il servizio tornerà entro venerdì.",
    )


def test_text_dates_become_events(tagged):
    assert [e.value for e in tagged if e.origin == "text"] == ["2023-01-22TEV", "2023-01-27"]


def test_event_keeps_its_sentence(tagged):
    assert tagged[0].sentence == "Il disservizio è iniziato domenica sera."


def test_event_day_is_the_mentioned_local_day(tagged):
    assert tagged[0].day == "2023-01-22"


def test_mention_is_reported_at_publication(tagged):
    assert tagged[0].reported_at == "2023-01-25T16:40:00+01:00"


def test_start_happened_in_the_middle_of_the_evening(tagged):
    assert tagged[0].happened_at == "2023-01-22T21:00:00+01:00"


def test_start_precision_is_a_part_of_day(tagged):
    assert tagged[0].happened_precision == "part_of_day"


def test_promise_is_expected(tagged):
    assert [(e.category, e.modality) for e in tagged if e.value == "2023-01-27"] == [
        ("deadline", "expected")
    ]


def test_provider_statement_is_an_event_at_publication(tagged):
    assert [(e.origin, e.value) for e in tagged if e.origin == "document"] == [
        ("document", "2023-01-25T16:40")
    ]


def test_statement_happens_when_made(tagged):
    statement = next(e for e in tagged if e.origin == "document")
    assert (statement.category, statement.happened_at) == (
        "provider_statement",
        "2023-01-25T16:40:00+01:00",
    )


def test_status_updates_become_events_in_local_time():
    events = tag(
        url="http://status.test/i/1",
        kind="status",
        title="Posta web down",
        published="2023-01-23T08:15:00+01:00",
        day="2023-01-23",
        text="",
        updates=[
            {"created_at": "2023-01-23T23:30:00Z", "status": "identified", "body": "Causa trovata."}
        ],
    )
    assert [(e.origin, e.earliest) for e in events] == [("status", "2023-01-24T00:30:00+01:00")]


def test_status_body_dates_speak_from_their_update():
    body = "Il ripristino è previsto entro le prossime 24 ore."
    events = tag(
        url="http://status.test/i/1",
        kind="status",
        title="Posta web down",
        published="2023-01-23T08:15:00+01:00",
        day="2023-01-23",
        text=f"Identified — {body}",
        updates=[{"created_at": "2023-01-25T15:35:00Z", "status": "identified", "body": body}],
    )
    promise = next(e for e in events if e.origin == "text")
    assert promise.latest == "2023-01-26T16:35:00+01:00"


@pytest.fixture(scope="module")
def stamped_update():
    """The events of a page whose second paragraph is an update stamped the next day."""
    return tag(
        url="http://x.test/aggiornato",
        title="Nuvola ferma",
        published="2023-01-24T11:20:00+01:00",
        updated="2023-01-25T08:05:00+01:00",
        day="2023-01-24",
        text="La posta di Nuvola è ferma da ieri sera.\n"
        "Aggiornamento del 25 gennaio – Martedì sera l'azienda ha diffuso una nota.",
    )


def test_update_paragraph_is_read_from_its_stamp(stamped_update):
    assert [e.value for e in stamped_update if e.text == "Martedì sera"] == ["2023-01-24TEV"]


def test_update_paragraph_is_reported_at_its_stamp(stamped_update):
    assert [e.reported_at for e in stamped_update if e.text == "Martedì sera"] == [
        "2023-01-25T08:05:00+01:00"
    ]


def test_text_before_an_update_keeps_the_publication_anchor(stamped_update):
    assert [e.value for e in stamped_update if e.text == "ieri sera"] == ["2023-01-23TEV"]


def test_event_span_points_into_the_whole_text():
    text = "Prima riga.\nAggiornamento ore 14:45 – Il servizio è tornato alle 14."
    events = tag(title="Nuvola", published="2023-01-26T09:00:00+01:00", day="2023-01-26", text=text)
    event = next(e for e in events if e.text == "alle 14")
    assert text[event.span_start : event.span_end] == "alle 14"


@pytest.fixture(scope="module")
def counted_back():
    return tag(
        title="Nuvola",
        published="2023-01-24T18:45:00+01:00",
        day="2023-01-24",
        text="Il blocco della posta di Nuvola va avanti da tre giorni.",
    )


def test_duration_estimates_a_start_three_days_back(counted_back):
    assert counted_back[0].happened_at == "2023-01-21T18:45:00+01:00"


def test_duration_start_has_bounds_a_day_either_side(counted_back):
    assert (counted_back[0].happened_earliest, counted_back[0].happened_latest) == (
        "2023-01-20T18:45:00+01:00",
        "2023-01-22T18:45:00+01:00",
    )


def test_duration_is_filed_under_the_day_it_was_reported(counted_back):
    assert counted_back[0].happened_day == "2023-01-24"


def test_dateless_cause_is_a_claim_when_said():
    events = tag(
        kind="provider",
        title="Nota",
        published="2023-01-25T16:40:00+01:00",
        day="2023-01-25",
        text="La causa è un bug nel firmware dello storage.",
    )
    assert [(e.origin, e.category, e.happened_at) for e in events if e.origin == "claim"] == [
        ("claim", "cause", "2023-01-25T16:40:00+01:00")
    ]


def test_compensation_figures_without_a_date_surface():
    events = tag(
        title="Indennizzo",
        published="2023-02-10T09:00:00+01:00",
        day="2023-02-10",
        text="Gli abbonati riceveranno sei mesi in omaggio, gli altri il 20% di spazio in più.",
    )
    assert {e.category for e in events if e.origin == "claim"} == {"compensation"}


def test_byline_date_is_not_a_fact():
    events = tag(
        kind="provider",
        title="Nota",
        published="2023-01-25T16:40:00+01:00",
        day="2023-01-25",
        text="Pubblicato il 25/01/2023 alle 16:40\nIl guasto continua.",
    )
    assert [e.category for e in events if e.origin == "text"] == ["other"]


def test_undated_page_keeps_only_dates_that_name_their_year():
    events = tag(
        title="Nuvola",
        published=None,
        day=None,
        text="Il guasto del 22 gennaio 2023 è durato fino a ieri.",
    )
    assert [(e.text, e.reported_at) for e in events] == [("22 gennaio 2023", None)]


def test_undated_relevant_page_with_a_date_in_the_window_is_kept():
    item = relevant(title="Nuvola ferma", text="Dal 22 gennaio 2023 la posta non arriva.", day=None)
    assert item["day"] is None


def test_undated_page_is_counted():
    crawler_stage = stage(RelevanceFilter)
    crawler_stage.process_item(
        {
            "url": "http://x.test/a",
            "title": "Nuvola ferma",
            "text": "Dal 22 gennaio 2023 la posta non arriva.",
            "day": None,
        }
    )
    assert crawler_stage.crawler.stats.get_value("timeline/undated stored") == 1


def test_publication_precision_none_when_nothing_dates_the_page():
    assert dated(published=None)["published_precision"] == "none"
