"""Stage 2: keep only documents about the incident (its keywords) and inside its time window."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from pipelines.context import IncidentContext
from timeline.versions import changed, versions_text


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


class RelevanceFilter(IncidentContext):
    """Drop documents that name none of the incident's keywords, or were published outside its window.

    A document without a publication date (from the page, its feed item or its sitemap
    entry) is dropped as "undated": it cannot be placed on the timeline nor checked against
    the window, and kept it would leak into every incident of the same site.

    A page read from the archive in several versions is judged on all of them (a banner
    that came and went) and kept whatever its publication date when its text changed in
    the window: its changes are the news.
    """

    def process_item(self, item):
        incident = self.incident
        if not (item.get("text") or item.get("title")):
            raise self.drop("empty", item)
        pattern = keyword_pattern(incident.keywords)
        seen = f"{item.get('title') or ''}\n{item.get('text') or ''}{versions_text(item)}"
        if pattern and not pattern.search(folded(seen)):
            raise self.drop("off-topic", item)
        if not item.get("day"):
            raise self.drop("undated", item)
        day = dt.date.fromisoformat(item["day"])
        if changed(item):
            return item
        if incident.window_start and day < incident.window_start:
            raise self.drop("out of window", item)
        if incident.window_end and day > incident.window_end:
            raise self.drop("out of window", item)
        return item
