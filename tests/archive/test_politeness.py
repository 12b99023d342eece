"""Politeness holds per host whatever the channels: one host reached by its pages, its feed, its
sitemap and robots.txt at once never has more than CONCURRENT_REQUESTS_PER_DOMAIN requests in
flight; the archive's index keeps its own pace; every request goes through the proxy the
environment names."""

from __future__ import annotations

import itertools
import subprocess

import pytest

from tests.archive.conftest import FAST, PROJECT, crawl, proxy_env, rows, timeline_command, write
from tests.archive.loopweb import Answer, LoopWeb
from tests.archive.pages import listing, outage_article
from tests.archive.replicas import Snapshot, WaybackReplica

HOST = "www.cronaca.test"
SITE = f"http://{HOST}"
PER_CHANNEL = 8
SLOW = 0.25  # seconds each answer takes: requests pile up if the limit does not hold

SOURCES = f"""\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {{start: 2024-02-01, end: 2024-02-29}}
sources:
  - name: cronaca
    kind: news
    start_urls: ["{SITE}/"]
    feed: "{SITE}/feed.xml"
    sitemap: "{SITE}/sitemap.xml"
  - name: cronaca-tecnologia
    kind: news
    start_urls: ["{SITE}/tecnologia/"]
"""


def article_path(channel: str, n: int) -> str:
    return f"/2024/02/{1 + n % 20:02d}/{channel}-{n}/"


def feed(paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Posta Lampo {p}</title><link>{SITE}{p}</link>"
        "<pubDate>Mon, 05 Feb 2024 09:30:00 +0100</pubDate></item>"
        for p in paths
    )
    channel = f"<channel><title>Cronaca</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def sitemap(paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{SITE}{p}</loc></url>" for p in paths)
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    return f'<?xml version="1.0"?><urlset xmlns="{namespace}">{urls}</urlset>'


def site(request) -> Answer:
    """Every answer takes SLOW seconds, robots.txt included."""
    path = request.path
    pages = {
        "page": [article_path("pagina", n) for n in range(PER_CHANNEL)],
        "feed": [article_path("feed", n) for n in range(PER_CHANNEL)],
        "sitemap": [article_path("mappa", n) for n in range(PER_CHANNEL)],
        "tecnologia": [article_path("tecnologia", n) for n in range(PER_CHANNEL)],
    }
    if path == "/robots.txt":
        return Answer(200, "User-agent: *\nAllow: /\n", "text/plain", delay=SLOW)
    if path == "/":
        return Answer(200, listing("Cronaca", pages["page"]), delay=SLOW)
    if path == "/tecnologia/":
        return Answer(200, listing("Tecnologia", pages["tecnologia"]), delay=SLOW)
    if path == "/feed.xml":
        return Answer(200, feed(pages["feed"]), "application/rss+xml", delay=SLOW)
    if path == "/sitemap.xml":
        return Answer(200, sitemap(pages["sitemap"]), "application/xml", delay=SLOW)
    if any(path in listed for listed in pages.values()):
        n = int(path.rstrip("/").rsplit("-", 1)[1])
        return Answer(200, outage_article(n, 1 + n % 20), delay=SLOW)
    return None


