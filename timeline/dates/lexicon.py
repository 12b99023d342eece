"""Words of Italian and English temporal expressions, as lookup tables and regex alternations.

Hand-written rather than loaded from dateparser's locale data: importing dateparser costs
more than tagging a whole article, and the tagger must start fast.

>>> MONTHS["febbraio"], WEEKDAYS["tuesday"], number_value("ventiquattro")
(2, 1, 24)
"""

import re
from functools import lru_cache

APOS = "['’]"

MONTHS = {
    "gennaio": 1,
    "febbraio": 2,
    "marzo": 3,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "agosto": 8,
    "settembre": 9,
    "ottobre": 10,
    "novembre": 11,
    "dicembre": 12,
    "gen": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "mag": 5,
    "giu": 6,
    "lug": 7,
    "ago": 8,
    "set": 9,
    "sett": 9,
    "ott": 10,
    "nov": 11,
    "dic": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "dec": 12,
}
# Full names may stand alone ("a marzo", "in June"); abbreviations only next to a day number.
MONTH_NAMES = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre january february march april may june july august september october "
    "november december".split()
)

WEEKDAYS = {
    "lunedì": 0,
    "martedì": 1,
    "mercoledì": 2,
    "giovedì": 3,
    "venerdì": 4,
    "sabato": 5,
    "domenica": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lun": 0,
    "mar": 1,
    "mer": 2,
    "gio": 3,
    "ven": 4,
    "sab": 5,
    "dom": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
WEEKDAY_NAMES = [w for w in WEEKDAYS if len(w) > 4 and not w.endswith("ì")]

NUMBERS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "un'": 1,
    "un’": 1,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "tredici": 13,
    "quattordici": 14,
    "quindici": 15,
    "sedici": 16,
    "diciassette": 17,
    "diciotto": 18,
    "diciannove": 19,
    "venti": 20,
    "ventuno": 21,
    "ventidue": 22,
    "ventiquattro": 24,
    "trenta": 30,
    "trentasei": 36,
    "quaranta": 40,
    "quarantotto": 48,
    "cinquanta": 50,
    "sessanta": 60,
    "settantadue": 72,
    "novanta": 90,
    "cento": 100,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "forty": 40,
    "forty-eight": 48,
    "fifty": 50,
    "sixty": 60,
    "seventy-two": 72,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    # Unspecified counts: TIMEX3 writes them with X ("PXD").
    "alcuni": "X",
    "alcune": "X",
    "qualche": "X",
    "diversi": "X",
    "diverse": "X",
    "vari": "X",
    "varie": "X",
    "pochi": "X",
    "poche": "X",
    "parecchi": "X",
    "parecchie": "X",
    "molti": "X",
    "molte": "X",
    "few": "X",
    "a few": "X",
    "several": "X",
}

UNITS = {
    "decennio": "10Y",
    "decenni": "10Y",
    "secolo": "100Y",
    "secoli": "100Y",
    "trimestre": "3M",
    "trimestri": "3M",
    "semestre": "6M",
    "semestri": "6M",
    "biennio": "2Y",
    "triennio": "3Y",
    "decade": "10Y",
    "decades": "10Y",
    "century": "100Y",
    "centuries": "100Y",
    "quarters": "3M",
    "secondi": "S",
    "minuto": "M",
    "minuti": "M",
    "ora": "H",
    "ore": "H",
    "h": "H",
    "giorno": "D",
    "giorni": "D",
    "giornata": "D",
    "giornate": "D",
    "settimana": "W",
    "settimane": "W",
    "mese": "M",
    "mesi": "M",
    "anno": "Y",
    "anni": "Y",
    "seconds": "S",
    "minute": "M",
    "minutes": "M",
    "hour": "H",
    "hours": "H",
    "hrs": "H",
    "day": "D",
    "days": "D",
    "week": "W",
    "weeks": "W",
    "month": "M",
    "months": "M",
    "year": "Y",
    "years": "Y",
}
TIME_UNITS = set("secondi minuto minuti ora ore h seconds minute minutes hour hours hrs".split())

