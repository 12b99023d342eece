"""Every real-world figure of the product beside its anchor: publication dates, article text, dates
in text.

Run:  .venv/bin/python bench/real.py [REALWORLD] [--repeat N] [--write-docs]
      make bench-real REAL=../shared/realworld

REALWORLD is the folder of real-world development sets (default ../shared/realworld, as laid beside
a checkout): pubdates/, articles/, timex/. The project never needs it; without it this bench says so
and exits with status 2. It measures whatever code is installed in the interpreter's environment.

- Publication dates (pubdates/: 487 real pages, half of htmldate's evaluation set). Ours: day
accuracy
  of `timeline extract --batch` as pubdates/score_pubdates.py defines it (the calendar day of
  published_original, else published, equals the gold day; gold null: no date is right), computed
  here. Anchor: htmldate extensive (find_date, extensive_search, original_date), run here on the
  same files. Times: each tool in one process of its own over all the pages, start-up included,
  every page seen for the first time: `timeline extract --batch --dates-only` (the date job alone,
  as htmldate does it) against a Python process running htmldate; the whole `timeline extract
  --batch` is timed too.
- Article body text (articles/: 91 real pages, half of the Zyte article-extraction benchmark). Ours:
  word 4-gram F1 of `timeline extract --batch` as articles/score_articles.py defines it (multisets
  of \\w+ 4-grams, per-page shares, mean precision and recall, F1 of the means), computed here, with
  the pages taken for listings and those left empty. Anchor: trafilatura's extract (comments left
  out, the setting of the benchmark's published figure), run here on the same files.
- Dates in text (timex/: TimeBank and AQUAINT, TempEval-3 training data). Strict, relaxed and value
F1
  from the corpus's own scorer (timex/score_timeml.py --cli, which runs `timeline dates --jsonl`);
  its TE3 definitions are long, so it is invoked rather than rewritten. Anchor: HeidelTime's
  published TempEval-3 figures (not run here).

Timing runs on a shared machine are noisy: --repeat N runs each timed process N times, tools taking
turns, and keeps each tool's fastest run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = Path(sys.executable).with_name("timeline")
WORD = re.compile(r"\w+")
HEIDELTIME_TE3 = {"strict": 0.818, "relaxed": 0.907, "value": 0.776}
PUBDATES_GOAL = 0.93
SUMMARY_RE = re.compile(r"(\w+)=([\d.]+)")


def unpack(archive: Path, into: Path) -> Path:
    """Unpack a pages.tar.xz into ``into``; the folder of its pages."""
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "pages"


def timed(cmd: list[str], lines: str) -> tuple[list[dict], float]:
    """Run one process over all the input lines: its JSON lines and its wall time, start-up
    included."""
    start = time.perf_counter()
    done = subprocess.run(cmd, input=lines, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(
            f"bench/real.py: {' '.join(map(str, cmd))} failed ({done.returncode}):"
            f" {done.stderr[-500:]}"
        )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()], seconds


def fastest(runs: dict[str, list], repeat: int) -> dict[str, tuple[list[dict], float]]:
    """Each command run ``repeat`` times, commands taking turns: its output and its fastest time."""
    best: dict[str, tuple[list[dict], float]] = {}
    for _ in range(repeat):
        for name, (cmd, lines) in runs.items():
            out, seconds = timed(cmd, lines)
            if name not in best or seconds < best[name][1]:
                best[name] = (out, seconds)
    return best


def worker(cmd: str) -> list[str]:
    """This script run as a worker process for a baseline library."""
    return [sys.executable, str(Path(__file__).resolve()), "--worker", cmd]


def run_worker(kind: str) -> int:
    """Read path<TAB>url lines, write one JSON line each: htmldate's date or trafilatura's text."""
    import logging

    logging.disable(logging.CRITICAL)
    if kind == "htmldate":
        from htmldate import find_date

        def answer(body: bytes, url: str):
            return {
                "date": find_date(body, extensive_search=True, original_date=True, url=url or None)
            }

    else:
        import trafilatura

        def answer(body: bytes, url: str):
            return {"text": trafilatura.extract(body, url=url or None, include_comments=False)}

    for line in sys.stdin:
        path, _, url = line.rstrip("\n").partition("\t")
        try:
            record = answer(Path(path).read_bytes(), url)
        except (
            Exception
        ) as error:  # a baseline's failure on one page is its miss, not the bench's end
            record = {"error": repr(error)}
        print(json.dumps({"path": path, **record}, ensure_ascii=False), flush=True)
    return 0


# ---- publication dates ----


def pubdates(folder: Path, tmp: Path, repeat: int) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    pages = unpack(folder / "pages.tar.xz", tmp / "pubdates")
    lines = "".join(f"{pages / name}\t{g['url']}\n" for name, g in sorted(gold.items()))
    runs = fastest(
        {
            "ours": ([str(TIMELINE), "extract", "--batch"], lines),
            "ours, dates only": ([str(TIMELINE), "extract", "--batch", "--dates-only"], lines),
            "htmldate extensive": (worker("htmldate"), lines),
        },
        repeat,
    )

    def day_of(record: dict) -> str | None:
        if "date" in record:
            return record["date"]
        return (record.get("published_original") or record.get("published") or "")[:10] or None

    figures = {"pages": len(gold), "undated gold": sum(g["date"] is None for g in gold.values())}
    for name, (out, seconds) in runs.items():
        got = {Path(r["path"]).name: day_of(r) for r in out}
        figures[name] = {
            "accuracy": sum(got.get(n) == g["date"] for n, g in gold.items()) / len(gold),
            "no date": sum(got.get(n) is None and g["date"] is not None for n, g in gold.items()),
            "seconds": seconds,
        }
    return figures


# ---- article body text ----


def grams(text: str) -> Counter:
    """The multiset of word 4-grams of a text."""
    words = WORD.findall(text or "")
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3)) or Counter(
        {tuple(words): 1} if words else {}
    )


def page_shares(true: str, pred: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page from its 4-gram TP/FP/FN shares; None where the page has no
    predicted (precision) or no expected (recall) text at all."""
    t, p = grams(true), grams(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    if fp == fn == 0:
        return (1.0 if tp + fp else None), (1.0 if tp + fn else None)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def f1(texts: dict[str, str], gold: dict) -> float:
    """F1 of the mean per-page precision and recall."""
    shares = [page_shares(g["articleBody"], texts.get(k) or "") for k, g in gold.items()]
    precisions = [p for p, _ in shares if p is not None]
    recalls = [r for _, r in shares if r is not None]
    p, r = statistics.fmean(precisions), statistics.fmean(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0


def articles(folder: Path, tmp: Path) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    pages = unpack(folder / "pages.tar.xz", tmp / "articles")
    lines = "".join(f"{pages / k}.html\t{g['url']}\n" for k, g in sorted(gold.items()))
    ours, seconds = timed([str(TIMELINE), "extract", "--batch"], lines)
    theirs, their_seconds = timed(worker("trafilatura"), lines)
    by_page = {Path(r["path"]).stem: r for r in ours}
    return {
        "pages": len(gold),
        "ours": f1({k: r.get("text") for k, r in by_page.items()}, gold),
        "listings": sum(bool(r.get("is_listing")) for r in by_page.values()),
        "empty": sum(not (by_page.get(k, {}).get("text") or "").strip() for k in gold),
        "trafilatura": f1({Path(r["path"]).stem: r.get("text") for r in theirs}, gold),
        "seconds": seconds,
        "trafilatura seconds": their_seconds,
    }


# ---- dates in text ----


def timex(folder: Path) -> dict:
    figures = {}
    for corpus in ("timebank", "aquaint"):
        done = subprocess.run(
            [
                sys.executable,
                str(folder / "score_timeml.py"),
                "--corpus",
                corpus,
                "--cli",
                str(TIMELINE),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        summary = next(
            (line for line in done.stdout.splitlines() if line.startswith("SUMMARY")), None
        )
        if done.returncode or summary is None:
            sys.exit(
                f"bench/real.py: the {corpus} scorer failed ({done.returncode}):"
                f" {done.stderr[-500:]}"
            )
        values = {k: float(v) for k, v in SUMMARY_RE.findall(summary)}
        figures[corpus] = {
            "docs": int(values["docs"]),
            "gold": int(values["gold"]),
            "strict": values["strict_F1"],
            "relaxed": values["relaxed_F1"],
            "value": values["value_F1"],
        }
    return figures


# ---- report ----


def row(*cells: str) -> str:
    """One markdown table row."""
    return "| " + " | ".join(cells) + " |"


def table(dates: dict, text: dict, tags: dict) -> str:
    """The real-world table: part | material | ours | anchor in the same run | goal."""
    ours, fast, hd = dates["ours"], dates["ours, dates only"], dates["htmldate extensive"]
    ratio = fast["seconds"] / hd["seconds"]
    rows = [
        row("part", "material", "ours", "anchor in the same run", "goal"),
        row(*["---"] * 5),
        row(
            "publication dates",
            f"{dates['pages']} real pages, half of htmldate's evaluation set",
            f"day accuracy **{ours['accuracy']:.3f}**"
            f" ({ours['no date']} dated pages without a date)",
            f"htmldate extensive {hd['accuracy']:.3f}",
            f"≥ {PUBDATES_GOAL:.2f} on the held-out half",
        ),
        row(
            "publication dates, time",
            "the same pages, one process each, start-up included",
            f"**{fast['seconds']:.2f} s** dates only ({ours['seconds']:.2f} s whole extraction)",
            f"htmldate extensive {hd['seconds']:.2f} s",
            f"dates only ≤ htmldate ({ratio:.2f}×)",
        ),
        row(
            "article body text",
            f"{text['pages']} real pages, half of the Zyte article benchmark",
            f"4-gram F1 **{text['ours']:.3f}**; {text['listings']} taken for listings, "
            f"{text['empty']} empty",
            f"trafilatura {text['trafilatura']:.3f}",
            "≥ trafilatura",
        ),
    ]
    anchor = "/".join(f"{HEIDELTIME_TE3[k]:.3f}" for k in ("strict", "relaxed", "value"))
    for corpus, name in (("timebank", "TimeBank"), ("aquaint", "AQUAINT")):
        t = tags[corpus]
        rows.append(
            row(
                "dates in text",
                f"{name}: {t['docs']} documents, {t['gold']} TIMEX3",
                "strict/relaxed/value F1 "
                f"**{t['strict']:.3f}/{t['relaxed']:.3f}/{t['value']:.3f}**",
                f"HeidelTime, TempEval-3 (published): {anchor}",
                "≥ HeidelTime",
            )
        )
    return "\n".join(rows)


NOTE = (
    "Day accuracy reads `published_original` (the day as the page states it), else `published`,"
    " as pubdates/score_pubdates.py does. Times: one process per tool over all the pages,"
    " start-up included, every page seen for the first time; on a shared machine they vary by a"
    " third from run to run (--repeat N keeps each tool's fastest). The whole extraction (text,"
    " language, listing) is not part of the time goal. The publication-date goals are issue"
    " 13's (checked on the held-out half); the article-text and dates-in-text goals are those"
    ' parts\' own. What moved the date figures: docs/EXTRACTION.md, "Publication date".'
)


def report(dates: dict, text: dict, tags: dict, repeat: int) -> str:
    """The whole printed report: how it was run, the table, the times, the note."""
    runs = f"fastest of {repeat} timed run{'s' if repeat > 1 else ''} per process"
    fast, hd = dates["ours, dates only"], dates["htmldate extensive"]
    return (
        f"Run on {date.today().isoformat()} with `make bench-real` (bench/real.py; {runs}, on a"
        " shared 2-core machine: times are noisy).\n\n"
        + table(dates, text, tags)
        + f"\n\nTimes: `timeline extract --batch` {dates['ours']['seconds']:.2f} s, `--dates-only`"
        f" {fast['seconds']:.2f} s, htmldate extensive {hd['seconds']:.2f} s over the"
        f" {dates['pages']} date pages; `timeline extract --batch` {text['seconds']:.2f} s,"
        f" trafilatura {text['trafilatura seconds']:.2f} s over the {text['pages']} text pages."
        f" Dates only, the day accuracy is {fast['accuracy']:.3f} (no listing verdict).\n\n" + NOTE
    )


def write_docs(text: str) -> None:
    """Put (or replace) the real-world section at the top of docs/BENCHMARKS.md."""
    path = ROOT / "docs" / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    heading = "## Real-world figures (bench/real.py)"
    section = f"{heading}\n\n{text.strip()}\n\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _: section, current)
    else:
        title, _, rest = current.partition("\n")
        updated = f"{title}\n\n{section}{rest.lstrip(chr(10))}"
    path.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "realworld",
        nargs="?",
        default="../shared/realworld",
        help="folder of the real-world sets (default ../shared/realworld)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="timed runs of each process (fastest kept)"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help="put the table at the top of docs/BENCHMARKS.md"
    )
    parser.add_argument("--worker", choices=("htmldate", "trafilatura"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return run_worker(args.worker)
    folder = Path(args.realworld).expanduser()
    missing = [
        part
        for part in ("pubdates/gold.json", "articles/gold.json", "timex/score_timeml.py")
        if not (folder / part).exists()
    ]
    if missing:
        print(
            f"bench/real.py: no real-world sets at {folder} (missing {', '.join(missing)}): give"
            " the folder laid beside a checkout as ../shared/realworld, e.g."
            " `make bench-real REAL=/path/to/realworld`",
            file=sys.stderr,
        )
        return 2
    if not TIMELINE.exists():
        print(
            f"bench/real.py: no `timeline` command beside {sys.executable}:"
            " run `make install` first",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        dates = pubdates(folder / "pubdates", Path(tmp), args.repeat)
        text = articles(folder / "articles", Path(tmp))
    tags = timex(folder / "timex")
    printed = report(dates, text, tags, args.repeat)
    print(printed)
    if args.write_docs:
        write_docs(printed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
