"""The spider for a provider's status page (Atlassian Statuspage API, or any compatible one).

    scrapy crawl statuspage -a config=corpus/sources.yml -a source=stato-servizi

Reads ``<base>/api/v2/incidents.json``: each incident becomes ONE document of kind
``status`` whose text is its updates in order ("Identified — …") and whose ``updates``
the events stage turns into one event each, at the update's time. Then
``<base>/history.atom`` adds the incidents the API no longer lists (it keeps only the
most recent), skipping those already read. Relevance (keywords, window) is the
pipeline's job, so two incidents of the same provider stay two documents. Times stay
as the API gives them (UTC ``Z``); the pipelines convert them to the incident timezone.
An answer that is not the API's JSON, or a 404, is logged as an error naming the source,
the URL and the reason, counted as ``timeline/dropped/bad statuspage``, and the crawl goes on.
"""

from __future__ import annotations

import io
import json
import re
from urllib.parse import urlsplit

import feedparser
import scrapy
from incident_timeline.extract.language import detect as detect_language
from incident_timeline.items import Document, document_item
from incident_timeline.moments import parse_moment
from incident_timeline.spiders.channel import (
    BadChannel,
    ChannelSpider,
    date_hint,
    failure_reason,
    plain_text,
    sniff_not_xml,
    xml_error,
)
from incident_timeline.store import utc_now
from w3lib.html import remove_tags, replace_entities

BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])>", re.IGNORECASE)
# Shorter texts give langid nothing to go on.
MIN_LANG_TEXT = 40


def status_base(url: str) -> str:
    """The status page's root: ``https://status.x.com/api/v2/incidents.json`` →
    ``https://status.x.com``."""
    return re.sub(r"/(?:api/v2\b.*|history\.atom)$", "", url.strip()).rstrip("/")


def status_label(status: str | None) -> str:
    """``"in_progress"`` → ``"In progress"``: the API's status word as a reader writes it."""
    return (status or "update").replace("_", " ").strip().capitalize()


