"""The grammar: regex rules that find pieces of temporal expressions, and the joins between them.

`find_chunks` lowers the text once, picks the rules its words call for (trigger and required
words, see `rule`), runs them over the lowered text, keeps the longest non-overlapping matches, then
joins neighbours ("26 gennaio" + "alle 16" + "circa", "dalle 14" + "alle 18 di ieri") into
chunks that `resolve` turns into TIMEX3 values. Nothing here knows the publication date.

>>> [text[c.start:c.end] for text in ["Ieri verso le 15 è tornato."] for c in find_chunks(text)]
['Ieri verso le 15']
"""

import re
from functools import lru_cache

from .chunk import Chunk
from .lexicon import (
    APOS,
    COMPOUND_NUMBER,
    FEASTS,
    HOLIDAYS,
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    TIME_UNITS,
    TIME_ZONES,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    ZONE_WORDS,
    alternation,
    fold,
    lowered,
    number_value,
)
from .resolve import (
    add_months,
    duration_timex,
    offset_from_last_date,
    offset_timex,
    period_timex,
    point_timex,
    range_timex,
    resolve_day,
    week_of,
)

# Regex fragments shared by the rules.
B = r"(?<![\w])"
E = r"(?![\w])"
NUM_END = r"(?![\d%]|[.,:/]\d|\s*(?:%|per\s*cento|percent))"
A = APOS
MONTH = f"(?:{alternation(MONTHS)})"
MONTH_FULL = f"(?:{alternation(MONTH_NAMES)})"
ITALIAN_ABBREVIATIONS = ("gen", "mag", "giu", "lug", "ago", "set", "sett", "ott", "dic", "mar")
ENGLISH_MONTHS = [w for w in MONTHS if w.isascii() and w not in ITALIAN_ABBREVIATIONS] + ["mar"]
MONTH_EN = f"(?:{alternation(ENGLISH_MONTHS)})"
WEEKDAY = f"(?:{alternation(WEEKDAY_NAMES + [w for w in WEEKDAYS if w.endswith('ì')])})"
WEEKDAY_ANY = f"(?:{alternation(WEEKDAYS)})"
# The compound pattern covers the dictionary's tens.
NUMBER = (
    f"(?:\\d+\\s+1/2|\\d+(?:[.,]\\d+)?|\\d+/\\d+|{COMPOUND_NUMBER}|"
    f"{alternation(w for w in NUMBERS if not re.fullmatch(COMPOUND_NUMBER, w))})"
)
UNIT = f"(?:{alternation(UNITS)})"
POD = f"(?:{alternation(PARTS_OF_DAY)})"
ORDINAL = r"(?:\s*°|º|st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
ARTICLE = f"(?:(?:il|lo|la|l{A}|the)\\s*)?"
PAST_WORD = r"(?:scors[oa]|passat[oa]|last|past|previous)"
NEXT_WORD = r"(?:prossim[oa]|next|coming)"

RULES: list = []  # [name, pattern (compiled on first use), builder, triggers, requires]

# A rule runs only on texts holding one of its trigger words (see words_of for "#" words):
# most rules are skipped for most sentences, which is where the speed comes from.
WORD = re.compile(r"[^\W\d_]+", 0)
SEPARATED = {"#sep"}
TIME_WORDS = set(
    "alle all dalle le ore h verso intorno attorno entro fino prima dopo tra fra circa".split()
)
MONTH_WORDS = set(MONTHS)
WEEKDAY_WORDS = (
    set(WEEKDAYS)
    | {w[:-1] + "i" for w in WEEKDAYS if w.endswith("ì")}
    | {w[:-1] + "í" for w in WEEKDAYS if w.endswith("ì")}
)
POD_WORDS = set(PARTS_OF_DAY)
UNIT_WORDS = set(UNITS)
DIGITS = {"#", "#sep", "#year"}  # any digit, whatever its shape
NUMBER_WORDS = (
    {part for word in NUMBERS for part in re.findall(r"[^\W\d_]+", word)}
    | DIGITS
    | {"paio", "couple", "decina", "quindicina", "ventina", "trentina", "quarantina", "cinquantina"}
    | {"hundred", "thousand", "cento", "mille", "duemila", "tremila"}
    | {
        tens + joint + one
        for tens in TENS
        if not tens.endswith("y")
        for joint in ("", "a", "i")
        for one in (
            "uno",
            "due",
            "tre",
            "tré",
            "quattro",
            "cinque",
            "sei",
            "sette",
            "otto",
            "nove",
            "",
        )
    }
)
EDGE_WORDS = set(
    "inizio inizi metà fine finire early mid late beginning start middle end turn primi "
    "ultimi first days".split()
)
DIRECTION_WORDS = set(
    "scorso scorsa passato passata prossimo prossima questo questa quest last next this "
    "previous following coming current successivo successiva precedente corso corrente".split()
)


def rule(pattern: str, triggers: set, requires=()):
    """Register a builder for a regex; the builder returns a Chunk or None to reject the match.

    Patterns are written in lower case: they run on the lowered text (lexicon.lowered), without
    re.IGNORECASE, and the builder gets the original text for what case tells ("May", names).
    The rule runs when the text holds one of `triggers` and, besides, one word of each set in
    `requires` (a day and month needs a month name and a digit: "marzo" alone wakes it no more).
    """

    def register(
        builder,
    ):  # compiled on first use: a one-sentence run compiles only the rules it needs
        RULES.append(
            [
                builder.__name__,
                pattern,
                builder,
                frozenset(triggers),
                tuple(frozenset(words) for words in requires),
            ]
        )
        return builder

    return register


DIGIT_SEARCH = re.compile(r"\d")
SEPARATED_SEARCH = re.compile(r"\d[/.:\-–]\d|\d\s[-–]\s\d")
YEAR_SEARCH = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")


def words_of(text: str) -> set[str]:
    """The words of a lower-case text, plus "#" if it holds a number, "#sep" for 26/1 or 16:30,
    "#year" for a year: what rule triggers look for.

    >>> sorted(words_of("alle 16:30 del 2023"))
    ['#', '#sep', '#year', 'alle', 'del']
    """
    words = set(WORD.findall(text))
    if DIGIT_SEARCH.search(text):  # three searches in C rather than a Python loop over every digit
        words.add("#")
        if SEPARATED_SEARCH.search(text):
            words.add("#sep")
        if YEAR_SEARCH.search(text):
            words.add("#year")
    return words


@lru_cache(maxsize=1024)
def last_words(text: str, start: int, count: int = 3) -> list[str]:
    """The last `count` words before `start`, lower case: a cheap look before a backward regex."""
    return [w.strip("(\"'“«,;:").lower() for w in text[max(0, start - 32) : start].split()[-count:]]


@lru_cache(maxsize=1024)
def direction_of(word: str | None) -> str | None:
    """'past' for scorso/last, 'future' for prossimo/next, 'this' for questo/this."""
    if not word:
        return None
    word = word.lower()
    if re.search(r"scors|passat|last|past|previous|precedent", word):
        return "past"
    if re.search(r"prossim|next|coming|successiv|following", word):
        return "future"
    if re.search(r"quest|this|corrente|in corso|current", word):
        return "this"
    return None


def valid_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (
        29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    )


def full_year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text.strip("'’"))
    return year + 2000 if year < 100 else year


# ---------------------------------------------------------------- dates


@rule(
    B
    + (
        r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[Tt ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d(?:\.\d+)?)?)"
        r"?(?![\d-])"
    ),
    SEPARATED,
)
def iso_date(m, text):
    month, day = int(m["m"]), int(m["d"])
    if not valid_day(month, day):
        return None
    time = (int(m["h"]), int(m["mi"]), True, None) if m["h"] else None
    return Chunk(m.start(), m.end(), day=("abs", int(m["y"]), month, day, None), time=time)


@rule(
    r"(?<![\w.,/:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-]|"
    r"[.,]\d)",
    SEPARATED,
)
def numeric_date(m, text):
    day, month = int(m["a"]), int(m["b"])
    if m["sep"] != "/" and len(m["y"]) == 2:
        return None
    if not valid_day(month, day) and valid_day(day, month):  # 1/26/2023, American order
        day, month = month, day
    if not valid_day(month, day):
        return None
    return Chunk(m.start(), m.end(), day=("abs", full_year(m["y"]), month, day, None))


STREET = re.compile(
    r"(?<![\w'’])(?:via|viale|v\.le|corso|c\.so|piazza|p\.za|piazzale|largo|vicolo|strada|borgo|"
    r"ponte)\s+$",
    re.I,
)
DAY_CUE = re.compile(
    f"(?:{B}(?:il|del|dal|al|dall{A}|all{A}|entro\\s+il|fino\\s+al|on|aggiornat[oa]\\s+al|"
    f"aggiornamento(?:\\s+del)?|{WEEKDAY})\\s*,?\\s*)$",
    re.IGNORECASE,
)
TIME_AFTER = re.compile(r"\s*,?\s*(?:-\s*)?(?:alle|ore|h\.?|at)(?:\s+ore)?\s*\d", re.IGNORECASE)


@rule(r"(?<![\w.,/:-])(?P<d>\d{1,2})(?:/(?P<m>\d{1,2})|\.(?P<m2>\d\d))(?![\w/]|[.,]\d)", SEPARATED)
def numeric_day_month(m, text):
    """26/1 is a date only next to a cue ("il 26/1", "26/1 alle 16"): elsewhere a fraction or a
    score."""
    day, month = int(m["d"]), int(m["m"] or m["m2"])
    if not valid_day(month, day):
        return None
    if m["m2"] and not DAY_CUE.search(text, max(0, m.start() - 25), m.start()):
        return None  # "16.02" alone is a number; "al 16.02" a date
    if not (
        DAY_CUE.search(text, max(0, m.start() - 25), m.start()) or TIME_AFTER.match(text, m.end())
    ):
        return None
    return Chunk(m.start(), m.end(), day=("abs", None, month, day, None))


@rule(
    B + f"(?:(?P<pre>(?:lo|il)\\s+scorso|(?:il|lo)\\s+prossimo)\\s+)?"
    f"(?:(?P<wd>{WEEKDAY_ANY})\\.?,?\\s+(?:the\\s+)?)?"
    f"(?:(?P<d>\\d{{1,2}}){ORDINAL}|(?P<first>primo|first))\\s+(?:of\\s+|di\\s+)?(?P<m>{MONTH})\\.?"
    f"(?:,?\\s+(?:del\\s+)?(?P<y>{YEAR}|['’]\\d\\d))?(?:\\s+(?P<post>scors[oa]|passat[oa]|"
    "prossim[oa]))?(?![\\w'’]|[.,:]\\d)",
    MONTH_WORDS,
    requires=[DIGITS | {"primo", "first"}],
)
def day_month(m, text):
    if not m["wd"] and not m["pre"] and STREET.search(text, max(0, m.start() - 12), m.start()):
        return None  # "in corso 22 Marzo", "piazza 4 novembre": a street named after a date
    day = 1 if m["first"] else int(m["d"])
    month = MONTHS[fold(m["m"])]
    if not valid_day(month, day):
        return None
    weekday = WEEKDAYS[fold(m["wd"])] if m["wd"] else None
    end = m.end()
    if end == m.end("m") + 1 and text[m.end("m")] == "." and fold(m["m"]) in MONTH_NAMES:
        end -= 1  # "il 12 giugno. In serata...": a full stop, not an abbreviation's dot
    return Chunk(
        m.start(),
        end,
        day=("abs", full_year(m["y"]), month, day, weekday),
        direction=direction_of(m["pre"] or m["post"]),
    )


@rule(
    B + f"(?:(?P<wd>{WEEKDAY_ANY})\\.?,?\\s+)?"
    f"(?P<m>{MONTH_EN})\\.?\\s+(?P<d>\\d{{1,2}})(?:st|nd|rd|th)?"
    f"(?:,?\\s+(?P<y>{YEAR}))?{E}{NUM_END}",
    MONTH_WORDS,
    requires=[DIGITS],
)
def month_day(m, text):
    """English order: "January 26, 2023", "Thu, Jan 26"."""
    month, day = MONTHS[fold(m["m"])], int(m["d"])
    if not valid_day(month, day) or (fold(m["m"]) == "may" and not text[m.start("m")].isupper()):
        return None
    weekday = WEEKDAYS[fold(m["wd"])] if m["wd"] else None
    return Chunk(m.start(), m.end(), day=("abs", full_year(m["y"]), month, day, weekday))


@rule(
    B + f"(?P<wd>{WEEKDAY})\\s+(?:the\\s+)?(?P<d>\\d{{1,2}})(?:°|st|nd|rd|th)?{E}{NUM_END}"
    r"(?!\s*(?:ore|h)\b)",
    WEEKDAY_WORDS,
    requires=[DIGITS],
)
def weekday_day(m, text):
    """ "giovedì 26": the 26th of the month nearest to publication that falls on a Thursday."""
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    return Chunk(m.start(), m.end(), day=("abs", None, None, day, WEEKDAYS[fold(m["wd"])]))


@rule(
    B + f"(?:(?P<pre>(?:lo|il|l{A})\\s*(?:scors[oa]|passat[oa])|(?:il|lo)\\s+prossim[oa]|"
    "(?:quest[oa]|this|last|next|coming|past)\\s+)\\s*)?"
    f"(?P<wd>{WEEKDAY})(?:\\s+(?P<post>scors[oa]|passat[oa]|prossim[oa]))?{E}",
    WEEKDAY_WORDS,
)
def weekday(m, text):
    if (
        fold(m["wd"]) in ("sabato", "domenica")
        and text[m.start("wd")].isupper()
        and re.match(r"\s+[A-Z]", text[m.end() :])
    ):
        return None  # Domenica Rossi, a name
    return Chunk(
        m.start(),
        m.end(),
        day=("wd", WEEKDAYS[fold(m["wd"])], None),
        direction=direction_of(m["pre"] or m["post"]),
    )


# "the following Monday", "the previous Friday", "il venerdì precedente", "il lunedì successivo":
# that weekday after or before the last day the text named.
@rule(
    f"{B}(?:the\\s+(?P<d>following|previous|preceding)\\s+(?P<wd>{WEEKDAY})|"
    f"(?:il|la)\\s+(?P<wd2>{WEEKDAY})\\s+(?P<d2>successiv[oa]|seguente|precedente)){E}",
    {"following", "previous", "preceding", "successivo", "successiva", "seguente", "precedente"},
    requires=[WEEKDAY_WORDS],
)
def anchored_weekday(m, text):
    word = (m["d"] or m["d2"]).lower()
    sign = -1 if word in ("previous", "preceding", "precedente") else 1
    return Chunk(
        m.start(), m.end(), day=("weekday_from_last", WEEKDAYS[fold(m["wd"] or m["wd2"])], sign)
    )


RELATIVE_DAYS = {
    "oggi": 0,
    "today": 0,
    "ieri": -1,
    "yesterday": -1,
    "domani": 1,
    "tomorrow": 1,
    "dopodomani": 2,
    "the day after tomorrow": 2,
}


