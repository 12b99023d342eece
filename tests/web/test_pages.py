"""The home page and the incident page (/incidents/<slug>) through Datasette, on the test
database (tests/web/conftest.py) and on another incident's (English, New York time)."""

import re
import sqlite3
from pathlib import Path

import lxml.html
import pytest

from tests.web.conftest import JANUARY, JUNE, NORTHMAIL

OLD_RELEASE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0.db"


@pytest.fixture
async def page(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


@pytest.fixture
async def home(ds):
    response = await ds.client.get("/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def text(tree, xpath) -> str:
    return " ".join(" ".join(node.text_content().split()) for node in tree.xpath(xpath))


def event_count(db_path, incident) -> int:
    return (
        sqlite3.connect(db_path)
        .execute("select count(*) from events where incident = ?", [incident])
        .fetchone()[0]
    )


# --- home -----------------------------------------------------------------------------------


async def test_home_lists_both_incidents(home):
    assert home.xpath("//a[@class='incident-link']/@href") == [
        f"/incidents/{JUNE}",
        f"/incidents/{JANUARY}",
    ]


@pytest.mark.parametrize("incident", [JANUARY, JUNE])
async def test_home_event_count_is_the_one_count(home, db_path, incident):
    card = home.xpath(f"//li[a/@href='/incidents/{incident}']")[0]
    assert (
        text(card, ".//span[@class='count-events']") == f"{event_count(db_path, incident)} eventi"
    )


async def test_home_document_count(home):
    assert (
        text(
            home.xpath(f"//li[a/@href='/incidents/{JANUARY}']")[0],
            ".//span[@class='count-documents']",
        )
        == "8 documenti"
    )


async def test_home_gives_the_outage_period(home):
    card = home.xpath(f"//li[a/@href='/incidents/{JANUARY}']")[0]
    assert (
        text(card, ".//p[@class='incident-period']")
        == "Disservizio dal 22 gen ~22:00 o 23 gen notte al 28 gen 20:30"
    )


async def test_home_no_link_to_itself(home):
    assert "/" not in home.xpath("//div[@class='content']//a/@href") + home.xpath(
        "//section[@class='content']//a/@href"
    )


async def test_home_search_goes_to_the_ranked_search(home, db_name):
    assert home.xpath("//form[@class='home-search']/@action") == [f"/{db_name}/search"]


async def test_home_is_in_one_language(home):
    content = text(home, "//section[@class='content']")
    assert "Incidenti" in content and not re.search(r"\b(Incidents|Search|events)\b", content)


async def test_home_in_english(ds):
    tree = lxml.html.fromstring((await ds.client.get("/?lang=en")).text)
    content = text(tree, "//section[@class='content']")
    assert "Incidents" in content and not re.search(r"\b(Incidenti|eventi|Cerca)\b", content)


async def test_home_data_licence_is_not_the_codes(home):
    footer = text(home, "//footer")
    assert "fatti e brevi citazioni" in footer and "Codice: Apache-2.0" in footer


# --- the incident page: top ----------------------------------------------------------------


async def test_page_title(page):
    assert text(page, "//h1") == "Posta Rapida: la posta non funziona (gennaio 2023)"


async def test_page_link_back_home(page):
    assert page.xpath("//p[@class='incident-kicker']/a/@href") == ["/"]


async def test_outage_period_in_one_sentence(page):
    assert text(page, "//p[@class='outage-period']").startswith(
        "Le fonti non concordano sull'inizio del disservizio: domenica 22 gennaio verso le 22:00 "
        "(2 fonti: cronaca-digitale, sito-ostile) oppure nella notte di lunedì 23 gennaio "
        "(2 fonti: quotidiano-nord, postarapida-aiuto)"
    )


async def test_outage_sentence_gives_restoration(page):
    assert text(page, "//p[@class='outage-period']").endswith(
        "il servizio è tornato in parte giovedì 26 gennaio verso le 16:00 (2 fonti) e del tutto "
        "sabato 28 gennaio alle 20:30 (1 fonte)."
    )


async def test_outage_sentence_never_links_a_javascript_url(page):
    assert not [
        h
        for h in page.xpath("//p[@class='outage-period']//a/@href")
        if not h.startswith(("https:", "#"))
    ]


@pytest.mark.parametrize("incident", [JANUARY, JUNE])
async def test_page_event_count_is_the_one_count(ds, db_path, incident):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{incident}")).text)
    assert text(tree, "//span[@class='count-events']") == f"{event_count(db_path, incident)} eventi"


@pytest.mark.parametrize("incident", [JANUARY, JUNE])
async def test_page_lists_every_event(ds, db_path, incident):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{incident}")).text)
    ids = tree.xpath("//section[@class='chronology']//li[contains(@class, 'event')]/@id")
    expected = (
        sqlite3.connect(db_path)
        .execute("select id from events where incident = ?", [incident])
        .fetchall()
    )
    assert sorted(ids) == sorted(f"event-{i}" for (i,) in expected)


async def test_overview_drawn_on_the_server(page):
    assert page.xpath("//section[@class='overview-section']//*[local-name()='svg']")


async def test_overview_marks_every_key_moment(page):
    marks = page.xpath("//*[local-name()='g'][@class='mark']/@data-category")
    assert marks == [
        "outage_start",
        "outage_start",
        "provider_statement",
        "cause",
        "deadline",
        "regulator_action",
        "consumer_action",
        "restoration_partial",
        "restoration_complete",
    ]


async def test_key_moments_in_time_order(page):
    times = page.xpath("//section[@class='key-moments']//time/@datetime")
    assert times == sorted(times) and len(times) == 9


async def test_key_moment_gives_precision(page):
    assert "precisione: parte del giorno" in text(page, "//li[@id='moment-2']")


async def test_key_moment_quotes_its_source(page):
    assert "«Sabato 28 gennaio alle 20:30 tutte le caselle erano di nuovo accessibili.»" in text(
        page, "//li[@id='moment-9']"
    )


async def test_key_moment_conflict_shown_as_such(page):
    conflict = page.xpath("//li[contains(@class, 'conflict')]")[0]
    assert (
        "le fonti non concordano" in text(conflict, ".")
        and len(conflict.xpath(".//ol[@class='alternatives']/li")) == 2
    )


async def test_key_moment_links_its_day(page):
    assert page.xpath("//li[@id='moment-9']//a[time]/@href") == ["#day-2023-01-28"]


async def test_key_moments_hidden_when_filtering(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=deadline")
    assert 'class="key-moments"' not in response.text


# --- the incident page: every event by the day it happened ---------------------------------


async def test_days_in_order(page):
    days = page.xpath("//li[@class='day']/@data-day")
    assert days == [
        "2023-01-22",
        "2023-01-23",
        "2023-01-24",
        "2023-01-25",
        "2023-01-26",
        "2023-01-28",
        "2023-01-30",
        "",
    ]


async def test_events_without_a_day_come_last(page):
    last = page.xpath("//li[@class='day']")[-1]
    assert text(last, ".//h3/time") == "Data non nota" and "rimborso" in text(last, ".")


async def test_event_filed_under_the_day_it_happened(page):
    # the interval 26–28 January is filed under the day it was reported, the 28th
    assert page.xpath("//li[@id='event-12']/ancestor::li[@class='day']/@data-day") == ["2023-01-28"]


async def test_mentioned_date_when_it_differs(page):
    assert (
        text(page, "//li[@id='event-4']//p[@class='mentioned']")
        == "riferito a «entro le prossime 48 ore» (entro il 26 gen)"
    )


async def test_time_at_minute_precision(page):
    assert text(page, "//li[@id='event-11']//div[contains(@class, 'when')]") == "20:30"


async def test_time_at_hour_precision(page):
    assert text(page, "//li[@id='event-8']//div[contains(@class, 'when')]") == "verso le 16:00"


async def test_part_of_day(page):
    assert text(page, "//li[@id='event-9']//div[contains(@class, 'when')]") == "mattina"


async def test_reports_of_one_moment_grouped(page):
    entry = page.xpath("//li[contains(@class, 'happening')][.//li[@id='event-2']]")[0]
    assert "Tutte le citazioni (2)" in text(entry, ".//summary")


async def test_source_links_its_record(page, db_name):
    assert page.xpath("//li[@id='event-11']//a[@class='record']/@href") == [
        f"/{db_name}/documents/6"
    ]


async def test_category_filter(ds):
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/incidents/{JANUARY}?category=restoration_partial")).text
    )
    assert (
        tree.xpath("//li[contains(@class, 'event')]/@data-category") == ["restoration_partial"] * 2
    )


async def test_source_filter(ds):
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/incidents/{JANUARY}?source=consumatori-uniti")).text
    )
    assert set(tree.xpath("//li[contains(@class, 'event')]/@data-source")) == {"consumatori-uniti"}


async def test_other_category_shown_when_asked(ds):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{JANUARY}?category=other")).text)
    assert tree.xpath("//li[contains(@class, 'event')]/@id") == ["event-13"] and not tree.xpath(
        "//details[@class='others']"
    )


async def test_filter_selected_in_form(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=deadline")
    assert '<option value="deadline" selected>' in response.text


async def test_unknown_filter_value_is_empty_not_an_error(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?category=%27%3B+drop+table+events")
    assert response.status_code == 200 and "Nessun evento con questi filtri." in response.text


async def test_date_range(ds):
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/incidents/{JANUARY}?from=2023-01-25&to=2023-01-26")).text
    )
    assert tree.xpath("//li[@class='day']/@data-day") == ["2023-01-25", "2023-01-26"]


@pytest.mark.parametrize(
    "written",
    [
        "25/01/2023",
        "25 gennaio 2023",
        "25 gen 2023",
        "January 25, 2023",
        "2023-01-25T10:00",
        "mercoledì 25 gennaio 2023",
    ],
)
async def test_date_range_in_other_forms(ds, written):
    tree = lxml.html.fromstring(
        (await ds.client.get(f"/incidents/{JANUARY}", params={"from": written, "to": written})).text
    )
    assert tree.xpath("//li[@class='day']/@data-day") == ["2023-01-25"]


@pytest.mark.parametrize("written", ["31/02/2023", "ieri", "2023-13-01", "25/01"])
async def test_unreadable_date_is_a_400_showing_the_form(ds, written):
    response = await ds.client.get(f"/incidents/{JANUARY}", params={"from": written})
    assert (
        response.status_code == 400
        and "25/01/2023" in response.text
        and "2023-01-25" in response.text
    )


async def test_from_after_to_is_a_400(ds):
    response = await ds.client.get(f"/incidents/{JANUARY}?from=2023-01-28&to=2023-01-25")
    assert response.status_code == 400


async def test_feed_links_on_page(page, db_name):
    assert f"/{db_name}/timeline.atom?incident={JANUARY}&lang=it" in page.xpath(
        "//link[@type='application/atom+xml']/@href"
    )


async def test_english_page(ds):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{JANUARY}?lang=en")).text)
    assert text(tree, "//li[@id='event-8']//div[contains(@class, 'when')]") == "about 16:00"


@pytest.mark.parametrize(
    "lang, absent",
    [
        ("it", r"\b(Key moments|At a glance|events|sources|Filter|Overview|All reports)\b"),
        ("en", r"\b(In breve|eventi|fonti|Filtra|Andamento|Tutte le citazioni|precisione)\b"),
    ],
)
async def test_page_in_one_language(ds, lang, absent):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{JANUARY}?lang={lang}")).text)
    for quote in tree.xpath(
        "//blockquote | //q | //desc"
    ):  # the sources' own words may be any language
        quote.drop_tree()
    assert not re.findall(absent, text(tree, "//section[@class='content'] | //footer"))


async def test_language_switch_keeps_the_filters(ds):
    tree = lxml.html.fromstring((await ds.client.get(f"/incidents/{JANUARY}?category=cause")).text)
    assert tree.xpath("//a[@class='language-switch']/@href") == ["?lang=en&category=cause"]


async def test_unknown_slug_is_404_with_a_way_home(ds):
    response = await ds.client.get("/incidents/nessun-incidente")
    assert response.status_code == 404 and lxml.html.fromstring(response.text).xpath(
        "//p[@class='error-home']/a/@href"
    ) == ["/"]


async def test_stylesheet_served(ds):
    assert (await ds.client.get("/static/timeline.css")).status_code == 200


async def test_no_details_closes_the_others(ds):
    script = (await ds.client.get(f"/incidents/{JANUARY}")).text.split("Datasette's own menus")[1]
    assert "details.nav-menu" in script and "getElementsByTagName('details')" not in script


# --- another incident's database: English sources, New York time ---------------------------


@pytest.fixture
async def other_page(other_ds):
    response = await other_ds.client.get(f"/incidents/{NORTHMAIL}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


async def test_other_page_speaks_its_sources_language(other_page):
    assert text(other_page, "//h2[@id='key-moments-title']") == "At a glance"


async def test_other_page_sentence_in_its_timezone(other_page):
    assert text(other_page, "//p[@class='outage-period']") == (
        "The outage began on Monday 11 March at about 19:00 (1 source); service was partly "
        "restored "
        "on Wednesday 13 March at 11:20 (1 source) and fully restored on Thursday 14 March in the "
        "evening (1 source)."
    )


async def test_other_page_key_moment_in_its_timezone(other_page):
    # stored in UTC (14:05), shown in New York time (daylight time: 10:05)
    assert (
        text(other_page, "//li[@id='moment-2']//p[@class='moment-head']//time")
        == "Tuesday 12 Mar, 10:05"
    )


async def test_other_page_lists_every_event(other_page, other_db_path):
    assert len(other_page.xpath("//li[contains(@class, 'event')]")) == event_count(
        other_db_path, NORTHMAIL
    )


async def test_other_page_in_italian_when_asked(other_ds):
    tree = lxml.html.fromstring((await other_ds.client.get(f"/incidents/{NORTHMAIL}?lang=it")).text)
    assert text(tree, "//h2[@id='key-moments-title']") == "In breve"


async def test_other_home(other_ds):
    tree = lxml.html.fromstring((await other_ds.client.get("/?lang=en")).text)
    assert (
        text(tree, "//p[@class='incident-period']") == "Outage from 11 Mar ~19:00 to 14 Mar evening"
    )


async def test_database_from_before_the_event_model_still_served(db_path, tmp_path):
    import shutil

    from incident_timeline.serve import datasette_for

    copy = tmp_path / "old.db"
    shutil.copy(OLD_RELEASE, copy)  # built by release 0.1.0, never opened by a crawl since
    ds = datasette_for(copy)
    tree = lxml.html.fromstring((await ds.client.get("/incidents/libero-2023")).text)
    assert tree.xpath("//p[@class='notice']") and tree.xpath("//li[contains(@class, 'event')]")
    home = await ds.client.get("/")
    assert home.status_code == 200 and "178 eventi" in home.text


@pytest.fixture
def sparse_ds(db_path, tmp_path):
    """The test database with an incident that has no events at all, and the June incident
    stripped of its key moments."""
    import shutil

    from incident_timeline.serve import datasette_for

    copy = tmp_path / "sparse.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "insert into incidents (slug, title, timezone) values ('vuoto', 'Nessuna notizia', "
            "'Asia/Tokyo')"
        )
        conn.execute("delete from key_moments where incident = ?", [JUNE])
    return datasette_for(copy)


@pytest.mark.parametrize("path", ["/incidents/vuoto", f"/incidents/{JUNE}", "/", "/?lang=en"])
async def test_incidents_with_little_to_show(sparse_ds, path):
    response = await sparse_ds.client.get(path)
    assert response.status_code == 200


async def test_incident_with_no_events(sparse_ds):
    tree = lxml.html.fromstring((await sparse_ds.client.get("/incidents/vuoto")).text)
    assert text(tree, "//span[@class='count-events']") == "0 eventi" and not tree.xpath("//svg")


async def test_incident_without_key_moments_still_draws_its_days(sparse_ds):
    tree = lxml.html.fromstring((await sparse_ds.client.get(f"/incidents/{JUNE}")).text)
    assert tree.xpath("//*[local-name()='g'][@class='day-bar']") and not tree.xpath(
        "//p[@class='outage-period']"
    )


async def test_every_event_reachable_page_by_page(db_path, tmp_path):
    """1,200 more events on two days: pages of at most 500 that never repeat or skip one,
    a day longer than a page going on over several, the undated events on the last."""
    import shutil

    from incident_timeline.serve import datasette_for

    copy = tmp_path / "many.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        columns = [row[1] for row in conn.execute("pragma table_info(events)") if row[1] != "id"]
        template = conn.execute(f"select {', '.join(columns)} from events where id = 8").fetchone()
        day = columns.index("happened_day")
        rows = [
            tuple(f"2023-01-2{6 + n // 600}" if i == day else v for i, v in enumerate(template))
            for n in range(1200)
        ]
        conn.executemany(
            f"insert into events ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
            rows,
        )
        expected = {
            f"event-{i}"
            for (i,) in conn.execute("select id from events where incident = ?", [JANUARY])
        }
    ds = datasette_for(copy)
    seen, url, pages = [], f"/incidents/{JANUARY}", 0
    while url and pages < 10:
        tree = lxml.html.fromstring((await ds.client.get(url)).text)
        seen += tree.xpath("//section[@class='chronology']//li[contains(@class, 'event')]/@id")
        url = next(
            (
                f"/incidents/{JANUARY}" + href
                for href in tree.xpath("//a[@class='next-page']/@href")
            ),
            None,
        )
        pages += 1
    assert (len(seen), set(seen)) == (len(expected), expected)
