"""`timeline dates`: tag temporal expressions from the command line.

    echo '{"text": "Ieri sera il guasto.", "published": "2023-02-03T10:00", "lang": "it"}' \\
        | timeline dates --jsonl
    {"timexes": [{"text": "Ieri sera", ...}]}
"""

import argparse
import json
import sys

from . import tag_timexes


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="timeline dates", description="Tag Italian and English temporal expressions (TIMEX3)."
    )
    mode = cli.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help=(
            'read JSON lines {"text","published","lang"} on stdin, write one {"timexes":[...]} '
            "line each"
        ),
    )
    mode.add_argument(
        "--published", metavar="ISO", help="publication time of the one text read on stdin"
    )
    cli.add_argument(
        "--lang", default="it", help="it or en (default it; anything else is read as it)"
    )
    cli.add_argument(
        "--timezone",
        default="Europe/Rome",
        help="timezone of naive times and of the output (default Europe/Rome)",
    )
    return cli


def tag_line(line: str, timezone: str) -> dict:
    """One JSON line in, one result out; a bad line gives {"error": ...} instead of stopping."""
    try:
        item = json.loads(line)
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("text"), str)
            or not item.get("published")
        ):
            raise ValueError('expected an object with "text" and "published"')
        return {
            "timexes": tag_timexes(
                item["text"],
                item["published"],
                item.get("lang") or "it",
                item.get("timezone") or timezone,
            )
        }
    except Exception as error:  # noqa: BLE001 - any bad line is reported on its own line
        return {"error": f"{type(error).__name__}: {error}"}


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    args = parser().parse_args(argv)
    out = sys.stdout
    if args.jsonl:
        for line in sys.stdin:
            if line.strip():
                out.write(json.dumps(tag_line(line, args.timezone), ensure_ascii=False) + "\n")
                out.flush()
        return 0
    try:
        timexes = tag_timexes(sys.stdin.read(), args.published, args.lang, args.timezone)
    except ValueError as error:
        print(f"timeline dates: {error}", file=sys.stderr)
        return 2
    out.write(json.dumps({"timexes": timexes}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
