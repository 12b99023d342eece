"""SiteSpider on saved pages: the links it follows (read from the tree extraction parsed, once) and
the items it keeps."""

from dataclasses import dataclass, replace

import incident_timeline.extract.article
import parsel.selector
import pytest
import scrapy
from incident_timeline.spiders.site import SiteSpider
from scrapy.http import HtmlResponse, TextResponse

from tests.responses import file_response
from tests.spiders.incident import PAGES, build_spider, stat

SITE = "http://www.notiziario.test"
LISTING_URL = f"{SITE}/tecnologia/"
ARTICLE_URL = f"{SITE}/2023/01/24/italiaonline-spiega/"
HTML_UTF8 = {"Content-Type": "text/html; charset=utf-8"}


def listing_response():
    return file_response(PAGES / "site-listing.html", LISTING_URL, HTML_UTF8)


def article_response():
    # the page is windows-1252 (its <meta> says iso-8859-1) while the server claims UTF-8
    return file_response(PAGES / "site-article-base.html", ARTICLE_URL, HTML_UTF8)


@dataclass(frozen=True)
class Crawled:
    """One page parsed by a spider of its own: the items it kept and the links it followed."""

    spider: SiteSpider
    items: list
    links: list[str]


def crawl(source: str, response) -> Crawled:
    """One parse of ``response`` by a new spider of ``source``."""
    spider = build_spider(SiteSpider, source)
    results = list(spider.parse(response))
    return Crawled(
        spider,
        [r for r in results if not isinstance(r, scrapy.Request)],
        [r.url for r in results if isinstance(r, scrapy.Request)],
    )


@pytest.fixture(scope="module")
def listing() -> Crawled:
    return crawl("notiziario", listing_response())


@pytest.fixture(scope="module")
def article() -> Crawled:
    return crawl("notiziario", article_response())


@pytest.fixture(scope="module")
def document(article):
    """The one item the article page gives."""
    [item] = article.items
    return item


@pytest.fixture(scope="module")
def follow() -> Crawled:
    return crawl("notiziario-follow", listing_response())


# every link of the listing page this spider may follow, in page order
LISTING_LINKS = [
    f"{SITE}/",
    f"{SITE}/tecnologia/",
    f"{SITE}/politica/",
    f"{SITE}/citt%C3%A0-e-territorio/",
    f"{SITE}/2023/01/23/libero-mail-non-funziona/",
    f"{SITE}/2023/01/24/italiaonline-spiega/",
    f"{SITE}/2023/01/25/posta-ripristinata/",
    f"{SITE}/2023/01/26/rimborsi-libero-mail/?utm_source=sezione",
    f"{SITE}/2023/01/27/garante-privacy/",
    f"{SITE}/2023/02/10/indennizzo-perch%C3%A9-cos%C3%AC-poco/",
    f"{SITE}/2022/11/02/posta-elettronica-consigli/",
    f"{SITE}/cerca?q=posta+elettronica&sezione=tecnologia",
    f"{SITE}/cerca?q=citt%C3%A0",
    f"{SITE}/regioni/lombardia/",
    f"{SITE}/tecnologia/?page=2",
    f"{SITE}/tecnologia/?page=3",
    f"{SITE}/2023/01/28/speciale-posta/",
    f"{SITE}/chi-siamo/",
    f"{SITE}/privacy/",
]


# --- a listing page: not stored, its links followed ---------------------------------------


def test_listing_page_is_not_a_document(listing):
    assert listing.items == []


def test_listing_page_is_counted(listing):
    assert stat(listing.spider, "timeline/listing pages") == 1


def test_listing_links_are_followed_in_page_order(listing):
    assert listing.links == LISTING_LINKS


@pytest.mark.parametrize("url", LISTING_LINKS)
def test_listing_link_is_followed_once(listing, url):
    assert listing.links.count(url) == 1


@pytest.mark.parametrize(
    "url, why",
    [
        (f"{SITE}/2023/01/23/libero-mail-non-funziona/", "a story's headline"),
        (f"{SITE}/2023/01/24/italiaonline-spiega/", "relative with ../"),
        (f"{SITE}/2023/01/25/posta-ripristinata/", "absolute, wrapped in whitespace"),
        (f"{SITE}/tecnologia/?page=2", "the pager, query only"),
        (f"{SITE}/politica/", "the site menu in <nav>"),
        (f"{SITE}/2023/01/28/speciale-posta/", "a related box in <aside>"),
        (f"{SITE}/privacy/", "the <footer>"),
        (f"{SITE}/regioni/lombardia/", "an <area> of an image map"),
    ],
)
def test_link_is_followed(listing, url, why):
    assert url in listing.links


