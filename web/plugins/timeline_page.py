"""The incident page's Python side: its story (key moments, outage sentence, overview), and
its full list of events grouped by the day they happened, rendered here rather than in Jinja.

    {{ incident_view(incident, moments, documents, counts, rows, undated, lang, links) }}
        → {"sentence", "moments", "overview", "days", "next", "shown"}: HTML as Markup, where
          the next page starts and how many events the page lists

Why Python: Datasette's Jinja environment is async, where every macro call, filter and
attribute costs an await; 500 entries took ~50 ms there and ~6 ms here. Everything printed
goes through escape(). Also: ``timeline_db`` (the served database's name) and the highlighted
``snippet`` column of the search query (escaped first, then only <mark>/</mark> put back).
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from datasette import hookimpl
from incident_timeline.categories import CATEGORIES
from incident_timeline.items import PRECISIONS
from incident_timeline.labels import (
    counted,
    day_label,
    label,
    language,
    local,
    moment_label,
    n_sources,
    short_day,
)
from incident_timeline.overview import overview_html
from incident_timeline.story import Story, cited_urls, http_url, json_list
from markupsafe import Markup, escape

__all__ = ["http_url", "incident_view", "source_line"]

_MARK = re.compile(r"&lt;(/?)mark&gt;")
_CLOCK = re.compile(r"T\d\d:\d\d")


@lru_cache(maxsize=4096)
def _e(value) -> str:
    # Cached: sources, categories, URLs and labels repeat on every entry (~20 values an event).
    return html.escape("" if value is None else str(value))


def _get(row, key):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


# ---------------------------------------------------------------------------------------
# One event


def mentioned(event, tz, lang) -> str:
    """The date a sentence mentions, when it is not when the event happened: '' otherwise.

    'riferito a «entro le prossime 48 ore» (entro il 26 gen)'; only for a mention with bounds
    (a bare duration or 'nelle prossime ore' has none to compare).
    """
    earliest, latest = event.get("earliest"), event.get("latest")
    if not earliest or (earliest, latest) == (
        event.get("happened_earliest"),
        event.get("happened_latest"),
    ):
        return ""
    first, last = local(earliest, tz), local(latest, tz) or local(earliest, tz)
    if first is None:
        return ""
    it = language(lang) == "it"
    day = short_day(first, lang)
    if event.get("mod") == "BEFORE":
        when = ("entro il " if it else "by ") + day
    elif event.get("mod") == "AFTER":
        when = ("dopo il " if it else "after ") + day
    elif first.date() != last.date():
        when = f"{day} → {short_day(last, lang)}"
    else:
        when = day + (f" {first:%H:%M}" if _CLOCK.search(str(event.get("value") or "")) else "")
    text = event.get("text") or ""
    quoted = f"«{text}» " if text and text != event.get("sentence") else ""
    return f"{'riferito a' if it else 'refers to'} {quoted}({when})"


def source_line(event, lang="it", links=None) -> Markup:
    """'— source, «title» (23 gen 09:10) · scheda · copia d'archivio': the source links to the
    original only when its URL is http(s); the record is the document's page here."""
    it = language(lang) == "it"
    href = http_url(_get(event, "url"))
    name = _e(_get(event, "source"))
    line = (
        f'<a href="{_e(href)}" rel="nofollow noopener noreferrer">{name}</a>'
        if href
        else f'<span class="unlinked">{name}</span>'
    )
    if title := _get(event, "document_title"):
        line += f", «{_e(title)}»"
    if published := _get(event, "published"):
        tz = (links or {}).get("tz")
        stamp = moment_label(published, "minute", tz=tz, lang=lang, style="short")
        line += f' <span class="published">({_e(stamp)})</span>'
    if (links or {}).get("documents") and _get(event, "document_id") is not None:
        line += (
            f' · <a class="record"'
            f' href="{_e(links["documents"])}/{_e(_get(event, "document_id"))}">'
            f"{'scheda' if it else 'record'}</a>"
        )
    if archived := http_url(_get(event, "archived_url")):
        line += (
            f' · <a class="archived" href="{_e(archived)}" rel="nofollow noopener noreferrer">'
            f"{'copia d’archivio' if it else 'archived copy'}</a>"
        )
    return Markup("— " + line)


def _quoted(event) -> str:
    """The sentence with the date expression in <mark> (or the expression alone)."""
    sentence, text = event.get("sentence") or "", event.get("text") or ""
    at = sentence.find(text) if text else -1
    if at >= 0 and text != sentence:
        return f"{_e(sentence[:at])}<mark>{_e(text)}</mark>{_e(sentence[at + len(text) :])}"
    return _e(sentence or text)


def _when_cell(event, tz, lang) -> str:
    precision = event.get("happened_precision")
    text = moment_label(
        event.get("happened_at"),
        precision,
        event.get("happened_earliest"),
        event.get("happened_latest"),
        tz=tz,
        lang=lang,
        style="clock",
    )
    if not precision:
        text = "riportato" if language(lang) == "it" else "reported"
    time = f'<time datetime="{_e(event.get("happened_at"))}">{_e(text)}</time>' if text else ""
    return f'<div class="when precision-{_e(precision or "unknown")}">{time}</div>\n'


