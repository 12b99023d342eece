"""The incident page's list of events as HTML (web/plugins/timeline_page.py: days_html and its
parts). Scraped text is hostile until escaped: every field of an event is tried with markup."""

import lxml.html
import pytest

HOSTILE = "<script>alert(1)</script>\"'&"
LINKS = {"documents": "/db/documents", "tz": "Europe/Rome"}


def event(**fields):
    base = {
        "id": 7,
        "document_id": 3,
        "happened_day": "2023-01-22",
        "happened_at": "2023-01-22T22:00:00+01:00",
        "happened_earliest": "2023-01-22T22:00:00+01:00",
        "happened_latest": "2023-01-22T22:59:59+01:00",
        "happened_precision": "hour",
        "modality": "happened",
        "origin": "text",
        "value": "2023-01-22T22:00",
        "mod": "APPROX",
        "text": "verso le 22",
        "earliest": "2023-01-22T22:00:00+01:00",
        "latest": "2023-01-22T22:59:59+01:00",
        "sentence": "Il guasto è iniziato verso le 22 di domenica.",
        "category": "outage_start",
        "actor": "users",
        "source": "cronaca",
        "kind": "news",
        "document_title": "Posta giù",
        "url": "https://cronaca.example/posta-giu",
        "published": "2023-01-23T09:10:00+01:00",
        "lang": "it",
        "archived_url": None,
        "moment_id": None,
    }
    return {**base, **fields}


def rendered(page, rows, lang="it", undated=(), max_rows=500):
    html, _, _ = page.days_html(rows, list(undated), lang, LINKS, max_rows)
    return lxml.html.fragment_fromstring(str(html))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://a.example/x", "https://a.example/x"),
        ("HTTP://A.example", "HTTP://A.example"),
        ("  http://a.example/  ", "http://a.example/"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("ftp://a.example/", None),
        ("//a.example/x", None),
        ("http://", None),
        ("http:///path", None),
        ("http://a.example/\nx", None),
        (None, None),
    ],
)
def test_http_url(page, value, expected):
    assert page.http_url(value) == expected


@pytest.mark.parametrize(
    "field",
    [
        "sentence",
        "text",
        "source",
        "document_title",
        "category",
        "actor",
        "value",
        "mod",
        "lang",
        "happened_at",
        "modality",
    ],
)
def test_scraped_field_is_escaped(page, field):
    html, _, _ = page.days_html([event(**{field: HOSTILE})], [], "it", LINKS, 500)
    assert "<script>" not in str(html)


def test_unsafe_url_is_not_a_link(page):
    tree = rendered(page, [event(url="javascript:alert(1)")])
    assert not tree.xpath("//a[contains(@href, 'javascript')]") and tree.xpath(
        "//span[@class='unlinked']"
    )


def test_source_is_linked(page):
    assert "https://cronaca.example/posta-giu" in rendered(page, [event()]).xpath(
        "//p[@class='source']/a/@href"
    )


def test_document_record_is_linked(page):
    assert rendered(page, [event()]).xpath("//a[@class='record']/@href") == ["/db/documents/3"]


def test_archived_copy_is_linked(page):
    tree = rendered(
        page, [event(archived_url="https://web.archive.org/web/2023/https://cronaca.example/x")]
    )
    assert tree.xpath("//a[@class='archived']/@href") == [
        "https://web.archive.org/web/2023/https://cronaca.example/x"
    ]


def test_unsafe_archived_url_is_not_a_link(page):
    assert not rendered(page, [event(archived_url="javascript:x")]).xpath("//a[@class='archived']")


def test_expression_is_marked_in_its_sentence(page):
    assert rendered(page, [event()]).xpath("//blockquote/mark/text()") == ["verso le 22"]


def test_time_as_precisely_as_known(page):
    assert rendered(page, [event()]).xpath("//div[contains(@class, 'when')]/time/text()") == [
        "verso le 22:00"
    ]


@pytest.mark.parametrize(
    "precision, at, expected",
    [
        ("minute", "2023-01-22T22:15:00+01:00", "22:15"),
        ("part_of_day", "2023-01-22T21:00:00+01:00", "sera"),
        ("part_of_day", "2023-01-22T03:00:00+01:00", "notte"),
        ("day", "2023-01-22T00:00:00+01:00", None),
    ],
)
def test_time_by_precision(page, precision, at, expected):
    times = rendered(page, [event(happened_precision=precision, happened_at=at)]).xpath(
        "//div[contains(@class, 'when')]/time/text()"
    )
    assert times == ([expected] if expected else [])


