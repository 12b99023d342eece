"""The timeline database, written with sqlite-utils: incidents, sources, documents, events.

    store = TimelineStore("db/timeline.db")
    store.save_incident(config.incident)
    doc_id = store.save_document({"url": "http://…", "title": "…", …}, events=[{…}])

A document is keyed by its URL: saving it again updates the row (and replaces its events)
instead of adding one, and keeps its provenance (content hash, first and last fetch time).
Each document is committed with its events in one transaction; the database is in WAL
mode so Datasette can read while a crawl writes, and several crawler processes (the
distributed mode, docs/DISTRIBUTED.md) can write the same file: writers wait their turn
(busy_timeout) instead of failing. ``save_documents`` writes many documents per transaction
for bulk loads, with the same per-document rules.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import sqlite_utils
from incident_timeline.config import Config, Incident
from incident_timeline.items import Document, Event, columns
from incident_timeline.versions import ensure_versions_schema, write_versions
from itemadapter import ItemAdapter

# The schema is derived from the dataclasses of timeline/items.py: one declaration.
DOCUMENT_COLUMNS = columns(Document)
EVENT_COLUMNS = columns(Event)
# Filled by the store from the document (id, incident, source, kind), not by the event.
EVENT_FIELDS = tuple(
    c for c in EVENT_COLUMNS if c not in ("id", "document_id", "incident", "source", "kind")
)
# Provenance columns are the store's own (content_hash, first/last fetch, last change).
PROVENANCE = ("content_hash", "first_fetched", "last_fetched", "last_changed")
DOCUMENT_FIELDS = tuple(c for c in DOCUMENT_COLUMNS if c not in ("id", *PROVENANCE))
# A document found through a structured channel is not overwritten by a scraped page of the same
# URL.
CHANNEL_TRUST = {"statuspage": 1}
EVENT_ROW_FIELDS = ("document_id", "incident", "source", "kind") + EVENT_FIELDS
INSERT_DOCUMENT = (
    f"insert into documents ({', '.join(DOCUMENT_FIELDS + PROVENANCE)}) "
    f"values ({', '.join('?' * (len(DOCUMENT_FIELDS) + len(PROVENANCE)))})"
)
UPDATE_DOCUMENT = (
    f"update documents set {', '.join(f'{k} = ?' for k in DOCUMENT_FIELDS)}, content_hash = ?, "
    "first_fetched = ?, last_fetched = ?, last_changed = ? where id = ?"
)
INSERT_EVENT = (
    f"insert into events ({', '.join(EVENT_ROW_FIELDS)}) "
    f"values ({', '.join('?' * len(EVENT_ROW_FIELDS))})"
)
SCHEMA_TABLES = {"incidents", "sources", "documents", "documents_fts", "events"}
# Release 0.1.0's corroboration tables, replaced by key_moments (their links would block the
# rewrite of a document's events).
LEGACY_TABLES = ("event_happening", "happenings", "event_counts")  # links first
# What the incident page and the timeline query read on a big database (bench/serve.py):
# the timeline in order without a sort, and the per-incident sources from an index alone.
SERVING_INDEXES = (
    "create index if not exists idx_events_incident_day_earliest"
    " on events (incident, day, earliest)",
    "create index if not exists idx_events_incident_source on events (incident, source)",
    # The timeline query without an incident: a day range in time order.
    "create index if not exists idx_events_day_earliest on events (day, earliest)",
    # The table views' default sorts (metadata.yml): events by earliest, documents by
    # published desc, first page without sorting the whole table.
    "create index if not exists idx_events_earliest on events (earliest)",
    "create index if not exists idx_documents_published on documents (published)",
    "create index if not exists idx_documents_incident_source on documents (incident, source)",
    # The incident page and the timeline query: events by the day they happened, in time order.
    "create index if not exists idx_events_incident_happened"
    " on events (incident, happened_day, happened_at)",
    "create index if not exists idx_events_happened on events (happened_day, happened_at)",
)
# Full-text search over title and text (FTS5, external content = documents, kept in step by
# triggers). Created here rather than with sqlite-utils' enable_fts for the prefix indexes:
# stemmed search (timeline/search.py) asks for prefixes ("serviz"*), which without an index
# of that exact length make FTS5 merge every matching term's doclist on each query (~50 ms
# per common word at a million documents). Lengths 3–8 cover the stems of common Italian
# and English words; a longer prefix still works, unindexed. Docs: PUBLISHING.md.
FTS_PREFIX = "3 4 5 6 7 8"
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_SCHEMA = (
    # content="documents" in double quotes: how sqlite-utils' detect_fts() recognises it.
    'create virtual table documents_fts using fts5(title, text, content="documents", '
    f"content_rowid='id', tokenize='{FTS_TOKENIZE}', prefix='{FTS_PREFIX}')"
)
# The same triggers (names and statements) as sqlite-utils' enable_fts(create_triggers=True).
FTS_TRIGGERS = (
    """create trigger documents_ai after insert on documents begin
  insert into documents_fts (rowid, title, text) values (new.id, new.title, new.text);
