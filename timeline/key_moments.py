"""Key moments: the story of an incident, one row per happening, corroborated across sources.

    db = sqlite_utils.Database("db/timeline.db")
    rebuild_story(db)        # → number of key moments written, all incidents

Events are evidence (pipelines/events.py); a key moment is what the evidence, read
together, says happened. Each kind of happening has its own rule, because each is dated by
something different (docs/PIPELINE.md has the page a journalist can follow):

- **outage_start** — the dates that mention the outage's start (not mere sightings of the
  outage), grouped by time: compatible times (overlapping, or within a night of each other:
  "domenica verso le 22" and "la notte del 23") are one start; a second start is reported
  only where another group has sources of its own and its times cannot be the same night.
- **restoration_partial / restoration_complete** — the first well-supported time part of the
  users got their service back, and the first well-supported time all of them had it.
- **provider_statement** — each of the provider's own communiqués, at its publication;
  news reports of a statement at a time no communiqué has need two sources.
- **cause** — when the cause was stated (not when the failure happened).
- **deadline** — a promised time (``at``), first reported when it was promised.
- **consumer_action / regulator_action** — each action at the time it was taken, kept apart
  by who acted (Codacons' formal warning is not another association's).
- **compensation** — when it was confirmed, and when its details were given.

A moment needs the actor's own document (the provider for its statements, a consumer
association for its actions…) or two distinct sources. Nothing of the story is dated before
the outage began or outside the incident's window.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import sqlite_utils
from incident_timeline.categories import REQUEST, read_statement
from incident_timeline.happened import DAY_OR_FINER, precision_of
from incident_timeline.items import KEY_CATEGORIES, PRECISIONS, KeyMoment, columns

ISO = dt.datetime.fromisoformat
# Kinds whose documents speak for an actor, and the categories each may vouch for alone.
# The provider speaks (on its site or its status page) for everything but others' actions.
PROVIDER_VOICE = set(KEY_CATEGORIES) - {"consumer_action", "regulator_action"}
OWN_VOICE = {
    "provider": PROVIDER_VOICE,
    "status": PROVIDER_VOICE,
    # A consumer association asking the regulator to act is its own act too.
    "consumer": {"consumer_action", "regulator_action"},
    "regulator": {"regulator_action"},
}
# Two reports of a time are one happening if they are this close (a night, a part of day).
NIGHT = dt.timedelta(hours=6)
SAME_STATEMENT = dt.timedelta(hours=3)
SAME_ACTION = dt.timedelta(hours=18)
DAY = dt.timedelta(hours=24)
# A statement sentence longer than this reads as a paragraph: a shorter one is preferred.
STATEMENT_CHARS = 320
# Who acts, so that two actions of one day by different actors stay two happenings.
ENTITY_CLASSES = {
    "government": re.compile(
        r"\b(?:presidenza del consiglio|palazzo chigi|governo|government|"
        r"prime minister|primo ministro|downing street|white house)\b",
        re.I,
    ),
    "parliament": re.compile(
        r"\b(?:parlamentare|deputat[oa]|senat(?:ore|rice)|interrogazione|"
        r"mp|member of parliament|congress\w*|senator|lawmaker)\b",
        re.I,
    ),
}
NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
COMMON_CAPITALS = frozenset(
    """
    il lo la le gli i un una uno l dal dalla da per con su in nel nella e ed ma che chi non
    the a an and but from for with on in of to this that these those it its we our they
    oggi ieri domani today yesterday secondo according aggiornamento update roma milano
    lunedì martedì mercoledì giovedì venerdì sabato domenica monday tuesday wednesday
    thursday friday saturday sunday gennaio febbraio marzo aprile maggio giugno luglio agosto
    settembre ottobre novembre dicembre january february march april may june july august
    september october november december intanto inoltre anche già così dopo prima mentre
""".split()
)


@dataclass
class Evidence:
    """One event as the story reads it."""

    event_id: int
    category: str
    modality: str
    origin: str
    at: dt.datetime | None
    earliest: dt.datetime | None
    latest: dt.datetime | None
    precision: str | None
    reported: dt.datetime | None
    source: str
    kind: str
    url: str
    sentence: str
    document_id: int
    title: str = ""
    #: the mentioned TIMEX3 value ("PT48H", "2023-01-27")
    value: str = ""
    #: the document states only its day: what is counted from its publication is a day wide
    day_only: bool = False
    #: the bounds of the date the sentence mentions (a promise's promised time)
    mentioned: tuple = (None, None)

    @property
    def own_voice(self) -> bool:
        """The actor's own word for it. A restoration mentioned inside a longer statement is
        a report like any other: the provider's own restoration is an update or a document
        whose only news it is."""
        if self.origin == "claim" and self.category.startswith("restoration"):
            return False
        if self.kind == "consumer" and self.category == "regulator_action":
            return bool(REQUEST.search(self.sentence))  # asking the regulator to act, not a copy
        return self.category in OWN_VOICE.get(self.kind, ())

    @property
    def headline(self) -> bool:
        """A report whose document is about it: its title says the same happening."""
        return (
            self.origin == "text"
            and read_statement(self.title, kind=self.kind).category == self.category
        )

    def rank(self) -> int:
        return PRECISIONS.index(self.precision) if self.precision in PRECISIONS else 99


@dataclass
class Group:
    """Evidence read as one happening; ``proposal`` is the report whose time it takes."""

    category: str
    items: list[Evidence] = field(default_factory=list)
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    proposal: Evidence | None = None

    def add(self, item: Evidence, earliest: dt.datetime, latest: dt.datetime) -> None:
        self.items.append(item)
        self.earliest = earliest if self.earliest is None else min(self.earliest, earliest)
        self.latest = latest if self.latest is None else max(self.latest, latest)

    @property
    def sources(self) -> set[str]:
        return {item.source for item in self.items}

    @property
    def supported(self) -> bool:
        """The actor's own document, two distinct sources, or a report its document is about."""
        return len(self.sources) >= 2 or any(i.own_voice or i.headline for i in self.items)


