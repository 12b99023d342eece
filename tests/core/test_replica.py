"""The replica server answers as a proxy, maps URLs to files, and never leaves its folder."""

import urllib.error
import urllib.request

import pytest
from incident_timeline.replica import ReplicaServer, file_for


@pytest.fixture
def sites(tmp_path):
    site = tmp_path / "www.news.test"
    (site / "2023" / "01").mkdir(parents=True)
    (site / "index.html").write_text("<html>home</html>")
    (site / "2023" / "01" / "story.html").write_bytes("<p>perché</p>".encode("cp1252"))
    (site / "index.html__p=12").write_text("<html>note 12</html>")
    (site / "feed.rss").write_text("<rss/>")
    (site / "lying.html").write_text("<html>x</html>")
    (site / "lying.html.headers").write_text("Content-Type: text/html; charset=iso-8859-1\n")
    (tmp_path / "secret.txt").write_text("outside")
    return tmp_path


def fetch(server, url):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
    with opener.open(url, timeout=5) as response:
        return response.status, response.headers.get("Content-Type"), response.read()


def test_directory_url_serves_index(sites):
    assert file_for(sites, "http://www.news.test/").name == "index.html"


def test_query_string_maps_to_file_suffix(sites):
    assert file_for(sites, "http://www.news.test/?p=12").name == "index.html__p=12"


def test_path_cannot_escape_the_site(sites):
    assert file_for(sites, "http://www.news.test/../secret.txt") is None


def test_unknown_host_is_none(sites):
    assert file_for(sites, "http://elsewhere.test/") is None


def test_serves_bytes_unchanged_through_proxy(sites):
    with ReplicaServer(sites) as server:
        assert fetch(server, "http://www.news.test/2023/01/story.html")[
            2
        ] == "<p>perché</p>".encode("cp1252")


def test_html_has_no_charset_of_its_own(sites):
    with ReplicaServer(sites) as server:
        assert fetch(server, "http://www.news.test/")[1] == "text/html"


def test_feed_content_type(sites):
    with ReplicaServer(sites) as server:
        assert fetch(server, "http://www.news.test/feed.rss")[1] == "application/rss+xml"


def test_sidecar_headers_override(sites):
    with ReplicaServer(sites) as server:
        assert (
            fetch(server, "http://www.news.test/lying.html")[1] == "text/html; charset=iso-8859-1"
        )


def test_missing_page_is_404(sites):
    with ReplicaServer(sites) as server, pytest.raises(urllib.error.HTTPError) as error:
        fetch(server, "http://www.news.test/nope/")
    assert error.value.code == 404


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="replica folder not found"):
        ReplicaServer(tmp_path / "nope")
