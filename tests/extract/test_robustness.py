"""extract_article never raises on bad HTML; only a wrong argument type is an error."""

from datetime import UTC, datetime

import pytest
from incident_timeline.extract import Article, extract_article

BAD = {
    "empty-bytes": b"",
    "empty-str": "",
    "whitespace": "   \n ",
    "binary": bytes(range(256)) * 20,
    "nul-bytes": b"<html>\x00\x00<body>\x00</body>",
    "truncated": (
        "<html><head><title>Mail giù</title></head><body><article><h1>Mail giù da "
        "domenica</h1><p>Pubblicato il 24/01/2023 alle"
    ),
    "only-text": "just some words, no markup at all",
    "xml-declaration": (
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>ciao</p></body></html>'
    ),
    "broken-jsonld": (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        "</script><h1>Titolo</h1>"
    ),
    "deep-nesting": "<div>" * 3000 + "testo" + "</div>" * 3000,
    "bad-dates": (
        '<meta property="article:published_time" content="2023-13-45T99:99"><time '
        'datetime="yesterday">ieri</time><h1>Titolo di prova</h1>'
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_html_returns_article(name):
    article = extract_article(BAD[name])
    assert isinstance(article, Article)
    assert isinstance(article.text, str)


def test_truncated_page_keeps_what_it_can():
    article = extract_article(BAD["truncated"])
    assert article.title == "Mail giù da domenica"


@pytest.mark.parametrize("value", [None, 42, ["<p>"], {"html": ""}])
def test_wrong_html_type(value):
    with pytest.raises(TypeError):
        extract_article(value)


def test_wrong_url_type():
    with pytest.raises(TypeError):
        extract_article("<p>x</p>", url=123)


def test_wrong_now_type():
    with pytest.raises(TypeError):
        extract_article("<p>x</p>", now="2023-01-01")


def test_to_dict_has_contract_fields():
    keys = extract_article("<h1>Un titolo qualsiasi</h1>").to_dict().keys()
    assert {
        "title",
        "author",
        "published",
        "updated",
        "published_precision",
        "lang",
        "text",
        "is_listing",
    } <= set(keys)


def test_other_timezone():
    html = (
        '<meta property="article:published_time" content="2023-01-24T23:30:00Z">'
        "<h1>Un titolo qualsiasi</h1>"
    )
    assert extract_article(html, timezone="Europe/London").published == "2023-01-24T23:30:00+00:00"
    assert extract_article(html).published == "2023-01-25T00:30:00+01:00"


def test_future_dates_are_ignored_relative_to_now():
    html = (
        '<meta property="article:published_time" content="2023-03-01T10:00:00+01:00">'
        "<h1>Un titolo qualsiasi</h1><p>Pubblicato il 20/01/2023 alle 10:00</p>"
    )
    now = datetime(2023, 2, 1, tzinfo=UTC)
    assert extract_article(html, now=now).published == "2023-01-20T10:00:00+01:00"


def test_date_only_is_midnight_with_day_precision():
    article = extract_article(
        '<meta property="article:published_time" content="2023-01-24"><h1>Un titolo qualsiasi</h1>'
    )
    assert (article.published, article.published_precision) == ("2023-01-24T00:00:00+01:00", "day")


def test_summer_offset():
    article = extract_article(
        '<meta property="article:published_time" content="2023-06-14T06:30:00Z"><h1>Un titolo '
        "qualsiasi</h1>"
    )
    assert article.published == "2023-06-14T08:30:00+02:00"
