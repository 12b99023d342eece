"""Stage 1: every document's publication and update dates in the incident's timezone."""

from __future__ import annotations

from incident_timeline.moments import local_day, parse_moment, to_local_iso
from incident_timeline.pipelines.context import IncidentContext
from itemadapter import ItemAdapter


class PublicationDate(IncidentContext):
    """Normalise ``published``/``updated`` to ISO 8601 with offset; fall back to the channel's date.

    A page that carries no date of its own takes the date its feed item or sitemap entry
    gave (``date_hint``); ``day`` is the local calendar day of publication. A page dated by
    nothing at all has ``published_precision`` "none" (the relevance stage decides its fate).
    """

    def process_item(self, item):
        item = ItemAdapter(item)
        tz = self.incident.timezone
        published = to_local_iso(item.get("published"), tz)
        hint = to_local_iso(item.get("date_hint"), tz)
        hint_precision = item.get("date_hint_precision") or "minute"
        page_knows_only_the_day = item.get("published_precision") == "day"
        if hint and (
            published is None
            or (page_knows_only_the_day and hint_precision != "day" and hint[:10] == published[:10])
        ):
            # The feed or sitemap knows the time of a page that gives none (or only its day).
            published, item["published_precision"] = hint, hint_precision
        item["published"] = published
        item["updated"] = to_local_iso(item.get("updated"), tz)
        if (
            item["updated"]
            and published
            and parse_moment(item["updated"], tz) <= parse_moment(published, tz)
        ):
            item["updated"] = None  # an "update" before publication is a misread date
        if not item.get("title") and item.get("title_hint"):
            item["title"] = item["title_hint"]
        item["day"] = local_day(published, tz)
        if published is None:
            item["published_precision"] = "none"
        return item.item
