"""Publication-date accuracy and time per page: our extractor vs htmldate and trafilatura.

Run:  .venv/bin/python bench/extract.py [--repeat 5] [--write-docs]

Correct (strict) = same local calendar day (Europe/Rome) and, where the gold has a time,
the same minute. "day" = same local calendar day only (htmldate's own benchmark rule).
Pages whose gold has no publication date (listings) are left out of the accuracy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

from htmldate import find_date  # noqa: E402
from incident_timeline.extract import extract_article  # noqa: E402
from incident_timeline.extract.article import extract_dates  # noqa: E402
from trafilatura.metadata import extract_metadata  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

logging.disable(logging.CRITICAL)
PAGES = ROOT / "tests" / "extract" / "pages"
# Every group's gold, keyed by file: page names repeat across groups (two groups' listings).
EXPECTED = {
    gold["file"]: gold
    for path in (
        "expected.json",
        *(f"expected_{g}.json" for g in ("unseen", "unseen2", "unseen3", "unseen4")),
    )
    for gold in json.loads((ROOT / "tests" / "extract" / path).read_text(encoding="utf-8")).values()
}
GROUPS = ("main", "heldout", "unseen", "unseen2", "unseen3", "unseen4")
TZ = ZoneInfo("Europe/Rome")
NOW = datetime(2023, 7, 1, 12, 0, tzinfo=TZ)
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def ours(body: bytes, gold: dict) -> str | None:
    return extract_article(body, gold["url"], http_charset=gold["http_charset"], now=NOW).published


def ours_dates(body: bytes, gold: dict) -> str | None:
    return extract_dates(body, gold["url"], http_charset=gold["http_charset"], now=NOW)[0]


def htmldate_fast(body: bytes, gold: dict) -> str | None:
    return find_date(
        body,
        extensive_search=False,
        original_date=True,
        url=gold["url"],
        outputformat=HTMLDATE_FORMAT,
        max_date="2023-07-01",
    )


def htmldate_extensive(body: bytes, gold: dict) -> str | None:
    return find_date(
        body,
        extensive_search=True,
        original_date=True,
        url=gold["url"],
        outputformat=HTMLDATE_FORMAT,
        max_date="2023-07-01",
    )


def trafilatura_metadata(body: bytes, gold: dict) -> str | None:
    tree = load_html(body)
    return extract_metadata(tree, default_url=gold["url"]).date if tree is not None else None


TOOLS = {
    "ours, full extract_article": ours,
    "ours, dates only (extract_dates)": ours_dates,
    "htmldate fast": htmldate_fast,
    "htmldate extensive": htmldate_extensive,
    "trafilatura metadata": trafilatura_metadata,
}
BASELINE = "htmldate extensive"


def moment(value: str | None):
    """(local day, local minute or None) of a tool's answer; a naive midnight means 'day only'."""
    if not value:
        return None, None
    value = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", value.strip())
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None, None
    if parsed.tzinfo is None:
        if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
            return parsed.date(), None
        parsed = parsed.replace(tzinfo=TZ)
    local = parsed.astimezone(TZ)
    return local.date(), local.replace(second=0, microsecond=0)


def judge(answer: str | None, gold: str) -> tuple[bool, bool]:
    """(same day, strict) for one answer against the gold publication date."""
    day, minute = moment(answer)
    if "T" not in gold:
        ok = day == date.fromisoformat(gold)
        return ok, ok
    expected = datetime.fromisoformat(gold).astimezone(TZ)
    same_day = day == expected.date()
    return same_day, same_day and minute == expected.replace(second=0, microsecond=0)


def clear_caches() -> None:
    """Empty the memo caches of the measured libraries (ours included) that remember content.

    Single-slot caches are loaders (a language model, settings) and stay: warm state, not content.
    """
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(
            ("htmldate", "trafilatura", "courlan", "incident_timeline.extract", "dateparser")
        ):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize is None or info().maxsize > 1):
                value.cache_clear()