def by_report(item: Evidence) -> Evidence:
    """The item dated by when it was reported (a statement, a cause stated, an offer), as
    precisely as the report is dated."""
    own_time = item.origin in ("claim", "document", "status") and item.precision
    return dataclasses.replace(
        item,
        at=item.reported,
        earliest=item.reported,
        latest=item.reported,
        precision=own_time or "minute",
    )


def supports(item: Evidence, at: dt.datetime, slack: dt.timedelta) -> bool:
    """Whether ``item`` is compatible with a happening at ``at`` (bounds widened by ``slack``)."""
    return item.earliest - slack <= at <= item.latest + slack


def overlaps(item: Evidence, document: Evidence, slack: dt.timedelta) -> bool:
    """Whether a report can be of the document: its time within the document's (a document
    dated only by its day may be any time of that day), give or take ``slack``."""
    return item.earliest - slack <= (
        document.latest or document.at
    ) and document.earliest - slack <= (item.latest or item.at)


def score(group: Group) -> tuple:
    """Better groups first: more sources, the actor's own voice, finer times, earlier."""
    return (
        -len(group.sources),
        not any(i.own_voice for i in group.items),
        min(i.rank() for i in group.items),
        group.earliest,
    )


def densest_groups(
    items: list[Evidence],
    category: str,
    slack: dt.timedelta,
    compatible=lambda a, b: True,
    own_first: bool = False,
) -> list[Group]:
    """Groups of items reporting one happening, the best supported first.

    Each item proposes its own time; the proposal that the most sources are compatible with
    becomes a group and its items are taken out; then the next. Unlike chaining neighbours,
    a Sunday-night start and a Monday-afternoon one never become one group through the
    reports in between. With ``own_first`` the actor's own words set the time whenever they
    are in the group (a promise is what the provider promised, not a newspaper's reckoning).

    Scale: items are kept in time order and a proposal only looks at the items whose time
    can reach it; when a group is taken, only the proposals near it are drawn again. A very
    large category is thinned first (``thinned``).
    """
    left = sorted(
        (i for i in thinned(items) if i.at is not None and i.earliest is not None),
        key=lambda i: i.earliest,
    )
    if not left:
        return []
    reach = max((i.latest or i.earliest) - i.earliest for i in left) + slack
    alive = {id(i) for i in left}
    starts = [i.earliest for i in left]

    def propose(candidate: Evidence) -> Group:
        group = Group(category, proposal=candidate)
        window = left[
            bisect.bisect_left(starts, candidate.at - reach) : bisect.bisect_right(
                starts, candidate.at + slack
            )
        ]
        near = sorted(
            (i for i in window if id(i) in alive and supports(i, candidate.at, slack)),
            key=lambda i: (i is not candidate, abs((i.at - candidate.at).total_seconds())),
        )
        for item in near:
            # The proposal and the first members stand for the group: a crowd of reports
            # of one happening need not each be checked against every other.
            if all(compatible(item, member) for member in group.items[:CHECKED_MEMBERS]):
                group.add(item, item.earliest, item.latest or item.earliest)
        return group

    def order(g: Group) -> tuple:
        own = own_first and any(i.own_voice for i in g.items) and not g.proposal.own_voice
        return (own, score(g), g.proposal.rank(), not g.proposal.own_voice, g.proposal.at)

    proposals: dict[int, tuple[tuple, Group]] = {}
    holders: dict[int, set[int]] = {}  # item → the proposals whose group holds it

    def draw(candidate: Evidence) -> None:
        group = propose(candidate)
        proposals[id(candidate)] = (order(group), group)
        for item in group.items:
            holders.setdefault(id(item), set()).add(id(candidate))

    for candidate in left:
        draw(candidate)
    by_id = {id(i): i for i in left}
    groups: list[Group] = []
    while proposals:
        _, best = min(proposals.values(), key=lambda pair: pair[0])
        groups.append(best)
        taken = {id(i) for i in best.items}
        alive -= taken
        # Only the proposals that counted a taken report change; the others keep their group.
        redraw = set().union(*(holders.pop(i, set()) for i in taken)) - taken
        for key in taken:
            proposals.pop(key, None)
        for key in redraw:
            if key in alive:
                draw(by_id[key])
    return groups


CHECKED_MEMBERS = 12
# Beyond this many reports of one kind, the story is told from a spread of them.
MAX_EVIDENCE = 1500


