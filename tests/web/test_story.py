"""The words of moments (timeline/labels.py) and the story told from key moments
(timeline/story.py): the outage sentence, conflicts, sources."""

import pytest
from incident_timeline.labels import counted, moment_label
from incident_timeline.story import Story

ROME = "Europe/Rome"


def moment(
    id_, category, at, precision="minute", conflict=0, sources=("a",), earliest=None, latest=None
):
    return {
        "id": id_,
        "incident": "x",
        "category": category,
        "at": at,
        "earliest": earliest or at,
        "latest": latest or at,
        "precision": precision,
        "statement": f"frase {id_}",
        "sources": len(sources),
        "source_names": list(sources),
        "documents": [f"https://{s}.example/{id_}" for s in sources],
        "statement_url": f"https://{sources[0]}.example/{id_}",
        "statement_source": sources[0],
        "first_reported": at,
        "conflict": conflict,
        "events": 1,
    }


@pytest.mark.parametrize(
    "precision, style, expected",
    [
        ("minute", "long", "domenica 22 gen, 22:15"),
        ("minute", "short", "22 gen 22:15"),
        ("minute", "clock", "22:15"),
        ("minute", "sentence", "domenica 22 gennaio alle 22:15"),
        ("hour", "long", "domenica 22 gen, verso le 22:00"),
        ("hour", "short", "22 gen ~22:00"),
        ("part_of_day", "long", "domenica 22 gen, sera"),
        ("part_of_day", "sentence", "domenica 22 gennaio in serata"),
        ("day", "long", "domenica 22 gen"),
        ("day", "clock", ""),
        ("month", "long", "gennaio 2023"),
        ("month", "sentence", "a gennaio 2023"),
    ],
)
def test_moment_label_italian(precision, style, expected):
    assert (
        moment_label("2023-01-22T22:15:00+01:00", precision, tz=ROME, lang="it", style=style)
        == expected
    )


@pytest.mark.parametrize(
    "precision, style, expected",
    [
        ("minute", "sentence", "on Sunday 22 January at 22:15"),
        ("hour", "clock", "about 22:00"),
        ("part_of_day", "long", "Sunday 22 Jan, evening"),
        ("week", "long", "week of 16 Jan"),
    ],
)
def test_moment_label_english(precision, style, expected):
    assert (
        moment_label("2023-01-22T22:15:00+01:00", precision, tz=ROME, lang="en", style=style)
        == expected
    )


def test_days_give_both_ends():
    assert (
        moment_label(
            "2023-01-26T00:00:00+01:00",
            "days",
            "2023-01-26T00:00:00+01:00",
            "2023-01-28T23:59:59+01:00",
            tz=ROME,
            style="sentence",
        )
        == "tra il 26 e il 28 gennaio"
    )


def test_moment_in_the_incidents_timezone():
    # 03:30 UTC on 12 March 2024 is 23:30 on 11 March in New York (daylight time)
    assert (
        moment_label(
            "2024-03-12T03:30:00+00:00", "minute", tz="America/New_York", lang="en", style="short"
        )
        == "11 Mar 23:30"
    )


@pytest.mark.parametrize("n, expected", [(0, "0 voci"), (1, "1 voce"), (2, "2 voci")])
def test_counted_agrees_with_the_number(n, expected):
    assert counted(n, "voce", "voci") == expected


@pytest.fixture
def story():
    return Story(
        [
            moment(
                1,
                "outage_start",
                "2023-01-22T22:00:00+01:00",
                "hour",
                conflict=1,
                sources=("a", "b"),
            ),
            moment(
                2, "outage_start", "2023-01-23T08:15:00+01:00", "minute", conflict=1, sources=("c",)
            ),
            moment(3, "restoration_partial", "2023-01-26T16:00:00+01:00", "hour"),
            moment(
                4, "restoration_complete", "2023-01-28T20:30:00+01:00", "minute", sources=("d", "e")
            ),
            moment(5, "cause", "2023-01-24T20:30:00+01:00"),
        ],
        tz=ROME,
    )


def test_moments_in_time_order(story):
    assert [m["id"] for m in story.moments] == [1, 2, 5, 3, 4]


