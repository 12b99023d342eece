"""JSON Feed 1.1 output (.jsonfeed) for any query or table with atom_* or title/url/published columns.

    /<db>/timeline.jsonfeed?incident=some-slug

Items take id/url/title/content/date from atom_id, atom_link, atom_title, atom_content
(or atom_content_html) and atom_updated, falling back to id, url, title, text/sentence and
published. Scraped text is hostile: it is emitted as content_text, and content_html is
built by escaping it, never by passing markup through; "<", ">" and "&" are also written as
\\u escapes so the body stays inert even if something renders it as HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from urllib.parse import urlsplit

from datasette import hookimpl
from datasette.utils.asgi import Response

VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json; charset=utf-8"


def can_render(columns):
    columns = set(columns)
    return {"atom_id", "atom_title"} <= columns or {"title", "url"} <= columns


def _first(row: dict, *names):
    for name in names:
        value = row.get(name)
        if value not in (None, ""):
            return value
    return None


def _http_url(value) -> str | None:
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return value.strip()
    return None


def _rfc3339(value) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None  # a date without an offset is not RFC 3339; better absent than wrong
    return parsed.isoformat()


def _item(row: dict, index: int) -> dict:
    url = _http_url(_first(row, "atom_link", "url", "first_url"))
    item = {"id": str(_first(row, "atom_id", "url", "id", "rowid") or index)}
    if url:
        item["url"] = url
    title = _first(row, "atom_title", "title", "document_title")
    if title is not None:
        item["title"] = str(title)
    text = _first(row, "atom_content", "text", "sentence", "summary", "snippet")
    if text is None and row.get("atom_content_html") is not None:
        # Markup from a query is not trusted: shown as the text it is.
        text = row["atom_content_html"]
    text = "" if text is None else str(text)
    item["content_text"] = text
    item["content_html"] = "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
    published = _rfc3339(_first(row, "atom_updated", "published", "updated", "earliest"))
    if published:
        item["date_published"] = published
    return item


def _feed_title(datasette, database, table, query_name) -> str:
    if query_name:
        queries = (datasette.metadata(database=database) or {}).get("queries") or {}
        query = queries.get(query_name) or {}
        title = query.get("title") if isinstance(query, dict) else None
        return f"{datasette.metadata('title') or 'Datasette'}: {title or query_name}"
    if table:
        return f"{datasette.metadata('title') or 'Datasette'}: {table}"
    return datasette.metadata("title") or "Datasette"


def render_jsonfeed(datasette, request, database, table, query_name, columns, rows):
    records = [dict(zip(columns, tuple(row))) for row in rows]
    feed_url = request.url
    path = request.path
    home_path = path[: -len(".jsonfeed")] if path.endswith(".jsonfeed") else path
    home_page_url = request.url.replace(path, home_path, 1)
    feed = {
        "version": VERSION,
        "title": _feed_title(datasette, database, table, query_name),
        "home_page_url": home_page_url,
        "feed_url": feed_url,
        "items": [_item(record, i) for i, record in enumerate(records)],
    }
    body = (json.dumps(feed, ensure_ascii=False, indent=2)
            .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
    return Response(body, status=200, content_type=CONTENT_TYPE)


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "jsonfeed", "render": render_jsonfeed, "can_render": can_render}
