"""Scraped content is hostile: markup and javascript: URLs are served inert everywhere."""

import json

import pytest

JANUARY = "postarapida-2023-01"
RAW = ["<script>alert(1)</script>", "<img src=x onerror", 'href="javascript:']


@pytest.fixture(
    params=[
        "/{db}/documents",
        "/{db}/documents?_search=guasto",
        "/{db}/events?source=sito-ostile",
        "/{db}/timeline?incident=" + JANUARY,
        "/{db}/search?q=guasto",
        "/{db}/statements",
        "/{db}/key_moments",
        "/{db}/documents/8",
        "/{db}/key_moments?incident=" + JANUARY,
        "/incidents/" + JANUARY,
        "/",
    ]
)
async def html_page(request, ds, db_name):
    response = await ds.client.get(request.param.format(db=db_name))
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("raw", RAW)
async def test_html_pages_escape(html_page, raw):
    assert raw not in html_page


async def test_escaped_text_still_visible_on_incident_page(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


async def test_javascript_url_not_a_link_on_incident_page(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}")
    assert '<span class="unlinked">sito-ostile</span>' in response.text


async def test_atom_escapes(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.atom?incident={JANUARY}&source=sito-ostile"
    )
    assert "<script>" not in response.text


async def test_atom_has_no_javascript_link(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.atom?incident={JANUARY}&source=sito-ostile"
    )
    entry = response.text.split("<entry>")[1]
    assert "<link" not in entry and "javascript:" not in entry


async def test_jsonfeed_body_has_no_raw_markup(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.jsonfeed?incident={JANUARY}&source=sito-ostile"
    )
    assert "<script" not in response.text


async def test_jsonfeed_content_html_is_escaped(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.jsonfeed?incident={JANUARY}&source=sito-ostile"
    )
    assert "&lt;script&gt;" in json.loads(response.text)["items"][0]["content_html"]


async def test_jsonfeed_has_no_javascript_url(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/timeline.jsonfeed?incident={JANUARY}&source=sito-ostile"
    )
    assert "url" not in json.loads(response.text)["items"][0]


async def test_search_snippet_keeps_only_mark(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search?q=guasto")
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text
