"""The docs agree with the code, where that can be checked without reading them.

Every relative link of the project's Markdown resolves (file, and heading anchor when it names
one); every file path the prose names (``timeline/store.py``, ``web/plugins/feeds.py``) exists;
every ``timeline <command>`` line of a code block or code span uses options its parser accepts
(and values it accepts, where the doc gives a real one rather than FILE or N); every module the
docs name (``incident_timeline.serve``, ``python -m …``) imports under the installed name.

The Markdown is read at collection time (plain files, no import); the parsers are built in
fixtures by calling each command with ``parse_args`` intercepted, so nothing runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted(
    {
        *ROOT.glob("*.md"),
        *ROOT.glob("docs/*.md"),
        ROOT / "db" / "README.md",
        ROOT / "corpus" / "README.md",
        ROOT / "corpus" / "stories" / "README.md",
        ROOT / "tests" / "fixtures" / "README.md",
    }
)
# Top-level folders whose files the prose names as repository paths.
REPO_FOLDERS = "bench|corpus|db|docs|pipelines|sources|spiders|tests|timeline|web"
REPO_PATH = re.compile(
    rf"(?<![\w/.~<-])((?:{REPO_FOLDERS})/[\w./{{}}-]*"
    r"(?:\.(?:py|md|yml|yaml|html|css|json|db|txt|cfg|toml)|/))(?![\w/<{*…-])"
)
# Files a run makes (a database under db/, a benchmark's output, all git-ignored) and a
# user's own sources file.
MADE_BY_RUNS = re.compile(r"^db/[^/]+\.db$|^bench/output/|^sources/my-[\w-]+\.yml$")
FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
TOP_LEVEL_OPTIONS = ("--version", "-h", "--help")
# A value shown as a placeholder (FILE, N, NAME=VALUE, <slug>, …) is not checked.
PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_]*(=[A-Z][A-Z0-9_]*)?$|[<>…*]")
SHELL_BREAKS = {"<", ">", ">>", "2>", "2>&1", "|", "&&", ";"}
CLASS_PATH = re.compile(r"^[a-z_][\w.]*\.[A-Z]\w*$")
QUOTED_NAME = re.compile(r"[\"']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[\"']")
FILE_NAME = re.compile(r"\.(?:db|css|yml|py|md|html|json)$")
OLD_PACKAGE = re.compile(r"(?<![\w.])timeline\.([a-z_]+)(?:\.[\w.]+)?")


@dataclass(frozen=True)
class Snippet:
    """A piece of a doc: where it is (for the test id) and its text."""

    doc: Path
    line: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def parts(doc: Path) -> tuple[list[Snippet], list[Snippet]]:
    """The prose lines and the code-block lines of a Markdown file (``\\`` continuations
    joined into one line)."""
    prose, code, fenced, pending = [], [], False, None
    for number, line in enumerate(doc.read_text("utf-8").splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            prose.append(Snippet(doc, number, line))
        else:
            if pending is None:
                pending = Snippet(doc, number, line)
            else:
                pending = Snippet(doc, pending.line, f"{pending.text} {line.strip()}")
            if pending.text.endswith("\\"):
                pending = Snippet(doc, pending.line, pending.text[:-1].rstrip())
            else:
                code.append(pending)
                pending = None
    return prose, code


def without_code_spans(text: str) -> str:
    return CODE_SPAN.sub(" ", text)


def code_spans(snippets: list[Snippet]) -> list[Snippet]:
    return [
        Snippet(s.doc, s.line, m.group(2)) for s in snippets for m in CODE_SPAN.finditer(s.text)
    ]


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: ``## Serving decisions (timeline/serve.py)`` →
    ``serving-decisions-timelineservepy``."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[`*]", "", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found, seen = set(), {}
    for snippet in parts(doc)[0]:
        match = HEADING.match(snippet.text)
        if match:
            base = slug(match.group(1))
            found.add(base if base not in seen else f"{base}-{seen[base]}")
            seen[base] = seen.get(base, 0) + 1
    return found


def links() -> list[tuple[Snippet, str]]:
    return [
        (snippet, target)
        for doc in DOCS
        for snippet in parts(doc)[0]
        for target in LINK.findall(without_code_spans(snippet.text))
        if not re.match(r"^[a-z][a-z0-9+.-]*:|^//", target)
    ]


def repo_paths() -> list[tuple[Snippet, str]]:
    found = {}
    for doc in DOCS:
        prose = parts(doc)[0]
        for snippet in prose + code_spans(prose):
            for path in REPO_PATH.findall(snippet.text):
                if not MADE_BY_RUNS.match(path):
                    found.setdefault((snippet.where, path), (snippet, path))
    return list(found.values())


def command_lines() -> list[Snippet]:
    """Every ``timeline …`` invocation: a command of a code block (a segment of a pipeline
    included) or a code span that starts with one; not a message the command prints."""
    lines = {}
    for doc in DOCS:
        prose, code = parts(doc)
        for snippet in code + code_spans(prose):
            for segment in re.split(r"\s(?:\|\||\||&&|;)\s", snippet.text):
                words = segment.split()
                said = len(words) > 1 and words[1].endswith(":")  # "timeline check: error: …"
                if (
                    words
                    and not said
                    and (words[0] == "timeline" or words[0].endswith("bin/timeline"))
                ):
                    found = Snippet(snippet.doc, snippet.line, segment.strip())
                    lines.setdefault((found.where, found.text), found)
    return list(lines.values())


def module_references() -> list[tuple[Snippet, str]]:
    """Modules named in code: ``python -m X``, ``from X import``, and dotted code spans."""
    found = []
    for doc in DOCS:
        prose, code = parts(doc)
        for snippet in code + code_spans(prose):
            for name in re.findall(r"python3?\s+-m\s+([\w.]+)", snippet.text):
                found.append((snippet, name))
            for name in re.findall(r"^\s*(?:>>>\s*)?from\s+([\w.]+)\s+import\b", snippet.text):
                found.append((snippet, name))
        for snippet in code_spans(prose):
            name = re.sub(r"\(.*$", "", snippet.text.strip())
            if re.fullmatch(r"(?:incident_)?timeline(?:\.\w+)+", name) and not FILE_NAME.search(
                name
            ):
                found.append((snippet, name))
    return found


LINKS = links()
PATHS = repo_paths()
COMMAND_LINES = command_lines()
MODULES = module_references()


def cases(found: list[tuple[Snippet, str]]) -> list:
    """pytest params named by place and value."""
    return [pytest.param(snippet, value, id=f"{snippet.where} {value}") for snippet, value in found]


def test_the_docs_are_found():
    assert {"README.md", "docs/PIPELINE.md", "docs/PUBLISHING.md"} <= {
        str(d.relative_to(ROOT)) for d in DOCS
    }


def test_the_checks_find_what_they_check():
    """The collectors are not silently empty (a broken pattern would pass every doc)."""
    found = {"links": len(LINKS), "paths": len(PATHS), "commands": len(COMMAND_LINES)}
    assert {name: count > 5 for name, count in found.items()} == dict.fromkeys(found, True)


@pytest.mark.parametrize("snippet, target", cases(LINKS))
def test_relative_link_resolves(snippet, target):
    path, _, anchor = target.partition("#")
    linked = (snippet.doc.parent / path).resolve() if path else snippet.doc
    assert linked.exists(), f"{snippet.where}: {target} → no such file"
    if anchor and linked.suffix == ".md":
        assert anchor in anchors(linked), f"{snippet.where}: no heading #{anchor} in {path}"


@pytest.mark.parametrize("snippet, path", cases(PATHS))
def test_named_repo_path_exists(snippet, path):
    assert (ROOT / path).exists(), f"{snippet.where}: {path} does not exist"


class Captured(Exception):
    def __init__(self, parser: argparse.ArgumentParser):
        self.parser = parser


@pytest.fixture(scope="session")
def parsers() -> dict[str, argparse.ArgumentParser]:
    """Each command's parser, as the command builds it (parse_args stops it there)."""
    from incident_timeline.cli import COMMANDS as COMMAND_FUNCTIONS

    def capture(self, args=None, namespace=None):
        raise Captured(self)

    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_args", capture)
        for command, function in COMMAND_FUNCTIONS.items():
            try:
                function([])
            except Captured as captured:
                found[command] = captured.parser
    return found