def run(repeat: int, groups: tuple[str, ...] = GROUPS) -> dict:
    pages = [
        (name, gold, (PAGES / gold["file"]).read_bytes())
        for name, gold in sorted(EXPECTED.items())
        if gold["group"] in groups
    ]
    timings = {tool: [] for tool in TOOLS}
    answers = {tool: {} for tool in TOOLS}
    # Warm-up pages come from outside the timed pages where possible (imports, compiled patterns).
    warm = [
        (g, (PAGES / g["file"]).read_bytes())
        for _, g in sorted(EXPECTED.items())
        if g["group"] not in groups
    ][:3] or [(gold, body) for _, gold, body in pages[:3]]
    # tools take turns within each pass, so a busy machine slows them all alike
    for _ in range(repeat):
        for tool, fn in TOOLS.items():
            # Every pass sees the pages as a crawl does, for the first time: htmldate and
            # trafilatura memoise their date parsing by string, which made a second pass over
            # the same pages ~10x faster than the first and flattered them.
            clear_caches()
            for gold, body in warm:
                fn(body, gold)
            per_group = {}
            for name, gold, body in pages:
                start = time.perf_counter()
                answers[tool][name] = fn(body, gold)
                per_group.setdefault(gold["group"], []).append(time.perf_counter() - start)
            timings[tool].append({g: sum(t) / len(t) for g, t in per_group.items()})
    results = {}
    for tool in TOOLS:
        results[tool] = score(pages, answers[tool], timings[tool])
    return results


def score(pages, answers: dict, timings: list[dict]) -> dict:
    """Accuracy (day, strict, n) and median ms/page per group for one tool."""
    scores, ms = {}, {}
    for group in {g["group"] for _, g, _ in pages}:
        dated = [(n, g) for n, g, _ in pages if g["published"] and g["group"] == group]
        judged = [judge(answers[n], g["published"]) for n, g in dated]
        scores[group] = (
            sum(d for d, _ in judged) / len(judged),
            sum(s for _, s in judged) / len(judged),
            len(judged),
        )
        ms[group] = statistics.median(t[group] for t in timings) * 1000
    misses = [n for n, g, _ in pages if g["published"] and not judge(answers[n], g["published"])[1]]
    return {"ms": ms, "scores": scores, "misses": misses}


def table(results: dict, groups: list[str]) -> str:
    """One markdown table: each tool's strict accuracy per group, and its time per page (the
    median over groups) beside htmldate extensive's."""
    base = results[BASELINE]
    base_ms = statistics.median(base["ms"][g] for g in groups)
    rows = [
        "| tool | " + " | ".join(groups) + " | ms/page | time vs htmldate ext. |",
        "|---|" + "---|" * (len(groups) + 2),
    ]
    for tool, r in results.items():
        ms = statistics.median(r["ms"][g] for g in groups)
        strict = " | ".join(f"{r['scores'][g][1]:.3f}" for g in groups)
        rows.append(f"| {tool} | {strict} | {ms:.2f} | {ms / base_ms:.2f}× |")
    return "\n".join(rows)


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {model}, Python {platform.python_version()}"


def write_docs(text: str) -> None:
    """Replace (or add) the '## Extraction (bench/extract.py)' section of docs/BENCHMARKS.md."""
    path = ROOT / "docs" / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    heading = "## Extraction (bench/extract.py)"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = f"{heading}\n\n{text.strip()}\n\n"
    updated = (
        pattern.sub(lambda _: section, current)
        if pattern.search(current)
        else current.rstrip("\n") + "\n\n" + section
    )
    path.write_text(updated, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--groups", default=",".join(GROUPS), help="comma-separated groups to run")
    parser.add_argument(
        "--write-docs", action="store_true", help="write the figures into docs/BENCHMARKS.md"
    )
    args = parser.parse_args()
    results = run(args.repeat, tuple(args.groups.split(",")))
    n = results[BASELINE]["scores"]
    sizes = {
        g: statistics.median(
            len((PAGES / e["file"]).read_bytes()) for e in EXPECTED.values() if e["group"] == g
        )
        // 1024
        for g in GROUPS
        if g in n
    }
    shown = [g for g in GROUPS if g in n]
    report = (
        f"Run on {date.today().isoformat()}, {machine()}; median of {args.repeat} passes; "
        "strict accuracy (same local day and, where the gold has a time, the same minute) on "
        "the dated pages of each group: "
        + ", ".join(f"{g} {n[g][2]} pages (median {sizes[g]} KB)" for g in shown)
        + ". `full` is the whole extract_article (decode, parse, dates, text, language, "
        "listing); `dates only` is extract_dates, htmldate's job. Each tool gets the raw bytes "
        "and the URL; the libraries' memo caches are emptied before every pass, so each page is "
        f"seen for the first time, as in a crawl. Command: `.venv/bin/python bench/extract.py "
        f"--repeat {args.repeat} --write-docs`.\n\n" + table(results, shown)
    )
    misses = "\n".join(
        f"- {tool}: {', '.join(r['misses']) or 'none'}" for tool, r in results.items()
    )
    print(report + "\n\nMisses (strict):\n" + misses)
    if args.write_docs:
        write_docs(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
