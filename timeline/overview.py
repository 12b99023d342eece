"""The overview drawing of an incident, as inline SVG drawn on the server (no script): the
outage period as a band from its start to partial and full restoration, each key moment as
a mark on its own row with a short label (its uncertainty as a line from earliest to latest),
and the events per day by category as stacked bars, over the days of the story.

    html = overview_html(moments, day_counts, tz="Europe/Rome", lang="it")

Positions across are percentages and sizes down are pixels, with no viewBox: the drawing
takes the width it is given and its text keeps its size, so it stays readable on a 390 px
phone and on a desktop alike. The incident page and the report (timeline/report.py) embed
the same figure; colours are attributes, so it needs no stylesheet.
"""

from __future__ import annotations

import datetime as dt
import html

from timeline.labels import (MONTHS, counted, label, language, local, moment_label, short_day,
                             short_label)
from timeline.story import COARSE, Story

#: Category colours (the same as web/static/timeline.css; a test keeps them equal).
COLOURS = {
    "outage_start": "#c62828", "provider_statement": "#1565c0", "cause": "#6a1b9a",
    "restoration_partial": "#ef8f00", "restoration_complete": "#2e7d32", "deadline": "#ad1457",
    "consumer_action": "#00838f", "regulator_action": "#4e342e", "compensation": "#827717",
    "other": "#78909c",
}
INK, MUTED, GUIDE = "#1d2330", "#5b6474", "#d5dae2"
#: At most this many days are drawn (a story of a quarter); the rest is told in the caption.
MAX_DAYS = 92
#: At most this many key moments get a row.
MAX_ROWS = 40
LEFT, WIDTH = 1.5, 97.0  # the plot's left edge and width, in % of the figure
BAND_TOP, BAND_HEIGHT, ROW_TOP, ROW_HEIGHT, BARS_HEIGHT = 6, 14, 30, 30, 56


def _e(value) -> str:
    return html.escape(str(value))


def _pct(value: float) -> str:
    return f"{value:.2f}%"


class _Scale:
    """Days and moments to % across the plot."""

    def __init__(self, first: dt.date, last: dt.date, tz):
        self.first, self.last, self.tz = first, last, tz
        self.days = (last - first).days + 1

    def day(self, day: dt.date) -> float:
        return LEFT + WIDTH * (day - self.first).days / self.days

    def covers(self, value) -> bool:
        moment = local(value, self.tz)
        return moment is not None and self.first <= moment.date() <= self.last

    def moment(self, value) -> float | None:
        moment = local(value, self.tz)
        if moment is None:
            return None
        offset = (moment.date() - self.first).days + (moment.hour * 60 + moment.minute) / 1440
        return LEFT + WIDTH * min(max(offset, 0), self.days) / self.days


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def day_range(moments, counts, tz) -> tuple[dt.date, dt.date] | None:
    """The days drawn: the days of the key moments known to a few days or better, with a day
    either side (a month-long moment would stretch the axis over weeks of nothing); else the
    days with events. At most MAX_DAYS."""
    placed = [m for m in moments if m.get("precision") not in COARSE] or moments
    days = [m.date() for m in (local(x.get("at"), tz) for x in placed) if m]
    if days:
        first, last = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
    else:
        days = [d for d in (_day(row.get("day")) for row in counts) if d]
        if not days:
            return None
        first, last = min(days), max(days)
    return first, min(last, first + dt.timedelta(days=MAX_DAYS - 1))


def overview_html(moments, counts, *, tz=None, lang="it") -> str:
    """The overview <figure> (SVG and legend), or '' when there is nothing to draw.

    ``moments``: key_moments rows (dicts); ``counts``: day_counts rows (day, category, events).
    """
    lang = language(lang)
    moments = [dict(m) for m in moments]
    counts = [dict(c) for c in counts]
    span = day_range(moments, counts, tz)
    if span is None:
        return ""
    scale = _Scale(*span, tz)
    story = Story(moments, tz=tz, lang=lang)
    shown = [m for m in story.moments if scale.covers(m.get("at"))][:MAX_ROWS]
    rows_bottom = ROW_TOP + ROW_HEIGHT * len(shown)
    bars_top = rows_bottom + 10
    axis_top = bars_top + BARS_HEIGHT
    height = axis_top + 34
    parts = [_band(story, scale, lang), *(_moment_row(m, i, scale, lang, axis_top) for i, m in enumerate(shown)),
             _bars(counts, scale, bars_top, lang), _axis(scale, axis_top, lang)]
    sentence = story.sentence_text() or _title(lang)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="overview-drawing" width="100%" height="{height}" '
           f'role="img" aria-labelledby="overview-title overview-desc" '
           f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="12">'
           f'<title id="overview-title">{_e(_title(lang))}</title><desc id="overview-desc">{_e(sentence)}</desc>'
           f'{"".join(parts)}</svg>')
    return (f'<figure class="overview" style="margin:0">{svg}\n'
            f'<figcaption style="font-size:0.85rem;color:{MUTED};display:flex;flex-wrap:wrap;gap:0.2rem 0.9rem">'
            f'{_legend(story.moments, counts, scale, lang)}</figcaption></figure>')


