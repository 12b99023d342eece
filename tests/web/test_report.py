"""`timeline report`: a standalone incident report, Markdown or self-contained HTML."""

import re
import shutil
import sqlite3

import lxml.html
import pytest
from incident_timeline.cli import main

from tests.web.conftest import JANUARY, NORTHMAIL


def run(capsys, *args):
    status = main(["report", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def markdown(db_path, capsys):
    status, out, err = run(capsys, "--db", db_path, "--incident", JANUARY)
    assert (status, err) == (0, "")
    return out


@pytest.fixture
def report_html(db_path, capsys):
    status, out, err = run(capsys, "--db", db_path, "--incident", JANUARY, "--format", "html")
    assert (status, err) == (0, "")
    return out


def test_unknown_incident_is_exit_2_with_one_line(db_path, capsys):
    status, out, err = run(capsys, "--db", db_path, "--incident", "nessuno")
    assert (status, out, err.count("\n")) == (2, "", 1) and "nessuno" in err


def test_missing_database_is_exit_2(tmp_path, capsys):
    status, _, err = run(capsys, "--db", tmp_path / "none.db", "--incident", JANUARY)
    assert status == 2 and "no database" in err


def test_database_without_key_moments_is_exit_2(db_path, tmp_path, capsys):
    copy = tmp_path / "old.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("drop table key_moments")
    status, _, err = run(capsys, "--db", copy, "--incident", JANUARY)
    assert status == 2 and "timeline crawl" in err


def test_markdown_title(markdown):
    assert markdown.startswith("# Posta Rapida: la posta non funziona (gennaio 2023)\n")


def test_markdown_outage_sentence(markdown):
    assert (
        "Le fonti non concordano sull'inizio del disservizio: domenica 22 gennaio verso le 22:00"
        in markdown
    )


def test_markdown_key_moments_in_order_with_times_and_precision(markdown):
    headings = re.findall(r"^### (.+)$", markdown, re.M)
    assert headings[1:4] == [
        "martedì 24 gen, 20:30 — Dichiarazione del provider",
        "martedì 24 gen, 20:30 — Causa",
        "martedì 24 gen, 20:30 — Scadenza / promessa",
    ]


def test_markdown_quotes_in_the_sources_words(markdown):
    assert (
        "> «Sabato 28 gennaio alle 20:30 tutte le caselle erano di nuovo accessibili.»" in markdown
    )


def test_markdown_disagreements(markdown):
    section = markdown.split("## Dove le fonti non concordano")[1].split("##")[0]
    assert "**inizio del disservizio**: domenica 22 gennaio verso le 22:00 (2 fonti:" in section


def test_markdown_every_source_url(markdown, db_path):
    urls = [
        u
        for (u,) in sqlite3.connect(db_path).execute(
            "select url from documents where incident = ?", [JANUARY]
        )
        if u.startswith("https://")
    ]
    assert all(f"<{url}>" in markdown for url in urls)


def test_markdown_never_links_a_javascript_url(markdown):
    assert "](<javascript" not in markdown


def test_markdown_counts_the_events(markdown, db_path):
    count = (
        sqlite3.connect(db_path)
        .execute("select count(*) from events where incident = ?", [JANUARY])
        .fetchone()[0]
    )
    assert f"{count} eventi" in markdown


def test_html_is_self_contained(report_html):
    tree = lxml.html.fromstring(report_html)
    assert not tree.xpath("//link[@rel='stylesheet'] | //script | //img") and tree.xpath("//style")


def test_html_has_the_overview_drawing(report_html):
    tree = lxml.html.fromstring(report_html)
    assert len(tree.xpath("//*[local-name()='svg']//*[local-name()='g'][@class='mark']")) == 9


def test_html_key_moments(report_html):
    assert len(lxml.html.fromstring(report_html).xpath("//ol[@class='moments']//time")) == 9


def test_html_escapes_scraped_text(report_html):
    assert "<script>alert" not in report_html


def test_html_sources_with_archived_copy(db_path, tmp_path, capsys):
    copy = tmp_path / "archived.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "update documents set archived_url = 'https://web.archive.org/web/2023/x' where id = 6"
        )
    status, out, _ = run(capsys, "--db", copy, "--incident", JANUARY, "--format", "html")
    assert status == 0 and 'href="https://web.archive.org/web/2023/x"' in out


def test_output_file(db_path, tmp_path, capsys):
    target = tmp_path / "report.md"
    status, out, _ = run(capsys, "--db", db_path, "--incident", JANUARY, "-o", target)
    assert (status, out) == (0, "") and target.read_text("utf-8").startswith("# Posta Rapida")


def test_other_incident_in_its_language_and_timezone(other_db_path, capsys):
    status, out, _ = run(capsys, "--db", other_db_path, "--incident", NORTHMAIL)
    assert status == 0 and "The outage began on Monday 11 March at about 19:00" in out


def test_other_incident_has_no_disagreement(other_db_path, capsys):
    _, out, _ = run(capsys, "--db", other_db_path, "--incident", NORTHMAIL)
    assert "Sources do not contradict each other on the key moments." in out
