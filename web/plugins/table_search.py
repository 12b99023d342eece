"""Table search (``?_search=``) that stems like the ranked search, on every full-text table
whatever its size; and on a big table, a plan chosen by how many rows match.

Datasette 0.65's table search matches the words as written: ``documents?_search=guasti``
finds nothing where the text says "guasto". Here every ``_search`` (and ``_search_<column>``)
of a table is passed on as ``_stem_search`` (so Datasette's own clause is not added; next-page
links carry it, a new ``_search`` replaces it) and becomes ``match`` of the stemmed expression
of timeline/search.py, as the ``search`` canned query does (``_searchmode=raw`` keeps FTS5
syntax as typed). The page's search box still shows the words.

On the tables timeline/serve.py found big (more than BIG_TABLE_ROWS rows,
``plugins.timeline.big_tables`` of the metadata), where Datasette's plan is slow for common words
(it
collects and sorts every match, and counts them):

- the documents table's HTML page, asked only for a search (the search box: ``_search``,
  optionally ``incident=`` and the sort or page size), is redirected to the ``search``
  canned query with the same words: ranked, with snippets, tens of milliseconds;
- every other search keeps the meaning of Datasette's table search — every match, in the
  table's sort order, page by page — but picks its plan by how many documents match
  (``search_plan``): SQLite cannot, since it does not know that a word is in 90 % of the
  table; and ``_nocount=1`` is added unless the request says ``_nocount``: the rows come
  back, the total is not computed.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite
from incident_timeline.search import stemmed_query
from incident_timeline.serve import big_tables

#: The table whose search box the ``search`` canned query answers (it searches documents).
SEARCHED_TABLE = "documents"
#: Arguments the search box sends that the hand-over may drop or carry (incident).
SEARCH_BOX_ARGUMENTS = {
    "_search",
    "_sort",
    "_sort_desc",
    "_size",
    "_nocount",
    "_searchmode",
    "incident",
}
#: The table search, under a name Datasette's own search filter ignores.
STEM_SEARCH = "_stem_search"
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
        await send(
            {
                "type": "http.response.start",
                "status": 302,
                "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    return send_redirect


def handled(scope, big) -> tuple[dict, str | None]:
    """The request's scope (``_search*`` passed on as ``_stem_search*``, ``_nocount=1`` added
    on a big table) and a redirect location, if any."""
    query = scope.get("query_string", b"").decode("latin-1")
    found = _database_and_table(scope.get("path", "")) if "_search" in query else None
    if found is None:
        return scope, None
    database, table, extension = found
    args = parse_qsl(query, keep_blank_values=True)
    if not any(k.startswith("_search") and k != "_searchmode" and v.strip() for k, v in args):
        return scope, None
    words = " ".join(
        v for k, v in args if k.startswith("_search") and k != "_searchmode" and v
    ).strip()
    if (
        table in big
        and table == SEARCHED_TABLE
        and not extension
        and {k for k, _ in args} <= SEARCH_BOX_ARGUMENTS
    ):
        incident = next((v for k, v in args if k == "incident"), "")
        return scope, f"/{quote(database)}/search?" + urlencode({"q": words, "incident": incident})
    # a new search replaces the one a page carried along (the filter form resends it)
    args = [(k, v) for k, v in args if not k.startswith(STEM_SEARCH)]
    args = [
        ("_stem" + k if k.startswith("_search") and k != "_searchmode" else k, v) for k, v in args
    ]
    if table in big and not any(k == "_nocount" for k, _ in args):
        args.append(("_nocount", "1"))
    return dict(scope, query_string=urlencode(args).encode("latin-1")), None


def match_expression(args) -> str | None:
    """The FTS5 MATCH expression of a table search: each ``_stem_search`` stemmed (all words
    must match), each ``_stem_search_<column>`` limited to that column; None without words.

    >>> match_expression({"_stem_search": "guasti", "_stem_search_title": "posta"})
    '("guast"*) AND {title} : (("post"*))'
    """
    raw = args.get("_searchmode") == "raw"
    parts = []
    for key, words in args.items():
        if not key.startswith(STEM_SEARCH) or not str(words).strip():
            continue
        expression = str(words) if raw else stemmed_query(str(words))
        column = key[len(STEM_SEARCH) + 1 :]
        parts.append(f"{{{column}}} : ({expression})" if column else expression)
    return " AND ".join(parts) or None


async def search_plan(
    db, table: str, fts: str, match: str, params: dict, sort: str | None, filtered: bool = False
) -> str:
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
    return (
        "probe"
        if (await db.execute(count, {**params, "limit": most})).first()[0] >= most
        else "walk"
    )


async def _indexed(db, table: str, column: str) -> bool:
    """Whether ``column`` is the rowid or the first column of an index of ``table``."""
    if column in ("rowid", *await db.primary_keys(table)):
        return True
    found = await db.execute(
        "select 1 from pragma_index_list(:table) i join pragma_index_info(i.name) c "
        "where c.seqno = 0 and c.name = :column limit 1",
        {"table": table, "column": column},
    )
    return bool(found.rows)


@hookimpl
def filters_from_request(request, database, table, datasette):
    """The where clause of a table search (see the module's docstring)."""
    expression = match_expression({k: request.args.get(k) for k in request.args})
    if expression is None:
        return None

    async def stemmed_search():
        db = datasette.get_database(database)
        metadata = datasette.table_metadata(database, table)
        fts_name = metadata.get("fts_table") or await db.fts_table(table)
        if not fts_name:
            return None
        fts, pk = escape_sqlite(fts_name), escape_sqlite(metadata.get("fts_pk", "rowid"))
        params = {"stem_search": expression}
        plan = "lookup"
        if table in big_tables(datasette):
            sort = (
                request.args.get("_sort")
                or request.args.get("_sort_desc")
                or metadata.get("sort")
                or metadata.get("sort_desc")
            )
            filtered = any(not key.startswith("_") or key == "_where" for key in request.args)
            plan = await search_plan(db, table, fts, ":stem_search", params, sort, filtered)
        matching = f"(select rowid from {fts} where {fts} match :stem_search)"
        clause = {
            "lookup": f"{pk} in {matching}",
            "walk": f"+{pk} in {matching}",  # the + keeps SQLite from driving the query by this set
            "probe": (
                f"exists (select 1 from {fts} where {fts} match :stem_search"
                f" and {fts}.rowid = {escape_sqlite(table)}.{pk})"
            ),
        }[plan]
        words = " ".join(request.args.get(k) for k in request.args if k.startswith(STEM_SEARCH))
        return FilterArguments(
            [clause],
            params,
            [f'search matches "{words}"'],
            {"search": words, "supports_search": True},
        )

    return stemmed_search


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def table_search(scope, receive, send):
            big = big_tables(datasette)
            if scope.get("type") == "http":
                scope, location = handled(scope, big)
                if location:
                    return await _redirect(location)(scope, receive, send)
            await app(scope, receive, send)

        return table_search

    return wrap
