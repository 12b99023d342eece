"""Corroboration: group the events that report the same happening, across documents.

    db = sqlite_utils.Database("db/timeline.db")
    rebuild_corroboration(db)   # → number of happenings written

Two events belong to the same happening when they are in the same incident and category
and either fall on the same local day (or have overlapping [earliest, latest] bounds), or
fall on adjacent days and their sentences share enough words. The adjacent-day rule is
what lets "iniziato domenica 22" and "dalla notte del 23" become one happening whose
``disagreement`` is 1.

Scale: events are streamed once from SQLite ordered by incident, category, day and
earliest; each event is compared only with the happenings still open in its
incident+category stream, i.e. those whose days reach the current day or the one before.
Nothing is compared across the whole table, so the cost grows with the number of events,
not its square.

Tables written (dropped and rebuilt each time, in one transaction):

- ``happenings``: id, incident, category, day (the day most sources give), earliest_claim,
  latest_claim (min and max of the grouped events' ``earliest``), days_claimed (JSON list
  of distinct local days), day_sources (JSON {day: [sources]}), sources, documents,
  events, first_source, first_url, first_published (the first document to report it, by
  publication time), disagreement (1 when the events give different days), summary
  (the first document's sentence).
- ``event_happening``: event_id → events.id, happening_id → happenings.id. A separate
  table rather than a column on ``events``, so a crawl that rewrites events never leaves a
  stale link behind in its rows, and rebuilding never rewrites the events table.
- ``event_counts`` (incident, category, source, events) and ``document_counts`` (incident,
  source, kind, documents, first_published): totals for the incident page, so that it never
  counts a million rows per request.

Granularity: an event whose TIMEX3 value is coarser than a day (a year ``2023``, a season
or quarter ``2023-SU``/``2023-Q1``, a month ``2023-01``, a week ``2023-W04``) has the first day
of that period as its ``day``; it is grouped only with events naming the same period
(same value and modifier), never with events of that first day (see ``granularity``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import sqlite_utils

# Events whose bounds span more than this take part in the day rules only, never in the
# overlap rule: "a gennaio" overlaps everything that happened in January.
MAX_OVERLAP_SPAN = dt.timedelta(hours=48)
SAME_DAY_SIMILARITY = 0.10    # two precise, non-overlapping times on one day
ADJACENT_DAY_SIMILARITY = 0.15  # adjacent days: "22 gennaio" vs "notte del 23"
MAX_REPRESENTATIVE_SENTENCES = 5
SKIPPED_CATEGORIES = ("other",)

# TIMEX3 value shapes, from the coarsest.
_GRANULARITY = (
    ("decade", re.compile(r"^\d{3}X?$")),
    ("year", re.compile(r"^\d{4}$")),
    ("season", re.compile(r"^\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("week", re.compile(r"^\d{4}-W\d{2}(?:-WE)?$")),
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("part", re.compile(r"^\d{4}-\d{2}-\d{2}T(?:MO|MI|AF|EV|NI|DT)$")),
    ("time", re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}(?::\d{2})?")),
)
#: Granularities coarser than a day: such an event did not happen on its ``day``.
COARSE = frozenset(("decade", "year", "season", "month", "week"))
_ORDER = ("decade", "year", "season", "month", "week", "day", "part", "time")


def granularity(value: str | None) -> str:
    """How precise a TIMEX3 value is, from its shape alone (never from the words).

    ``2023`` → year; ``2023-Q1``, ``2023-SU`` → season; ``2023-01`` → month; ``2023-W04``,
    ``2023-W04-WE`` → week; ``2023-01-22`` → day; ``2023-01-22TEV`` → part (of day);
    ``2023-01-22T22:00`` → time; ``A/B`` → the coarser end when it is coarser than a day,
    else interval; ``P3D``/``PT48H`` → duration; ``PAST_REF``… → ref; anything else unknown.
    """
    value = (value or "").strip()
    if not value:
        return "unknown"
    if "/" in value and not value.startswith("P"):
        ends = [granularity(part) for part in value.split("/", 1)]
        coarse = [g for g in ends if g in COARSE]
        if coarse:
            return min(coarse, key=_ORDER.index)
        return "interval" if all(g in ("day", "part", "time") for g in ends) else "unknown"
    if value.endswith("_REF"):
        return "ref"
    if value.startswith("P"):
        return "duration"
    for name, pattern in _GRANULARITY:
        if pattern.match(value):
            return name
    return "unknown"


def is_coarse(value: str | None) -> bool:
    """True when the value names a period coarser than a day (its ``day`` is only a start)."""
    return granularity(value) in COARSE


def significant_disagreement(day_sources) -> bool:
    """Whether a happening's sources really disagree about its day (the rule the pages use).

    ``day_sources`` is {day: [sources]} (the happenings column, parsed). It is a
    disagreement worth showing when at least two days each have a source that gives that
    day *only* (a source giving both days contradicts itself, not the others) and at least
    one of those days has two or more sources (one source against one is too thin to report).
    """
    if not isinstance(day_sources, dict) or len(day_sources) < 2:
        return False
    sources = {day: set(names or ()) for day, names in day_sources.items()}
    exclusive = []
    for day, names in sources.items():
        others = set().union(*(n for d, n in sources.items() if d != day))
        if names - others:
            exclusive.append(day)
    return len(exclusive) >= 2 and any(len(sources[day]) >= 2 for day in exclusive)


_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_STOPWORDS = frozenset("""
    alla alle allo agli dalla dalle dallo dagli della delle dello degli nella nelle nello negli
    sulla sulle sullo sugli come anche ancora dopo prima sono stato stata stati state essere
    questo questa questi queste quello quella quelli quelle loro molto tutti tutte ogni però
    perché quando mentre dove cosa solo fino circa verso oggi ieri domani with that this from
    have been were will would their there which about after before into over than they what
    when while since also more some such only just said says
