"""The Wayback Machine as its documentation describes it: the CDX index, and raw captures.

    query = cdx_query("https://web.archive.org", "news.example/2023/01/*", span)
    page = parse_cdx(body)                 # CdxPage(captures=[Capture, …], resume_key=None)
    capture_url("https://web.archive.org", "20230124101500", "https://news.example/a/")
    # 'https://web.archive.org/web/20230124101500id_/https://news.example/a/'

The index (``/cdx/search/cdx``) is metadata, one row per capture: ``urlkey, timestamp,
original, mimetype, statuscode, digest, length``. With ``output=json`` the first row names
the fields; with ``showResumeKey=true`` a cut-off answer ends with an empty row and a row
holding the resume key, to send back as ``resumeKey``. Timestamps are UTC, 1 to 14 digits
(``yyyyMMddhhmmss``); ``from``/``to`` are inclusive prefixes (``from=20230114`` is from the
start of that UTC day). ``collapse=digest`` would hide the last
capture of each content, which dates a change, so every row is read and each content (one
digest of one URL) is fetched once. A capture is read raw with the ``id_`` flag; without
it the archive injects its own banner and rewrites links, which must never reach a text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from incident_timeline.config import Incident

CDX_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
# What a crawl asks for (``fl``): the length is of no use to it.
ASKED_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest")
HTML_TYPES = ("text/html", "application/xhtml+xml")
RAW_CAPTURE = re.compile(r"/web/(\d{1,14})id_/(.+)$")
ANY_CAPTURE = re.compile(r"/web/(\d{1,14})(?:[a-z]{2}_)?/(.+)$")
# What the archive adds to a replayed page (never present in a raw ``id_`` capture).
BANNER_BLOCKS = (
    re.compile(
        rb"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
        re.DOTALL | re.IGNORECASE,
    ),
    re.compile(
        rb"<script[^>]*(?:archive\.org/includes|/_static/js/)[^>]*>.*?"
        rb"<!--\s*End Wayback Rewrite JS Include\s*-->",
        re.DOTALL | re.IGNORECASE,
    ),
    re.compile(rb"<!--\s*FILE ARCHIVED ON.*?-->", re.DOTALL | re.IGNORECASE),
)


# What betrays a replayed page left after the blocks above, and the elements to drop then.
REPLAY_MARKS = (
    b"wm-ipp",
    b"__wm.",
    b"wombat.js",
    b"web-static.archive.org",
    b"archive.org/includes",
    b"/_static/js/",
)
REPLAY_ELEMENTS = (
    '//*[starts-with(@id, "wm-") or starts-with(@id, "wm_") or @id = "donato"]'
    ' | //script[contains(@src, "archive.org") or contains(@src, "/_static/")'
    ' or contains(., "__wm.") or contains(., "wombat")]'
    ' | //link[contains(@href, "/_static/") or contains(@href, "archive.org")]'
)


class CdxError(ValueError):
    """An index answer that cannot be read; the message says why."""


@dataclass(frozen=True)
class Capture:
    """One row of the index: a capture of ``original`` at ``timestamp`` (UTC)."""

    timestamp: str
    original: str
    digest: str = ""
    mimetype: str = ""
    statuscode: str = ""
    urlkey: str = ""

    @property
    def moment(self) -> dt.datetime:
        return capture_moment(self.timestamp)

    @property
    def page(self) -> str:
        """What identifies the page across captures: the archive's canonical key, else the URL."""
        return self.urlkey or self.original

    @property
    def content(self) -> str:
        """What identifies its content: the digest (a capture without one is its own content)."""
        return self.digest or f"@{self.timestamp}"

    def readable(self) -> bool:
        """An HTML page answered 200 (the fields a replica leaves out are not held against it)."""
        status_ok = self.statuscode in ("", "200")
        type_ok = not self.mimetype or self.mimetype.split(";")[0].strip().lower() in HTML_TYPES
        return status_ok and type_ok


@dataclass(frozen=True)
class CdxPage:
    captures: list
    resume_key: str | None = None


@dataclass(frozen=True)
class Run:
    """Consecutive captures of a page showing the same content: first and last seen."""

    content: str
    first: Capture
    last: Capture


