"""Atom and JSON Feed 1.1 of the timeline's canned queries, and JSON Feed of a table.

    /<db>/timeline.atom?incident=libero-2023         every event, in the page's words
    /<db>/key_moments.jsonfeed?incident=libero-2023  the story's key moments
    /<db>/statements.atom                            what the provider said
    /<db>/documents.jsonfeed                         any table with title and url columns

A feed runs its canned query (same SQL, same parameters, same permission as the query's own
page) and builds each entry from the query's readable columns, so no feed plumbing shows in
the HTML or CSV. The feed's title names the incident, the feed has an author (RFC 4287) and
each entry the source it quotes; entries are titled in words ("24 gen 21:15 · dichiarazione
del provider · libero-aiuto"), in the language asked for (``lang``) or the incident's sources'.
An empty result is a valid, empty feed. Scraped text is served as text: Atom content is
``type="text"``, JSON Feed content_html is the escaped text, and only http(s) URLs are links.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sqlite3
import xml.etree.ElementTree as ET

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import Response
from incident_timeline.labels import label, language, moment_label, n_sources, short_day
from incident_timeline.moments import parse_moment
from incident_timeline.story import http_url, json_list

ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
#: tag: URIs (RFC 4151) keep an entry's id when the site moves.
TAG = "tag:incident-timeline,2023:"
ROUTE = (
    r"^/(?P<database>[^/]+)/(?P<query>timeline|key_moments|statements)\.(?P<format>atom|jsonfeed)$"
)
FEED_NAMES = {
    "timeline": ("cronologia", "timeline"),
    "key_moments": ("momenti chiave", "key moments"),
    "statements": ("dichiarazioni del provider", "provider statements"),
}


def _rfc3339(value) -> str | None:
    moment = parse_moment(value, "UTC") if value and "T" in str(value) else None
    return moment.isoformat(timespec="seconds") if moment else None


def timeline_entry(row: dict, lang: str, tz) -> dict:
    """An event: '24 gen 21:15 · dichiarazione del provider · libero-aiuto'."""
    when = " ".join(x for x in (short_day(row.get("day"), lang), row.get("time")) if x)
    document = row.get("document") or row.get("url") or ""
    return {
        "id": f"{TAG}{row.get('incident')}/event/{row.get('event')}",
        "title": " · ".join(x for x in (when, row.get("what"), row.get("source")) if x),
        "text": f"{row.get('statement') or ''} — {document}".strip(" —"),
        "url": http_url(row.get("url")),
        "updated": row.get("reported"),
        "author": row.get("source"),
    }


def moment_entry(row: dict, lang: str, tz) -> dict:
    """A key moment: '22 gen ~22:00 · inizio del disservizio · 3 fonti'."""
    when = moment_label(
        row.get("at"),
        row.get("precision"),
        row.get("earliest"),
        row.get("latest"),
        tz=tz,
        lang=lang,
        style="short",
    )
    urls = [u for u in (http_url(u) for u in json_list(row.get("documents"))) if u]
    return {
        "id": f"{TAG}{row.get('incident')}/moment/{row.get('category')}/{row.get('at')}",
        "title": " · ".join(
            (when, label(row.get("category"), lang), n_sources(row.get("sources") or 0, lang))
        ),
        "text": row.get("statement") or "",
        "url": urls[0] if urls else None,
        "updated": row.get("first_reported") or row.get("at"),
        "author": None,
    }


def statement_entry(row: dict, lang: str, tz) -> dict:
    """A provider statement: '24 gen 21:15 · comunicato del provider · libero-aiuto'."""
    when = moment_label(
        row.get("at"),
        "minute" if "T" in str(row.get("at") or "") else "day",
        tz=tz,
        lang=lang,
        style="short",
    )
    return {
        "id": f"{TAG}{row.get('incident')}/{row.get('record')}",
        "title": " · ".join(x for x in (when, row.get("what"), row.get("source")) if x),
        "text": row.get("statement") or "",
        "url": http_url(row.get("url")),
        "updated": row.get("at"),
        "author": row.get("source"),
    }


ENTRIES = {"timeline": timeline_entry, "key_moments": moment_entry, "statements": statement_entry}


def atom(feed: dict, entries: list[dict]) -> str:
    """An Atom 1.0 document (RFC 4287): escaped by the XML writer, content as text."""
    root = ET.Element("feed", xmlns=ATOM)
    root.set("xml:lang", feed["lang"])
    ET.SubElement(root, "id").text = feed["id"]
    ET.SubElement(root, "title").text = feed["title"]
    ET.SubElement(root, "updated").text = feed["updated"]
    author = ET.SubElement(root, "author")
    ET.SubElement(author, "name").text = feed["author"]
    ET.SubElement(root, "link", href=feed["feed_url"], rel="self")
    ET.SubElement(root, "link", href=feed["home_page_url"], rel="alternate", type="text/html")
    for entry in entries:
        element = ET.SubElement(root, "entry")
        ET.SubElement(element, "id").text = entry["id"]
        ET.SubElement(element, "title").text = entry["title"]
        ET.SubElement(element, "updated").text = entry["updated"]
        if entry.get("author"):
            ET.SubElement(ET.SubElement(element, "author"), "name").text = entry["author"]
        if entry.get("url"):
            ET.SubElement(element, "link", href=entry["url"], rel="alternate")
        ET.SubElement(element, "content", type="text").text = entry["text"]
    return "<?xml version='1.0' encoding='utf-8'?>\n" + ET.tostring(root, encoding="unicode")


def json_feed(feed: dict, entries: list[dict]) -> str:
    """A JSON Feed 1.1 document; "<", ">" and "&" as \\u escapes (inert if shown as HTML)."""
    items = []
    for entry in entries:
        item = {
            "id": entry["id"],
            "title": entry["title"],
            "content_text": entry["text"],
            "content_html": "<p>" + html.escape(entry["text"]).replace("\n", "<br>") + "</p>",
            "date_published": entry["updated"],
        }
        if entry.get("url"):
            item["url"] = entry["url"]
        if entry.get("author"):
            item["authors"] = [{"name": entry["author"]}]
        items.append(item)
    body = {
        "version": JSON_FEED_VERSION,
        "title": feed["title"],
        "home_page_url": feed["home_page_url"],
        "feed_url": feed["feed_url"],
        "language": feed["lang"],
        "authors": [{"name": feed["author"]}],
        "items": items,
    }
    return (
        json.dumps(body, ensure_ascii=False, indent=2)
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
    )


async def serve_feed(datasette, request):
    """The route: run the canned query as its page would, answer its rows as a feed."""
    database, name, kind = (request.url_vars[k] for k in ("database", "query", "format"))
    try:
        db = datasette.get_database(route=database)
    except KeyError:
        return Response.text("Database not found", status=404)
    query = await datasette.get_canned_query(db.name, name, request.actor)
    visible, _ = await datasette.check_visibility(
        request.actor,
        permissions=[("view-query", (db.name, name)), ("view-database", db.name), "view-instance"],
    )
    if not query or not visible:
        return Response.text(
            "Not found" if not query else "Forbidden", status=404 if not query else 403
        )
    slug = request.args.get("incident", "")
    incident = (
        (
            await db.execute("select slug, title, timezone from incidents where slug = ?", [slug])
        ).first()
        if slug
        else None
    )
    first_lang = (
        (
            await db.execute(
                "select lang from documents where incident = ? and lang is not null limit 1", [slug]
            )
        ).first()
        if incident
        else None
    )
    lang = language(request.args.get("lang") or (first_lang[0] if first_lang else ""), "it")
    params = {p: request.args.get(p, "") for p in set(re.findall(r"(?<!:):(\w+)", query["sql"]))}
    params["lang"] = lang
    try:
        results = await db.execute(query["sql"], params)
    except (sqlite3.DatabaseError, QueryInterrupted) as exc:
        # e.g. a database built before the event model: say so, do not fail with a 500
        return Response.text(f"The {name} query cannot run on this database: {exc}", status=400)
    tz = incident["timezone"] if incident else None
    entries = [ENTRIES[name](dict(row), lang, tz) for row in results.rows]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for entry in entries:
        entry["updated"] = _rfc3339(entry["updated"]) or now
    it = lang == "it"
    what = FEED_NAMES[name][0 if it else 1]
    title = (
        f"{incident['title'] or slug} — {what}"
        if incident
        else f"{datasette.metadata('title') or 'Incident timeline'} — {what}"
    )
    page = (
        datasette.urls.path(f"/incidents/{slug}")
        if incident
        else datasette.urls.query(db.name, name)
    )
    feed = {
        "id": request.url,
        "title": title,
        "lang": lang,
        "feed_url": request.url,
        "home_page_url": datasette.absolute_url(request, page),
        "updated": max((e["updated"] for e in entries), default=now),
        "author": (
            "Cronologia dei disservizi: fonti citate in ogni voce"
            if it
            else "Outage timeline: sources cited in every entry"
        ),
    }
    if kind == "atom":
        return Response(atom(feed, entries), content_type="application/atom+xml; charset=utf-8")
    return Response(json_feed(feed, entries), content_type="application/feed+json; charset=utf-8")


@hookimpl
def register_routes():
    return [(ROUTE, serve_feed)]


# A table with title and url (documents): its rows as JSON Feed items.


def _table_entry(row: dict) -> dict:
    text = str(row.get("text") or row.get("title") or "")[:2000]
    return {
        "id": str(row.get("url") or row.get("id")),
        "title": str(row.get("title") or ""),
        "text": text,
        "url": http_url(row.get("url")),
        "updated": _rfc3339(row.get("updated") or row.get("published")),
        "author": row.get("source"),
    }


def render_table_feed(datasette, request, database, table, rows, columns):
    entries = [_table_entry(dict(zip(columns, tuple(row), strict=True))) for row in rows]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for entry in entries:
        entry["updated"] = entry["updated"] or now
    home = request.url.replace(".jsonfeed", "", 1)
    feed = {
        "id": request.url,
        "title": f"{datasette.metadata('title') or 'Incident timeline'} — {table}",
        "lang": "en",
        "feed_url": request.url,
        "home_page_url": home,
        "updated": max((e["updated"] for e in entries), default=now),
        "author": datasette.metadata("title") or "Incident timeline",
    }
    return Response(json_feed(feed, entries), content_type="application/feed+json; charset=utf-8")


@hookimpl
def register_output_renderer():
    return {
        "extension": "jsonfeed",
        "render": render_table_feed,
        "can_render": lambda table, columns: bool(table) and {"title", "url"} <= set(columns),
    }
