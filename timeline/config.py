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
import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

KINDS = ("news", "provider", "consumer", "regulator", "status", "social")


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
    line: int = 0

    @property
    def follow_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.follow)


@dataclass(frozen=True)
class Config:
    path: Path
    incident: Incident
    sources: tuple[Source, ...] = field(default_factory=tuple)

    def source(self, name: str) -> Source:
        return next(s for s in self.sources if s.name == name)


# The schema: key → (type check, description used in error messages).
INCIDENT_KEYS = {
    "slug": "str", "title": "str", "timezone": "str", "keywords": "list[str]",
    "window": "map", "description": "str",
}
WINDOW_KEYS = {"start": "date", "end": "date"}
SOURCE_KEYS = {
    "name": "str", "kind": "str", "start_urls": "list[str]", "follow": "list[str]",
    "feed": "str", "sitemap": "str", "statuspage": "str",
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

    def mapping(self, node, key: str, allowed: dict[str, str]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, key, "expected a mapping of keys to values")
        items = {}
        for key_node, value_node in node.value:
            name = key_node.value
            where = f"{key}.{name}" if key else name
            if name not in allowed:
                hint = difflib.get_close_matches(name, allowed, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.fail(key_node, where, f"unknown key{suggestion}; allowed: {', '.join(allowed)}")
            if name in items:
                self.fail(key_node, where, "key given twice")
            items[name] = (key_node, value_node)
        return items

    def value(self, node: yaml.Node, key: str, expected: str):
        if expected == "str":
            if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip()):
                self.fail(node, key, f"expected a non-empty string, got {self.describe(node)}")
            return node.value.strip()
        if expected == "list[str]":
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, key, f"expected a list of strings, got {self.describe(node)}")
            return tuple(self.value(item, f"{key}[{i}]", "str") for i, item in enumerate(node.value))
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
        if "sources" not in top:
            self.fail(root, "sources", "missing (list the sites to crawl)")
        incident = self.incident(top["incident"][1])
        sources_node = top["sources"][1]
        if not isinstance(sources_node, yaml.SequenceNode) or not sources_node.value:
            self.fail(sources_node, "sources", "expected a non-empty list of sources")
        sources = tuple(self.source(node, f"sources[{i}]") for i, node in enumerate(sources_node.value))
        seen: dict[str, Source] = {}
        for source in sources:
            if source.name in seen:
                raise ConfigError(f"{self.path}:{source.line}: sources.name: '{source.name}' is used twice")
            seen[source.name] = source
        return Config(path=self.path, incident=incident, sources=sources)

    def incident(self, node) -> Incident:
        items = self.mapping(node, "incident", INCIDENT_KEYS)
        for required in ("slug", "title"):
            if required not in items:
                self.fail(node, f"incident.{required}", "missing")
        values = {}
        for name, (key_node, value_node) in items.items():
            key = f"incident.{name}"
            if name == "window":
                window = self.mapping(value_node, key, WINDOW_KEYS)
                for bound, (_, bound_node) in window.items():
                    values[f"window_{bound}"] = self.value(bound_node, f"{key}.{bound}", "date")
            else:
                values[name] = self.value(value_node, key, INCIDENT_KEYS[name])
        if not SLUG.match(values["slug"]):
            self.fail(items["slug"][1], "incident.slug", "use lowercase letters, digits and dashes (it goes into URLs)")
        if "timezone" in values:
            try:
                ZoneInfo(values["timezone"])
            except (ZoneInfoNotFoundError, ValueError):
                self.fail(items["timezone"][1], "incident.timezone", f"unknown timezone '{values['timezone']}' (use an IANA name such as Europe/Rome)")
        values["keywords"] = tuple(k.lower() for k in values.get("keywords", ()))
        start, end = values.get("window_start"), values.get("window_end")
        if start and end and start > end:
            self.fail(items["window"][1], "incident.window", f"start {start} is after end {end}")
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
                    self.fail(value_node, where, f"expected a list of URLs, got {self.describe(value_node)}")
                values[name] = tuple(self.url(n, f"{where}[{i}]") for i, n in enumerate(value_node.value))
            elif name in ("feed", "sitemap", "statuspage"):
                values[name] = self.url(value_node, where)
            elif name == "follow":
                patterns = self.value(value_node, where, "list[str]")
                for i, pattern in enumerate(patterns):
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        self.fail(value_node.value[i], f"{where}[{i}]", f"bad regular expression '{pattern}': {exc}")
                values[name] = patterns
            else:
                values[name] = self.value(value_node, where, SOURCE_KEYS[name])
        if values["kind"] not in KINDS:
            self.fail(items["kind"][1], f"{key}.kind", f"unknown kind '{values['kind']}'; use one of {', '.join(KINDS)}")
        if not any(values.get(k) for k in ("start_urls", "feed", "sitemap", "statuspage")):
            self.fail(node, key, "nothing to crawl: give start_urls, feed, sitemap or statuspage")
        return Source(**values)


def is_public_host(host: str | None) -> bool:
    """False for hosts a scraped link must never send us to (private, loopback, link-local IPs)."""
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host.lower() != "localhost" and not host.lower().endswith(".localhost")
    return address.is_global
