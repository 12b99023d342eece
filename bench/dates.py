"""Temporal tagger benchmark: F1 and throughput of incident_timeline.dates against
dateparser.search_dates.

    .venv/bin/python bench/dates.py

Each tagger runs in its own subprocess over every case of tests/dates/cases, tests/dates/heldout,
tests/dates/heldout2, tests/dates/heldout3 and tests/dates/heldout4 (the same sentences for both);
shown are the subprocess's wall time from
spawn to exit, the time from before the library is imported to the last sentence tagged, and,
from a separate subprocess that tags everything once untimed first, the steady-state cost per
sentence; each of them also as CPU time (user + system of the subprocess, `time.process_time` inside
it), which other jobs on a shared machine inflate far less than wall time.
The two taggers run alternately, ROUNDS times (--rounds N), so that load on a shared
machine falls on both alike; each figure is the median of the rounds.

Two baselines: dateparser as the issue names it ("dateparser.search_dates with the
publication time as RELATIVE_BASE": the language is detected on every call), run once since
it takes about a minute; and dateparser told the language (``languages=[lang]``), its
fastest setting, which is the demanding comparison.
A first, untimed start lets both write their bytecode caches, as an installed package has.
The worker imports only json, sys and time before it starts the clock, so the figures measure
the taggers rather than this script.
A gold expression is matched when a prediction overlaps its span with exactly its value;
precision, recall and F1 are over all expressions. dateparser gives datetimes, not TIMEX3:
its datetime is written at the granularity the overlapping gold value has (year, month,
ISO week, day, part of day, minute); durations, intervals and vague references it cannot
express, so those count as misses.
"""

import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
ROUNDS = 3


def worker(tagger: str, steady: bool = False) -> None:
    """Tag the cases read on stdin; print predictions and the seconds import + tagging took.

    With `steady`, the cases are first tagged once untimed (imports done, patterns compiled,
    caches warm) and then tagged again timed: the per-sentence cost without start-up.
    """
    cases = json.loads(sys.stdin.read())
    if steady:
        tag_all(tagger, cases)
    started, cpu_started = time.perf_counter(), time.process_time()
    predictions = tag_all(tagger, cases)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(json.dumps({"seconds": seconds, "cpu": cpu, "predictions": predictions}))


def tag_all(tagger: str, cases: list) -> list:
    predictions = []
    if tagger == "ours":
        from incident_timeline.dates import tag_timexes

        for case in cases:
            found = tag_timexes(case["text"], case["published"], case["lang"], case["timezone"])
            predictions.append([[t["span"], t["value"]] for t in found])
    else:  # "dateparser" is told the language; "dateparser-auto" detects it per call
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from dateparser.search import search_dates

        for case in cases:
            published = datetime.fromisoformat(case["published"])
            if published.tzinfo:
                published = published.astimezone(ZoneInfo(case["timezone"]))
            base = published.replace(tzinfo=None)
            languages = {"languages": [case["lang"]]} if tagger == "dateparser" else {}
            found = search_dates(case["text"], settings={"RELATIVE_BASE": base}, **languages) or []
            spans, cursor = [], 0
            for text, moment in found:
                begin = case["text"].find(text, cursor)
                begin = case["text"].find(text) if begin < 0 else begin
                cursor = begin + len(text)
                spans.append([[begin, begin + len(text)], moment.isoformat()])
            predictions.append(spans)
    return predictions


def as_dateparser_value(moment: str, gold: str) -> str:
    """dateparser's datetime written at the granularity of the gold value it is compared with."""
    import re
    from datetime import datetime

    moment = datetime.fromisoformat(moment)
    if re.fullmatch(r"\d{4}", gold):
        return str(moment.year)
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return moment.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}-W\d\d", gold):
        iso = moment.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", gold):
        return moment.strftime("%Y-%m-%dT%H:%M")
    if re.fullmatch(r"\d{4}-\d\d-\d\dT(MO|AF|EV|NI)", gold):
        part = (
            "MO"
            if 6 <= moment.hour < 12
            else "AF"
            if 12 <= moment.hour < 18
            else "EV"
            if moment.hour < 22
            else "NI"
        )
        return moment.strftime("%Y-%m-%dT") + (part if moment.hour >= 6 else "NI")
    return moment.strftime("%Y-%m-%d")


