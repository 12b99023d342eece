"""Page history: every distinct content an archived page showed, and its changes as events.

    ensure_versions_schema(db)                                  # with the store's schema
    write_versions(conn, document_id, item["versions"])          # inside the document's transaction
    page_change_events(item["history"], item["versions"], "Europe/Rome", "it", "provider")

A page read from the archive (spiders/archive.py) carries ``versions`` (one per distinct
content: ``content_hash`` = the archive's digest, ``captured_at`` = its first capture,
``archived_url``, ``title``, ``text``) and ``history`` (its runs in time order: the content
shown, first and last seen). Each later run whose text differs from the one before is a
change: it happened after the last capture that still showed the previous text
(``earliest``) and by the first capture showing the new one (``latest``). The statement is
what changed: the sentences added, else the sentences removed.
"""

from __future__ import annotations

import datetime as dt
import re

from incident_timeline.categories import categorise
from incident_timeline.moments import local_day, parse_moment

VERSION_COLUMNS = {
    "id": int,
    "document_id": int,
    "captured_at": str,
    "archived_url": str,
    "content_hash": str,
    "title": str,
    "text": str,
}
VERSION_FIELDS = ("document_id", "captured_at", "archived_url", "content_hash", "title", "text")
# The columns a document read from the archive adds (documents.found_via = 'archive').
DOCUMENT_ARCHIVE_COLUMNS = {"archived_url": str, "captured_at": str}
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'«“(\[]?[A-ZÀ-ÖØ-Þ0-9])")
STATEMENT_MAX = 500
REMOVED = {
    "it": "Rimosso dalla pagina: ",
    "en": "Removed from the page: ",
    "fr": "Retiré de la page : ",
    "de": "Von der Seite entfernt: ",
    "es": "Eliminado de la página: ",
}


def ensure_versions_schema(db) -> None:
    """Create ``versions`` and the documents' archive columns when missing (safe to call again)."""
    if "versions" not in db.table_names():
        db["versions"].create(
            VERSION_COLUMNS, pk="id", foreign_keys=[("document_id", "documents", "id")]
        )
        db["versions"].create_index(["document_id", "captured_at"])
    columns = db["documents"].columns_dict
    for name, kind in DOCUMENT_ARCHIVE_COLUMNS.items():
        if name not in columns:
            db["documents"].add_column(name, kind)


def write_versions(conn, document_id: int, versions: list[dict] | None) -> None:
    """Replace the document's versions by ``versions`` (None: a document without history).

    Unchanged versions keep their rows: a re-crawl writes nothing.
    """
    if versions is None:
        return
    rows = [(document_id, *(v.get(k) for k in VERSION_FIELDS[1:])) for v in versions]
    old = conn.execute(
        f"select {', '.join(VERSION_FIELDS)} from versions where document_id = ? "
        "order by captured_at, id",
        [document_id],
    ).fetchall()
    if [tuple(row) for row in old] == sorted(rows, key=lambda row: row[1] or ""):
        return
    conn.execute("delete from versions where document_id = ?", [document_id])
    conn.executemany(
        f"insert into versions ({', '.join(VERSION_FIELDS)}) values "
        f"({', '.join('?' * len(VERSION_FIELDS))})",
        sorted(rows, key=lambda row: row[1] or ""),
    )


def versions_text(item: dict) -> str:
    """The titles and texts of an archived page's versions, for relevance ("" for others)."""
    return "".join(
        f"\n{v.get('title') or ''}\n{v.get('text') or ''}" for v in item.get("versions") or ()
    )


def changed(item: dict) -> bool:
    """True when an archived page showed more than one text (its captures are all in the window)."""
    return len({" ".join((v.get("text") or "").split()) for v in item.get("versions") or ()}) > 1


def sentences(text: str | None) -> list[str]:
    """The sentences of a text, each once, in order (lines, then sentence ends).

    >>> sentences("La posta è tornata. Ci scusiamo.\\nAggiornamento: ore 18")
    ['La posta è tornata.', 'Ci scusiamo.', 'Aggiornamento: ore 18']
    """
    found: dict[str, None] = {}
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        for sentence in SENTENCE_END.split(line) if line else ():
            if sentence.strip():
                found.setdefault(sentence.strip(), None)
    return list(found)


def changed_sentences(old: str | None, new: str | None) -> tuple[list[str], list[str]]:
    """(sentences added, sentences removed) from ``old`` to ``new``."""
    before, after = sentences(old), sentences(new)
    return [s for s in after if s not in set(before)], [s for s in before if s not in set(after)]


def same_text(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def shortened(text: str, limit: int = STATEMENT_MAX) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def precision_of(earliest: dt.datetime, latest: dt.datetime) -> str:
    """How precisely a change between two captures is dated: by the gap between them."""
    gap = latest - earliest
    if gap <= dt.timedelta(minutes=1):
        return "minute"
    if gap <= dt.timedelta(hours=1):
        return "hour"
    if earliest.date() == latest.date():
        return "day"
    return "days"


def interval_value(earliest: dt.datetime, latest: dt.datetime, precision: str) -> tuple[str, str]:
    """(value, type) of the interval a change lies in: the ISO 8601 interval ``EARLIEST/LATEST``,
    a TIME when it is known to the hour or better, else a DATE."""
    kind = "TIME" if precision in ("minute", "hour") else "DATE"
    return f"{earliest.isoformat()}/{latest.isoformat()}", kind


def change_event(
    before: dict,
    after: dict,
    old: dict,
    new: dict,
    timezone: str,
    lang: str | None,
    kind: str | None,
) -> dict:
    """The event of one change: ``before``/``after`` are runs, ``old``/``new`` their versions."""
    earliest, latest = (
        parse_moment(before["last"], timezone),
        parse_moment(after["first"], timezone),
    )
    added, removed = changed_sentences(old.get("text"), new.get("text"))
    if added:
        sentence = shortened(" ".join(added))
        category, actor = categorise(sentence, lang or "it", kind)
    else:
        sentence = shortened(REMOVED.get((lang or "")[:2], REMOVED["en"]) + " ".join(removed))
        # What a page stopped saying is not that thing happening again.
        category, actor = "other", categorise(sentence, lang or "it", kind)[1]
    precision = precision_of(earliest, latest)
    value, value_type = interval_value(earliest, latest, precision)
    at, low = latest.isoformat(), earliest.isoformat()
    return {
        "origin": "page_change",
        "text": sentence,
        "value": value,
        "type": value_type,
        "mod": None,
        "earliest": low,
        "latest": at,
        "day": local_day(at, timezone),
        "sentence": sentence,
        "span_start": None,
        "span_end": None,
        "category": category,
        "actor": actor,
        "reported_at": at,
        "happened_at": at,
        "happened_earliest": low,
        "happened_latest": at,
        "happened_precision": precision,
        "happened_day": local_day(at, timezone),
        "modality": "happened",
    }


def page_change_events(
    history: list[dict],
    versions: list[dict],
    timezone: str,
    lang: str | None = None,
    kind: str | None = None,
) -> list[dict]:
    """One event per change of text along the page's history; the first version gives none.

    A run whose content was not read (capped, or its capture failed) is skipped: the change is
    then dated between the last run read before it and the next run read.
    """
    texts = {version["content_hash"]: version for version in versions}
    events, previous = [], None
    for run in history:
        version = texts.get(run["content_hash"])
        if version is None:
            continue
        if previous is not None and not same_text(previous[1].get("text"), version.get("text")):
            events.append(
                change_event(previous[0], run, previous[1], version, timezone, lang, kind)
            )
        previous = (run, version)
    return events
