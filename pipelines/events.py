"""Stage 3: the document's events — every date in its text, and the document itself where it is a statement."""

from __future__ import annotations

from timeline.anchors import anchored_segments
from timeline.categories import categorise, categorise_in_context
from timeline.dates import sentence_around, tag_timexes
from timeline.moments import local_day, to_local_iso
from pipelines.context import IncidentContext

# A statement by one of the actors is itself an event at its publication time.
STATEMENT_KINDS = {"provider", "status", "consumer", "regulator"}


def minute_value(iso: str) -> str:
    """The TIMEX3 value of a moment known to the minute: '2023-01-24T19:05'."""
    return iso[:16]


class EventTagger(IncidentContext):
    """Attach ``item["events"]``: timexes found in the text, status updates, and the statement itself."""

    def process_item(self, item):
        tz = self.timezone_of(item)
        lang = item.get("lang") or "it"
        events = []
        if item.get("published") and item.get("text"):
            for offset, segment, anchor in anchored_segments(item["text"], item["published"],
                                                             item.get("updated"), lang, tz):
                events += self.text_events(item["text"], segment, offset, anchor, lang, tz, item.get("kind"))
        for update in item.get("updates") or ():
            events.append(self.update_event(update, lang, tz, item.get("kind")))
        if item.get("kind") in STATEMENT_KINDS and item.get("published") and not item.get("updates"):
            events.append(self.statement_event(item, lang))
        self.crawler.stats.inc_value("timeline/events", len(events))
        item["events"] = events
        return item

    def text_events(self, text: str, segment: str, at: int, anchor: str, lang: str, tz: str,
                    kind: str | None) -> list[dict]:
        """Events for the dates in ``segment`` (found at ``text[at:]``), read from ``anchor``."""
        events = []
        for timex in tag_timexes(segment, anchor, lang=lang, timezone=tz):
            begin, end = timex["span"][0] + at, timex["span"][1] + at
            sentence = sentence_around(text, (begin, end))
            offset = text.find(sentence, max(0, end - len(sentence)))
            if 0 <= offset <= begin:
                category, actor = categorise_in_context(sentence, (begin - offset, end - offset), lang, kind)
            else:
                category, actor = categorise(sentence, lang, kind)
            events.append({
                "origin": "text", "text": timex["text"], "value": timex["value"],
                "type": timex["type"], "mod": timex.get("mod"),
                "earliest": timex.get("earliest"), "latest": timex.get("latest"),
                "day": local_day(timex.get("earliest"), tz), "sentence": sentence,
                "span_start": begin, "span_end": end, "category": category, "actor": actor,
            })
        return events

    def update_event(self, update: dict, lang: str, tz: str, kind: str | None) -> dict:
        at = to_local_iso(update.get("created_at"), tz)
        sentence = " — ".join(x for x in (update.get("status"), update.get("body")) if x)
        category, actor = categorise(sentence, lang, kind)
        return {
            "origin": "status", "text": update.get("status") or "update",
            "value": minute_value(at) if at else None, "type": "TIME", "mod": None,
            "earliest": at, "latest": at, "day": local_day(at, tz), "sentence": sentence,
            "category": category, "actor": actor,
        }

    def statement_event(self, item: dict, lang: str) -> dict:
        published = item["published"]
        sentence = item.get("title") or ""
        category, actor = categorise(f"{sentence}\n{(item.get('text') or '')[:300]}", lang, item.get("kind"))
        return {
            "origin": "document", "text": item.get("title") or item["url"],
            "value": minute_value(published), "type": "TIME", "mod": None,
            "earliest": published, "latest": published, "day": item.get("day"),
            "sentence": sentence, "category": category, "actor": actor,
        }
