"""Run a crawl of every source of a sources file into a database, with progress and a summary.

    summary = run_crawl("corpus/sources.yml", "db/timeline.db", replica="corpus/sites")
    print(summary.stored, summary.dropped)
    run_watch("sources/x.yml", "db/x.db", interval=900)   # every 15 minutes until Ctrl-C

One spider crawls the whole incident (spiders/incident.py): every channel of every source
(``start_urls``, ``feed``, ``sitemap``, ``statuspage``, ``archive``) and the incident's
discovery query are readers whose requests share one downloader, so the per-host limits
hold across channels. With ``replica`` the crawl goes through a loopback server that
replays saved sites (timeline/replica.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from incident_timeline.config import CHANNEL_KEYS, Config, load_config

SPIDER = "incident_timeline.spiders.incident.IncidentSpider"


@dataclass
class CrawlSummary:
    """What a crawl did, in figures a person can read."""

    fetched: int = 0
    stored: int = 0
    listings: int = 0
    dropped: Counter = field(default_factory=Counter)
    faults: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    #: the archive's and discovery's figures (``timeline/archive/…``, ``timeline/discovery/…``)
    archive: Counter = field(default_factory=Counter)
    discovery: Counter = field(default_factory=Counter)
    #: links not followed because they lie beyond DEPTH_LIMIT, and the limit
    too_deep: int = 0
    depth_limit: int = 0
    seconds: float = 0.0
    #: the incident's (documents, events, key moments) in the database once the crawl is over
    in_database: tuple = (0, 0, 0)
    #: relevant pages stored without a publication date (placed by the dates in their text)
    undated: int = 0
    #: spiders that could not run at all ("incident: <reason>")
    failed: list = field(default_factory=list)

    def add(self, stats: dict) -> None:
        self.fetched += stats.get("downloader/response_count", 0)
        self.stored += stats.get("timeline/stored", 0)
        self.listings += stats.get("timeline/listing pages", 0)
        self.undated += stats.get("timeline/undated stored", 0)
        self.too_deep += stats.get("timeline/depth/links not followed", 0)
        self.depth_limit = max(self.depth_limit, stats.get("timeline/depth/limit", 0))
        for key, value in stats.items():
            if key.startswith("timeline/dropped/"):
                self.dropped[key.rsplit("/", 1)[1]] += value
            elif key.startswith("timeline/fault/"):
                # Named by incident_timeline.middlewares.FaultStats (it sees every download
                # exception).
                self.faults[key.split("/", 2)[2]] += value
            elif key.startswith("timeline/archive/"):
                self.archive[key.split("/", 2)[2]] += value
            elif key.startswith("timeline/discovery/"):
                self.discovery[key.split("/", 2)[2]] += value
            elif key.startswith("downloader/response_status_count/"):
                self.statuses[key.rsplit("/", 1)[1]] += value
            elif key == "robotstxt/forbidden":
                self.faults["robots.txt disallowed"] += value
            elif key == "retry/max_reached":
                self.faults["gave up after retries"] += value
            elif key.startswith("spider_exceptions/"):
                self.faults["spider error: " + key.rsplit("/", 1)[1]] += value
            elif key == "log_count/ERROR":
                self.faults["errors logged"] += value

    def progress_line(self) -> str:
        dropped = sum(self.dropped.values())
        why = ", ".join(f"{k} {v}" for k, v in self.dropped.most_common())
        return (
            f"{self.fetched} pages fetched · {self.stored} documents stored · "
            f"{self.listings} listings followed · {dropped} dropped" + (f" ({why})" if why else "")
        )

    def report(self) -> str:
        documents, events, moments = self.in_database
        # The one event count: the rows of the incident's events, as its pages show them.
        lines = [
            f"Crawl finished in {self.seconds:.1f} s: {self.progress_line()}",
            f"  in the database for this incident: {documents} documents, {events} events, "
            f"{moments} key moments (a page found through several channels is saved once)",
        ]
        if self.undated:
            lines.append(
                f"  stored without a publication date: {self.undated} (placed by the dates "
                "in their text; published is empty)"
            )
        if self.archive or self.dropped.get("bad archive"):
            lines.append("  " + self.archive_line())
        if self.discovery or self.dropped.get("bad discovery"):
            lines.append("  " + self.discovery_line())
        if self.too_deep:
            lines.append("  " + self.depth_line())
        if self.statuses:
            lines.append(
                "  HTTP statuses: "
                + ", ".join(f"{k}×{v}" for k, v in sorted(self.statuses.items()))
            )
        if self.failed:
            lines.append("  spiders that failed: " + "; ".join(self.failed))
        if self.faults:
            lines.append("  faults: " + ", ".join(f"{k} {v}" for k, v in self.faults.most_common()))
        return "\n".join(lines)

    def depth_line(self) -> str:
        limit = self.depth_limit
        return (
            f"not followed: {self.too_deep} links lie deeper than DEPTH_LIMIT = {limit} links "
            f"from a start page; to reach them, raise it: -s DEPTH_LIMIT={limit * 2}"
        )

    def archive_line(self) -> str:
        a = self.archive
        capped = a["contents not read (TIMELINE_ARCHIVE_MAX_VERSIONS)"]
        parts = [
            f"{a['patterns asked']} patterns asked",
            f"{a['captures listed']} captures listed "
            f"({a['captures outside the window']} outside the window, "
            f"{a['captures of a content already read']} of a content already read)",
            f"{a['captures read']} captures read into {a['pages']} pages, "
            f"{a['page changes']} changes",
        ]
        if capped:
            parts.append(f"{capped} contents not read (TIMELINE_ARCHIVE_MAX_VERSIONS)")
        if a["gone pages looked up"]:
            parts.append(
                f"{a['gone pages recovered']} of {a['gone pages looked up']} gone pages "
                "(404/410) read from the archive"
            )
        return "archive: " + " · ".join(parts) + f" · {self.dropped['bad archive']} errors"

    def discovery_line(self) -> str:
        d = self.discovery
        return (
            f"discovery: {d['queries']} GDELT queries · {d['articles listed']} articles "
            f"listed · {d['articles fetched']} fetched · "
            f"{self.dropped['bad discovery']} errors"
        )

    def round_line(self, number: int) -> str:
        """One line for one round of ``--watch``."""
        errors = sum(v for k, v in self.dropped.items() if k.startswith("bad "))
        at = dt.datetime.now().strftime("%H:%M:%S")
        return (
            f"round {number} at {at} ({self.seconds:.0f} s): {self.progress_line()}"
            f" · {errors} channel errors · in the database: "
            f"{self.in_database[0]} documents, {self.in_database[1]} events"
        )


def parse_setting_overrides(pairs: list[str]) -> dict[str, str]:
    """``["DOWNLOAD_DELAY=0"]`` → ``{"DOWNLOAD_DELAY": "0"}``, as ``scrapy crawl -s`` reads them."""
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Z][A-Z0-9_]*", name.strip()):
            raise ValueError(
                f"-s expects NAME=VALUE with an upper-case Scrapy setting name, got '{pair}'"
            )
        overrides[name.strip()] = value
    return overrides


def parse_interval(text: str) -> float:
    """``"15m"`` → 900.0 seconds; ``s``, ``m``, ``h``, a bare number is seconds; else ValueError.

    >>> parse_interval("30s"), parse_interval("1h")
    (30.0, 3600.0)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text or "")
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"--watch expects an interval such as 30s, 15m or 1h, got '{text}'")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


