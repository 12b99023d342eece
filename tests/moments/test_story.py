"""Key moments from hand-made evidence: one rule per kind of happening (timeline/key_moments.py).

The sentences are invented ("Nuvola", a mail provider); every time is Europe/Rome.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from incident_timeline.key_moments import Evidence, build_story

ROME = ZoneInfo("Europe/Rome")
_ids = iter(range(1, 10_000))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=ROME)


def ev(
    category,
    when,
    source,
    kind="news",
    *,
    until=None,
    precision="hour",
    origin="text",
    modality="happened",
    reported=None,
    sentence="",
    document=None,
    title="",
    value="",
):
    """One piece of evidence; ``when`` is when it happened, ``until`` its latest bound."""
    start = at(when)
    latest = (
        at(until)
        if until
        else start
        + {
            "minute": dt.timedelta(0),
            "hour": dt.timedelta(minutes=59),
            "part_of_day": dt.timedelta(hours=6),
            "day": dt.timedelta(hours=23, minutes=59),
        }[precision]
    )
    event_id = next(_ids)
    return Evidence(
        event_id,
        category,
        modality,
        origin,
        start,
        start,
        latest,
        precision,
        at(reported) if reported else start,
        source,
        kind,
        f"http://{source}.test/{event_id}",
        sentence or f"{category} {when}",
        document or event_id,
        title,
        value,
        False,
        (start, latest),
    )


def moments(evidence, window=None):
    return [m for m, _ in build_story(evidence, "nuvola-2024", window, frozenset({"nuvola"}))]


def of(category, evidence, window=None):
    return [m for m in moments(evidence, window) if m.category == category]


SAME_NIGHT = [
    ev("outage_start", "2024-03-10T22:00", "a", reported="2024-03-11T09:00"),
    ev("outage_start", "2024-03-10T22:00", "b", reported="2024-03-11T10:00"),
    ev("outage_start", "2024-03-10T22:00", "c", reported="2024-03-11T11:00"),
    # "la notte dell'11": the night leading into the 11th, as the provider writes it
    ev(
        "outage_start",
        "2024-03-10T22:00",
        "provider",
        kind="provider",
        until="2024-03-12T06:00",
        precision="part_of_day",
        reported="2024-03-11T18:00",
    ),
]


def test_one_start_for_the_same_night():
    assert len(of("outage_start", SAME_NIGHT)) == 1


def test_start_takes_the_time_most_sources_give():
    assert of("outage_start", SAME_NIGHT)[0].at == "2024-03-10T22:00:00+01:00"


def test_start_counts_every_source_of_that_night():
    assert of("outage_start", SAME_NIGHT)[0].sources == 4


def test_start_is_first_reported_by_the_earliest_report():
    assert of("outage_start", SAME_NIGHT)[0].first_reported == "2024-03-11T09:00:00+01:00"


def test_a_true_conflict_is_two_starts_sharing_a_conflict_number():
    other_side = [
        ev("outage_start", "2024-03-12T15:00", s, reported="2024-03-13T09:00") for s in ("d", "e")
    ]
    starts = of("outage_start", SAME_NIGHT + other_side)
    assert [(m.at[:13], m.conflict) for m in starts] == [("2024-03-10T22", 1), ("2024-03-12T15", 1)]


def test_a_lone_dissenter_is_no_conflict():
    lone = [ev("outage_start", "2024-03-12T15:00", "d", reported="2024-03-13T09:00")]
    assert len(of("outage_start", SAME_NIGHT + lone)) == 1


def test_a_later_symptom_does_not_chain_into_the_start():
    later = [ev("outage_start", "2024-03-11T16:00", s, precision="minute") for s in ("a", "b")]
    assert of("outage_start", SAME_NIGHT + later)[0].at == "2024-03-10T22:00:00+01:00"


def test_nothing_of_the_story_before_the_outage_began():
    early = [
        ev(
            "provider_statement",
            "2024-03-09T10:00",
            "provider",
            kind="provider",
            origin="document",
            precision="minute",
        )
    ]
    assert of("provider_statement", SAME_NIGHT + early) == []


def test_nothing_outside_the_window():
    late = [
        ev(
            "provider_statement",
            "2024-06-01T10:00",
            "provider",
            kind="provider",
            origin="document",
            precision="minute",
        )
    ]
    window = (at("2024-03-01T00:00"), at("2024-04-30T23:59"))
    assert of("provider_statement", SAME_NIGHT + late, window) == []


def test_each_communique_is_its_own_statement():
    communiques = [
        ev(
            "provider_statement",
            f"2024-03-{d}T18:00",
            "provider",
            kind="provider",
            origin="document",
            precision="minute",
        )
        for d in (11, 12, 13)
    ]
    assert len(of("provider_statement", SAME_NIGHT + communiques)) == 3


def test_a_news_report_of_a_communique_corroborates_it():
    communique = ev(
        "provider_statement",
        "2024-03-11T18:00",
        "provider",
        kind="provider",
        origin="document",
        precision="minute",
    )
    report = ev("provider_statement", "2024-03-11T18:00", "a", precision="part_of_day")
    assert of("provider_statement", SAME_NIGHT + [communique, report])[0].sources == 2


@pytest.fixture
def evening_statement():
    """A communiqué at 21:15, and a note at 19:10 that the company spoke "in the evening"."""
    communique = ev(
        "provider_statement",
        "2024-03-11T21:15",
        "provider",
        kind="provider",
        origin="document",
        precision="minute",
    )
    earlier = ev(
        "provider_statement",
        "2024-03-11T18:00",
        "a",
        precision="part_of_day",
        reported="2024-03-11T19:10",
    )
    return of("provider_statement", SAME_NIGHT + [communique, earlier])[0]


def test_a_statement_is_never_first_reported_before_it_was_made(evening_statement):
    assert evening_statement.first_reported == "2024-03-11T21:15:00+01:00"


def test_an_earlier_report_is_not_the_statements_source(evening_statement):
    assert evening_statement.sources == 1


def test_a_statement_only_one_newspaper_reports_is_not_a_moment():
    report = ev("provider_statement", "2024-03-12T09:00", "a", precision="part_of_day")
    assert of("provider_statement", SAME_NIGHT + [report]) == []


def test_the_first_supported_partial_restoration():
    items = [ev("restoration_partial", "2024-03-13T09:00", s) for s in ("a", "b")] + [
        ev("restoration_partial", "2024-03-14T09:00", s) for s in ("a", "b")
    ]
    assert [m.at[:10] for m in of("restoration_partial", SAME_NIGHT + items)] == ["2024-03-13"]


def test_full_restoration_comes_after_the_partial_one():
    items = [ev("restoration_partial", "2024-03-13T09:00", s) for s in ("a", "b")] + [
        ev("restoration_complete", "2024-03-12T09:00", "status", kind="status", precision="minute"),
        ev("restoration_complete", "2024-03-15T20:00", "status", kind="status", precision="minute"),
    ]
    assert [m.at[:10] for m in of("restoration_complete", SAME_NIGHT + items)] == ["2024-03-15"]


def communique(when, sentence, **extra):
    """A provider communiqué (its document) and one dateless claim of it, both at ``when``."""
    document = next(_ids) + 50_000
    return [
        ev(
            "provider_statement",
            when,
            "provider",
            kind="provider",
            origin="document",
            precision="minute",
            document=document,
            title="Comunicato",
            **extra,
        ),
        ev(
            "cause",
            when,
            "provider",
            kind="provider",
            origin="claim",
            precision="minute",
            sentence=sentence,
            document=document,
        ),
    ]


CAUSES = (
    communique("2024-03-11T18:00", "A causa di un problema imprevisto dei nostri server.")
    + communique("2024-03-12T17:00", "La causa è un bug nel firmware dello storage.")
    + communique("2024-03-20T10:00", "Il bug del firmware dei server è stato corretto.")
)


def test_the_cause_as_first_stated_is_a_moment():
    assert "2024-03-11T18:00:00+01:00" in [m.at for m in of("cause", SAME_NIGHT + CAUSES)]


def test_a_cause_stated_in_new_terms_is_a_moment():
    assert "2024-03-12T17:00:00+01:00" in [m.at for m in of("cause", SAME_NIGHT + CAUSES)]


def test_a_restated_cause_is_not_a_moment():
    assert "2024-03-20T10:00:00+01:00" not in [m.at for m in of("cause", SAME_NIGHT + CAUSES)]


def test_each_communique_of_the_causes_is_a_statement():
    assert len(of("provider_statement", SAME_NIGHT + CAUSES)) == 3


def test_a_denial_alone_is_not_a_cause():
    denial = ev(
        "cause",
        "2024-03-11T18:00",
        "provider",
        kind="provider",
        origin="claim",
        modality="negated",
        precision="minute",
        sentence="Non è stato un attacco hacker.",
    )
    assert of("cause", SAME_NIGHT + [denial]) == []


def test_deadline_is_the_promised_time():
    promise = ev(
        "deadline",
        "2024-03-12T17:00",
        "provider",
        kind="provider",
        until="2024-03-14T17:00",
        precision="days",
        modality="expected",
        reported="2024-03-12T17:00",
        value="PT48H",
    )
    assert of("deadline", SAME_NIGHT + [promise])[0].at == "2024-03-14T17:00:00+01:00"


def test_deadline_is_first_reported_when_promised():
    promise = ev(
        "deadline",
        "2024-03-12T17:00",
        "provider",
        kind="provider",
        until="2024-03-14T17:00",
        precision="days",
        modality="expected",
        reported="2024-03-12T17:00",
        value="PT48H",
    )
    assert of("deadline", SAME_NIGHT + [promise])[0].first_reported == "2024-03-12T17:00:00+01:00"


def test_two_associations_acting_the_same_day_are_two_actions():
    items = [
        ev(
            "consumer_action",
            "2024-03-12T00:00",
            s,
            precision="day",
            sentence="Il Codacons ha inviato oggi una diffida.",
        )
        for s in ("a", "b")
    ] + [
        ev(
            "consumer_action",
            "2024-03-12T11:00",
            "tutela",
            kind="consumer",
            origin="document",
            precision="minute",
            title="Diffida a Nuvola: Tutela Utenti chiede il ripristino",
        )
    ]
    assert len(of("consumer_action", SAME_NIGHT + items)) == 2


def test_government_and_parliament_the_same_day_are_two_actions():
    items = [
        ev(
            "regulator_action",
            "2024-03-12T09:00",
            s,
            precision="part_of_day",
            sentence="Stamattina Palazzo Chigi ha chiamato l'amministratore delegato.",
        )
        for s in ("a", "b")
    ] + [
        ev(
            "regulator_action",
            "2024-03-12T00:00",
            s,
            precision="day",
            sentence="In giornata un deputato ha scritto all'Autorità.",
        )
        for s in ("a", "c")
    ]
    assert len(of("regulator_action", SAME_NIGHT + items)) == 2


def test_compensation_confirmed_and_detailed_are_two_moments():
    items = [ev("compensation", "2024-03-20T10:00", s, precision="minute") for s in ("a", "b")] + [
        ev("compensation", "2024-03-28T10:00", s, precision="minute") for s in ("a", "provider")
    ]
    assert len(of("compensation", SAME_NIGHT + items)) == 2


@pytest.mark.parametrize("field", ["at", "earliest", "latest", "first_reported"])
def test_times_are_never_null(field):
    assert all(getattr(m, field) for m in moments(SAME_NIGHT))


def test_bounds_hold_the_estimate():
    assert all(m.earliest <= m.at <= m.latest for m in moments(SAME_NIGHT))