def thinned(items: list[Evidence], limit: int = MAX_EVIDENCE) -> list[Evidence]:
    """At most ``limit`` items: all the actors' own, then the others spread over sources and
    days, the finest and earliest reported of each first."""
    if len(items) <= limit:
        return items
    own = [i for i in items if i.own_voice]
    buckets: dict[tuple, list[Evidence]] = {}
    for item in sorted(
        (i for i in items if not i.own_voice),
        key=lambda i: (
            i.rank(),
            i.reported or i.at or dt.datetime.max.replace(tzinfo=dt.UTC),
        ),
    ):
        buckets.setdefault((item.source, item.at.date() if item.at else None), []).append(item)
    kept = own[:limit]
    queues = list(buckets.values())
    while len(kept) < limit and queues:
        queues = [q for q in queues if q]
        for queue in queues:
            if len(kept) >= limit:
                break
            kept.append(queue.pop(0))
    return kept


def best_time(group: Group) -> tuple[dt.datetime, dt.datetime, dt.datetime, str]:
    """(at, earliest, latest, precision): the proposal's time, bounded by the reports that
    give it at the same precision (the actor's own, when the proposal is its own)."""
    at = group.proposal.at
    same = [
        i
        for i in group.items
        if i.precision == group.proposal.precision
        and i.earliest <= at <= i.latest
        and (i.own_voice or not group.proposal.own_voice)
    ] or [group.proposal]
    return at, min(i.earliest for i in same), max(i.latest for i in same), group.proposal.precision


def _entities(item: Evidence, subject: frozenset[str]) -> frozenset[str]:
    """Who acts in an action's report.

    An actor's own document is that actor (its source); a report names government or
    parliament, or else the names it gives (capitalised words, without the incident's own
    subject: the provider and its products).
    """
    if item.origin in ("document", "claim") and item.own_voice:
        return frozenset({"self:" + item.source})
    text = item.sentence
    found = {name for name, pattern in ENTITY_CLASSES.items() if pattern.search(text)}
    names = set()
    for match in NAME.finditer(text):
        names.update(w.lower() for w in re.split(r"[\s'’-]+", match.group(0)))
    return frozenset(
        found | {n for n in names if len(n) > 2 and n not in COMMON_CAPITALS and n not in subject}
    )


def actor_check(subject: frozenset[str]):
    """Whether two action reports can be one happening: no contradicting actors named.

    An actor's own document goes with reports naming it (its source's words) or nobody;
    government and parliament, when both reports name one, must be the same; otherwise the
    names they give must overlap.
    """
    classes = frozenset(ENTITY_CLASSES)
    known: dict[int, tuple] = {}  # each report read once: (its own words, classes, names)

    def actor(item: Evidence) -> tuple:
        if item.event_id not in known:
            entities = _entities(item, subject)
            selves = [e[5:] for e in entities if e.startswith("self:")]
            own = frozenset(re.split(r"[-_.\s]+", selves[0])) if selves else None
            known[item.event_id] = (own, entities & classes, entities - classes)
        return known[item.event_id]

    def same_actor(a: Evidence, b: Evidence) -> bool:
        if a.document_id == b.document_id:
            return True
        (own_a, classes_a, names_a), (own_b, classes_b, names_b) = actor(a), actor(b)
        if own_a is not None or own_b is not None:
            if own_a is not None and own_b is not None:
                return False  # two actors' own documents: two actions
            own, other_classes, other_names = (
                (own_a, classes_b, names_b) if own_a is not None else (own_b, classes_a, names_a)
            )
            return not other_classes and (not other_names or bool(own & other_names))
        if classes_a and classes_b:
            return bool(classes_a & classes_b)
        return not names_a or not names_b or bool(names_a & names_b)

    return same_actor


# What makes a statement worth quoting: the cause, the data, the offer and its figures.
CONTENT = re.compile(
    r"\b(?:bug|attacc\w+|attack\w*|cyber\w*|hacker\w*|storage|sistema operativo|operating system|"
    r"vendor|fornitore|dat[oi]|data|pers[oi]|lost|indennizz\w+|compensat\w+|rimbors\w+|"
    r"refund\w*|(?:\d+|un|uno|una|due|tre|sei|dodici|one|two|three|six|twelve)\s*"
    r"(?:%|per ?cento|percent|mesi|months?|gb|giorni|days|ore|hours)|entro|within|causa|"
    r"caused?)\b",
    re.IGNORECASE,
)
# A concrete cause, as opposed to "un problema tecnico": what a cause moment must name.
CONCRETE_CAUSE = re.compile(
    r"\b(?:bug|storage|sistema operativo|operating system|vendor|fornitore|firmware|software|"
    r"hardware|configurazion\w+|configuration|attacc\w+|attack\w*|ransomware|hacker\w*|"
    r"incendio|fire|power|alimentazione|aggiornamento|update|upgrade|migrazion\w+|migration|"
    r"database|server|dischi|disk\w*|dns|certificat\w+|cav[oi]|cables?|errore umano|"
    r"human error|malfunzionamento|guasto hardware)\b",
    re.IGNORECASE,
)


