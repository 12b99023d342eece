"""Publish a timeline database with Datasette, read-only, with this project's web/ folder.

    ds = datasette_for("db/timeline.db")      # a configured Datasette (tests use ds.client)
    serve("db/timeline.db", port=8001)        # runs it; what `timeline serve` calls

metadata.yml, web/templates (custom pages in web/templates/pages), web/plugins and web/static
are found from this file's location, never from the current directory. Datasette is
configured only through its documented interfaces: constructor arguments, metadata (the
plugin block ``timeline`` tells the plugins which tables are big) and plugin hooks. metadata.yml
describes the database
under the key ``timeline``; that block is moved at start-up to whatever name Datasette gives
the file (its stem: ``crawl-2024.db`` → ``crawl-2024``), so canned queries, facets and
descriptions work whatever the file is called.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import re
import socket
import sqlite3
import sys
import threading
import time
from pathlib import Path

import incident_timeline.web as web_package
import yaml
from datasette.app import Datasette

# The web assets travel with the package (incident_timeline.web: the checkout's web/ folder).
WEB = Path(web_package.__file__).resolve().parent
METADATA = WEB / "metadata.yml"
METADATA_DATABASE_KEY = "timeline"

SETTINGS = {
    # SQL runs in the request's own event loop, not in a thread pool: each hop to a SQL
    # thread cost ~0.2 ms and a table page makes about ten (bench/serve.py). One slow query
    # then holds up its process, so `serve` runs several processes (SERVE_WORKERS).
    "num_sql_threads": 0,
    "sql_time_limit_ms": 3000,
    "allow_download": False,
    "suggest_facets": False,
    "default_page_size": 50,
    "max_returned_rows": 2000,
    "facet_time_limit_ms": 500,
}

# A table with more rows than this is "big" (bench/serve.py: a million documents): its
# default facets from metadata.yml are not computed (each is a GROUP BY over the whole
# table on every request; `_facet=` still works), and a `_search=` on it does not count its
# matches (`_nocount=1`, see web/plugins/table_search.py). Smaller databases, the demo's
# included, keep both. Docs: PUBLISHING.md "Serving decisions".
BIG_TABLE_ROWS = 20_000
SIZED_TABLES = ("documents", "events")
# The tables a crawl creates: a file without them is not a timeline database.
TIMELINE_TABLES = ("incidents", "documents", "events")


class ServeError(Exception):
    """What keeps a database from being served, in one line for the command line."""


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file (and so the first part of its URLs)."""
    return Path(db_path).stem


# A database from before the event model (no events.happened_* columns) is served as it is
# (serve never writes; a crawl adds them): its canned queries read the date each sentence
# mentions instead of when the event happened.
EVENT_MODEL_FALLBACK = (
    (r"\be\.happened_precision\b", "null"),
    (r"\be\.modality\b", "null"),
    (r"\be\.reported_at\b", "d.published"),
    (r"\bhappened_day\b", "day"),
    (r"\bhappened_(at|earliest)\b", "earliest"),
    (r"\bhappened_latest\b", "latest"),
)


def before_event_model(sql: str) -> str:
    """A canned query's SQL for a database without events.happened_* (see EVENT_MODEL_FALLBACK)."""
    for pattern, replacement in EVENT_MODEL_FALLBACK:
        sql = re.sub(pattern, replacement, sql)
    return sql


