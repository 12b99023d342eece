"""Bylines in languages our own tables lack ("الأربعاء، 07 أكتوبر 2020 - 12:09 م"), read by
dateparser.

A fallback, not the main path: dateparser is slow (its first use of a language costs about a fifth
of a second), so it runs once per page, only on pages our own rules could not date, on the few
byline lines that hold a year, in the language the page declares, when our tables do not cover it.
"""

from __future__ import annotations

import re
from datetime import time

from .candidate import EITHER, Candidate
from .timestamps import LANGUAGES, find_human, make_stamp, zone

# a written year and another number (the day): a line that may hold a whole date
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DAY_RE = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
CLOCK_RE = re.compile(r"(?<!\d)[0-2]?\d\s*[:.h]\s*[0-5]\d(?!\d)")
# "24 نيسان / أبريل 2020": Levantine pages write two names of the month; dateparser reads one
TWO_NAMES_RE = re.compile(r"[^\W\d_]+\s*/\s*(?=[^\W\d_])")
SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DATES_FROM": "past",
}
TRUST = 66
MAX_LINES = 12
UTC = zone("UTC")
# a byline is a short line (as bylines.PROSE_LINE)
SHORT = 120


def dated_lines(lines: list[str]) -> list[str]:
    """The short lines that may hold a whole date (a year and a day number) our own rules cannot
    read.

    >>> dated_lines(["نورهان نبيل", "الأربعاء، 07 أكتوبر 2020 - 12:09 م", "© 2020", "24.01.2023"])
    ['الأربعاء، 07 أكتوبر 2020 - 12:09 م']
    >>> dated_lines(["الجمعة 24 نيسان / أبريل 2020"])
    ['الجمعة 24 أبريل 2020']
    """
    found = []
    for line in lines:
        if (
            len(line) <= SHORT
            and YEAR_RE.search(line)
            and DAY_RE.search(YEAR_RE.sub(" ", line))
            and next(find_human(line, UTC), None) is None
        ):
            found.append(TWO_NAMES_RE.sub("", line))
    return found[:MAX_LINES]


# an undeclared page's language guessed from the script of its byline: first letter of each script
SCRIPTS = (
    ("\u0600", "\u06ff", "ar"),
    ("\u0400", "\u04ff", "ru"),
    ("\u0590", "\u05ff", "he"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u0900", "\u097f", "hi"),
    ("\uac00", "\ud7af", "ko"),
    ("\u3040", "\u30ff", "ja"),
    ("\u4e00", "\u9fff", "zh"),
)


def script_language(texts: list[str]) -> str | None:
    """The language most pages written in the script of these lines use (Arabic script: 'ar'); None
    for Latin.

    >>> script_language(["الجمعة 24 أبريل 2020"])
    'ar'
    """
    for char in "".join(texts):
        if char.isalpha() and char > "\u024f":
            return next((lang for low, high, lang in SCRIPTS if low <= char <= high), None)
    return None


def from_bylines(lines: list[str], lang: str | None, tz) -> list[Candidate]:
    """The first whole date dateparser finds in the byline lines (one call per page), read in
    ``lang`` or, when the page declares none, in the language of the lines' script; never in a
    language our own tables read.
    """
    if lang in LANGUAGES:
        return []
    texts = dated_lines(lines)
    lang = lang or script_language(texts)
    if not lang or not texts:
        return []
    from dateparser.search import search_dates

    try:
        found = search_dates("\n".join(texts), languages=[lang], settings=SETTINGS) or []
    except (
        ValueError,
        LookupError,
        OverflowError,
    ):  # a language dateparser does not know, a date out of range
        return []
    for text, moment in found:
        if not YEAR_RE.search(text):
            continue
        clock = time(moment.hour, moment.minute) if CLOCK_RE.search(text) else None
        return [Candidate(make_stamp(moment.date(), clock, tz), EITHER, TRUST, "dateparser")]
    return []