@pytest.fixture(scope="module", params=[None, 3], ids=["default", "per-domain-3"])
def polite(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("polite")
    web = LoopWeb()
    web.route(HOST, site)
    settings = (
        [] if request.param is None else ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={request.param}"]
    )
    with web:
        db = tmp_path / "polite.db"
        result = crawl(
            write(tmp_path, "sources.yml", SOURCES), db, *settings, proxy=web.proxy_url, apis=False
        )
    yield {"web": web, "result": result, "db": db, "limit": request.param or 2}


def test_crawl_succeeds(polite):
    assert polite["result"].returncode == 0, polite["result"].stderr[-2000:]


def test_every_channel_reached_the_host(polite):
    paths = {hit.path for hit in polite["web"].hits(HOST)}
    assert {"/robots.txt", "/", "/tecnologia/", "/feed.xml", "/sitemap.xml"} <= paths


def test_host_never_has_more_requests_in_flight_than_the_limit(polite):
    assert polite["web"].most_in_flight(HOST) <= polite["limit"]


def test_the_limit_is_used(polite):
    # Not a vacuous pass: the crawl did keep the host at its limit.
    assert polite["web"].most_in_flight(HOST) == polite["limit"]


def test_every_article_of_every_channel_is_stored(polite):
    assert rows(polite["db"], "select count(*) as n from documents")[0]["n"] == 4 * PER_CHANNEL


def test_every_request_went_through_the_proxy_of_the_environment(polite):
    # The host exists only on the loopback web: reaching it at all means through http_proxy.
    assert polite["web"].unrouted() == [] and len(polite["web"].hits(HOST)) >= 4 * PER_CHANNEL + 5


# -- the archive's own pace ---------------------------------------------------------------------

ARCHIVE_SOURCES = """\
incident:
  slug: posta-lampo-2024
  title: Disservizio di Posta Lampo, febbraio 2024
  timezone: Europe/Rome
  keywords: [posta lampo]
  window: {start: 2024-02-01, end: 2024-02-29}
sources:
  - name: cronaca
    kind: news
    archive: ["www.cronaca.test/2024/02/*"]
"""
CDX_DELAY = 0.4


@pytest.fixture(scope="module")
def paced(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("paced")
    snapshots = [
        Snapshot(
            f"{SITE}{article_path('archivio', n)}",
            f"202402{1 + n % 20:02d}120000",
            outage_article(n, 1 + n % 20),
        )
        for n in range(10)
    ]
    web = LoopWeb()
    web.route("web.archive.test", WaybackReplica(snapshots, max_rows=2))
    with web:
        db = tmp_path / "paced.db"
        result = crawl(
            write(tmp_path, "sources.yml", ARCHIVE_SOURCES),
            db,
            "-s",
            f"TIMELINE_CDX_DELAY={CDX_DELAY}",
            proxy=web.proxy_url,
        )
    yield {"web": web, "result": result, "db": db}


def test_archive_index_is_asked_page_after_page(paced):
    assert len(paced["web"].hits("web.archive.test", "/cdx/")) == 5, paced["result"].stderr[-1500:]


def test_archive_index_keeps_its_own_delay(paced):
    times = [hit.at for hit in paced["web"].hits("web.archive.test", "/cdx/")]
    assert min(b - a for a, b in itertools.pairwise(times)) >= CDX_DELAY * 0.9


def test_archive_pace_does_not_cost_a_page(paced):
    assert rows(paced["db"], "select count(*) as n from documents")[0]["n"] == 10


# -- the standard proxy variables: http_proxy for the sites, no_proxy for the local archive --------


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("proxied")
    sites, archive = LoopWeb(), LoopWeb()
    sites.route(HOST, site)
    snapshots = [Snapshot(f"{SITE}/2024/02/05/archivio-1/", "20240205120000", outage_article(1, 5))]
    archive.route(f"127.0.0.1:{archive.port}", WaybackReplica(snapshots))
    text = ARCHIVE_SOURCES + f'    start_urls: ["{SITE}/tecnologia/"]\n'
    with sites, archive:
        env = proxy_env(sites.proxy_url)
        env.update(no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
        result = subprocess.run(
            [
                *timeline_command(),
                "crawl",
                "--config",
                str(write(tmp_path, "s.yml", text)),
                "--db",
                str(tmp_path / "p.db"),
                *FAST,
                "-s",
                f"TIMELINE_WAYBACK_URL={archive.proxy_url}",
            ],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    yield {"sites": sites, "archive": archive, "result": result, "db": tmp_path / "p.db"}


def test_sites_are_reached_through_http_proxy(proxied):
    assert proxied["sites"].hits(HOST, "/tecnologia/"), proxied["result"].stderr[-1500:]


def test_hosts_in_no_proxy_are_reached_directly(proxied):
    assert proxied["archive"].hits(path_prefix="/cdx/") and proxied["sites"].unrouted() == []


def test_both_are_stored(proxied):
    found = {r["found_via"] for r in rows(proxied["db"], "select found_via from documents")}
    assert found == {"page", "archive"}