@rule(
    B + f"(?P<w>l{A}altro\\s*ieri|altro\\s*ieri|altroieri|ieri\\s+l{A}altro|dopodomani|oggi|ieri|"
    f"domani|(?:giornata|data)\\s+odierna|"
    r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow)" + E,
    set("oggi ieri domani altroieri dopodomani today yesterday tomorrow odierna".split()),
)
def relative_day(m, text):
    word = " ".join(m["w"].lower().replace("’", "'").split())
    offset = 0 if word.endswith("odierna") else RELATIVE_DAYS.get(word, -2)
    if word == "oggi" and re.match(r"\s*giorno", text[m.end() :], re.I):
        return None  # "oggi giorno" is "nowadays"
    return Chunk(m.start(), m.end(), day=("rel", offset))


@rule(
    B + f"(?P<w>stamattina|stamani|stamane|domattina|stasera|stanotte|tonight|last\\s+night|"
    "(?:quest[oa]|this)\\s+(?:mattina|mattinata|pomeriggio|sera|serata|notte|nottata|morning|"
    "afternoon|evening)|"
    f"(?:(?:la|the)\\s+)?(?:notte\\s+scorsa|scorsa\\s+notte)|the\\s+night\\s+before){E}",
    POD_WORDS | {"stamattina", "stamani", "stamane", "domattina", "stasera", "stanotte", "tonight"},
)
def part_of_today(m, text):
    word = m["w"].lower()
    if word == "domattina":
        return Chunk(m.start(), m.end(), day=("rel", 1), pod="MO")
    pod = (
        "MO"
        if re.search("mattin|stama|morning", word)
        else "AF"
        if re.search("pomeriggio|afternoon", word)
        else "EV"
        if re.search("sera|evening", word)
        else "NI"
    )
    if re.search("scorsa|last|before", word):
        return Chunk(m.start(), m.end(), day=("rel", -1), pod="NI")
    if pod == "NI" and word != "tonight":
        return Chunk(m.start(), m.end(), pod="NI", info={"this_night": True})
    return Chunk(m.start(), m.end(), day=("rel", 0), pod=pod)


@rule(
    f"{B}(?P<lead>(?:nel\\s+corso\\s+(?:del|della)|durante\\s+(?:il|la)|"
    f"(?:per|entro|verso|fino\\s+a)\\s+(?:il|la)|fino\\s+al|fino\\s+alla|fino\\s+a|"
    f"entro|nel|nella|in|di|del|della|the|in\\s+the|a|al|alla|by|until|till|around|since|from|"
    f"before|after)\\s+)?"
    f"(?:(?P<mod>tard[oa]|prim[oa]|pien[oa]|late|early|mid-?)\\s*)?(?P<pod>{POD}){E}",
    POD_WORDS,
)
def part_of_day(m, text):
    """ "sera", "nel tardo pomeriggio": joined to a day, or standing for the day of publication."""
    mod = m["mod"] and (
        "END"
        if re.match("tard|late", m["mod"], re.I)
        else "START"
        if re.match("prim|early", m["mod"], re.I)
        else "MID"
    )
    lead = (m["lead"] or "").strip().lower()
    word = fold(m["pod"])
    standalone = (
        lead.startswith(("nel", "in", "durante", "per ", "entro", "verso", "fino"))
        or bool(m["mod"])
        and lead in ("by", "until", "till", "around", "since", "from", "before", "after")
    ) and word not in ("night", "overnight")
    if (
        lead in ("in", "nel", "nella")
        and word in ("notte", "nottata")
        or word == "overnight"
        and not m["mod"]
        and not re.match(
            r"\s+(?:train|flight|bus|shift|stay|bag|trip|trains|flights|buses|"
            r"shifts|stays)\b",
            text[m.end() :],
            re.I,
        )
    ):
        # "nella notte", "the storm hit overnight", "overnight losses": the night just ended or
        # the coming one, by tense
        return Chunk(
            m.start("pod") if not m["mod"] else m.start("mod"),
            m.end(),
            pod="NI",
            mod=mod,
            info={"this_night": True},
        )
    start = m.start("mod") if m["mod"] else m.start("pod")
    return Chunk(start, m.end(), pod=PARTS_OF_DAY[word], mod=mod, orphan=not standalone)


# "la mattina del 24", "nella notte del 3": a part of a day given by its number alone, in a month
# near publication.
@rule(
    f"{B}(?P<pod>{POD})\\s+(?:del|di)\\s+(?P<d>[12]?\\d|3[01]){E}"
    f"(?!\\s*(?:{MONTH}|[/.:,]\\d|%|\\d))",
    POD_WORDS,
    requires=[DIGITS, {"del", "di"}],
)
def part_of_numbered_day(m, text):
    return Chunk(
        m.start(),
        m.end(),
        day=("abs", None, None, int(m["d"]), None),
        pod=PARTS_OF_DAY[fold(m["pod"])],
    )


def night_between(m, text):
    """ "la notte tra martedì e mercoledì": the night that starts on the evening before the second
    day."""
    second = [c for c in find_chunks(m["b"]) if c.day]
    if not second:
        return None
    return Chunk(m.start(), m.end(), day=("night_before", second[0].day), pod="NI")


rule(
    f"{B}(?:(?:nella|la|the)\\s+)?(?:notte|nottata|night|overnight)\\s+(?:tra|fra|between|"
    "from)\\s+(?:il\\s+|lo\\s+|the\\s+)?"
    f"(?:{WEEKDAY}|\\d{{1,2}})(?:\\s+\\d{{1,2}})?(?:\\s+{MONTH})?\\s+(?:e|and|to|"
    "into)\\s+(?:il\\s+|lo\\s+|the\\s+)?"
    f"(?P<b>(?:{WEEKDAY}(?:\\s+\\d{{1,2}}(?:\\s+{MONTH}(?:\\s+{YEAR})?)?)?|"
    f"\\d{{1,2}}{ORDINAL}\\s+{MONTH}(?:\\s+{YEAR})?|(?:{MONTH_EN})\\s+\\d{{1,2}}))"
    f"{E}",
    {"notte", "nottata", "night", "overnight"},
    requires=[{"tra", "fra", "between", "from"}, {"e", "and", "to", "into"}],
)(night_between)


@rule(
    f"{B}(?P<h>{alternation(HOLIDAYS)}){E}",
    set(
        "natale vigilia stefano capodanno silvestro epifania befana ferragosto ognissanti "
        "christmas boxing new festa primo immacolata".split()
    ),
)
def holiday(m, text):
    """ "a Natale", "on Christmas Eve": the holiday's date in the year nearest publication."""
    name = " ".join(m["h"].lower().replace("’", "'").split())
    if name == "primo maggio" and re.match(r"\s+\d", text[m.end() :]):
        return None  # "primo maggio 2024" is a date (day_month)
    month, day = HOLIDAYS[name]
    return Chunk(m.start(), m.end(), day=("abs", None, month, day, None))


# Movable feasts: "Pasqua", "Pasquetta", "Easter", "Thanksgiving Day", "last Thanksgiving",
# "Easter week".
@rule(
    f"{B}(?:(?P<pre>last|next|this|lo\\s+scorso|la\\s+scorsa|la\\s+prossima|il\\s+prossimo)\\s+)?"
    f"(?P<f>{alternation(FEASTS)})(?:\\s+(?P<post>scors[oa]|prossim[oa]))?"
    f"(?:\\s+(?P<week>week))?(?:\\s+(?:del\\s+|di\\s+)?(?P<y>{YEAR}))?{E}",
    set(
        "pasqua easter domenica pasquetta angelo santo good pentecoste pentecost thanksgiving "
        "memorial labor election".split()
    ),
)
def movable_feast(m, text):
    name = " ".join(m["f"].lower().replace("’", "'").split())
    lower_case_names = ("labor day", "election day", "memorial day", "good friday")
    if not text[m.start("f")].isupper() and name in lower_case_names:
        return None  # "a good friday for the market", "labor day" lower case
    feast = FEASTS[name]
    direction = direction_of(m["pre"] or m["post"])
    year = int(m["y"]) if m["y"] else None
    if m["week"]:  # "Easter week": the ISO week that ends on Easter Sunday
        return Chunk(
            m.start(),
            m.end(),
            resolver=lambda context, chunk: feast_week(context, chunk, feast, year),
        )
    return Chunk(m.start(), m.end(), day=("feast", feast, year), direction=direction)


def feast_week(context, chunk, feast: str, year: int | None) -> tuple:

    day = resolve_day(context, ("feast", feast, year), None, False)
    return week_of(context, chunk, day, 0)


# ---------------------------------------------------------------- intervals of days


def day_range(m, text):
    month = MONTHS[fold(m["m"])]
    year = full_year(m["y"])
    first, last = int(m["d1"]), int(m["d2"])
    if not (valid_day(month, first) and valid_day(month, last)) or first >= last:
        return None
    if m.start("m") < m.start("d1"):  # "Jan. 22-26": the month opens the first end
        first_span, second_span = (m.start("m"), m.end("d1")), (m.start("d2"), m.end("d2"))
    else:  # "dal 22 al 26 gennaio": the month closes the second end
        first_span, second_span = (m.start("d1"), m.end("d1")), (m.start("d2"), m.end("m"))
    if m["y"]:
        second_span = (second_span[0], m.end("y"))
    start = Chunk(*first_span, day=("abs", year, month, first, None))
    end = Chunk(*second_span, day=("abs", year, month, last, None))
    return Chunk(m.start(), m.end(), ends=(start, end))


rule(
    f"{B}(?P<lead>dal|dall{A}|tra\\s+il|fra\\s+il|tra\\s+l{A}|fra\\s+l{A}|"
    f"(?:tra|fra|nei|dei|dai)\\s+(?:i\\s+)?giorni|from(?:\\s+the)?|between(?:\\s+the)?)\\s*"
    f"(?P<d1>\\d{{1,2}}){ORDINAL}\\s*(?:al|all{A}|e\\s+il|e\\s+l{A}|e|to(?:\\s+the)?|"
    f"and(?:\\s+the)?|until(?:\\s+the)?|-|–)\\s*"
    f"(?P<d2>\\d{{1,2}}){ORDINAL}\\s+(?:of\\s+)?(?P<m>{MONTH})\\.?(?:,?\\s+(?P<y>{YEAR}))?{E}",
    MONTH_WORDS,
    requires=[DIGITS, {"dal", "dall", "tra", "fra", "from", "between", "nei", "dei", "dai"}],
)(day_range)
rule(
    f"(?<![\\w.,/-])(?P<d1>\\d{{1,2}})\\s*[-–]\\s*(?P<d2>\\d{{1,2}})\\s+(?P<m>{MONTH})\\.?"
    f"(?:,?\\s+(?P<y>{YEAR}))?{E}",
    MONTH_WORDS,
    requires=[{"#sep"}],
)(day_range)
rule(
    f"{B}(?:(?:from|between)\\s+)?(?P<m>{MONTH_EN})\\.?\\s+(?P<d1>\\d{{1,2}})(?:st|nd|rd|"
    "th)?\\s*(?:-|–|to|through|until|and)\\s*"
    f"(?P<d2>\\d{{1,2}})(?:st|nd|rd|th)?(?:,?\\s+(?P<y>{YEAR}))?{E}{NUM_END}",
    MONTH_WORDS,
    requires=[{"#sep", "to", "through", "until", "and"}],
)(day_range)


# ---------------------------------------------------------------- months, years, weeks, seasons


def period(kind, value=None, direction=None):
    """A resolver for a calendar period; resolve.period_timex does the work."""

    return lambda context, chunk: period_timex(context, chunk, kind, value, direction)


MOD_WORDS = (
    f"(?P<mod>(?:all{A}|agli\\s+)?inizi[o]?|a\\s+inizio|ad\\s+inizio|d{A}inizio|(?:a\\s+)?metà|"
    "(?:a\\s+|alla\\s+)?fine|sul\\s+finire|"
    f"(?:primi|ultimi)\\s+giorni|(?:the\\s+)?(?:first|last)\\s+days|"
    r"early|mid-?|late|(?:at\s+|by\s+)?the\s+(?:beginning|start|middle|end|turn)|"
    r"(?:in\s+)?the\s+middle)"
)


@lru_cache(maxsize=1024)
def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    return (
        "START"
        if re.search("inizi|early|beginning|start|primi|first", word)
        else "MID"
        if re.search("metà|mid|middle", word)
        else "END"
    )


@rule(
    B
    + (
        f"(?:{MOD_WORDS}\\s*(?:(?:di|del|dello|della|dell{A}|of|"
        f"in)\\s+)?)?(?P<m>{MONTH_FULL})\\s+(?:del\\s+|of\\s+)?(?P<y>{YEAR}){E}{NUM_END}"
    ),
    MONTH_WORDS,
    requires=[{"#year"}],
)
def month_year(m, text):
    if fold(m["m"]) == "may" and not text[m.start("m")].isupper():
        return None
    return Chunk(
        m.start(),
        m.end(),
        mod=mod_of(m["mod"]),
        resolver=period("month", (int(m["y"]), MONTHS[fold(m["m"])])),
    )


@rule(
    B + f"(?:{MOD_WORDS}[\\s-]*(?:(?:di|del|dello|della|dell{A}|of)\\s+)?|(?P<pre>(?:(?:lo|il|"
    f"l{A})\\s*)?(?:scors[oa]|passat[oa])|(?:il|lo)\\s+prossim[oa]|last|next|this|questo|"
    f"quest{A})\\s*)"
    f"(?P<m>{MONTH_FULL})(?:\\s+(?P<post>scors[oa]|passat[oa]|prossim[oa]))?{E}",
    MONTH_WORDS,
    requires=[EDGE_WORDS | DIRECTION_WORDS],
)
def month_with_modifier(m, text):
    """ "lo scorso novembre", "fine gennaio", "early March"; not "this march" (a march)."""
    if fold(m["m"]) in ("may", "march", "august") and not text[m.start("m")].isupper():
        return None
    direction = direction_of(m["pre"] or m["post"])
    return Chunk(
        m.start(),
        m.end(),
        mod=mod_of(m["mod"]),
        resolver=period("month", MONTHS[fold(m["m"])], direction),
    )


# The word before a month: read backwards from the match, so that scanning tries only month names.
MONTH_LEAD = re.compile(
    r"(?<![\w'’])(?P<lead>a|ad|in|di|da|dal|dalla|entro|fino\s+a|"
    r"nel\s+mese\s+di|durante|since|by|until|"
    r"during|of|tra|fra|e|and|or|o|through|from|to|for|till|before|after|"
    r"around|throughout|the|this|that|"
    r"last|next|early|late|mid|each|every)[\s-]+$",
    re.I,
)