@contextmanager
def through_proxy(proxy_url: str):
    """Send every request of the crawl through ``proxy_url`` (Scrapy reads *_proxy variables)."""
    saved = {k: os.environ.get(k) for k in ("http_proxy", "https_proxy", "no_proxy")}
    os.environ.update(http_proxy=proxy_url, https_proxy=proxy_url, no_proxy="")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def api_download_slots(settings) -> dict:
    """DOWNLOAD_SLOTS for the archive's index, its captures and GDELT: own limits, no jitter."""
    from incident_timeline.spiders.wayback import CDX_SLOT, GDELT_SLOT, WAYBACK_SLOT

    return {
        CDX_SLOT: {"concurrency": 1, "delay": settings.getfloat("TIMELINE_CDX_DELAY"), "jitter": 0},
        WAYBACK_SLOT: {
            "concurrency": max(1, settings.getint("TIMELINE_WAYBACK_CONCURRENCY")),
            "delay": settings.getfloat("TIMELINE_WAYBACK_DELAY"),
            "jitter": 0,
        },
        GDELT_SLOT: {
            "concurrency": 1,
            "delay": settings.getfloat("TIMELINE_GDELT_DELAY"),
            "jitter": 0,
        },
    }


def with_discovered(config: Config) -> Config:
    """The config with the ``discovered`` source listed, when the incident discovers articles."""
    if not config.incident.discover_gdelt:
        return config
    return dataclasses.replace(config, sources=(*config.sources, config.discovered_source))


