"""Template helpers for the incident pages: how precise a date is, in words; safe links.

    {{ event|when("it") }}   → {"label": "verso le 16:00", "precision": "approx"}
    {{ url|http_url }}       → the URL if it is http(s), else None (no javascript: links)
    {{ timeline_view(before, main, after, incident, lang) }}
                             → the page's sections: days and periods, each with its entries
                               (events of one happening on one day grouped as one entry),
                               and the key moments for the summary at the top
    {{ sections_html(view.main, lang) }}
                             → those sections as HTML (with source_line, n_sources)

Also: ``timeline_db`` (the served database's name) for links to canned queries and
feeds, and the highlighted ``snippet`` column of the search query (escaped first, then
only the exact <mark>/</mark> markers put back).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from datasette import hookimpl
from markupsafe import Markup, escape

from timeline.categories import CATEGORIES
from timeline.corroborate import COARSE, granularity, significant_disagreement

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
        "decade": "decennio", "year": "anno", "season": "stagione / trimestre", "month": "mese",
        "week": "settimana",
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
        "decade": "decade", "year": "year", "season": "season / quarter", "month": "month",
        "week": "week",
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


def weekday_day(day, lang="it") -> str:
    """'2023-01-22' → 'domenica 22 gen' / 'Sunday 22 Jan'."""
    lang = _lang(lang)
    date = _date(day)
    if date is None:
        return str(day or "")
    return f"{WEEKDAYS[lang][date.weekday()]} {short_day(date, lang)}"


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


_HTTP_URL = re.compile(r"https?://[^/?#]", re.IGNORECASE)
_CONTROL = re.compile(r"[\n\r\t\x00]")


def http_url(value) -> str | None:
    """The URL when it is an absolute http(s) URL with a host, else None (so it is never made a link)."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    if _HTTP_URL.match(stripped) and not _CONTROL.search(stripped):
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


# ---------------------------------------------------------------------------------------
# The incident page: sections (days and periods) and entries (grouped reports)

#: Which granularities are most precise, to pick the entry that represents a group.
_PRECISION_RANK = {"time": 0, "part": 1, "interval": 2, "day": 3, "duration": 4}
#: The categories the summary at the top reports, in the order it lists them.
KEY_CATEGORIES = ("outage_start", "cause", "restoration_partial", "restoration_complete",
                  "compensation", "consumer_action", "regulator_action")
SEASONS = {
    "SP": ("primavera", "spring"), "SU": ("estate", "summer"), "FA": ("autunno", "autumn"),
    "WI": ("inverno", "winter"), "Q1": ("1° trimestre", "Q1"), "Q2": ("2° trimestre", "Q2"),
    "Q3": ("3° trimestre", "Q3"), "Q4": ("4° trimestre", "Q4"), "H1": ("1° semestre", "H1"),
    "H2": ("2° semestre", "H2"),
}


