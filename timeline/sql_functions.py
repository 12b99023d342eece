"""SQL functions the canned queries use (metadata.yml), so their rows read as words:

    stem_query(q)              → a safe, stemmed FTS5 MATCH expression (timeline/search.py)
    timeline_label(code, lang) → 'outage_start', 'it' → 'inizio del disservizio'
    timeline_time(at, precision, earliest, latest, timezone, lang)
                               → the time of day as precisely as known, in the incident's
                                 timezone: '22:15', 'verso le 22:00', 'sera', '' for a day

``register(conn)`` adds them to a sqlite3 connection: Datasette's (web/plugins/sql_functions.py)
and any other that runs the same queries (bench/serve.py).
"""

from __future__ import annotations

import sqlite3

from incident_timeline.labels import label, language, moment_label
from incident_timeline.search import stemmed_query


def timeline_label(code, lang=None):
    return None if code is None else label(code, language(lang, "en"))


def timeline_time(at, precision, earliest, latest, timezone, lang=None):
    return (
        moment_label(
            at, precision, earliest, latest, tz=timezone, lang=language(lang, "en"), style="clock"
        )
        or None
    )


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("stem_query", 1, stemmed_query, deterministic=True)
    conn.create_function("timeline_label", 2, timeline_label, deterministic=True)
    conn.create_function("timeline_time", 6, timeline_time, deterministic=True)
