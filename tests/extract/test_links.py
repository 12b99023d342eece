"""extract_page: a page's links from the tree extraction parsed, as Scrapy's LinkExtractor
reads them."""

import codecs
from urllib.parse import urldefrag

import pytest
from incident_timeline.extract import extract_article, extract_page
from incident_timeline.extract.encoding import decode_page
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from .conftest import NOW, PAGES

URL = "https://www.esempio.test/tecnologia/guasto.html"
SAVED = sorted(PAGES.rglob("*.htm*"))
SCRAPY = LinkExtractor(unique=True, deny_extensions=[])


def extract_links(html, url: str | None = None) -> list[str]:
    """The links extract_page gives (the spider follows them, after its own filters)."""
    return extract_page(html, url, now=NOW).links


def scrapy_links(body: bytes) -> list[str]:
    """What the spider used to follow (before its own filters), fragments removed, once each."""
    response = HtmlResponse(URL, body=body, headers={"Content-Type": "text/html"})
    return list(dict.fromkeys(urldefrag(link.url).url for link in SCRAPY.extract_links(response)))


@pytest.mark.parametrize("path", SAVED, ids=lambda p: str(p.relative_to(PAGES)))
def test_saved_page_links_are_scrapys(path):
    body = path.read_bytes()
    ours = [
        url
        for url in extract_links(body, URL)
        if url.startswith(("http:", "https:", "ftp:", "file:"))
    ]
    assert ours == scrapy_links(body)


@pytest.mark.parametrize("path", SAVED[::24], ids=lambda p: str(p.relative_to(PAGES)))
def test_extract_page_article_is_extract_articles(path):
    body = path.read_bytes()
    assert extract_page(body, URL, now=NOW).article == extract_article(body, URL, now=NOW)


@pytest.mark.parametrize(
    "html, links",
    [
        (
            '<a href="a">1</a><a href="/b">2</a><a href="//altro.test/c">3</a>',
            [
                "https://www.esempio.test/tecnologia/a",
                "https://www.esempio.test/b",
                "https://altro.test/c",
            ],
        ),
        (
            '<a href="/b#uno">1</a><a href="/b#due">2</a><a href="/b">3</a>',
            ["https://www.esempio.test/b"],
        ),
        ('<a href="#su">su</a>', [URL]),
        ('<a href=" \t/b\n ">1</a>', ["https://www.esempio.test/b"]),
        ('<a href="http://[::1">bad</a><a href="/b">2</a>', ["https://www.esempio.test/b"]),
        (
            '<a href="mailto:a@b.it">m</a><a href="javascript:void(0)">j</a>',
            ["mailto:a@b.it", "javascript:void(0)"],
        ),
        ('<a name="x">no href</a><link rel="next" href="/p2"><img src="/i.png">', []),
        ('<map><area href="/zona"></map>', ["https://www.esempio.test/zona"]),
        ('<base href="/archivio/"><a href="a">1</a>', ["https://www.esempio.test/archivio/a"]),
        (
            '<base href="http://cdn.esempio.test/x/"><a href="a">1</a>',
            ["http://cdn.esempio.test/x/a"],
        ),
        (
            '<base target="_top"><base href="/uno/"><base href="/due/"><a href="a">1</a>',
            ["https://www.esempio.test/uno/a"],
        ),
        (
            '<base href=""><base href="/due/"><a href="a">1</a>',
            ["https://www.esempio.test/tecnologia/a"],
        ),
        ('<p><a href="a">1</a></p><base href="/tardi/">', ["https://www.esempio.test/tardi/a"]),
    ],
    ids=[
        "relative",
        "fragments",
        "fragment-only",
        "whitespace",
        "bogus",
        "non-http",
        "not-links",
        "area",
        "base",
        "base-absolute",
        "first-base-href",
        "empty-base",
        "base-anywhere",
    ],
)
def test_links(html, links):
    assert extract_links(html, URL) == links


@pytest.mark.parametrize(
    "codec, query",
    [
        ("utf-8", "q=citt%C3%A0"),
        ("cp1252", "q=citt%E0"),
        ("iso-8859-15", "q=citt%E0"),
        ("utf-16", "q=citt%C3%A0"),  # as browsers do: never a query in UTF-16
    ],
)
def test_non_ascii_query_is_written_in_the_pages_encoding(codec, query):
    body = f'<meta charset="{codec}"><a href="/cerca?q=città">c</a>'.encode(codec)
    assert extract_links(body, URL) == [f"https://www.esempio.test/cerca?{query}"]


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_non_ascii_path_is_always_utf8(codec):
    body = f'<meta charset="{codec}"><a href="/città/perché">c</a>'.encode(codec)
    assert extract_links(body, URL) == ["https://www.esempio.test/citt%C3%A0/perch%C3%A9"]


def test_query_the_pages_encoding_cannot_write_falls_back_to_utf8():
    body = '<meta charset="windows-1252"><a href="/cerca?q=&#26085;&#26412;">c</a>'.encode("cp1252")
    assert extract_links(body, URL) == ["https://www.esempio.test/cerca?q=%E6%97%A5%E6%9C%AC"]


def test_without_a_url_relative_links_stay_relative():
    assert extract_links('<a href="/b#x">1</a><a href="http://s.it/c">2</a>') == [
        "/b",
        "http://s.it/c",
    ]


def test_empty_page_has_no_links():
    assert extract_page(b"  ", URL).links == []


def test_links_are_read_before_extraction_touches_the_tree(monkeypatch):
    import incident_timeline.extract.article as article

    def from_tree(tree, *args):
        tree.find("body").clear()
        return article.Article()

    monkeypatch.setattr(article, "from_tree", from_tree)
    assert extract_page(
        '<nav><a href="/menu">m</a></nav><footer><a href="/fondo">f</a></footer>', URL
    ).links == ["https://www.esempio.test/menu", "https://www.esempio.test/fondo"]


@pytest.mark.parametrize(
    "body, codec",
    [
        ("La responsabilità è nostra".encode("cp1252"), "cp1252"),
        ("La responsabilità è nostra".encode(), "utf-8"),
        (b"ascii only", "ascii"),
        (codecs.BOM_UTF16_LE + "<p>città</p>".encode("utf-16-le"), "utf-16-le"),
        ('<meta charset="iso-8859-1"><p>città</p>'.encode("cp1252"), "cp1252"),
        ('<meta charset="iso-8859-1"><p>città</p>'.encode(), "utf-8"),  # the declaration lies
    ],
)
def test_decode_page_names_the_codec_it_read_with(body, codec):
    assert decode_page(body)[1] == codec