@pytest.mark.parametrize(
    "prefix",
    [
        "https://www.altrosito.test/",
        "http://cdn.notiziario.test/",
        "mailto:",
        "tel:",
        "javascript:",
        "ftp:",
        f"{SITE}/feed/",  # a <link>, not an <a>
        f"{SITE}/documenti/",  # .pdf, .PDF;jsessionid=…
    ],
)
def test_link_is_not_followed(listing, prefix):
    assert not [url for url in listing.links if url.startswith(prefix)]


@pytest.mark.parametrize("extension", [".pdf", ".jpg", ".png"])
def test_skipped_extension_is_not_followed(listing, extension):
    assert not [url for url in listing.links if url.lower().endswith(extension)]


def test_fragments_are_removed(listing, article):
    assert not [url for url in listing.links + article.links if "#" in url]


def test_a_link_and_its_fragment_are_followed_once(listing):
    assert listing.links.count(f"{SITE}/2023/01/23/libero-mail-non-funziona/") == 1


def test_entities_in_hrefs_are_decoded(listing):
    assert f"{SITE}/cerca?q=posta+elettronica&sezione=tecnologia" in listing.links


@pytest.mark.parametrize(
    "url, why",
    [
        (f"{SITE}/citt%C3%A0-e-territorio/", "path of a UTF-8 page"),
        (f"{SITE}/2023/02/10/indennizzo-perch%C3%A9-cos%C3%AC-poco/", "path of a UTF-8 page"),
        (f"{SITE}/cerca?q=citt%C3%A0", "query of a UTF-8 page"),
        (f"{SITE}/citt%C3%A0/", "path of a windows-1252 page: paths are always UTF-8"),
        (
            f"{SITE}/archivio/2023/gennaio/cerca?q=perch%E9",
            "query of a windows-1252 page, in its encoding",
        ),
    ],
)
def test_non_ascii_href_is_percent_encoded(listing, article, url, why):
    assert url in listing.links + article.links


def test_lying_charset_does_not_garble_links(article):
    # Scrapy read the page as the header's UTF-8 and followed .../cerca?q=perch%EF%BF%BD
    assert not [url for url in article.links if "%EF%BF%BD" in url]


# --- <base href> -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"{SITE}/archivio/2023/gennaio/guasto-server.html",
        f"{SITE}/archivio/2023/febbraio/rimborsi.html",
        f"{SITE}/archivio/2023/gennaio/?pagina=2",
        f"{SITE}/archivio/2023/gennaio/",  # "#commenti" points at the base, not at the page
    ],
)
def test_relative_link_is_resolved_against_base_href(article, url):
    assert url in article.links


@pytest.mark.parametrize(
    "url",
    [f"{SITE}/2023/01/23/libero-mail-non-funziona/", f"{SITE}/2023/01/25/posta-ripristinata/"],
)
def test_absolute_link_ignores_base_href(article, url):
    assert url in article.links


def test_no_link_is_resolved_against_the_page_url_when_there_is_a_base(article):
    assert not [url for url in article.links if url.startswith(ARTICLE_URL)]


# --- follow patterns ---------------------------------------------------------------------------


def test_follow_patterns_keep_matching_links_in_page_order(follow):
    assert follow.links == [
        f"{SITE}/2023/01/23/libero-mail-non-funziona/",
        f"{SITE}/2023/01/24/italiaonline-spiega/",
        f"{SITE}/2023/01/25/posta-ripristinata/",
        f"{SITE}/2023/01/26/rimborsi-libero-mail/?utm_source=sezione",
        f"{SITE}/2023/01/27/garante-privacy/",
        f"{SITE}/2023/02/10/indennizzo-perch%C3%A9-cos%C3%AC-poco/",
        f"{SITE}/tecnologia/?page=2",
        f"{SITE}/tecnologia/?page=3",
        f"{SITE}/2023/01/28/speciale-posta/",
    ]


