"""The request journal that lets a killed crawl resume (incident_timeline.journal), no crawl."""

import json

import pytest
import scrapy
from incident_timeline.journal import (
    CrashSafeJobDir,
    JournalScheduler,
    RequestJournal,
    journal_decode,
    journal_encode,
)
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler


class PagesSpider(scrapy.Spider):
    name = "pages"

    def parse(self, response):
        pass

    def parse_page(self, response, hints):
        pass

    def failed(self, failure):
        pass


def crawler_for(jobdir, **settings):
    return get_crawler(
        PagesSpider,
        {
            "JOBDIR": str(jobdir),
            "SCHEDULER": "incident_timeline.journal.JournalScheduler",
            "EXTENSIONS": {"incident_timeline.journal.CrashSafeJobDir": 0},
            # the default queue needs a running engine
            "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue",
            **settings,
        },
    )


def fp(crawler, request) -> str:
    return crawler.request_fingerprinter.fingerprint(request).hex()


# -- serialisation ----------------------------------------------------------------------------


def test_a_request_round_trips_through_json():
    spider = PagesSpider()
    request = scrapy.Request(
        "http://example.test/a",
        callback=spider.parse_page,
        errback=spider.failed,
        method="POST",
        body=b"\x00\xffbody",
        headers={"X-Test": "1"},
        priority=3,
        cb_kwargs={"hints": {"seen": {"a", "b"}, "pair": (1, 2), "date": None}},
        meta={"retry_times": 1, 7: "int key"},
    )
    line = json.dumps(journal_encode(request.to_dict(spider=spider)))
    back = scrapy.utils.request.request_from_dict(journal_decode(json.loads(line)), spider=spider)
    assert (back.url, back.method, back.body, back.priority) == (
        request.url,
        "POST",
        b"\x00\xffbody",
        3,
    )
    assert back.callback == spider.parse_page and back.errback == spider.failed
    assert back.cb_kwargs == request.cb_kwargs
    assert back.meta == request.meta
    assert back.headers.getlist("X-Test") == [b"1"]


# -- bookkeeping ------------------------------------------------------------------------------


def entry(url: str) -> dict:
    return scrapy.Request(url).to_dict()


def test_accepted_and_not_done_is_what_a_crash_lost(tmp_path):
    journal = RequestJournal(tmp_path / "requests.journal").open()
    journal.accepted("fa", entry("http://x.test/a"))
    journal.accepted("fb", entry("http://x.test/b"))
    journal.accepted("fc", entry("http://x.test/c"))
    assert journal.done("fa")
    assert not journal.done("fa"), "done twice is written once"
    assert not journal.done("unknown")
    journal.close()

    replayed = RequestJournal(tmp_path / "requests.journal")
    assert [r["url"] for r in replayed.to_resume] == ["http://x.test/b", "http://x.test/c"]
    assert sorted(r["url"] for r in replayed.seen) == [
        "http://x.test/a",
        "http://x.test/b",
        "http://x.test/c",
    ]
    assert replayed.done_count == 1


def test_a_retry_is_the_same_page_and_keeps_its_retry_count(tmp_path):
    journal = RequestJournal(tmp_path / "requests.journal").open()
    journal.accepted("fa", entry("http://x.test/a"))
    retry = scrapy.Request("http://x.test/a", meta={"retry_times": 1}, dont_filter=True).to_dict()
    journal.accepted("fa", retry)
    journal.close()
    replayed = RequestJournal(tmp_path / "requests.journal")
    assert len(replayed.to_resume) == 1
    assert replayed.to_resume[0]["meta"] == {"retry_times": 1}

    journal = RequestJournal(tmp_path / "requests.journal").open()
    journal.done("fa")
    journal.close()
    assert RequestJournal(tmp_path / "requests.journal").to_resume == []


def test_accepted_again_after_done_is_pending_again(tmp_path):
    journal = RequestJournal(tmp_path / "requests.journal").open()
    journal.accepted("fa", entry("http://x.test/a"))
    journal.done("fa")
    journal.accepted("fa", scrapy.Request("http://x.test/a", dont_filter=True).to_dict())
    journal.close()
    assert [r["url"] for r in RequestJournal(tmp_path / "requests.journal").to_resume] == [
        "http://x.test/a"
    ]


def test_a_redirect_source_is_settled_by_url(tmp_path):
    journal = RequestJournal(tmp_path / "requests.journal").open()
    journal.accepted("fa", entry("http://x.test/a"))
    journal.accepted("fb", entry("http://x.test/b"))
    assert journal.done_url("http://x.test/a") == 1
    journal.close()
    assert [r["url"] for r in RequestJournal(tmp_path / "requests.journal").to_resume] == [
        "http://x.test/b"
    ]


def test_a_line_torn_by_the_kill_is_skipped_and_the_next_run_appends_cleanly(tmp_path):
    path = tmp_path / "requests.journal"
    journal = RequestJournal(path).open()
    journal.accepted("fa", entry("http://x.test/a"))
    journal.accepted("fb", entry("http://x.test/b"))
    journal.close()
    with path.open("a", encoding="utf-8") as f:
        f.write('{"done":"fa","u')  # kill -9 mid-line
    replayed = RequestJournal(path)
    assert replayed.torn_lines == 1
    assert [r["url"] for r in replayed.to_resume] == ["http://x.test/a", "http://x.test/b"]
    replayed.open()
    replayed.done("fa")
    replayed.close()
    again = RequestJournal(path)
    assert again.torn_lines == 1
    assert [r["url"] for r in again.to_resume] == ["http://x.test/b"]


