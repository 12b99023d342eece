"""Grammar rules for calendar periods longer than a month: quarters, halves, fiscal years, the
year-end, decades and centuries, in Italian and English.

The rules register themselves in grammar.RULES like the others (grammar imports this module
last); `slice_timex` resolves a quarter or half without a year the way months are resolved.

>>> from incident_timeline.dates import tag_timexes
>>> text = "Net income rose in the third quarter."
>>> [(t["text"], t["value"]) for t in tag_timexes(text, "1989-10-26", "en")]
[('the third quarter', '1989-Q3')]
>>> text = "Negli anni Novanta il traffico era poco."
>>> [(t["text"], t["value"]) for t in tag_timexes(text, "2023-02-03")]
[('anni Novanta', '199')]
"""

import re
from datetime import datetime, timedelta

from .chunk import Chunk
from .grammar import MONTH, YEAR, A, B, E, period, rule
from .lexicon import MONTHS, fold
from .resolve import bounds, choose, direction_for, duration_timex, period_timex, safe_date

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "primo": 1,
    "prima": 1,
    "secondo": 2,
    "seconda": 2,
    "terzo": 3,
    "quarto": 4,
    "ultimo": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
}
SLICES = {
    "quarter": ("Q", 3),
    "quarters": ("Q", 3),
    "trimestre": ("Q", 3),
    "half": ("H", 6),
    "semestre": ("H", 6),
    "metà": ("H", 6),
}
OWN_YEAR = (
    r"(?P<own>this\s+year['’]s|last\s+year['’]s|next\s+year['’]s|"
    r"(?:the\s+)?year[-\s](?:ago|earlier)|"
    f"(?P<yp>{YEAR})|fiscal\\s+(?P<yf>{YEAR}))"
)


# "of" something other than a year or an amount: the slice is of that thing ("the last half of
# the '80s", "the second half of the match"), not of a calendar year.
OF_ANOTHER_PERIOD = re.compile(
    r"\s+(?:of|del|della|dello|degli|dei)\b(?!\s*[$€£\d])"
    r"(?!\s+(?:the\s+)?(?:year|fiscal|current|calendar|anno|"
    r"esercizio)\b)",
    re.I,
)
REPORTING_LAG = 3  # months after its end during which a quarter's results are still to come


def edge_mod(edge: str) -> str | None:
    """The mod an edge word gives a period: "early" → START, "metà" → MID, "late" → END."""
    return (
        "START"
        if re.search("early|primi|inizio", edge)
        else "MID"
        if re.search("mid|metà", edge)
        else "END"
        if re.search("late|fine", edge)
        else None
    )


def slice_resolver(letter: str, size: int, index: int, year: int | None, shift: int = 0):
    """A resolver for the index-th quarter or half; `shift` years back or ahead ("year-ago")."""
    return lambda context, chunk: slice_timex(context, chunk, letter, size, index, year, shift)


