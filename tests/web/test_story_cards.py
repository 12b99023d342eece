"""One card for moments that say the same thing at the same time (timeline/story.py)."""

import re

import pytest
from incident_timeline.story import Story

AT = "2023-01-25T16:40:00+01:00"
SAID = "Un difetto del sistema operativo ha reso inaccessibili le caselle."


def moment(id_, category, sources, at=AT, statement=SAID, conflict=0):
    return {
        "id": id_,
        "category": category,
        "at": at,
        "earliest": at,
        "latest": at,
        "precision": "minute",
        "statement": statement,
        "source_names": list(sources),
        "documents": [f"https://{s}.example/{id_}" for s in sources],
        "statement_url": f"https://{sources[0]}.example/{id_}",
        "statement_source": sources[0],
        "first_reported": at,
        "conflict": conflict,
    }


@pytest.fixture
def story():
    return Story(
        [
            moment(1, "provider_statement", ["aiuto", "giornale"]),
            moment(2, "cause", ["aiuto", "notiziario"]),
            moment(3, "consumer_action", ["consumatori"], statement="Una diffida."),
        ],
        {},
        tz="Europe/Rome",
        lang="en",
    )


def test_same_words_at_the_same_time_are_one_card(story):
    assert [[m["id"] for m in card] for card in story.cards()] == [[1, 2], [3]]


def test_the_card_shows_each_category(story):
    html = story.moments_html()
    first = html.split("</li>")[0]
    assert re.findall(r'class="cat cat-(\w+)"', first) == ["provider_statement", "cause"]


def test_the_quote_is_shown_once(story):
    assert story.moments_html().count(SAID) == 1


def test_every_moment_keeps_its_anchor(story):
    html = story.moments_html()
    assert all(f'id="moment-{n}"' in html for n in (1, 2, 3))


def test_the_card_lists_the_sources_of_both(story):
    first = story.moments_html().split("</li>")[0]
    assert "3 sources" in first


def test_the_report_heads_the_card_with_both(story):
    assert "— Provider statement · cause" in story.moments_markdown()


def test_different_times_stay_apart():
    later = "2023-01-25T18:00:00+01:00"
    story = Story([moment(1, "provider_statement", ["a"]), moment(2, "cause", ["b"], at=later)], {})
    assert len(story.cards()) == 2


def test_a_conflict_is_never_merged():
    story = Story(
        [
            moment(1, "outage_start", ["a"], conflict=1),
            moment(2, "outage_start", ["b"], conflict=1, at="2023-01-25T18:00:00+01:00"),
            moment(3, "cause", ["c"]),
        ],
        {},
    )
    assert [[m["id"] for m in card] for card in story.cards()] == [[1, 2], [3]]