def says(item: Evidence, category: str) -> bool:
    """Whether the item's own words report the category (a title is read as a statement)."""
    if item.origin == "document":
        return read_statement(item.title, kind=item.kind).category == category
    return item.category == category


def best_statement(group: Group) -> Evidence:
    """The supporting sentence to quote: one that gives the moment's time, in the actor's own
    words, saying the happening with the most content (a title when nothing says more), not a
    paragraph."""
    proposal = group.proposal

    def rank(item: Evidence):
        sentence = item.sentence or ""
        gives_time = (
            proposal is not None
            and item.precision == proposal.precision
            and (item.earliest <= proposal.at <= item.latest if item.earliest else False)
        )
        return (
            not gives_time,
            not item.own_voice,
            not says(item, group.category),
            item.modality != "happened",
            -min(3, len(CONTENT.findall(sentence))),
            item.origin != "document",
            len(sentence) > STATEMENT_CHARS,
            item.rank(),
            item.reported or item.at,
        )

    return min(group.items, key=rank)


# What a provider's document may say that its moment quotes rather than a bare headline.
SAYINGS = {
    "provider_statement",
    "cause",
    "compensation",
    "deadline",
    "restoration_partial",
    "restoration_complete",
}


def own_words(evidence: list[Evidence]) -> dict[str, Evidence]:
    """For each document of the provider, the first sentence in which it states a fact of the
    story (its cause, data, restoration, offer or promise), by URL."""
    words: dict[str, Evidence] = {}
    for item in sorted(evidence, key=lambda e: e.event_id):
        if (
            item.origin in ("text", "claim")
            and item.kind in ("provider", "status")
            and item.category in SAYINGS
            and item.modality != "negated"
            and item.sentence
        ):
            words.setdefault(item.url, item)
    return words


# Said or done at a time of its own: what is reported before that time is something else.
SAID_OR_DONE = {
    "provider_statement",
    "cause",
    "compensation",
    "consumer_action",
    "regulator_action",
}
# How much earlier than the actor's own time a report may come (clocks and embargoes differ).
REPORTED_EARLY = dt.timedelta(minutes=30)


def reported_in_time(group: Group) -> list[Evidence]:
    """The group's items, without the reports of a statement or an action that came out
    before it could have been made (an earlier statement of the same evening, read as this
    one): a moment is never first reported before it happened."""
    if group.category not in SAID_OR_DONE:
        return group.items
    at, earliest, _, _ = best_time(group)
    earliest = min(earliest, at)
    kept = [
        i
        for i in group.items
        if i.reported is None or i.modality != "happened" or i.reported >= earliest - REPORTED_EARLY
    ]
    return kept or group.items


def _moment(group: Group, incident: str, words: dict[str, Evidence] | None = None) -> KeyMoment:
    at, earliest, latest, precision = best_time(group)
    quoted = best_statement(group)
    said = (words or {}).get(quoted.url)
    if (
        quoted.origin == "document"
        and said
        and len(CONTENT.findall(said.sentence)) > len(CONTENT.findall(quoted.sentence))
    ):
        # A communiqué is quoted for what it says when its headline says less.
        quoted = dataclasses.replace(quoted, sentence=said.sentence)
    ordered = sorted(group.items, key=lambda i: (i.reported or at, i.url))
    urls = list(dict.fromkeys(item.url for item in ordered))
    names = sorted(group.sources)
    reported = [i.reported for i in group.items if i.reported]
    return KeyMoment(
        incident=incident,
        category=group.category,
        at=_iso(at),
        earliest=_iso(min(earliest, at)),
        latest=_iso(max(latest, at)),
        precision=precision,
        statement=quoted.sentence,
        sources=len(names),
        first_reported=_iso(min(reported) if reported else at),
        documents=json.dumps(urls),
        source_names=json.dumps(names),
        statement_url=quoted.url,
        statement_source=quoted.source,
        conflict=0,
        events=len(group.items),
    )


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _datable(item: Evidence) -> bool:
    return item.at is not None and item.precision in DAY_OR_FINER


def outage_starts(evidence: list[Evidence]) -> list[Group]:
    """The start, and where sources truly conflict, the other side (the start first).

    A second start is kept only with sources of its own (two, or the provider) and a time
    that cannot be the same night as the first.
    """
    starts = [
        e
        for e in evidence
        if e.category == "outage_start" and e.modality == "happened" and _datable(e)
    ]
    if not starts:
        # Only durations counted back from a report ("da tre giorni"): a start with wide bounds.
        starts = [
            e
            for e in evidence
            if e.category == "outage_start" and e.at is not None and e.precision == "days"
        ]
    groups = densest_groups(starts, "outage_start", NIGHT)
    if not groups:
        return []
    main, result = groups[0], [groups[0]]
    for group in groups[1:]:
        own = group.sources - main.sources
        apart = not any(supports(i, group.proposal.at, NIGHT) for i in main.items)
        if apart and (len(own) >= 2 or any(i.own_voice and i.source in own for i in group.items)):
            result.append(group)
    return result


def progress(group: Group) -> float:
    """How much of the service a restoration report says is back, 0–100."""
    best = 0.0
    for item in group.items:
        for level, pattern in PROGRESS:
            if pattern.search(item.sentence or ""):
                best = max(best, level)
        best = max(
            [best]
            + [
                float(n.replace(",", "."))
                for n in PERCENT.findall(item.sentence or "")
                if float(n.replace(",", ".")) < 100
            ]
        )
    return best or 10.0


