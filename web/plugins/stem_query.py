"""SQL function stem_query(q): a safe, stemmed FTS5 MATCH expression (see timeline/search.py)."""

from datasette import hookimpl

from timeline.search import stemmed_query


@hookimpl
def prepare_connection(conn):
    conn.create_function("stem_query", 1, stemmed_query, deterministic=True)
