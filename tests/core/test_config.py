"""The sources file: valid files load; every mistake names file, line and key before any fetch."""

import datetime as dt
import textwrap

import pytest
from incident_timeline.config import ConfigError, load_config

VALID = """\
incident:
  slug: mail-2024
  title: A mail outage
  timezone: Europe/Rome
  keywords: [Posta Web, provider]
  window: {start: 2024-03-01, end: 2024-04-30}
sources:
  - name: paper
    kind: news
    start_urls: ["https://news.example/tech/"]
    follow: ["/2024/0[34]/"]
  - name: status
    kind: status
    statuspage: "https://status.example"
"""


def write(tmp_path, text, name="sources.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


@pytest.fixture
def config(tmp_path):
    return load_config(write(tmp_path, VALID))


def test_slug(config):
    assert config.incident.slug == "mail-2024"


def test_keywords_are_lowercased(config):
    assert config.incident.keywords == ("posta web", "provider")


def test_window_start(config):
    assert config.incident.window_start == dt.date(2024, 3, 1)


def test_window_end(config):
    assert config.incident.window_end == dt.date(2024, 4, 30)


def test_source_names(config):
    assert [s.name for s in config.sources] == ["paper", "status"]


def test_follow_patterns_compile(config):
    assert config.sources[0].follow_patterns[0].search("/2024/03/05/x/")


def test_statuspage(config):
    assert config.source("status").statuspage == "https://status.example"


MISTAKES = {
    "unknown source key": (
        VALID.replace("    follow:", "    folow:"),
        11,
        "sources[0].folow",
        "did you mean 'follow'",
    ),
    "unknown incident key": (
        VALID.replace("  timezone:", "  tz:"),
        4,
        "incident.tz",
        "unknown key",
    ),
    "wrong type for start_urls": (
        VALID.replace('start_urls: ["https://news.example/tech/"]', "start_urls: 12"),
        10,
        "sources[0].start_urls",
        "expected a list",
    ),
    "wrong type for keywords": (
        VALID.replace("keywords: [Posta Web, provider]", "keywords: {a: 1}"),
        5,
        "incident.keywords",
        "expected a list",
    ),
    "bad url": (
        VALID.replace('"https://status.example"', '"ftp://status.example"'),
        14,
        "sources[1].statuspage",
        "http(s) URL",
    ),
    "bad regex": (
        VALID.replace('"/2024/0[34]/"', '"/2024/0[34/"'),
        11,
        "sources[0].follow[0]",
        "bad regular expression",
    ),
    "unknown timezone": (
        VALID.replace("Europe/Rome", "Europe/Atlantis"),
        4,
        "incident.timezone",
        "unknown timezone",
    ),
    "bad date": (
        VALID.replace("2024-03-01", "2024-13-01"),
        6,
        "incident.window.start",
        "expected a date",
    ),
    "unknown kind": (
        VALID.replace("kind: news", "kind: blog"),
        9,
        "sources[0].kind",
        "unknown kind",
    ),
    "missing slug": (VALID.replace("  slug: mail-2024\n", ""), 2, "incident.slug", "missing"),
    "duplicate name": (
        VALID.replace("name: status", "name: paper"),
        12,
        "sources.name",
        "used twice",
    ),
    "nothing to crawl": (
        VALID.replace('    statuspage: "https://status.example"\n', ""),
        12,
        "sources[1]",
        "nothing to crawl",
    ),
    "not yaml": ("incident: [unclosed\n", 2, "", "not valid YAML"),
}


@pytest.mark.parametrize("text, line, key, message", MISTAKES.values(), ids=MISTAKES.keys())
def test_mistake_names_file_line_and_key(tmp_path, text, line, key, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}:{line}: {key}") and message in str(error.value)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.yml")


# -- archive patterns and discovery (issue 14) ----------------------------------------------------

ARCHIVED = (
    VALID
    + """\
  - name: help
    kind: provider
    archive: ["help.example/*", "https://mail.example/login"]
"""
)
WINDOW = "  window: {start: 2024-03-01, end: 2024-04-30}\n"
DISCOVERING = VALID.replace(WINDOW, WINDOW + "  discover: {gdelt: '\"posta web\"'}\n")


def test_archive_alone_is_enough_for_a_source(tmp_path):
    help_source = load_config(write(tmp_path, ARCHIVED)).source("help")
    assert help_source.archive == ("help.example/*", "https://mail.example/login")


def test_discovery_query(tmp_path):
    assert load_config(write(tmp_path, DISCOVERING)).incident.discover_gdelt == '"posta web"'


def test_sources_may_be_empty_with_discovery(tmp_path):
    text = DISCOVERING.split("sources:")[0] + "sources: []\n"
    assert load_config(write(tmp_path, text)).sources == ()


def test_sources_may_be_left_out_with_discovery(tmp_path):
    assert load_config(write(tmp_path, DISCOVERING.split("sources:")[0])).sources == ()


def test_discovered_source_is_news(config):
    assert (config.discovered_source.name, config.discovered_source.kind) == ("discovered", "news")


PATTERN = '"help.example/*"'
ARCHIVE_MISTAKES = {
    "pattern without a host": (
        ARCHIVED.replace(PATTERN, '"/help/*"'),
        17,
        "sources[2].archive[0]",
        "names no host",
    ),
    "pattern that is only a star": (
        ARCHIVED.replace(PATTERN, '"*"'),
        17,
        "sources[2].archive[0]",
        "names no host",
    ),
    "star in the middle": (
        ARCHIVED.replace(PATTERN, '"help.example/*/faq"'),
        17,
        "sources[2].archive[0]",
        "never a '*' in the middle",
    ),
    "archive without a window": (
        ARCHIVED.replace(WINDOW, ""),
        2,
        "incident.window.start",
        "archive patterns",
    ),
    "discover without a window": (
        DISCOVERING.replace(WINDOW, ""),
        6,
        "incident.window.start",
        "discovery asks GDELT over the window",
    ),
    "discover unknown service": (
        DISCOVERING.replace("gdelt:", "bing:"),
        7,
        "incident.discover.bing",
        "unknown key",
    ),
    "empty sources without discovery": (
        VALID.split("sources:")[0] + "sources: []\n",
        7,
        "sources",
        "only when incident.discover is given",
    ),
    "reserved name": (
        VALID.replace("name: status", "name: discovered"),
        12,
        "sources[1].name",
        "reserved",
    ),
}


@pytest.mark.parametrize(
    "text, line, key, message", ARCHIVE_MISTAKES.values(), ids=ARCHIVE_MISTAKES.keys()
)
def test_archive_and_discovery_mistakes(tmp_path, text, line, key, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    said = str(error.value)
    assert said.startswith(f"{path}:{line}: {key}") and message in said, said