PARTS_OF_DAY = {
    "mattina": "MO",
    "mattino": "MO",
    "mattinata": "MO",
    "morning": "MO",
    "pomeriggio": "AF",
    "afternoon": "AF",
    "sera": "EV",
    "serata": "EV",
    "evening": "EV",
    "notte": "NI",
    "nottata": "NI",
    "night": "NI",
    "overnight": "NI",
}
POD_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 24), "NI": (22, 30)}

# Fixed-date holidays; movable ones (Pasqua, Easter) are not handled.
HOLIDAYS = {
    "natale": (12, 25),
    "vigilia di natale": (12, 24),
    "santo stefano": (12, 26),
    "capodanno": (1, 1),
    "san silvestro": (12, 31),
    "epifania": (1, 6),
    "befana": (1, 6),
    "ferragosto": (8, 15),
    "ognissanti": (11, 1),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
}

# Fixed national days of Italy.
HOLIDAYS.update(
    {
        "festa della liberazione": (4, 25),
        "festa dei lavoratori": (5, 1),
        "primo maggio": (5, 1),
        "festa della repubblica": (6, 2),
        "immacolata": (12, 8),
    }
)

# Movable feasts, by the day they fall on in a given year (see feast_date).
FEASTS = {
    "pasqua": "easter",
    "easter": "easter",
    "easter sunday": "easter",
    "domenica di pasqua": "easter",
    "pasquetta": "easter+1",
    "lunedì dell'angelo": "easter+1",
    "easter monday": "easter+1",
    "venerdì santo": "easter-2",
    "good friday": "easter-2",
    "pentecoste": "easter+49",
    "pentecost": "easter+49",
    "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving",
    "memorial day": "memorial",
    "labor day": "labor",
    "election day": "election",
}


def feast_date(feast: str, year: int):
    """The day a movable feast falls on in `year`.

    >>> feast_date("easter", 2024).isoformat(), feast_date("thanksgiving", 1999).isoformat()
    ('2024-03-31', '1999-11-25')
    """
    from datetime import date, timedelta

    if feast.startswith("easter"):  # the Gregorian computus (Meeus's algorithm)
        a, (b, c) = year % 19, divmod(year, 100)
        d, e = divmod(b, 4)
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * weekday_shift) // 451
        month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
        return date(year, month, day + 1) + timedelta(days=int(feast[6:] or 0))
    if feast == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if feast == "memorial":  # the last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if feast == "labor":  # the first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=-first.weekday() % 7)
    first = date(year, 11, 1)  # election day: the Tuesday after the first Monday of November
    return first + timedelta(days=-first.weekday() % 7 + 1)


# Time zones a clock time may state ("10:40 GMT", "5 p.m. EST", "1410 GMT", "alle 12 ora italiana"):
# an IANA name where the zone keeps summer time itself ("ET", "ora italiana"), hours from UTC where
# the abbreviation says which half of the year it is ("EST" -5, "EDT" -4). "CST" is read as the US
# one, as in English news.
TIME_ZONES = {
    "gmt": "UTC",
    "utc": "UTC",
    "wet": 0,
    "west": 1,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "msk": 3,
    "ist": 5.5,
    "sgt": 8,
    "hkt": 8,
    "jst": 9,
    "aest": 10,
    "aedt": 11,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "london": "Europe/London",
    "new york": "America/New_York",
    "washington": "America/New_York",
    "italiana": "Europe/Rome",
    "italiane": "Europe/Rome",
    "di roma": "Europe/Rome",
    "di greenwich": "UTC",
    "di londra": "Europe/London",
    "di new york": "America/New_York",
    "di washington": "America/New_York",
}
# Zone words a text must hold for the zone rules to run.
ZONE_WORDS = set(
    "gmt utc wet west bst cet cest eet eest msk ist sgt hkt jst aest aedt est edt cst cdt "
    "mst mdt pst pdt et ct mt pt".split()
)


SEASONS = {
    "primavera": "SP",
    "estate": "SU",
    "autunno": "FA",
    "inverno": "WI",
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}