""".split())


def _tokens(sentence: str | None) -> frozenset[str]:
    """Content words, cut to five letters (a cheap stem: guasto/guasti → guast)."""
    if not sentence:
        return frozenset()
    return frozenset(w[:5] for w in _WORD.findall(sentence.lower()) if w not in _STOPWORDS)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


@dataclass
class _Happening:
    incident: str
    category: str
    anchor: dt.date
    last_day: dt.date
    span: tuple[dt.datetime, dt.datetime] | None = None
    sentences: list[frozenset[str]] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    earliest: list[str] = field(default_factory=list)
    day_sources: dict[str, set[str]] = field(default_factory=dict)
    documents: set[int] = field(default_factory=set)
    period: tuple | None = None  # (value, mod) for events coarser than a day, else None
    first: tuple | None = None   # (published datetime, source, url, published text, sentence)

    def similarity(self, tokens: frozenset[str]) -> float:
        return max((_similarity(tokens, s) for s in self.sentences), default=0.0)

    def is_open_on(self, day: dt.date) -> bool:
        reach = max(self.anchor + dt.timedelta(days=1), self.last_day)
        if self.span is not None:
            reach = max(reach, self.span[1].date())
        return day <= reach


def _score(happening: _Happening, day: dt.date, tokens: frozenset[str],
           bounds: tuple[dt.datetime, dt.datetime] | None, period: tuple | None = None) -> float:
    """How well an event fits an open happening; 0 when it does not belong to it."""
    if happening.period != period:
        # "gennaio" (day 1 January) is not a report of what happened on 1 January.
        return 0.0
    overlap = (bounds is not None and happening.span is not None
               and bounds[0] <= happening.span[1] and happening.span[0] <= bounds[1])
    similarity = happening.similarity(tokens)
    if overlap:
        return 2.0 + similarity
    if day.isoformat() in happening.day_sources:
        precise = bounds is not None and happening.span is not None
        if not precise or similarity >= SAME_DAY_SIMILARITY:
            return 1.0 + similarity
        return 0.0
    if abs((day - happening.anchor).days) <= 1 and similarity >= ADJACENT_DAY_SIMILARITY:
        return similarity
    return 0.0


def _row(happening: _Happening, happening_id: int) -> dict:
    days = sorted(happening.day_sources)
    # The day most sources give; on a tie the earlier one.
    day = min(days, key=lambda d: (-len(happening.day_sources[d]), d))
    sources = set().union(*happening.day_sources.values())
    _, first_source, first_url, first_published, summary = happening.first
    return {
        "id": happening_id, "incident": happening.incident, "category": happening.category,
        "day": day, "earliest_claim": min(happening.earliest),
        "latest_claim": max(happening.earliest), "days_claimed": json.dumps(days),
        "day_sources": json.dumps({d: sorted(happening.day_sources[d]) for d in days},
                                  ensure_ascii=False),
        "sources": len(sources), "documents": len(happening.documents),
        "events": len(happening.event_ids), "first_source": first_source,
        "first_url": first_url, "first_published": first_published,
        "disagreement": int(len(days) > 1), "summary": summary,
    }


HAPPENING_COLUMNS = {
    "id": int, "incident": str, "category": str, "day": str, "earliest_claim": str,
    "latest_claim": str, "days_claimed": str, "day_sources": str, "sources": int,
    "documents": int, "events": int, "first_source": str, "first_url": str,
    "first_published": str, "disagreement": int, "summary": str,
}

EVENTS_SQL = """
select e.id, e.incident, e.category, e.day, e.earliest, e.latest, e.sentence, e.source,
       e.document_id, d.url, d.published, e.value, e.mod
from events e join documents d on d.id = e.document_id
where e.category is not null and e.category not in ({skipped})
  and e.day is not null and e.earliest is not null
  and (coalesce(e.origin, 'text') != 'document' or e.category = 'provider_statement')
