"""What the crawl produces, declared once: a document, the events found in it, the key moments.

Spiders yield :class:`Document` items, the pipelines fill them in (publication date,
relevance, events), the store writes them, and the tests build them with the same classes.
Scrapy's ``itemadapter`` understands dataclasses, so ``ItemAdapter(item)["title"]`` works on
them as on a dict. The database schema is derived from the fields (:func:`columns`), and an
older database gains the columns it lacks in place (timeline/store.py).

    >>> doc = Document(url="http://x.test/a", title="Mail down", published="2023-01-24")
    >>> doc.events.append(Event(origin="text", text="ieri sera", value="2023-01-23TEV"))
    >>> [name for name in columns(Event)][:4]
    ['id', 'document_id', 'incident', 'source']

A field with ``metadata={"stored": False}`` travels with the item but is never a column
(the hints a feed gives, the status updates a status page lists, the events themselves).
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from functools import cache

TRANSIENT = {"stored": False}

#: The categories of the story: every key moment has one; events may also be "outage_ongoing"
#: (the outage observed at a time, not its start) or "other".
KEY_CATEGORIES = (
    "outage_start",
    "provider_statement",
    "cause",
    "restoration_partial",
    "restoration_complete",
    "deadline",
    "consumer_action",
    "regulator_action",
    "compensation",
)
#: How precise a time is, finest first (the same words for events and key moments).
PRECISIONS = ("minute", "hour", "part_of_day", "day", "days", "week", "month")
#: What an event's clause asserts.
MODALITIES = ("happened", "expected", "negated")


def transient(default=None, factory=None):
    """A field that is not a database column."""
    if factory is not None:
        return field(default_factory=factory, metadata=TRANSIENT)
    return field(default=default, metadata=TRANSIENT)


@dataclass
class Event:
    """One piece of evidence about the incident: a date mention, a status update, a statement.

    Three times are kept apart: when it was *reported* (``reported_at``), when the happening
    took place (``happened_*``), and the date the sentence *mentions* (``value``, ``earliest``,
    ``latest``, ``day``: the TIMEX3 and its bounds; the moment itself for a statement).
    """

    id: int | None = None
    document_id: int | None = None
    incident: str | None = None
    source: str | None = None
    kind: str | None = None
    #: text (a date in the text), document (the document as a statement), status (a status
    #: update), claim (a sentence carrying a key fact without a date), page_change
    origin: str | None = None
    text: str | None = None
    value: str | None = None
    type: str | None = None
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    day: str | None = None
    sentence: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    category: str | None = None
    actor: str | None = None
    modality: str | None = None
    reported_at: str | None = None
    happened_at: str | None = None
    happened_earliest: str | None = None
    happened_latest: str | None = None
    happened_precision: str | None = None
    #: the local day the full timeline files the event under (see docs/PIPELINE.md)
    happened_day: str | None = None
    #: a remark on the mention, e.g. "weekday_mismatch" ("domenica 23 gennaio" on a Monday)
    flag: str | None = None


@dataclass
class Document:
    """One relevant page, feed item or status incident, unique by URL."""

    id: int | None = None
    url: str | None = None
    incident: str | None = None
    source: str | None = None
    kind: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    #: the publication date as the page states it, with the page's own offset (or naive)
    published_original: str | None = None
    updated: str | None = None
    #: minute, day, … or "none" for a relevant page whose date could not be found
    published_precision: str | None = None
    day: str | None = None
    lang: str | None = None
    text: str | None = None
    found_via: str | None = None
    archived_url: str | None = None
    captured_at: str | None = None
    content_hash: str | None = None
    first_fetched: str | None = None
    last_fetched: str | None = None
    last_changed: str | None = None
    # What the channel that led here knew (a feed item's date and title) and what a status
    # page lists; read by the pipelines, never stored as such.
    date_hint: str | None = transient()
    date_hint_precision: str | None = transient()
    title_hint: str | None = transient()
    updates: list = transient(factory=list)
    #: an archived page's distinct versions and its captures in order (spiders/archive.py)
    versions: list = transient(factory=list)
    history: list = transient(factory=list)
    fetched_at: str | None = transient()
    events: list = transient(factory=list)


def document_item(fields: dict) -> Document:
    """A Document from a channel's fields; what it does not declare (a listing verdict, a
    status page's impact) is left out."""
    known = _field_set(Document)
    return Document(**{k: v for k, v in fields.items() if k in known})


@cache
def _field_set(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


@dataclass
class KeyMoment:
    """One happening of the incident's story, corroborated across sources."""

    id: int | None = None
    incident: str | None = None
    category: str | None = None
    #: the best single estimate: the stated time, the middle of a part of day, the start of a day
    at: str | None = None
    earliest: str | None = None
    latest: str | None = None
    precision: str | None = None
    #: the best supporting sentence, in the source's words
    statement: str | None = None
    #: how many distinct sources support it
    sources: int | None = None
    first_reported: str | None = None
    #: JSON array of the supporting documents' URLs
    documents: str | None = None
    source_names: str | None = None
    statement_url: str | None = None
    statement_source: str | None = None
    #: 0, or a number shared by the rows that contradict each other
    conflict: int | None = None
    events: int | None = None


SQL_TYPES = {str: str, int: int, float: float}


@cache
def columns(cls: type) -> dict[str, type]:
    """The stored fields of a dataclass and their column types, in declaration order."""
    hints = typing.get_type_hints(cls)
    out = {}
    for item in dataclasses.fields(cls):
        if item.metadata.get("stored", True):
            kinds = [
                t
                for t in typing.get_args(hints[item.name]) or (hints[item.name],)
                if t is not type(None)
            ]
            out[item.name] = SQL_TYPES.get(kinds[0], str)
    return out


def field_names(cls: type) -> tuple[str, ...]:
    """Every field of a dataclass, stored or not."""
    return tuple(f.name for f in dataclasses.fields(cls))