@pytest.fixture(scope="session")
def setting_names() -> set[str]:
    """Scrapy's settings, the project's, and every upper-case name the code reads."""
    import incident_timeline
    import incident_timeline.pipelines
    import incident_timeline.spiders
    from incident_timeline import settings as project
    from scrapy.settings import default_settings

    names = {n for module in (default_settings, project) for n in dir(module) if n.isupper()}
    for package in (incident_timeline, incident_timeline.spiders, incident_timeline.pipelines):
        for source in Path(package.__file__).parent.rglob("*.py"):
            names |= set(QUOTED_NAME.findall(source.read_text("utf-8")))
    return names


def test_every_command_has_a_parser(parsers):
    from incident_timeline.cli import COMMANDS

    assert sorted(parsers) == sorted(COMMANDS)


def shown_arguments(line: str) -> list[str]:
    """The arguments after ``timeline``: usage brackets dropped, shell redirections cut off."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError:
        words = line.split()
    arguments = []
    for word in words[1:]:
        if word in SHELL_BREAKS or word.startswith(("<", ">", "#")):
            break
        word = word.strip("[]")
        if word:
            arguments.append(word)
    return arguments


def concrete(value: str) -> list[str]:
    """The real values a doc shows (``md|html`` is two), none for a placeholder."""
    return [v for v in value.split("|") if v and not PLACEHOLDER.search(v)]


def importable(dotted: str) -> bool:
    module, _, attribute = dotted.rpartition(".")
    try:
        return hasattr(importlib.import_module(module), attribute)
    except ImportError:
        return False


def import_problem(name: str) -> str | None:
    """Why ``name`` (a module, or an attribute of one) is not what a user can import, if so.

    A checkout's ``timeline/`` folder imports from the checkout itself, but an installed
    project has only ``incident_timeline``: the old name is a problem even where it imports.
    """
    old = OLD_PACKAGE.match(name)
    if old and importlib.util.find_spec(f"incident_timeline.{old.group(1)}") is not None:
        return f"{name} is now incident_timeline.{name.split('.', 1)[1]}"
    try:
        importlib.import_module(name)
        return None
    except ImportError:
        return None if "." in name and importable(name) else f"{name} does not import"


def problems(arguments: list[str], parser: argparse.ArgumentParser, settings: set[str]) -> list:
    actions = {s: a for a in parser._actions for s in a.option_strings}
    found, position = [], 0
    while position < len(arguments):
        word = arguments[position]
        position += 1
        if not word.startswith("-") or word == "-":
            continue
        name, has_value, value = word.partition("=")
        action = actions.get(name)
        if action is None:
            found.append(f"unknown option {name}")
            continue
        if action.nargs == 0:
            continue
        if not has_value:
            value = arguments[position] if position < len(arguments) else ""
            position += 1
        for one in concrete(value):
            if action.choices and one not in action.choices:
                found.append(f"{name} {one}: not one of {sorted(action.choices)}")
            elif action.type is int and not one.isdigit():
                found.append(f"{name} {one}: not a number")
            elif action.dest == "settings":
                setting, _, setting_value = one.partition("=")
                if setting not in settings:
                    found.append(f"-s {setting}: no such setting")
                if CLASS_PATH.match(setting_value) and import_problem(setting_value):
                    found.append(f"-s {one}: {import_problem(setting_value)}")
    return found


@pytest.mark.parametrize(
    "snippet",
    COMMAND_LINES,
    ids=[f"{c.where} {' '.join(c.text.split()[:2])}" for c in COMMAND_LINES],
)
def test_command_line_is_accepted(snippet, parsers, setting_names):
    arguments = shown_arguments(snippet.text)
    if not arguments or arguments[0] in TOP_LEVEL_OPTIONS:
        return
    command = arguments[0]
    assert command in parsers, f"{snippet.where}: no command 'timeline {command}'"
    assert problems(arguments[1:], parsers[command], setting_names) == [], snippet.text


@pytest.mark.parametrize("snippet, name", cases(MODULES))
def test_named_module_imports_under_the_installed_name(snippet, name):
    assert import_problem(name) is None, f"{snippet.where}: {import_problem(name)}"