def test_time_in_the_incidents_timezone(page):
    # 21:15 UTC is 22:15 in Rome in January
    tree = rendered(
        page, [event(happened_precision="minute", happened_at="2023-01-22T21:15:00+00:00")]
    )
    assert tree.xpath("//div[contains(@class, 'when')]/time/text()") == ["22:15"]


def test_day_heading(page):
    assert rendered(page, [event()]).xpath("//h3/time/text()") == ["domenica 22 gennaio 2023"]


def test_day_heading_counts_its_events(page):
    assert rendered(page, [event(), event(id=8)]).xpath("//span[@class='day-count']/text()") == [
        "2 eventi"
    ]


def test_one_event_counted_in_the_singular(page):
    assert rendered(page, [event()]).xpath("//span[@class='day-count']/text()") == ["1 evento"]


def test_english_labels(page):
    assert rendered(page, [event()], "en").xpath("//span[contains(@class, 'cat ')]/text()") == [
        "outage start"
    ]


def test_mentioned_date_shown_when_it_is_not_when_it_happened(page):
    promise = event(
        category="deadline",
        text="entro 48 ore",
        mod="BEFORE",
        value="2023-01-26",
        earliest="2023-01-26T00:00:00+01:00",
        latest="2023-01-26T23:59:59+01:00",
        sentence="Ripristino entro 48 ore.",
        modality="expected",
        happened_precision="minute",
        happened_at="2023-01-24T20:30:00+01:00",
        happened_earliest="2023-01-24T20:30:00+01:00",
        happened_latest="2023-01-24T20:30:00+01:00",
    )
    assert rendered(page, [promise]).xpath("//p[@class='mentioned']/text()") == [
        "riferito a «entro 48 ore» (entro il 26 gen)"
    ]


def test_no_mentioned_date_when_it_is_when_it_happened(page):
    assert not rendered(page, [event()]).xpath("//p[@class='mentioned']")


def test_expected_modality_is_said(page):
    assert rendered(page, [event(modality="expected")]).xpath(
        "//span[contains(@class, 'modality')]/text()"
    ) == ["previsto"]


def test_reports_of_one_moment_on_one_day_are_one_entry(page):
    rows = [event(id=n, source=f"fonte-{n}", moment_id=3) for n in (1, 2)]
    tree = rendered(page, rows)
    assert (
        len(tree.xpath("//li[contains(@class, 'report')]")),
        tree.xpath("//span[@class='corroboration']/text()"),
    ) == (2, ["2 fonti"])


def test_grouped_entry_links_to_its_key_moment(page):
    tree = rendered(page, [event(id=n, moment_id=3) for n in (1, 2)])
    assert tree.xpath("//a[@class='to-moment']/@href") == ["#moment-3"]


def test_events_without_a_category_are_folded_not_dropped(page):
    tree = rendered(page, [event(), event(id=8, category="other")])
    assert tree.xpath("//details[@class='others']//li[contains(@class, 'event')]/@id") == [
        "event-8"
    ]


def test_every_event_is_listed(page):
    rows = [
        event(id=n, moment_id=1 if n < 3 else None, category="other" if n == 5 else "outage_start")
        for n in range(1, 7)
    ]
    assert len(rendered(page, rows).xpath("//li[contains(@class, 'event')]")) == 6


def test_events_without_a_day_come_last(page):
    tree = rendered(
        page,
        [event()],
        undated=[event(id=9, happened_day=None, happened_at=None, happened_precision=None)],
    )
    assert tree.xpath("//li[@class='day']/@data-day") == ["2023-01-22", ""]


def test_a_full_page_leaves_its_last_day_for_the_next(page):
    rows = [event(id=1), event(id=2, happened_day="2023-01-23")]
    html, following, shown = page.days_html(rows, [], "it", LINKS, max_rows=2)
    assert (following, shown) == ({"from": "2023-01-23", "skip": 0}, 1)


def test_a_day_longer_than_a_page_goes_on_over_several(page):
    html, following, shown = page.days_html(
        [event(id=1), event(id=2)], [], "it", LINKS, max_rows=2, skip=4
    )
    assert (following, shown) == ({"from": "2023-01-22", "skip": 6}, 2)


def test_a_full_page_shows_no_undated_events(page):
    html, _, shown = page.days_html(
        [event(id=1), event(id=2, happened_day="2023-01-23")],
        [event(id=9, happened_day=None)],
        "it",
        LINKS,
        max_rows=2,
    )
    assert "day-unknown" not in str(html)