@rule(
    f"{B}(?P<m>{MONTH_FULL})(?:\\s+(?P<post>scors[oa]|passat[oa]|prossim[oa]))?{E}(?!\\s*\\d)",
    MONTH_WORDS,
)
def month_alone(m, text):
    """ "a marzo", "in June", "the June agreement", "December's figures"; not "May I", "Marco
    Giugno"."""
    word = fold(m["m"])
    found = MONTH_LEAD.search(text, max(0, m.start() - 16), m.start())
    lead = " ".join(found["lead"].lower().split()) if found else ""
    capital = text[m.start("m")].isupper()
    if lead in ("this", "that", "last", "next", "early", "late", "mid", "each", "every"):
        return None  # other rules: month_with_modifier, recurrence
    if not lead and DAY_NUMBER_BEFORE.search(text[max(0, m.start() - 5) : m.start()]):
        return None  # "piazza 25 Aprile": a day and month that day_month turned down
    if lead in ("", "the"):  # "the June agreement": the month alone
        # A capitalised Italian month after a capitalised word is a surname: "Marco Giugno".
        if word in ITALIAN_MONTHS:
            if capital and CAPITALISED_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                return None
            if STREET.search(text, max(0, m.start() - 12), m.start()):
                return None
        elif (
            not capital
            or word == "may"
            and not re.match(r"['’]s\b", text[m.end() :])
            and not THE_BEFORE.search(text, max(0, m.start("m") - 5), m.start("m"))
        ):
            # English months need their capital; "May" the verb needs an article or "'s"
            return None
        elif word in ("march", "august") and not (
            THE_BEFORE.search(text, max(0, m.start("m") - 5), m.start("m"))
            or re.match(r"['’]s\b|\s*[,.;:)]", text[m.end() :])
        ):
            # "March on Washington", "August body": a month only with an article or closing a phrase
            return None
    elif word == "may" and not capital:
        return None
    direction = direction_of(m["post"])
    if direction is None and (
        lead in ("di", "of") or lead in ("", "the") and MODIFIER_AFTER.match(text, m.end())
    ):
        # "il disservizio di gennaio", "the June agreement": a month naming a thing, not the
        # verb's time
        direction = "nearest"
    return Chunk(m.start("m"), m.end(), resolver=period("month", MONTHS[word], direction))


CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’]*\s+$")
DAY_NUMBER_BEFORE = re.compile(r"\d\s*(?:°|º|st|nd|rd|th)?\s*$")
MODIFIER_AFTER = re.compile(
    r"['’]s\b|"
    r"\s+[a-z]+(?<!\band)(?<!\bor)(?<!\bto)(?<!\bthrough)\b(?!\s*\d)"
)


ITALIAN_MONTHS = {
    w
    for w in MONTH_NAMES
    if not w.isascii()
    or w
    in tuple(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre".split()
    )
}
THE_BEFORE = re.compile(r"(?<![\w'’])(?:the|a|its|their|his|her|this|that)\s+$", re.I)


# "January this year", "June last year", "gennaio dell'anno scorso", "aprile del prossimo anno".
@rule(
    f"{B}(?P<m>{MONTH_FULL})\\s*,?\\s+(?:(?P<en>this|last|next|the\\s+previous|"
    f"the\\s+following)\\s+year|"
    f"(?:di|del|dell{A})\\s*(?:(?P<it>quest{A}|questo|lo\\s+scorso|il\\s+prossimo)\\s*anno|"
    f"anno\\s+(?P<it2>scorso|prossimo|passato|successivo|precedente)))"
    f"{E}",
    MONTH_WORDS,
    requires=[{"year", "anno"}],
)
def month_of_relative_year(m, text):
    word = (m["en"] or m["it"] or m["it2"]).lower()
    step = (
        -1
        if re.search("last|previous|scors|passat|precedent", word)
        else 1
        if re.search("next|following|prossim|successiv", word)
        else 0
    )
    month = MONTHS[fold(m["m"])]
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: month_in_year(context, chunk, month, step),
    )


def month_in_year(context, chunk, month: int, step: int) -> tuple:

    return period_timex(context, chunk, "month", (context.today.year + step, month), None)


YEAR_CUE_WORDS = set(
    """the a an its his her their our your this that these those and or nor to
through in since of from until till by for into between during before after around circa throughout
beyond than both either year fiscal calendar due nel del dal al il lo e o ad da di tra fra entro
anno sin prima dopo come fino verso partire rispetto""".split()
)
LAST_TOKEN = re.compile(r"(?:([^\W\d_]+)(['’]s)?|([(\[,;:–—\-\"“‘/]))\s*$")


def year_cue_before(text: str, start: int) -> bool:
    """Whether the word or sign before a four-digit number makes it a year (see `year`)."""
    before = text[max(0, start - 24) : start]
    if not before.strip():
        return True
    token = LAST_TOKEN.search(before)
    if token is None:
        return False
    word = (token.group(1) or "").lower()
    if token.group(3) or token.group(2):
        return not NOT_A_YEAR_BEFORE.search(before)
    if word in tuple(
        "n nr no num number numero route flight volo treno room model modello versione "
        "version".split()
    ):
        return False
    return (
        word in YEAR_CUE_WORDS
        or word.endswith(("ed", "ing", "ful", "ous", "ive", "less"))
        or word.endswith("anno")
    )


NOT_A_YEAR_BEFORE = re.compile(
    r"(?:[$€£#]|\b(?:n|nr|no|num|number|numero|n\.|route|flight|volo|"
    r"treno|room|model|modello|versione|version))\s*\.?\s*$",
    re.I,
)
COUNT_AFTER_YEAR = re.compile(
    r"\s*(?:%|per\s*cent|percent|euro|€|dollars?|pounds|yen|gb|mb|tb|km|kg|miles|feet|metri|"
    r"chilometri|tons|tonnes|shares|people|persons|employees|workers|jobs|passengers|users|"
    r"customers|members|units|points|votes|troops|"
    r"utenti|persone|clienti|dipendenti|lavoratori|abitanti|passeggeri|punti|voti|azioni|"
    r"unità)\b",
    re.I,
)


# What may stand before a year and change its mod ("early 1997", "mid-1996", "the end of 1990",
# "before 1990"), read backwards from the match so that scanning tries only four-digit numbers.
YEAR_EDGE = re.compile(
    f"(?:{B}{MOD_WORDS}\\s*(?:(?:di|del|dello|della|dell{A}|of)\\s+)?|"
    f"{B}(?P<lead>before|after|prima\\s+del|dopo\\s+il)\\s+)$",
    re.I,
)


YEAR_EDGE_WORDS = set(
    "early mid late mid- inizio inizi metà fine finire beginning start middle end turn of "
    "di del dello della before after prima dopo il giorni days a ad alla all'inizio "
    "d'inizio dell'".split()
)


@rule(
    f"(?<![\\w$€£.,/])(?P<y>(?:1[6-9]|20)\\d\\d){E}{NUM_END}(?![-/]\\d)"
    f"(?P<on>\\s+(?:and\\s+beyond|or\\s+later|and\\s+later|e\\s+oltre|in\\s+poi))?",
    {"#year"},
)
def year(m, text):
    """ "nel 2021", "in 1998", "a 1996 law", "fiscal 1989", "1994, 1995 and 1997"; not "il
    modello 2040", "2000 shares"."""
    if UNIT_AFTER_YEAR.match(text, m.end()) or COUNT_AFTER_YEAR.match(text, m.end()):
        return None
    start = m.start()
    edge = (
        YEAR_EDGE.search(text, max(0, start - 30), start)
        if text[start - 1 : start] in (" ", "-")
        and not YEAR_EDGE_WORDS.isdisjoint(last_words(text, start, 2))
        else None
    )
    if text[start - 1 : start] == "-" and not (edge and edge["mod"]):
        return None  # "2023-2024", "n. 12-2023"; but "mid-1996"
    if not edge and not year_cue_before(text, start):
        return None  # "il treno 2041", "Orion 1980": a name or a number, not a year
    if m["y"] < "1900" and not re.search(
        r"(?<![\w'’])(?:in|since|from|until|by|of|nel|del|dal|"
        r"fino\s+al|dell['’]anno)\s+$",
        text[max(0, start - 16) : start],
        re.I,
    ):
        return None  # before 1900 only after a preposition: "in 1898"; "1800 soldiers" counts
    mod = None
    if edge:
        lead = edge["lead"]
        mod = mod_of(edge["mod"]) or (
            "BEFORE"
            if lead and re.match("before|prima", lead, re.I)
            else "AFTER"
            if lead and re.match("after|dopo", lead, re.I)
            else None
        )
        if mod:
            start = edge.start()
    return Chunk(start, m.end(), mod=mod, resolver=period("year", int(m["y"])))


UNIT_AFTER_YEAR = re.compile(f"\\s*(?:{UNIT})\\b")


# "the last week of May" is a week of that month (ordinal_week), not the week before this one.
NOT_OF_A_MONTH = (
    f"(?!\\s+(?:of|di|del|della)\\s+(?:{MONTH_FULL}|(?:this|next|last|the)\\s+month|mese){E})"
)


@rule(
    f"{B}(?:(?:la|il|lo|l{A}|nella|nel|nell{A}|dalla|dal|della|del|the|over\\s+the|in\\s+the|"
    f"during\\s+the)\\s*)?"
    f"(?:(?P<pre>scors[oa]|passat[oa]|prossim[oa]|quest[oa]|quest{A}|last|next|this|previous|"
    f"following|coming|current)\\s*)?"
    f"(?P<u>settimana|mese|anno|weekend|week-end|fine\\s+settimana|week|month|year)"
    f"(?:\\s+(?P<post>scors[oa]|passat[oa]|prossim[oa]|successiv[oa]|precedente|in\\s+corso|"
    f"corrente))?(?P<orso>\\s+or\\s+so)?{E}{NOT_OF_A_MONTH}",
    {"settimana", "mese", "anno", "weekend", "week", "month", "year"},
    requires=[DIRECTION_WORDS],
)
def relative_period(m, text):
    """ "la settimana scorsa", "quest'anno", "next month"; a bare "settimana" is none."""
    direction = direction_of(m["pre"] or m["post"])
    if direction is None:
        return None
    unit = m["u"].lower()
    kind = (
        "week"
        if re.match("settimana|week$", unit)
        else "weekend"
        if re.search("weekend|week-end|fine", unit)
        else "month"
        if re.match("mese|month", unit)
        else "year"
    )
    word = (m["pre"] or m["post"]).lower()
    if kind != "weekend" and re.match("following|previous|successiv|precedent", word):
        # "the following year": after the year last mentioned
        step = 1 if re.match("following|successiv", word) else -1
        return Chunk(
            m.start(),
            m.end(),
            resolver=lambda context, chunk: anaphoric_period(context, chunk, kind, step),
            info={"period": True},
        )
    return Chunk(
        m.start(),
        m.end(),
        resolver=period(kind, None, direction),
        info={"period": True},
        mod="APPROX" if m["orso"] else None,
    )


WEEK_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "last": 0,
    "final": 0,
    "prima": 1,
    "seconda": 2,
    "terza": 3,
    "quarta": 4,
    "ultima": 0,
}


# "the first week of May", "the last week of the month", "la seconda settimana di marzo", "la
# prima settimana del mese prossimo": an ISO week counted within a month.
@rule(
    f"{B}(?:(?:the|la)\\s+)?(?P<ord>{alternation(WEEK_ORDINALS)})\\s+(?:full\\s+|intera\\s+)?"
    f"(?:week|settimana)\\s+(?:of|in|di|del|della|dello)\\s+(?:(?P<m>{MONTH_FULL})"
    f"(?:,?\\s+(?:del\\s+)?(?P<y>{YEAR}))?|(?P<rel>this|next|last|the)\\s+month|"
    f"mese(?:\\s+(?P<rel2>scorso|prossimo|successivo|precedente|in\\s+corso))?){E}",
    {"week", "settimana"},
    requires=[set(WEEK_ORDINALS), MONTH_WORDS | {"month", "mese"}],
)
def ordinal_week(m, text):
    if m["m"] and fold(m["m"]) == "may" and not text[m.start("m")].isupper():
        return None
    index = WEEK_ORDINALS[m["ord"].lower()]
    month = MONTHS[fold(m["m"])] if m["m"] else None
    year = int(m["y"]) if m["y"] else None
    direction = (direction_of(m["rel"] or m["rel2"]) or "this") if not month else None
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: ordinal_week_timex(
            context, chunk, index, month, year, direction
        ),
    )


def ordinal_week_timex(context, chunk, index: int, month, year, direction) -> tuple:
    """The ISO week holding the month's 4th day (the week with most of its days in the month, as
    ISO 8601 counts a year's first week), then 7 days on for each further one; the last week holds
    the month's fourth day from the end."""
    from datetime import date, timedelta

    value = period_timex(context, chunk, "month", (year, month) if year else month, direction)[0]
    first = date(int(value[:4]), int(value[5:7]), 1)
    day = (
        first + timedelta(days=3 + 7 * (index - 1))
        if index
        else add_months(first, 1) - timedelta(days=4)
    )
    return week_of(context, chunk, day, 0)


