"""`timeline extract --batch`: HTML file paths on stdin, one JSON line per file on stdout."""

from __future__ import annotations

import argparse
import json
import sys

from .article import extract_article
from .timestamps import zone


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline extract", description="Extract title, author, dates, language and text from saved HTML pages.")
    p.add_argument("--batch", action="store_true", required=True, help="read HTML file paths from stdin, one per line, optionally path<TAB>url")
    p.add_argument("--timezone", default="Europe/Rome", help="timezone of the reported dates (default: Europe/Rome)")
    return p


def extract_line(line: str, timezone: str) -> dict:
    """One output record for one input line.

    >>> extract_line("missing.html", "Europe/Rome")["error"][:14]
    'cannot read mi'
    """
    path, _, url = line.partition("\t")
    try:
        with open(path, "rb") as handle:
            body = handle.read()
    except OSError as err:
        return {"path": path, "title": None, "author": None, "published": None, "updated": None, "lang": None, "text": None, "error": f"cannot read {path}: {err.strerror or err}"}
    article = extract_article(body, url.strip() or None, timezone=timezone)
    record = {"path": path, "title": article.title, "author": article.author, "published": article.published,
              "updated": article.updated, "lang": article.lang, "text": article.text}
    record.update(published_precision=article.published_precision, is_listing=article.is_listing)
    return record


def main(argv: list[str] | None = None) -> int:
    """Run the batch extraction; returns the exit status."""
    cli = parser()
    args = cli.parse_args(argv)
    try:
        zone(args.timezone)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        cli.error(f"unknown timezone: {args.timezone}")
    for raw in sys.stdin:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        print(json.dumps(extract_line(line, args.timezone), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
