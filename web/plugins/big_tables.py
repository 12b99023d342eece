"""Full-text search on a big table does not count its matches.

Datasette runs ``select count(*) … where id in (select rowid from documents_fts where …
match …)`` beside every ``?_search=``: for a word in 900,000 of a million documents that
count alone takes over a second (bench/serve.py). On the tables timeline/serve.py found
big (more than BIG_TABLE_ROWS rows, ``datasette.timeline_big_tables``) a ``_search``
request gets ``_nocount=1`` unless it says ``_nocount`` itself: the rows come back, the
total is not computed. The ``search`` canned query is the fast, ranked search.
"""

from urllib.parse import parse_qsl, unquote

from datasette import hookimpl


def _table(path: str) -> str | None:
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if len(parts) != 2:
        return None
    return parts[1].rsplit(".", 1)[0] if "." in parts[1] else parts[1]


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def add_nocount(scope, receive, send):
            big = getattr(datasette, "timeline_big_tables", ())
            if scope.get("type") == "http" and big:
                query = scope.get("query_string", b"").decode("latin-1")
                if "_search" in query and _table(scope.get("path", "")) in big:
                    args = parse_qsl(query, keep_blank_values=True)
                    if any(k.startswith("_search") and v for k, v in args) and not any(k == "_nocount" for k, _ in args):
                        scope = dict(scope, query_string=scope["query_string"] + b"&_nocount=1")
            await app(scope, receive, send)
        return add_nocount
    return wrap
