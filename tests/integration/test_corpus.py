"""The bundled corpus, crawled as `make demo` does: both incidents into one database.

corpus/expected.yml says, URL by URL, what a correct crawl stores and with which dates;
these tests hold the crawl to it.
"""

from __future__ import annotations

import pytest
import sqlite_utils
import yaml

from tests.integration.conftest import PROJECT, run_timeline

# Static expectations written with the corpus, read to list the cases (as a directory listing
# would be); the crawl they are checked against runs in a fixture.
EXPECTED = yaml.safe_load((PROJECT / "corpus" / "expected.yml").read_text("utf-8"))
CONFIGS = EXPECTED["configs"]


def status_incidents():
    for page in EXPECTED["pages"]:
        yield from page.get("incidents", ())


STORED = [p for p in EXPECTED["pages"] if p["expect"] == "stored"] + [
    i for i in status_incidents() if i["expect"] == "stored"
]
NEVER_STORED = [p for p in EXPECTED["pages"] if p["expect"] != "stored"] + [
    i for i in status_incidents() if i["expect"] != "stored"
]
FIELDS = ("incident", "title", "published", "updated", "lang", "author")
FIELD_CASES = [(p["url"], f) for p in STORED for f in FIELDS if f in p]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("corpus") / "timeline.db"
    outputs = []
    for config in CONFIGS.values():
        result = run_timeline(
            "crawl", "--config", config, "--db", str(db_path), "--replica", "corpus/sites"
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stderr)
    db = sqlite_utils.Database(db_path)
    return {
        "db": db,
        "path": db_path,
        "stderr": "\n".join(outputs),
        "documents": {row["url"]: row for row in db["documents"].rows},
    }


def test_every_expected_document_is_stored(crawled):
    assert sorted(set(p["url"] for p in STORED) - set(crawled["documents"])) == []


def test_nothing_else_is_stored(crawled):
    assert sorted(set(crawled["documents"]) - set(p["url"] for p in STORED)) == []


def test_at_least_twenty_documents(crawled):
    assert len(crawled["documents"]) >= 20


@pytest.mark.parametrize(
    "url, field", FIELD_CASES, ids=[f"{u.split('//')[1][:60]}:{f}" for u, f in FIELD_CASES]
)
def test_field(crawled, url, field):
    expected = next(p for p in STORED if p["url"] == url)[field]
    assert crawled["documents"][url][field] == expected


TEXT_CASES = [p for p in STORED if p.get("text_contains")]


@pytest.mark.parametrize("page", TEXT_CASES, ids=[p["url"].split("//")[1][:70] for p in TEXT_CASES])
def test_text_contains_the_article(crawled, page):
    assert page["text_contains"] in crawled["documents"][page["url"]]["text"]


BOILERPLATE_CASES = [p for p in STORED if p.get("text_excludes")]


@pytest.mark.parametrize(
    "page", BOILERPLATE_CASES, ids=[p["url"].split("//")[1][:70] for p in BOILERPLATE_CASES]
)
def test_text_excludes_boilerplate(crawled, page):
    assert page["text_excludes"] not in crawled["documents"][page["url"]]["text"]


@pytest.mark.parametrize(
    "page",
    NEVER_STORED,
    ids=[f"{p['expect']}:{p['url'].split('//')[1][:60]}" for p in NEVER_STORED],
)
def test_not_stored(crawled, page):
    assert page["url"] not in crawled["documents"]


def test_incidents_kept_apart(crawled):
    rows = (
        crawled["db"]
        .execute("select incident, min(day), max(day) from documents group by incident")
        .fetchall()
    )
    assert [(slug, first[:7], last[:7]) for slug, first, last in rows] == [
        ("libero-2023", "2023-01", "2023-02"),
        ("libero-2023-06", "2023-06", "2023-06"),
    ]


UPDATE_CASES = [
    (i["url"], u["created_at"])
    for i in status_incidents()
    if i["expect"] == "stored"
    for u in i["updates"]
]


@pytest.mark.parametrize("url, created_at", UPDATE_CASES, ids=[c for _, c in UPDATE_CASES])
def test_status_update_is_an_event_in_local_time(crawled, url, created_at):
    rows = (
        crawled["db"]
        .execute(
            "select e.earliest from events e join documents d on d.id = e.document_id "
            "where d.url = ? and e.origin = 'status'",
            [url],
        )
        .fetchall()
    )
    assert created_at in {r[0] for r in rows}


def test_cp1252_page_decoded(crawled):
    texts = " ".join(d["text"] for d in crawled["documents"].values())
    assert "responsabilità" in texts and "responsabilitŕ" not in texts


def test_summary_reports_progress_and_drops(crawled):
    assert "documents stored" in crawled["stderr"] and "dropped (" in crawled["stderr"]


def test_recrawl_changes_nothing(crawled):
    db = crawled["db"]
    before = (db["documents"].count, db["events"].count)
    result = run_timeline(
        "crawl",
        "--config",
        CONFIGS["libero-2023"],
        "--db",
        str(crawled["path"]),
        "--replica",
        "corpus/sites",
    )
    assert (result.returncode, db["documents"].count, db["events"].count) == (0, *before)