def slice_timex(context, chunk, letter, size, index, year, shift=0) -> tuple:
    """ "the third quarter" → 1989-Q3 in an October 1989 article; a half is `H`, a quarter `Q`.

    Without a year, the tense decides as for months, except that a quarter ended in the last three
    months is still ahead for a future verb ("will report third-quarter results" in November); no
    tense: the nearest one.
    """

    today = context.today
    if year is None:
        direction, _ = direction_for(context, chunk)
        now = today.year * 12 + today.month - 1
        starts = [y * 12 + (index - 1) * size for y in (today.year - 1, today.year, today.year + 1)]
        if direction == "past":  # "the first half closed with a profit": the latest one begun
            chosen = max(s for s in starts if s <= now)
        elif direction == "future":  # results come after a quarter ends: one ended lately counts
            chosen = min(s for s in starts if s + size > now - REPORTING_LAG)
        else:
            chosen = choose(
                starts,
                now,
                None,
                False,
                lambda a, b: 0 if a <= b < a + size else a - b if a > b else a + size - 1 - b,
            )
        year = chosen // 12
    year += shift
    start = datetime(year, (index - 1) * size + 1, 1)
    end = datetime(year + (start.month + size - 1) // 12, (start.month + size - 1) % 12 + 1, 1)
    return (f"{year}-{letter}{index}", "DATE", *bounds(context, start, end, chunk.mod))


def relative_slice_timex(
    context, chunk, letter: str, size: int, step: int, in_year: int | None = None
) -> tuple:
    """ "this quarter" (0), "last quarter" (-1), "the latest quarter" (the last one completed);
    `in_year` moves it to that year ("the 1988 quarter")."""

    today = context.today
    current = (today.year * 12 + today.month - 1) // size + step
    year, index = divmod(current * size, 12)
    year = in_year or year
    start = datetime(year, index + 1, 1)
    end = datetime(year + (index + size) // 12, (index + size) % 12 + 1, 1)
    return (f"{year}-{letter}{index // size + 1}", "DATE", *bounds(context, start, end, chunk.mod))


# "the third quarter", "third-quarter", "fiscal second-quarter", "the 1988 third quarter",
# "this year's third quarter", "the first half of 1990", "Q3 2023", "il terzo trimestre del 2023",
# "il primo semestre", "la seconda metà del 2022".
@rule(
    f"{B}(?:(?P<det>the|its|il|lo|la|nel|nello|nella|del|dello|della|al|dal)\\s+)?"
    f"(?:{OWN_YEAR}[\\s-]+)?"
    f"(?:(?:fiscal|calendar)[\\s-]+)?"
    f"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last|primo|prima|secondo|seconda|"
    f"terzo|quarto|ultimo|i|ii|iii|iv|(?P<two>first|last)\\s+two)[\\s-]+(?:fiscal[\\s-]+)?"
    f"(?P<u>quarters?|half|trimestre|semestre|metà)"
    f"(?:(?:\\s+(?:of|in|del|dell{A}|di)\\s*(?:fiscal\\s+|anno\\s+|esercizio\\s+)?|,?\\s+)"
    f"(?P<y>{YEAR})|"
    f"\\s+(?:of\\s+(?P<rel>next|last|this|the\\s+current|the\\s+previous|the\\s+following|"
    f"the)"
    f"\\s+year|"
    f"(?:dell{A}|di\\s+quest{A})\\s*anno"
    f"(?:\\s+(?P<rel2>scorso|prossimo|precedente|successivo))?))?{E}(?!-)",
    {"quarter", "quarters", "half", "trimestre", "semestre", "metà"},
    requires=[
        set(
            "first second third fourth final last primo prima secondo seconda terzo quarto ultimo "
            "i ii iii iv #".split()
        )
    ],
)
def ordinal_slice(m, text):
    word, unit = m["ord"].lower(), m["u"].lower()
    if unit == "metà" and word not in ("prima", "seconda"):
        return None
    if m["two"]:  # "the first two quarters of 1990": a half
        if unit != "quarters":
            return None
        letter, size, index = "H", 6, 1 if word.startswith("first") else 2
    else:
        if unit == "quarters":
            return None
        letter, size = SLICES[unit]
        index = 2 if word == "last" and letter == "H" else ORDINALS.get(word)
        if index is None or index > 12 // size:
            return None
    year = m["y"] or m["yp"] or m["yf"]
    if not year and OF_ANOTHER_PERIOD.match(text, m.end()):
        return None  # "the last half of the '80s", "the first quarter of the century"
    own = (m["own"] or "").lower()
    if word in ("last", "ultimo") and letter == "Q" and not (year or own):
        return None  # "last quarter" is the previous quarter (relative_slice)
    relative = (m["rel"] or m["rel2"] or "").lower()
    # "the second half of next year", "del terzo trimestre dell'anno scorso"
    if relative or m.group().lower().rstrip().endswith("anno"):
        shift = (
            -1
            if re.search("last|previous|scors|precedent", relative)
            else 1
            if re.search("next|following|prossim|successiv", relative)
            else 0
        )
        start = m.start() if (m["det"] or "").lower() == "the" else m.start("ord")
        return Chunk(
            start,
            m.end(),
            resolver=lambda context, chunk: slice_timex(
                context, chunk, letter, size, index, context.today.year, shift
            ),
            info={"period": True},
        )
    shift = -1 if re.search("last|ago|earlier", own) else 1 if own.startswith("next") else 0
    hyphen = text[m.start("u") - 1] == "-"  # "third-quarter profit": an adjective, article outside
    start = (
        m.start()
        if (m["det"] or "").lower() == "the" and not hyphen
        else m.start("own")
        if own
        else m.start("ord")
    )
    if own.startswith(("this", "last", "next")) and not year:  # "last year's third quarter"
        return Chunk(
            start,
            m.end(),
            resolver=lambda context, chunk: slice_timex(
                context, chunk, letter, size, index, context.today.year, shift
            ),
            info={"period": True},
        )
    return Chunk(
        start,
        m.end(),
        resolver=slice_resolver(
            letter, size, index, int(year) if year else None, shift if not year else 0
        ),
        info={"period": True},
    )


@rule(
    f"{B}(?:q(?P<q>[1-4])(?:\\s*(?P<y>{YEAR})|\\s*{A}(?P<yy>\\d\\d))?|"
    f"(?P<q2>[1-4])q(?:\\s*(?P<y2>{YEAR}))?){E}",
    {"q"},
    requires=[{"#"}],
)
def quarter_code(m, text):
    """ "Q3", "Q3 2023", "3Q": quarters in financial shorthand; the capital Q is required."""
    if "Q" not in text[m.start() : m.end()]:
        return None  # "q3" in lower case is rarely a quarter
    year = m["y"] or m["y2"] or (("20" + m["yy"]) if m["yy"] else None)
    return Chunk(
        m.start(),
        m.end(),
        resolver=slice_resolver("Q", 3, int(m["q"] or m["q2"]), int(year) if year else None),
    )


RELATIVE_QUARTER = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "questo": 0,
    "in corso": 0,
    "corrente": 0,
    "last": -1,
    "previous": -1,
    "the previous": -1,
    "the past": -1,
    "the last": -1,
    "scorso": -1,
    "precedente": -1,
    "passato": -1,
    "next": 1,
    "the next": 1,
    "the coming": 1,
    "prossimo": 1,
    "successivo": 1,
}


# "the quarter", "the latest quarter", "last quarter", "the year-ago quarter", "il trimestre
# scorso".
@rule(
    f"{B}(?:(?P<pre>this|the\\s+current|current|last|the\\s+last|the\\s+previous|previous|"
    f"the\\s+past|next|the\\s+next|the\\s+coming|the\\s+latest|latest|the\\s+most\\s+recent|"
    f"(?:the\\s+)?(?:comparable\\s+|same\\s+)?year[-\\s](?:ago|earlier)|the|"
    f"quest{A}ultimo|questo|lo\\s+scorso|il\\s+prossimo|l{A}ultimo|il|nel|del|al|dal)\\s+)"
    f"(?:fiscal\\s+)?(?P<u>quarter|trimestre)"
    f"(?:\\s+(?P<post>scorso|precedente|passato|prossimo|successivo|in\\s+corso|corrente))?"
    f"{E}(?!-|\\s+(?:of|di|del|dello|della|century|secolo|ended|ending|chiuso|concluso|che)\\b)",
    {"quarter", "trimestre"},
)
def relative_quarter(m, text):
    pre = " ".join((m["pre"] or "").lower().split())
    post = " ".join((m["post"] or "").lower().split())
    pre = re.sub(r"^(?:lo|il)\s+", "", pre)
    if post:
        step = RELATIVE_QUARTER[post]
    elif pre in RELATIVE_QUARTER:
        step = RELATIVE_QUARTER[pre]
    elif re.search("ago|earlier", pre):
        step = -5  # the quarter a year before the latest one completed
    else:  # "the quarter", "the latest quarter", "nel trimestre": the last one completed
        step = -1
    if (
        pre in ("il", "nel", "del", "al", "dal", "the")
        and not post
        and text[m.start("u")].isupper()
    ):
        return None  # "the Quarter", a place
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: relative_slice_timex(context, chunk, "Q", 3, step),
        info={"period": True, "compared": step == -5},
    )


