"""The incident page's entries as HTML (web/plugins/timeline_page.py: sections_html and its parts).

Scraped text is hostile until escaped: every field of an event is tried with markup in it.
"""

import lxml.html
import pytest

HOSTILE = '<script>alert(1)</script>"\'&'


def event(**fields):
    base = {"id": 7, "day": "2023-01-22", "earliest": "2023-01-22T22:00:00+01:00", "latest": None,
            "value": "2023-01-22T22:00", "type": "TIME", "mod": "APPROX", "text": "verso le 22",
            "sentence": "Il guasto è iniziato verso le 22 di domenica.", "category": "outage_start",
            "actor": "users", "source": "cronaca", "kind": "news", "document_title": "Posta giù",
            "url": "https://cronaca.example/posta-giu", "published": "2023-01-23T09:10:00+01:00",
            "happening_id": None, "corroborating_sources": None, "day_sources": None, "disagreement": 0}
    return {**base, **fields}


def rendered(page, rows, lang="it"):
    view = page.timeline_view([], rows, [], {"window_start": "2023-01-15"}, lang)
    return lxml.html.fragment_fromstring(str(page.sections_html(view["main"], lang)))


@pytest.mark.parametrize("value, expected", [
    ("https://a.example/x", "https://a.example/x"), ("HTTP://A.example", "HTTP://A.example"),
    ("  http://a.example/  ", "http://a.example/"), ("javascript:alert(1)", None),
    ("data:text/html,x", None), ("ftp://a.example/", None), ("//a.example/x", None),
    ("http://", None), ("http:///path", None), ("http://a.example/\nx", None), (None, None),
])
def test_http_url(page, value, expected):
    assert page.http_url(value) == expected


@pytest.mark.parametrize("field", ["sentence", "text", "source", "document_title", "category", "actor", "value", "mod"])
def test_scraped_field_is_escaped(page, field):
    html = str(page.sections_html(page.timeline_view([], [event(**{field: HOSTILE})], [], None, "it")["main"]))
    assert "<script>" not in html


def test_unsafe_url_is_not_a_link(page):
    tree = rendered(page, [event(url="javascript:alert(1)")])
    assert not tree.xpath("//a[contains(@href, 'javascript')]") and tree.xpath("//span[@class='unlinked']")


def test_source_is_linked(page):
    assert rendered(page, [event()]).xpath("//p[@class='source']/a/@href") == ["https://cronaca.example/posta-giu"]


def test_expression_is_marked_in_its_sentence(page):
    assert rendered(page, [event()]).xpath("//blockquote/mark/text()") == ["verso le 22"]


def test_approximate_time_in_words(page):
    assert rendered(page, [event()]).xpath("//div[contains(@class, 'when')]/time/text()") == ["verso le 22:00"]


def test_day_heading(page):
    assert rendered(page, [event()]).xpath("//h2/time/text()") == ["domenica 22 gennaio 2023"]


def test_english_labels(page):
    assert rendered(page, [event()], "en").xpath("//span[contains(@class, 'cat ')]/text()") == ["outage start"]


def test_happening_lists_every_report(page):
    rows = [event(id=n, source=f"fonte-{n}", happening_id=3, corroborating_sources=2) for n in (1, 2)]
    tree = rendered(page, rows)
    assert (len(tree.xpath("//li[contains(@class, 'report')]")), tree.xpath("//span[@class='corroboration']/text()")) \
        == (2, ["2 fonti"])


def test_disagreement_links_each_claimed_day(page):
    claims = '{"2023-01-22": ["a", "b"], "2023-01-23": ["c"]}'
    rows = [event(id=n, source=s, happening_id=3, corroborating_sources=3, day_sources=claims) for n, s in ((1, "a"), (2, "b"))]
    assert rendered(page, rows).xpath("//span[@class='disagreement-note']/a/@href") == ["#h3-2023-01-22", "#h3-2023-01-23"]


@pytest.mark.parametrize("n, lang, expected", [(1, "it", "1 fonte"), (2, "it", "2 fonti"), (1, "en", "1 source"), (3, "en", "3 sources")])
def test_n_sources(page, n, lang, expected):
    assert page.n_sources(n, lang) == expected
