"""The words the published timeline uses, in Italian and English: labels of categories and
precisions, days, and moments told as precisely as they are known, in the incident's timezone.

    >>> moment_label("2023-01-22T21:00:00+00:00", "hour", tz="Europe/Rome", lang="it")
    'domenica 22 gen, verso le 22:00'
    >>> moment_label("2023-01-22T22:15+01:00", "minute", tz="Europe/Rome", lang="en", style="short")
    '22 Jan 22:15'

Used by the incident page, the overview drawing, the feeds and the report, so that a moment
reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from incident_timeline.moments import parse_moment

LANGUAGES = ("it", "en")

LABELS = {
    "it": {
        "outage_start": "inizio del disservizio",
        "provider_statement": "dichiarazione del provider",
        "cause": "causa",
        "restoration_partial": "ripristino parziale",
        "restoration_complete": "ripristino completo",
        "deadline": "scadenza / promessa",
        "consumer_action": "azione dei consumatori",
        "regulator_action": "istituzioni",
        "compensation": "indennizzo",
        "outage_ongoing": "disservizio in corso",
        "other": "altro",
        "provider": "provider",
        "media": "stampa",
        "consumer_association": "associazione consumatori",
        "regulator": "istituzioni",
        "users": "utenti",
        "minute": "minuto",
        "hour": "ora",
        "part_of_day": "parte del giorno",
        "day": "giorno",
        "days": "più giorni",
        "week": "settimana",
        "month": "mese",
        "expected": "previsto",
        "negated": "smentito",
        "provider_notice": "comunicato del provider",
        "reported_statement": "dichiarazione riportata",
    },
    "en": {
        "outage_start": "outage start",
        "provider_statement": "provider statement",
        "cause": "cause",
        "restoration_partial": "partial restoration",
        "restoration_complete": "full restoration",
        "deadline": "deadline / promise",
        "consumer_action": "consumer action",
        "regulator_action": "regulator / government",
        "compensation": "compensation",
        "outage_ongoing": "outage ongoing",
        "other": "other",
        "provider": "provider",
        "media": "media",
        "consumer_association": "consumer association",
        "regulator": "regulator",
        "users": "users",
        "minute": "minute",
        "hour": "hour",
        "part_of_day": "part of the day",
        "day": "day",
        "days": "several days",
        "week": "week",
        "month": "month",
        "expected": "expected",
        "negated": "denied",
        "provider_notice": "provider notice",
        "reported_statement": "reported statement",
    },
}
#: Labels short enough for the overview drawing on a phone.
SHORT_LABELS = {
    "it": {
        "outage_start": "inizio",
        "provider_statement": "dichiarazione",
        "cause": "causa",
        "restoration_partial": "primo ripristino",
        "restoration_complete": "ripristino totale",
        "deadline": "scadenza",
        "consumer_action": "consumatori",
        "regulator_action": "istituzioni",
        "compensation": "indennizzo",
        "other": "altro",
    },
    "en": {
        "outage_start": "start",
        "provider_statement": "statement",
        "cause": "cause",
        "restoration_partial": "partly restored",
        "restoration_complete": "fully restored",
        "deadline": "deadline",
        "consumer_action": "consumers",
        "regulator_action": "regulator",
        "compensation": "compensation",
        "other": "other",
    },
}
MONTHS = {
    "it": tuple(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre".split()
    ),
    "en": tuple(
        "January February March April May June July August September October November "
        "December".split()
    ),
}
WEEKDAYS = {
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
#: Parts of the day by the hour they start at (TIMEX3 TMO, TAF, TEV, TNI).
PARTS = {
    "it": ((0, "notte"), (6, "mattina"), (12, "pomeriggio"), (18, "sera")),
    "en": ((0, "night"), (6, "morning"), (12, "afternoon"), (18, "evening")),
}
PARTS_IN_A_SENTENCE = {
    "it": {
        "notte": "nella notte di {}",
        "mattina": "{} in mattinata",
        "pomeriggio": "nel pomeriggio di {}",
        "sera": "{} in serata",
    },
    "en": {
        "night": "in the night of {}",
        "morning": "on {} in the morning",
        "afternoon": "on {} in the afternoon",
        "evening": "on {} in the evening",
    },
}


def language(value, default: str = "it") -> str:
    """'en' or 'it' from a request argument or a document's language code ('en-GB' → 'en')."""
    code = str(value or "").strip().lower()[:2]
    return code if code in LANGUAGES else default


def label(key, lang: str = "it") -> str:
    """A category, actor, precision or modality in words; anything else as it is."""
    return LABELS[language(lang)].get(key, str(key or ""))


def short_label(category, lang: str = "it") -> str:
    return SHORT_LABELS[language(lang)].get(category, str(category or ""))


def counted(n, one: str, many: str) -> str:
    """'1 fonte', '3 fonti': the number with the word that agrees with it."""
    return f"{n} {one if n == 1 else many}"


def n_sources(n, lang: str = "it") -> str:
    """'1 fonte', '3 fonti', '1 source'."""
    return (
        counted(n, "fonte", "fonti") if language(lang) == "it" else counted(n, "source", "sources")
    )


def local(value, tz: str | None) -> dt.datetime | None:
    """An ISO 8601 moment as an aware datetime in the incident's timezone (None if unreadable)."""
    if not value:
        return None
    return _local(str(value), tz or "UTC")