# -- the extension and the scheduler ----------------------------------------------------------


def test_crash_resume_requeues_pending_and_filters_done(tmp_path):
    job = tmp_path / "job"
    crawler = crawler_for(job)
    crawler.spider = spider = PagesSpider.from_crawler(crawler)
    owner = CrashSafeJobDir.of(crawler)
    assert owner.mode == "fresh" and owner.journal is not None
    done = scrapy.Request("http://x.test/done", callback=spider.parse)
    pending = scrapy.Request(
        "http://x.test/pending", callback=spider.parse_page, cb_kwargs={"hints": {"n": 1}}
    )
    owner.request_accepted(done)
    owner.request_accepted(pending)
    owner.response_processed(done)
    (job / "requests.queue").mkdir(exist_ok=True)  # Scrapy's stale state: must be thrown away
    # kill -9 here: the marker stays, nothing is closed.

    crawler = crawler_for(job)
    crawler.spider = spider = PagesSpider.from_crawler(crawler)
    owner = CrashSafeJobDir.of(crawler)
    assert owner.mode == "resumed"
    scheduler = JournalScheduler.from_crawler(crawler)
    scheduler.open(spider)
    resumed = scheduler.next_request()
    assert resumed.url == "http://x.test/pending"
    assert resumed.callback == spider.parse_page and resumed.cb_kwargs == {"hints": {"n": 1}}
    assert scheduler.next_request() is None
    assert not scheduler.enqueue_request(scrapy.Request("http://x.test/done")), (
        "done page refetched"
    )
    assert not scheduler.enqueue_request(scrapy.Request("http://x.test/pending")), (
        "pending page queued twice"
    )
    assert scheduler.enqueue_request(scrapy.Request("http://x.test/new"))
    scheduler.close("finished")


def test_crash_without_journal_starts_over(tmp_path):
    job = tmp_path / "job"
    job.mkdir()
    (job / CrashSafeJobDir.MARKER).write_text("x")
    (job / "requests.seen").write_bytes(b"stale")
    owner = CrashSafeJobDir.of(crawler_for(job))
    assert owner.mode == "restarted"
    assert not (job / "requests.seen").exists()


def test_journal_can_be_switched_off(tmp_path):
    owner = CrashSafeJobDir.of(crawler_for(tmp_path / "job", TIMELINE_REQUEST_JOURNAL=False))
    assert owner.journal is None


@pytest.fixture
def owner(tmp_path):
    crawler = crawler_for(tmp_path / "job")
    crawler.spider = PagesSpider.from_crawler(crawler)
    extension = CrashSafeJobDir.of(crawler)
    yield extension
    extension.journal.close()


def page(url: str):
    request = scrapy.Request(url)
    return request, HtmlResponse(url, body=b"<html></html>", request=request)


def test_a_page_is_done_only_once_its_documents_are_committed(owner):
    request, response = page("http://x.test/article")
    owner.request_accepted(request)
    item = {"url": request.url}
    owner.item_yielded(item, request)  # the page's callback yields it
    owner.response_processed(request)  # its output is all handed over
    owner.document_buffered(item)  # StoreDocument buffers it
    owner.item_through(item, response)  # through every pipeline, not committed yet
    assert request.url in owner.journal.pending.values()
    owner.documents_saved([item])  # the batch is committed
    assert request.url not in owner.journal.pending.values()


def test_a_page_is_not_done_while_its_item_is_in_the_pipelines(owner):
    request, response = page("http://x.test/article")
    owner.request_accepted(request)
    item = {"url": request.url}
    owner.item_yielded(item, request)
    owner.response_processed(request)  # handed over, the item still in an early stage
    assert request.url in owner.journal.pending.values()
    owner.item_through(item, response)  # dropped (off-topic): nothing to commit
    assert request.url not in owner.journal.pending.values()


def test_a_document_committed_before_its_page_finished(owner):
    # The store may flush inside process_item, before item_scraped is sent.
    request, response = page("http://x.test/article")
    owner.request_accepted(request)
    item = {"url": request.url}
    owner.item_yielded(item, request)
    owner.document_buffered(item)
    owner.documents_saved([item])
    owner.item_through(item, response)
    assert request.url in owner.journal.pending.values(), (
        "not done before its output was handed over"
    )
    owner.response_processed(request)
    assert request.url not in owner.journal.pending.values()


def test_a_page_without_documents_is_done_when_processed(owner):
    listing, _ = page("http://x.test/")
    article, response = page("http://x.test/article")
    owner.request_accepted(listing)
    owner.request_accepted(article)
    item = {"url": article.url}
    owner.item_yielded(item, article)
    owner.document_buffered(item)
    owner.item_through(item, response)
    owner.response_processed(
        listing
    )  # another page's document waiting for a commit does not hold it
    assert list(owner.journal.pending.values()) == [article.url]


def test_the_books_are_empty_once_everything_is_settled(owner):
    request, response = page("http://x.test/article")
    owner.request_accepted(request)
    items = [{"url": request.url, "n": n} for n in range(3)]
    for item in items:
        owner.item_yielded(item, request)
    owner.response_processed(request)
    for item in items:
        owner.document_buffered(item)
        owner.item_through(item, response)
    owner.documents_saved(items)
    assert (
        owner.owner,
        owner.buffered,
        owner.through,
        request.url in owner.journal.pending.values(),
    ) == ({}, set(), set(), False)