def anaphoric_period(context, chunk, kind: str, step: int) -> tuple:
    """The year, month or week `step` from the one the text last mentioned (from publication if
    none)."""

    base = context.last_day or context.today
    if kind == "year":
        return period_timex(context, chunk, "year", (context.last_year or base.year) + step, None)
    if kind == "month":
        year, month = context.last_month or (base.year, base.month)
        index = year * 12 + month - 1 + step
        return period_timex(context, chunk, "month", (index // 12, index % 12 + 1), None)

    return week_of(context, chunk, base, step)


# "that year", "the same year", "later that year", "quell'anno", "lo stesso anno": the year last
# mentioned.
@rule(
    f"{B}(?:(?P<edge>later|earlier)\\s+)?(?:that|the\\s+same|quell{A}|lo\\s+stesso|"
    f"nello\\s+stesso|nell{A}\\s*anno\\s+stesso)\\s*(?:year|anno){E}",
    {"year", "anno"},
    requires=[{"that", "same", "quell", "stesso"}],
)
def that_year(m, text):

    mod = {"later": "END", "earlier": "START"}.get((m["edge"] or "").lower())
    return Chunk(
        m.start(),
        m.end(),
        mod=mod,
        resolver=lambda context, chunk: period_timex(
            context,
            chunk,
            "year",
            context.last_year or (context.last_day or context.today).year,
            None,
        ),
    )


@rule(
    f"{B}(?:per\\s+tutto\\s+)?(?:il|nel|del|dal|al|lo|questo|durante\\s+il|over\\s+the|"
    "during\\s+the|the)\\s+(?P<w>fine\\s+settimana|weekend|week-end)"
    f"{E}(?!\\s+(?:scors|passat|prossim|successiv|precedent))",
    {"settimana", "weekend", "week"},
)
def weekend(m, text):
    """ "il fine settimana", "over the weekend": the weekend the tense points to."""
    return Chunk(m.start("w"), m.end(), resolver=period("weekend"))


@rule(
    f"{B}(?P<lead>nell{A}ultim[oa]|nell{A}arco\\s+dell{A}ultim[oa]|"
    f"(?:in|over|during)\\s+the\\s+(?:past|last)|(?:the\\s+)?past)\\s+"
    f"(?P<u>settimana|mese|anno|ora|giorno|giornata|decennio|week|month|year|hour|day|decade){E}"
    f"{NOT_OF_A_MONTH}",
    {"ultima", "ultimo", "last", "past"},
)
def last_unit(m, text):
    """ "nell'ultima settimana", "over the past week", "the past decade": a duration ending at
    publication."""

    unit = m["u"].lower()
    if unit == "decade" and "last" in m["lead"].lower():
        return None  # "the last decade" is the decade before this one (periods.relative_decade)
    span = (*scaled(1, UNITS[unit]), unit in TIME_UNITS)
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: duration_timex(context, chunk, span, "negli ultimi"),
    )


@rule(
    f"{B}(?:{MOD_WORDS}\\s*(?:(?:di|del|dello|della|of)\\s+|dell{A}\\s*)?)(?P<what>(?:questo\\s+|"
    f"quest{A}|this\\s+|the\\s+)?(?:settimana|mese|anno|week|month|year)"
    f"(?:\\s+(?:scors[oa]|passat[oa]|prossim[oa]|in\\s+corso|corrente))?|{MONTH_FULL}|(?:(?:the|"
    f"this|last|next)\\s+)?(?:week|month|year)){E}",
    MONTH_WORDS | {"settimana", "mese", "anno", "week", "month", "year"},
    requires=[EDGE_WORDS],
)
def period_edge(m, text):
    """ "a fine mese", "inizio settimana", "the end of the month", "fine gennaio"."""
    what = m["what"].lower()
    if fold(what) in MONTHS:
        return Chunk(
            m.start(), m.end(), mod=mod_of(m["mod"]), resolver=period("month", MONTHS[fold(what)])
        )
    kind = (
        "week"
        if re.search("settimana|week", what)
        else "month"
        if re.search("mese|month", what)
        else "year"
    )
    direction = direction_of(what) or "this"
    return Chunk(m.start(), m.end(), mod=mod_of(m["mod"]), resolver=period(kind, None, direction))


@rule(
    f"{B}(?:(?:l{A}|la|lo|il|nella|in|during|the|last|this|next|quest{A}|questa|questo|"
    f"this\\s+past|this\\s+coming)\\s*)?"
    f"(?:(?P<pre>scors[oa]|passat[oa]|prossim[oa]|early|late|mid-?)\\s*)?"
    f"(?P<s>{alternation(SEASONS)})"
    f"(?:\\s+(?P<post>scors[oa]|passat[oa]|prossim[oa]|(?:del|of)?\\s*{YEAR}))?{E}",
    set(SEASONS),
)
def season(m, text):
    """ "l'estate 2023", "la prossima primavera", "last winter"; a bare season needs "in"."""
    word = m.group(0).lower()
    year_match = re.search(YEAR, m["post"] or "")
    pre = (m["pre"] or "").lower()
    edge = pre if re.match("early|late|mid", pre) else ""
    direction = direction_of(None if edge else m["pre"] or m["post"]) or direction_of(
        word.split()[0] if " " in word else None
    )
    if word.startswith("this past"):
        direction = "past"
    if not year_match and direction is None and not re.match(r"(?:in|nella|during|the)\s", word):
        return None
    if fold(m["s"]) == "fall" and not (year_match or direction or edge):
        return None  # "the fall of the government"
    if (
        word.startswith("the")
        and not fold(m["s"]).isascii()
        or fold(m["s"]) == "estate"
        and word.startswith(("the", "this"))
    ):
        return None  # "the estate" is English property
    if word.startswith("the") and re.match(r"\s+of\b", text[m.end() :]) and not year_match:
        return None  # "the spring of discontent"
    value = (int(year_match.group()) if year_match else None, SEASONS[fold(m["s"])])
    mod = (
        "START"
        if edge.startswith("early")
        else "END"
        if edge.startswith("late")
        else "MID"
        if edge
        else None
    )
    direction = None if word.startswith("the") and not direction else direction
    return Chunk(m.start(), m.end(), mod=mod, resolver=period("season", value, direction))


# ---------------------------------------------------------------- times

COUNT_NOUNS = set(
    """persone utenti aziende clienti caselle account email mail messaggi richieste segnalazioni
euro dollari mila milioni miliardi regioni città famiglie imprese squadre domande volte anni mesi
giorni
settimane minuti secondi punti gradi chilometri km metri gb mb tb pagine voci righe dipendenti
lavoratori
tecnici operatori server sedi province comuni associazioni uffici ore""".split()
)
WORDS_AFTER_A_TIME = set(
    "oggi ieri domani circa quasi poi lui lei noi voi mai stamani dopodomani invece così "
    "qui lì già più che come dove quando mentre sono sarebbe nelle delle alle dalle sulle "
    "anche apre chiude parte riparte riprende scade esce torne sempre ancora".split()
)

# A zone stated after a clock time: "10:40 GMT", "5 p.m. EST", "9 a.m. Eastern time", "alle 10.40
# ora di Greenwich", "ore 12 italiane".
ZONE = (
    f"(?P<tzname>(?P<tz>{alternation(ZONE_WORDS)})(?![\\w'’])|"
    r"(?P<tzw>eastern|central|mountain|pacific|london|new\s+york|washington)"
    r"(?:\s+(?:standard|daylight))?\s+time|"
    r"ora\s+(?P<tzi>italiana|di\s+(?:roma|greenwich|londra|new\s+york|washington))|"
    r"(?P<tzi2>italiane))"
)


def zone_of(m, text) -> str | None:
    """The TIME_ZONES key of the zone a match states, or None: an abbreviation must be written in
    capitals ("16:30 est" is east), a zone in English words capitalised."""
    if m["tz"]:
        return m["tz"] if text[m.start("tz") : m.end("tz")].isupper() else None
    if m["tzw"]:
        return " ".join(m["tzw"].split()) if text[m.start("tzw")].isupper() else None
    return " ".join((m["tzi"] or m["tzi2"] or "").split()) or None


# Wire-service clock times, four digits told from a number by the zone after them: "1040 GMT",
# "at around 1410 GMT", "0930 ET". "MT" and "CT" are left out: "1200 MT" is as often metric tons.
@rule(
    f"{B}(?:(?P<lead>around|about|approximately|roughly|circa|shortly\\s+before|"
    f"shortly\\s+after|before|after|verso\\s+le|intorno\\s+alle|alle|dalle)\\s+)?"
    f"(?<![\\w:.,/])(?P<h>[01]\\d|2[0-3])(?P<mi>[0-5]\\d)\\s+"
    f"(?P<tz>{alternation(ZONE_WORDS - {'mt', 'ct', 'west', 'ist'})})(?![\\w'’])",
    ZONE_WORDS,
    requires=[DIGITS],
)
def wire_time(m, text):
    if not text[m.start("tz") : m.end("tz")].isupper():
        return None
    lead = " ".join((m["lead"] or "").lower().split())
    mod = (
        "APPROX"
        if re.search("around|about|approx|roughly|circa|verso|intorno", lead)
        else "BEFORE"
        if "before" in lead
        else "AFTER"
        if "after" in lead
        else None
    )
    return Chunk(
        m.start(),
        m.end(),
        time=(int(m["h"]), int(m["mi"]), True, None),
        mod=mod,
        lead="dalle" if lead == "dalle" else "",
        info={"zone": m["tz"]},
    )


TIME_LEAD = (
    r"(?P<lead>(?:a\s+partire\s+)?dalle|alle|all['’]|verso\s+le|verso\s+l['’]|intorno\s+alle|"
    r"attorno\s+alle|"
    r"entro\s+le|fino\s+alle|prima\s+delle|dopo\s+le|tra\s+le|fra\s+le|e\s+le|circa\s+alle|"
    r"circa\s+le|le\s+ore|"
    r"ore|h\.?)"
)
DAY_BEFORE_TIME = re.compile(
    f"(?:{B}(?:oggi|ieri|domani|domattina|stamattina|stamani|stasera|mattina|pomeriggio|sera|"
    f"{WEEKDAY})|\\d{{4}})\\s*,?\\s*$",
    re.I,
)
POD_HINT = r"(?P<pod>(?:di|del|della)\s+(?:mattina|mattino|pomeriggio|sera|notte))"


# Clock hours and minutes in words: "alle nove", "alle sei e mezza", "alle dieci meno un quarto".
HOUR_WORDS = {
    w: NUMBERS[w]
    for w in tuple(
        "una due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
        "quattordici quindici sedici diciassette diciotto diciannove venti ventuno ventidue".split()
    )
} | {"ventitré": 23, "ventitre": 23}
MINUTE_WORDS = {
    "mezza": 30,
    "mezzo": 30,
    "un quarto": 15,
    "tre quarti": 45,
    "cinque": 5,
    "dieci": 10,
    "quindici": 15,
    "venti": 20,
    "venticinque": 25,
    "trenta": 30,
    "trentacinque": 35,
    "quaranta": 40,
    "quarantacinque": 45,
    "cinquanta": 50,
    "cinquantacinque": 55,
}
LESS_WORDS = {"un quarto": 15, "cinque": 5, "dieci": 10, "venti": 20}
MINUTE_ALT, LESS_ALT = (
    alternation(words).replace("\\ ", r"\s+") for words in (MINUTE_WORDS, LESS_WORDS)
)


@rule(
    f"{B}{TIME_LEAD}\\s*(?:ore\\s+|(?<=[ei]\\s)h\\.?\\s*)?(?:(?P<h>[01]?\\d|2[0-4])|"
    f"(?P<hw>{alternation(HOUR_WORDS)}))"
    f"(?:(?:[:.]|\\s+e\\s+)(?P<mi>[0-5]\\d)|\\s+e\\s+(?P<mw>{MINUTE_ALT})|"
    f"\\s+meno\\s+(?P<less>{LESS_ALT}))?"
    f"{E}{NUM_END}(?:\\s+{POD_HINT})?(?:\\s+{ZONE})?"
    f"(?:\\s*,?\\s+(?P<post>circa|in\\s+punto))?{E}",
    TIME_WORDS,
    requires=[DIGITS | set(HOUR_WORDS) | {"ventitre"}],
)
def time_italian(m, text):
    """ "alle 16", "ore 16.00", "h. 14:45", "verso le 15 circa", "alle nove e mezza"; "alle 16
    aziende" is not a time."""
    lead = " ".join(m["lead"].lower().replace("’", "'").split())
    if m["hw"] and lead in ("tra le", "fra le", "h", "h.", "ore", "le ore"):
        return None  # "tra le due" is mostly "between the two"
    hour = (
        int(m["h"])
        if m["h"]
        else HOUR_WORDS[m["hw"].replace("é", "e") if m["hw"] not in HOUR_WORDS else m["hw"]]
    )
    minute = (
        int(m["mi"]) if m["mi"] else MINUTE_WORDS.get(" ".join((m["mw"] or "").lower().split()), 0)
    )
    if m["less"]:
        hour, minute = (hour - 1) % 24, 60 - LESS_WORDS[" ".join(m["less"].lower().split())]
    given = bool(m["mi"] or m["mw"] or m["less"])
    zone = zone_of(m, text)
    if not given and not m["pod"] and not m["post"] and not zone:
        following = re.match(r"\s+([^\W\d_]+)", text[m.end() :])
        word = following.group(1).lower() if following else ""
        if word in COUNT_NOUNS or (
            word.endswith(("i", "e"))
            and len(word) > 3
            and word not in WORDS_AFTER_A_TIME
            and not DAY_BEFORE_TIME.search(text, max(0, m.start() - 14), m.start())
        ):
            # A plural noun: "alle 12 casse" counts things; "domattina alle 8 riapre" is a time.
            return None
        if (
            word.endswith(("à", "ù"))
            and len(word) > 3
            and not word.endswith(("rà", "rò"))
            and word not in WORDS_AFTER_A_TIME
            and (m["hw"] or not DAY_BEFORE_TIME.search(text, max(0, m.start() - 14), m.start()))
        ):
            return None  # "alle due società", "alle 3 università"; "alle nove riaprirà" is a time
    mod = (
        "APPROX"
        if re.match("verso|intorno|attorno|circa", lead) or (m["post"] or "").lower() == "circa"
        else "BEFORE"
        if lead.startswith("prima")
        else "AFTER"
        if lead.startswith("dopo")
        else None
    )
    pod = PARTS_OF_DAY[m["pod"].split()[-1].lower()] if m["pod"] else None
    end = m.end() if zone or not m["tzname"] else m.start("tzname") - 1  # "16.30 est": the east
    return Chunk(
        m.start(),
        end,
        time=(hour, minute, given, pod),
        mod=mod,
        lead=lead.split()[0]
        if lead.startswith(("dalle", "a partire", "tra", "fra", "e le"))
        else "",
        orphan=lead == "e le",
        info={"zone": zone} if zone else None,
    )


@rule(
    f"{B}(?:delle|per\\s+le|sono\\s+le|erano\\s+le)\\s+(?P<h>[01]?\\d|"
    f"2[0-3])[.:](?P<mi>[0-5]\\d){E}{NUM_END}",
    {"delle", "le"},
    requires=[{"#sep"}],
)
def time_after_article(m, text):
    """ "aggiornamento delle 10.05", "previsto per le 12.30": a clock time; the article stays
    outside the span."""
    following = re.match(r"\s+([^\W\d_]+)", text[m.end() :])
    if following and following.group(1).lower() in COUNT_NOUNS:
        return None  # "delle 10.30 persone" is not a time
    return Chunk(m.start("h"), m.end(), time=(int(m["h"]), int(m["mi"]), True, None))


@rule(
    f"{B}(?:(?P<lead>a|alle|verso|verso\\s+le|intorno\\s+a|intorno\\s+alle|attorno\\s+a|circa\\s+a|"
    "prima\\s+di|prima\\s+della|dopo|dopo\\s+la|"
    f"around|about|at\\s+around|at\\s+about|at|by|before|after|until)\\s+)?"
    r"(?P<w>mezzogiorno|mezzanotte|noon|midday|midnight)" + E,
    {"mezzogiorno", "mezzanotte", "noon", "midday", "midnight"},
)
def noon_midnight(m, text):
    lead = (m["lead"] or "").lower()
    mod = (
        "APPROX"
        if re.search("verso|intorno|attorno|circa|around|about", lead)
        else "BEFORE"
        if re.match("prima|before", lead)
        else "AFTER"
        if re.match("dopo|after", lead)
        else None
    )
    hour = 0 if re.search("notte|night", m["w"], re.I) else 12
    start = m.start() if mod else m.start("w")
    return Chunk(start, m.end(), time=(hour, 0, True, None), mod=mod)


@rule(
    f"(?:{B}(?P<lead>around|about|approximately|roughly|circa|shortly\\s+before|"
    f"shortly\\s+after|before|after|verso\\s+le|intorno\\s+alle)\\s+)?"
    r"(?<![\w:.,/])(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d)(?::\d\d)?|"
    r"\.(?P<mi2>[0-5]\d)(?=\s*[ap]\.?m\.?(?!\w)))?(?:\s*(?P<ap>[ap]\.?m\.?(?!\w)|o['’]clock))?"
    f"(?!\\d|:\\d|[.,]\\d)(?:\\s+{ZONE})?",
    SEPARATED | {"am", "pm", "m", "clock"},
    requires=[DIGITS],
)
def time_clock(m, text):
    """ "16:30", "4pm", "4:30 p.m.", "around 3pm"; a bare number is not a time."""
    if not m["mi"] and not m["ap"]:
        return None
    hour, minute = int(m["h"]), int(m["mi"] or m["mi2"] or 0)
    ap = (m["ap"] or "").lower()
    if ap.startswith("p") and hour < 12:
        hour += 12
    elif ap.startswith("a") and hour == 12:
        hour = 0
    if ap and int(m["h"]) > 12:
        return None
    lead = (m["lead"] or "").lower()
    mod = (
        "APPROX"
        if re.search("around|about|approx|roughly|circa|verso|intorno", lead)
        else "BEFORE"
        if "before" in lead
        else "AFTER"
        if "after" in lead
        else None
    )
    start = m.start() if lead else m.start("h")
    # "5 p.m. EST": the zone is part of the time (its value stays the zone's wall clock, its bounds
    # the instant); "16:30 est" in Italian is not.
    zone = zone_of(m, text)
    end = m.end() if zone or not m["tzname"] else len(text[: m.start("tzname")].rstrip())
    return Chunk(
        start,
        end,
        time=(hour, minute, bool(m["mi"] or m["mi2"]), None),
        mod=mod,
        info={"zone": zone} if zone else None,
    )


CLOCK_HOURS = {
    word: NUMBERS[word]
    for word in "one two three four five six seven eight nine ten eleven twelve".split()
}


# "at 4 in the morning", "until 10 at night", "around three in the afternoon": an English clock
# hour placed by its part of day. The hour needs a preposition before it: "killed 3 in the
# morning raid" counts people.
@rule(
    f"{B}(?P<lead>at|around|about|by|until|till|from|since|before|after|at\\s+around|"
    f"at\\s+about)\\s+(?P<h>1[0-2]|0?[1-9]|{alternation(CLOCK_HOURS)})(?::(?P<mi>[0-5]\\d))?"
    f"(?:\\s+o{A}clock)?\\s+(?:in\\s+the\\s+(?P<pod>morning|afternoon|evening)|"
    f"at\\s+(?P<night>night)){E}(?:\\s+{ZONE})?",
    {"morning", "afternoon", "evening", "night"},
    requires=[
        DIGITS | set(CLOCK_HOURS),
        {"at", "around", "about", "by", "until", "till", "from", "since", "before", "after"},
    ],
)
def clock_in_part_of_day(m, text):
    hour = int(m["h"]) if m["h"].isdigit() else CLOCK_HOURS[m["h"]]
    pod = "NI" if m["night"] else PARTS_OF_DAY[m["pod"]]
    if pod == "NI" and hour < 6 or pod == "MO" and hour == 12:
        pod = "MO" if pod == "MO" else None  # "2 at night" is 02:00
    lead = " ".join(m["lead"].split())
    mod = (
        "APPROX"
        if "around" in lead or "about" in lead
        else "BEFORE"
        if lead == "before"
        else "AFTER"
        if lead == "after"
        else None
    )
    zone = zone_of(m, text)
    start = m.start() if mod else m.start("h")
    end = m.end() if zone or not m["tzname"] else m.start("tzname") - 1
    return Chunk(
        start,
        end,
        time=(hour, int(m["mi"] or 0), bool(m["mi"]), pod),
        mod=mod,
        info={"zone": zone} if zone else None,
    )


# ---------------------------------------------------------------- durations, relative offsets,
# refs, sets

SINGULAR_UNITS = set(
    "ora minuto giorno giornata settimana mese anno hour minute day week month year".split()
)


APPROX_WORDS = (
    r"(?P<approx>circa|quasi|intorno\s+a|attorno\s+a|all['’]incirca|"
    r"about|around|almost|nearly|approximately|roughly|some)"
)
# "un paio d'ore", "una decina di giorni": counts that are approximate by nature.
ROUGH_COUNT = (
    f"(?:un\\s+paio\\s+d(?:i\\s+|{A})|a\\s+couple\\s+of\\s+|"
    "una\\s+(?:decina|quindicina|ventina|trentina|quarantina|cinquantina)\\s+di\\s+)"
)
ROUGH = re.compile(ROUGH_COUNT, re.I)
ROUGH_VALUES = {
    "paio": 2,
    "couple": 2,
    "decina": 10,
    "quindicina": 15,
    "ventina": 20,
    "trentina": 30,
    "quarantina": 40,
    "cinquantina": 50,
}


def duration_of(m, compound: bool = False) -> tuple | None:
    """(count, unit letter, is a time unit) from a match with groups n and u; `compound` for
    "48-hour".

    Decades, centuries, quarters and semesters are counted in years and months ("two decades" →
    20, "Y").
    """
    rough = ROUGH.match(m["n"])
    count = (
        ROUGH_VALUES[re.search(r"paio|couple|\w+ina", m["n"].lower()).group()]
        if rough
        else number_value(m["n"])
    )
    unit = m["u"].lower()
    if count is None or (count not in (1, "X") and unit in SINGULAR_UNITS and not compound):
        return None
    return scaled(count, UNITS[unit]) + (unit in TIME_UNITS,)


def scaled(count, unit: str) -> tuple:
    """ "10Y" units multiply the count: (2, "10Y") → (20, "Y"); an unspecified count stays "X"."""
    if len(unit) == 1:
        return count, unit
    factor, letter = int(unit[:-1]), unit[-1]
    return (count if count == "X" else count * factor), letter


ENGLISH_UNITS = {"hour", "minute", "day", "week", "month", "year", "decade", "century", "quarter"}
ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:a|an|the|its|his|her|their|our|this|that)\s+$", re.I)