def alternation(words) -> str:
    """A regex alternation of words, longest first, accents and apostrophes tolerated.

    >>> alternation(["lunedì"])
    "luned(?:ì|í|i['’]?)"
    """
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if word.endswith("ì"):  # lunedì, lunedi, lunedí, lunedi'
            parts.append(re.escape(word[:-1]) + "(?:ì|í|i['’]?)")
        else:
            parts.append(re.sub("['’]", APOS, re.escape(word)))
    return "|".join(parts)


# Pure and called by most builders: a dictionary look-up beats the string work.
@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """A word as the lookup tables spell it: lower case, accented weekday ending restored.

    >>> fold("Lunedi'")
    'lunedì'
    """
    word = word.lower().replace("’", "'").rstrip(".")
    if word.endswith(("i'", "í")) or (word.endswith("i") and word[:-1] + "ì" in WEEKDAYS):
        word = word.rstrip("'")[:-1] + "ì"
    return " ".join(word.split())


def lowered(text: str) -> str:
    """text.lower() with the same length, so that spans found in it hold for the text itself.

    The grammar and tense patterns run on the lowered text without re.IGNORECASE: the regex
    engine then skips alternatives by their first character, about twice as fast.

    >>> lowered("İl Lunedì")
    'İl lunedì'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(
        c if len(c.lower()) != 1 else c.lower() for c in text
    )  # "İ" lowers to two characters


TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "vent": 20,
    "trent": 30,
    "quarant": 40,
    "cinquant": 50,
    "sessant": 60,
    "settant": 70,
    "ottant": 80,
    "novant": 90,
}
ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "uno": 1,
    "due": 2,
    "tre": 3,
    "tré": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
}
SCALES = {"hundred": 100, "thousand": 1000, "cento": 100, "mila": 1000, "mille": 1000}
# Compound counts in words: "twenty-four", "twenty four", "ventitré", "trentasei", "a hundred",
# "two thousand".
EN_COMPOUND = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
)
IT_COMPOUND = (
    r"(?:vent|trent|quarant|cinquant|sessant|settant|ottant|novant)"
    r"(?:[ai]?(?:uno|due|tre|tré|quattro|cinque|sei|sette|nove)|otto|[ai])"
)
SCALED = (
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand)|"
    r"(?:cento|mille|duemila|tremila)"
)
COMPOUND_NUMBER = f"(?:{EN_COMPOUND}|{IT_COMPOUND}|{SCALED})"


@lru_cache(maxsize=4096)
def number_value(word: str):
    """A count written in digits or words; "X" when unspecified; None when not a count.

    >>> [number_value(w) for w in ("48", "tre", "qualche", "twenty-four", "2 1/2")]
    [48, 3, 'X', 24, 2.5]
    """
    word = fold(word).replace(",", ".")
    if word.replace(".", "", 1).isdigit():
        return float(word) if "." in word else int(word)
    mixed = re.fullmatch(r"(\d+)\s+1/2", word)
    if mixed:  # "2 1/2 years"
        return int(mixed.group(1)) + 0.5
    if "/" in word:  # "24/48 ore": the longer bound
        return max(int(part) for part in word.split("/"))
    return NUMBERS.get(word) or words_to_number(word)


def words_to_number(word: str):
    """ "twenty four" → 24, "ventitré" → 23, "two thousand" → 2000; None when no compound count."""
    total, current = 0, 0
    for part in re.findall(r"[a-zàéèìòù]+", word):
        if part in SCALES:
            current = (current or 1) * SCALES[part]
            if SCALES[part] >= 1000:
                total, current = total + current, 0
            continue
        value = NUMBERS.get(part)
        if value is None:
            tens = next((t for t in TENS if part.startswith(t)), None)
            if tens is None:
                return None
            rest = part[len(tens) :].lstrip("ai")  # "ventidue", "trentatré", "ventotto"
            value = TENS[tens] + (ONES.get(rest, 0) if rest else 0)
            if rest and rest not in ONES:
                return None
        if not isinstance(value, int):
            return None
        current += value
    return total + current or None