def load_metadata(
    name: str, path: Path = METADATA, big_tables=(), event_model: bool = True
) -> dict:
    """metadata.yml with its ``databases.timeline`` block moved to the database's real name,
    without the default facets of ``big_tables`` (named for the plugins in
    ``plugins.timeline.big_tables``); for a database without the event model
    (``event_model=False``), its canned queries on the mentioned dates."""
    metadata = yaml.safe_load(path.read_text("utf-8")) or {}
    metadata = copy.deepcopy(metadata)
    databases = metadata.get("databases") or {}
    if METADATA_DATABASE_KEY in databases and name != METADATA_DATABASE_KEY:
        databases[name] = databases.pop(METADATA_DATABASE_KEY)
    metadata["databases"] = databases
    tables = (databases.get(name) or {}).get("tables") or {}
    for table in big_tables:
        if isinstance(tables.get(table), dict):
            tables[table].pop("facets", None)
    if not event_model:
        for query in ((databases.get(name) or {}).get("queries") or {}).values():
            query["sql"] = before_event_model(query["sql"])
    for key in ("source_url", "license_url"):
        if isinstance(metadata.get(key), str):
            metadata[key] = metadata[key].replace("{database}", name)
    metadata.setdefault("plugins", {}).setdefault("timeline", {})["big_tables"] = sorted(big_tables)
    return metadata


def big_tables(datasette: Datasette) -> frozenset[str]:
    """The tables serve found big (``plugins.timeline.big_tables`` of the metadata)."""
    return frozenset((datasette.plugin_config("timeline") or {}).get("big_tables") or ())


def check_database(db_path: Path) -> None:
    """Raise ServeError unless ``db_path`` is a SQLite file with the timeline's tables."""
    if not db_path.is_file():
        raise ServeError(f"no database at {db_path} (build one with timeline crawl)")
    with open(db_path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ServeError(f"{db_path} is not a SQLite database")
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in conn.execute("select name from sqlite_master where type = 'table'")
            }
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ServeError(f"{db_path} cannot be read as SQLite: {exc}") from exc
    missing = [t for t in TIMELINE_TABLES if t not in tables]
    if missing:
        raise ServeError(
            f"{db_path} is not a timeline database (no {', '.join(missing)} table"
            f"{'s' if len(missing) > 1 else ''}; build one with timeline crawl)"
        )


def has_event_model(db_path: Path) -> bool:
    """Whether the events table has the event model's columns (events.happened_day)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return any(row[1] == "happened_day" for row in conn.execute("pragma table_info(events)"))
    finally:
        conn.close()


def table_sizes(db_path: Path) -> dict[str, int]:
    """Rows (approximately: the largest rowid, read from the end of the b-tree) of the big
    tables, without counting them."""
    sizes = {}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        for table in SIZED_TABLES:
            try:
                sizes[table] = conn.execute(f"select max(rowid) from [{table}]").fetchone()[0] or 0
            except sqlite3.Error:
                pass
    finally:
        conn.close()
    return sizes


def _inspect_data(name: str, db_path: Path, tables) -> dict:
    """Datasette's inspect data (what `datasette inspect` writes) for an immutable file: the
    exact row counts of ``tables``, counted once here, so that a table page without filters
    does not count a million rows on every request. The hash is of the file's identity
    (path, size, modification time), not of its bytes: reading 5 GB at start-up to hash it
    would buy nothing for a file that cannot change while served."""
    stat = db_path.stat()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    try:
        counts = {
            t: {"count": conn.execute(f"select count(*) from [{t}]").fetchone()[0]} for t in tables
        }
    finally:
        conn.close()
    identity = f"{db_path}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    return {
        name: {
            "hash": hashlib.sha256(identity).hexdigest(),
            "size": stat.st_size,
            "file": str(db_path),
            "tables": counts,
        }
    }


def _has_pending_wal(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def datasette_for(
    db_path: str | Path, *, immutable: bool | None = None, metadata=None
) -> Datasette:
    """A Datasette serving ``db_path`` read-only with the project's metadata, templates and plugins.

    The file is opened immutable (no locking, counts computed once) unless its write-ahead
    log holds uncommitted pages, i.e. a crawl is writing it right now: then it is opened
    ``mode=ro``, still read-only, but it sees the crawl's commits. ``metadata``, a function
    of the metadata, may change it first (tests restrict a query with it).
    """
    db_path = Path(db_path).resolve()
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}")
    if immutable is None:
        immutable = not _has_pending_wal(db_path)
    name = database_name(db_path)
    big = sorted(t for t, n in table_sizes(db_path).items() if n > BIG_TABLE_ROWS)
    loaded = load_metadata(name, big_tables=big, event_model=has_event_model(db_path))
    return Datasette(
        [] if immutable else [str(db_path)],
        immutables=[str(db_path)] if immutable else [],
        inspect_data=_inspect_data(name, db_path, big) if immutable and big else None,
        metadata=metadata(loaded) if metadata else loaded,
        template_dir=str(WEB / "templates"),
        plugins_dir=str(WEB / "plugins"),
        static_mounts=[("static", str(WEB / "static"))],
        settings=SETTINGS,
    )


#: Where a worker process finds the database (serve sets it before starting the workers).
DB_ENVIRONMENT = "TIMELINE_SERVE_DB"


def default_workers() -> int:
    """Processes `serve` runs: one per CPU, at least two (so that one slow query never holds
    up every reader), at most four."""
    return max(2, min(os.cpu_count() or 1, 4))


def worker_app():
    """The ASGI app of one worker process (uvicorn calls this factory in each)."""
    return datasette_for(os.environ[DB_ENVIRONMENT]).app()


def check_port(host: str, port: int) -> None:
    """Raise ServeError when the port cannot be listened on (another server holds it)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def announce_when_listening(host: str, port: int, message: str, timeout: float = 60.0) -> None:
    """Print ``message`` once the server accepts connections (from a thread beside it)."""

    def wait():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((host, port), timeout=0.5):
                    print(message, flush=True)
                    return
            except OSError:
                time.sleep(0.05)

    threading.Thread(target=wait, daemon=True).start()