@rule(
    f"{B}(?:{APPROX_WORDS}\\s+)?(?P<n>{ROUGH_COUNT}|{NUMBER})\\s*"
    f"(?:(?:trading|business|working|calendar)\\s+)?(?P<u>{UNIT})"
    f"(?P<half>\\s+e\\s+mezz[oa]|\\s+and\\s+a\\s+half)?"
    f"(?P<orso>\\s+or\\s+so)?\\s+(?P<w>fa|or\\s+sono|ago|addietro|prima|earlier|before|dopo|"
    f"later|after|più\\s+tardi){E}",
    set("fa sono ago addietro prima earlier before dopo later after tardi".split()),
    requires=[UNIT_WORDS, NUMBER_WORDS],
)
def offset_ago(m, text):
    """ "tre giorni fa", "two weeks ago": a point in the past; "tre giorni dopo", "a month
    earlier": the DURATION "tre giorni", "a month", as TimeBank marks a measure before
    later/earlier (TIMEX.md)."""
    duration = duration_of(m)
    if duration is None or m["u"].lower() == "h":
        return None
    rough = ROUGH.match(m["n"]) and duration[0] != 2
    mod = "APPROX" if m["approx"] or m["orso"] or rough else None
    if m["half"] and duration[0] != "X":
        duration = (duration[0] + 0.5, *duration[1:])
    word = " ".join(m["w"].lower().split())
    if word not in ("fa", "or sono", "ago", "addietro"):
        end = len(text[: m.start("orso") if m["orso"] else m.start("w")].rstrip())
        return Chunk(
            m.start(),
            end,
            mod=mod,
            resolver=lambda context, chunk: duration_timex(context, chunk, duration, ""),
        )

    if duration == (1, "Y", False) and COMPARISON_BEFORE.search(
        text, max(0, m.start() - 40), m.start()
    ):
        from .periods import compared_period

        return Chunk(m.start(), m.end(), mod=mod, resolver=compared_period, info={"compared": True})
    return Chunk(
        m.start(),
        m.end(),
        mod=mod,
        resolver=lambda context, chunk: offset_timex(context, chunk, duration, -1),
    )


# A figure or a comparison just before "a year ago": "up from $3 million a year ago", "than a year
# ago", "or 12 cents a share, a year ago", "contro i 35 milioni di un anno fa".
COMPARISON_BEFORE = re.compile(
    r"(?:[\d$€%]|\b(?:million|billion|cents?|shares?|than|from|with|"
    r"milioni|miliardi|euro|rispetto|contro))[^.;:!?\d]{0,12}$",
    re.I,
)


# "that day", "the same day", "earlier that day", "that night", "quel giorno", "lo stesso giorno",
# "la sera stessa": the day the text last named (none without one).
@rule(
    f"{B}(?:(?P<edge>earlier|later)\\s+)?"
    f"(?:(?:that(?:\\s+(?:same|very))?|the\\s+(?:same|very))\\s+"
    f"(?P<w>day|morning|afternoon|evening|night)|"
    f"(?:quel(?:lo)?\\s+(?:stesso\\s+)?|lo\\s+stesso\\s+)(?P<w2>giorno|pomeriggio)|"
    f"(?:quella\\s+(?:stessa\\s+)?|la\\s+stessa\\s+)"
    f"(?P<w3>giornata|mattina|mattinata|sera|serata|notte|nottata)|"
    f"(?:il|la)\\s+(?P<w4>giorno|mattina|sera|notte)\\s+stess[oa]){E}"
    f"(?!\\s+(?:of|di|del|della|dello|dell{A})\\b)",
    set(
        "day morning afternoon evening night giorno pomeriggio giornata mattina mattinata "
        "sera serata notte nottata".split()
    ),
    requires=[{"that", "same", "very", "quel", "quello", "quella", "stesso", "stessa"}],
)
def same_day(m, text):
    word = fold(m["w"] or m["w2"] or m["w3"] or m["w4"])
    pod = PARTS_OF_DAY.get(word) if word not in ("day", "giorno", "giornata") else None
    mod = {"earlier": "START", "later": "END"}.get((m["edge"] or "").lower())

    return Chunk(
        m.start(),
        m.end(),
        day=("after_last", 0),
        pod=pod,
        mod=mod,
        resolver=lambda context, chunk: point_timex(context, chunk) if context.last_day else None,
    )


@rule(
    f"{B}(?:(?:il|la)\\s+(?P<w>giorno|giornata|settimana|mattina|sera|notte)\\s+"
    f"(?P<d>dopo|seguente|successiv[oa]|precedente|prima)|"
    f"l{A}(?P<d2>indomani)|the\\s+(?P<d3>next|following|previous|preceding)\\s+"
    f"(?P<w3>day|week|morning|afternoon|evening|night)|"
    f"the\\s+(?P<w4>day|week)\\s+(?P<d4>before|after)){E}",
    set(
        "giorno giornata settimana indomani day week mattina sera notte morning afternoon "
        "evening night".split()
    ),
    requires=[
        set(
            "dopo seguente successivo successiva precedente prima indomani next following "
            "previous preceding before after".split()
        )
    ],
)
def day_after(m, text):
    """ "il giorno dopo", "the next day", "l'indomani", "the next morning": one day from the last
    date mentioned."""

    word, direction = (
        m["w"] or m["w3"] or m["w4"] or "giorno",
        m["d"] or m["d2"] or m["d3"] or m["d4"],
    )
    sign = -1 if re.match("precedente|prima|before|previous|preceding", direction, re.I) else 1
    of_something = OF_AFTER.match(text, m.end())
    if fold(word) in PARTS_OF_DAY:  # "the next morning": that part of the day after
        if of_something:
            return None
        return Chunk(m.start(), m.end(), day=("after_last", sign), pod=PARTS_OF_DAY[fold(word)])
    if GERUND_AFTER.match(text, m.end()):
        return None  # "later in the day before returning home": "before" opens the gerund
    unit = "W" if re.match("settimana|week", word, re.I) else "D"
    # "the day before last Tuesday", "il giorno dopo il 3 febbraio": joined to the date that
    # follows (join_neighbours); "il giorno prima del voto" alone names no day
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: offset_from_last_date(
            context, chunk, (1, unit, False), sign
        ),
        orphan=bool(of_something),
        info={"day_offset": sign} if unit == "D" else None,
    )


OF_AFTER = re.compile(f"\\s+(?:di|del|della|dello|dell{A}|of)(?![\\w'’])", re.I)
GERUND_AFTER = re.compile(r"\s+[a-z]+ing\b")


ANCHOR_LEAD = (
    r"(?P<lead>tra|fra|entro|nel\s+giro\s+di|nell['’]arco\s+di|in|within|"
    r"entro\s+le\s+prossime|entro\s+i\s+prossimi|nelle\s+prossime|nei\s+prossimi|"
    r"negli\s+ultimi|nelle\s+ultime|"
    r"(?:over|in|for|during|within)\s+the\s+(?:past|last|next|coming)|"
    r"the\s+(?:past|last|next))"
)


# English bounds on a measure, inside its span as TimeBank draws it ("more than four hours");
# Italian "oltre", "più di" stay outside (docs/DATES.md). TIMEX.md's mods have no "more than": the
# mod stays null.
QUANTIFIER = (
    r"(?P<quant>more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|"
    r"no\s+more\s+than|over|under)"
)


# What may stand before a measure ("tra", "over the past", "more than", "quasi", "the first"),
# read backwards from the count so that scanning tries only counts followed by a unit.
DURATION_LEAD = re.compile(
    f"(?:{B}{ANCHOR_LEAD}\\s+)?(?:{B}{QUANTIFIER}\\s+)?"
    f"(?:{B}{APPROX_WORDS}\\s+)?"
    f"(?:{B}(?P<first>first|latest|initial|final|year-earlier|"
    f"year-ago)\\s+)?$",
    re.I,
)


# The words one of which a lead before a measure holds (see DURATION_LEAD): most counts have none
# of them near.
DURATION_LEAD_WORDS = set(
    """tra fra entro giro nell'arco arco in within prossime prossimi ultimi
ultime over for during past last next coming more less fewer least most up under circa quasi
intorno attorno incirca all'incirca about around almost nearly approximately roughly some first
latest initial final year-earlier year-ago""".split()
)


