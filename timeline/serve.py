"""Publish a timeline database with Datasette, read-only, with this project's web/ folder.

    ds = datasette_for("db/timeline.db")      # a configured Datasette (tests use ds.client)
    serve("db/timeline.db", port=8001)        # runs it; what `timeline serve` calls

metadata.yml, web/templates, web/pages, web/plugins and web/static are found from this
file's location, never from the current directory. metadata.yml describes the database
under the key ``timeline``; that block is moved at start-up to whatever name Datasette gives
the file (its stem: ``crawl-2024.db`` → ``crawl-2024``), so canned queries, facets and
descriptions work whatever the file is called.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import yaml
from datasette.app import Datasette
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

PROJECT = Path(__file__).resolve().parents[1]
WEB = PROJECT / "web"
METADATA = PROJECT / "metadata.yml"
METADATA_DATABASE_KEY = "timeline"

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "allow_download": False,
    "suggest_facets": False,
    "default_page_size": 50,
    "max_returned_rows": 2000,
    "facet_time_limit_ms": 500,
}


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file (and so the first part of its URLs)."""
    return Path(db_path).stem


def load_metadata(name: str, path: Path = METADATA) -> dict:
    """metadata.yml with its ``databases.timeline`` block moved to the database's real name."""
    metadata = yaml.safe_load(path.read_text("utf-8")) or {}
    metadata = copy.deepcopy(metadata)
    databases = metadata.get("databases") or {}
    if METADATA_DATABASE_KEY in databases and name != METADATA_DATABASE_KEY:
        databases[name] = databases.pop(METADATA_DATABASE_KEY)
    metadata["databases"] = databases
    for key in ("source_url", "license_url"):
        if isinstance(metadata.get(key), str):
            metadata[key] = metadata[key].replace("{database}", name)
    return metadata


def _has_pending_wal(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def datasette_for(db_path: str | Path, *, immutable: bool | None = None) -> Datasette:
    """A Datasette serving ``db_path`` read-only with the project's metadata, templates and plugins.

    The file is opened immutable (no locking, counts computed once) unless its write-ahead
    log holds uncommitted pages, i.e. a crawl is writing it right now: then it is opened
    ``mode=ro``, still read-only, but it sees the crawl's commits.
    """
    db_path = Path(db_path).resolve()
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}")
    if immutable is None:
        immutable = not _has_pending_wal(db_path)
    name = database_name(db_path)
    files = [] if immutable else [str(db_path)]
    immutables = [str(db_path)] if immutable else []
    ds = Datasette(
        files,
        immutables=immutables,
        metadata=load_metadata(name),
        template_dir=str(WEB / "templates"),
        plugins_dir=str(WEB / "plugins"),
        static_mounts=[("static", str(WEB / "static"))],
        settings=SETTINGS,
    )
    served = [n for n in ds.databases if n != "_internal"]
    if served != [name]:  # Datasette renamed it (it never should with one file): follow it.
        ds._metadata_local = load_metadata(served[0])
    # Datasette finds custom pages under templates/pages/; ours live in web/pages/.
    ds.jinja_env.loader = ChoiceLoader([
        ds.jinja_env.loader,
        PrefixLoader({"pages": FileSystemLoader(str(WEB / "pages"))}),
    ])
    # The test client built its app (and its list of page routes) in __init__: rebuild it.
    ds.client = type(ds.client)(ds)
    return ds


def serve(db_path: str | Path, port: int = 8001, host: str = "127.0.0.1") -> int:
    """Serve the database until interrupted; returns an exit status for the command line."""
    import uvicorn

    try:
        ds = datasette_for(db_path)
    except FileNotFoundError as exc:
        print(f"timeline serve: {exc}", file=sys.stderr)
        return 2
    name = [n for n in ds.databases if n != "_internal"][0]
    if not ds.databases[name].is_mutable:
        mode = "immutable"
    else:
        mode = "read-only (a crawl is writing it)"
    base = f"http://{host}:{port}"
    print(f"Serving {base} — incidents at /, timeline at /incidents/<slug>, "
          f"SQL and tables at /{name} ({Path(db_path).name}, {mode}). Ctrl-C to stop.",
          flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline serve", description=serve.__doc__)
    parser.add_argument("--db", required=True, help="the SQLite database to publish")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    return serve(args.db, port=args.port, host=args.host)


if __name__ == "__main__":
    sys.exit(main())
