"""Full-text search on a big table: hand the search box over to the ranked search, never count.

On the tables timeline/serve.py found big (more than BIG_TABLE_ROWS rows,
``datasette.timeline_big_tables``), Datasette 0.65's table search is slow for common words:
it runs ``… where id in (select rowid from documents_fts where … match …) order by published
desc`` and ``select count(*)`` of the same, and for a word in 900,000 of a million documents
SQLite materialises and sorts every match (over a second each; bench/serve.py). So:

- the documents table's HTML page, asked only for a search (the search box: ``_search``,
  optionally ``incident=`` and the sort or page size), is redirected to the ``search``
  canned query with the same words: ranked, with snippets, tens of milliseconds;
- every other ``_search`` on a big table (JSON, or combined with other filters) stays
  Datasette's exact, complete table search, with ``_nocount=1`` added unless the request
  says ``_nocount`` itself: the rows come back, the total is not computed.

Small databases, the demo's included, keep Datasette's table search as it is.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode

from datasette import hookimpl

#: The table whose search box the ``search`` canned query answers (it searches documents).
SEARCHED_TABLE = "documents"
#: Arguments the search box sends that the hand-over may drop or carry (incident).
SEARCH_BOX_ARGUMENTS = {"_search", "_sort", "_sort_desc", "_size", "_nocount", "_searchmode", "incident"}


def _database_and_table(path: str) -> tuple[str, str, str] | None:
    """('db', 'table', '.json' or '') for a table URL, else None."""
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if len(parts) != 2:
        return None
    table, dot, extension = parts[1].rpartition(".")
    if not dot:
        return parts[0], parts[1], ""
    return parts[0], table, "." + extension


def _redirect(location: str):
    async def send_redirect(scope, receive, send):
        await send({"type": "http.response.start", "status": 302,
                    "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return send_redirect


def handled(scope, big) -> tuple[dict, str | None]:
    """The request's scope (``_nocount=1`` added where needed) and a redirect location, if any."""
    query = scope.get("query_string", b"").decode("latin-1")
    found = _database_and_table(scope.get("path", "")) if "_search" in query else None
    if found is None or found[1] not in big:
        return scope, None
    database, table, extension = found
    args = parse_qsl(query, keep_blank_values=True)
    words = " ".join(v for k, v in args if k.startswith("_search") and v).strip()
    if not words:
        return scope, None
    if table == SEARCHED_TABLE and not extension and {k for k, _ in args} <= SEARCH_BOX_ARGUMENTS:
        incident = next((v for k, v in args if k == "incident"), "")
        return scope, f"/{quote(database)}/search?" + urlencode({"q": words, "incident": incident})
    if not any(k == "_nocount" for k, _ in args):
        scope = dict(scope, query_string=scope["query_string"] + b"&_nocount=1")
    return scope, None


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def big_table_search(scope, receive, send):
            big = getattr(datasette, "timeline_big_tables", ())
            if scope.get("type") == "http" and big:
                scope, location = handled(scope, big)
                if location:
                    return await _redirect(location)(scope, receive, send)
            await app(scope, receive, send)
        return big_table_search
    return wrap