end""",
    """create trigger documents_ad after delete on documents begin
  insert into documents_fts (documents_fts, rowid, title, text) values ('delete', old.id, old.title,
  old.text);
end""",
    """create trigger documents_au after update on documents begin
  insert into documents_fts (documents_fts, rowid, title, text) values ('delete', old.id, old.title,
  old.text);
  insert into documents_fts (rowid, title, text) values (new.id, new.title, new.text);
end""",
)
# Writers from other processes (distributed crawl, a second crawl) wait this long for the lock.
BUSY_TIMEOUT_MS = 60_000


def utc_now() -> str:
    """Now, as ISO 8601 in UTC with offset (fetch times are machine times, not incident times)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def sql_value(value):
    """A value SQLite can store: lists and mappings as JSON text, as sqlite-utils writes them."""
    return (
        json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else value
    )


def content_hash(document: dict) -> str:
    """A stable fingerprint of what a reader sees: title, dates and text."""
    seen = json.dumps(
        [document.get(k) for k in ("title", "author", "published", "updated", "text")],
        ensure_ascii=False,
    )
    return hashlib.sha256(seen.encode("utf-8")).hexdigest()


class TimelineStore:
    """Creates the schema on first use and writes documents and events idempotently."""

    def __init__(self, path: str | Path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite_utils.Database(path)
        self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            # Switching needs the file to itself and does not wait on busy_timeout: two crawler
            # processes opening a new database together take turns on the schema lock.
            with schema_lock(self.path):
                self.db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a commit is durable against a process crash, without an fsync each.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.ensure_schema()

    def ensure_schema(self) -> None:
        """Create tables, indexes and full-text search if missing, and add the columns an older
        database lacks (safe to call every time)."""
        tables = set(self.db.table_names())
        if not SCHEMA_TABLES <= tables or missing_columns(self.db) or tables & set(LEGACY_TABLES):
            # Two crawler processes may start on a new file together: one creates, the other waits.
            with schema_lock(self.path):
                self.create_schema()
                add_missing_columns(self.db)
                for name in LEGACY_TABLES:
                    if name in self.db.table_names():
                        self.db[name].drop()
        if not fts_is_current(self.db):
            with schema_lock(self.path):
                migrate_fts(self.db)
        with schema_lock(self.path):
            ensure_versions_schema(self.db)  # archived pages' versions (issue 14)
        for sql in SERVING_INDEXES:
            self.db.execute(sql)

    def create_schema(self) -> None:
        db = self.db
        if "incidents" not in db.table_names():
            db["incidents"].create(
                {
                    "slug": str,
                    "title": str,
                    "description": str,
                    "timezone": str,
                    "keywords": str,
                    "window_start": str,
                    "window_end": str,
                    "discover_gdelt": str,
                },
                pk="slug",
            )
        if "sources" not in db.table_names():
            db["sources"].create(
                {
                    "id": str,
                    "incident": str,
                    "name": str,
                    "kind": str,
                    "start_urls": str,
                    "follow": str,
                    "feed": str,
                    "sitemap": str,
                    "statuspage": str,
                    "archive": str,
                },
                pk="id",
                foreign_keys=[("incident", "incidents", "slug")],
            )
        if "documents" not in db.table_names():
            db["documents"].create(
                DOCUMENT_COLUMNS,
                pk="id",
                not_null={"url"},
                foreign_keys=[("incident", "incidents", "slug")],
            )
            db["documents"].create_index(["url"], unique=True)
            db["documents"].create_index(["incident", "published"])
            db["documents"].create_index(["source"])
            db["documents"].create_index(["day"])
        if "documents_fts" not in db.table_names():
            migrate_fts(db)
        if "events" not in db.table_names():
            db["events"].create(
                EVENT_COLUMNS, pk="id", foreign_keys=[("document_id", "documents", "id")]
            )
            db["events"].create_index(["document_id"])
            db["events"].create_index(["incident", "earliest"])
            db["events"].create_index(["incident", "day"])
            db["events"].create_index(["category"])

    def save_incident(self, incident: Incident) -> None:
        """Insert or update the incident row."""
        self.db["incidents"].upsert(
            {
                "slug": incident.slug,
                "title": incident.title,
                "description": incident.description,
                "timezone": incident.timezone,
                "keywords": json.dumps(list(incident.keywords)),
                "window_start": incident.window_start.isoformat()
                if incident.window_start
                else None,
                "window_end": incident.window_end.isoformat() if incident.window_end else None,
                "discover_gdelt": incident.discover_gdelt,
            },
            pk="slug",
            alter=True,  # a database of an earlier release gains the new columns
        )

    def save_config(self, config: Config) -> None:
        """Record the incident and its sources (so the database says where its rows came from)."""
        with self.db.conn:
            self.save_incident(config.incident)
            for source in config.sources:
                self.db["sources"].upsert(
                    {
                        "id": f"{config.incident.slug}/{source.name}",
                        "incident": config.incident.slug,
                        "name": source.name,
                        "kind": source.kind,
                        "start_urls": json.dumps(list(source.start_urls)),
                        "follow": json.dumps(list(source.follow)),
                        "feed": source.feed,
                        "sitemap": source.sitemap,
                        "statuspage": source.statuspage,
                        "archive": json.dumps(list(source.archive)),
                    },
                    pk="id",
                    alter=True,
                )

    def save_document(self, document: dict, events: Iterable[dict] = ()) -> int:
        """Insert or update one document by URL and replace its events, in one transaction.

        Returns the document id. Provenance: ``first_fetched`` is kept from the first save,
        ``last_fetched`` is now, ``last_changed`` moves only when the content hash changes.
        """
        with self.transaction():
            return self.write_document(document, events)

    def save_documents(
        self, documents: Iterable[tuple[dict, Iterable[dict]]], batch_size: int = 1000
    ) -> int:
        """Save ``(document, events)`` pairs as ``save_document`` does, ``batch_size`` documents per
        transaction.

        For bulk loads: ``store.save_documents(((doc, doc["events"]) for doc in docs), 5000)``.
        A document is never committed without its events. Returns how many were saved.
        """
        pairs = iter(documents)
        saved = 0
        while batch := list(islice(pairs, batch_size)):
            with self.transaction():
                for document, events in batch:
                    self.write_document(document, events)
            saved += len(batch)
        return saved

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taking the write lock up front so a concurrent writer cannot
        slip in between our read of the existing row and our write (BEGIN IMMEDIATE)."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def write_document(self, document: dict | Document, events: Iterable[dict | Event]) -> int:
        """The writes of ``save_document``, inside the caller's transaction."""
        document = ItemAdapter(document)
        events = [ItemAdapter(event) for event in events]
        now = document.get("fetched_at") or utc_now()
        values = [sql_value(document.get(k)) for k in DOCUMENT_FIELDS]
        digest = content_hash(document)
        conn = self.db.conn
        existing = conn.execute(
            "select id, content_hash, first_fetched, last_changed, found_via"
            " from documents where url = ?",
            [document.get("url")],
        ).fetchone()
        if existing:
            doc_id, old_hash, first_fetched, last_changed, found_via = existing
            if CHANNEL_TRUST.get(found_via, 0) > CHANNEL_TRUST.get(document.get("found_via"), 0):
                # The same URL read from a structured API beats its HTML rendering.
                return doc_id
            conn.execute(
                UPDATE_DOCUMENT,
                [
                    *values,
                    digest,
                    first_fetched,
                    now,
                    last_changed if old_hash == digest else now,
                    doc_id,
                ],
            )
        else:
            doc_id = conn.execute(INSERT_DOCUMENT, [*values, digest, now, now, now]).lastrowid
        write_versions(conn, doc_id, document.get("versions"))
        shared = (doc_id, document.get("incident"), document.get("source"), document.get("kind"))
        rows = [(*shared, *(sql_value(event.get(k)) for k in EVENT_FIELDS)) for event in events]
        if existing:
            # Unchanged events keep their rows (and ids, which URLs and links point to): a re-crawl
            # changes nothing.
            old_rows = conn.execute(
                f"select {', '.join(EVENT_ROW_FIELDS)} from events"
                " where document_id = ? order by id",
                [doc_id],
            ).fetchall()
            if old_rows == rows:
                return doc_id
            # Key-moment links point at these events (foreign key); the crawl rebuilds them at its
            # end.
            if conn.execute("select 1 from sqlite_master where name = 'event_moment'").fetchone():
                conn.execute(
                    "delete from event_moment where event_id in "
                    "(select id from events where document_id = ?)",
                    [doc_id],
                )
            conn.execute("delete from events where document_id = ?", [doc_id])
        conn.executemany(INSERT_EVENT, rows)
        return doc_id

    def close(self) -> None:
        self.db.close()


def missing_columns(db: sqlite_utils.Database) -> dict[str, dict[str, type]]:
    """{table: {column: type}} that the dataclasses declare and an existing table lacks."""
    missing = {}
    for table, wanted in (("documents", DOCUMENT_COLUMNS), ("events", EVENT_COLUMNS)):
        if table in db.table_names():
            have = set(db[table].columns_dict)
            lacking = {name: kind for name, kind in wanted.items() if name not in have}
            if lacking:
                missing[table] = lacking
    return missing


def add_missing_columns(db: sqlite_utils.Database) -> None:
    """Migrate in place: add each declared column an older database lacks (as null)."""
    for table, lacking in missing_columns(db).items():
        for name, kind in lacking.items():
            db[table].add_column(name, kind)


def fts_is_current(db: sqlite_utils.Database) -> bool:
    """Whether documents_fts exists with this version's prefix indexes."""
    row = db.execute("select sql from sqlite_master where name = 'documents_fts'").fetchone()
    return bool(row) and f"prefix='{FTS_PREFIX}'" in row[0]


def migrate_fts(db: sqlite_utils.Database) -> None:
    """(Re)create documents_fts with the current options and rebuild it from documents.

    A database made before the prefix indexes (by sqlite-utils' enable_fts) is migrated the
    first time a crawl opens it: the old table and its triggers are dropped and the index is
    rebuilt in one pass, in one transaction (minutes at a million documents, once).
    Another process doing the same waits on the write lock, then finds nothing to do.
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not fts_is_current(db):
            for name in ("documents_ai", "documents_ad", "documents_au"):
                conn.execute(f"drop trigger if exists {name}")
            conn.execute("drop table if exists documents_fts")
            conn.execute(FTS_SCHEMA)
            conn.execute("insert into documents_fts (documents_fts) values ('rebuild')")
            for sql in FTS_TRIGGERS:
                conn.execute(sql)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@contextmanager
def schema_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock between processes of this machine while one creates the schema of
    ``db_path``.

    The lock file lives in the temp folder (named after the database's real path), never
    beside the database: closing a descriptor of the database file itself would drop
    SQLite's own POSIX locks.
    """
    key = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"timeline-schema-{key}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