def crawl_settings(db_path: Path, overrides: dict | None, replica, round_number: int = 1):
    """The Scrapy settings of one crawl: the project's, the run's overrides, the API slots."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("incident_timeline.settings", priority="project")
    settings.update(
        {"TIMELINE_DB": str(db_path), "LOG_LEVEL": "WARNING", "TIMELINE_WATCH_ROUND": round_number},
        priority="cmdline",
    )
    if replica:
        # Our own loopback replica: no need to be polite to it.
        settings.update(
            {
                "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False,
                "TIMELINE_CDX_DELAY": 0,
                "TIMELINE_WAYBACK_DELAY": 0,
                "TIMELINE_GDELT_DELAY": 0,
            },
            priority="cmdline",
        )
    settings.update(overrides or {}, priority="cmdline")
    if settings.get("TIMELINE_REDIS_URL"):
        # Distributed mode (docs/DISTRIBUTED.md): scheduler and dupefilter shared in Redis.
        from incident_timeline.distributed import distributed_settings

        settings.update(distributed_settings(settings["TIMELINE_REDIS_URL"]), priority="cmdline")
    slots = {**settings.getdict("DOWNLOAD_SLOTS"), **api_download_slots(settings)}
    settings.set("DOWNLOAD_SLOTS", slots, priority="cmdline")
    return settings


def run_crawl(
    config_path: str | Path,
    db_path: str | Path,
    overrides: dict | None = None,
    replica: str | Path | None = None,
    progress=sys.stderr,
    round_number: int = 1,
) -> CrawlSummary:
    """Crawl every source of ``config_path`` into ``db_path``; return the summary.

    Raises ConfigError before anything is fetched when the sources file is wrong.
    ``round_number`` > 1 is a later round of ``--watch``: the live channels only, and pages
    already stored asked with If-Modified-Since.
    """
    from incident_timeline.store import TimelineStore
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.utils.misc import load_object
    from twisted.internet import task

    config = load_config(config_path)
    db_path = Path(db_path)
    store = TimelineStore(db_path)
    store.save_config(with_discovered(config))
    store.close()
    settings = crawl_settings(db_path, overrides, replica, round_number)

    summary = CrawlSummary()
    started = time.monotonic()
    with ExitStack() as stack:
        if replica:
            from incident_timeline.replica import ReplicaServer

            server = stack.enter_context(ReplicaServer(replica))
            stack.enter_context(through_proxy(server.proxy_url))
            print(
                f"Serving the replica of {len(server.hosts())} sites from {replica}"
                f" on {server.proxy_url}",
                file=progress,
            )
        process = CrawlerProcess(settings)
        failed = []
        crawler = Crawler(load_object(SPIDER), settings.copy(), init_reactor=True)
        running = process.crawl(crawler, config=config)
        running.addErrback(lambda failure: failed.append(f"incident: {failure.getErrorMessage()}"))

        def live() -> CrawlSummary:
            current = CrawlSummary()
            if crawler.stats:
                current.add(crawler.stats.get_stats())
            return current

        def report_progress() -> None:
            print(f"  … {live().progress_line()}", file=progress, flush=True)

        channels = sum(1 for s in config.sources for k in CHANNEL_KEYS if getattr(s, k))
        channels += bool(config.incident.discover_gdelt)
        print(
            f"Crawling {len(config.sources)} sources ({channels} channels) for "
            f"'{config.incident.slug}' into {db_path}",
            file=progress,
            flush=True,
        )
        ticker = task.LoopingCall(report_progress)
        ticker.start(2.0, now=False)
        process.start(stop_after_crawl=True, install_signal_handlers=True)
        if ticker.running:
            ticker.stop()
        summary = live()
        summary.failed = failed
    summary.seconds = time.monotonic() - started
    summary.in_database = finish_database(db_path, config.incident.slug)
    return summary


def _watch_round(results, config_path, db_path, overrides, replica, number) -> None:
    """One round of ``run_watch``, in a process of its own (a Twisted reactor runs once)."""
    with open(os.devnull, "w") as quiet:
        try:
            results.put(
                run_crawl(
                    config_path, db_path, overrides, replica, progress=quiet, round_number=number
                )
            )
        except Exception as exc:  # reported by the watching process, which goes on
            results.put(f"{type(exc).__name__}: {exc}")


class Terminated(KeyboardInterrupt):
    """SIGTERM to a watching process: it stops as on Ctrl-C, and tells the round at once."""


def interrupted(signum, frame):
    raise Terminated


def round_outcome(child, results):
    """What a round's process sends back: its summary, or why it failed."""
    import queue

    while True:
        try:
            return results.get(timeout=0.5)
        except queue.Empty:
            if not child.is_alive():
                try:
                    return results.get(timeout=1)
                except queue.Empty:
                    return f"the crawl process ended with status {child.exitcode}"


