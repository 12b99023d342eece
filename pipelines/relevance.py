"""Stage 2: keep only documents about the incident (its keywords) and inside its time window."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from incident_timeline.dates import tag_timexes
from incident_timeline.happened import names_its_year
from incident_timeline.moments import local_day
from incident_timeline.pipelines.context import IncidentContext
from incident_timeline.versions import changed, versions_text
from itemadapter import ItemAdapter


def folded(text: str) -> str:
    """Lowercase without accents, so "Libero Mail" matches "LIBERO MAIL" and "è" matches "e"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=32)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    """One compiled pattern for all keywords, on word boundaries, spaces matching any whitespace."""
    if not keywords:
        return None
    parts = [r"\s+".join(map(re.escape, folded(k).split())) for k in keywords]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def absolute_days(text: str, lang: str, timezone: str) -> list[dt.date]:
    """The local days of the dates in ``text`` that name their year, in text order."""
    days = []
    for timex in tag_timexes(text, "2000-01-01T00:00:00", lang=lang, timezone=timezone):
        if names_its_year(timex):
            day = local_day(timex.get("earliest"), timezone)
            if day:
                days.append(dt.date.fromisoformat(day))
    return days


class RelevanceFilter(IncidentContext):
    """Drop documents that name none of the incident's keywords, or were published outside its
    window.

    A relevant page whose publication date could not be found (on the page, in its feed
    item or sitemap entry) is kept when a date naming its year in its text falls inside the
    window — it is stored with ``published`` null and counted as ``timeline/undated stored``
    — and dropped as "undated" otherwise: nothing places it in this incident rather than in
    another one of the same site.

    A page read from the archive in several versions is judged on all of them (a banner
    that came and went) and kept whatever its publication date when its text changed in
    the window: its changes are the news.
    """

    def process_item(self, item):
        adapter = ItemAdapter(item)
        incident = self.incident
        text, title = adapter.get("text") or "", adapter.get("title") or ""
        if not (text or title):
            raise self.drop("empty", item)
        pattern = keyword_pattern(incident.keywords)
        seen = f"{title}\n{text}{versions_text(adapter)}"
        if pattern and not pattern.search(folded(seen)):
            raise self.drop("off-topic", item)
        if changed(adapter):
            return item  # its captures, all in the window, date its changes
        if not adapter.get("day"):
            days = absolute_days(seen, adapter.get("lang") or "it", incident.timezone)
            if not any(self.in_window(day) for day in days):
                raise self.drop("undated", item)
            self.crawler.stats.inc_value("timeline/undated stored")
            return item
        if not self.in_window(dt.date.fromisoformat(adapter["day"])):
            raise self.drop("out of window", item)
        return item

    def in_window(self, day: dt.date) -> bool:
        start, end = self.incident.window_start, self.incident.window_end
        return (start is None or day >= start) and (end is None or day <= end)
