"""A document's row page reads as a document (web/templates/row.html)."""

import lxml.html
import pytest

from tests.web.conftest import JANUARY

NORD_28 = 6  # "Posta Rapida, tutte le caselle di nuovo accessibili", quotidiano-nord, 28 January
HOSTILE = 8


@pytest.fixture
async def record(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents/{NORD_28}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def text(tree, xpath) -> str:
    return " ".join(" ".join(node.text_content().split()) for node in tree.xpath(xpath))


async def test_title(record):
    assert text(record, "//article//h1") == "Posta Rapida, tutte le caselle di nuovo accessibili"


async def test_source_and_time_in_the_incidents_timezone(record):
    assert (
        text(record, "//p[@class='document-meta']")
        == "quotidiano-nord (news) · pubblicato sabato 28 gen, 21:15"
    )


async def test_link_to_the_original(record):
    assert record.xpath("//a[@class='original']/@href") == [
        "https://quotidianonord.example/tecnologia/28_gennaio_23/posta-tornata.shtml"
    ]


async def test_link_back_to_the_incident(record):
    assert record.xpath("//p[@class='incident-kicker']/a/@href") == [f"/incidents/{JANUARY}"]


async def test_link_to_its_events(record, db_name):
    assert record.xpath("//a[@class='events-table']/@href") == [
        f"/{db_name}/events?document_id={NORD_28}"
    ]


async def test_text_at_reading_width(record):
    assert "tutte le caselle erano di nuovo accessibili" in text(
        record, "//div[@class='document-text']"
    )


async def test_its_events(record):
    assert record.xpath("//ol[@class='document-events']/li/@id") == [
        "event-11",
        "event-12",
        "event-13",
    ]


async def test_event_time_as_precisely_as_known(record):
    assert text(record, "//li[@id='event-11']/time") == "sabato 28 gen, 20:30"


async def test_no_archive_link_without_an_archived_copy(record):
    assert not record.xpath("//a[@class='archived']")


async def test_archived_copy_linked_where_one_exists(db_path, tmp_path):
    import shutil
    import sqlite3

    from incident_timeline.serve import database_name, datasette_for

    copy = tmp_path / "archived.db"
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute(
        "update documents set archived_url = ? where id = ?",
        ["https://web.archive.org/web/20230129/https://quotidianonord.example/x", NORD_28],
    )
    conn.commit()
    conn.close()
    ds = datasette_for(copy)
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/{database_name(copy)}/documents/{NORD_28}")).text
    )
    assert tree.xpath("//a[@class='archived']/@href") == [
        "https://web.archive.org/web/20230129/https://quotidianonord.example/x"
    ]


async def test_unsafe_url_is_not_a_link(ds, db_name):
    tree = lxml.html.fromstring((await ds.client.get(f"/{db_name}/documents/{HOSTILE}")).text)
    assert not tree.xpath("//a[@class='original']") and "javascript:" not in " ".join(
        tree.xpath("//a/@href")
    )


async def test_in_english(ds, db_name):
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/{db_name}/documents/{NORD_28}?lang=en")).text
    )
    assert (
        text(tree, "//p[@class='document-meta']")
        == "quotidiano-nord (news) · published Saturday 28 Jan, 21:15"
    )


async def test_other_tables_keep_datasettes_row_page(ds, db_name):
    response = await ds.client.get(f"/{db_name}/events/11")
    assert response.status_code == 200 and 'class="document-record"' not in response.text