def restorations(evidence: list[Evidence]) -> list[Group]:
    """Each stage of the partial restoration, then the complete one.

    A stage is a supported report of more of the service back than the stage before ("the
    first routers are back", "about 60 %", "all but 3,000 lines", "email back for most"). The
    complete restoration is the first supported "all back" that no later stage contradicts:
    cards working again while the app stays down was a stage, not the end.
    """
    happened = [e for e in evidence if e.modality == "happened" and _datable(e)]
    partial = [
        g
        for g in densest_groups(
            [e for e in happened if e.category == "restoration_partial"],
            "restoration_partial",
            NIGHT,
        )
        if g.supported
    ]
    complete = sorted(
        (
            g
            for g in densest_groups(
                [e for e in happened if e.category == "restoration_complete"],
                "restoration_complete",
                NIGHT,
            )
            if g.supported
        ),
        key=lambda g: g.proposal.at,
    )
    done = None
    for group in complete:
        if any(p.proposal.at > group.proposal.at for p in partial):
            group.category = "restoration_partial"  # more came back later: it was a stage
            partial.append(group)
        else:
            done = group
            break
    stages, reached = [], -1.0
    for group in sorted(partial, key=lambda g: g.proposal.at):
        if done is not None and group.proposal.at >= done.proposal.at:
            continue  # a lingering fault after the end is not a stage
        # The provider's own restoration update is a stage whatever it measures ("email back
        # for most" after "all but 3,000 broadband lines"); the press needs to report more.
        if progress(group) > reached or any(i.own_voice for i in group.items):
            stages.append(group)
            reached = progress(group)
    return stages + ([done] if done else [])


def communications(evidence: list[Evidence]) -> list[Evidence]:
    """The provider's own statements: each communiqué and each status update, as statements.

    A status update within a few hours of a communiqué is the same happening; a document or
    update that only says the service is back is the restoration, not a statement.
    """
    documents = [
        e
        for e in evidence
        if e.origin == "document"
        and e.own_voice
        and e.category == "provider_statement"
        and not read_statement(e.title, kind=e.kind).category.startswith("restoration")
    ]
    # Only a document whose time is known can be the same happening as an update near it.
    timed = [d for d in documents if d.precision == "minute"]
    updates = [
        e
        for e in evidence
        if e.origin == "status"
        and e.kind == "status"
        and e.category == "provider_statement"
        and e.at is not None
        and not any(abs(e.at - d.at) <= SAME_STATEMENT for d in timed)
    ]
    return documents + updates


def own_documents(
    items: list[Evidence],
    category: str,
    slack: dt.timedelta,
    evidence: list[Evidence],
    compatible=lambda a, b: True,
    voices: list[Evidence] | None = None,
    others_alone: bool = False,
) -> list[Group]:
    """One group per document in the actor's own voice (each communiqué, each press release),
    with the reports that match it; then what only others report, when two sources do (or,
    with ``others_alone``, when supported otherwise: an actor saying it in a sentence of its
    own, a report whose document is about it).

    ``voices`` are the own documents when they are not among ``items``.
    """
    documents = (
        voices
        if voices is not None
        else [e for e in items if e.origin == "document" and e.own_voice]
    )
    groups = {id(d): Group(category, proposal=d) for d in documents}
    for document in documents:
        group = groups[id(document)]
        group.add(document, document.earliest, document.latest)
        for item in evidence:  # what the document itself says without a date
            if (
                item.document_id == document.document_id
                and item.origin == "claim"
                and item.event_id != document.event_id
            ):
                group.items.append(item)
    others, covered = [], {d.document_id for d in documents if d.origin == "document"}
    for item in items:
        if any(item is d for d in documents) or (
            item.origin == "claim" and item.document_id in covered
        ):
            continue  # the documents themselves, and what they say, are in already
        near = [
            d
            for d in documents
            if overlaps(item, d, slack)
            and compatible(item, d)
            and (item.document_id == d.document_id or item.origin != "claim")
        ]
        if near:
            nearest = min(
                near,
                key=lambda d: (
                    item.document_id != d.document_id,
                    abs((d.at - item.at).total_seconds()),
                ),
            )
            groups[id(nearest)].items.append(item)
        else:
            others.append(item)
    reported = [
        g
        for g in densest_groups(others, category, slack, compatible)
        if (g.supported if others_alone else len(g.sources) >= 2)
    ]
    return list(groups.values()) + reported


PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|per ?cento|percent)", re.IGNORECASE)
# Words for how much is back, with the share they stand for.
PROGRESS = (
    (
        95,
        re.compile(
            r"\b(?:all but|almost all|nearly all|virtually all|quasi tutt[ie]|"
            r"tutt[ie] tranne|tutt[ie] eccetto|pressoché tutt[ie])\b",
            re.I,
        ),
    ),
    (
        70,
        re.compile(
            r"\b(?:most|majority|maggior parte|maggioranza|gran parte|la più parte)\b", re.I
        ),
    ),
    (50, re.compile(r"\b(?:half|metà)\b", re.I)),
)
CAUSE_KINDS = {
    "attack_denied": None,  # set from the modality, not a word
    "infrastructure": re.compile(
        r"\b(?:infrastruttur\w+|infrastructure|rete|network|router\w*|"
        r"data ?cent\w+|storage|archiviazione|server\w*|equipment|"
        r"apparat\w+|hardware|dischi|disks?)\b",
        re.I,
    ),
    "software": re.compile(
        r"\b(?:bug|software|firmware|sistema operativo|operating system|"
        r"aggiornament\w+|update|upgrade|versione|version|difetto|defect|"
        r"glitch|flaw)\b",
        re.I,
    ),
    "change": re.compile(
        r"\b(?:manutenzione|maintenance|configurazion\w+|configuration|change|"
        r"modific\w+|intervento programmato|planned work)\b",
        re.I,
    ),
    "third_party": re.compile(
        r"\b(?:vendor|fornitore|supplier|third[- ]party|esterno|external)\b", re.I
    ),
    "attack": re.compile(r"\b(?:attacc\w+|attack\w*|hacker\w*|ransomware|cyber\w*)\b", re.I),
    "power": re.compile(r"\b(?:incendio|fire|power|alimentazione|elettric\w+|blackout)\b", re.I),
    "human": re.compile(r"\b(?:errore umano|human error)\b", re.I),
    "root": re.compile(
        r"\b(?:root cause|causa principale|causa originaria|post[- ]incident|"
        r"post[- ]mortem|review|revisione|analisi|indagine interna|what we found|"
        r"lessons? learned)\b",
        re.I,
    ),
}


def cause_kinds(items: list[Evidence]) -> frozenset[str]:
    """What kind of cause a statement gives: its novelty is what makes it a cause moment.

    A document titled as a review ("Our review of the outage") gives the root cause.
    """
    kinds = (
        {"root"}
        if any(i.origin == "document" and CAUSE_KINDS["root"].search(i.title) for i in items)
        else set()
    )
    for item in items:
        if item.category != "cause":
            continue
        if item.modality == "negated":
            kinds.add("attack_denied" if CAUSE_KINDS["attack"].search(item.sentence) else "denial")
            continue
        kinds.update(k for k, p in CAUSE_KINDS.items() if p is not None and p.search(item.sentence))
        kinds.add("stated")
    return frozenset(kinds)


def causes(evidence: list[Evidence]) -> list[Group]:
    """The cause, each time the provider states something new about it (first stated,
    stated in concrete terms, restated with a denial, the root cause of a review), in any of
    its communications (a notice that the service is back may give the cause too)."""
    stated = [
        by_report(e)
        for e in evidence
        if e.category == "cause"
        and e.reported is not None
        and e.modality in ("happened", "negated")
    ]
    voices = sorted(
        (
            e
            for e in evidence
            if e.origin in ("document", "status")
            and e.kind in ("provider", "status")
            and e.at is not None
        ),
        key=lambda e: e.origin != "document",
    )  # a communiqué before the update near it
    groups, seen = [], set()
    for said in voices:  # a document says its claims; an update, those of its time
        if (said.document_id, said.origin == "document" or said.reported) in seen:
            continue
        seen.add((said.document_id, said.origin == "document" or said.reported))
        own = [
            e
            for e in stated
            if e.document_id == said.document_id
            and (said.origin == "document" or e.reported == said.reported)
        ]
        near = [
            g
            for g in groups
            if g.proposal.origin == "document"
            and g.proposal.precision == "minute"
            and abs(g.proposal.at - said.at) <= SAME_STATEMENT
        ]
        if own and near:
            for item in [said] + own:
                near[0].add(item, item.earliest, item.latest)
        elif own:
            group = Group("cause", proposal=said)
            for item in [said] + own:
                group.add(item, item.earliest, item.latest)
            groups.append(group)
    # The press reporting a cause the provider stated in the day before reports that statement.
    told = {e.event_id for g in groups for e in g.items}
    reports = []
    for item in (e for e in stated if e.event_id not in told and not e.own_voice):
        before = [g for g in groups if dt.timedelta(0) <= item.at - g.proposal.at <= DAY]
        if before:
            max(before, key=lambda g: g.proposal.at).items.append(item)
        else:
            reports.append(item)
    groups += [g for g in densest_groups(reports, "cause", SAME_STATEMENT) if len(g.sources) >= 2]
    kept, known = [], frozenset()
    for group in sorted(groups, key=lambda g: g.proposal.at):
        kinds = cause_kinds(group.items)
        if "stated" in kinds and not kinds <= known:
            kept.append(group)
            known |= kinds
    return kept


def no_later_than_reported(item: Evidence) -> Evidence:
    """What happened cannot have happened after it was reported: the bounds end there. An
    actor's own "today" in the release that announces it is the release itself."""
    if item.modality == "expected" or item.reported is None or item.earliest is None:
        return item
    # A page that states only its day reported it at any time of that day.
    reported = item.reported + (DAY - dt.timedelta(seconds=1) if item.day_only else dt.timedelta(0))
    if item.latest is not None and item.earliest <= reported < item.latest:
        if (
            item.own_voice
            and item.origin == "text"
            and item.precision == "day"
            and not item.day_only
        ):
            return dataclasses.replace(item, at=reported, latest=reported, precision="minute")
        return dataclasses.replace(item, latest=reported, at=min(item.at, reported))
    return item


