"""The timeline database, written with sqlite-utils: incidents, sources, documents, events.

    store = TimelineStore("db/timeline.db")
    store.save_incident(config.incident)
    doc_id = store.save_document({"url": "http://…", "title": "…", …}, events=[{…}])

A document is keyed by its URL: saving it again updates the row (and replaces its events)
instead of adding one, and keeps its provenance (content hash, first and last fetch time).
Each document is committed with its events in one transaction; the database is in WAL
mode so Datasette can read while a crawl writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Iterable

import sqlite_utils

from timeline.config import Config, Incident

DOCUMENT_COLUMNS = {
    "id": int, "url": str, "incident": str, "source": str, "kind": str,
    "title": str, "author": str, "published": str, "updated": str,
    "published_precision": str, "day": str, "lang": str, "text": str,
    "found_via": str, "content_hash": str, "first_fetched": str,
    "last_fetched": str, "last_changed": str,
}
EVENT_COLUMNS = {
    "id": int, "document_id": int, "incident": str, "source": str, "kind": str,
    "origin": str, "text": str, "value": str, "type": str, "mod": str,
    "earliest": str, "latest": str, "day": str, "sentence": str,
    "span_start": int, "span_end": int, "category": str, "actor": str,
}
EVENT_FIELDS = tuple(c for c in EVENT_COLUMNS if c not in ("id", "document_id", "incident", "source", "kind"))
DOCUMENT_FIELDS = ("url", "incident", "source", "kind", "title", "author", "published", "updated",
                   "published_precision", "day", "lang", "text", "found_via")


def utc_now() -> str:
    """Now, as ISO 8601 in UTC with offset (fetch times are machine times, not incident times)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def content_hash(document: dict) -> str:
    """A stable fingerprint of what a reader sees: title, dates and text."""
    seen = json.dumps([document.get(k) for k in ("title", "author", "published", "updated", "text")],
                      ensure_ascii=False)
    return hashlib.sha256(seen.encode("utf-8")).hexdigest()


class TimelineStore:
    """Creates the schema on first use and writes documents and events idempotently."""

    def __init__(self, path: str | Path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a commit is durable against a process crash, without an fsync each.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.ensure_schema()

    def ensure_schema(self) -> None:
        """Create tables, indexes and full-text search if missing (safe to call every time)."""
        db = self.db
        if "incidents" not in db.table_names():
            db["incidents"].create({
                "slug": str, "title": str, "description": str, "timezone": str,
                "keywords": str, "window_start": str, "window_end": str,
            }, pk="slug")
        if "sources" not in db.table_names():
            db["sources"].create({
                "id": str, "incident": str, "name": str, "kind": str, "start_urls": str,
                "follow": str, "feed": str, "sitemap": str, "statuspage": str,
            }, pk="id", foreign_keys=[("incident", "incidents", "slug")])
        if "documents" not in db.table_names():
            db["documents"].create(DOCUMENT_COLUMNS, pk="id", not_null={"url"},
                                   foreign_keys=[("incident", "incidents", "slug")])
            db["documents"].create_index(["url"], unique=True)
            db["documents"].create_index(["incident", "published"])
            db["documents"].create_index(["source"])
            db["documents"].create_index(["day"])
            db["documents"].enable_fts(["title", "text"], create_triggers=True,
                                       tokenize="unicode61 remove_diacritics 2")
        if "events" not in db.table_names():
            db["events"].create(EVENT_COLUMNS, pk="id",
                                foreign_keys=[("document_id", "documents", "id")])
            db["events"].create_index(["document_id"])
            db["events"].create_index(["incident", "earliest"])
            db["events"].create_index(["incident", "day"])
            db["events"].create_index(["category"])

    def save_incident(self, incident: Incident) -> None:
        """Insert or update the incident row."""
        self.db["incidents"].upsert({
            "slug": incident.slug, "title": incident.title, "description": incident.description,
            "timezone": incident.timezone, "keywords": json.dumps(list(incident.keywords)),
            "window_start": incident.window_start.isoformat() if incident.window_start else None,
            "window_end": incident.window_end.isoformat() if incident.window_end else None,
        }, pk="slug")

    def save_config(self, config: Config) -> None:
        """Record the incident and its sources (so the database says where its rows came from)."""
        with self.db.conn:
            self.save_incident(config.incident)
            for source in config.sources:
                self.db["sources"].upsert({
                    "id": f"{config.incident.slug}/{source.name}", "incident": config.incident.slug,
                    "name": source.name, "kind": source.kind,
                    "start_urls": json.dumps(list(source.start_urls)),
                    "follow": json.dumps(list(source.follow)), "feed": source.feed,
                    "sitemap": source.sitemap, "statuspage": source.statuspage,
                }, pk="id")

    def save_document(self, document: dict, events: Iterable[dict] = ()) -> int:
        """Insert or update one document by URL and replace its events, in one transaction.

        Returns the document id. Provenance: ``first_fetched`` is kept from the first save,
        ``last_fetched`` is now, ``last_changed`` moves only when the content hash changes.
        """
        now = document.get("fetched_at") or utc_now()
        row = {k: document.get(k) for k in DOCUMENT_FIELDS}
        row["content_hash"] = content_hash(document)
        with self.db.conn:
            existing = self.db.execute(
                "select id, content_hash, first_fetched, last_changed from documents where url = ?",
                [row["url"]]).fetchone()
            if existing:
                doc_id, old_hash, first_fetched, last_changed = existing
                row.update(first_fetched=first_fetched, last_fetched=now,
                           last_changed=last_changed if old_hash == row["content_hash"] else now)
                self.db["documents"].update(doc_id, row)
                self.db.execute("delete from events where document_id = ?", [doc_id])
            else:
                row.update(first_fetched=now, last_fetched=now, last_changed=now)
                doc_id = self.db["documents"].insert(row).last_pk
            event_rows = [
                {**{k: event.get(k) for k in EVENT_FIELDS}, "document_id": doc_id,
                 "incident": row["incident"], "source": row["source"], "kind": row["kind"]}
                for event in events
            ]
            if event_rows:
                self.db["events"].insert_all(event_rows)
        return doc_id

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries."""
        return {name: self.db[name].count for name in ("incidents", "documents", "events")}

    def close(self) -> None:
        self.db.close()
