"""sources/libero-2023.yml (the real web): it loads, and its archive and follow patterns match
the URL shapes of the reporting."""

import datetime as dt
from pathlib import Path

import pytest
from incident_timeline.config import load_config
from incident_timeline.spiders.incident import IncidentSpider, readers_of
from scrapy.utils.test import get_crawler

ROOT = Path(__file__).resolve().parents[2]
SOURCES_FILE = ROOT / "sources" / "libero-2023.yml"
# every source of the file, in its order: the checks over all sources go over these names
SOURCE_NAMES = [
    "ilpost",
    "ilfattoquotidiano",
    "iltempo",
    "corriere",
    "fanpage",
    "ilgiornale",
    "libero-aiuto",
    "virgilio-aiuto",
    "libero-login",
    "virgilio-login",
    "altroconsumo",
    "codacons",
    "confconsumatori",
    "agcom",
]

# Articles in the shapes the January 2023 reporting used (slugs made up), and pages that are not
# articles.
ARTICLES = {
    "ilpost": "https://www.ilpost.it/2023/01/24/libero-mail-virgilio-problemi/",
    "ilfattoquotidiano": "https://www.ilfattoquotidiano.it/2023/01/25/libero-mail-palazzo-chigi/6945123/",
    "iltempo": "https://www.iltempo.it/politica/2023/01/25/news/libero-mail-agcom-interrogazione-34701234/",
    "corriere": "https://www.corriere.it/tecnologia/23_gennaio_24/libero-mail-codacons-1b2c3d4e-9b8a-11ed-a1b2-3c4d5e6f7a8b.shtml",
    "fanpage": "https://www.fanpage.it/innovazione/tecnologia/libero-mail-torna-a-funzionare/",
    "ilgiornale": "https://www.ilgiornale.it/news/cronache/libero-mail-caselle-bloccate-2106543.html",
    "libero-aiuto": "https://aiuto.libero.it/?p=4531",
    "virgilio-aiuto": "https://aiuto.virgilio.it/articolo/mail/problemi-di-accesso/",
    "codacons": "https://codacons.it/libero-mail-diffida-class-action/",
}
LOGIN_PAGES = {
    "libero-login": "https://login.libero.it/",
    "virgilio-login": "https://mail.virgilio.it/",
}
NOT_ARTICLES = {
    "ilpost": "https://www.ilpost.it/2022/06/14/altro-guasto/",
    "ilfattoquotidiano": "https://www.ilfattoquotidiano.it/tecnologia/",
    "iltempo": "https://www.iltempo.it/politica/",
    "corriere": "https://www.corriere.it/tecnologia/23_giugno_14/libero-mail-di-nuovo-giu-abc.shtml",
    "fanpage": "https://www.fanpage.it/innovazione/tecnologia/libero-mail/commenti/",
    "ilgiornale": "https://www.ilgiornale.it/sezioni/tecnologia.html",
    "libero-aiuto": "https://aiuto.libero.it/wp-login.php",
    "codacons": "https://codacons.it/bollette-luce-gas-aumenti/",
}


@pytest.fixture(scope="module")
def config():
    return load_config(SOURCES_FILE)


@pytest.fixture(scope="module")
def sources(config):
    return {s.name: s for s in config.sources}


def test_loads_with_the_config_loader(config):
    assert config.incident.slug == "libero-2023"


def test_timezone_is_rome(config):
    assert config.incident.timezone == "Europe/Rome"


@pytest.mark.parametrize("day", ["2023-01-22", "2023-01-26", "2023-02-10"])
def test_window_covers_the_january_outage_and_its_aftermath(config, day):
    assert config.incident.window_start <= dt.date.fromisoformat(day) <= config.incident.window_end


def test_window_excludes_the_june_outage(config):
    assert config.incident.window_end < dt.date(2023, 6, 13)


@pytest.mark.parametrize("keyword", ["libero mail", "virgilio mail", "italiaonline"])
def test_keywords(config, keyword):
    assert keyword in config.incident.keywords


def test_libero_alone_is_not_a_keyword(config):
    assert "libero" not in config.incident.keywords


@pytest.mark.parametrize("kind", ["news", "provider", "consumer", "regulator"])
def test_every_kind_of_actor_is_covered(config, kind):
    assert any(s.kind == kind for s in config.sources)


@pytest.mark.parametrize(
    "name",
    [
        "ilpost",
        "ilfattoquotidiano",
        "iltempo",
        "corriere",
        "fanpage",
        "ilgiornale",
        "libero-aiuto",
        "virgilio-aiuto",
        "altroconsumo",
        "codacons",
        "confconsumatori",
        "agcom",
    ],
)
def test_source_is_listed(sources, name):
    assert name in sources


def test_source_names_list_every_source_of_the_file(config):
    assert [s.name for s in config.sources] == SOURCE_NAMES


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_every_url_is_https(sources, name):
    source = sources[name]
    urls = [*source.start_urls, source.feed, source.sitemap, source.statuspage]
    assert all(u.startswith("https://") for u in urls if u)


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_every_source_reads_the_archive(sources, name):
    # The window is long past: live fronts and feeds list today's news.
    assert sources[name].archive


@pytest.mark.parametrize("name", [n for n in SOURCE_NAMES if n not in LOGIN_PAGES])
def test_every_prefix_source_has_follow_patterns(sources, name):
    assert sources[name].follow


def archive_matches(pattern: str, url: str) -> bool:
    """As the archive's index matches a url pattern: scheme and www ignored, a * a prefix."""

    def bare(text: str) -> str:
        return text.split("://", 1)[-1].removeprefix("www.")

    if pattern.endswith("*"):
        return bare(url).startswith(bare(pattern[:-1]))
    return bare(url) == bare(pattern)


@pytest.mark.parametrize("name, url", {**ARTICLES, **LOGIN_PAGES}.items())
def test_archive_patterns_reach_the_article_shape(sources, name, url):
    assert any(archive_matches(p, url) for p in sources[name].archive)


@pytest.mark.parametrize("name", ["ilpost", "ilfattoquotidiano", "corriere"])
def test_dated_archive_patterns_stay_in_the_outage_months(sources, name):
    june_2022 = ARTICLES[name].replace("2023/01", "2022/06").replace("23_gennaio", "22_giugno")
    assert not any(archive_matches(p, june_2022) for p in sources[name].archive)


def test_the_provider_login_pages_are_read_from_the_archive(config):
    patterns = {p for s in config.sources for p in s.archive}
    assert {"https://login.libero.it/", "https://mail.virgilio.it/"} <= patterns


def test_no_discovery_for_a_window_gdelt_no_longer_covers(config):
    assert config.incident.discover_gdelt is None


@pytest.mark.parametrize("name, url", ARTICLES.items())
def test_follow_patterns_match_the_article_shape(sources, name, url):
    assert any(p.search(url) for p in sources[name].follow_patterns)


@pytest.mark.parametrize("name, url", NOT_ARTICLES.items())
def test_follow_patterns_skip_other_pages(sources, name, url):
    assert not any(p.search(url) for p in sources[name].follow_patterns)


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_every_channel_builds_its_reader(config, sources, name):
    readers = [cls for cls, source in readers_of(config) if source.name == name]
    built = [
        cls.from_crawler(get_crawler(cls), config=config, source=sources[name]) for cls in readers
    ]
    assert built and all(reader.hosts for reader in built)  # a source without channels fails


def test_the_incident_spider_builds(config):
    spider = IncidentSpider.from_crawler(get_crawler(IncidentSpider), config=config)
    assert len(spider.readers) == len(config.sources)
