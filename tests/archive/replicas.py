"""Loopback replicas of the Wayback Machine (CDX index + replay) and of GDELT's DOC 2.0 API.

Written from their public documentation, not from their code:

- CDX (``/cdx/search/cdx``): ``url`` (exact; a trailing ``*`` for a prefix, a leading ``*.``
  for a domain), ``output=json`` (first row: the field names), ``fl``, ``from``/``to`` (1-14
  digit UTC timestamps, inclusive), ``filter=[!]field:regex`` (any number), ``collapse``
  (adjacent rows), ``limit`` (negative: the last rows), ``showResumeKey``/``resumeKey``, and a
  cap on rows per answer (the index's own maximum) that makes clients page.
- Replay: ``/web/<timestamp>id_/<original>`` gives the capture as archived;
  ``/web/<timestamp>/<original>`` the replay with the archive's banner injected and links
  rewritten (a client must never store that).
- DOC (``?query=…&mode=ArtList&format=json&startdatetime=…&enddatetime=…&maxrecords=…``):
  ``{"articles": [{url, url_mobile, title, seendate, socialimage, domain, language,
  sourcecountry}]}``, ``{}`` when nothing matches, plain text for a query it cannot run.

Both can answer 429 with Retry-After first, as the real services do when asked too fast.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from tests.archive.loopweb import Answer, Request

BANNER_MARK = "BARRA-ARCHIVIO-WAYBACK"
BANNER_HEAD = (
    '<script src="//archive.org/includes/athena.js" type="text/javascript"></script>\n'
    '<script type="text/javascript" src="/_static/js/wombat.js"></script>\n'
    "<!-- End Wayback Rewrite JS Include -->\n"
)
BANNER_BODY = (
    '<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<div id="wm-ipp-base" lang="en">'
    f'<div id="wm-ipp"><p>{BANNER_MARK}: la Wayback Machine ha catturato questa pagina 12 volte. '
    "Libero Mail e Virgilio Mail, guarda le altre catture.</p></div></div>\n"
    "<!-- END WAYBACK TOOLBAR INSERT -->\n"
)


def digest_of(body: bytes) -> str:
    """The archive's digest: SHA-1 of the content, in base 32."""
    return base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def surt(url: str) -> str:
    """The archive's url key: host reversed, without www, scheme, port; the rest lower-cased."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/").lower()
    return key + (f"?{parts.query.lower()}" if parts.query else "")


@dataclass
class Snapshot:
    """One capture we write: a page (original URL) as it was at ``timestamp`` (UTC, 14 digits)."""

    original: str
    timestamp: str
    html: str
    status: str = "200"
    mimetype: str = "text/html"
    #: the archive answers the raw (id_) form with a redirect to its banner replay
    drops_raw: bool = False

    @property
    def body(self) -> bytes:
        return self.html.encode("utf-8")

    @property
    def row(self) -> dict:
        return {
            "urlkey": surt(self.original),
            "timestamp": self.timestamp,
            "original": self.original,
            "mimetype": self.mimetype,
            "statuscode": self.status,
            "digest": digest_of(self.body),
            "length": str(len(self.body)),
        }


class WaybackReplica:
    """CDX index and replay over ``snapshots``; ``max_rows`` caps one answer (then a resume key)."""

    FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")

    def __init__(
        self,
        snapshots: list[Snapshot],
        max_rows: int = 1000,
        busy_first: int = 0,
        retry_after: int = 1,
        broken_index: bool = False,
        delay: float = 0.0,
    ):
        self.snapshots = snapshots
        self.max_rows = max_rows
        self.busy_left = busy_first
        self.retry_after = retry_after
        self.broken_index = broken_index
        self.delay = delay  # seconds each capture takes to arrive
        self.index_queries: list[Request] = []

    def __call__(self, request: Request) -> Answer | None:
        if request.path == "/cdx/search/cdx":
            return self.index(request)
        if request.path.startswith("/web/"):
            return self.replay(request)
        return None

    # -- the index -------------------------------------------------------------------------

    def index(self, request: Request) -> Answer:
        self.index_queries.append(request)
        if self.busy_left > 0:
            self.busy_left -= 1
            return Answer(
                429, "Too Many Requests", "text/plain", {"Retry-After": str(self.retry_after)}
            )
        if self.broken_index:
            return Answer(
                200, '[["urlkey","timestamp","original"],["it,x)/", "2023', "application/json"
            )
        rows = sorted((s.row for s in self.snapshots), key=lambda r: (r["urlkey"], r["timestamp"]))
        rows = [
            r for r in rows if self.matches(request.param("url", ""), request.param("matchType"), r)
        ]
        low = (request.param("from") or "").ljust(14, "0")
        high = (request.param("to") or "").ljust(14, "9")
        rows = [
            r
            for r in rows
            if (not request.param("from") or r["timestamp"] >= low)
            and (not request.param("to") or r["timestamp"] <= high)
        ]
        for rule in request.query.get("filter", []):
            negate, rule = rule.startswith("!"), rule.lstrip("!")
            name, _, pattern = rule.partition(":")
            rows = [r for r in rows if bool(re.fullmatch(pattern, r.get(name, ""))) != negate]
        for rule in request.query.get("collapse", []):
            name, _, size = rule.partition(":")
            kept, last = [], None
            for r in rows:
                value = r.get(name, "")[: int(size)] if size else r.get(name, "")
                if value != last:
                    kept.append(r)
                last = value
            rows = kept
        resume = request.param("resumeKey")
        if resume:
            after = tuple(unquote(resume).rstrip("!").split(" ", 1))
            rows = [r for r in rows if (r["urlkey"], r["timestamp"]) > after]
        limit = int(request.param("limit") or 0)
        if limit < 0:
            rows = rows[limit:]
        cap = min(limit, self.max_rows) if limit > 0 else self.max_rows
        more = len(rows) > cap
        rows = rows[:cap]
        fields = (request.param("fl") or ",".join(self.FIELDS)).split(",")
        table = [fields] + [[r[f] for f in fields] for r in rows]
        if more and request.param("showResumeKey") == "true" and rows:
            table += [[], [quote(f"{rows[-1]['urlkey']} {rows[-1]['timestamp']}!")]]
        if request.param("output") != "json":
            return Answer(200, "\n".join(" ".join(row) for row in table[1:]), "text/plain")
        return Answer(200, json.dumps(table), "application/json")

    @staticmethod
    def matches(pattern: str, match_type: str | None, row: dict) -> bool:
        if pattern.startswith("*.") or match_type == "domain":
            domain = surt(pattern.removeprefix("*.")).split(")")[0]
            return row["urlkey"].split(")")[0] == domain or row["urlkey"].startswith(domain + ",")
        if pattern.endswith("*") or match_type == "prefix":
            return row["urlkey"].startswith(surt(pattern.rstrip("*")))
        return row["urlkey"] == surt(pattern)

    # -- the replay ------------------------------------------------------------------------

    def replay(self, request: Request) -> Answer:
        target = request.path[len("/web/") :] + (
            f"?{request.raw_query}" if request.raw_query else ""
        )
        match = re.match(r"^(\d{1,14})(id_)?/(.+)$", target)
        if not match:
            return Answer(400, "bad capture URL", "text/plain")
        timestamp, raw, original = match.groups()
        found = [
            s
            for s in self.snapshots
            if s.timestamp == timestamp and surt(s.original) == surt(original)
        ]
        if not found:
            return Answer(
                404, "<html><body>Wayback Machine has not archived that URL.</body></html>"
            )
        snapshot = found[0]
        if raw and not snapshot.drops_raw:
            return Answer(
                200, snapshot.body, f"{snapshot.mimetype}; charset=utf-8", delay=self.delay
            )
        if raw:
            return Answer(302, "", headers={"Location": f"/web/{timestamp}/{original}"})
        page = snapshot.html.replace("<head>", "<head>" + BANNER_HEAD, 1).replace(
            "<body>", "<body>" + BANNER_BODY, 1
        )
        page = re.sub(
            r'href="(https?://[^"]+)"', lambda m: f'href="/web/{timestamp}/{m.group(1)}"', page
        )
        return Answer(200, page, "text/html; charset=utf-8")


@dataclass
class Listed:
    """One article GDELT lists: its URL, title and when GDELT saw it (``20230125T101500Z``)."""

    url: str
    title: str
    seendate: str
    language: str = "Italian"

    def entry(self) -> dict:
        domain = (urlsplit(self.url).hostname or "").removeprefix("www.")
        return {
            "url": self.url,
            "url_mobile": "",
            "title": self.title,
            "seendate": self.seendate,
            "socialimage": "",
            "domain": domain,
            "language": self.language,
            "sourcecountry": "Italy",
        }


class DocReplica:
    """GDELT's DOC 2.0 ArtList over ``articles``: a title matches when it contains one of the
    query's OR-ed phrases; the seen date must fall between startdatetime and enddatetime."""

    def __init__(
        self,
        articles: list[Listed],
        busy_first: int = 0,
        retry_after: int = 1,
        answer: str | None = None,
    ):
        self.articles = articles
        self.busy_left = busy_first
        self.retry_after = retry_after
        self.answer = answer  # a fixed body (a malformed answer, a plain text error)
        self.queries: list[Request] = []

    def __call__(self, request: Request) -> Answer | None:
        if not request.path.endswith("/doc/doc"):
            return None
        self.queries.append(request)
        if self.busy_left > 0:
            self.busy_left -= 1
            return Answer(
                429,
                "Please limit requests to one every 5 seconds or contact us for larger queries.",
                "text/plain",
                {"Retry-After": str(self.retry_after)},
            )
        if self.answer is not None:
            return Answer(200, self.answer, "application/json")
        query = request.param("query", "")
        if len(query.strip('" ')) < 3:
            return Answer(200, "The specified phrase is too short.", "text/html")
        if request.param("mode", "").lower() != "artlist" or request.param("format") != "json":
            return Answer(200, "Unsupported mode or format.", "text/html")
        phrases = [p.strip().strip('"').lower() for p in re.split(r"\s+OR\s+", query)]
        start, end = (
            request.param("startdatetime", "0"),
            request.param("enddatetime", "99999999999999"),
        )
        found = [
            a.entry()
            for a in self.articles
            if any(p and p in a.title.lower() for p in phrases)
            and start <= a.seendate.replace("T", "").rstrip("Z") <= end
        ]
        found = found[: int(request.param("maxrecords") or 75)]
        return Answer(200, json.dumps({"articles": found} if found else {}), "application/json")