def _meta(event, lang, n_sourced=None, moment_link=True) -> str:
    category = event.get("category") or "other"
    out = [f'<span class="cat cat-{_e(category)}">{_e(label(category, lang))}</span>']
    if event.get("modality") in ("expected", "negated"):
        out.append(
            f'<span class="modality modality-{_e(event["modality"])}">'
            f"{_e(label(event['modality'], lang))}</span>"
        )
    if event.get("actor"):
        out.append(f'<span class="actor">{_e(label(event["actor"], lang))}</span>')
    if n_sourced:
        out.append(f'<span class="corroboration">{_e(n_sources(n_sourced, lang))}</span>')
    if moment_link and event.get("moment_id") is not None:
        out.append(
            f'<a class="to-moment" href="#moment-{_e(event["moment_id"])}">'
            f"{'momento chiave ↑' if language(lang) == 'it' else 'key moment ↑'}</a>"
        )
    return f'<p class="meta">{" ".join(out)}</p>\n'


def _lang_attribute(event) -> str:
    return f' lang="{_e(event["lang"])}"' if event.get("lang") else ""


def _event_html(event, lang, links) -> str:
    category = _e(event.get("category") or "other")
    note = mentioned(event, links.get("tz"), lang)
    return (
        f'<li class="event entry cat-{category}" data-category="{category}" '
        f'data-source="{_e(event.get("source"))}" id="event-{_e(event.get("id"))}">'
        f'{_when_cell(event, links.get("tz"), lang)}<div class="what">{_meta(event, lang)}'
        f'<blockquote class="sentence"{_lang_attribute(event)}>{_quoted(event)}</blockquote>\n'
        + (f'<p class="mentioned">{_e(note)}</p>\n' if note else "")
        + f'<p class="source">{source_line(event, lang, links)}</p></div></li>\n'
    )


def _group_html(events, lang, links) -> str:
    """Several reports of one key moment on one day: the most precise shown, all listed."""
    rep = min(
        events,
        key=lambda e: (
            PRECISIONS.index(e["happened_precision"])
            if e.get("happened_precision") in PRECISIONS
            else 9,
            str(e.get("happened_at") or ""),
            e.get("id") or 0,
        ),
    )
    it = language(lang) == "it"
    category = _e(rep.get("category") or "other")
    names = list(dict.fromkeys(e.get("source") for e in events))
    tz = links.get("tz")
    reports = []
    for event in events:
        note = mentioned(event, tz, lang)
        when = moment_label(
            event.get("happened_at"),
            event.get("happened_precision"),
            event.get("happened_earliest"),
            event.get("happened_latest"),
            tz=tz,
            lang=lang,
            style="clock",
        )
        reports.append(
            f'<li class="event report cat-{category}" data-category="{category}" '
            f'data-source="{_e(event.get("source"))}" id="event-{_e(event.get("id"))}">'
            f'<span class="report-when">{_e(when)}</span>'
            f' <q class="sentence"{_lang_attribute(event)}>'
            f"{_quoted(event)}</q>"
            + (f' <span class="mentioned">{_e(note)}</span>' if note else "")
            + f' <span class="source">{source_line(event, lang, links)}</span></li>\n'
        )
    day = _e(rep.get("happened_day"))
    return (
        f'<li class="happening entry cat-{category}" data-category="{category}" '
        f'data-sources="{len(names)}" id="moment-{_e(rep.get("moment_id"))}-{day}">'
        f'{_when_cell(rep, tz, lang)}<div class="what">{_meta(rep, lang, len(names))}'
        f'<blockquote class="sentence"{_lang_attribute(rep)}>{_quoted(rep)}</blockquote>\n'
        f'<details class="reports"><summary>{"Tutte le citazioni" if it else "All reports"} '
        f"({len(events)}): {_e(', '.join(str(n) for n in names))}</summary>\n"
        f'<ol class="reports">\n{"".join(reports)}</ol></details></div></li>\n'
    )


# ---------------------------------------------------------------------------------------
# Days


