"""Key moments against a gold story: recall, phantoms, time bounds and categories.

    .venv/bin/python bench/story.py                 # every coverage that has a gold story
    .venv/bin/python bench/story.py -v corpus       # one coverage, with each miss and phantom

A coverage is a replica of the web around one incident with its gold story: each
``sources[-X].yml`` beside an ``expected_story[-X].yml``, in ``corpus/`` and in every
``corpus/stories/<slug>/`` (whose ``sites/`` it is crawled from). Each is crawled from its replica
into a temporary database,
as `make demo` does, and its ``key_moments`` are compared with the gold:

- a gold moment is **found** when a key moment of its category has ``at`` inside the gold's
  ``[earliest, latest]`` (each key moment matches one gold moment at most);
- **recall** is the share of required gold moments found; a **phantom** is a key moment that
  matches no gold moment (optional ones included);
- **bounds** is the share of found moments whose ``[earliest, latest]`` holds the gold ``at``;
- **category** is the share of gold moments with a key moment in their time window whose
  category is right.

Baseline, on the same crawl: the timeline of release 0.1.0, every dated mention with a
category of the story taken as a moment at the date it mentions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from incident_timeline.items import KEY_CATEGORIES  # noqa: E402


@dataclass
class Coverage:
    name: str
    config: Path
    gold: Path
    sites: Path


def pairs(folder: Path, label: str) -> list[Coverage]:
    """Each sources file of ``folder`` with its gold story: sources[-X].yml ↔
    expected_story[-X].yml."""
    found = []
    for config in sorted(folder.glob("sources*.yml")):
        gold = folder / config.name.replace("sources", "expected_story", 1)
        if gold.exists():
            found.append(Coverage(f"{label}/{config.stem}", config, gold, folder / "sites"))
    return found


def coverages() -> list[Coverage]:
    """Every replica with a gold story, the bundled corpus first."""
    corpus = ROOT / "corpus"
    found = pairs(corpus, "corpus")
    for folder in sorted((corpus / "stories").glob("*/")):
        found += pairs(folder, f"stories/{folder.name}")
    return found


def moment_time(value) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment


@dataclass
class Score:
    required: int
    found: int
    phantoms: int
    bounded: int
    category_right: int
    category_seen: int
    misses: list
    extra: list
    #: (gold, ours) pairs whose bounds miss the gold time
    unbounded: list

    def row(self) -> list[str]:
        recall = self.found / self.required if self.required else 1.0
        bounds = self.bounded / self.found if self.found else 0.0
        category = self.category_right / self.category_seen if self.category_seen else 0.0
        return [
            f"{self.found}/{self.required}",
            f"{recall:.2f}",
            str(self.phantoms),
            f"{bounds:.2f}",
            f"{category:.2f}",
        ]


def score(gold: list[dict], system: list[dict]) -> Score:
    """Match system moments to gold moments, one to one, nearest time first."""
    for g in gold:
        g["_at"], g["_lo"], g["_hi"] = (moment_time(g[k]) for k in ("at", "earliest", "latest"))
    pairs = []
    for si, s in enumerate(system):
        at = moment_time(s["at"])
        for gi, g in enumerate(gold):
            if s["category"] == g["category"] and g["_lo"] <= at <= g["_hi"]:
                pairs.append((abs((at - g["_at"]).total_seconds()), gi, si))
    taken_g, taken_s = {}, set()
    for _, gi, si in sorted(pairs):
        if gi not in taken_g and si not in taken_s:
            taken_g[gi] = si
            taken_s.add(si)
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    found = [i for i in required if i in taken_g]
    unbounded = [
        (gold[i], system[taken_g[i]])
        for i in found
        if not (
            moment_time(system[taken_g[i]]["earliest"])
            <= gold[i]["_at"]
            <= moment_time(system[taken_g[i]]["latest"])
        )
    ]
    bounded = len(found) - len(unbounded)
    seen = right = 0
    for i in required:
        near = [s for s in system if gold[i]["_lo"] <= moment_time(s["at"]) <= gold[i]["_hi"]]
        if near:
            seen += 1
            right += any(s["category"] == gold[i]["category"] for s in near)
    misses = [gold[i] for i in required if i not in taken_g]
    extra = [s for si, s in enumerate(system) if si not in taken_s]
    return Score(
        len(required), len(found), len(extra), bounded, right, seen, misses, extra, unbounded
    )


def crawl(coverage: Coverage, folder: Path) -> sqlite_utils.Database:
    """The coverage crawled from its replica (a process each: Twisted's reactor runs once)."""
    path = folder / "story.db"
    command = [
        sys.executable,
        "-m",
        "incident_timeline.cli",
        "crawl",
        "--config",
        str(coverage.config),
        "--db",
        str(path),
        "--replica",
        str(coverage.sites),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(
            f"bench/story.py: crawling {coverage.name} failed:\n{result.stderr[-2000:]}"
        )
    return sqlite_utils.Database(path)


def key_moments(db: sqlite_utils.Database, incident: str) -> list[dict]:
    return list(db.query("select * from key_moments where incident = ? order by at", [incident]))


def mentions_as_moments(db: sqlite_utils.Database, incident: str) -> list[dict]:
    """The 0.1.0 baseline: every dated mention of a story category is a moment at its date."""
    marks = ", ".join("?" for _ in KEY_CATEGORIES)
    return list(
        db.query(
            f"select category, earliest as at, earliest, coalesce(latest, earliest) as latest "
            f"from events where incident = ? "
            f"and category in ({marks}) and earliest is not null",
            [incident, *KEY_CATEGORIES],
        )
    )


def show(label: str, result: Score) -> None:
    for g in result.misses:
        print(f"    {label} missed   {g['category']:<21} {g['at']}  {g.get('what', '')[:70]}")
    for s in result.extra:
        print(
            f"    {label} phantom  {s['category']:<21} {s['at']}  {(s.get('statement') or '')[:70]}"
        )
    for g, s in result.unbounded:
        print(
            f"    {label} bounds   {g['category']:<21} gold {g['at']}, "
            f"ours {s['earliest']} → {s['latest']}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="coverage names (or a part of them) to run")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list misses, phantoms and bounds that miss"
    )
    args = parser.parse_args()
    chosen = [c for c in coverages() if not args.only or any(o in c.name for o in args.only)]
    if not chosen:
        print("bench/story.py: no coverage with a gold story found", file=sys.stderr)
        return 2
    header = ["coverage", "who", "found", "recall", "phantoms", "bounds", "category"]
    rows = []
    for coverage in chosen:
        gold_file = yaml.safe_load(coverage.gold.read_text("utf-8"))
        incident = gold_file["incident"]
        with tempfile.TemporaryDirectory() as tmp:
            db = crawl(coverage, Path(tmp))
            ours = score([dict(g) for g in gold_file["moments"]], key_moments(db, incident))
            base = score([dict(g) for g in gold_file["moments"]], mentions_as_moments(db, incident))
            db.close()
        rows.append([coverage.name, "key_moments", *ours.row()])
        rows.append(["", "baseline 0.1.0", *base.row()])
        if args.verbose:
            show("", ours)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