def serve(
    db_path: str | Path, port: int = 8001, host: str = "127.0.0.1", workers: int | None = None
) -> int:
    """Serve the database until interrupted; returns an exit status for the command line.

    The file, its schema and the port are checked before anything is printed; "Serving" is
    printed once the server accepts connections; every failure is one line on stderr.
    """
    import uvicorn

    db_path = Path(db_path).resolve()
    workers = workers or default_workers()
    try:
        check_database(db_path)
        check_port(host, port)
    except ServeError as exc:
        print(f"timeline serve: error: {exc}", file=sys.stderr)
        return 2
    # Each worker builds its own Datasette (counting a big table's rows once), the parent none.
    mode = "read-only (a crawl is writing it)" if _has_pending_wal(db_path) else "immutable"
    announce_when_listening(
        host,
        port,
        (
            f"Serving http://{host}:{port} — incidents at /, timeline at /incidents/<slug>, "
            f"SQL and tables at /{database_name(db_path)} ({db_path.name}, {mode}; {workers} "
            f"process{'es' if workers > 1 else ''}). Ctrl-C to stop."
        ),
    )
    os.environ[DB_ENVIRONMENT] = str(db_path)
    try:
        uvicorn.run(
            f"{__name__}:worker_app",
            factory=True,
            host=host,
            port=port,
            log_level="warning",
            lifespan="on",
            workers=workers,
        )
    except SystemExit as exc:  # the port was taken between the check and the start
        if exc.code:
            print(
                f"timeline serve: error: the server could not start on {host}:{port}",
                file=sys.stderr,
            )
            return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline serve", description="Publish a timeline database with Datasette, read-only."
    )
    parser.add_argument("--db", required=True, help="the database built by timeline crawl")
    parser.add_argument("--port", type=int, default=8001, help="default: 8001")
    parser.add_argument(
        "--host", default="127.0.0.1", help="default: 127.0.0.1 (0.0.0.0 to publish on a network)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help=f"server processes (default: one per CPU, 2 to 4; here {default_workers()})",
    )
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be 1 or more")
    return serve(args.db, port=args.port, host=args.host, workers=args.workers)


if __name__ == "__main__":
    sys.exit(main())