@pytest.mark.parametrize(
    "url",
    [f"{SITE}/2022/11/02/posta-elettronica-consigli/", f"{SITE}/politica/", f"{SITE}/privacy/"],
)
def test_link_matching_no_follow_pattern_is_not_followed(follow, url):
    assert url not in follow.links


def test_follow_patterns_do_not_let_offsite_links_through(follow):
    assert all(url.startswith(f"{SITE}/") for url in follow.links)


# --- an article page: stored, its links followed too ------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("url", ARTICLE_URL),
        ("title", "Italiaonline spiega cosa è successo ai server della posta"),
        ("published", "2023-01-24T18:05:00+01:00"),
        ("source", "notiziario"),
        ("kind", "news"),
        ("found_via", "page"),
        ("incident", "libero-2023"),
    ],
)
def test_article_item(document, field, value):
    assert getattr(document, field) == value


def test_article_item_is_the_one_document_from_gives(document):
    alone = build_spider(SiteSpider, "notiziario").document_from(article_response())
    assert replace(alone, fetched_at=None) == replace(document, fetched_at=None)


# --- one parse per page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_response", [listing_response, article_response], ids=["listing", "article"]
)
def test_scrapy_never_builds_its_selector(make_response):
    response = make_response()
    crawl("notiziario", response)
    assert response._cached_selector is None


@pytest.mark.parametrize(
    "make_response", [listing_response, article_response], ids=["listing", "article"]
)
def test_page_is_parsed_once(make_response, monkeypatch):
    parses = []
    ours = incident_timeline.extract.article.parse
    monkeypatch.setattr(
        incident_timeline.extract.article, "parse", lambda text: parses.append("ours") or ours(text)
    )
    theirs = parsel.selector.create_root_node
    monkeypatch.setattr(
        parsel.selector,
        "create_root_node",
        lambda *a, **k: parses.append("parsel") or theirs(*a, **k),
    )
    crawl("notiziario", make_response())
    assert parses == ["ours"]


# --- pages that are not HTML, or that extraction cannot read ------------------------------------


@pytest.mark.parametrize(
    "name, url, headers",
    [
        ("not-a-feed.png", f"{SITE}/logo.png", {"Content-Type": "image/png"}),
        ("not-a-feed.json", f"{SITE}/api/notizie", {"Content-Type": "application/json"}),
        ("not-a-feed.xml", f"{SITE}/dati.xml", {"Content-Type": "application/xml"}),
    ],
)
def test_page_that_is_not_html_yields_nothing(name, url, headers):
    assert (
        list(
            build_spider(SiteSpider, "notiziario").parse(file_response(PAGES / name, url, headers))
        )
        == []
    )


def test_page_that_is_not_html_is_counted():
    not_html = build_spider(SiteSpider, "notiziario")
    list(
        not_html.parse(
            file_response(
                PAGES / "not-a-feed.png", f"{SITE}/logo.png", {"Content-Type": "image/png"}
            )
        )
    )
    assert stat(not_html, "timeline/dropped/not html") == 1


def test_html_served_as_plain_text_is_stored_but_not_followed():
    response = file_response(
        PAGES / "article-undated.html",
        f"{SITE}/2023/01/23/libero-mail-non-funziona/",
        {"Content-Type": "text/plain; charset=utf-8"},
    )
    assert type(response) is TextResponse
    plain = crawl("notiziario", response)
    assert (len(plain.items), plain.links) == (1, [])


@pytest.fixture
def broken_extraction(monkeypatch):
    def from_tree(tree, url, tz, now):
        tree.find("body").clear()  # whatever extraction does to the tree before it fails
        raise ValueError("a page extraction cannot read")

    monkeypatch.setattr(incident_timeline.extract.article, "from_tree", from_tree)


def test_page_extraction_cannot_read_keeps_its_links(broken_extraction):
    assert crawl("notiziario", listing_response()).links == LISTING_LINKS


def test_page_extraction_cannot_read_is_still_a_document_with_its_og_title(broken_extraction):
    items = crawl("notiziario", article_response()).items
    assert [item.title for item in items] == [
        "Italiaonline spiega cosa è successo ai server della posta"
    ]


def test_empty_page_follows_nothing():
    # its empty item is left to RelevanceFilter to drop (as "empty"), as before
    response = HtmlResponse(LISTING_URL, body=b"<html></html>", headers=HTML_UTF8)
    assert crawl("notiziario", response).links == []
