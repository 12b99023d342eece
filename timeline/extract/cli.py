"""`timeline extract --batch`: HTML file paths on stdin, one JSON line per file on stdout."""

from __future__ import annotations

import argparse
import json
import sys

from .article import extract_article, extract_dates
from .timestamps import zone

FIELDS = (
    "title",
    "author",
    "published",
    "published_original",
    "updated",
    "lang",
    "text",
    "published_precision",
    "is_listing",
)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline extract",
        description="Extract title, author, dates, language and text from saved HTML pages.",
    )
    p.add_argument(
        "--batch",
        action="store_true",
        required=True,
        help="read HTML file paths from stdin, one per line, optionally path<TAB>url",
    )
    p.add_argument(
        "--timezone",
        default="Europe/Rome",
        help="timezone of the reported dates (default: Europe/Rome)",
    )
    p.add_argument(
        "--dates-only",
        action="store_true",
        help="only the dates (title, author, language, text, listing-ness null): htmldate's job",
    )
    return p


def extract_line(line: str, timezone: str, dates_only: bool = False) -> dict:
    """One output record for one input line.

    >>> extract_line("missing.html", "Europe/Rome")["error"][:14]
    'cannot read mi'
    """
    path, _, url = line.partition("\t")
    record = {"path": path, **dict.fromkeys(FIELDS)}
    try:
        with open(path, "rb") as handle:
            body = handle.read()
    except OSError as err:
        return {**record, "error": f"cannot read {path}: {err.strerror or err}"}
    if dates_only:
        dates = extract_dates(body, url.strip() or None, timezone=timezone)
        return {**record, **dates._asdict()}
    article = extract_article(body, url.strip() or None, timezone=timezone)
    return {**record, **article.to_dict()}


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
        record = extract_line(line, args.timezone, args.dates_only)
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