def promised_end(item: Evidence) -> Evidence:
    """A promise dated by what was promised (the date it mentions): a stated time as it is; a
    delay ("entro 48 ore", "within two days") by its end, give or take a quarter of it (at
    least three hours)."""
    earliest, latest = item.mentioned
    precision = precision_of(item.value) or ("days" if item.value.startswith("P") else None)
    if earliest is None or latest is None or precision is None:
        return dataclasses.replace(item, at=None)
    if not item.value.startswith("P"):
        return dataclasses.replace(
            item, at=earliest, earliest=earliest, latest=latest, precision=precision
        )
    give = max(dt.timedelta(hours=3), (latest - earliest) / 4)
    # Counted from a page that states only its day: the end is anywhere in a day.
    end = latest + (DAY - dt.timedelta(seconds=1) if item.day_only else dt.timedelta(0))
    return dataclasses.replace(
        item,
        at=latest,
        earliest=latest - give,
        latest=end,
        precision="days" if latest - earliest > DAY else "hour",
    )


def build_story(
    evidence: list[Evidence],
    incident: str,
    window: tuple[dt.datetime, dt.datetime] | None = None,
    subject: frozenset[str] = frozenset(),
) -> list[tuple[KeyMoment, list[int]]]:
    """The key moments the evidence supports, each with the ids of its events, in time order.

    ``window`` bounds the story; ``subject`` are the words naming the incident's provider and
    products (its keywords), which never tell two actors apart.
    """
    evidence = [no_later_than_reported(e) for e in evidence]
    starts = outage_starts(evidence)
    began = best_time(starts[0])[1] if starts else None
    if began is not None:
        # Nothing of the story before the outage began: not even as a base for later moments.
        evidence = [
            e
            for e in evidence
            if e.category == "outage_start" or e.at is None or (e.latest or e.at) >= began
        ]
    chosen: list[Group] = starts + restorations(evidence)

    # Each communication of the provider, with what others report of it; a statement only
    # the press reports needs two sources and no communication of the provider near it.
    voices = communications(evidence)
    said = [
        e
        for e in evidence
        if e.category == "provider_statement"
        and not e.own_voice
        and e.modality in ("happened", "negated")
        and _datable(e)
    ]
    near_any = [e for e in evidence if e.own_voice and e.origin in ("document", "status")]
    said = [
        e
        for e in said
        if not any(supports(e, v.at, SAME_STATEMENT) for v in near_any)
        or any(supports(e, v.at, SAME_STATEMENT) for v in voices)
    ]
    statements = own_documents(said, "provider_statement", SAME_STATEMENT, evidence, voices=voices)
    chosen += statements
    chosen += causes(evidence)

    # A deadline is the promised time: a stated time, or the end of a promised delay
    # ("entro 48 ore": the 48th hour).
    promises = [
        p
        for p in (
            promised_end(e) for e in evidence if e.category == "deadline" and e.origin == "text"
        )
        if p.at is not None and p.precision in PRECISIONS[:5]
    ]
    chosen += [
        g
        for g in densest_groups(promises, "deadline", dt.timedelta(0), own_first=True)
        if g.supported
    ]

    happened = [e for e in evidence if e.modality == "happened" and _datable(e)]
    for category in ("consumer_action", "regulator_action"):
        items = [e for e in happened if e.category == category]
        chosen += own_documents(
            items, category, SAME_ACTION, evidence, actor_check(subject), others_alone=True
        )

    # An offer is the provider's: a consumer association's compensation is a demand.
    offers = [
        by_report(e)
        for e in evidence
        if e.category == "compensation"
        and e.kind not in ("consumer", "regulator")
        and e.reported is not None
        and e.modality in ("happened", "expected")
    ]
    chosen += [
        g for g in densest_groups(offers, "compensation", dt.timedelta(hours=24)) if g.supported
    ]

    moments = []
    words = own_words(evidence)
    for group in chosen:
        group.items = reported_in_time(group)  # the moment and its event links alike
        moment = _moment(group, incident, words)
        moment.conflict = 1 if len(starts) > 1 and any(group is g for g in starts) else 0
        moments.append((moment, group))
    kept = []
    for moment, group in moments:
        if began is not None and moment.category != "outage_start" and ISO(moment.at) < began:
            if ISO(moment.latest) < began:
                continue  # nothing of the story before the outage began
            moment.at = moment.earliest = _iso(began)  # "9 March" for a statement of that day
        at = ISO(moment.at)
        if window and not (window[0] <= at <= window[1]):
            continue
        kept.append((moment, sorted({i.event_id for i in group.items})))
    kept.sort(key=lambda pair: (pair[0].at, KEY_CATEGORIES.index(pair[0].category)))
    return kept


