"""The `timeline` command as a user meets it: help, mistakes, exit codes."""

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def timeline(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "incident_timeline.cli", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_lists_the_commands():
    assert all(c in timeline("--help").stdout for c in ("crawl", "serve", "dates", "extract"))


def test_unknown_command_exits_2():
    assert timeline("crawel").returncode == 2


def test_bad_setting_override_is_refused():
    result = timeline(
        "crawl", "--config", "corpus/sources.yml", "--db", "/dev/null", "-s", "lowercase=1"
    )
    assert (result.returncode, "NAME=VALUE" in result.stderr) == (2, True)


def test_config_error_exits_2_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("incident:\n  slug: x\n  title: y\n  colour: red\nsources: []\n")
    result = timeline("crawl", "--config", str(bad), "--db", str(tmp_path / "t.db"))
    assert (result.returncode, f"{bad}:4: incident.colour" in result.stderr) == (2, True)


def test_config_error_creates_no_database(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("incident:\n  slug: x\n  title: y\n  colour: red\nsources: []\n")
    timeline("crawl", "--config", str(bad), "--db", str(tmp_path / "t.db"))
    assert not (tmp_path / "t.db").exists()


def test_spider_that_cannot_start_fails_the_crawl(tmp_path):
    result = timeline(
        "crawl",
        "--config",
        "corpus/sources.yml",
        "--db",
        str(tmp_path / "t.db"),
        "--replica",
        "corpus/sites",
        "-s",
        "TIMELINE_DB=",
    )
    assert (result.returncode, "spiders that failed" in result.stderr) == (1, True)


def test_serve_without_database_exits_2(tmp_path):
    result = timeline("serve", "--db", str(tmp_path / "none.db"))
    assert (result.returncode, "no database" in result.stderr) == (2, True)


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_subcommand_help(command):
    assert timeline(command, "--help").returncode == 0


def test_the_incident_keeps_one_job_folder(tmp_path):
    # One spider crawls every channel of every source: its state is the job folder itself.
    result = timeline(
        "crawl",
        "--config",
        "corpus/sources.yml",
        "--db",
        str(tmp_path / "t.db"),
        "--replica",
        "corpus/sites",
        "-s",
        f"JOBDIR={tmp_path / 'job'}",
    )
    files = {p.name for p in (tmp_path / "job").iterdir()}
    assert (result.returncode, {"requests.seen", "requests.journal"} <= files) == (0, True)


def test_serve_refuses_zero_workers(tmp_path):
    result = timeline("serve", "--db", str(tmp_path / "none.db"), "--workers", "0")
    assert (result.returncode, "--workers" in result.stderr) == (2, True)
