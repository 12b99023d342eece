"""The commands a newcomer types first: check, --version, serve refusing what it cannot serve."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
TIMELINE = [sys.executable, "-m", "incident_timeline.cli"]


def run(*args, timeout=60):
    return subprocess.run(
        [*TIMELINE, *args], capture_output=True, text=True, cwd=PROJECT, timeout=timeout
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory):
    """A real (tiny) timeline database: the schema a crawl creates."""
    from incident_timeline.store import TimelineStore

    path = tmp_path_factory.mktemp("serve") / "small.db"
    TimelineStore(path).close()
    return path


def test_version_names_the_release():
    result = run("--version")
    assert (result.returncode, result.stdout.startswith("timeline ")) == (0, True)


def test_check_accepts_the_bundled_sources_file():
    result = run("check", "--config", "corpus/sources.yml")
    assert (result.returncode, "ok" in result.stdout) == (0, True)


def test_check_names_file_line_and_key(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("incident:\n  slug: x\n  titel: y\nsources: []\n")
    result = run("check", "--config", str(bad))
    assert (result.returncode, f"{bad}:3: incident.titel" in result.stderr) == (2, True)


@pytest.mark.parametrize(
    "content, says",
    [
        (b"just some notes\n", "is not a SQLite database"),
        (None, "is not a timeline database"),
    ],
)
def test_serve_refuses_what_it_cannot_serve(tmp_path, content, says):
    path = tmp_path / "x.db"
    if content is None:
        sqlite3.connect(path).execute("create table notes (x)").connection.commit()
    else:
        path.write_bytes(content)
    result = run("serve", "--db", str(path), "--port", str(free_port()))
    assert (
        result.returncode,
        says in result.stderr,
        "Serving" in result.stdout,
        "Traceback" in result.stderr,
        len(result.stderr.strip().splitlines()),
    ) == (2, True, False, False, 1)


def test_serve_refuses_a_busy_port(timeline_db):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        result = run("serve", "--db", str(timeline_db), "--port", str(holder.getsockname()[1]))
    assert (
        result.returncode,
        "cannot listen" in result.stderr,
        "Serving" in result.stdout,
        "Traceback" in result.stderr,
    ) == (2, True, False, False)


def test_serve_announces_only_once_listening(timeline_db):
    port = free_port()
    proc = subprocess.Popen(
        [*TIMELINE, "serve", "--db", str(timeline_db), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
    )
    try:
        line = proc.stdout.readline()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            accepted = True
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert (line.startswith("Serving"), accepted) == (True, True)
