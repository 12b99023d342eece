"""Template helpers for the incident pages: how precise a date is, in words; safe links.

    {{ event|when("it") }}   → {"label": "verso le 16:00", "precision": "approx"}
    {{ url|http_url }}       → the URL if it is http(s), else None (no javascript: links)

Also: ``timeline_db`` (the served database's name) for links to canned queries and
feeds, and the highlighted ``snippet`` column of the search query (escaped first, then
only the exact <mark>/</mark> markers put back).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlsplit

from datasette import hookimpl
from markupsafe import Markup, escape

CATEGORIES = (
    "outage_start", "provider_statement", "cause", "restoration_partial",
    "restoration_complete", "deadline", "consumer_action", "regulator_action",
    "compensation", "other",
)
LABELS = {
    "it": {
        "outage_start": "inizio del disservizio", "provider_statement": "dichiarazione del provider",
        "cause": "causa", "restoration_partial": "ripristino parziale",
        "restoration_complete": "ripristino completo", "deadline": "scadenza / promessa",
        "consumer_action": "azione dei consumatori", "regulator_action": "istituzioni",
        "compensation": "indennizzo", "other": "altro",
        "provider": "provider", "media": "stampa", "consumer_association": "associazione consumatori",
        "regulator": "istituzioni", "users": "utenti",
        "source": "fonte", "sources": "fonti", "document": "documento", "documents": "documenti",
        "disagree": "le fonti indicano", "first": "prima segnalazione",
    },
    "en": {
        "outage_start": "outage start", "provider_statement": "provider statement",
        "cause": "cause", "restoration_partial": "partial restoration",
        "restoration_complete": "full restoration", "deadline": "deadline / promise",
        "consumer_action": "consumer action", "regulator_action": "regulator / government",
        "compensation": "compensation", "other": "other",
        "provider": "provider", "media": "media", "consumer_association": "consumer association",
        "regulator": "regulator", "users": "users",
        "source": "source", "sources": "sources", "document": "document", "documents": "documents",
        "disagree": "sources give", "first": "first reported by",
    },
}
MONTHS = {
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
WEEKDAYS = {
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
PARTS = {"MO": ("mattina", "morning"), "AF": ("pomeriggio", "afternoon"),
         "EV": ("sera", "evening"), "NI": ("notte", "night")}
MOD_WORDS = {
    "APPROX": ("verso le {}", "about {}"), "BEFORE": ("prima delle {}", "before {}"),
    "AFTER": ("dopo le {}", "after {}"),
}
PERIOD_MODS = {"START": ("inizio {}", "early {}"), "MID": ("metà {}", "mid-{}"),
               "END": ("fine {}", "late {}")}

_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")
_PART = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MARK = re.compile(r"&lt;(/?)mark&gt;")


def _lang(lang) -> str:
    return lang if lang in LABELS else "it"


def _i(lang: str) -> int:
    return 0 if lang == "it" else 1


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except (TypeError, ValueError):
        return None


def day_label(day, lang="it") -> str:
    """'2023-01-22' → 'domenica 22 gennaio 2023' / 'Sunday 22 January 2023'."""
    lang = _lang(lang)
    date = _date(day)
    if date is None:
        return str(day or "")
    return f"{WEEKDAYS[lang][date.weekday()]} {date.day} {MONTHS[lang][date.month - 1]} {date.year}"


def short_day(day, lang="it") -> str:
    """'2023-01-22' → '22 gen' / '22 Jan'."""
    lang = _lang(lang)
    date = _date(day)
    if date is None:
        return str(day or "")
    return f"{date.day} {MONTHS[lang][date.month - 1][:3]}"


def _point(value: str, mod: str | None, lang: str, with_day: bool = False) -> tuple[str, str]:
    """One TIMEX3 value as (label, precision)."""
    i = _i(lang)
    prefix = ""
    if with_day and _date(value) and value[:10].count("-") == 2:
        prefix = short_day(value[:10], lang) + " "
    if match := _TIME.match(value):
        clock = match.group(2)
        if mod in MOD_WORDS:
            return prefix + MOD_WORDS[mod][i].format(clock), mod.lower()
        return prefix + clock, "minute"
    if match := _PART.match(value):
        part = PARTS[match.group(2)][i]
        return prefix + part, "part"
    if _DAY.match(value):
        if mod == "BEFORE":
            return ("entro il " if lang == "it" else "by ") + short_day(value, lang), "before"
        if mod == "AFTER":
            return ("dopo il " if lang == "it" else "after ") + short_day(value, lang), "after"
        return prefix.strip(), "day"
    if match := _MONTH.match(value):
        month = f"{MONTHS[lang][int(match.group(2)) - 1]} {match.group(1)}"
        if mod in PERIOD_MODS:
            return PERIOD_MODS[mod][i].format(month), "month"
        return month, "month"
    if match := _WEEK.match(value):
        return (f"settimana {int(match.group(2))}" if lang == "it" else f"week {int(match.group(2))}"), "week"
    return "", "other"


def when(event, lang="it") -> dict:
    """How precisely an event's date is known, in words: {"label", "precision"}.

    A time at minute precision → "16:00"; APPROX → "verso le 16:00"; a part of day →
    "sera"; a day → "" (the page already shows the day); BEFORE on a day → "entro il 27 gen";
    an interval → both ends ("26 gen 16:00 → 28 gen"); anything else → the words as written.
    """
    lang = _lang(lang)
    value = str(_get(event, "value") or "")
    mod = _get(event, "mod") or None
    text = _get(event, "text") or ""
    if "/" in value and not value.startswith("P"):
        start, _, end = value.partition("/")
        start_label, _ = _point(start, None, lang, with_day=True)
        end_label, _ = _point(end, None, lang, with_day=True)
        if start[:10] == end[:10] and start_label and end_label:
            end_label = end_label.split(" ", 2)[-1]
        return {"label": f"{start_label or start} → {end_label or end}", "precision": "interval"}
    label, precision = _point(value, mod, lang)
    if precision == "other":
        return {"label": f"«{text}»" if text else value, "precision": "vague"}
    if precision == "day" and _get(event, "category") == "deadline":
        return {"label": ("entro il " if lang == "it" else "by ") + short_day(value, lang),
                "precision": "before"}
    return {"label": label, "precision": precision}


def _get(event, key):
    try:
        return event[key]
    except (KeyError, IndexError, TypeError):
        return getattr(event, key, None)


def http_url(value) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (so it is never made a link)."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    parts = urlsplit(stripped)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(
            c in stripped for c in "\n\r\t\x00"):
        return stripped
    return None


def from_json(value, default=None):
    try:
        return json.loads(value) if value else default
    except (TypeError, ValueError):
        return default


def label(key, lang="it") -> str:
    lang = _lang(lang)
    return LABELS[lang].get(key, str(key or ""))


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["when"] = when
    env.filters["day_label"] = day_label
    env.filters["short_day"] = short_day
    env.filters["http_url"] = http_url
    env.filters["from_json"] = from_json
    env.filters["label"] = label


@hookimpl
def extra_template_vars(datasette):
    names = [name for name in datasette.databases if name not in ("_internal", "_memory")]
    return {"timeline_db": names[0] if names else None, "timeline_categories": CATEGORIES}


@hookimpl
def render_cell(value, column, table):
    if table is None and column == "snippet" and isinstance(value, str):
        return Markup(_MARK.sub(r"<\1mark>", str(escape(value))))
    return None