def capture_moment(timestamp: str) -> dt.datetime:
    """The UTC moment of a 1-14 digit archive timestamp (missing digits: the earliest).

    >>> capture_moment("20230124101500").isoformat()
    '2023-01-24T10:15:00+00:00'
    """
    digits = (timestamp + "00000101000000"[len(timestamp) :])[:14]
    return dt.datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)


def cdx_timestamp(moment: dt.datetime) -> str:
    """``yyyyMMddhhmmss`` in UTC, as the archive counts time."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def window_span(
    incident: Incident, now: dt.datetime | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """The incident window as UTC moments: its days are the incident's local days.

    The start is midnight of ``window_start`` there; the end the last second of
    ``window_end`` there (now, for a window without an end: an ongoing incident).
    """
    tz = ZoneInfo(incident.timezone)
    now = now or dt.datetime.now(dt.UTC)
    start = dt.datetime.combine(incident.window_start or dt.date(1996, 1, 1), dt.time.min, tz)
    if incident.window_end:
        end = dt.datetime.combine(incident.window_end, dt.time(23, 59, 59), tz)
    else:
        end = now
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def cdx_query(
    wayback: str,
    pattern: str,
    span: tuple[dt.datetime, dt.datetime] | None = None,
    limit: int = 5000,
    resume_key: str | None = None,
) -> str:
    """The index query for ``pattern`` (a trailing ``*``: a prefix), inside ``span`` if given.

    The span is sent as the UTC days it touches (``from``/``to`` are inclusive prefixes): the
    captures of those days outside the span are then left out by the crawl, never fetched.
    """
    params = [("url", pattern), ("output", "json"), ("fl", ",".join(ASKED_FIELDS))]
    if span:
        params += [("from", cdx_timestamp(span[0])[:8]), ("to", cdx_timestamp(span[1])[:8])]
    params += [
        ("filter", "statuscode:200"),
        ("filter", "mimetype:text/html"),
        ("limit", str(limit)),
        ("showResumeKey", "true"),
    ]
    if resume_key:
        params.append(("resumeKey", resume_key))
    return f"{wayback.rstrip('/')}/cdx/search/cdx?{urlencode(params, safe='/*:,')}"


def capture_url(wayback: str, timestamp: str, original: str) -> str:
    """Where the raw content of a capture is read (the ``id_`` flag: no banner, no rewriting)."""
    return f"{wayback.rstrip('/')}/web/{timestamp}id_/{original}"


def raw_form(url: str) -> str | None:
    """The ``id_`` form of an archive replay URL (itself when it already is raw), or None."""
    parts = urlsplit(url)
    tail = url[len(f"{parts.scheme}://{parts.netloc}") :]
    if RAW_CAPTURE.search(tail):
        return url
    match = ANY_CAPTURE.search(tail)
    if not match:
        return None
    root = f"{parts.scheme}://{parts.netloc}{tail[: match.start()]}"
    return f"{root}/web/{match.group(1)}id_/{match.group(2)}"


def is_raw(url: str) -> bool:
    """True for a raw capture URL (``/web/<timestamp>id_/…``)."""
    return bool(RAW_CAPTURE.search(urlsplit(url).path))


def original_of(url: str) -> str:
    """The original URL inside a capture URL (``url`` itself when it is none)."""
    match = RAW_CAPTURE.search(url) or ANY_CAPTURE.search(url)
    return match.group(2) if match else url


def strip_banner(body: bytes) -> bytes | str:
    """``body`` without anything the archive adds to a replayed page (a raw capture has none).

    The marked blocks go by pattern; should replay elements remain (the banner's ``wm-``
    elements, the archive's scripts), they are dropped from the parsed page, which then comes
    back as text.
    """
    for block in BANNER_BLOCKS:
        body = block.sub(b"", body)
    if any(mark in body for mark in REPLAY_MARKS):
        return without_replay_elements(body)
    return body


def without_replay_elements(body: bytes) -> str:
    """The page's HTML without the archive's banner elements and scripts."""
    import lxml.html

    root = lxml.html.document_fromstring(body)
    for element in root.xpath(REPLAY_ELEMENTS):
        element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def parse_cdx(body: bytes) -> CdxPage:
    """The captures of one JSON index answer, and its resume key; CdxError if it is not one.

    An empty answer is no capture. Fields are read by the names of the first row, so an
    index that leaves out or reorders fields still reads.
    """
    text = body.decode("utf-8-sig", errors="replace").strip()
    if not text:
        return CdxPage([])
    try:
        rows = json.loads(text)
    except ValueError as exc:
        head = " ".join(text[:120].split())
        raise CdxError(f"not the index's JSON ({exc.msg} at line {exc.lineno}): '{head}'") from exc
    if not isinstance(rows, list):
        raise CdxError(f"not the index's JSON: a {type(rows).__name__}, not a list of rows")
    if not rows:
        return CdxPage([])
    header = rows[0]
    if not (isinstance(header, list) and header and all(isinstance(f, str) for f in header)):
        raise CdxError("the first row does not name the fields")
    if not {"timestamp", "original"} <= set(header):
        raise CdxError(
            f"the rows have no timestamp and original fields (fields: {', '.join(header)})"
        )
    captures, resume_key = [], None
    body_rows = rows[1:]
    if (
        len(body_rows) >= 2
        and body_rows[-2] == []
        and isinstance(body_rows[-1], list)
        and len(body_rows[-1]) == 1
    ):
        resume_key = str(body_rows[-1][0])
        body_rows = body_rows[:-2]
    for number, row in enumerate(body_rows, start=2):
        if not (isinstance(row, list) and len(row) == len(header)):
            raise CdxError(
                f"row {number} has {len(row) if isinstance(row, list) else 'no'} fields, "
                f"not the {len(header)} the first row names"
            )
        fields = dict(zip(header, (str(value) for value in row), strict=True))
        if not re.fullmatch(r"\d{4,14}", fields["timestamp"]):
            raise CdxError(f"row {number}: '{fields['timestamp']}' is not an archive timestamp")
        captures.append(
            Capture(**{k: v for k, v in fields.items() if k in Capture.__annotations__})
        )
    return CdxPage(captures, resume_key)


def by_page(captures: list[Capture]) -> dict[str, list[Capture]]:
    """Captures grouped by page (the archive's url key), each page's in time order."""
    pages: dict[str, list[Capture]] = {}
    for capture in captures:
        pages.setdefault(capture.page, []).append(capture)
    return {page: sorted(found, key=lambda c: c.timestamp) for page, found in pages.items()}


def runs_of(captures: list[Capture]) -> list[Run]:
    """Consecutive captures of the same content, in time order (A, A, B, A → three runs)."""
    runs: list[Run] = []
    for capture in sorted(captures, key=lambda c: c.timestamp):
        if runs and runs[-1].content == capture.content:
            runs[-1] = Run(runs[-1].content, runs[-1].first, capture)
        else:
            runs.append(Run(capture.content, capture, capture))
    return runs


def contents_to_read(runs: list[Run], limit: int) -> list[Run]:
    """The first run of each distinct content, oldest first; at most ``limit``, evenly spread.

    The first and the last content are always read (the page as first seen and as last seen).
    """
    firsts: dict[str, Run] = {}
    for run in runs:
        firsts.setdefault(run.content, run)
    chosen = list(firsts.values())
    if limit <= 0 or len(chosen) <= limit:
        return chosen
    if limit == 1:
        return [chosen[-1]]
    step = (len(chosen) - 1) / (limit - 1)
    return [chosen[round(i * step)] for i in range(limit)]


def nearest(captures: list[Capture], span: tuple[dt.datetime, dt.datetime]) -> Capture | None:
    """The readable capture nearest the window: the last one inside it, else the closest outside."""
    readable = [c for c in captures if c.readable()]
    if not readable:
        return None
    start, end = span
    inside = [c for c in readable if start <= c.moment <= end]
    if inside:
        return max(inside, key=lambda c: c.timestamp)
    return min(
        readable,
        key=lambda c: min(
            abs((c.moment - start).total_seconds()), abs((c.moment - end).total_seconds())
        ),
    )