def _title(lang) -> str:
    return "Andamento del disservizio" if lang == "it" else "Course of the outage"


def _band(story: Story, scale: _Scale, lang) -> str:
    """Red from the start to partial restoration, amber from there to full restoration; an
    uncertain start (sources disagree) pale between its alternatives; open-ended when no
    restoration is reported."""
    period = story.period()
    starts = [x for x in (scale.moment(m.get("at")) for m in period["outage_start"]) if x is not None]
    if not starts:
        return ""
    partial = [scale.moment(m.get("at")) for m in period["restoration_partial"]]
    complete = [scale.moment(m.get("at")) for m in period["restoration_complete"]]
    end = LEFT + WIDTH
    stop_red = min(partial + complete, default=end)
    stop_amber = min(complete, default=end)
    open_ended = not complete
    out = []

    def rect(x0, x1, colour, opacity=1.0, title=""):
        if x1 - x0 <= 0:
            return
        out.append(f'<rect x="{_pct(x0)}" y="{BAND_TOP}" width="{_pct(x1 - x0)}" height="{BAND_HEIGHT}" '
                   f'fill="{colour}" fill-opacity="{opacity}"><title>{_e(title)}</title></rect>')

    it = lang == "it"
    rect(min(starts), max(starts), COLOURS["outage_start"], 0.35,
         "inizio incerto: le fonti non concordano" if it else "uncertain start: sources disagree")
    rect(max(starts), stop_red, COLOURS["outage_start"], 0.55 if open_ended and not partial else 1,
         "disservizio" if it else "outage")
    if partial:
        rect(min(partial), stop_amber, COLOURS["restoration_partial"], 0.55 if open_ended else 1,
             "ripristino parziale" if it else "partly restored")
    if complete:
        x = min(complete)
        out.append(f'<line x1="{_pct(x)}" x2="{_pct(x)}" y1="{BAND_TOP - 3}" y2="{BAND_TOP + BAND_HEIGHT + 3}" '
                   f'stroke="{COLOURS["restoration_complete"]}" stroke-width="3"/>')
    return "".join(out)


def _moment_row(moment, index, scale: _Scale, lang, axis_top) -> str:
    y = ROW_TOP + ROW_HEIGHT * index
    x = scale.moment(moment.get("at"))
    lo = scale.moment(moment.get("earliest")) or x
    hi = scale.moment(moment.get("latest")) or x
    category = moment.get("category") or "other"
    colour = COLOURS.get(category, COLOURS["other"])
    conflict = bool(moment.get("conflict"))
    it = lang == "it"
    name = short_label(category, lang) + ((" · contestato" if it else " · disputed") if conflict else "")
    when = moment_label(moment.get("at"), moment.get("precision"), moment.get("earliest"),
                        moment.get("latest"), tz=scale.tz, lang=lang, style="short")
    right = x < LEFT + WIDTH * 0.55
    anchor, dx = ("start", 9) if right else ("end", -9)
    fill = "#ffffff" if conflict else colour
    return (f'<g class="mark" data-category="{_e(category)}"><title>{_e(name)}: {_e(when)}</title>'
            f'<line x1="{_pct(x)}" x2="{_pct(x)}" y1="{y + 16}" y2="{axis_top}" stroke="{GUIDE}" '
            f'stroke-dasharray="2 3"/>'
            f'<line x1="{_pct(lo)}" x2="{_pct(max(hi, lo + 0.15))}" y1="{y + 10}" y2="{y + 10}" '
            f'stroke="{colour}" stroke-width="3" stroke-opacity="0.45"/>'
            f'<circle cx="{_pct(x)}" cy="{y + 10}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{_pct(x)}" dx="{dx}" y="{y + 9}" text-anchor="{anchor}" font-weight="600" '
            f'fill="{INK}">{_e(name)}</text>'
            f'<text x="{_pct(x)}" dx="{dx}" y="{y + 23}" text-anchor="{anchor}" font-size="11" '
            f'fill="{MUTED}">{_e(when)}</text></g>')


