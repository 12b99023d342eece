"""Stage 3: the document's events — every date in its text, its key facts, and the document itself
where it is a statement or an action.

Each event keeps three times apart (docs/PIPELINE.md): ``reported_at`` (the publication, the
update stamp opening its paragraph, or the status update), ``happened_*`` (when the happening
took place: a statement when made, a date mentioned as the time of the fact of its clause,
a start counted back from a duration) and the mentioned date itself (``value``, ``earliest``,
``latest``, ``day``).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cached_property

from incident_timeline.anchors import anchored_segments
from incident_timeline.categories import (
    NO_ACTORS,
    Actors,
    Reading,
    facts_of,
    read_mention,
    read_statement,
)
from incident_timeline.dates import SENTENCE_BREAK, sentence_around, tag_timexes
from incident_timeline.happened import When, mention_when, names_its_year, reported_when, since_when
from incident_timeline.items import Event
from incident_timeline.moments import local_day, parse_moment, to_local_iso
from incident_timeline.pipelines.context import IncidentContext
from itemadapter import ItemAdapter

# A status page's lifecycle of planned work (Statuspage's scheduled maintenances).
MAINTENANCE = {"scheduled", "in_progress", "verifying", "completed"}
# A statement by one of the actors is itself an event at its publication time.
STATEMENT_KINDS = {
    "provider": "provider_statement",
    "status": "provider_statement",
    "consumer": "consumer_action",
    "regulator": "regulator_action",
}
# Facts worth an event even without a date: they happen when said ("nessun dato è andato
# perso", "un bug nel sistema operativo", "sei mesi in omaggio").
CLAIM_CATEGORIES = {"cause", "compensation", "provider_statement"}
# …and, in the actors' own documents, what they say has been restored or will be.
ACTOR_CLAIM_CATEGORIES = CLAIM_CATEGORIES | {
    "restoration_partial",
    "restoration_complete",
    "deadline",
    "consumer_action",
    "regulator_action",
}
# Stamps and bylines are the document's own dates, not facts ("Pubblicato il 24/01/2023").
BYLINE = re.compile(
    r"^\W*(?:pubblicat\w*|aggiornat\w*|published|updated|modifica\w*|posted|"
    r"last updated|data)\b",
    re.IGNORECASE,
)


def sentences(text: str):
    """(offset, sentence) for every sentence of ``text``."""
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        if text[start : match.start()].strip():
            yield start, text[start : match.start()]
        start = match.end()
    if text[start:].strip():
        yield start, text[start:]


def happened_fields(when: When | None, reported: str | None, timezone: str) -> dict:
    """The event's happened_* columns; filed under the reported day when the time is vaguer."""
    if when is None:
        return {"happened_day": local_day(reported, timezone)}
    fields = {f"happened_{k}" if k != "at" else "happened_at": v for k, v in when.iso().items()}
    fields["happened_day"] = when.day() or local_day(reported, timezone)
    return fields