# "the quarter ended Sept. 30", "il trimestre chiuso al 30 giugno": the quarter that date closes
# (by its middle, so that a fiscal quarter ended July 31 is the second); the date is its own timex.
@rule(
    f"{B}(?:(?:the|il|nel|del)\\s+)?(?:fiscal\\s+)?(?P<u>quarter|trimestre)"
    f"(?=\\s+(?P<w>ended|ending|chiuso|concluso|terminato)\\s+(?:(?:il|al)\\s+)?"
    f"(?:(?P<m>{MONTH})\\.?\\s+(?P<d>\\d{{1,2}})|(?P<d2>\\d{{1,2}})\\s+(?P<m2>{MONTH})){E})",
    {"quarter", "trimestre"},
    requires=[{"ended", "ending", "chiuso", "concluso", "terminato"}],
)
def quarter_ended(m, text):
    month, day = MONTHS[fold(m["m"] or m["m2"])], int(m["d"] or m["d2"])
    ending = m["w"].lower() == "ending"
    start = m.start() if m.group().lower().startswith("the") else m.start("u")
    return Chunk(
        start,
        m.end(),
        info={"period": True},
        resolver=lambda context, chunk: ended_quarter_timex(context, chunk, month, day, ending),
    )


def ended_quarter_timex(context, chunk, month: int, day: int, ending: bool) -> tuple | None:
    """The quarter whose middle lies 45 days before its closing date: ended (the latest such
    date not after publication) or ending (the nearest)."""

    today = context.today
    dates = [
        d for y in (today.year - 1, today.year, today.year + 1) if (d := safe_date(y, month, day))
    ]
    if not dates:
        return None
    past = [d for d in dates if d <= today]
    end = min(dates, key=lambda d: abs((d - today).days)) if ending or not past else max(past)
    middle = end - timedelta(days=45)
    return slice_timex(context, chunk, "Q", 3, (middle.month - 1) // 3 + 1, middle.year)


# "the latest period" in a results report: the quarter it reports (none if it names no quarter).
@rule(
    f"{B}the\\s+(?:latest|most\\s+recent)\\s+(?:three-month\\s+)?period{E}",
    {"period"},
    requires=[{"latest", "recent"}],
)
def latest_period(m, text):
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: (
            slice_timex(
                context,
                chunk,
                "Q",
                3,
                int(context.report_quarter[-1]),
                int(context.report_quarter[:4]),
            )
            if context.report_quarter
            else None
        ),
    )


