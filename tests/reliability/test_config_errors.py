"""A wrong sources file stops `timeline crawl` before anything is fetched, naming file, line and
key."""

import subprocess

import pytest

from tests.reliability.conftest import PROJECT, crawl_command, crawl_env
from tests.reliability.faultsite import sources_yaml

# (what is wrong, text to replace, replacement, line, key named in the message)
MISTAKES = [
    (
        "unknown key",
        "    kind: news\n",
        "    kind: news\n    folow: ['/notizie/']\n",
        10,
        "sources[0].folow",
    ),
    (
        "wrong type",
        "    kind: news\n",
        "    kind: news\n    follow: /notizie/\n",
        10,
        "sources[0].follow",
    ),
    (
        "bad URL",
        '    start_urls: ["{start}"]',
        '    start_urls: ["ftp://127.0.0.1/"]',
        10,
        "sources[0].start_urls[0]",
    ),
    (
        "bad regex",
        "    kind: news\n",
        "    kind: news\n    follow: ['/notizie/(']\n",
        10,
        "sources[0].follow[0]",
    ),
    ("unknown timezone", "timezone: Europe/Rome", "timezone: Europe/Roma", 4, "incident.timezone"),
]


@pytest.fixture(scope="module")
def failures(tmp_path_factory):
    from tests.reliability.faultsite import FaultSite

    tmp_path = tmp_path_factory.mktemp("config")
    with FaultSite(articles=1, faults=False) as site:
        results = {}
        for what, old, new, _, _ in MISTAKES:
            good = sources_yaml(site.url("/"))
            text = good.replace(old.format(start=site.url("/")), new)
            assert text != good, what
            config = tmp_path / f"{what.replace(' ', '-')}.yml"
            config.write_text(text, "utf-8")
            results[what] = subprocess.run(
                crawl_command(config, tmp_path / "never.db"),
                cwd=PROJECT,
                env=crawl_env(site),
                capture_output=True,
                text=True,
                timeout=60,
            )
        yield site, results


@pytest.mark.parametrize("what", [m[0] for m in MISTAKES])
def test_exit_status_is_not_zero(failures, what):
    assert failures[1][what].returncode != 0


@pytest.mark.parametrize("what, line, key", [(m[0], m[3], m[4]) for m in MISTAKES])
def test_message_names_file_line_and_key(failures, what, line, key):
    assert f"{what.replace(' ', '-')}.yml:{line}: {key}" in failures[1][what].stderr


def test_nothing_is_fetched(failures):
    assert failures[0].requests == []