def html_text(html: str | None) -> str:
    """Readable text of an HTML fragment, one line per paragraph or line break."""
    if not html:
        return ""
    text = replace_entities(remove_tags(BLOCK_END.sub("\n", html)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def detect_lang(text: str, fallback: str | None = None) -> str | None:
    """The text's language (ISO 639-1) when there is enough text to tell, else ``fallback``."""
    if len(text or "") < MIN_LANG_TEXT:
        return fallback
    return detect_language(text)


def incident_updates(incident: dict) -> list[dict]:
    """The incident's updates, oldest first, in the shape the events stage reads."""
    updates = []
    for update in incident.get("incident_updates") or ():
        if not isinstance(update, dict):
            continue
        components = update.get("affected_components") or []
        updates.append(
            {
                "created_at": update.get("created_at") or update.get("display_at"),
                "status": update.get("status"),
                "body": (update.get("body") or "").strip(),
                "affected_components": [
                    c.get("name") if isinstance(c, dict) else str(c) for c in components
                ],
            }
        )
    return sorted(updates, key=update_time)


def update_time(update: dict) -> float:
    """Sort key: the update's time as a timestamp; unreadable times sort first."""
    moment = parse_moment(update.get("created_at"), "UTC")
    return moment.timestamp() if moment else float("-inf")


def incident_document(incident: dict, base: str) -> dict:
    """One Statuspage incident as document fields: url, title, text, published, updated, updates.

    ``url`` is the incident's shortlink when it has one, else ``<base>/incidents/<id>``.
    """
    updates = incident_updates(incident)
    text = "\n\n".join(f"{status_label(u['status'])} — {u['body']}".rstrip(" —") for u in updates)
    return {
        "url": incident.get("shortlink") or f"{base}/incidents/{incident['id']}",
        "title": (incident.get("name") or "").strip() or None,
        "text": text,
        "published": incident.get("created_at"),
        "updated": incident.get("resolved_at") or incident.get("updated_at"),
        "status": incident.get("status"),
        "impact": incident.get("impact"),
        "updates": updates,
    }


def api_incidents(body: bytes) -> list[dict]:
    """The ``incidents`` of an incidents.json body; BadChannel when it is not that."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        sniffed = sniff_not_xml(body)
        if sniffed and "JSON" not in sniffed:
            raise BadChannel(
                f"not the Statuspage API: {sniffed.replace('not XML', 'not JSON')}"
            ) from exc
        raise BadChannel(f"not valid JSON: {exc}") from exc
    incidents = data.get("incidents") if isinstance(data, dict) else None
    if not isinstance(incidents, list):
        raise BadChannel("not the Statuspage API: the JSON has no 'incidents' list")
    return [i for i in incidents if isinstance(i, dict) and i.get("id")]


class StatuspageSpider(ChannelSpider):
    """Reads one source's status page (``statuspage:`` base URL): the incidents API, then its
    history feed."""

    name = "statuspage"
    channel = "statuspage"
    bad_channel = "bad statuspage"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = status_base(self.source.statuspage)

    def channel_urls(self) -> list[str]:
        return [self.source.statuspage]

    async def start(self):
        yield scrapy.Request(
            f"{self.base}/api/v2/incidents.json", callback=self.parse, errback=self.api_failed
        )

    def parse(self, response):
        seen_urls, seen_ids = set(), set()
        try:
            incidents = api_incidents(response.body)
        except BadChannel as exc:
            self.reject(response.url, str(exc))
            incidents = []
        for incident in incidents:
            document = self.document(incident_document(incident, self.base))
            seen_urls.update({document.url, f"{self.base}/incidents/{incident['id']}"})
            seen_ids.add(str(incident["id"]))
            yield document
        yield self.history_request(seen_urls, seen_ids)

    def api_failed(self, failure):
        self.channel_failed(failure)
        # The history feed may still list the incidents.
        yield self.history_request(set(), set())

    def history_request(self, seen_urls: set, seen_ids: set) -> scrapy.Request:
        return scrapy.Request(
            f"{self.base}/history.atom",
            callback=self.parse_history,
            errback=self.history_failed,
            cb_kwargs={"seen_urls": seen_urls, "seen_ids": seen_ids},
        )

    def history_failed(self, failure):
        # The history feed is optional (not every compatible API has one): a warning, not an error.
        reason = failure_reason(failure)
        if reason:
            self.crawler.stats.inc_value("timeline/statuspage/no history feed")
            self.logger.warning(
                "no history feed for source '%s' at %s: %s",
                self.source.name,
                failure.request.url,
                reason,
            )

    def parse_history(self, response, seen_urls: set, seen_ids: set):
        body = response.body
        reason = sniff_not_xml(body)
        parsed = (
            None
            if reason
            else feedparser.parse(
                io.BytesIO(body), response_headers={"content-location": response.url}
            )
        )
        if (
            parsed is not None
            and xml_error(parsed)
            and not any(e.get("link") for e in parsed.entries)
        ):
            reason = f"malformed Atom: {xml_error(parsed)}"
        if reason:
            self.reject(response.url, f"history feed: {reason}")
            return
        feed_lang = (parsed.feed.get("language") or "")[:2] or None
        for entry in parsed.entries:
            if not entry.get("link"):
                continue
            url = response.urljoin(entry["link"])
            if url in seen_urls or self.incident_id(url) in seen_ids:
                self.crawler.stats.inc_value("timeline/statuspage/history entries already read")
                continue
            seen_urls.add(url)
            yield self.document(self.history_document(entry, url), lang_fallback=feed_lang)

    @staticmethod
    def incident_id(url: str) -> str | None:
        match = re.search(r"/incidents/([^/?#]+)", urlsplit(url).path)
        return match.group(1) if match else None

    @staticmethod
    def history_document(entry, url: str) -> dict:
        """A history.atom entry as document fields (no updates: the entry is one statement)."""
        content = entry.get("content") or []
        html = content[0].get("value") if content else entry.get("summary")
        published, _ = date_hint(entry.get("published"), entry.get("published_parsed"))
        updated, _ = date_hint(entry.get("updated"), entry.get("updated_parsed"))
        return {
            "url": url,
            "title": plain_text(entry.get("title")),
            "text": html_text(html),
            "published": published or updated,
            "updated": updated if published else None,
        }

    def document(self, fields: dict, lang_fallback: str | None = None) -> Document:
        """The item for one incident: its fields plus where it comes from."""
        fallback = lang_fallback or getattr(self.incident, "lang", None)
        return document_item(
            {
                **fields,
                "lang": detect_lang(fields.get("text") or "", fallback),
                "incident": self.incident.slug,
                "source": self.source.name,
                "kind": "status",
                "found_via": self.channel,
                "fetched_at": utc_now(),
            }
        )