# "fiscal 1989", "fiscal year 1990", "FY2023", "esercizio 2022", "anno fiscale 2022".
@rule(
    f"{B}(?:fiscal(?:\\s+year)?|fy|esercizio(?:\\s+fiscale)?|anno\\s+fiscale)\\s*{A}?"
    f"(?P<y>{YEAR}|\\d\\d){E}(?![.,]\\d)",
    {"fiscal", "fy", "esercizio", "fiscale"},
    requires=[{"#"}],
)
def fiscal_year(m, text):
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    return Chunk(m.start(), m.end(), resolver=period("year", year))


# "the current fiscal year", "last fiscal year", "l'esercizio in corso": relative fiscal years.
@rule(
    f"{B}(?:(?:the\\s+)?(?P<pre>current|latest|last|previous|next|coming|this)\\s+fiscal\\s+year|"
    f"the\\s+fiscal\\s+year(?!\\s+end)|"
    f"(?:l{A}|nell{A})\\s*esercizio\\s+"
    f"(?P<post>in\\s+corso|corrente|scorso|precedente|prossimo|successivo)){E}",
    {"fiscal", "esercizio"},
)
def relative_fiscal_year(m, text):
    word = (m["pre"] or m["post"] or "current").lower()
    step = (
        -1
        if re.match("latest|last|previous|scorso|precedente", word)
        else 1
        if re.match("next|coming|prossimo|successivo", word)
        else 0
    )
    direction = {-1: "past", 1: "future", 0: "this"}[step]
    return Chunk(m.start(), m.end(), resolver=period("year", None, direction))


# "year-end", "by year end", "year's end": the end of the year; "since year-end" is last year's.
@rule(
    f"{B}(?P<w>year[-\\s]end|year{A}s\\s+end){E}"
    f"(?!\\s+(?:results|figures|bonus|bonuses|report|dividend|review)\\b)",
    {"year", "year's"},
    requires=[{"end"}],
)
def year_end(m, text):
    return Chunk(m.start(), m.end(), mod="END", resolver=year_end_timex)


def year_end_timex(context, chunk) -> tuple:

    direction, _ = direction_for(context, chunk)
    year = context.today.year - (1 if direction == "past" and context.today.month < 12 else 0)
    return (
        str(year),
        "DATE",
        *bounds(context, datetime(year, 1, 1), datetime(year + 1, 1, 1), "END"),
    )


