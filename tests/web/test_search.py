"""Stemmed search: stemmed_query() and the `search` canned query through Datasette."""

import sqlite3

import pytest
from incident_timeline.search import stemmed_query


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table f using fts5(t, tokenize='unicode61 remove_diacritics 2')")
    conn.executemany(
        "insert into f values (?)",
        [
            ("Un guasto ha bloccato la posta.",),
            ("Una interruzione del servizio.",),
            ("Service was restored on Friday.",),
            ("Niente da segnalare in città.",),
        ],
    )
    return conn


def _hits(fts, q):
    return [row[0] for row in fts.execute("select t from f where f match ?", [stemmed_query(q)])]


def test_plural_finds_singular(fts):
    assert _hits(fts, "guasti") == ["Un guasto ha bloccato la posta."]


def test_interruzioni_finds_interruzione(fts):
    assert _hits(fts, "interruzioni") == ["Una interruzione del servizio."]


def test_english_inflection(fts):
    assert _hits(fts, "restoring") == ["Service was restored on Friday."]


def test_accents_do_not_matter(fts):
    assert _hits(fts, "citta") == ["Niente da segnalare in città."]


@pytest.mark.parametrize(
    "q",
    [
        '"guasto',
        'guasto" OR "',
        "*",
        "AND",
        "NOT guasti",
        "f:guasto",
        "NEAR(guasto posta)",
        "(",
        "''",
        "-guasto",
        "^guasto",
        "",
    ],
)
def test_fts_syntax_never_errors(fts, q):
    assert isinstance(_hits(fts, q), list)


def test_empty_query_matches_nothing(fts):
    assert _hits(fts, "  ") == []


def test_short_words_are_dropped_when_others_remain():
    assert stemmed_query("il guasto") == stemmed_query("guasto")


async def test_search_finds_stemmed_word(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search.json?_shape=array&q=guasti")
    assert any("guasto" in (row["snippet"] or "") for row in response.json())


async def test_search_interruzioni(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search.json?_shape=array&q=interruzioni")
    assert [row["title"] for row in response.json()] == ["Posta Rapida, di nuovo problemi"]


async def test_search_snippet_highlights(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search.json?_shape=array&q=interruzioni")
    assert "<mark>interruzione</mark>" in response.json()[0]["snippet"]


async def test_search_html_renders_highlight(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search?q=interruzioni")
    assert "<mark>interruzione</mark>" in response.text


async def test_search_with_quotes_is_not_an_error(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search.json?_shape=array&q=%22guasto%22+OR+%22")
    assert response.status_code == 200


async def test_search_with_lone_star_is_not_an_error(ds, db_name):
    response = await ds.client.get(f"/{db_name}/search.json?_shape=array&q=*")
    assert response.status_code == 200


async def test_search_filters_by_incident(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}/search.json?_shape=array&q=diffida&incident=postarapida-2023-06"
    )
    assert {row["incident"] for row in response.json()} == {"postarapida-2023-06"}


async def test_stem_query_sql_function(ds, db_name):
    response = await ds.client.get(
        f"/{db_name}.json?_shape=array&sql=select+stem_query('guasti')+as+q"
    )
    assert response.json() == [{"q": '("guast"*)'}]


def test_prefixes_fit_the_prefix_indexes():
    """Every prefix stemmed_query asks for has an index in documents_fts (store.FTS_PREFIX)."""
    import re

    from incident_timeline.search import MAX_PREFIX
    from incident_timeline.store import FTS_PREFIX

    assert MAX_PREFIX == max(int(n) for n in FTS_PREFIX.split())
    query = stemmed_query("ripristinato infrastrutture bacedizoex guasti")
    assert query == '("ripristi"*) AND ("infrastr"*) AND ("bacedizo"*) AND ("guast"*)'
    assert all(3 <= len(p) <= MAX_PREFIX for p in re.findall(r'"(\w+)"\*', query))


# --- the table search box and API stem like the ranked search (web/plugins/table_search.py) ---


async def _titles(ds, url):
    response = await ds.client.get(url)
    assert response.status_code == 200, response.text
    return sorted(row["title"] for row in response.json())


async def test_table_search_stems(ds, db_name):
    # the documents say "guasto"; nobody wrote "guasti"
    assert await _titles(ds, f"/{db_name}/documents.json?_shape=array&_search=guasti") == sorted(
        [
            "Posta Rapida down da domenica sera",
            "Caselle irraggiungibili, cosa sappiamo",
            "Aggiornamento sul disservizio della posta",
            "Posta Rapida <script>alert(1)</script> ancora giù",
        ]
    )


async def test_table_search_finds_what_the_ranked_search_finds(ds, db_name):
    ranked = await _titles(ds, f"/{db_name}/search.json?_shape=array&q=interruzioni")
    assert (
        await _titles(ds, f"/{db_name}/documents.json?_shape=array&_search=interruzioni") == ranked
    )


async def test_table_search_box_shows_the_words(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents?_search=guasti")
    assert 'value="guasti"' in response.text and "4 rows" in response.text


async def test_table_search_of_a_column(ds, db_name):
    assert await _titles(ds, f"/{db_name}/documents.json?_shape=array&_search_title=diffide") == [
        "Di nuovo senza posta: nuova diffida",
        "Posta Rapida, la nostra diffida",
    ]


async def test_table_search_raw_mode_keeps_fts_syntax(ds, db_name):
    titles = await _titles(
        ds, f"/{db_name}/documents.json?_shape=array&_searchmode=raw&_search=guast*"
    )
    assert len(titles) == 4


async def test_table_search_pages_carry_the_words(ds, db_name):
    page = (await ds.client.get(f"/{db_name}/documents.json?_search=posta&_size=2")).json()
    assert "_stem_search=posta" in page["next_url"]


async def test_table_search_with_syntax_is_not_an_error(ds, db_name):
    response = await ds.client.get(f"/{db_name}/documents.json?_search=%22guasto+OR+(")
    assert response.status_code == 200


async def test_every_full_text_table_stems(db_path, tmp_path):
    """A second full-text table (here on sources) stems too, whatever it is."""
    import shutil

    import sqlite_utils
    from incident_timeline.serve import database_name, datasette_for

    copy = tmp_path / "more.db"
    shutil.copy(db_path, copy)
    db = sqlite_utils.Database(copy)
    db["notes"].insert_all(
        [{"id": 1, "body": "Le interruzioni del servizio"}, {"id": 2, "body": "Altro"}], pk="id"
    )
    db["notes"].enable_fts(["body"])
    db.close()
    ds = datasette_for(copy)
    response = await ds.client.get(
        f"/{database_name(copy)}/notes.json?_shape=array&_search=interruzione"
    )
    assert [row["id"] for row in response.json()] == [1]


@pytest.mark.parametrize(
    "args, expected",
    [
        ({"_stem_search": "guasti"}, '("guast"*)'),
        ({"_stem_search_title": "posta"}, '{title} : (("post"*))'),
        ({"_stem_search": "guast*", "_searchmode": "raw"}, "guast*"),
        ({"_stem_search": "  "}, None),
    ],
)
def test_match_expression(args, expected):
    from web.plugins.table_search import match_expression

    assert match_expression(args) == expected
