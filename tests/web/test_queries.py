"""Canned queries: key_moments (the contract's columns), timeline (each filter, readable
columns), statements; their SQL hidden by default."""

import sqlite3

import pytest

from tests.web.conftest import JANUARY, JUNE

KEY_MOMENT_COLUMNS = [
    "incident",
    "category",
    "at",
    "earliest",
    "latest",
    "precision",
    "statement",
    "sources",
    "first_reported",
    "documents",
]
TIMELINE_COLUMNS = [
    "day",
    "time",
    "precision",
    "what",
    "statement",
    "date_as_written",
    "modality",
    "source",
    "document",
    "url",
    "reported",
    "incident",
    "event",
]


async def _rows(ds, db_name, query, **params):
    params.setdefault("_shape", "array")
    response = await ds.client.get(f"/{db_name}/{query}.json", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_key_moments_columns_are_the_contracts(ds, db_name):
    rows = await _rows(ds, db_name, "key_moments", incident=JANUARY)
    assert list(rows[0]) == KEY_MOMENT_COLUMNS


async def test_key_moments_in_time_order(ds, db_name):
    rows = await _rows(ds, db_name, "key_moments", incident=JANUARY)
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows) and len(rows) == 9


async def test_key_moments_of_one_incident(ds, db_name):
    assert {r["incident"] for r in await _rows(ds, db_name, "key_moments", incident=JUNE)} == {JUNE}


async def test_timeline_columns_are_readable(ds, db_name):
    assert list((await _rows(ds, db_name, "timeline", incident=JUNE))[0]) == TIMELINE_COLUMNS


async def test_timeline_without_filters_returns_both_incidents(ds, db_name):
    assert {row["incident"] for row in await _rows(ds, db_name, "timeline")} == {JANUARY, JUNE}


async def test_timeline_is_chronological(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY)
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)


async def test_timeline_lists_every_event_with_a_day(ds, db_name, db_path):
    expected = (
        sqlite3.connect(db_path)
        .execute(
            "select count(*) from events where incident = ? and happened_day is not null", [JANUARY]
        )
        .fetchone()[0]
    )
    assert len(await _rows(ds, db_name, "timeline", incident=JANUARY)) == expected


async def test_timeline_by_category(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="restoration_partial")
    assert {row["what"] for row in rows} == {"partial restoration"}


async def test_timeline_by_source(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", source="quotidiano-nord")
    assert {row["source"] for row in rows} == {"quotidiano-nord"}


async def test_timeline_from(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, **{"from": "2023-01-26"})
    assert min(row["day"] for row in rows) == "2023-01-26"


async def test_timeline_from_in_italian_form(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, **{"from": "26/01/2023"})
    assert min(row["day"] for row in rows) == "2023-01-26"


async def test_timeline_from_with_a_time_keeps_that_day(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, **{"from": "2023-01-25T10:00"})
    assert min(row["day"] for row in rows) == "2023-01-25"


async def test_timeline_unreadable_date_is_a_400(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.json", params={"from": "25-gen"})
    assert response.status_code == 400 and "2023-01-25" in response.json()["error"]


async def test_timeline_unreadable_date_in_csv_is_a_400(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline.csv", params={"to": "domani"})
    assert response.status_code == 400


async def test_timeline_to(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, to="2023-01-22")
    assert {row["day"] for row in rows} == {"2023-01-22"}


async def test_timeline_empty_parameters_mean_all(ds, db_name):
    all_rows = await _rows(ds, db_name, "timeline")
    empty = await _rows(
        ds, db_name, "timeline", incident="", category="", source="", to="", **{"from": ""}
    )
    assert len(empty) == len(all_rows)


@pytest.mark.parametrize(
    "lang, what, time",
    [("it", "ripristino completo", "20:30"), ("en", "full restoration", "20:30")],
)
async def test_timeline_words(ds, db_name, lang, what, time):
    rows = await _rows(ds, db_name, "timeline", category="restoration_complete", lang=lang)
    assert (rows[0]["what"], rows[0]["time"]) == (what, time)


async def test_timeline_time_as_precisely_as_known(ds, db_name):
    rows = await _rows(
        ds, db_name, "timeline", category="restoration_partial", incident=JANUARY, lang="it"
    )
    assert [r["time"] for r in rows] == ["verso le 16:00", "26 gen → 28 gen"]


async def test_timeline_no_time_for_a_day(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="consumer_action", incident=JANUARY)
    assert (rows[0]["time"], rows[0]["precision"]) == (None, "day")


async def test_timeline_modality_in_words(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="deadline", incident=JANUARY, lang="it")
    assert rows[0]["modality"] == "previsto"


@pytest.mark.parametrize("query", ["timeline", "key_moments", "statements", "search"])
async def test_sql_hidden_by_default(ds, db_name, query):
    form = (
        (await ds.client.get(f"/{db_name}/{query}"))
        .text.split('<form class="sql"')[1]
        .split("</form>")[0]
    )
    assert '<pre id="sql-query">' not in form and "<textarea" not in form and "_show_sql=1" in form


async def test_statements_include_provider_documents(ds, db_name):
    assert "postarapida-aiuto" in {row["source"] for row in await _rows(ds, db_name, "statements")}


async def test_statements_include_reported_statements(ds, db_name):
    rows = await _rows(ds, db_name, "statements", lang="it")
    assert any(
        row["what"] == "dichiarazione riportata" and "nessun dato" in row["statement"]
        for row in rows
    )


async def test_statements_leave_out_other_news(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert "Il servizio è tornato" not in " ".join(row["statement"] or "" for row in rows)


async def test_statements_in_order(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert [row["at"] for row in rows] == sorted(row["at"] for row in rows)


async def test_statements_by_incident(ds, db_name):
    assert await _rows(ds, db_name, "statements", incident=JUNE) == []