# "year-earlier profit", "the year-ago period", "the 1988 period", "the 1988 quarter": the year
# before, or that year.
@rule(
    f"{B}(?:(?P<the>the)\\s+)?(?:(?P<rel>year[-\\s](?:ago|earlier))"
    f"(?:\\s+(?P<u>period|quarter|results))?|(?P<y>{YEAR})\\s+(?P<u2>period|quarter)){E}"
    f"(?!\\s+(?:ended|ending)\\b)",
    {"year", "period", "quarter"},
    requires=[{"ago", "earlier", "#year"}],
)
def year_ago_period(m, text):
    if m["u"] == "quarter":
        return None  # relative_quarter
    if m["y"]:
        year = int(m["y"])
        if m["u2"] == "quarter":
            return Chunk(
                m.start(),
                m.end(),
                resolver=lambda context, chunk: relative_slice_timex(
                    context, chunk, "Q", 3, -1, year
                ),
            )
        return Chunk(
            m.start(),
            m.end(),
            resolver=lambda context, chunk: compared_period(context, chunk, year),
            info={"compared": True},
        )
    start = m.start() if m["u"] and m["u"] != "results" else m.start("rel")
    end = m.end("rel") if not m["u"] or m["u"] == "results" else m.end()
    return Chunk(start, end, resolver=compared_period, info={"compared": True})


def compared_period(context, chunk, year: int | None = None) -> tuple:
    """ "up from $3 million a year ago", "the year-earlier period", "the 1988 period": in a text
    reporting a quarter, that quarter a year before (or in `year`); otherwise the year."""
    quarter = context.report_quarter
    if quarter is None:
        return period("year", year, None if year else "past")(context, chunk)
    return slice_timex(context, chunk, "Q", 3, int(quarter[-1]), year or int(quarter[:4]) - 1)


DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
    "venti": 2,
    "trenta": 3,
    "quaranta": 4,
    "cinquanta": 5,
    "sessanta": 6,
    "settanta": 7,
    "ottanta": 8,
    "novanta": 9,
    "duemila": 0,
}
DECADE_ALT = "|".join(DECADE_WORDS)


# "the 1990s", "the '80s", "the early nineties", "the mid-1990s"; "anni Novanta", "gli anni '80",
# "primi anni 2000".
@rule(
    f"{B}(?:(?P<the>the)\\s+)?(?:(?:(?:al)?la\\s+|(?:al)?l{A}|a\\s+)?"
    f"(?P<edge>early|mid|late|primi|inizio|fine|metà)"
    f"[\\s-]*(?:(?:de)?gli\\s+)?)?"
    f"(?:(?P<full>(?:1[89]|20)\\d0)(?<!1[89]00){A}?s|{A}(?P<short>\\d0)s|"
    f"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|"
    f"anni\\s+(?:{A}\\s*(?P<ishort>\\d0)|(?P<ifull>(?:1[89]|20)\\d0)|"
    f"(?P<iword>{DECADE_ALT}))){E}",
    set("s twenties thirties forties fifties sixties seventies eighties nineties anni".split()),
    requires=[
        set(
            "# twenties thirties forties fifties sixties seventies eighties nineties venti trenta "
            "quaranta cinquanta sessanta settanta ottanta novanta duemila".split()
        )
    ],
)
def decade(m, text):
    if m["full"] or m["ifull"]:
        first = int(m["full"] or m["ifull"])
    elif m["short"] or m["ishort"]:
        tens = int(m["short"] or m["ishort"])
        first = (2000 if tens < 20 else 1900) + tens
    else:
        tens = DECADE_WORDS[(m["word"] or m["iword"]).lower()]
        first = 2000 if tens == 0 else 1900 + tens * 10
    if m["iword"] and m["iword"].lower() == "venti" and not text[m.start("iword")].isupper():
        return None  # "anni venti" lower case is "twenty years" as often as the Twenties
    edge = (m["edge"] or "").lower()
    mod = edge_mod(edge)
    start = (
        m.start("the")
        if m["the"]
        else m.start("edge")
        if edge
        else m.start("full")
        if m["full"]
        else m.start("short") - 1
        if m["short"]
        else m.start("word")
        if m["word"]
        else m.start()
    )
    return Chunk(
        start,
        m.end(),
        mod=mod,
        resolver=lambda context, chunk: century_or_decade(context, chunk, first, 10),
    )