def gold_spans(case) -> list[tuple[tuple[int, int], str]]:
    spans, cursor = [], 0
    for expected in case.expect:
        begin = case.text.find(expected["text"], cursor)
        assert begin >= 0, f"{case.id}: {expected['text']!r} not in the text"
        cursor = begin + len(expected["text"])
        spans.append(((begin, cursor), expected["value"]))
    return spans


def score(cases, predictions, tagger: str) -> dict:
    """Precision, recall and F1: a gold matches an unused prediction overlapping it with the same
    value."""
    matched = predicted = gold_total = 0
    for case, found in zip(cases, predictions, strict=True):
        gold = gold_spans(case)
        gold_total += len(gold)
        predicted += len(found)
        used = set()
        for (begin, end), value in gold:
            for index, ((p_begin, p_end), p_value) in enumerate(found):
                if index in used or p_begin >= end or p_end <= begin:
                    continue
                if (as_dateparser_value(p_value, value) if tagger != "ours" else p_value) == value:
                    used.add(index)
                    matched += 1
                    break
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": gold_total}


# Measured as installed packages run: bytecode and compiled-pattern caches written by a first start.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run(tagger: str, cases, steady: bool = True) -> dict:
    import subprocess

    payload = json.dumps(
        [
            {"text": c.text, "published": c.published, "lang": c.lang, "timezone": c.timezone}
            for c in cases
        ]
    )
    warm_up = "import incident_timeline.dates" if tagger == "ours" else "import dateparser.search"
    subprocess.run([sys.executable, "-c", warm_up], check=True, cwd=ROOT, env=CHILD_ENV)
    children_cpu = child_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--worker", tagger],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    wall = time.perf_counter() - started
    result = json.loads(done.stdout)
    result["wall"], result["wall_cpu"] = wall, child_cpu() - children_cpu
    if not steady:  # a per-call cost this large makes start-up negligible
        result["steady"], result["steady_cpu"] = result["seconds"], result["cpu"]
        return result
    command = [sys.executable, __file__, "--steady", tagger]
    steady = json.loads(
        subprocess.run(
            command,
            input=payload,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=CHILD_ENV,
        ).stdout
    )
    result["steady"], result["steady_cpu"] = steady["seconds"], steady["cpu"]
    return result


