"""A page's naive clock times are read in the page's own country zone when it states one."""

from zoneinfo import ZoneInfo

import pytest
from incident_timeline.extract import extract_article
from incident_timeline.extract.zones import page_zone

ROME = ZoneInfo("Europe/Rome")
CASES = [
    ("en-GB", "https://news.example.com/a", "Europe/London"),
    ("pt_PT", "https://x.example/a", "Europe/Lisbon"),
    ("en", "https://news.example.co.uk/a", "Europe/London"),
    ("en", "https://news.example.com/a", "Europe/Rome"),
    ("en-US", "https://news.example.com/a", "Europe/Rome"),
    (None, None, "Europe/Rome"),
    ("fi-FI", "https://uutiset.example.fi/a", "Europe/Helsinki"),
]


@pytest.mark.parametrize("locale, url, expected", CASES, ids=[f"{c[0]}|{c[1]}" for c in CASES])
def test_page_zone(locale, url, expected):
    assert page_zone(locale, url, ROME).key == expected


BRITISH = """<html lang="en-GB"><head><title>Webmail down</title></head><body><article>
<h1>Webmail down for thousands of customers</h1>
<p class="byline">Published 24 January 2023, 10:35</p>
<p>{}</p></article></body></html>""".format(
    "Customers could not open their inboxes for most of the day and the provider blamed a storage "
    "fault. " * 6
)


def test_british_byline_is_london_time():
    assert (
        extract_article(BRITISH, "https://news.example.com/tech/webmail").published
        == "2023-01-24T11:35:00+01:00"
    )


def test_offset_in_markup_wins_over_the_page_zone():
    html = BRITISH.replace(
        '<p class="byline">Published 24 January 2023, 10:35</p>',
        '<time datetime="2023-01-24T10:35:00+01:00">24 January</time>',
    )
    assert (
        extract_article(html, "https://news.example.com/tech/webmail").published
        == "2023-01-24T10:35:00+01:00"
    )