# "the last decade", "this decade", "il decennio scorso": the decade before, of or after
# publication.
@rule(
    f"{B}(?:(?P<pre>this|last|next|the\\s+last|the\\s+next|the\\s+previous|questo|lo\\s+scorso|"
    f"il\\s+prossimo)\\s+(?P<u>decade|decennio)|"
    f"(?P<u2>decennio)\\s+(?P<post>scorso|passato|prossimo|in\\s+corso)){E}",
    {"decade", "decennio"},
    requires=[
        {"this", "last", "next", "previous", "questo", "scorso", "prossimo", "passato", "corso"}
    ],
)
def relative_decade(m, text):
    word = " ".join((m["pre"] or m["post"]).lower().split())
    # "over the next decade": the ten years ahead, as "the past decade" is a duration
    if word == "the next":
        return Chunk(
            m.start(),
            m.end(),
            resolver=lambda context, chunk: duration_timex(
                context, chunk, (10, "Y", False), "the next"
            ),
        )
    step = (
        -1
        if re.search("last|previous|scors|passat", word)
        else 1
        if re.search("next|prossim", word)
        else 0
    )
    start = m.start() if m["pre"] else m.start("u2")
    return Chunk(
        start,
        m.end(),
        resolver=lambda context, chunk: century_or_decade(
            context, chunk, (context.today.year // 10 + step) * 10, 10
        ),
    )


ROMAN = {
    "x": 10,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
    "xiv": 14,
    "xv": 15,
    "xvi": 16,
    "xvii": 17,
    "xviii": 18,
    "xix": 19,
    "xx": 20,
    "xxi": 21,
    "xxii": 22,
}
CENTURY_ORDINALS = {
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "undicesimo": 11,
    "dodicesimo": 12,
    "quindicesimo": 15,
    "sedicesimo": 16,
    "diciassettesimo": 17,
    "diciottesimo": 18,
    "diciannovesimo": 19,
    "ventesimo": 20,
    "ventunesimo": 21,
}
CENTURY_NAMES = {
    "trecento": 14,
    "quattrocento": 15,
    "cinquecento": 16,
    "seicento": 17,
    "settecento": 18,
    "ottocento": 19,
    "novecento": 20,
}
ROMAN_CENTURY = "x{1,2}(?:i{1,3}|iv|v|vi{1,3}|ix)?"


# "the 20th century", "the nineteenth century", "this century", "il XX secolo", "il secolo
# scorso", "il Novecento".
@rule(
    f"{B}(?:(?P<the>the|il|lo|nel|del|dal|al)\\s+)?"
    f"(?:(?P<edge>early|mid|late|primi|inizio|fine|metà)[\\s-]+(?:del\\s+)?)?"
    f"(?:(?P<n>1\\d|2[0-2])(?:st|nd|rd|th)[\\s-]+century|"
    f"(?P<ord>{'|'.join(CENTURY_ORDINALS)})[\\s-]+(?:century|secolo)|"
    f"(?P<rel>this|last|next|the\\s+last|the\\s+next|the\\s+previous)\\s+century|"
    f"(?P<roman>{ROMAN_CENTURY})\\s+secolo|(?P<sec>secolo)\\s+(?P<roman2>{ROMAN_CENTURY})|"
    f"(?P<sec2>secolo)\\s+(?P<post>scorso|passato|prossimo|corrente|attuale)|"
    f"(?P<rel2>questo|quest{A}ultimo|lo\\s+scorso|il\\s+prossimo)\\s+secolo|"
    f"(?P<name>{'|'.join(CENTURY_NAMES)})|(?P<hundreds>1[0-9]|20)00{A}?s){E}"
    f"(?!-|\\s+(?:old|years|anni)\\b)",
    {"century", "secolo", "s", *CENTURY_NAMES},
)
def century(m, text):
    edge = (m["edge"] or "").lower()
    mod = edge_mod(edge)
    if m["n"]:
        number = int(m["n"])
    elif m["ord"]:
        number = CENTURY_ORDINALS[" ".join(m["ord"].lower().split())]
    elif m["roman"] or m["roman2"]:
        number = ROMAN.get((m["roman"] or m["roman2"]).lower())
        if number is None:
            return None
    elif m["name"]:
        if not text[m.start("name")].isupper():
            return None  # "cinquecento" lower case is the number 500
        number = CENTURY_NAMES[m["name"].lower()]
    elif m["hundreds"]:
        number = int(m["hundreds"]) + 1  # "the 1800s" are the nineteenth century
    else:
        word = (m["rel"] or m["rel2"] or m["post"]).lower()
        step = (
            -1
            if re.search("last|past|previous|scors|passat", word)
            else 1
            if re.search("next|prossim", word)
            else 0
        )
        start = (
            m.start("the")
            if m["the"] and m["the"].lower() == "the"
            else m.start("rel")
            if m["rel"]
            else m.start("rel2")
            if m["rel2"]
            else m.start("sec2")
        )
        return Chunk(
            start if not edge else m.start("edge"),
            m.end(),
            mod=mod,
            resolver=lambda context, chunk: century_or_decade(
                context, chunk, (context.today.year // 100 + step) * 100, 100
            ),
        )
    the = m["the"] and m["the"].lower() == "the"
    start = (
        m.start("the")
        if the
        else m.start("edge")
        if edge
        else min(
            m.start(group) for group in ("n", "ord", "roman", "sec", "name", "hundreds") if m[group]
        )
    )
    return Chunk(
        start,
        m.end(),
        mod=mod,
        resolver=lambda context, chunk: century_or_decade(context, chunk, (number - 1) * 100, 100),
    )


def century_or_decade(context, chunk, first: int, length: int) -> tuple:
    """ "199" for the 1990s, "19" for the twentieth century (TimeML truncated years)."""

    value = str(first // length)
    return (
        value,
        "DATE",
        *bounds(context, datetime(first, 1, 1), datetime(first + length, 1, 1), chunk.mod),
    )


# "the same period last year", "the corresponding period a year earlier", "last year's quarter",
# "the quarter a year ago", "lo stesso periodo dell'anno scorso", "lo stesso trimestre del 2021":
# the period the text speaks of, a year before (or in the year named).
@rule(
    f"{B}(?:(?:(?:the|lo|il)\\s+)?(?:same|corresponding|comparable|stesso|corrispondente|"
    f"analogo)\\s+(?P<u>period|quarter|month|periodo|trimestre|mese)"
    f"(?:\\s+(?:of\\s+)?(?:last|the\\s+previous|the\\s+prior)\\s+year|"
    f"\\s+a\\s+year\\s+(?:ago|earlier|before)|"
    f"\\s+(?:dell{A}|del)\\s*anno\\s+(?:scorso|precedente|passato)|"
    f"\\s+(?:of|in|del|nel)\\s+(?P<y>{YEAR}))|"
    f"last\\s+year{A}s\\s+(?P<u2>quarter|period)|"
    f"the\\s+(?P<u3>quarter|period)\\s+a\\s+year\\s+(?:ago|earlier)){E}",
    {"same", "corresponding", "comparable", "stesso", "corrispondente", "analogo", "year"},
    requires=[{"period", "quarter", "month", "periodo", "trimestre", "mese"}],
)
def same_period(m, text):
    unit = (m["u"] or m["u2"] or m["u3"]).lower()
    kind = (
        "month"
        if unit in ("month", "mese")
        else "quarter"
        if unit in ("quarter", "trimestre")
        else "period"
    )
    year = int(m["y"]) if m["y"] else None
    return Chunk(
        m.start(),
        m.end(),
        info={"compared": True},
        resolver=lambda context, chunk: same_period_timex(context, chunk, kind, year),
    )


def same_period_timex(context, chunk, kind: str, year: int | None) -> tuple:
    """A month: the last month the text named (else publication's), a year before. A quarter: the
    quarter a report is about (else that of the last month named, else publication's). A period:
    the reported quarter, else the last month named, else the year; each a year before or in
    `year`."""

    named = context.last_month
    if kind == "month" or kind == "period" and named and not context.report_quarter:
        y, month = named or (context.today.year, context.today.month)
        return period_timex(context, chunk, "month", (year or y - 1, month), None)
    if kind == "quarter" or context.report_quarter:
        if context.report_quarter:
            y, index = int(context.report_quarter[:4]), int(context.report_quarter[-1])
        else:
            y, month = named or (context.today.year, context.today.month)
            index = (month - 1) // 3 + 1
        return slice_timex(context, chunk, "Q", 3, index, year or y - 1)
    return period("year", year or context.today.year - 1, None)(context, chunk)
