"""Run a crawl of every source of a sources file into a database, with progress and a summary.

    summary = run_crawl("corpus/sources.yml", "db/timeline.db", replica="corpus/sites")
    print(summary.stored, summary.dropped)

Each source gets one spider per channel it declares (``start_urls`` → site, ``feed``,
``sitemap``, ``statuspage``); all run together in one Scrapy process. With ``replica``
the crawl goes through a loopback server that replays saved sites (timeline/replica.py).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from timeline.config import Config, load_config

# Source key → spider class that reads that channel.
CHANNEL_SPIDERS = {
    "start_urls": "spiders.site.SiteSpider",
    "feed": "spiders.feed.FeedSpider",
    "sitemap": "spiders.sitemap.NewsSitemapSpider",
    "statuspage": "spiders.statuspage.StatuspageSpider",
}


@dataclass
class CrawlSummary:
    """What a crawl did, in figures a person can read."""

    fetched: int = 0
    stored: int = 0
    listings: int = 0
    dropped: Counter = field(default_factory=Counter)
    faults: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    #: the incident's (documents, events, key moments) in the database once the crawl is over
    in_database: tuple = (0, 0, 0)
    #: relevant pages stored without a publication date (placed by the dates in their text)
    undated: int = 0
    #: spiders that could not run at all ("feed:news: <reason>")
    failed: list = field(default_factory=list)

    def add(self, stats: dict) -> None:
        self.fetched += stats.get("downloader/response_count", 0)
        self.stored += stats.get("timeline/stored", 0)
        self.listings += stats.get("timeline/listing pages", 0)
        self.undated += stats.get("timeline/undated stored", 0)
        for key, value in stats.items():
            if key.startswith("timeline/dropped/"):
                self.dropped[key.rsplit("/", 1)[1]] += value
            elif key.startswith("timeline/fault/"):
                # Named by timeline.middlewares.FaultStats (it sees every download exception).
                self.faults[key.split("/", 2)[2]] += value
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
        return (f"{self.fetched} pages fetched · {self.stored} documents stored · "
                f"{self.listings} listings followed · {dropped} dropped" + (f" ({why})" if why else ""))

    def report(self) -> str:
        documents, events, moments = self.in_database
        # The one event count: the rows of the incident's events, as its pages show them.
        lines = [f"Crawl finished in {self.seconds:.1f} s: {self.progress_line()}",
                 f"  in the database for this incident: {documents} documents, {events} events, "
                 f"{moments} key moments (a page found through several channels is saved once)"]
        if self.undated:
            lines.append(f"  stored without a publication date: {self.undated} (placed by the dates "
                         "in their text; published is empty)")
        if self.statuses:
            lines.append("  HTTP statuses: " + ", ".join(f"{k}×{v}" for k, v in sorted(self.statuses.items())))
        if self.failed:
            lines.append("  spiders that failed: " + "; ".join(self.failed))
        if self.faults:
            lines.append("  faults: " + ", ".join(f"{k} {v}" for k, v in self.faults.most_common()))
        return "\n".join(lines)


def parse_setting_overrides(pairs: list[str]) -> dict[str, str]:
    """``["DOWNLOAD_DELAY=0"]`` → ``{"DOWNLOAD_DELAY": "0"}``, as ``scrapy crawl -s`` reads them."""
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Z][A-Z0-9_]*", name.strip()):
            raise ValueError(f"-s expects NAME=VALUE with an upper-case Scrapy setting name, got '{pair}'")
        overrides[name.strip()] = value
    return overrides


@contextmanager
def through_proxy(proxy_url: str):
    """Send every request of the crawl through ``proxy_url`` (Scrapy reads the *_proxy variables)."""
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


def spider_jobs(config: Config) -> list[tuple[str, str]]:
    """(spider class path, source name) for every channel of every source."""
    return [(path, source.name) for source in config.sources
            for key, path in CHANNEL_SPIDERS.items() if getattr(source, key)]


def run_crawl(config_path: str | Path, db_path: str | Path, overrides: dict | None = None,
              replica: str | Path | None = None, progress=sys.stderr) -> CrawlSummary:
    """Crawl every source of ``config_path`` into ``db_path``; return the summary.

    Raises ConfigError before anything is fetched when the sources file is wrong.
    """
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.settings import SETTINGS_PRIORITIES, Settings
    from scrapy.utils.misc import load_object
    from twisted.internet import task

    from timeline.store import TimelineStore

    config = load_config(config_path)
    db_path = Path(db_path)
    store = TimelineStore(db_path)
    store.save_config(config)
    store.close()

    settings = Settings()
    settings.setmodule("timeline.settings", priority="project")
    settings.update({"TIMELINE_DB": str(db_path), "LOG_LEVEL": "WARNING"}, priority="cmdline")
    if replica:
        # Our own loopback replica: no need to be polite to it.
        settings.update({"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}, priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    if settings.get("TIMELINE_REDIS_URL"):
        # Distributed mode (docs/DISTRIBUTED.md): scheduler and dupefilter shared in Redis.
        from timeline.distributed import distributed_settings

        settings.update(distributed_settings(settings["TIMELINE_REDIS_URL"]), priority="cmdline")

    summary = CrawlSummary()
    started = time.monotonic()
    with ExitStack() as stack:
        if replica:
            from timeline.replica import ReplicaServer

            server = stack.enter_context(ReplicaServer(replica))
            stack.enter_context(through_proxy(server.proxy_url))
            print(f"Serving the replica of {len(server.hosts())} sites from {replica} on {server.proxy_url}",
                  file=progress)
        process = CrawlerProcess(settings)
        crawlers, failed = [], []
        jobdir = settings.get("JOBDIR")
        for spider_path, source_name in spider_jobs(config):
            spidercls = load_object(spider_path)
            crawler_settings = settings.copy()
            if jobdir:
                # Each spider needs its own job folder to resume.
                # Above "cmdline": CrawlerProcess.crawl() merges the shared settings back in at that priority.
                crawler_settings.set("JOBDIR", str(Path(jobdir) / f"{spidercls.name}-{source_name}"),
                                     SETTINGS_PRIORITIES["cmdline"] + 1)
            # The first crawler installs the reactor (TWISTED_REACTOR), as CrawlerProcess.crawl would.
            crawler = Crawler(spidercls, crawler_settings, init_reactor=not crawlers)
            crawlers.append(crawler)
            running = process.crawl(crawler, config=config, source=source_name)
            running.addErrback(lambda failure, name=f"{spidercls.name}:{source_name}":
                               failed.append(f"{name}: {failure.getErrorMessage()}"))

        def live() -> CrawlSummary:
            current = CrawlSummary()
            for crawler in crawlers:
                if crawler.stats:
                    current.add(crawler.stats.get_stats())
            return current

        def report_progress() -> None:
            print(f"  … {live().progress_line()}", file=progress, flush=True)

        print(f"Crawling {len(config.sources)} sources ({len(crawlers)} spiders) for "
              f"'{config.incident.slug}' into {db_path}", file=progress, flush=True)
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


# A rebuild takes minutes on a very large database (154 s at a million documents).
FINISH_BUSY_TIMEOUT_MS = 15 * 60 * 1000


def finish_database(db_path: str | Path, incident: str | None = None) -> tuple[int, int, int]:
    """Cross-document work once all documents are in: the key moments of every incident.

    Returns the incident's (documents, events, key moments) now in the database.
    """
    import sqlite_utils

    from timeline.key_moments import rebuild_story

    db = sqlite_utils.Database(db_path)
    try:
        # Another crawler process of the same database (distributed mode) may be rebuilding
        # right now: wait for its transaction instead of failing with "database is locked".
        db.execute(f"PRAGMA busy_timeout={FINISH_BUSY_TIMEOUT_MS}")
        rebuild_story(db)  # one BEGIN IMMEDIATE transaction
        return tuple(db.execute(f"select count(*) from {table} where incident = ?", [incident]).fetchone()[0]
                     for table in ("documents", "events", "key_moments"))
    finally:
        db.close()
