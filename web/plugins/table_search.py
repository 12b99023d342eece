"""Full-text search on a big table: the search box hands over to the ranked search, the table
search picks its plan by how many rows match, and neither counts its matches.

On the tables timeline/serve.py found big (more than BIG_TABLE_ROWS rows,
``datasette.timeline_big_tables``), Datasette 0.65's table search is slow for common words:
it runs ``… where id in (select rowid from documents_fts where … match …) order by published
desc`` and ``select count(*)`` of the same, and for a word in 900,000 of a million documents
SQLite materialises and sorts every match (over a second each; bench/serve.py). So:

- the documents table's HTML page, asked only for a search (the search box: ``_search``,
  optionally ``incident=`` and the sort or page size), is redirected to the ``search``
  canned query with the same words: ranked, with snippets, tens of milliseconds;
- every other ``_search`` on a big table (JSON, or combined with other filters) keeps the
  meaning of Datasette's table search — every match, in the table's sort order, page by
  page — but picks its plan by how many documents match (``search_plan``): SQLite cannot,
  since it does not know that a word is in 90 % of the table. The request's ``_search`` is
  passed on as ``_big_search`` (so Datasette's own clause is not added; next-page links
  carry ``_big_search``), and ``_nocount=1`` is added unless the request says ``_nocount``:
  the rows come back, the total is not computed.

Small databases, the demo's included, keep Datasette's table search as it is.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite

#: The table whose search box the ``search`` canned query answers (it searches documents).
SEARCHED_TABLE = "documents"
#: Arguments the search box sends that the hand-over may drop or carry (incident).
SEARCH_BOX_ARGUMENTS = {"_search", "_sort", "_sort_desc", "_size", "_nocount", "_searchmode", "incident"}
#: The table search of a big table, under a name Datasette's own search filter ignores.
BIG_SEARCH = "_big_search"
#: Up to this many matches, Datasette's plan is the fastest: look the matches up, sort them.
FEW_MATCHES = 2_000
#: From this share of the table up, walking the sort order and asking the full-text index
#: about each row beats collecting the matches first (see search_plan).
MOST_ROWS = 0.2


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
    """The request's scope (``_search`` passed on as ``_big_search``, ``_nocount=1`` added
    where needed) and a redirect location, if any."""
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
    if any(k == "_search" and v for k, v in args):
        # a new search replaces the one a page carried along (the filter form resends it)
        args = [(BIG_SEARCH if k == "_search" else k, v) for k, v in args if k != BIG_SEARCH]
    if not any(k == "_nocount" for k, _ in args):
        args.append(("_nocount", "1"))
    return dict(scope, query_string=urlencode(args).encode("latin-1")), None


async def search_plan(db, table: str, fts: str, match: str, params: dict, sort: str | None,
                      filtered: bool = False) -> str:
    """How to find a big table's rows that match, in order: ``lookup``, ``walk`` or ``probe``.

    - ``lookup`` (Datasette's own): collect the matching rowids, read those rows, sort them.
      Best for a few thousand matches; a word in 900,000 rows costs a second.
    - ``walk``: collect the matching rowids, then read the table in sort order (an index)
      and keep the rows in that set, stopping at the page size. Costs the collecting (~0.15
      µs a match) plus ~page size ÷ share of matching rows steps.
    - ``probe``: read the table in sort order and ask the full-text index about each row
      (~75 µs a question), stopping at the page size: nothing collected, so best when most
      rows match (a word in 90 % of a million rows: ~5 ms instead of ~1 s).

    The walks need the sort column to be indexed (or the rowid) and no other filter (SQLite
    would drive the query by the filter's index and ask the full-text index about each of its
    rows); otherwise ``lookup``.
    """
    if filtered or (sort is not None and not await _indexed(db, table, sort)):
        return "lookup"
    count = f"select count(*) from (select 1 from {fts} where {fts} match {match} limit :limit)"
    if (await db.execute(count, {**params, "limit": FEW_MATCHES})).first()[0] < FEW_MATCHES:
        return "lookup"
    rows = (await db.execute(f"select max(rowid) from {escape_sqlite(table)}")).first()[0] or 0
    most = max(FEW_MATCHES, int(rows * MOST_ROWS))
    return "probe" if (await db.execute(count, {**params, "limit": most})).first()[0] >= most else "walk"


async def _indexed(db, table: str, column: str) -> bool:
    """Whether ``column`` is the rowid or the first column of an index of ``table``."""
    if column in ("rowid", *await db.primary_keys(table)):
        return True
    found = await db.execute(
        "select 1 from pragma_index_list(:table) i join pragma_index_info(i.name) c "
        "where c.seqno = 0 and c.name = :column limit 1", {"table": table, "column": column})
    return bool(found.rows)


@hookimpl
def filters_from_request(request, database, table, datasette):
    """The where clause of a big table's ``_big_search`` (see the module's docstring)."""
    words = request.args.get(BIG_SEARCH)
    if not words:
        return None

    async def big_search():
        db = datasette.get_database(database)
        metadata = datasette.table_metadata(database, table)
        fts_name = metadata.get("fts_table") or await db.fts_table(table)
        if not fts_name:
            return None
        fts, pk = escape_sqlite(fts_name), escape_sqlite(metadata.get("fts_pk", "rowid"))
        raw = (request.args.get("_searchmode") or metadata.get("searchmode")) == "raw"
        match = ":big_search" if raw else "escape_fts(:big_search)"
        params = {"big_search": words}
        sort = request.args.get("_sort") or request.args.get("_sort_desc") or metadata.get("sort") \
            or metadata.get("sort_desc")
        filtered = any(not key.startswith("_") or key == "_where" for key in request.args)
        matching = f"(select rowid from {fts} where {fts} match {match})"
        clause = {
            "lookup": f"{pk} in {matching}",
            "walk": f"+{pk} in {matching}",  # the + keeps SQLite from driving the query by this set
            "probe": f"exists (select 1 from {fts} where {fts} match {match} and {fts}.rowid = {escape_sqlite(table)}.{pk})",
        }[await search_plan(db, table, fts, match, params, sort, filtered)]
        return FilterArguments([clause], params, [f'search matches "{words}"'],
                               {"search": words, "supports_search": True})

    return big_search


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
