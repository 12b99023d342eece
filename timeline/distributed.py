"""Distributed crawl: several ``timeline crawl`` processes share one crawl through Redis.

    timeline crawl --config sources.yml --db db/timeline.db \\
        -s SCHEDULER=incident_timeline.distributed.SharedScheduler -s
        TIMELINE_REDIS_URL=redis://127.0.0.1:6379

Start the same command in as many processes of one machine as you like (SQLite needs a
local file; Redis may be anywhere). The request queue
and the dupefilter live in Redis (scrapy-redis), so every page is fetched once by one of
the processes; all of them write the same SQLite file (WAL, busy_timeout). A process stays
open while another one is still working, so new links are shared until the whole crawl is
done; then each process closes and the last ones clear the crawl's keys. See docs/DISTRIBUTED.md.
"""

from __future__ import annotations

import json
import os
import socket
from collections import deque

from incident_timeline.fingerprints import SCOPE, scoped
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

# Keys of one crawl: timeline:<incident>:<spider name ("incident")>:<what>.
KEY_PREFIX = "timeline:{incident}:{spider}"
# A worker that has not said anything for this long has died: stop waiting for it.
STALE_AFTER_SECONDS = 60.0
# How often a waiting worker looks for work shared by the others (the engine's own heartbeat is 5
# s).
POLL_SECONDS = 0.25
# Marks a request this scheduler popped itself to wake its engine (already past the dupefilter).
HANDOFF = "timeline_handoff"


def distributed_settings(redis_url: str) -> dict:
    """The Scrapy settings of a distributed crawl, for ``settings.update(…)`` in run_crawl.

    >>> distributed_settings("redis://127.0.0.1:6379")["SCHEDULER"]
    'incident_timeline.distributed.SharedScheduler'
    """
    return {
        "SCHEDULER": "incident_timeline.distributed.SharedScheduler",
        "TIMELINE_REDIS_URL": redis_url,
        # Each process keeps its own job state out of the way: the queue is in Redis.
        "JOBDIR": None,
    }


class ChannelDupeFilter(RFPDupeFilter):
    """scrapy-redis's duplicate filter, in which each channel reads a page it lists once
    (timeline/fingerprints.py)."""

    def request_fingerprint(self, request):
        return (
            scoped(super().request_fingerprint(request).encode(), request).hex()
            if request.meta.get(SCOPE)
            else super().request_fingerprint(request)
        )


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler (queue and dupefilter in Redis) that also knows when the whole
    crawl, across processes, is finished.

    Every process registers in a Redis hash as ``busy`` or ``idle``. An idle process with an
    empty shared queue keeps its spider open while another process is busy (its pages may
    still yield links) and closes once every live process is idle and the queue is empty.
    """

    @classmethod
    def from_crawler(cls, crawler):
        import redis

        url = crawler.settings.get("TIMELINE_REDIS_URL") or crawler.settings.get("REDIS_URL")
        if not url:
            raise ValueError(
                "the distributed scheduler needs -s TIMELINE_REDIS_URL=redis://HOST:PORT"
            )
        server = redis.Redis.from_url(
            url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True
        )
        server.ping()
        scheduler = cls(
            server=server,
            persist=crawler.settings.getbool("SCHEDULER_PERSIST"),
            flush_on_start=crawler.settings.getbool("SCHEDULER_FLUSH_ON_START"),
        )
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider):
        prefix = KEY_PREFIX.format(incident=spider.incident.slug, spider=spider.name)
        self.queue_key = f"{prefix}:requests"
        self.workers_key = f"{prefix}:workers"
        self.df = ChannelDupeFilter(
            self.server,
            key=f"{prefix}:dupefilter",
            debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
        )
        super().open(spider)
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.handoff: deque = deque()
        self.waiting = False
        self.closing = False
        self.report("busy")  # busy until its own start requests are done
        self.crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        from twisted.internet import task

        self.poller = task.LoopingCall(self.poll)
        self.poller.start(POLL_SECONDS, now=False)

    def close(self, reason):
        if self.poller.running:
            self.poller.stop()
        self.server.hdel(self.workers_key, self.worker)
        return super().close(reason)

    def enqueue_request(self, request):
        if request.meta.get(HANDOFF):
            del request.meta[HANDOFF]
            self.handoff.append(request)
            return True
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def pop_shared(self):
        """The next request of the shared queue, or None."""
        request = self.queue.pop(self.idle_before_close)
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def next_request(self):
        request = self.handoff.popleft() if self.handoff else self.pop_shared()
        if request is not None and self.waiting:
            self.waiting = False
            self.report("busy")
        return request

    def has_pending_requests(self):
        return bool(self.handoff) or super().has_pending_requests()

    # Coordination between processes.

    def report(self, state: str) -> None:
        seconds, micros = self.server.time()
        self.server.hset(self.workers_key, self.worker, json.dumps([state, seconds + micros / 1e6]))

    def others_busy(self) -> bool:
        """True while another live process is working on this crawl."""
        seconds, micros = self.server.time()
        now = seconds + micros / 1e6
        for worker, value in self.server.hgetall(self.workers_key).items():
            worker = worker.decode()
            if worker == self.worker:
                continue
            state, seen = json.loads(value)
            if now - seen > STALE_AFTER_SECONDS:
                self.server.hdel(self.workers_key, worker)  # died without saying goodbye
            elif state == "busy":
                return True
        return False

    def crawl_finished(self) -> bool:
        return not self.handoff and len(self.queue) == 0 and not self.others_busy()

    def spider_idle(self, spider):
        """This process has nothing to do: close only when the whole crawl has nothing to do."""
        if not self.waiting:
            self.waiting = True
            self.report("idle")
        if not self.crawl_finished():
            raise DontCloseSpider

    def poll(self) -> None:
        """While waiting: take shared work as soon as it appears, or close when all is done."""
        if self.closing:
            return
        if not self.waiting:
            self.report("busy")  # heartbeat
            return
        self.report("idle")
        request = self.pop_shared()
        if request is not None:
            # Through the engine, so it wakes up now rather than at its next 5 s heartbeat.
            request.meta[HANDOFF] = True
            self.crawler.engine.crawl(request)
        elif self.crawl_finished():
            self.closing = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="finished"))