def child_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes: a whole process's cost
    that other jobs on a shared machine do not inflate the way they inflate wall time."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median(values: list) -> float:
    return sorted(values)[len(values) // 2]


def main(rounds: int = ROUNDS) -> None:
    from tests.dates.casefiles import FOLDER, HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, load_cases

    groups = {
        "own": load_cases(FOLDER),
        "heldout": load_cases(HELDOUT),
        "heldout2": load_cases(HELDOUT2),
        "heldout3": load_cases(HELDOUT3),
        "heldout4": load_cases(HELDOUT4),
    }
    cases, parts = [], {}
    for name, group in groups.items():
        parts[name] = (len(cases), len(cases) + len(group))
        cases += group
    own, heldout, heldout2 = groups["own"], groups["heldout"], groups["heldout2"]
    rows, runs = {}, {"ours": [], "dateparser": []}
    for _ in range(rounds):  # alternately, so that a busy moment of the machine hits both
        for tagger in ("ours", "dateparser"):
            runs[tagger].append(run(tagger, cases))
    runs["dateparser-auto"] = [run("dateparser-auto", cases, steady=False)]
    ratios = []
    names = {
        "ours": "incident_timeline.dates",
        "dateparser": "dateparser.search_dates, languages=[lang]",
        "dateparser-auto": "dateparser.search_dates, language detected (the issue's baseline)",
    }
    cpu_ratios = []
    for ours, theirs in zip(runs["ours"], runs["dateparser"], strict=True):
        ratios.append(
            (
                theirs["wall"] / ours["wall"],
                theirs["seconds"] / ours["seconds"],
                theirs["steady"] / ours["steady"],
            )
        )
        cpu_ratios.append(
            (
                theirs["wall_cpu"] / ours["wall_cpu"],
                theirs["cpu"] / ours["cpu"],
                theirs["steady_cpu"] / ours["steady_cpu"],
            )
        )
    for tagger, results in runs.items():
        predictions = results[0]["predictions"]
        rows[tagger] = {
            name: score(cases[a:b], predictions[a:b], tagger) for name, (a, b) in parts.items()
        }
        seconds = median([r["seconds"] for r in results])
        wall = median([r["wall"] for r in results])
        rows[tagger].update(
            rate=len(cases) / seconds,
            wall_rate=len(cases) / wall,
            steady_us=1e6 * median([r["steady"] for r in results]) / len(cases),
            wall=wall,
        )
    print(
        f"{rounds} rounds, medians; {len(own)} own cases ({rows['ours']['own']['gold']} "
        f"expressions), {len(heldout)} held-out "
        f"({rows['ours']['heldout']['gold']}), {len(heldout2)} held-out 2 "
        f"({rows['ours']['heldout2']['gold']}), "
        f"{len(groups['heldout3'])} held-out 3 ({rows['ours']['heldout3']['gold']}), "
        f"{len(groups['heldout4'])} held-out 4 ({rows['ours']['heldout4']['gold']}); "
        f"{len(cases)} sentences, each tagger in its own process\n"
    )
    print(
        "| tagger | F1 own (P/R) | F1 held-out (P/R) | F1 held-out 2 (P/R) | F1 held-out 3 (P/R) | "
        "F1 held-out 4 (P/R) | sentences/s, process spawn to exit "
        "| sentences/s, import + tagging | µs/sentence, steady state |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for tagger, row in rows.items():
        f1s = " | ".join(
            f"{row[n]['f1']:.3f} ({row[n]['precision']:.3f}/{row[n]['recall']:.3f})" for n in parts
        )
        print(
            f"| {names[tagger]} | {f1s} "
            f"| {row['wall_rate']:,.0f} ({row['wall'] * 1000:,.0f} ms) | {row['rate']:,.0f} | "
            f"{row['steady_us']:,.1f} |"
        )
    ours = rows["ours"]
    for name in ("dateparser-auto", "dateparser"):
        baseline = rows[name]
        print(
            f"\nthroughput ratio vs {names[name]} (of the medians): process spawn to exit "
            f"{ours['wall_rate'] / baseline['wall_rate']:.1f}x; import + tagging "
            f"{ours['rate'] / baseline['rate']:.1f}x; "
            f"steady state per sentence {baseline['steady_us'] / ours['steady_us']:.1f}x"
        )
    print("\nvs dateparser told the language, round by round:")
    for name, index in (("process spawn to exit", 0), ("import + tagging", 1), ("steady state", 2)):
        print(f"  {name}, round by round: " + ", ".join(f"{r[index]:.1f}x" for r in ratios))
    ours_cpu = {
        key: median([r[key] for r in runs["ours"]]) for key in ("wall_cpu", "cpu", "steady_cpu")
    }
    print(
        "\nCPU time instead of wall time (user + system of each subprocess; other jobs on a "
        "shared machine inflate it far less):"
    )
    per_sentence = 1e6 * ours_cpu["steady_cpu"] / len(cases)
    print(
        f"  incident_timeline.dates: process spawn to exit {ours_cpu['wall_cpu'] * 1000:,.0f} ms, "
        f"import + tagging {ours_cpu['cpu'] * 1000:,.0f} ms, "
        f"steady state {per_sentence:,.1f} µs/sentence"
    )
    for name, index in (("process spawn to exit", 0), ("import + tagging", 1), ("steady state", 2)):
        rounds = ", ".join(f"{r[index]:.1f}x" for r in cpu_ratios)
        print(
            f"  vs dateparser told the language, {name}: "
            f"median {median([r[index] for r in cpu_ratios]):.1f}x (rounds: {rounds})"
        )


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"default {ROUNDS}")
    # The timed child processes (this script runs itself): --worker/--steady TAGGER.
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--steady", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker or args.steady:
        worker(args.worker or args.steady, steady=bool(args.steady))
    else:
        main(args.rounds)