def test_conflicting_moments_are_one_group(story):
    assert [[m["id"] for m in group] for group in story.groups()] == [[1, 2], [5], [3], [4]]


def test_sentence_states_the_disagreement_with_each_sides_sources(story):
    assert story.sentence_text().startswith(
        "Le fonti non concordano sull'inizio del disservizio: domenica 22 gennaio verso le 22:00 "
        "(2 fonti: a, b) oppure lunedì 23 gennaio alle 08:15 (1 fonte: c)"
    )


def test_sentence_gives_partial_and_full_restoration(story):
    assert story.sentence_text().endswith(
        "il servizio è tornato in parte giovedì 26 gennaio verso le 16:00 (1 fonte) e del tutto "
        "sabato 28 gennaio alle 20:30 (2 fonti)."
    )


def test_sentence_links_each_source_to_its_document(story):
    assert '<a href="https://c.example/2"' in story.sentence_html()


def test_sentence_links_a_single_version_to_its_moment(story):
    assert '<a href="#moment-4">2 fonti</a>' in story.sentence_html()


def test_sentence_without_restoration():
    story = Story([moment(1, "outage_start", "2023-06-13T21:00:00+02:00", "part_of_day")], tz=ROME)
    assert story.sentence_text() == (
        "Il disservizio è iniziato martedì 13 giugno in serata (1 fonte); "
        "nessuna fonte riporta ancora il ripristino completo."
    )


def test_sentence_in_english():
    story = Story(
        [
            moment(1, "outage_start", "2024-03-11T23:00:00+00:00", "hour"),
            moment(2, "restoration_complete", "2024-03-14T21:00:00-04:00", "part_of_day"),
        ],
        tz="America/New_York",
        lang="en",
    )
    assert story.sentence_text() == (
        "The outage began on Monday 11 March at about 19:00 (1 source); "
        "service was fully restored on Thursday 14 March in the evening (1 source)."
    )


def test_no_sentence_without_outage_moments():
    assert Story([moment(1, "cause", "2023-01-24T20:30:00+01:00")], tz=ROME).sentence() == []


def test_moments_html_marks_the_conflict(story):
    assert story.moments_html().count('class="moment conflict cat-outage_start"') == 1


def test_moments_html_escapes_the_statement():
    hostile = moment(1, "cause", "2023-01-24T20:30:00+01:00")
    hostile["statement"] = "<script>alert(1)</script>"
    assert "<script>" not in Story([hostile], tz=ROME).moments_html()


def test_unsafe_source_url_is_not_a_link():
    hostile = moment(1, "cause", "2023-01-24T20:30:00+01:00")
    hostile["statement_url"] = "javascript:alert(1)"
    hostile["documents"] = ["javascript:alert(1)"]
    assert "javascript:" not in Story([hostile], tz=ROME).moments_html()


def test_markdown_escapes_markup_in_quotes():
    hostile = moment(1, "cause", "2023-01-24T20:30:00+01:00")
    hostile["statement"] = "[click](javascript:alert(1)) *bold*"
    assert (
        r"«\[click\](javascript:alert(1)) \*bold\*»" in Story([hostile], tz=ROME).moments_markdown()
    )


def test_period_line(story):
    assert story.period_line() == "Disservizio dal 22 gen ~22:00 o 23 gen 08:15 al 28 gen 20:30"


def test_disagreements(story):
    category, pieces = story.disagreements()[0]
    assert category == "outage_start" and len(pieces) > 4


def test_a_month_long_start_does_not_open_the_period_when_a_day_is_known():
    story = Story(
        [
            moment(1, "outage_start", "2023-01-01T00:00:00+01:00", "month"),
            moment(2, "outage_start", "2023-06-13T21:00:00+02:00", "part_of_day"),
        ],
        tz=ROME,
    )
    assert story.period()["outage_start"][0]["id"] == 2


def test_a_month_long_start_opens_the_period_when_it_is_all_there_is():
    story = Story([moment(1, "outage_start", "2023-01-01T00:00:00+01:00", "month")], tz=ROME)
    assert story.sentence_text().startswith("Il disservizio è iniziato a gennaio 2023")
