"""`timeline dates`: both modes, a bad input line, and the module entry point."""

import io
import json
import subprocess
import sys
from datetime import UTC

import pytest
from incident_timeline.dates import sentence_around, tag_timexes
from incident_timeline.dates.cli import main


def run_cli(monkeypatch, capsys, argv, stdin):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(argv)
    return status, capsys.readouterr().out


def test_jsonl_mode_one_line_per_input(monkeypatch, capsys):
    lines = [
        {"text": "Ieri sera il servizio è tornato.", "published": "2023-02-03T10:00", "lang": "it"},
        {
            "text": "Support said on Tuesday it was fixed.",
            "published": "2023-02-03T10:00:00+01:00",
            "lang": "en",
        },
    ]
    status, out = run_cli(
        monkeypatch, capsys, ["--jsonl"], "".join(json.dumps(line) + "\n" for line in lines)
    )
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(results) == 2
    assert results[0]["timexes"][0]["value"] == "2023-02-02TEV"
    assert results[0]["timexes"][0] == {
        "text": "Ieri sera",
        "span": [0, 9],
        "type": "TIME",
        "value": "2023-02-02TEV",
        "mod": None,
        "earliest": "2023-02-02T18:00:00+01:00",
        "latest": "2023-02-02T23:59:59+01:00",
    }
    assert results[1]["timexes"][0]["value"] == "2023-01-31"


def test_jsonl_bad_line_reports_and_continues(monkeypatch, capsys):
    stdin = (
        "not json\n"
        + json.dumps({"text": "oggi"})
        + "\n"
        + json.dumps({"text": "oggi", "published": "yesterday-ish"})
        + "\n"
        + json.dumps({"text": "Oggi piove.", "published": "2023-02-03"})
        + "\n"
    )
    status, out = run_cli(monkeypatch, capsys, ["--jsonl"], stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(results) == 4
    assert all(set(r) == {"error"} for r in results[:3])
    assert results[3]["timexes"][0]["value"] == "2023-02-03"


def test_jsonl_timezone_option(monkeypatch, capsys):
    stdin = (
        json.dumps({"text": "Yesterday it broke.", "published": "2023-07-03T09:00", "lang": "en"})
        + "\n"
    )
    _, out = run_cli(monkeypatch, capsys, ["--jsonl", "--timezone", "America/New_York"], stdin)
    assert json.loads(out)["timexes"][0]["earliest"] == "2023-07-02T00:00:00-04:00"


def test_single_text_mode(monkeypatch, capsys):
    status, out = run_cli(
        monkeypatch,
        capsys,
        ["--published", "2023-02-03T10:00", "--lang", "it"],
        "La società risponderà entro lunedì.",
    )
    assert status == 0
    assert [t["value"] for t in json.loads(out)["timexes"]] == ["2023-02-06"]


def test_single_text_mode_bad_date(monkeypatch, capsys):
    status, _ = run_cli(monkeypatch, capsys, ["--published", "soon"], "oggi")
    assert status == 2


def test_prog_name_and_required_mode(capsys):
    with pytest.raises(SystemExit):
        main([])
    assert "timeline dates" in capsys.readouterr().err


def test_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "incident_timeline.dates.cli", "--jsonl"],
        capture_output=True,
        text=True,
        input=json.dumps({"text": "alle 16", "published": "2023-02-03T10:00", "lang": "it"}) + "\n",
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["timexes"][0]["value"] == "2023-02-03T16:00"


def test_aware_datetime_and_other_languages():
    from datetime import datetime

    published = datetime(2023, 2, 3, 9, 0, tzinfo=UTC)
    assert tag_timexes("oggi e yesterday", published, lang="fr")[1]["value"] == "2023-02-02"


def test_sentence_around():
    text = "Primo punto. Il guasto è iniziato ieri sera alle 22. Poi altro."
    begin = text.index("ieri sera")
    assert sentence_around(text, (begin, begin + 9)) == "Il guasto è iniziato ieri sera alle 22."
    assert (
        sentence_around("Aggiornamento h. 14:45 del sito.", (14, 22))
        == "Aggiornamento h. 14:45 del sito."
    )
    long = "parola " * 200 + "ieri " + "parola " * 200
    begin = long.index("ieri")
    around = sentence_around(long, (begin, begin + 4))
    assert "ieri" in around and len(around) <= 400