@lru_cache(maxsize=8192)
def _local(value: str, tz: str) -> dt.datetime | None:
    # A page shows the same publication and event times many times over (500 events: ~2,500 reads).
    return parse_moment(value, tz)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def day_label(day, lang: str = "it") -> str:
    """'2023-01-22' → 'domenica 22 gennaio 2023' / 'Sunday 22 January 2023'."""
    lang, date = language(lang), _date(day)
    if date is None:
        return str(day or "")
    return f"{WEEKDAYS[lang][date.weekday()]} {date.day} {MONTHS[lang][date.month - 1]} {date.year}"


def short_day(day, lang: str = "it") -> str:
    """'2023-01-22' → '22 gen' / '22 Jan'."""
    lang, date = language(lang), _date(day)
    if date is None:
        return str(day or "")
    return f"{date.day} {MONTHS[lang][date.month - 1][:3]}"


def weekday_day(day, lang: str = "it") -> str:
    """'2023-01-22' → 'domenica 22 gen' / 'Sunday 22 Jan'."""
    lang, date = language(lang), _date(day)
    if date is None:
        return str(day or "")
    return f"{WEEKDAYS[lang][date.weekday()]} {short_day(date, lang)}"


def part_of_day(moment: dt.datetime, lang: str = "it") -> str:
    return [word for hour, word in PARTS[language(lang)] if moment.hour >= hour][-1]


def clock(moment: dt.datetime, precision: str | None, lang: str = "it") -> str:
    """The time of day as precisely as known: '22:15', 'verso le 22:00', 'sera', '' (a day or
    coarser)."""
    it = language(lang) == "it"
    if precision == "minute":
        return f"{moment:%H:%M}"
    if precision == "hour":
        return f"{'verso le' if it else 'about'} {moment:%H:00}"
    if precision == "part_of_day":
        return part_of_day(moment, lang)
    return ""


@lru_cache(maxsize=8192)
def moment_label(
    at, precision, earliest=None, latest=None, *, tz=None, lang="it", style="long"
) -> str:
    """A moment in words, as precisely as it is known, in the incident's timezone.

    style "long": 'domenica 22 gen, verso le 22:00' · 'tra il 22 e il 24 gen' · 'gennaio 2023';
    "short" (drawings, feed titles): '22 gen 22:15' · '22 gen sera' · '22–24 gen';
    "sentence": 'domenica 22 gennaio verso le 22:00' / 'on Sunday 22 January at about 22:00';
    "clock" (under a day heading): '22:15' · 'verso le 22:00' · '' for a day.
    """
    lang = language(lang)
    it = lang == "it"
    moment = local(at, tz)
    if moment is None:
        return ""
    first, last = local(earliest, tz) or moment, local(latest, tz) or moment
    if style == "sentence" and precision in ("days", "week", "month"):
        return _period_in_a_sentence(first, last, precision, lang)
    if precision == "days":
        a, b = short_day(first, lang), short_day(last, lang)
        if first.date() == last.date():
            return "" if style == "clock" else a
        if style == "clock":
            return f"{a} → {b}"
        if style == "short":
            return f"{first.day}–{b}" if first.month == last.month else f"{a}–{b}"
        return f"tra il {a} e il {b}" if it else f"between {a} and {b}"
    if precision == "week":
        monday = first.date() - dt.timedelta(days=first.weekday())
        return (
            f"{'settimana del' if it else 'week of'} {short_day(monday, lang)}"
            if style != "short"
            else f"{'sett.' if it else 'wk'} {short_day(monday, lang)}"
        )
    if precision == "month":
        name = MONTHS[lang][moment.month - 1]
        return f"{name[:3] if style == 'short' else name} {moment.year}"
    if style == "sentence":
        return _in_a_sentence(moment, precision, lang)
    time = clock(moment, precision, lang)
    if style == "clock":
        return time
    if style == "short":
        if precision == "hour":
            time = f"~{moment:%H:00}"
        return f"{short_day(moment, lang)} {time}".strip()
    day = weekday_day(moment, lang)
    return f"{day}, {time}" if time else day


def _in_a_sentence(moment: dt.datetime, precision, lang: str) -> str:
    """A moment of a day (minute, hour, part of day or day) as a sentence says it."""
    it = lang == "it"
    day = f"{WEEKDAYS[lang][moment.weekday()]} {moment.day} {MONTHS[lang][moment.month - 1]}"
    if precision == "minute":
        return (
            f"{day} {'all' + chr(39) if moment.hour == 1 else 'alle'} {moment:%H:%M}"
            if it
            else f"on {day} at {moment:%H:%M}"
        )
    if precision == "hour":
        return f"{day} verso le {moment:%H:00}" if it else f"on {day} at about {moment:%H:00}"
    if precision == "part_of_day":
        return PARTS_IN_A_SENTENCE[lang][part_of_day(moment, lang)].format(day)
    return day if it else f"on {day}"


def _period_in_a_sentence(first: dt.datetime, last: dt.datetime, precision, lang: str) -> str:
    """'tra il 22 e il 24 gennaio', 'nella settimana del 16 gennaio', 'a gennaio 2023'."""
    it, months = lang == "it", MONTHS[lang]
    if precision == "month":
        return f"{'a' if it else 'in'} {months[first.month - 1]} {first.year}"
    if precision == "week":
        monday = first.date() - dt.timedelta(days=first.weekday())
        return (
            f"nella settimana del {monday.day} {months[monday.month - 1]}"
            if it
            else f"in the week of {monday.day} {months[monday.month - 1]}"
        )
    a = f"{first.day}" if first.month == last.month else f"{first.day} {months[first.month - 1]}"
    b = f"{last.day} {months[last.month - 1]}"
    return f"tra il {a} e il {b}" if it else f"between {a} and {b}"