def _bars(counts, scale: _Scale, top, lang) -> str:
    per_day: dict[dt.date, dict[str, int]] = {}
    for row in counts:
        day = _day(row.get("day"))
        if day and scale.first <= day <= scale.last:
            category = row.get("category") or "other"
            per_day.setdefault(day, {})
            per_day[day][category] = per_day[day].get(category, 0) + int(row.get("events") or 0)
    if not per_day:
        return ""
    most = max(sum(c.values()) for c in per_day.values()) or 1
    width = WIDTH / scale.days
    out = []
    it = lang == "it"
    for day, by_category in sorted(per_day.items()):
        total = sum(by_category.values())
        y = top + BARS_HEIGHT
        x = scale.day(day) + width * 0.15
        rects = []
        for category in COLOURS:
            n = by_category.get(category, 0)
            if not n:
                continue
            h = BARS_HEIGHT * n / most
            y -= h
            rects.append(f'<rect x="{_pct(x)}" y="{y:.1f}" width="{_pct(width * 0.7)}" height="{h:.1f}" '
                         f'fill="{COLOURS[category]}"/>')
        title = f'{short_day(day, lang)}: {total} {"eventi" if it else "events"}'
        out.append(f'<g class="day-bar" data-date="{day.isoformat()}" data-events="{total}"><title>{_e(title)}</title>'
                   f'{"".join(rects)}</g>')
    out.append(f'<text x="{_pct(LEFT + WIDTH)}" y="{top + 8}" text-anchor="end" font-size="10" fill="{MUTED}">'
               f'max {most} {"eventi al giorno" if it else "events a day"}</text>')
    return "".join(out)


def _axis(scale: _Scale, top, lang) -> str:
    step = max(1, -(-scale.days // 20))  # at most ~20 day numbers: each keeps ≥ 17 px on a phone
    out = [f'<line x1="{_pct(LEFT)}" x2="{_pct(LEFT + WIDTH)}" y1="{top}" y2="{top}" stroke="{MUTED}"/>']
    half = WIDTH / scale.days / 2
    for i in range(scale.days):
        day = scale.first + dt.timedelta(days=i)
        x = scale.day(day) + half
        if i % step == 0:
            out.append(f'<text x="{_pct(x)}" y="{top + 14}" text-anchor="middle" font-size="10" '
                       f'fill="{INK}">{day.day}</text>')
        if i == 0 or (day.day == 1 and i >= 6):  # no month name crowding the first one
            out.append(f'<text x="{_pct(x)}" y="{top + 28}" text-anchor="{"start" if i == 0 else "middle"}" '
                       f'font-size="10" fill="{MUTED}">{_e(MONTHS[lang][day.month - 1][:3])} {day.year}</text>')
    return "".join(out)


def _swatch(colour, text, opacity=1.0) -> str:
    return (f'<span><span aria-hidden="true" style="display:inline-block;width:0.8em;height:0.8em;'
            f'background:{colour};opacity:{opacity};margin-right:0.3em;vertical-align:-0.05em"></span>'
            f'{_e(text)}</span>')


def _legend(moments, counts, scale: _Scale, lang) -> str:
    """What the colours mean, and what falls outside the days drawn."""
    it = lang == "it"
    out = [_swatch(COLOURS["outage_start"], "disservizio" if it else "outage"),
           _swatch(COLOURS["restoration_partial"], "ripristino parziale" if it else "partly restored"),
           _swatch(COLOURS["restoration_complete"], "ripristino completo" if it else "fully restored"),
           f'<span>{"○ contestato · linea: margine di incertezza" if it else "○ disputed · line: uncertainty"}</span>',
           '<span style="flex-basis:100%;height:0"></span>',
           f'<span>{"Eventi al giorno:" if it else "Events a day:"}</span>']
    drawn = {row.get("category") or "other" for row in counts if scale.covers(row.get("day"))}
    out += [_swatch(COLOURS[c], label(c, lang)) for c in COLOURS if c in drawn]
    before = after = undated = 0
    for row in counts:
        day, n = _day(row.get("day")), int(row.get("events") or 0)
        if day is None:
            undated += n
        elif day < scale.first:
            before += n
        elif day > scale.last:
            after += n
    def events(n):
        return counted(n, "evento", "eventi") if it else counted(n, "event", "events")

    notes = []
    if before:
        notes.append(f'{events(before)} {"prima del" if it else "before"} {short_day(scale.first, lang)}')
    if after:
        notes.append(f'{events(after)} {"dopo il" if it else "after"} {short_day(scale.last, lang)}')
    if undated:
        notes.append(f'{events(undated)} {"senza data" if it else "undated"}')
    outside = sum(not scale.covers(m.get("at")) for m in moments)
    if outside:
        notes.append(counted(outside, "momento chiave", "momenti chiave") + " fuori dai giorni mostrati"
                     if it else counted(outside, "key moment", "key moments") + " outside the days shown")
    if notes:
        out.append(f'<span>({_e("; ".join(notes))})</span>')
    return "".join(out)