def _week_bounds(year: int, week: int) -> tuple[dt.date, dt.date] | None:
    try:
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def period_label(value, mod=None, lang="it") -> str:
    """A period coarser than a day, in words: '2023-01' → 'gennaio 2023', END → 'fine gennaio
    2023', '2023-W05' → 'settimana 30 gen – 5 feb 2023', '2023' → '2023', '2023-SU' → 'estate 2023'."""
    lang = _lang(lang)
    i = _i(lang)
    value = str(value or "")
    if "/" in value:
        start, _, end = value.partition("/")
        return f"{period_label(start, None, lang)} – {period_label(end, None, lang)}"
    label = value
    if match := _MONTH.match(value):
        label = f"{MONTHS[lang][int(match.group(2)) - 1]} {match.group(1)}"
    elif match := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
        bounds = _week_bounds(int(match.group(1)), int(match.group(2)))
        if bounds:
            first, last = bounds
            if match.group(3):
                first = last - dt.timedelta(days=1)
                word = "fine settimana" if lang == "it" else "weekend"
            else:
                word = "settimana" if lang == "it" else "week"
            label = f"{word} {short_day(first, lang)} – {short_day(last, lang)} {last.year}"
    elif match := re.match(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$", value):
        label = f"{SEASONS[match.group(2)][i]} {match.group(1)}"
    elif match := re.match(r"^(\d{3})X?$", value):
        label = (f"anni {match.group(1)}0" if lang == "it" else f"the {match.group(1)}0s")
    if mod in PERIOD_MODS:
        label = PERIOD_MODS[mod][i].format(label)
    return label


def contested(day_sources) -> bool:
    """Jinja test/filter: the happening's sources really disagree (see corroborate.significant_disagreement)."""
    if isinstance(day_sources, str):
        day_sources = from_json(day_sources, {})
    return significant_disagreement(day_sources or {})


def _rank(event: dict) -> tuple:
    return (_PRECISION_RANK.get(event["granularity"], 9), str(event.get("earliest") or ""),
            str(event.get("published") or ""), event.get("id") or 0)


def _entries(rows: list[dict]) -> dict:
    """Group rows into entries: one per (happening, day) or (happening, period), or per
    event when it belongs to no happening. Returns {section key: [entries]}.

    ``rows`` are timeline_view's own copies of the query's rows: each gets its granularity.
    """
    groups: dict[tuple, dict] = {}
    for event in rows:
        event["granularity"] = granularity(event.get("value"))
        if event["granularity"] in COARSE:
            section = ("period", str(event.get("day") or ""), event.get("value") or "", event.get("mod") or "")
        else:
            section = ("day", str(event.get("day") or ""), "", "")
        happening = event.get("happening_id")
        key = (section, ("h", happening) if happening is not None else ("e", event.get("id")))
        entry = groups.get(key)
        if entry is None:
            day_sources = from_json(event.get("day_sources"), {}) or {}
            entry = groups[key] = {
                "id": (f"h{happening}-{section[1]}" if happening is not None else f"e{event.get('id')}")
                      + (f"-{section[2]}" if section[0] == "period" else ""),
                "happening_id": happening, "section": section,
                "category": event.get("category") or "other", "events": [],
                "day_sources": day_sources,
                "contested": significant_disagreement(day_sources),
                "happening_sources": event.get("corroborating_sources") or 0,
            }
        entry["events"].append(event)
    by_section: dict[tuple, list] = {}
    for entry in groups.values():
        entry["events"].sort(key=_rank)
        entry["rep"] = entry["events"][0]
        names = []
        for event in entry["events"]:
            if event.get("source") not in names:
                names.append(event.get("source"))
        entry["sources"] = names
        entry["other_days"] = [d for d in sorted(entry["day_sources"]) if d != entry["section"][1]]
        by_section.setdefault(entry["section"], []).append(entry)
    for entries in by_section.values():
        entries.sort(key=lambda e: (str(min(ev.get("earliest") or "" for ev in e["events"])), e["id"]))
    return by_section


def _sections(rows: list[dict], lang: str) -> list[dict]:
    sections = []
    for (kind, day, value, mod), entries in _entries(rows).items():
        if kind == "period":
            label = period_label(value, mod or None, lang)
            sections.append({"kind": kind, "day": day, "key": f"{value}{'-' + mod if mod else ''}",
                             "label": label[:1].upper() + label[1:],
                             "precision": label_for_granularity(granularity(value), lang),
                             "entries": entries})
        else:
            sections.append({"kind": kind, "day": day, "key": day, "label": day_label(day, lang),
                             "precision": "", "entries": entries})
    # Chronological; a period starting on a day comes before that day's events.
    sections.sort(key=lambda s: (s["day"], 0 if s["kind"] == "period" else 1, s["key"]))
    return sections


def label_for_granularity(name, lang="it") -> str:
    return LABELS[_lang(lang)].get(name, name)


def timeline_view(before, main, after, incident=None, lang="it") -> dict:
    """The page's three bands (context before the incident window, the window, later dates)
    as sections of entries, and the key moments for the summary.

    ``before`` holds the events dated before the window, newest first (as queried): those
    of a period that reaches into the window (``latest`` on or after its start, e.g. a
    month containing it) move to the main band.
    """
    lang = _lang(lang)
    start = str(_get(incident, "window_start") or "") if incident is not None else ""
    moved, earlier = [], []
    for row in before or ():
        row = dict(row)
        (moved if start and str(row.get("latest") or "")[:10] >= start else earlier).append(row)
    before = earlier[::-1]
    main_rows = moved[::-1] + [dict(r) for r in main or ()]
    main_sections = _sections(main_rows, lang)
    return {
        "before": _sections(before, lang),
        "main": main_sections,
        "after": _sections([dict(r) for r in after or ()], lang),
        "moments": key_moments(main_sections),
        "event_count": len(main_rows),
    }


def key_moments(sections: list[dict]) -> list[dict]:
    """For each key category, the first happening in the window that at least two sources
    report (else the first one), on a day or finer (never a whole month or week): all its
    entries (one per claimed day), so a disagreement shows as such."""
    by_happening: dict = {}
    order: list = []
    for section in sections:
        if section["kind"] != "day":
            continue
        for entry in section["entries"]:
            key = entry["happening_id"]
            if key is None:
                continue
            if key not in by_happening:
                by_happening[key] = []
                order.append(key)
            by_happening[key].append(entry)
    moments = []
    for category in KEY_CATEGORIES:
        candidates = [k for k in order if by_happening[k][0]["category"] == category]
        if not candidates:
            continue
        supported = [k for k in candidates if (by_happening[k][0]["happening_sources"] or 0) >= 2]
        chosen = (supported or candidates)[0]
        entries = by_happening[chosen]
        moments.append({"category": category, "entries": entries,
                        "contested": entries[0]["contested"],
                        "sources": entries[0]["happening_sources"]})
    return moments


# ---------------------------------------------------------------------------------------
# The incident page's entries as HTML. Written in Python rather than as Jinja macros:
# Datasette's Jinja environment is async, where every macro call, filter and attribute
# costs an await, and 500 entries took ~50 ms to render there (~22 ms even in a synchronous
# environment, ~6 ms here). Everything printed goes through escape().

def _e(value) -> str:
    return str(escape("" if value is None else value))


def n_sources(n, lang="it") -> Markup:
    """'3 fonti' / '1 source'."""
    words = ("fonte", "fonti") if _lang(lang) == "it" else ("source", "sources")
    return Markup(f"{_e(n)} {words[0] if n == 1 else words[1]}")


def source_line(event, lang="it") -> Markup:
    """'— <a href=…>source</a>, «title» (23 gen 09:10)': only an http(s) URL becomes a link."""
    href = http_url(_get(event, "url"))
    name = _e(_get(event, "source"))
    line = (f'<a href="{_e(href)}" rel="nofollow noopener noreferrer">{name}</a>' if href
            else f'<span class="unlinked">{name}</span>')
    if title := _get(event, "document_title"):
        line += f", «{_e(title)}»"
    if published := _get(event, "published"):
        line += f' <span class="published">({_e(short_day(published[:10], lang))} {_e(published[11:16])})</span>'
    return Markup("— " + line)


def _quoted(event) -> str:
    """The sentence with the date expression in <mark> (or the expression alone)."""
    sentence, text = event.get("sentence") or "", event.get("text") or ""
    at = sentence.find(text) if text else -1
    if at >= 0:
        return f"{_e(sentence[:at])}<mark>{_e(text)}</mark>{_e(sentence[at + len(text):])}"
    return _e(sentence or text)


def _time_tag(event, label) -> str:
    mod = f" ({_e(event.get('mod'))})" if event.get("mod") else ""
    return f'<time datetime="{_e(event.get("earliest"))}" title="{_e(event.get("value"))}{mod}">{_e(label)}</time>'


def _day_claims(entry, lang) -> str:
    if not entry["contested"]:
        return ""
    claims = " / ".join(
        f'<a href="#h{_e(entry["happening_id"])}-{_e(d)}" title="{_e(", ".join(names))}">'
        f"{_e(short_day(d, lang))} ({n_sources(len(names), lang)})</a>"
        for d, names in entry["day_sources"].items())
    return f'<span class="disagreement-note">{"le fonti indicano" if lang == "it" else "sources give"} {claims}</span>'


def _entry_html(entry, lang) -> str:
    e, category = entry["rep"], _e(entry["category"])
    w = when(e, lang)
    when_cell = f'<div class="when precision-{_e(w["precision"])}">{_time_tag(e, w["label"]) if w["label"] else ""}</div>\n'
    actor = f'<span class="actor">{_e(label(e["actor"], lang))}</span>' if e.get("actor") else ""
    meta = f'<span class="cat cat-{category}">{_e(label(entry["category"], lang))}</span> {actor}'
    if len(entry["events"]) == 1:
        return (f'<li class="event entry cat-{category}" data-category="{category}" data-source="{_e(e.get("source"))}" '
                f'id="{_e(entry["id"])}">{when_cell}<div class="what"><p class="meta">{meta} {_day_claims(entry, lang)}</p>\n'
                f'<blockquote class="sentence" id="event-{_e(e.get("id"))}">{_quoted(e)}</blockquote>\n'
                f'<p class="source">{source_line(e, lang)}</p></div></li>\n')
    it = lang == "it"
    corroboration = ("fonti diverse che riportano lo stesso fatto in questo giorno" if it
                     else "distinct sources reporting the same happening on this day")
    reports = []
    for r in entry["events"]:
        rw = when(r, lang)
        reports.append(
            f'<li class="event report cat-{category}" data-category="{category}" data-source="{_e(r.get("source"))}" id="event-{_e(r.get("id"))}">'
            f'\n<span class="report-when precision-{_e(rw["precision"])}">{_time_tag(r, rw["label"]) if rw["label"] else ""}</span> '
            f'<q class="sentence">{_quoted(r)}</q> <span class="source">{source_line(r, lang)}</span></li>\n')
    return (f'<li class="happening entry cat-{category}" data-category="{category}" data-sources="{len(entry["sources"])}" '
            f'id="{_e(entry["id"])}">{when_cell}<div class="what"><p class="meta">{meta} '
            f'<span class="corroboration" title="{corroboration}">{n_sources(len(entry["sources"]), lang)}</span> '
            f'{_day_claims(entry, lang)}</p>\n<blockquote class="sentence">{_quoted(e)}</blockquote>\n'
            f'<p class="source">{source_line(e, lang)}</p>\n<details class="reports"><summary>'
            f'{"Tutte le citazioni" if it else "All reports"} ({len(entry["events"])}): {_e(", ".join(entry["sources"]))}</summary>\n'
            f'<ol class="reports">\n{"".join(reports)}</ol></details></div></li>\n')


def sections_html(sections, lang="it") -> Markup:
    """The days and periods of one band of the page, each with its entries, as an <ol>."""
    lang = _lang(lang)
    out = ['<ol class="days">\n']
    for section in sections:
        day = _e(section["day"])
        if section["kind"] == "period":
            out.append(f'<li class="day period" id="period-{_e(section["key"])}" data-period="{_e(section["key"])}">'
                       f'<h2 class="day-heading period-heading"><time datetime="{day}">{_e(section["label"])}</time> '
                       f'<span class="precision-tag">{"periodo" if lang == "it" else "period"}: {_e(section["precision"])}</span></h2>\n')
        else:
            out.append(f'<li class="day" id="day-{day}" data-day="{day}">'
                       f'<h2 class="day-heading"><time datetime="{day}">{_e(section["label"])}</time></h2>\n')
        out.append('<ol class="events">\n')
        out.extend(_entry_html(entry, lang) for entry in section["entries"])
        out.append("</ol></li>\n")
    out.append("</ol>\n")
    return Markup("".join(out))


@hookimpl
def prepare_jinja2_environment(env):
    env.filters.update({
        "period_label": period_label, "weekday_day": weekday_day, "contested": contested,
        "granularity": granularity, "when": when, "day_label": day_label, "short_day": short_day,
        "http_url": http_url, "from_json": from_json, "label": label,
    })
    env.globals.update({"timeline_view": timeline_view, "sections_html": sections_html,
                        "source_line": source_line, "n_sources": n_sources})


@hookimpl
def extra_template_vars(datasette):
    names = [name for name in datasette.databases if name not in ("_internal", "_memory")]
    return {"timeline_db": names[0] if names else None, "timeline_categories": CATEGORIES}


@hookimpl
def render_cell(value, column, table):
    if table is None and column == "snippet" and isinstance(value, str):
        return Markup(_MARK.sub(r"<\1mark>", str(escape(value))))
    return None
