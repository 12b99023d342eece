"""The sources file: one incident and the sources to crawl for it, validated before any fetch.

    config = load_config("corpus/sources.yml")
    config.incident.slug          # "libero-2023"
    config.sources[0].start_urls  # ["http://www.notiziario.test/tecnologia/"]

Every error names the file, the line and the key, e.g.
``sources.yml:12: sources[2].folow: unknown key (did you mean 'follow'?)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

KINDS = ("news", "provider", "consumer", "regulator", "status", "social")
# The source of discovered articles whose host no configured source names.
DISCOVERED = "discovered"
# What a source can be crawled through (at least one is needed).
CHANNEL_KEYS = ("start_urls", "feed", "sitemap", "statuspage", "archive")


class ConfigError(ValueError):
    """A sources file that cannot be used; the message names file, line and key."""


@dataclass(frozen=True)
class Incident:
    slug: str
    title: str
    timezone: str = "Europe/Rome"
    keywords: tuple[str, ...] = ()
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    description: str = ""
    #: GDELT DOC 2.0 full-text query (``discover: {gdelt: QUERY}``), or None
    discover_gdelt: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    start_urls: tuple[str, ...] = ()
    follow: tuple[str, ...] = ()
    feed: str | None = None
    sitemap: str | None = None
    statuspage: str | None = None
    #: Wayback CDX url patterns (``host/path/*``), read over the incident window
    archive: tuple[str, ...] = ()
    line: int = 0

    @property
    def follow_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.follow)

    def channels(self) -> tuple[str, ...]:
        """The channels this source declares: pages, feed, sitemap, statuspage, archive."""
        given = {
            "pages": self.start_urls,
            "feed": self.feed,
            "sitemap": self.sitemap,
            "statuspage": self.statuspage,
            "archive": self.archive,
        }
        return tuple(name for name, value in given.items() if value)


@dataclass(frozen=True)
class Config:
    path: Path
    incident: Incident
    sources: tuple[Source, ...] = field(default_factory=tuple)

    def source(self, name: str) -> Source:
        return next(s for s in self.sources if s.name == name)

    @property
    def discovered_source(self) -> Source:
        """Where discovered articles of hosts no configured source names are filed."""
        return Source(name=DISCOVERED, kind="news")


# The schema: key → (type check, description used in error messages).
INCIDENT_KEYS = {
    "slug": "str",
    "title": "str",
    "timezone": "str",
    "keywords": "list[str]",
    "window": "map",
    "description": "str",
    "discover": "map",
}
DISCOVER_KEYS = {"gdelt": "str"}
WINDOW_KEYS = {"start": "date", "end": "date"}
SOURCE_KEYS = {
    "name": "str",
    "kind": "str",
    "start_urls": "list[str]",
    "follow": "list[str]",
    "feed": "str",
    "sitemap": "str",
    "statuspage": "str",
    "archive": "list[str]",
}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_config(path: str | Path) -> Config:
    """Read and validate a sources file; raise ConfigError naming file, line and key."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read sources file: {exc.strerror or exc}") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{path}:{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    return _Validator(path).config(root)


class _Validator:
    """Walks the YAML node tree, so every error can carry the line it comes from."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, node: yaml.Node | None, key: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        raise ConfigError(f"{self.path}:{line}: {key}: {message}")

    def mapping(
        self, node, key: str, allowed: dict[str, str]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, key, "expected a mapping of keys to values")
        items = {}
        for key_node, value_node in node.value:
            name = key_node.value
            where = f"{key}.{name}" if key else name
            if name not in allowed:
                hint = difflib.get_close_matches(name, allowed, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.fail(
                    key_node, where, f"unknown key{suggestion}; allowed: {', '.join(allowed)}"
                )
            if name in items:
                self.fail(key_node, where, "key given twice")
            items[name] = (key_node, value_node)
        return items

    def value(self, node: yaml.Node, key: str, expected: str):
        if expected == "str":
            if not (
                isinstance(node, yaml.ScalarNode)
                and node.tag.endswith(":str")
                and node.value.strip()
            ):
                self.fail(node, key, f"expected a non-empty string, got {self.describe(node)}")
            return node.value.strip()
        if expected == "list[str]":
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, key, f"expected a list of strings, got {self.describe(node)}")
            return tuple(
                self.value(item, f"{key}[{i}]", "str") for i, item in enumerate(node.value)
            )
        if expected == "date":
            if not isinstance(node, yaml.ScalarNode):
                self.fail(node, key, f"expected a date (YYYY-MM-DD), got {self.describe(node)}")
            try:
                return dt.date.fromisoformat(node.value)
            except ValueError:
                self.fail(node, key, f"expected a date (YYYY-MM-DD), got '{node.value}'")
        raise AssertionError(expected)

    @staticmethod
    def describe(node: yaml.Node) -> str:
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        kind = node.tag.rsplit(":", 1)[-1]
        return f"{kind} '{node.value}'" if node.value != "" else "nothing"

    def url(self, node: yaml.Node, key: str) -> str:
        url = self.value(node, key, "str")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.fail(node, key, f"expected an http(s) URL, got '{url}'")
        return url

    def config(self, root) -> Config:
        if root is None:
            self.fail(None, "incident", "the sources file is empty")
        top = self.mapping(root, "", {"incident": "map", "sources": "list"})
        if "incident" not in top:
            self.fail(root, "incident", "missing (every sources file describes one incident)")
        incident = self.incident(top["incident"][1])
        sources_node = top["sources"][1] if "sources" in top else None
        if self.is_empty(sources_node):
            if not incident.discover_gdelt:
                node = sources_node if sources_node is not None else root
                self.fail(
                    node,
                    "sources",
                    "expected a non-empty list of sources "
                    "(it may be empty only when incident.discover is given)",
                )
            sources_node = None
        elif not isinstance(sources_node, yaml.SequenceNode):
            self.fail(sources_node, "sources", "expected a list of sources")
        nodes = sources_node.value if sources_node is not None else []
        sources = tuple(self.source(node, f"sources[{i}]") for i, node in enumerate(nodes))
        seen: dict[str, Source] = {}
        for source in sources:
            if source.name in seen:
                raise ConfigError(
                    f"{self.path}:{source.line}: sources.name: '{source.name}' is used twice"
                )
            seen[source.name] = source
        needs_start = [s for s in sources if s.archive]
        if needs_start and not incident.window_start:
            self.fail(
                top["incident"][1],
                "incident.window.start",
                f"missing: source '{needs_start[0].name}' has archive patterns, which are "
                "read over the window (give at least its start)",
            )
        return Config(path=self.path, incident=incident, sources=sources)

    @staticmethod
    def is_empty(node) -> bool:
        """No sources at all: the key missing, left blank, or an empty list."""
        if node is None:
            return True
        if isinstance(node, yaml.ScalarNode):
            return node.tag.endswith(":null")
        return isinstance(node, yaml.SequenceNode) and not node.value

    def incident(self, node) -> Incident:
        items = self.mapping(node, "incident", INCIDENT_KEYS)
        for required in ("slug", "title"):
            if required not in items:
                self.fail(node, f"incident.{required}", "missing")
        values = {}
        for name, (_key_node, value_node) in items.items():
            key = f"incident.{name}"
            if name == "window":
                window = self.mapping(value_node, key, WINDOW_KEYS)
                for bound, (_, bound_node) in window.items():
                    values[f"window_{bound}"] = self.value(bound_node, f"{key}.{bound}", "date")
            elif name == "discover":
                discover = self.mapping(value_node, key, DISCOVER_KEYS)
                if "gdelt" not in discover:
                    self.fail(value_node, f"{key}.gdelt", "missing (the query to ask GDELT for)")
                values["discover_gdelt"] = self.value(discover["gdelt"][1], f"{key}.gdelt", "str")
            else:
                values[name] = self.value(value_node, key, INCIDENT_KEYS[name])
        if not SLUG.match(values["slug"]):
            self.fail(
                items["slug"][1],
                "incident.slug",
                "use lowercase letters, digits and dashes (it goes into URLs)",
            )
        if "timezone" in values:
            try:
                ZoneInfo(values["timezone"])
            except (ZoneInfoNotFoundError, ValueError):
                self.fail(
                    items["timezone"][1],
                    "incident.timezone",
                    f"unknown timezone '{values['timezone']}'"
                    " (use an IANA name such as Europe/Rome)",
                )
        values["keywords"] = tuple(k.lower() for k in values.get("keywords", ()))
        start, end = values.get("window_start"), values.get("window_end")
        if start and end and start > end:
            self.fail(items["window"][1], "incident.window", f"start {start} is after end {end}")
        if values.get("discover_gdelt") and not start:
            self.fail(
                items["discover"][1],
                "incident.window.start",
                "missing: discovery asks GDELT over the window (give at least its start)",
            )
        return Incident(**values)

    def source(self, node, key: str) -> Source:
        items = self.mapping(node, key, SOURCE_KEYS)
        for required in ("name", "kind"):
            if required not in items:
                self.fail(node, f"{key}.{required}", "missing")
        values = {"line": node.start_mark.line + 1}
        for name, (_, value_node) in items.items():
            where = f"{key}.{name}"
            if name == "start_urls":
                if not isinstance(value_node, yaml.SequenceNode):
                    self.fail(
                        value_node,
                        where,
                        f"expected a list of URLs, got {self.describe(value_node)}",
                    )
                values[name] = tuple(
                    self.url(n, f"{where}[{i}]") for i, n in enumerate(value_node.value)
                )
            elif name in ("feed", "sitemap", "statuspage"):
                values[name] = self.url(value_node, where)
            elif name == "follow":
                patterns = self.value(value_node, where, "list[str]")
                for i, pattern in enumerate(patterns):
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        self.fail(
                            value_node.value[i],
                            f"{where}[{i}]",
                            f"bad regular expression '{pattern}': {exc}",
                        )
                values[name] = patterns
            elif name == "archive":
                patterns = self.value(value_node, where, "list[str]")
                for i, pattern in enumerate(patterns):
                    problem = archive_pattern_problem(pattern)
                    if problem:
                        self.fail(value_node.value[i], f"{where}[{i}]", problem)
                values[name] = patterns
            else:
                values[name] = self.value(value_node, where, SOURCE_KEYS[name])
        if values["kind"] not in KINDS:
            self.fail(
                items["kind"][1],
                f"{key}.kind",
                f"unknown kind '{values['kind']}'; use one of {', '.join(KINDS)}",
            )
        if not any(values.get(k) for k in CHANNEL_KEYS):
            self.fail(
                node, key, "nothing to crawl: give start_urls, feed, sitemap, statuspage or archive"
            )
        if values["name"] == DISCOVERED:
            self.fail(
                items["name"][1],
                f"{key}.name",
                f"'{DISCOVERED}' is reserved for the articles discovery finds",
            )
        return Source(**values)


ARCHIVE_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*"
    r"|localhost|\d{1,3}(?:\.\d{1,3}){3}",
    re.IGNORECASE,
)


def archive_pattern_host(pattern: str) -> str | None:
    """The host a Wayback CDX url pattern is about, or None when it names none.

    >>> archive_pattern_host("ilpost.it/2023/01/*"), archive_pattern_host("/2023/01/*")
    ('ilpost.it', None)
    """
    rest = re.sub(r"^[a-z][a-z0-9+.-]*://", "", pattern.strip(), flags=re.IGNORECASE)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].removeprefix("*.")
    host = re.sub(r":\d+$", "", host)
    return host.lower() if ARCHIVE_HOST.fullmatch(host) else None


def archive_pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be asked of the archive, or None when it can."""
    if archive_pattern_host(pattern) is None:
        return (
            f"archive pattern '{pattern}' names no host: write it as the archive's url "
            "parameter, e.g. 'news.example/2023/01/*' or 'https://help.example/login'"
        )
    if "*" in pattern.strip().removeprefix("*.").removesuffix("*") or " " in pattern.strip():
        return (
            f"archive pattern '{pattern}': the archive matches a prefix (one trailing '*') "
            "or a domain (a leading '*.'), never a '*' in the middle or a space"
        )
    return None
