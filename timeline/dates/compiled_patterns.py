"""Regex compilation with an on-disk cache of the compiled code, like .pyc files for the grammar.

Parsing and compiling the grammar's ~60 large patterns takes longer than tagging a whole
article, and the tagger is often started for one batch. `re` keeps compiled code only in
memory; here the code `re` produces is stored next to the .pyc files, keyed by the Python
version and the regex engine's magic number, and handed back to the engine on the next
start. Any problem (another Python, an unwritable folder, a changed private API) falls
back to plain `re.compile`.

>>> compile_pattern(r"\\d+", 0).findall("ore 16")
['16']
"""

import atexit
import marshal
import os
import re
import sys

try:  # the engine's own entry points; absent or different on other Pythons
    import _sre
    from re import _compiler, _parser

    CACHE = os.path.join(os.path.dirname(__file__), "__pycache__", f"patterns.{sys.implementation.cache_tag}.{_sre.MAGIC}.marshal")
except (ImportError, AttributeError):
    _sre = None
    CACHE = None

_entries: dict = {}
_changed = False


def _load() -> None:
    global _entries
    try:
        with open(CACHE, "rb") as file:
            _entries = marshal.loads(file.read())
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        _entries = {}


def compile_pattern(pattern: str, flags: int) -> re.Pattern:
    """re.compile(pattern, flags), reusing the compiled code saved by an earlier run."""
    global _changed
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    entry = _entries.get((pattern, flags))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a stale or foreign entry: compile afresh
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groups = parsed.state.groupdict
        names = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        entry = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, dict(groups), tuple(names))
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # noqa: BLE001 - the private API changed: use the public one
        return re.compile(pattern, flags)
    _entries[(pattern, flags)] = entry
    _changed = True
    return compiled


@atexit.register
def _save() -> None:
    if not _changed or CACHE is None:
        return
    try:
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        temporary = f"{CACHE}.{os.getpid()}.tmp"
        with open(temporary, "wb") as file:
            file.write(marshal.dumps(_entries))
        os.replace(temporary, CACHE)
    except (OSError, ValueError):  # a read-only install: compile at each start, as re does
        pass


if CACHE is not None:
    _load()
