"""GDELT DOC 2.0 full-text search as its documentation describes it: which articles to read.

    url = doc_query("https://api.gdeltproject.org/api/v2/doc/doc", "libero mail", start, end)
    articles = parse_doc(body)      # [DocArticle(url=…, title=…, seen=datetime, …), …]

``mode=ArtList&format=json`` answers ``{"articles": [{url, url_mobile, title, seendate,
socialimage, domain, language, sourcecountry}]}`` (``seendate`` like ``20230125T101500Z``,
UTC), and ``{}`` when nothing matches. A query it cannot run is answered in plain text with
status 200. ``startdatetime``/``enddatetime`` are UTC ``YYYYMMDDHHMMSS``. It searches a
rolling window of the last three months, returns at most 250 articles per query
(``maxrecords``), and asks for one request every five seconds: a window with more articles
is asked again in halves.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from incident_timeline.config import Config, Source

MAX_RECORDS = 250
# How far back the API searches (its documentation: a rolling window of the last 3 months).
REACH = dt.timedelta(days=90)
# A query answering MAX_RECORDS articles is asked again in halves, down to this span.
SMALLEST_SLICE = dt.timedelta(hours=1)
SEENDATE = re.compile(r"^(\d{8})T(\d{6})Z$")


class DocError(ValueError):
    """An answer of the DOC API that cannot be read; the message says why."""


@dataclass(frozen=True)
class DocArticle:
    url: str
    title: str = ""
    seen: dt.datetime | None = None
    domain: str = ""
    language: str = ""


def gdelt_time(moment: dt.datetime) -> str:
    """``YYYYMMDDHHMMSS`` in UTC, as the API counts time."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def doc_query(
    base: str, query: str, start: dt.datetime, end: dt.datetime, max_records: int = MAX_RECORDS
) -> str:
    """The ArtList query for ``query`` between two moments.

    >>> day = dt.datetime(2023, 1, 22, tzinfo=dt.timezone.utc)
    >>> doc_query("https://g.test/doc", "libero mail", day, day + dt.timedelta(days=1))[:60]
    'https://g.test/doc?query=libero%20mail&mode=ArtList&format=j'
    """
    params = {
        "query": query,
        "mode": "ArtList",
        "format": "json",
        "startdatetime": gdelt_time(start),
        "enddatetime": gdelt_time(end),
        "maxrecords": str(max_records),
    }
    return f"{base}?{urlencode(params, quote_via=quote)}"


def asked_span(
    span: tuple[dt.datetime, dt.datetime], now: dt.datetime | None = None
) -> tuple[dt.datetime, dt.datetime] | None:
    """The window as asked: to now at the latest (an ongoing incident); None before it begins."""
    now = now or dt.datetime.now(dt.UTC)
    end = min(span[1], now)
    return (span[0], end) if span[0] < end else None


def beyond_reach(
    span: tuple[dt.datetime, dt.datetime],
    now: dt.datetime | None = None,
    reach: dt.timedelta = REACH,
) -> bool:
    """True when the window starts before the last ``reach`` the API searches (it may find less)."""
    now = now or dt.datetime.now(dt.UTC)
    return span[0] < now - reach


def halves(start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    middle = start + (end - start) / 2
    return [(start, middle), (middle, end)]


def seen_moment(value) -> dt.datetime | None:
    """``20230125T101500Z`` → an aware UTC datetime (None when unreadable)."""
    match = SEENDATE.match(str(value or "").strip())
    if not match:
        return None
    try:
        return dt.datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def parse_doc(body: bytes) -> list[DocArticle]:
    """The articles of an ArtList JSON answer; DocError when it is not one (its text says why)."""
    text = body.decode("utf-8-sig", errors="replace").strip()
    if not text:
        raise DocError("empty answer")
    try:
        data = json.loads(text, strict=False)  # control characters inside titles are common
    except ValueError as exc:
        head = " ".join(text[:160].split())
        if not text.startswith(("{", "[")):
            raise DocError(f"the API answered in words, not JSON: '{head}'") from exc
        raise DocError(
            f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from exc
    if not isinstance(data, dict):
        raise DocError(f"not the ArtList JSON: a {type(data).__name__}, not an object")
    listed = data.get("articles", [])
    if not isinstance(listed, list):
        raise DocError("not the ArtList JSON: 'articles' is not a list")
    articles = []
    for entry in listed:
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            continue  # one bad entry does not cost the others
        url = entry["url"].strip()
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            continue
        articles.append(
            DocArticle(
                url=url,
                title=str(entry.get("title") or ""),
                seen=seen_moment(entry.get("seendate")),
                domain=str(entry.get("domain") or ""),
                language=str(entry.get("language") or ""),
            )
        )
    return articles


def site_of(url: str) -> str:
    """The site a URL is on, as sources name it: host without ``www.``, port when not the default.

    >>> site_of("https://www.news.example/a"), site_of("http://127.0.0.1:8001/x")
    ('news.example', '127.0.0.1:8001')
    """
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("*.")
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{port}" if port and port != default else host


def sources_by_site(config: Config) -> dict[str, Source]:
    """Each site a configured source names (start_urls, feed, sitemap, archive) → that source."""
    sites: dict[str, Source] = {}
    for source in config.sources:
        named = [*source.start_urls, source.feed, source.sitemap, *source.archive]
        for url in named:
            if url:
                sites.setdefault(site_of(url), source)
    return sites