@rule(
    f"{B}(?P<n>{ROUGH_COUNT}|{NUMBER})(?P<more>\\s+(?:more|additional|extra|further))?"
    f"(?:\\s*|(?P<hy>-))"
    f"(?:(?P<kind>trading|business|working|calendar)\\s+)?(?P<u>{UNIT})"
    f"(?P<half>\\s+e\\s+mezz[oa]|\\s+and\\s+a\\s+half)?"
    f"(?P<or2>\\s+(?:or|o)\\s+(?P<n2>two|three|due|tre))?(?P<orso>\\s+or\\s+so)?"
    f"(?P<period>\\s+(?:period|term|span|stretch))?{E}"
    r"(?!\s+(?:su|out\s+of|fa|ago|or\s+sono|dopo|prima|later|earlier|after|before)\s|"
    r"\s+(?:a|al|alla|per|every)\s+(?:settimana|mese|anno|week|month|year)\b|-old|-long|"
    r"\s+(?:feriale|festivo|qualsiasi|qualunque|normale|tipo|medio|"
    r"come\s+(?:tanti|gli\s+altri))\b)",
    UNIT_WORDS,
    requires=[NUMBER_WORDS],
)
def duration(m, text):
    """ "72 ore", "da quasi una settimana", "tra due settimane", "for three days"."""
    number, unit = " ".join(m["n"].lower().split()), m["u"].lower()
    head, low = m.start(), range_start(m, text)
    if low is not None:
        head, low = low
    before = (
        DURATION_LEAD.search(text, max(0, head - 40), head)
        if not DURATION_LEAD_WORDS.isdisjoint(last_words(text, head, 4))
        else None
    )
    lead_word, quant, approx, first = (
        (before["lead"], before["quant"], before["approx"], before["first"])
        if before
        else (None,) * 4
    )
    if number in ("a", "an") and not (
        lead_word
        or approx
        or quant
        or m["or2"]
        or re.search(r"\bfor\s+$", text[max(0, m.start() - 5) : m.start()], re.I)
    ):
        return None  # "once a day", "a week" in prose
    if unit == "h" and not number.isdigit():
        return None
    if (
        number in ("one", "un", "uno")
        and unit in ("day", "giorno")
        and not (lead_word or quant)
        and (
            SOMEDAY_BEFORE.search(text, max(0, m.start() - 8), m.start())
            and VERB_AFTER.match(text, m.end())
            or FUTURE_VERB_AFTER.match(text, m.end())
        )
    ):
        # "Islam will one day be...", "he hoped he one day would...", "un giorno tornerà": some
        # day ahead, not a duration
        return Chunk(
            m.start(), m.end(), resolver=lambda context, chunk: ("FUTURE_REF", "DATE", None, None)
        )
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[m.end() :]):
        return None  # "three-quarters of its food": a fraction
    compound = (
        bool(m["hy"])
        or unit in ENGLISH_UNITS
        and bool(ARTICLE_BEFORE.search(text, max(0, m.start() - 7), m.start()))
    )
    # "a five year low", "the two day rally": compounds without a hyphen
    span = duration_of(m, compound=compound)
    if span is None or (span[1] == "Y" and not lead_word and is_age(m, text)):
        return None
    count = span[0]
    if m["half"] and count != "X":
        written = number_value(m["n"])
        count += 0.5 * (span[0] / written if isinstance(written, int) else 1)
    lead = " ".join((lead_word or "").lower().replace("’", "'").split())
    start = (
        before.start("lead")
        if lead
        else before.start("quant")
        if quant
        else before.start("approx")
        if approx
        else before.start("first")
        if first
        else head
    )

    if m["or2"] and count == 1:  # "a day or two", "un giorno o due"
        low = 1, number_value(m["n2"])
    elif low is not None:
        low = low, count
    span = (count, span[1], unit in TIME_UNITS)
    end = m.end() if m["period"] is None or m["hy"] else m.start("period")
    # "a three-year period": the noun and its article belong to the expression
    if m["period"] and m["hy"]:
        compound = False
        article = re.search(r"(?<![\w'’])(?:an?|the)\s+$", text[max(0, start - 5) : start], re.I)
        article = article and start - 5 + article.start() if start >= 5 else None
        start = article if article is not None else start
    rough = ROUGH.match(m["n"]) and count != 2
    resolver = (
        (lambda context, chunk: range_timex(context, chunk, low, span, lead))
        if low
        else (lambda context, chunk: duration_timex(context, chunk, span, lead))
    )
    return Chunk(
        start,
        end,
        mod="APPROX" if approx or m["orso"] or rough else None,
        resolver=resolver,
        info={"compound": True} if compound else None,
    )


# "two to three weeks", "12-18 months", "da due a tre settimane", "due o tre giorni", "tra due e
# tre settimane": a range of counts, read backwards from the second count. "and"/"e"/"a" need
# their opener ("between", "tra", "da"); "tra"/"fra" stay a lead ("in two to three weeks").
RANGE_BEFORE = re.compile(
    f"(?:{B}(?P<opener>da|from|between|tra|fra)\\s+)?{B}(?P<n0>{NUMBER})"
    f"\\s*(?P<j>to|or|and|a|o|e|-|–)\\s*$",
    re.I,
)
RANGE_JOINERS = {"to", "or", "and", "a", "o", "e"}


def range_start(m, text) -> tuple | None:
    """(where the range begins, its first count) when a count and unit close a range of counts."""
    start = m.start()
    if text[start - 1 : start] not in ("-", "–") and RANGE_JOINERS.isdisjoint(
        last_words(text, start, 1)
    ):
        return None
    found = RANGE_BEFORE.search(text, max(0, start - 30), start)
    if found is None or found["n0"].lower() in ("a", "an", "un", "una"):
        return None
    low, high = number_value(found["n0"]), number_value(m["n"])
    opener, joiner = (found["opener"] or "").lower(), found["j"].lower()
    if (
        not (isinstance(low, int) and isinstance(high, (int, float)) and low < high)
        or joiner in ("and", "e", "a")
        and not opener
        or OFFSET_AFTER.match(text, m.end())
    ):
        return None  # "2 o 3 ore fa" is left to the offsets
    # "da due a tre settimane" opens a range; "da due o tre giorni" is since, "tra" a lead
    opens = opener in ("da", "from", "between") and joiner in ("a", "to", "and", "-", "–")
    return (found.start() if opens else found.start("n0")), low


OFFSET_AFTER = re.compile(r"\s+(?:fa|ago|or\s+sono|prima|dopo|later|earlier|before|after)\b", re.I)


SOMEDAY_BEFORE = re.compile(
    r"(?<![\w'’])(?:will|would|could|may|might|can|shall|should|must|to|"
    r"he|she|they|we|i|you|it|who)\s+$",
    re.I,
)
VERB_AFTER = re.compile(
    r"\s+(?!(?:of|later|after|before|earlier|ago|and|or|in|on|at|for)\b)"
    r"[a-z]+\b"
)
FUTURE_VERB_AFTER = re.compile(r"\s+[a-zàèéìòù]+(?:rà|ranno|remo|rete|rò)(?![\w'’])")


PERSON_BEFORE_AGE = re.compile(
    r"(?:\b(?:uom[oi]|donn[ae]|ragazz[oaie]|bambin[oaie]|figli[oa]?|figlie|tecnic[oaie]|"
    r"operai[oa]?|operaie|dipendent[ei]|"
    r"lavorat(?:ore|ori|rice|rici)|pensionat[oaie]|student(?:e|i|essa|esse)|anzian[oaie]|"
    r"giovan[ei]|madre|padre|signor[ea]?|"
    r"passegger[oaie]|pendolar[ei]|client[ei]|utent[ei]|cittadin[oaie]|impiegat[oaie]|autist[ai]|"
    r"conducent[ei]|"
    r"macchinist[ai]|capotreno|agent[ei]|medic[oi]|infermier[ei]|manager|dirigent[ei]|titolar[ei]|"
    r"vittim[ae]|"
    r"man|woman|men|women|boy|girl|worker|employee|passenger|customer|"
    r"engineer)(?:\s+[^\W\d_]+)?\s+(?:di|of)\s+"
    r"|\b(?:età\s+di|aged|age)\s+|[A-Z][^\W\d_]+\s*,\s*|\(\s*)$"
)


AGE_CUE_ENDINGS = (" di", " of", "età", "aged", "age", ",", "(")


def is_age(m, text) -> bool:
    """ "un tecnico di 45 anni", "Giulia, 34 anni", "(45 anni)", "aged 45 years": an age, not a
    duration."""
    if not m["n"][:1].isdigit() and number_value(m["n"]) in (None, "X"):
        return False
    if re.match(r"\s+(?:old|of\s+age|di\s+età)\b", text[m.end() :], re.I):
        return True  # "45 years old"
    before = text[max(0, m.start() - 40) : m.start()]
    if not before.rstrip().endswith(AGE_CUE_ENDINGS) or not PERSON_BEFORE_AGE.search(before):
        return False
    return not re.match(
        r"\s+(?:fa|ago|di\s+(?:carcere|reclusione|lavoro|attesa|contratto))", text[m.end() :], re.I
    )


# "un'intera giornata", "un giorno intero", "a full day": one unit, said emphatically.
WHOLE_UNITS = {
    "giornata": "D",
    "giorno": "D",
    "settimana": "W",
    "mese": "M",
    "anno": "Y",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
}


@rule(
    f"{B}(?:un{A}\\s*intera|un\\s+intero|una\\s+intera|(?:an?\\s+)?(?:entire|whole|"
    f"full))\\s+(?P<u>{alternation(WHOLE_UNITS)})"
    f"|{B}(?:una?\\s+)(?P<u2>giornata|giorno|settimana|mese|anno)\\s+inter[oa]{E}",
    {"intera", "intero", "entire", "whole", "full"},
)
def whole_unit(m, text):
    if re.search(r"(?<![\w'’])the\s+$", text[max(0, m.start() - 5) : m.start()], re.I):
        return None  # "the full year" is this year (the_year)

    span = (1, WHOLE_UNITS[m["u"] or m["u2"]], False)
    return Chunk(
        m.start(), m.end(), resolver=lambda context, chunk: duration_timex(context, chunk, span, "")
    )


# "da giorni", "per ore", "for weeks": a duration of unspecified length.
@rule(
    f"(?<![\\w'’])(?:da|per|for|within|(?<=time\\s)in)\\s+(?P<u>ore|giorni|settimane|mesi|anni|"
    f"decenni|secoli|hours|days|weeks|months|years|decades|centuries){E}"
    r"(?!\s*(?:\d|fa\b|prima\b|dopo\b|scors|passat|precedent|successiv|prossim|luce\b|ago\b|"
    r"before\b|after\b|later\b|earlier\b|of\b|di\s+(?:distanza|differenza)))",
    set(
        "ore giorni settimane mesi anni decenni secoli hours days weeks months years decades "
        "centuries".split()
    ),
    requires=[{"da", "per", "for", "within", "in"}],
)
def unspecified_duration(m, text):
    unit = UNITS[m["u"]][-1]
    value = f"PTX{unit}" if m["u"] in TIME_UNITS else f"PX{unit}"
    return Chunk(
        m.start("u"), m.end(), resolver=lambda context, chunk: (value, "DURATION", None, None)
    )


# "for the year", "the full year": the year of publication; "the year ended Sept. 30" is a
# year-long DURATION.
@rule(
    f"{B}the\\s+(?:(?:full|whole|entire|current|calendar)\\s+)?(?P<u>year|week|"
    f"month)(?P<ended>\\s+(?:ended|ending|to\\s+date)\\b)?{E}"
    f"(?!\\s+(?:before|after|earlier|later|ago|of|in|when|that|which|since|(?:19|20)\\d\\d|two|"
    f"nineteen|\\w+ed)\\b|-)",
    {"year", "week", "month"},
    requires=[{"the"}],
)
def the_year(m, text):
    """ "for the year", "the week's most active session": the year, week or month of publication."""

    unit = m["u"].lower()
    if m["ended"]:
        return Chunk(
            m.start(),
            m.start("ended"),
            resolver=lambda context, chunk: duration_timex(
                context, chunk, (1, unit[0].upper(), False), ""
            ),
        )
    if unit != "year" and not (
        re.match(r"['’]s\b|\s*[,.;:]", text[m.end() :])
        or re.search(
            r"\b(?:for|during|over|throughout)\s+$", text[max(0, m.start() - 12) : m.start()], re.I
        )
    ):
        # "the week" inside a longer phrase ("the week the strike began") is not this week
        return None
    if re.search(
        r"\b(?:day|days|time|times)\s+of\s+$", text[max(0, m.start() - 12) : m.start()], re.I
    ):
        return None  # "the busiest day of the week", "this time of the year": any week or year
    return Chunk(m.start(), m.end(), resolver=period(unit, None, "this"), info={"period": True})


ONES_EN = "one|two|three|four|five|six|seven|eight|nine"
SPOKEN_YEAR = (
    f"(?P<spoken>(?:nineteen|twenty)[\\s-]+(?:(?:ten|eleven|twelve|thirteen|fourteen|"
    f"fifteen|sixteen|seventeen|"
    f"eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    f"ninety)(?:[\\s-](?:{ONES_EN}))?|"
    f"oh[\\s-](?:{ONES_EN})|hundred)|two\\s+thousand(?:\\s+(?:and\\s+)?(?:{ONES_EN}|ten|"
    f"eleven|twelve|twenty))?)"
)


# Years in words, as broadcast transcripts write them: "in nineteen ninety-six", "the year two
# thousand", "January nineteen ninety-seven".
@rule(f"{B}(?:(?P<m>{MONTH_FULL})\\s+|the\\s+year\\s+)?{SPOKEN_YEAR}{E}", {"nineteen", "thousand"})
def spoken_year(m, text):
    words = re.findall(r"[a-z]+", m["spoken"].lower())
    if words[0] == "two":
        year = 2000 + (words_to_year_part(words[2:]) if len(words) > 2 else 0)
    else:
        year = (19 if words[0] == "nineteen" else 20) * 100 + (
            0 if words[1] == "hundred" else words_to_year_part(words[1:])
        )
    if not (m["m"] or text[m.start() : m.start() + 3].lower() == "the") and not year_cue_before(
        text, m.start()
    ):
        return None
    if m["m"]:
        if fold(m["m"]) == "may" and not text[m.start("m")].isupper():
            return None
        return Chunk(m.start(), m.end(), resolver=period("month", (year, MONTHS[fold(m["m"])])))
    return Chunk(m.start(), m.end(), resolver=period("year", year))


def words_to_year_part(words: list) -> int:
    """["ninety", "six"] → 96, ["oh", "five"] → 5, ["and", "one"] → 1."""
    return number_value(" ".join(w for w in words if w not in ("oh", "and"))) or 0


# "day-long", "decades-long": durations as adjectives, plural for an unspecified count.
@rule(
    f"{B}(?P<u>hour|day|week|month|year|decade|century|hours|days|weeks|months|years|decades|"
    f"centuries)-long{E}",
    {"long"},
    requires=[
        set(
            "hour day week month year decade century hours days weeks months years decades "
            "centuries".split()
        )
    ],
)
def long_compound(m, text):

    word = m["u"].lower()
    count, unit = scaled(
        "X" if word.endswith("s") else 1, UNITS[word if word in UNITS else word + "s"]
    )
    span = (count, unit, word.startswith("hour"))
    return Chunk(
        m.start(), m.end(), resolver=lambda context, chunk: duration_timex(context, chunk, span, "")
    )


# "in giornata", "nel corso della giornata": within the publication day.
@rule(
    f"{B}(?:in|nel\\s+corso\\s+della|durante\\s+la|entro\\s+la)\\s+(?P<w>giornata){E}(?!\\s*(?:di|"
    "del|dell|della|odierna|intera|,\\s*(?:ieri|oggi|domani)))",
    {"giornata"},
)
def within_the_day(m, text):
    return Chunk(m.start("w"), m.end(), day=("rel", 0))


