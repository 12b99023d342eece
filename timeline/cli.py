"""The ``timeline`` command: crawl, check, serve, report, dates, extract.

timeline crawl --config corpus/sources.yml --db db/timeline.db [--replica corpus/sites]
               [-s NAME=VALUE] [--watch 15m]
timeline check --config corpus/sources.yml
timeline serve --db db/timeline.db [--port 8001] [--workers N]
timeline report --db db/timeline.db --incident SLUG [--format md|html] [--lang it|en] [-o FILE]
timeline dates --jsonl < sentences.jsonl
timeline extract --batch < paths.txt
timeline --version
"""

from __future__ import annotations

import argparse
import sys

from incident_timeline.config import ConfigError


def crawl(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline crawl", description="Crawl the sources of a sources file into a database."
    )
    parser.add_argument("--config", required=True, help="sources file (YAML: incident + sources)")
    parser.add_argument("--db", required=True, help="SQLite database to create or update")
    parser.add_argument(
        "--replica",
        metavar="DIR",
        help=(
            "replay saved sites from DIR (one folder per host) through a loopback proxy"
            " instead of the web"
        ),
    )
    parser.add_argument(
        "-s",
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting, as scrapy crawl -s does (repeatable)",
    )
    parser.add_argument(
        "--watch",
        metavar="INTERVAL",
        help="crawl again every INTERVAL (30s, 15m, 1h) until interrupted, one "
        "line per round: feeds, status pages, discovery and changed pages, "
        "for an ongoing incident",
    )
    args = parser.parse_args(argv)
    from incident_timeline.crawl import (
        parse_interval,
        parse_setting_overrides,
        run_crawl,
        run_watch,
    )

    try:
        overrides = parse_setting_overrides(args.settings)
        if args.watch is not None:
            interval = parse_interval(args.watch)
            run_watch(args.config, args.db, interval, overrides, replica=args.replica)
            return 0
        summary = run_crawl(args.config, args.db, overrides, replica=args.replica)
    except (ConfigError, ValueError, FileNotFoundError) as exc:
        print(f"timeline crawl: error: {exc}", file=sys.stderr)
        return 2
    print(summary.report(), file=sys.stderr)
    print(f"Database: {args.db} — browse it with: timeline serve --db {args.db}", file=sys.stderr)
    return 1 if summary.failed else 0


def check(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline check", description="Validate a sources file; fetch nothing."
    )
    parser.add_argument("--config", required=True, help="sources file (YAML: incident + sources)")
    args = parser.parse_args(argv)
    from incident_timeline.config import load_config

    try:
        config = load_config(args.config)
    except (ConfigError, FileNotFoundError) as exc:
        print(f"timeline check: error: {exc}", file=sys.stderr)
        return 2
    channels = sorted({channel for source in config.sources for channel in source.channels()})
    print(
        f"{args.config}: ok — incident '{config.incident.slug}', {len(config.sources)} sources"
        + (f" ({', '.join(channels)})" if channels else "")
        + (", discovery" if config.incident.discover_gdelt else "")
    )
    return 0


def version() -> str:
    """The installed distribution's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("incident-timeline")
    except PackageNotFoundError:
        return "unknown (not installed)"


def serve(argv: list[str]) -> int:
    from incident_timeline.serve import main

    return main(argv)


def dates(argv: list[str]) -> int:
    from incident_timeline.dates.cli import main

    return main(argv)


def report(argv: list[str]) -> int:
    from incident_timeline.report import main

    return main(argv)


def extract(argv: list[str]) -> int:
    from incident_timeline.extract.cli import main

    return main(argv)


COMMANDS = {
    "crawl": crawl,
    "check": check,
    "serve": serve,
    "report": report,
    "dates": dates,
    "extract": extract,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--version"]:
        print(f"timeline {version()}")
        return 0
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(
            __doc__.strip(),
            file=sys.stderr if argv and argv[0] not in ("-h", "--help") else sys.stdout,
        )
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\ntimeline: unknown command '{argv[0]}'", file=sys.stderr)
            return 2
        return 0 if argv else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