def _day_html(day, events, lang, links, show_other) -> str:
    """One day: its events in time order, several reports of one key moment as one entry,
    events without a category folded away (unless asked for)."""
    it = language(lang) == "it"
    by_moment: dict = {}
    for event in events:
        if event.get("moment_id") is not None:
            by_moment.setdefault(event["moment_id"], []).append(event)
    entries, others, done = [], [], set()
    for event in events:
        if (event.get("category") or "other") == "other" and not show_other:
            others.append(_event_html(event, lang, links))
            continue
        group = by_moment.get(event.get("moment_id"), [event])
        if len(group) == 1:
            entries.append(_event_html(event, lang, links))
        elif event["moment_id"] not in done:
            done.add(event["moment_id"])
            entries.append(_group_html(group, lang, links))
    if others:
        summary = (
            f"{counted(len(others), 'altra data menzionata', 'altre date menzionate')}"
            ", senza categoria"
            if it
            else f"{counted(len(others), 'other date mentioned', 'other dates mentioned')}, "
            "without a category"
        )
        entries.append(
            f'<li class="others"><details class="others"><summary>{_e(summary)}</summary>\n'
            f'<ol class="events">\n{"".join(others)}</ol></details></li>\n'
        )
    if day:
        heading = _e(day_label(day, lang))
        anchor = f'id="day-{_e(day)}" data-day="{_e(day)}"'
    else:
        heading = "Data non nota" if it else "Date unknown"
        anchor = 'id="day-unknown" data-day=""'
    count = (
        counted(len(events), "evento", "eventi") if it else counted(len(events), "event", "events")
    )
    return (
        f'<li class="day" {anchor}><h3 class="day-heading">'
        f'<time datetime="{_e(day or "")}">{heading}</time> '
        f'<span class="day-count">{_e(count)}</span></h3>\n'
        f'<ol class="events">\n{"".join(entries)}</ol></li>\n'
    )


def days_html(
    rows, undated, lang, links, max_rows, show_other=False, skip=0
) -> tuple[Markup, dict | None, int]:
    """The events grouped by the day they happened (then those with no day), as an <ol>;
    where the next page starts when ``rows`` filled ``max_rows`` ({"from": day, "skip": n});
    how many events are listed.

    A day the limit may have cut is left whole for the next page; a single day with more
    events than a page goes on over several (``skip`` of them already shown)."""
    days: dict = {}
    for row in rows:
        days.setdefault(row.get("happened_day"), []).append(row)
    following = None
    if len(rows) >= max_rows and len(days) > 1:
        last = list(days)[-1]
        following = {"from": last, "skip": 0}
        del days[last]
    elif len(rows) >= max_rows:
        following = {"from": list(days)[-1], "skip": skip + len(rows)}
    if undated and following is None:
        days[None] = list(undated)
    out = ['<ol class="days">\n']
    out.extend(_day_html(day, events, lang, links, show_other) for day, events in days.items())
    out.append("</ol>\n")
    return Markup("".join(out)), following, sum(len(events) for events in days.values())


# ---------------------------------------------------------------------------------------
# The page


def incident_view(
    incident,
    moments,
    documents,
    counts,
    rows,
    undated,
    lang="it",
    links=None,
    max_rows=500,
    show_other=False,
    skip=0,
) -> dict:
    """Everything the incident page shows below its header, as Markup.

    ``moments``: key_moments rows; ``documents``: the documents they cite (rows with url);
    ``counts``: day_counts rows; ``rows``/``undated``: the events listed (dicts or rows);
    ``links``: {"documents": URL of the documents table} for each document's record.
    """
    lang = language(lang)
    tz = _get(incident, "timezone")
    links = {**(links or {}), "tz": tz}
    by_url = {row["url"]: dict(row) for row in documents or ()}
    story = Story([dict(m) for m in moments or ()], by_url, tz=tz, lang=lang, day_links=True)
    days, following, shown = days_html(
        [dict(r) for r in rows or ()],
        [dict(r) for r in undated or ()],
        lang,
        links,
        max_rows,
        show_other,
        skip,
    )
    return {
        "sentence": Markup(story.sentence_html()),
        "moments": Markup(story.moments_html()) if story.moments else "",
        "overview": Markup(
            overview_html(story.moments, [dict(c) for c in counts or ()], tz=tz, lang=lang)
        ),
        "days": days,
        "next": following,
        "shown": shown,
    }


def outage_line(moments, tz=None, lang="it") -> str:
    """The outage period in a few words, for the home page (see Story.period_line)."""
    return Story([dict(m) for m in moments or ()], tz=tz, lang=lang).period_line()


def moment_urls(moments) -> str:
    """The URLs the moments cite, as a JSON array for ``json_each`` (one indexed lookup each)."""
    return json.dumps(cited_urls([dict(m) for m in moments or ()])[:500])


@hookimpl
def prepare_jinja2_environment(env):
    env.filters.update(
        {
            "day_label": day_label,
            "short_day": short_day,
            "http_url": http_url,
            "label": label,
            "from_json": json_list,
        }
    )
    env.globals.update(
        {
            "incident_view": incident_view,
            "moment_urls": moment_urls,
            "outage_line": outage_line,
            "page_language": language,
            "counted": counted,
            "moment_label": moment_label,
        }
    )


@hookimpl
def extra_template_vars(datasette):
    names = [name for name in datasette.databases if name not in ("_internal", "_memory")]
    return {"timeline_db": names[0] if names else None, "timeline_categories": CATEGORIES}


@hookimpl
def render_cell(value, column, table):
    if table is None and column == "snippet" and isinstance(value, str):
        return Markup(_MARK.sub(r"<\1mark>", str(escape(value))))
    return None
