"""Scrapy settings for every crawl: polite defaults for the real web.

Override any of them per run with ``timeline crawl -s NAME=VALUE`` (as ``scrapy crawl -s``).
The project's own values (TIMELINE_*) are set by ``timeline crawl``.
"""

BOT_NAME = "incident-timeline"
SPIDER_MODULES = ["incident_timeline.spiders"]
NEWSPIDER_MODULE = "incident_timeline.spiders"

# Say who we are and obey robots.txt: we read public pages, slowly.
USER_AGENT = (
    "incident-timeline/0.2 (+https://github.com/incident-timeline/incident-timeline;"
    " outage research)"
)
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 0.5
CONCURRENT_REQUESTS = 16
# Per host, whatever channels reach it (one spider, one downloader), robots.txt included.
CONCURRENT_REQUESTS_PER_DOMAIN = 2

# Bounded work: a hanging page, a huge page or a link maze cannot stall the crawl.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DEPTH_LIMIT = 4
# Links a page leads to beyond DEPTH_LIMIT are counted, and the summary says how many.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "incident_timeline.middlewares.CountedDepth": 900,
}
# A safety net against a too-broad `follow` pattern: at most this many responses per spider.
CLOSESPIDER_PAGECOUNT = 5000
REDIRECT_MAX_TIMES = 5
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Development: `-s HTTPCACHE_ENABLED=True` keeps every response under .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

ITEM_PIPELINES = {
    "incident_timeline.pipelines.publication_date.PublicationDate": 100,
    "incident_timeline.pipelines.relevance.RelevanceFilter": 200,
    "incident_timeline.pipelines.events.EventTagger": 300,
    "incident_timeline.pipelines.page_history.PageHistory": 350,
    "incident_timeline.pipelines.store.StoreDocument": 900,
}

# The archive and discovery channels (docs/SOURCES.md): where they ask, and their own limits.
# Their requests have download slots of their own (see incident_timeline.crawl.api_download_slots):
# the per-site settings above do not apply to them, nor robots.txt (they are documented APIs).
TIMELINE_WAYBACK_URL = "https://web.archive.org"
TIMELINE_GDELT_URL = "https://api.gdeltproject.org/api/v2/doc/doc"
# The CDX index answers about 60 queries a minute per IP and blocks one that ignores its 429s.
TIMELINE_CDX_DELAY = 2.0
# Replayed captures (web/<timestamp>id_/<url>): no published limit, so read them gently.
TIMELINE_WAYBACK_DELAY = 1.0
TIMELINE_WAYBACK_CONCURRENCY = 2
# GDELT asks for at most one request every five seconds.
TIMELINE_GDELT_DELAY = 5.0
# At most this many distinct contents of one archived page are read (spread over its history).
TIMELINE_ARCHIVE_MAX_VERSIONS = 40
# A page gone (404/410) is read from the archive: unset, for sources with `archive` patterns,
# for discovered articles, and for all when the run names TIMELINE_WAYBACK_URL; True/False force it.
TIMELINE_ARCHIVE_FALLBACK = None
# CDX rows asked per query; more are read page by page with the archive's resume key.
TIMELINE_CDX_PAGE_SIZE = 5000

TELNETCONSOLE_ENABLED = False
# Dropping off-topic pages is normal work: counted in the summary, not warned about.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# One duplicate filter for the incident, in which each channel reads a page it lists once.
REQUEST_FINGERPRINTER_CLASS = "incident_timeline.fingerprints.ChannelFingerprinter"

# Reliability (docs/RELIABILITY.md): Retry-After is honoured (capped), faults are counted by
# kind for the summary, and with JOBDIR a killed crawl resumes from its request journal
# (Scrapy's own queue is written only on a clean stop).
RETRY_AFTER_MAX = 60
SCHEDULER = "incident_timeline.journal.JournalScheduler"
TIMELINE_REQUEST_JOURNAL = True
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "incident_timeline.middlewares.RetryAfterMiddleware": 550,
    "incident_timeline.middlewares.ConditionalRefetch": 560,
    "incident_timeline.middlewares.FaultStats": 610,
    "incident_timeline.middlewares.HostLimit": 950,
}
EXTENSIONS = {
    "incident_timeline.journal.CrashSafeJobDir": 0,
    "incident_timeline.middlewares.OneLineDownloadErrors": 0,
}
