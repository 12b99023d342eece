"""An empty result is an empty Atom feed, not a server error.

datasette-atom 0.9 takes max() of the rows' atom_updated and fails with ValueError when a
query returns no rows (a category with no events yet, a feed for a new incident). A
subscriber should then get a valid feed with no entries.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from datasette import hookimpl
from datasette.utils.asgi import Response


@hookimpl
def handle_exception(datasette, request, exception):
    if not (request.path.endswith(".atom") and isinstance(exception, ValueError)
            and "empty" in str(exception)):
        return None
    name = request.path.rsplit("/", 1)[-1][: -len(".atom")]
    title = name
    database = request.url_vars.get("database") if request.url_vars else None
    if database:
        query = ((datasette.metadata(database=datasette.get_database(route=database).name) or {})
                 .get("queries") or {}).get(name)
        if isinstance(query, dict) and query.get("title"):
            title = query["title"]
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    body = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>{escape(request.url)}</id>\n"
        f"  <title>{escape(title)}</title>\n"
        f"  <updated>{now}</updated>\n"
        f"  <link href={quoteattr(request.url)} rel=\"self\"/>\n"
        "</feed>\n"
    )
    return Response(body, status=200, content_type="application/xml; charset=utf-8")
