"""Stemmed full-text search over the plain (unstemmed) FTS5 index of documents.

    stemmed_query('guasti "Libero Mail"')
    # → '("guast"*) AND ("liber"*) AND ("mail"*)'

Each word of the query is reduced with the Italian and the English Snowball stemmers and
searched as a prefix (at most MAX_PREFIX letters, the longest prefix index of
documents_fts), so "guasti" finds "guasto" and "interruzioni" finds "interruzione" without
a second, stemmed index. Only letters and digits reach FTS5: quotes, operators
(AND, OR, NOT, NEAR), parentheses, column filters and a lone "*" are dropped or quoted,
so no user input can be a syntax error. Registered in Datasette as the SQL function
``stem_query(q)`` (registered by timeline/sql_functions.py):

    select * from documents_fts where documents_fts match stem_query(:q)
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import snowballstemmer

STEMMERS = {"it": snowballstemmer.stemmer("italian"), "en": snowballstemmer.stemmer("english")}
MAX_TERMS = 16
MIN_PREFIX = 3
# Prefixes are cut to the longest prefix index of documents_fts (timeline/store.py
# FTS_PREFIX, '3 4 5 6 7 8'): FTS5 answers a prefix query from an index only when the
# lengths match exactly, and an unindexed prefix of a common stem ("ripristin"*, 700,000
# documents) costs ~100 ms per query at a million documents instead of ~25. Eight letters
# in common are rarely a different word ("ripristi"* still finds ripristino, ripristinato).
MAX_PREFIX = 8
# An FTS5 query that is valid and matches nothing: an empty query is not an error, just no hits.
MATCH_NOTHING = '"\u2060"'

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _prefixes(word: str, langs: tuple[str, ...]) -> list[str]:
    """The shortest common prefix of the word and each of its stems (english: fully → full)."""
    prefixes = []
    for lang in langs:
        stem = STEMMERS[lang].stemWord(word)
        prefix = os.path.commonprefix([word, stem])
        if len(prefix) < MIN_PREFIX:
            prefix = word
        prefix = prefix[:MAX_PREFIX]
        if prefix not in prefixes:
            prefixes.append(prefix)
    # "guast" already covers "guasto": keep only prefixes no other one contains.
    return [p for p in prefixes if not any(o != p and p.startswith(o) for o in prefixes)]


@lru_cache(maxsize=1024)
def stemmed_query(q: str | None, langs: tuple[str, ...] = ("it", "en")) -> str:
    """An FTS5 MATCH expression: every word of ``q`` must match one of its stems as a prefix."""
    words = _WORD.findall((q or "").lower())
    # Articles and prepositions ("il", "di", "a") would only narrow the search; keep them
    # only when they are all there is.
    words = [w for w in words if len(w) >= MIN_PREFIX or w.isdigit()] or words
    words = words[:MAX_TERMS]
    terms = []
    for word in words:
        if word.isdigit() or len(word) < MIN_PREFIX:
            options = [f'"{word}"']
        else:
            options = [f'"{p}"*' for p in _prefixes(word, langs)]
        term = "(" + " OR ".join(options) + ")"
        if term not in terms:
            terms.append(term)
    return " AND ".join(terms) if terms else MATCH_NOTHING