EVIDENCE_SQL = """
with ranked as (
  select e.*, row_number() over (
      partition by e.category, e.source, e.happened_day, e.origin
      order by e.happened_precision = 'minute' desc, e.reported_at, e.id) as nth
  from events e
  where e.incident = ? and e.category in ({categories})
)
select e.id, e.category, coalesce(e.modality, 'happened'), coalesce(e.origin, 'text'),
       e.happened_at, e.happened_earliest, e.happened_latest, e.happened_precision,
       e.reported_at, coalesce(e.source, d.source, ''), coalesce(e.kind, d.kind, ''), d.url,
       coalesce(e.sentence, ''), e.document_id, coalesce(d.title, ''), coalesce(e.value, ''),
       d.published_precision = 'day', e.earliest, e.latest
from ranked e join documents d on d.id = e.document_id
-- A source reports a kind of happening a few times a day at most: more are repeats.
where e.nth <= {per_day}
"""
# How many reports of one kind a source may bring for one day (the story never needs more).
REPORTS_PER_SOURCE_DAY = 8


def load_evidence(db: sqlite_utils.Database, incident: str, timezone: str) -> list[Evidence]:
    """The incident's events that can support a key moment."""
    tz = ZoneInfo(timezone)
    wanted = KEY_CATEGORIES
    sql = EVIDENCE_SQL.format(
        categories=", ".join("?" for _ in wanted), per_day=REPORTS_PER_SOURCE_DAY
    )
    out = []
    for row in db.execute(sql, [incident, *wanted]):
        (
            event_id,
            category,
            modality,
            origin,
            at,
            earliest,
            latest,
            precision,
            reported,
            source,
            kind,
            url,
            sentence,
            document_id,
            title,
            value,
            day_only,
            m_earliest,
            m_latest,
        ) = row
        item = Evidence(
            event_id,
            category,
            modality,
            origin,
            _parse(at, tz),
            _parse(earliest, tz),
            _parse(latest, tz),
            precision,
            _parse(reported, tz),
            source,
            kind,
            url,
            sentence,
            document_id,
            title,
            value,
            bool(day_only),
            (_parse(m_earliest, tz), _parse(m_latest, tz)),
        )
        out.append(item)
        if origin == "document":
            # A communiqué titled "Un indennizzo per gli utenti" is also evidence of the offer.
            headline = read_statement(title, kind=kind)
            if headline.category in KEY_CATEGORIES and headline.category != category:
                out.append(
                    dataclasses.replace(
                        item, category=headline.category, modality=headline.modality
                    )
                )
    return out


def _parse(value: str | None, tz: ZoneInfo) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = ISO(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=tz)).astimezone(tz)


def _window(row: dict, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime] | None:
    start, end = row.get("window_start"), row.get("window_end")
    if not start or not end:
        return None
    return (
        dt.datetime.combine(dt.date.fromisoformat(start), dt.time(), tz),
        dt.datetime.combine(dt.date.fromisoformat(end), dt.time(23, 59, 59), tz),
    )


def rebuild_story(db: sqlite_utils.Database) -> int:
    """(Re)build ``key_moments``, ``event_moment``, ``day_counts`` and ``document_counts``
    for every incident; return the number of key moments.

    Runs inside the caller's transaction when there is one (incident_timeline.crawl.finish_database
    takes the write lock first), else in its own.
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
    # happenings, event_happening and event_counts: the tables of release 0.1.0, replaced.
    for name in (
        "event_moment",
        "key_moments",
        "day_counts",
        "document_counts",
        "event_happening",
        "happenings",
        "event_counts",
    ):
        if name in db.table_names():
            db[name].drop()
    db["key_moments"].create(columns(KeyMoment), pk="id")
    db["event_moment"].create(
        {"event_id": int, "moment_id": int},
        pk=("event_id", "moment_id"),
        foreign_keys=[("event_id", "events", "id"), ("moment_id", "key_moments", "id")],
    )
    next_id, links = 1, []
    incidents = list(db["incidents"].rows) if "incidents" in db.table_names() else []
    for row in incidents:
        tz = ZoneInfo(row.get("timezone") or "UTC")
        evidence = load_evidence(db, row["slug"], row.get("timezone") or "UTC")
        rows = []
        subject = frozenset(
            word.lower()
            for keyword in json.loads(row.get("keywords") or "[]")
            for word in re.split(r"[\s'’-]+", keyword)
            if len(word) > 2
        )
        for moment, event_ids in build_story(evidence, row["slug"], _window(row, tz), subject):
            moment.id = next_id
            rows.append(moment.__dict__)
            links += [{"event_id": e, "moment_id": next_id} for e in event_ids]
            next_id += 1
        db["key_moments"].insert_all(rows)
    db["event_moment"].insert_all(links, batch_size=5000)
    db["key_moments"].create_index(["incident", "at"])
    db["event_moment"].create_index(["moment_id"])
    db.execute("""
        create table day_counts as
        select incident, happened_day as day, coalesce(category, 'other') as category,
               count(*) as events
        from events group by incident, happened_day, coalesce(category, 'other')""")
    db.execute("create index idx_day_counts on day_counts (incident, day)")
    # Documents per source: the pages' totals, without counting a big table per request.
    db.execute("""
        create table document_counts as
        select incident, source, kind, count(*) as documents, min(published) as first_published
        from documents group by incident, source, kind""")
    db.execute("create index idx_document_counts on document_counts (incident)")
    return next_id - 1