# "entro fine giornata", "by end of day", "close of business": the publication day, END.
@rule(
    f"{B}(?:(?:a|in|entro|per|verso|by|before|until|at)\\s+)?(?:(?:la|"
    "the)\\s+)?(?:fine\\s+(?:della\\s+)?giornata|end\\s+of\\s+(?:(?:the\\s+)?business\\s+)?day|"
    f"close\\s+of\\s+business){E}",
    {"giornata", "day", "business"},
    requires=[{"fine", "end", "close"}],
)
def end_of_day(m, text):
    word = m.group().lower()
    if re.match(r"(?:at\s+)?the\s+end", word) or (
        re.search(r"the\s+day", word) and not re.match(r"(?:by|before|until)\s", word)
    ):
        return None  # "at the end of the day" is "in the end"
    start = m.start() + len(
        re.match(r"(?:(?:a|in|entro|per|verso|by|before|until|at)\s+)?", word).group()
    )
    return Chunk(start, m.end(), day=("rel", 0), mod="END", info={"end_of_day": True})


@rule(
    f"{B}(?:(?P<lead>tra|fra|entro|in|within|for|per)\\s+)?(?:{APPROX_WORDS}\\s+)?(?P<w>mezz{A}ora|"
    f"mezza\\s+giornata|mezza\\s+ora|half\\s+an\\s+hour|half\\s+a\\s+day|un{A}ora\\s+e\\s+mezza|"
    f"an\\s+hour\\s+and\\s+a\\s+half){E}",
    {"mezz", "mezza", "half"},
)
def half_duration(m, text):
    word = m["w"].lower()
    count_duration = (
        (30, "M", True)
        if re.search("mezz.ora|mezza ora|half an hour", word)
        else (0.5, "D", False)
        if re.search("giornata|day", word)
        else (1.5, "H", True)
    )
    lead = (m["lead"] or "").lower()
    if lead in ("for", "per"):
        lead = ""
    start = m.start() if lead else (m.start("approx") if m["approx"] else m.start("w"))

    return Chunk(
        start,
        m.end(),
        mod="APPROX" if m["approx"] else None,
        resolver=lambda context, chunk: duration_timex(context, chunk, count_duration, lead),
    )


@rule(
    f"(?<![\\w.,])(?P<n>\\d{{1,3}})\\s?(?P<u>h){E}(?!\\s*\\d|\\s+su\\s)", {"h"}, requires=[DIGITS]
)
def duration_hours_short(m, text):
    """ "24h", "48 h"."""

    count = int(m["n"])
    return Chunk(
        m.start(),
        m.end(),
        resolver=lambda context, chunk: duration_timex(context, chunk, (count, "H", True), ""),
    )


VAGUE_WORDS = set(
    """scorsi scorse passati passate precedenti ultimi ultime passato recente
recentemente ultimamente fa precedenza recently lately past recent ago attualmente momento adesso
oggigiorno giorno giorni currently moment now nowadays present presently days prossimi prossime
futuro prossimamente breve coming next future ahead current attuale attuali recenti term termine
later possible possibile secondo queste periodo settimane""".split()
)
VAGUE = {
    "PAST_REF": (
        r"nei\s+(?:giorni|mesi|anni)\s+(?:scorsi|passati|precedenti)|"
        r"nelle\s+(?:settimane|ore)\s+(?:scorse|passate|precedenti)|"
        r"(?:nelle|delle|dalle)\s+(?:scorse|ultime)\s+(?:settimane|ore)|"
        r"(?:negli|degli|dagli)\s+(?:ultimi|scorsi)\s+(?:giorni|mesi|anni|tempi)"
        r"(?!\s+d(?:i|el|ello|ella|ell['’])\b)|"
        r"(?:dei|dai)\s+(?:giorni|mesi)\s+(?:scorsi|passati|precedenti)|"
        r"(?:delle|dalle)\s+settimane\s+(?:scorse|passate|precedenti)|"
        r"nelle\s+settimane\s+scorse|negli\s+anni\s+(?:scorsi|passati)|in\s+passato|"
        r"di\s+recente|recentemente|ultimamente|"
        r"poco\s+fa|tempo\s+fa|giorni\s+fa|settimane\s+fa|mesi\s+fa|anni\s+fa|in\s+precedenza|"
        r"recently|lately|in\s+the\s+past|in\s+recent\s+(?:days|weeks|months|years)|"
        r"(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few\s+)?(?:days|weeks|months|years)|"
        r"a\s+while\s+ago|some\s+time\s+ago|days\s+ago|weeks\s+ago|months\s+ago|"
        r"years\s+ago|"
        r"recent(?=\s+[a-z])(?!\s+(?:days|weeks|months|years|quarters|past)\b)|"
        r"recent[ei](?=\s+[a-z])|"
        r"(?:in\s+)?(?:recent|past)\s+(?:days|weeks|months|years|quarters|decades)|"
        r"nei\s+decenni\s+scorsi"
    ),
    "PRESENT_REF": (
        r"attualmente|al\s+momento|in\s+questo\s+momento|adesso|oggigiorno|"
        r"oggi\s+giorno|(?:in|di)\s+questi\s+giorni|"
        r"in\s+queste\s+ore|per\s+il\s+momento|per\s+ora|in\s+questo\s+periodo|"
        r"al\s+giorno\s+d['’]oggi|currently|at\s+the\s+moment|right\s+now|nowadays|"
        r"at\s+present|presently|these\s+days|now|"
        r"current(?=\s+[a-z])(?!\s+(?:year|quarter|month|week|fiscal|account|affairs|"
        r"events|assets|liabilities)\b)|"
        r"attual[ei](?=\s+[a-z])"
    ),
    "FUTURE_REF": (
        r"nei\s+prossimi\s+(?:giorni|mesi|anni)|nelle\s+prossime\s+(?:ore|settimane)|"
        r"in\s+futuro|prossimamente|a\s+breve|nel\s+prossimo\s+futuro|"
        r"in\s+the\s+(?:coming|next\s+few|next)\s+(?:hours|days|weeks|months|years)|"
        r"in\s+the\s+(?:near\s+)?future|in\s+the\s+days\s+ahead|"
        r"in\s+the\s+weeks\s+ahead|"
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|"
        r"the\s+(?:near|short)\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible|"
        r"(?:in\s+)?coming\s+(?:days|weeks|months|years|quarters)|"
        r"future\s+(?:quarters|years)|"
        r"nel\s+(?:breve|medio)\s+termine|a\s+breve\s+termine|"
        r"in\s+un\s+secondo\s+momento|(?:il\s+)?prima\s+possibile"
    ),
}


@rule(
    B + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in VAGUE.items()) + ")" + E,
    VAGUE_WORDS,
)
def vague(m, text):
    value = m.lastgroup
    return Chunk(m.start(), m.end(), resolver=lambda context, chunk: (value, "DATE", None, None))


@rule(
    f"(?<![\\w'’])(?P<w>ora){E}"
    f"(?!\\s*(?:legale|solare|locale|di|del|della|dello|in\\s+punto|e\\s+mezza|\\d))",
    {"ora"},
)
def ora_now(m, text):
    """ "ora si sposta" is "now"; "un'ora", "l'ora", "ogni ora", "all'ora" are not."""
    before = text[max(0, m.start() - 12) : m.start()].lower()
    per = re.search(r"(?<![\w'’])per\s+$", before)
    if per:  # "per ora" is "for now"
        return Chunk(
            m.start() - len(before) + per.start(),
            m.end(),
            resolver=lambda context, chunk: ("PRESENT_REF", "DATE", None, None),
        )
    if NOT_NOW_BEFORE.search(before):
        return None
    return Chunk(
        m.start(), m.end(), resolver=lambda context, chunk: ("PRESENT_REF", "DATE", None, None)
    )


NOT_NOW_BEFORE = re.compile(
    r"(?:\d|\bun|\buna|\bla|ogni|\bper|\bdi|\bin|mezz|prima|quest|"
    r"qualche|alcun[ea]|sola|intera|mezza|\bche|\ba|\bad|\bl|\bd|all|dell|"
    r"nell|sull)\s*['’]?\s*$"
)
ADVERB_SETS = {
    "quotidianamente": "P1D",
    "giornalmente": "P1D",
    "settimanalmente": "P1W",
    "mensilmente": "P1M",
    "annualmente": "P1Y",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "hourly": "PT1H",
    "annually": "P1Y",
    "yearly": "P1Y",
    "biweekly": "P2W",
}


@rule(
    f"{B}(?:(?:ogni|every|each)\\s+(?:(?P<n>{NUMBER})\\s+)?"
    f"(?P<u>{UNIT}|{WEEKDAY}|{POD}|(?P<m>{MONTH_FULL})|(?P<s>{alternation(SEASONS)}))|"
    f"(?:tutti\\s+i|tutte\\s+le)\\s+(?P<u2>giorni|settimane|mesi|anni|mattine|sere|notti|"
    f"{WEEKDAY})|"
    f"(?P<adv>{alternation(ADVERB_SETS)}))" + E,
    {"ogni", "every", "each", "tutti", "tutte", *ADVERB_SETS},
)
def recurrence(m, text):
    """ "ogni lunedì" → XXXX-WXX-1; "ogni 2 ore" → PT2H; "tutti i giorni", "daily" → P1D; "ogni
    mattina" → XXXX-XX-XXTMO; "each July" → XXXX-07 (type SET)."""
    word = fold(m["u"] or m["u2"] or "")
    adverb = (m["adv"] or "").lower()
    if adverb:
        value = ADVERB_SETS[adverb]
    elif m["m"]:
        value = f"XXXX-{MONTHS[fold(m['m'])]:02d}"
    elif m["s"]:
        value = f"XXXX-{SEASONS[fold(m['s'])]}"
    elif word in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[word] + 1}"
    elif word.rstrip("ei") in ("mattin", "ser", "nott") or word in PARTS_OF_DAY:
        plural = {"mattin": "MO", "ser": "EV", "nott": "NI"}.get(word.rstrip("ei"), "MO")
        value = "XXXX-XX-XXT" + PARTS_OF_DAY.get(word, plural)
    else:
        unit_word = (
            word
            if word in UNITS
            else {"giorni": "giorno", "settimane": "settimana", "mesi": "mese", "anni": "anno"}[
                word
            ]
        )
        count, unit = scaled(number_value(m["n"]) if m["n"] else 1, UNITS[unit_word])
        value = f"PT{count}{unit}" if unit_word in TIME_UNITS else f"P{count}{unit}"
    return Chunk(m.start(), m.end(), resolver=lambda context, chunk: (value, "SET", None, None))


# "50,000 copies a year", "three times a day": an English rate after a count is a SET. Prices are
# not expressions ("$4.50 a month"), nor Italian rates ("5.000 domande all'ora"): docs/DATES.md.
@rule(
    f"(?<=[\\d\\w%)]\\s)(?P<w>a|an|per)\\s+(?P<u>year|day|week|month|hour){E}(?!\\s+(?:or|and|"
    f"earlier|later|ago|before|after)\\b)",
    {"year", "day", "week", "month", "hour"},
    requires=[{"a", "an", "per"}],
)
def rate(m, text):
    before = text[max(0, m.start() - 30) : m.start()]
    if not re.search(r"\d|thousand|hundreds?|dozens?|mila|times|volte|twice|once", before, re.I):
        return None  # a rate follows a count: "50,000 copies a year", "three times a day"
    if re.search(
        r"[$€£]|euro|dollar|cent|pence|pound|yen|franc|million|billion|milioni|miliardi",
        before,
        re.I,
    ):
        # a price ("$4.50 a month", "16 euro all'anno") is not a time expression (docs/DATES.md)
        return None
    if re.match(r"\s+(?:su|out)\b", text[m.end() :]) or re.search(
        r"(?:hours|days|minutes)\s+$", before, re.I
    ):
        return None  # "24 ore su 24", "24 hours a day": always, not a recurrence
    unit = UNITS[m["u"].lower()]
    value = f"PT1{unit}" if m["u"].lower() in TIME_UNITS else f"P1{unit}"
    return Chunk(m.start(), m.end(), resolver=lambda context, chunk: (value, "SET", None, None))


# ---------------------------------------------------------------- joining neighbours

GAP_DAY_TIME = re.compile(
    r"\s*,?\s*(?:-|–|—)?\s*(?:(?:at|@|a|,)\s*)?(?:(?:poco|subito|appena|shortly|just)\s+)?$", re.I
)
GAP_TIME_DAY = re.compile(f"\\s*,?\\s*(?:(?:di|del|dell{A}|della|dello|on|of)\\s*)?$", re.I)
GAP_DAY_POD = re.compile("\\s*,?\\s*(?:(?:in|nel|nella|di|on|in\\s+the|during\\s+the)\\s+)?$", re.I)
GAP_POD_DAY = re.compile(f"\\s+(?:di|del|dell{A}|della|dello|of|on)\\s*$", re.I)
INTERVAL_FROM = re.compile(
    f"(?:{B}(?:dal|dalla|dall{A}|dalle|da|tra|fra|from|between)\\s*(?:il\\s+|la\\s+|lo\\s+|le\\s+|"
    f"l{A}|the\\s+)?)$",
    re.I,
)
INTERVAL_TO = re.compile(
    f"\\s*(?:al|alla|all{A}|alle|a|ad|fino\\s+al|fino\\s+alla|fino\\s+alle|fino\\s+a|e|e\\s+il|"
    f"e\\s+la|e\\s+le|e\\s+l{A}|to|and|until|till|through|-|–)\\s*(?:the\\s+)?$",
    re.I,
)
APPROX_AFTER = re.compile(r"\s*,?\s+(?:circa|or\s+so)\b", re.I)
EARLY_LATE = re.compile(r"(?<![\w])(?P<w>early|late|earlier|later)\s+(?:on\s+)?$", re.I)
BEFORE_AFTER = re.compile(
    f"{B}(?P<w>prima\\s+(?:del|della|dello|dell{A}|di)|dopo\\s+(?:il|la|lo|l{A})|"
    "before|after)\\s*$",
    re.I,
)


APPOSITION = re.compile(r"\s*,?\s*")
END_OF_GAP = re.compile(f"\\s*,?\\s*(?:(?:on|of|di|del|della|dell{A})\\s*)?", re.I)