class EventTagger(IncidentContext):
    """Attach ``item["events"]``: dates in the text, key facts, status updates, the statement
    itself."""

    @cached_property
    def actors(self) -> Actors:
        """The regulators and consumer associations the sources file names."""
        config = getattr(self.crawler.spider, "config", None)
        return Actors.of(config.sources) if config is not None else NO_ACTORS

    def process_item(self, item):
        adapter = ItemAdapter(item)
        tz = self.incident.timezone
        document = {
            "lang": adapter.get("lang") or "it",
            "kind": adapter.get("kind"),
            "tz": tz,
            "precision": "day" if adapter.get("published_precision") == "day" else "minute",
            "actors": self.actors,
        }
        published, text = adapter.get("published"), adapter.get("text") or ""
        updates = adapter.get("updates") or ()
        events: list[Event] = []
        if updates:
            # A status page: each update speaks from its own time; planned maintenance is not
            # the outage (its updates are kept, as "other").
            planned = any((u.get("status") or "").lower() in MAINTENANCE for u in updates)
            for update in updates:
                events += self.update_events(text, update, document, planned)
        elif text and published:
            for offset, segment, anchor in anchored_segments(
                text, published, adapter.get("updated"), document["lang"], tz
            ):
                events += self.text_events(text, segment, offset, anchor, document)
        elif text:
            events += self.undated_events(text, document)
        kind = adapter.get("kind")
        if kind in STATEMENT_KINDS and kind != "status" and published:
            events.append(self.statement_event(adapter, document))
        adapter["events"] = events
        return item

    def text_events(
        self,
        text: str,
        segment: str,
        at: int,
        reported: str,
        document: dict,
        absolute_only: bool = False,
    ) -> list[Event]:
        """Events for the dates and the dateless key facts of ``segment`` (at ``text[at:]``)."""
        found = [
            t
            for t in tag_timexes(
                segment,
                reported or "2000-01-01T00:00:00",
                lang=document["lang"],
                timezone=document["tz"],
            )
            if not absolute_only or names_its_year(t)
        ]
        placed = []
        for timex in found:
            begin, end = timex["span"][0] + at, timex["span"][1] + at
            sentence = sentence_around(text, (begin, end))
            offset = text.find(sentence, max(0, end - len(sentence)))
            span = (begin - offset, end - offset) if 0 <= offset <= begin else None
            placed.append((timex, sentence, offset, span, (begin, end)))
        events, carried = [], {}
        for timex, sentence, offset, span, where in placed:
            others = tuple(
                (b - offset, e - offset)
                for t, s, o, sp, (b, e) in placed
                if s == sentence and t is not timex and o == offset
            )
            event = self.mention_event(timex, sentence, span, where, reported, document, others)
            events.append(event)
            if timex.get("earliest"):  # a bare "sei mesi" dates nothing
                carried.setdefault(sentence, set()).add(event.category)
        if reported and not absolute_only:
            for _, sentence in sentences(segment):
                sentence = sentence.strip()
                events += self.claim_events(sentence, reported, document, carried.get(sentence, ()))
        return events

    def mention_event(
        self,
        timex: dict,
        sentence: str,
        span,
        where: tuple[int, int],
        reported: str | None,
        document: dict,
        others: tuple = (),
    ) -> Event:
        tz = document["tz"]
        reading = read_mention(
            sentence, span, document["lang"], document["kind"], others, document["actors"]
        )
        if BYLINE.match(sentence):
            reading = Reading("other", "happened", reading.actor)
        report_time = parse_moment(reported, tz) if reported else None
        if reading.modality == "expected":
            # A promise or a plan happens when it is made; the date it names is what it mentions.
            when = reported_when(report_time, document.get("precision", "minute"))
        else:
            when = since_when(timex, sentence, report_time) or mention_when(timex, tz)
        if when is None and timex.get("value") == "PRESENT_REF":
            when = reported_when(report_time, "minute")
        return Event(
            origin="text",
            text=timex["text"],
            value=timex["value"],
            type=timex["type"],
            mod=timex.get("mod"),
            earliest=timex.get("earliest"),
            latest=timex.get("latest"),
            day=local_day(timex.get("earliest"), tz),
            sentence=sentence,
            span_start=where[0],
            span_end=where[1],
            category=reading.category,
            actor=reading.actor,
            modality=reading.modality,
            reported_at=reported,
            flag=timex.get("flag"),
            **happened_fields(when, reported, tz),
        )

    def claim_events(self, sentence: str, reported: str, document: dict, carried=()) -> list[Event]:
        """Key facts stated without a date of their own: they happened when reported.

        ``carried`` are the categories a date of the sentence already dates.
        """
        allowed = (
            ACTOR_CLAIM_CATEGORIES if document["kind"] in STATEMENT_KINDS else CLAIM_CATEGORIES
        )
        tz = document["tz"]
        events = []
        for reading in facts_of(sentence, document["lang"], document["kind"], document["actors"]):
            if reading.category not in allowed or reading.category in carried:
                continue
            if reading.category == "provider_statement" and reading.modality != "negated":
                continue  # only what a statement denies ("no data was lost") is a fact of its own
            # As precise as the report: a page dated only by its day says it that day.
            when = reported_when(parse_moment(reported, tz), document.get("precision", "minute"))
            events.append(
                Event(
                    origin="claim",
                    text=None,
                    sentence=sentence,
                    category=reading.category,
                    actor=reading.actor,
                    modality=reading.modality,
                    reported_at=reported,
                    **happened_fields(when, reported, tz),
                )
            )
        return events

    def undated_events(self, text: str, document: dict) -> list[Event]:
        """A page whose publication date is unknown: only the dates that name their year."""
        return self.text_events(text, text, 0, None, document, absolute_only=True)

    def update_events(
        self, text: str, update: dict, document: dict, planned: bool = False
    ) -> list[Event]:
        """A status update is a statement at its time; the dates in its body speak from it."""
        tz = document["tz"]
        at = to_local_iso(update.get("created_at"), tz)
        body = update.get("body") or ""
        sentence = body or update.get("status") or ""  # the status word is the event's text
        reading = read_statement(
            body, document["lang"], "status", update.get("status"), document["actors"]
        )
        if planned:
            reading = Reading("other", "happened", reading.actor)
        events = [
            Event(
                origin="status",
                text=update.get("status") or "update",
                value=at[:16] if at else None,
                type="TIME",
                earliest=at,
                latest=at,
                day=local_day(at, tz),
                sentence=sentence,
                category=reading.category,
                actor=reading.actor,
                modality=reading.modality,
                reported_at=at,
                **happened_fields(reported_when(parse_moment(at, tz)), at, tz),
            )
        ]
        offset = text.find(body) if body else -1
        if at and offset >= 0:
            found = self.text_events(text, body, offset, at, document)
            if planned:
                found = [dataclasses.replace(e, category="other") for e in found]
            events += found
        return events

    def statement_event(self, adapter: ItemAdapter, document: dict) -> Event:
        """The document itself: a communiqué, a formal warning, a regulator's notice."""
        tz = document["tz"]
        published = adapter["published"]
        title = adapter.get("title") or ""
        lead = (adapter.get("text") or "")[:300]
        reading = read_statement(
            f"{title}\n{lead}", document["lang"], document["kind"], actors=document["actors"]
        )
        precision = "day" if adapter.get("published_precision") == "day" else "minute"
        return Event(
            origin="document",
            text=title or adapter.get("url"),
            value=published[:16],
            type="TIME",
            earliest=published,
            latest=published,
            day=adapter.get("day"),
            sentence=title,
            category=STATEMENT_KINDS[document["kind"]],
            actor=reading.actor,
            modality="happened",
            reported_at=published,
            **happened_fields(reported_when(parse_moment(published, tz), precision), published, tz),
        )
