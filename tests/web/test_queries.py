"""Canned queries: timeline (each filter), statements."""

import pytest

JANUARY, JUNE = "postarapida-2023-01", "postarapida-2023-06"


async def _rows(ds, db_name, query, **params):
    params.setdefault("_shape", "array")
    response = await ds.client.get(f"/{db_name}/{query}.json", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_timeline_without_filters_returns_both_incidents(ds, db_name):
    rows = await _rows(ds, db_name, "timeline")
    assert {row["incident"] for row in rows} == {JANUARY, JUNE}


async def test_timeline_is_chronological(ds, db_name):
    rows = await _rows(ds, db_name, "timeline")
    assert [(r["day"], r["earliest"]) for r in rows] == sorted((r["day"], r["earliest"]) for r in rows)


async def test_timeline_by_incident(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JUNE)
    assert {row["incident"] for row in rows} == {JUNE}


async def test_timeline_by_category(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="restoration_partial")
    assert {row["category"] for row in rows} == {"restoration_partial"}


async def test_timeline_by_source(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", source="quotidiano-nord")
    assert {row["source"] for row in rows} == {"quotidiano-nord"}


async def test_timeline_from(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, **{"from": "2023-01-26"})
    assert min(row["day"] for row in rows) == "2023-01-26"


async def test_timeline_to(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", incident=JANUARY, to="2023-01-22")
    assert {row["day"] for row in rows} == {"2023-01-22"}


async def test_timeline_empty_parameters_mean_all(ds, db_name):
    all_rows = await _rows(ds, db_name, "timeline")
    empty = await _rows(ds, db_name, "timeline", incident="", category="", source="", to="", **{"from": ""})
    assert len(empty) == len(all_rows)


async def test_timeline_time_at_minute_precision(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="restoration_complete")
    assert rows[0]["time"] == "20:30"


async def test_timeline_no_time_for_a_day(ds, db_name):
    rows = await _rows(ds, db_name, "timeline", category="consumer_action", incident=JANUARY)
    assert rows[0]["time"] is None


@pytest.mark.parametrize("column", ["day", "time", "value", "mod", "text", "sentence", "category", "actor",
                                    "source", "document_title", "url", "atom_id", "atom_title",
                                    "atom_updated", "atom_content", "atom_link"])
async def test_timeline_columns(ds, db_name, column):
    rows = await _rows(ds, db_name, "timeline", incident=JUNE)
    assert column in rows[0]


async def test_timeline_html(ds, db_name):
    response = await ds.client.get(f"/{db_name}/timeline?incident={JANUARY}")
    assert response.status_code == 200


async def test_statements_include_provider_documents(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert "postarapida-aiuto" in {row["source"] for row in rows}


async def test_statements_include_reported_statements(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert any(row["what"] == "reported" and "nessun dato" in row["statement"] for row in rows)


async def test_statements_leave_out_other_news(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert "Il servizio è tornato" not in " ".join(row["statement"] or "" for row in rows)


async def test_statements_in_order(ds, db_name):
    rows = await _rows(ds, db_name, "statements")
    assert [row["at"] for row in rows] == sorted(row["at"] for row in rows)


async def test_statements_by_incident(ds, db_name):
    rows = await _rows(ds, db_name, "statements", incident=JUNE)
    assert rows == []