def join_point(first: Chunk, second: Chunk, gap: str) -> Chunk | None:
    """Join a day, a part of day and a time, in either order, when the gap between allows it."""
    if not (first.composable and second.composable):
        return None
    if (
        "end_of_day" in first.info
        and second.day
        and not (second.time or second.pod)
        and END_OF_GAP.fullmatch(gap)
    ):
        # "the close of business Thursday", "entro fine giornata di venerdì": that day's end
        return Chunk(first.start, second.end, day=second.day, mod="END", direction=second.direction)
    if (
        first.day
        and second.day
        and first.day[0] in ("rel", "wd")
        and not (first.pod or first.time)
        and second.day[0] == "abs"
        and second.day[2]
        and APPOSITION.fullmatch(gap)
    ):
        # "ieri 15 giugno", "oggi, 16 giugno", "Tuesday, March 3": one day, named twice; the date
        # decides
        return Chunk(
            first.start,
            second.end,
            day=second.day,
            pod=second.pod,
            time=second.time,
            mod=second.mod,
            direction=second.direction,
            lead=first.lead or second.lead,
            info=zone_info_of(second),
        )
    if (first.day and second.day) or (first.pod and second.pod) or (first.time and second.time):
        return None
    if first.time and second.time is None and not GAP_TIME_DAY.fullmatch(gap):
        return None
    if (
        first.time is None
        and second.time
        and not (GAP_DAY_TIME.fullmatch(gap) or (first.pod and GAP_TIME_DAY.fullmatch(gap)))
    ):
        return None
    if not first.time and not second.time:
        if first.day and second.pod and not second.day and not GAP_DAY_POD.fullmatch(gap):
            return None
        if (
            first.pod
            and second.day
            and not first.day
            and not GAP_POD_DAY.fullmatch(gap)
            and not (second.day[0] == "rel" and gap.isspace())
        ):
            return None  # but "at mid-afternoon yesterday"
    if first.lead and second.lead:
        return None
    return Chunk(
        first.start,
        second.end,
        day=first.day or second.day,
        pod=first.pod or second.pod,
        time=first.time or second.time,
        mod=first.mod or second.mod,
        direction=first.direction or second.direction,
        lead=first.lead or second.lead,
        info={**first.info, **second.info}
        if not (first.day or second.day)
        else zone_info_of(first) or zone_info_of(second),
    )


def zone_info_of(chunk: Chunk) -> dict:
    """What a joined chunk keeps of a piece's info: the zone its time states."""
    return {"zone": chunk.info["zone"]} if "zone" in chunk.info else {}


SECOND_LEAD = re.compile(f"(?:alle|all{A}|e\\s+le|fino\\s+alle)\\s*", re.I)


def join_interval(first: Chunk, second: Chunk, gap: str, text: str) -> Chunk | None:
    """Join "dalle 14" + "alle 18", "da lunedì" + "a mercoledì", "from Monday" + "to Wednesday"."""
    if not (first.composable and second.composable) or first.mod or second.mod:
        return None
    if not (
        (first.time and second.time)
        or (first.day and second.day and not first.time and not second.time)
    ):
        return None
    opening = INTERVAL_FROM.search(text, max(0, first.start - 12), first.start)
    if not (first.lead or opening):
        return None
    inner = SECOND_LEAD.match(text, second.start, second.end) if second.time else None
    if not INTERVAL_TO.fullmatch(gap + (inner.group() if inner else "")):
        return None
    start = first.start if first.lead else opening.start()
    return Chunk(start, second.end, ends=(first, second))


RULE_INDEX: dict = {}  # trigger word -> the orders of the rules it wakes up
TRIGGER_WORDS: set = set()


def build_rule_index() -> dict:
    """One set intersection and a dictionary look-up per trigger word pick the rules to run."""
    for order, entry in enumerate(RULES):
        for word in entry[3]:
            RULE_INDEX.setdefault(word, []).append(order)
    TRIGGER_WORDS.update(RULE_INDEX)
    return RULE_INDEX


def find_chunks(text: str) -> list[Chunk]:
    """Every temporal expression of the text as chunks, in text order, joined where they belong
    together."""
    index = RULE_INDEX or build_rule_index()
    low = lowered(text)  # the rules are written in lower case and run without re.IGNORECASE
    words = words_of(low)
    triggered = words & TRIGGER_WORDS
    if not triggered:
        return []
    orders = set()
    for word in triggered:
        orders.update(index[word])
    found = []
    for order in sorted(orders):
        entry = RULES[order]
        for required in entry[4]:
            if words.isdisjoint(required):
                break
        else:
            pattern, builder = entry[1], entry[2]
            if pattern.__class__ is str:
                pattern = entry[1] = re.compile(pattern)
            for match in pattern.finditer(low):
                chunk = builder(match, text)
                if chunk is not None and chunk.end > chunk.start:
                    found.append((chunk.start, chunk.start - chunk.end, order, chunk))
    if not found:
        return []
    found.sort(key=lambda item: item[:3])
    chunks, taken_until = [], -1
    for start, _, _, chunk in found:
        if start >= taken_until:
            chunks.append(chunk)
            taken_until = chunk.end
    chunks = join_neighbours(chunks, text, not WEEK_OF_WORDS.isdisjoint(words))
    for (
        chunk
    ) in chunks:  # a sentence's full stop is not an abbreviation's ("24 Jan.", but "9 a.m.")
        if text[chunk.end - 1] == "." and not re.search(
            r"[ap]\.m\.$", text[chunk.start : chunk.end], re.I
        ):
            chunk.end -= 1
    quoted = '"' in text or "“" in text or "«" in text or "``" in text or "''" in text
    return [
        c for c in chunks if not c.orphan and not (quoted and quoted_title(text, c.start, c.end))
    ]


# A title in quotation marks, every word capitalised: ABC's "This Week", "60 Minutes", «Mattino
# Cinque», the film "High Noon" name no time.
TITLE_WORD = r"(?:[A-ZÀ-Ý0-9][\w'’.-]*|of|the|with|and|in|on|at|a|di|del|della|e)"
QUOTE_BEFORE = re.compile(f"(?:\"|“|«|``|'')(?P<words>(?:{TITLE_WORD}\\s+)*)$")
QUOTE_AFTER = re.compile(f"(?P<words>(?:\\s+{TITLE_WORD})*)[.,!?]?(?:\"|”|»|'')")
CAPITALISED = re.compile(r"[A-ZÀ-Ý0-9][^\s]*(?:\s+[A-ZÀ-Ý0-9][^\s]*)*")


def quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a quoted title of two words or more: 'ABC's "This Week"'."""
    before = QUOTE_BEFORE.search(text, max(0, start - 30), start)
    if before is None or not CAPITALISED.fullmatch(text, start, end):
        return False
    after = QUOTE_AFTER.match(text, end, min(len(text), end + 40))
    if after is None:
        return False
    words = before["words"].split() + text[start:end].split() + after["words"].split()
    return len(words) >= 2


# Not after "a.m." / "p.m.", which a day may follow.
SENTENCE_AFTER_DOT = re.compile(r"[^m]\.\s+[A-ZÀ-Ý]")


def join_neighbours(chunks: list[Chunk], text: str, week_words: bool = True) -> list[Chunk]:
    """Join neighbouring chunks (a day and its time, an interval's ends) and take the words before
    them that change their span and mod ("early", "prima del", "the week of")."""
    if "(" in text and len(chunks) > 1:
        restated_times(chunks, text)
    if len(chunks) > 1 and any("day_offset" in c.info for c in chunks):
        anchored_days(chunks, text)
    changed = len(chunks) > 1
    while changed:
        changed = False
        for joiner in (join_point, join_interval):
            for i in range(len(chunks) - 1):
                first, second = chunks[i], chunks[i + 1]
                gap = text[first.end : second.start]
                if (
                    len(gap) > 24
                    or text[first.end - 1] == "."
                    and SENTENCE_AFTER_DOT.match(text, first.end - 2)
                ):
                    continue  # "24 Jan. In the evening": the dot ended a sentence too
                joined = (
                    joiner(first, second, gap)
                    if joiner is join_point
                    else joiner(first, second, gap, text)
                )
                if joined is not None:
                    chunks[i : i + 2] = [joined]
                    changed = True
                    break
            if changed:
                break
    for chunk in chunks:
        # "earlier this year", "the end of the second quarter"
        if chunk.info.get("period") and not chunk.mod:
            edge = EARLY_LATE.search(text, max(0, chunk.start - 9), chunk.start) or EDGE_OF.search(
                text, max(0, chunk.start - 28), chunk.start
            )
            if edge:
                italian = edge.groupdict().get("w2")
                word = (edge["w"] or italian).lower()
                chunk.mod = EDGE_MODS.get(word) or mod_of(word)
                chunk.start = edge.start("w2") if italian else edge.start()
        if chunk.resolver is not None or chunk.ends is not None:
            continue
        if chunk.time and chunk.mod in (None, "APPROX"):
            approx = APPROX_AFTER.match(text, chunk.end)
            if approx:
                chunk.mod, chunk.end = "APPROX", approx.end()
        if (
            week_words
            and chunk.day
            and not chunk.time
            and not chunk.pod
            and chunk.day[0] == "abs"
            and not WEEK_OF_WORDS.isdisjoint(last_words(text, chunk.start, 3))
        ):
            week = WEEK_OF.search(text, max(0, chunk.start - 20), chunk.start)
            if week:  # "the week of March 6", "la settimana del 6 marzo": that day's ISO week
                chunk.start = week.start()
                chunk.info["week_of"] = True
                continue
        if chunk.day and not chunk.mod:
            near = last_words(text, chunk.start, 2)
            if EDGE_BEFORE_WORDS.isdisjoint(near):
                # no "prima del", "after", "early", "around"... right before: nothing to look for
                continue
            edge = BEFORE_AFTER.search(text, max(0, chunk.start - 16), chunk.start)
            if edge:  # "prima del 3 febbraio"
                chunk.mod, chunk.start = (
                    ("BEFORE" if edge["w"][0] in "pPbB" else "AFTER"),
                    edge.start(),
                )
            elif not chunk.time:
                edge = EARLY_LATE.search(text, max(0, chunk.start - 9), chunk.start)
                if edge:  # "early Tuesday morning"
                    chunk.mod, chunk.start = (
                        ("START" if edge["w"][0] in "eE" else "END"),
                        edge.start(),
                    )
                else:
                    edge = AROUND_BEFORE.search(text, max(0, chunk.start - 14), chunk.start)
                    # "around Nov. 1"; not "get around Monday's ruling"
                    if edge and not text.startswith(("'s", "’s"), chunk.end):
                        chunk.mod, chunk.start = "APPROX", edge.start()
    return chunks


ANCHOR_GAP = re.compile(
    f"\\s*(?:(?:del|dello|della|dell{A}|di|al|allo|alla|all{A}|il|lo|la|l{A}|of|the)\\s*)?", re.I
)


def anchored_days(chunks: list[Chunk], text: str) -> None:
    """ "the day before last Tuesday", "the day after Christmas", "il giorno dopo il 3 febbraio",
    "il giorno prima del 3 febbraio": one day from the date that follows, one expression."""
    i = 0
    while i < len(chunks) - 1:
        first, second = chunks[i], chunks[i + 1]
        if (
            "day_offset" in first.info
            and second.day
            and not (second.time or second.pod)
            and second.composable
            and ANCHOR_GAP.fullmatch(text, first.end, second.start)
        ):
            chunks[i : i + 2] = [
                Chunk(
                    first.start,
                    second.end,
                    day=("shift", second.day, first.info["day_offset"]),
                    direction=second.direction,
                )
            ]
        i += 1


BRACKET_OPEN = re.compile(r"\s*\(\s*")
BRACKET_CLOSE = re.compile(r"\s*\)")
GAP_AFTER_BRACKET = re.compile(r"\s*,?\s*(?:on\s+)?")


def restated_times(chunks: list[Chunk], text: str) -> None:
    """ "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)": a clock
    time restated in brackets is the same instant. Both take the day named with either (the day
    stays its own timex, as TimeBank marks it), and the first, without a zone, the one the
    restatement implies (10:35 against 07:35 GMT is UTC+3)."""
    for i in range(len(chunks) - 1):
        first, second = chunks[i], chunks[i + 1]
        if not (
            first.time
            and second.time
            and first.composable
            and second.composable
            and BRACKET_OPEN.fullmatch(text, first.end, second.start)
        ):
            continue
        after = chunks[i + 2] if i + 2 < len(chunks) else None
        if after is not None and not (after.day and not after.time and after.composable):
            after = None
        close = BRACKET_CLOSE.match(text, second.end)
        inside = close is None  # "(4 a.m. EDT Thursday)": the day joins the restatement later
        if inside:
            if (
                after is None
                or not GAP_AFTER_BRACKET.fullmatch(text, second.end, after.start)
                or not BRACKET_CLOSE.match(text, after.end)
            ):
                continue
        elif after is not None and not GAP_AFTER_BRACKET.fullmatch(text, close.end(), after.start):
            after = None  # "(0735 GMT) Friday": the day after the brackets
        day = first.day or second.day or (after.day if after is not None else None)
        info = dict(first.info)
        if "zone" in second.info and "zone" not in info:
            offset = implied_offset(first.time, second.time, second.info["zone"])
            if offset is not None:
                info["zone"] = offset
        chunks[i] = Chunk(
            first.start,
            first.end,
            first.day or day,
            first.pod,
            first.time,
            first.mod,
            first.direction,
            lead=first.lead,
            info=info,
        )
        if second.day is None and day is not None and not inside:
            chunks[i + 1] = second.with_day(day)


def implied_offset(local_time: tuple, zoned_time: tuple, zone) -> float | None:
    """Hours from UTC of a clock time's zone, given the same instant in a zone of fixed offset."""
    base = TIME_ZONES.get(zone, zone)
    base = 0 if base == "UTC" else base
    if not isinstance(base, (int, float)):
        return None  # "ET" keeps summer time: its offset depends on the day

    def minutes(time):
        hour, minute, _, hint = time
        return (hour + (12 if hint in ("AF", "EV") and hour < 12 else 0)) * 60 + minute

    offset = base + ((minutes(local_time) - minutes(zoned_time)) % 1440) / 60
    offset = offset - 24 if offset > 14 else offset
    return offset if offset * 4 == int(offset * 4) else None


# "the end of [the second quarter]", "all'inizio del [terzo trimestre]": a part of a period named
# after it.
EDGE_OF = re.compile(
    f"(?<![\\w'’])the\\s+(?P<w>end|beginning|start|middle)\\s+of\\s+$|"
    f"(?<![\\w'’])(?:(?:al)?la\\s+|a\\s+|(?:al)?l{A})?(?P<w2>fine|inizio|"
    f"metà)\\s+(?:del|dello|della|dell{A})\\s*$",
    re.I,
)
WEEK_OF = re.compile(
    f"{B}(?:the\\s+)?week\\s+of\\s+(?:the\\s+)?$|{B}(?:la\\s+)?settimana\\s+(?:del|dell{A})\\s*$",
    re.I,
)
WEEK_OF_WORDS = {"week", "settimana"}
EDGE_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}
# The last words of those mods.
EDGE_BEFORE_WORDS = set(
    "del della dello dell di il la lo l before after early late earlier later on around "
    "about circa al all verso".split()
)
AROUND_BEFORE = re.compile(
    f"{B}(?:around|about|circa|intorno\\s+al(?:l{A})?|attorno\\s+al(?:l{A})?|verso\\s+il)\\s*$",
    re.I,
)