def stop_round(child, at_once: bool = False) -> None:
    """Stop a round cleanly (Scrapy finishes what is in flight), then firmly if it will not."""
    if not at_once:
        child.join(timeout=3)  # a Ctrl-C in a terminal reached it too: it is stopping already
    if child.is_alive():
        os.kill(child.pid, signal.SIGTERM if at_once else signal.SIGINT)
        child.join(timeout=30)
    if child.is_alive():
        child.terminate()
        child.join()


def run_watch(
    config_path: str | Path,
    db_path: str | Path,
    interval: float,
    overrides: dict | None = None,
    replica: str | Path | None = None,
    out=sys.stderr,
    rounds: int | None = None,
) -> int:
    """Crawl every ``interval`` seconds until interrupted (Ctrl-C), one line per round.

    The first round reads every channel; the later ones the live channels (site, feeds, status
    pages, discovery) and only the pages that changed (If-Modified-Since). While it watches, a
    connection stays open on the database, so its write-ahead log is kept and ``timeline serve``
    sees each round's rows. Returns the number of rounds run.
    """
    import multiprocessing

    from incident_timeline.store import TimelineStore

    load_config(config_path)  # a wrong file stops here, before the first round
    context = multiprocessing.get_context("spawn")
    signal.signal(signal.SIGTERM, interrupted)  # stopped by a service manager: as Ctrl-C
    TimelineStore(db_path).close()  # the database exists, in WAL mode, before the first round
    # Open across rounds: the write-ahead log outlives each round, so a server reads the new rows.
    keeper = sqlite3.connect(db_path)
    # A read opens the log; it holds no transaction.
    keeper.execute("select count(*) from sqlite_master").fetchone()
    number = done = 0
    jobdir = (overrides or {}).get("JOBDIR")
    try:
        while rounds is None or number < rounds:
            number += 1
            results = context.Queue()
            if jobdir:  # a finished job folder would mean "nothing to do" to the next round
                overrides = {**overrides, "JOBDIR": str(Path(jobdir) / f"round-{number}")}
            arguments = (
                results,
                str(config_path),
                str(db_path),
                overrides,
                replica and str(replica),
                number,
            )
            child = context.Process(target=_watch_round, args=arguments)
            child.start()
            try:
                outcome = round_outcome(child, results)
            except KeyboardInterrupt as stop:
                stop_round(child, at_once=isinstance(stop, Terminated))
                raise
            child.join()
            if isinstance(outcome, CrawlSummary):
                print(outcome.round_line(number), file=out, flush=True)
            else:
                print(f"round {number}: the crawl failed: {outcome}", file=out, flush=True)
            done = number
            if rounds is None or number < rounds:
                time.sleep(interval)
    except KeyboardInterrupt:
        print(f"watch stopped after {done} rounds", file=out, flush=True)
    finally:
        keeper.close()
    return done


# A rebuild takes minutes on a very large database (154 s at a million documents).
FINISH_BUSY_TIMEOUT_MS = 15 * 60 * 1000


def finish_database(db_path: str | Path, incident: str | None = None) -> tuple[int, int, int]:
    """Cross-document work once all documents are in: the key moments of every incident.

    Returns the incident's (documents, events, key moments) now in the database.
    """
    import sqlite_utils
    from incident_timeline.key_moments import rebuild_story

    db = sqlite_utils.Database(db_path)
    try:
        # Another crawler process of the same database (distributed mode) may be rebuilding
        # right now: wait for its transaction instead of failing with "database is locked".
        db.execute(f"PRAGMA busy_timeout={FINISH_BUSY_TIMEOUT_MS}")
        rebuild_story(db)  # one BEGIN IMMEDIATE transaction
        return tuple(
            db.execute(f"select count(*) from {table} where incident = ?", [incident]).fetchone()[0]
            for table in ("documents", "events", "key_moments")
        )
    finally:
        db.close()