order by e.incident, e.category, e.day, e.earliest, e.id
"""


def _group(rows) -> list[_Happening]:
    """Sweep the ordered events; yields closed happenings in stream order."""
    closed: list[_Happening] = []
    open_: list[_Happening] = []
    stream = None
    days: dict[str, dt.date] = {}
    for (event_id, incident, category, day_text, earliest, latest, sentence, source,
         document_id, url, published, value, mod) in rows:
        day = days.get(day_text)
        if day is None:
            try:
                day = days.setdefault(day_text, dt.date.fromisoformat(day_text[:10]))
            except ValueError:
                continue
        if (incident, category) != stream:
            closed.extend(open_)
            open_ = []
            stream = (incident, category)
        still_open = []
        for happening in open_:
            (still_open if happening.is_open_on(day) else closed).append(happening)
        open_ = still_open

        start, end = _parse(earliest), _parse(latest) or _parse(earliest)
        bounds = (start, end) if start and end and end - start <= MAX_OVERLAP_SPAN else None
        tokens = _tokens(sentence)
        period = (value, mod or "") if is_coarse(value) else None
        if period is not None:
            bounds = None
        best, best_score = None, 0.0
        for happening in open_:
            score = _score(happening, day, tokens, bounds, period)
            if score > best_score:
                best, best_score = happening, score
        if best is None:
            best = _Happening(incident=incident, category=category, anchor=day, last_day=day,
                              period=period)
            open_.append(best)

        best.last_day = max(best.last_day, day)
        if bounds is not None:
            best.span = bounds if best.span is None else (
                min(best.span[0], bounds[0]), max(best.span[1], bounds[1]))
        if tokens and len(best.sentences) < MAX_REPRESENTATIVE_SENTENCES and tokens not in best.sentences:
            best.sentences.append(tokens)
        best.event_ids.append(event_id)
        best.earliest.append(earliest)
        best.day_sources.setdefault(day.isoformat(), set()).add(source or "")
        best.documents.add(document_id)
        published_at = _parse(published)
        candidate = (published_at, source, url, published, sentence)
        if best.first is None or (published_at is not None and (
                best.first[0] is None or published_at < best.first[0])):
            best.first = candidate
    closed.extend(open_)
    return closed


def rebuild_corroboration(db: sqlite_utils.Database) -> int:
    """(Re)build ``happenings`` and ``event_happening`` from ``events``; return the number of happenings.

    Runs in one write transaction taken up front (BEGIN IMMEDIATE), reads included: two
    crawler processes finishing together (distributed mode) rebuild one after the other
    instead of interleaving their drops and creates ("database is locked"), and the second
    one sees the first one's tables. The caller sets the busy timeout (finish_database).
    If the connection is already in a transaction, the caller's transaction is used.
    """
    conn = db.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        count = _rebuild(db)
    except BaseException:
        if own and conn.in_transaction:
            conn.rollback()
        raise
    if own and conn.in_transaction:
        conn.commit()
    return count


def _rebuild(db: sqlite_utils.Database) -> int:
    # Lets SQLite stream events in grouping order instead of sorting the whole table.
    db.execute("create index if not exists idx_events_corroboration "
               "on events (incident, category, day, earliest)")
    skipped = ", ".join("?" for _ in SKIPPED_CATEGORIES)
    rows = db.execute(EVENTS_SQL.format(skipped=skipped), list(SKIPPED_CATEGORIES))
    happenings = _group(rows)
    happenings.sort(key=lambda h: (h.incident, min(h.earliest), h.category))
    for name in ("event_happening", "happenings", "event_counts", "document_counts"):
        if name in db.table_names():
            db[name].drop()
    db["happenings"].create(HAPPENING_COLUMNS, pk="id",
                            foreign_keys=[("incident", "incidents", "slug")]
                            if "incidents" in db.table_names() else None)
    db["event_happening"].create({"event_id": int, "happening_id": int}, pk="event_id",
                                 foreign_keys=[("event_id", "events", "id"),
                                               ("happening_id", "happenings", "id")])
    db["happenings"].insert_all(
        (_row(h, i) for i, h in enumerate(happenings, start=1)), batch_size=1000)
    db["event_happening"].insert_all(
        ({"event_id": e, "happening_id": i}
         for i, h in enumerate(happenings, start=1) for e in h.event_ids), batch_size=5000)
    db["happenings"].create_index(["incident", "day"])
    db["happenings"].create_index(["incident", "disagreement", "earliest_claim"])
    db["event_happening"].create_index(["happening_id"])
    _write_counts(db)
    return len(happenings)


def _write_counts(db: sqlite_utils.Database) -> None:
    """Totals the incident page shows, computed once per crawl instead of once per request."""
    db.execute("""
        create table event_counts as
        select incident, coalesce(category, 'other') as category, source, count(*) as events
        from events where day is not null and earliest is not null
        group by incident, coalesce(category, 'other'), source""")
    db.execute("create index idx_event_counts on event_counts (incident, category)")
    db.execute("""
        create table document_counts as
        select incident, source, kind, count(*) as documents, min(published) as first_published
        from documents group by incident, source, kind""")
    db.execute("create index idx_document_counts on document_counts (incident)")
    # The provider's own documents in time order (the page's summary) without a sort.
    db.execute("create index if not exists idx_documents_incident_kind_published "
               "on documents (incident, kind, published)")
