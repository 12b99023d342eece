"""Running `timeline crawl` against the loopback web, and reading what it stored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
TIMELINE = PROJECT / ".venv" / "bin" / "timeline"
# Loopback sites and replicas need no politeness; the crawl must end quickly.
FAST = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "DOWNLOAD_TIMEOUT=5",
    "-s",
    "TIMELINE_CDX_DELAY=0",
    "-s",
    "TIMELINE_WAYBACK_DELAY=0",
    "-s",
    "TIMELINE_GDELT_DELAY=0",
]
ARCHIVE = "http://web.archive.test"
GDELT = "http://api.gdelt.test/api/v2/doc/doc"
CRAWL_TIMEOUT = 120


def timeline_command() -> list[str]:
    return [str(TIMELINE)] if TIMELINE.exists() else [sys.executable, "-m", "incident_timeline.cli"]


def proxy_env(proxy: str | None) -> dict:
    """The environment of a crawl through ``proxy`` (every request), or with no proxy at all."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")
    }
    if proxy:
        env.update(http_proxy=proxy, https_proxy=proxy, no_proxy="")
    return env


def crawl(
    config: Path,
    db: Path,
    *settings: str,
    proxy: str | None = None,
    apis: bool = True,
    timeout: float = CRAWL_TIMEOUT,
) -> subprocess.CompletedProcess:
    """``timeline crawl`` as a person runs it; the archive and GDELT are the replicas."""
    named = (
        ["-s", f"TIMELINE_WAYBACK_URL={ARCHIVE}", "-s", f"TIMELINE_GDELT_URL={GDELT}"]
        if apis
        else []
    )
    command = [
        *timeline_command(),
        "crawl",
        "--config",
        str(config),
        "--db",
        str(db),
        *FAST,
        *named,
        *settings,
    ]
    return subprocess.run(
        command, cwd=PROJECT, env=proxy_env(proxy), capture_output=True, text=True, timeout=timeout
    )


def summary_of(result: subprocess.CompletedProcess) -> str:
    return result.stderr[result.stderr.rfind("Crawl finished") :]


def rows(db: Path, sql: str, *params) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        found = [dict(row) for row in conn.execute(sql, params)]
    conn.close()
    return found


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.fixture(scope="session", autouse=True)
def project_on_path():
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
