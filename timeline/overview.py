"""The overview drawing of an incident, as inline SVG drawn on the server (no script). From the
top: the outage period as a band from its start to partial and full restoration, with its
dates; the other key moments as marks in a few lanes by kind (statements and cause,
consumers and regulators, deadlines and compensation), each at its time with its uncertainty
as a thin line, labelled where a label fits; the events per day by category as stacked bars;
the days. The outage's days take most of the width, a long aftermath is compressed behind a
break (timeline/overview_axis.py).

    html = overview_html(moments, day_counts, tz="Europe/Rome", lang="it")

Positions across are percentages and sizes down are pixels, with no viewBox: the drawing
takes the width it is given and its text keeps its size. Labels are laid out twice, for a
phone (checked at 320 px) and for a wider screen (640 px); a container query inside the
drawing shows the wider layout when there is room, and without it the phone's layout holds at
any width (timeline/overview_labels.py). Each mark links to its key moment (#moment-<id>) and
says what it is in its <title>. The incident page and the report (timeline/report.py) embed
the same figure; colours are attributes, so it needs no stylesheet.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass, field

from incident_timeline.labels import (
    MONTHS,
    counted,
    label,
    language,
    local,
    moment_label,
    short_day,
    short_label,
)
from incident_timeline.overview_axis import LEFT, RIGHT, TimeScale, time_scale
from incident_timeline.overview_labels import Box, Choice, TwoWidths, anchored, text_width
from incident_timeline.story import COARSE, OUTAGE, Story

#: Category colours (the same as web/static/timeline.css; a test keeps them equal).
COLOURS = {
    "outage_start": "#c62828",
    "provider_statement": "#1565c0",
    "cause": "#6a1b9a",
    "restoration_partial": "#ef8f00",
    "restoration_complete": "#2e7d32",
    "deadline": "#ad1457",
    "consumer_action": "#00838f",
    "regulator_action": "#4e342e",
    "compensation": "#827717",
    "other": "#78909c",
}
INK, MUTED, GUIDE, SHADE = "#1d2330", "#5b6474", "#d5dae2", "#eceff3"
#: The key moments other than the outage's own, in lanes by kind: (key, categories, names).
LANES = (
    (
        "statements",
        ("provider_statement", "cause"),
        {"it": "Dichiarazioni e causa", "en": "Statements and cause"},
    ),
    (
        "people",
        ("consumer_action", "regulator_action"),
        {"it": "Consumatori e istituzioni", "en": "Consumers and regulators"},
    ),
    (
        "promises",
        ("deadline", "compensation"),
        {"it": "Scadenze e indennizzi", "en": "Deadlines and compensation"},
    ),
    ("other", ("other",), {"it": "Altro", "en": "Other"}),
)
#: At most this many days are drawn (a story of four months); the rest is told in the caption.
MAX_DAYS = 122
#: The figure widths (px) the phone's and the wider label layouts are checked at.
NARROW, WIDE = 320, 640
#: Text sizes (px): labels and lane names, dates and days.
TEXT, SMALL = 11, 10.5
#: Heights (px): a row of two-line labels over the band, the band, a lane's rows, the bars.
PAIR_ROW, BAND, LANE_ROW, DOTS, BARS = 27, 18, 14, 20, 40
RADIUS, STAGGER = 4.5, 5
#: Marks of a lane closer than this (px) are a cluster with one label.
CLUSTER_PX = 10
#: Below this many pixels a day (on a phone), a compressed strip's bars count several days.
MIN_BAR_PX = 4.0


def _e(value) -> str:
    return html.escape(str(value))


def _pct(value: float) -> str:
    return f"{value:.2f}%"


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _it(lang) -> bool:
    return lang == "it"


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


def outage_days(period, moments, span, tz) -> tuple[dt.date, dt.date] | None:
    """The days the scale keeps wide: from the day before the outage began to the day after
    it was fully restored (when not restored: after the last thing that happened, promises
    aside); None when no moment of the outage is known."""

    def days(group):
        return [
            m.date()
            for m in (local(x.get("at"), tz) for x in group if x.get("precision") not in COARSE)
            if m
        ]

    starts = days(period["outage_start"])
    ends = days(period["restoration_complete"]) or days(period["restoration_partial"])
    if not starts and not ends:
        return None
    if not period["restoration_complete"]:
        happened = days(m for m in moments if m.get("category") != "deadline")
        ends = [max(happened + ends)] if happened + ends else ends
    first = min(starts) - dt.timedelta(days=1) if starts else span[0]
    last = min(ends) + dt.timedelta(days=1) if ends else span[1]
    return (first, last) if first <= last else None


#: The lane of each category ("band": the outage's own).
LANE_OF = {
    **{category: key for key, categories, _ in LANES for category in categories},
    **dict.fromkeys(OUTAGE, "band"),
}


@dataclass
class Mark:
    """A key moment as drawn: what, where, in which lane, at which height within it."""

    moment: dict
    x: float
    low: float
    high: float
    category: str = field(init=False)
    colour: str = field(init=False)
    conflict: bool = field(init=False)
    lane: str = field(init=False)
    level: int = 0

    def __post_init__(self):
        self.category = self.moment.get("category") or "other"
        self.colour = COLOURS.get(self.category, COLOURS["other"])
        self.conflict = bool(self.moment.get("conflict"))
        self.lane = LANE_OF.get(self.category, "other")


def _marks(moments, scale: TimeScale) -> list[Mark]:
    """A mark per key moment in the days drawn, in time order; marks of a lane that would
    touch on a phone are staggered up and down."""
    marks, last_x = [], {}
    for moment in moments:
        x = scale.moment(moment.get("at"), clamp=False)
        if x is None:
            continue
        at, earliest, latest = moment.get("at"), moment.get("earliest"), moment.get("latest")
        low = x if earliest in (None, at) else scale.moment(earliest) or x
        high = x if latest in (None, at) else scale.moment(latest) or x
        mark = Mark(moment, x, min(low, x), max(high, x))
        if mark.lane != "band":
            taken = last_x.setdefault(mark.lane, [-1e9, -1e9, -1e9])
            px = x * NARROW / 100
            free = [level for level in range(3) if px - taken[level] >= 2 * RADIUS + 1]
            mark.level = free[0] if free else min(range(3), key=lambda level: taken[level])
            taken[mark.level] = px
        marks.append(mark)
    return marks


def _name(mark: Mark, lang) -> str:
    return short_label(mark.category, lang) + ("?" if mark.conflict else "")


def _when(moment, tz, lang) -> str:
    return moment_label(
        moment.get("at"),
        moment.get("precision"),
        moment.get("earliest"),
        moment.get("latest"),
        tz=tz,
        lang=lang,
        style="short",
    )


_SIDES = (("start", -RADIUS), ("end", RADIUS))


def _choices(lines, x, rows, rows_first=False) -> list[Choice]:
    """Every place a label may take, on each row, reading right from its mark (else left):
    each side on every row in turn, or (``rows_first``) each row on either side in turn."""
    width = max(text_width(line, TEXT if i == 0 else SMALL, i == 0) for i, line in enumerate(lines))
    places = (
        [(row, side) for row in rows for side in _SIDES]
        if rows_first
        else [(row, side) for side in _SIDES for row in rows]
    )
    return [
        Choice(tuple(lines), row, anchor, offset, anchored(x, width, anchor, offset))
        for row, (anchor, offset) in places
    ]


def _heads(marks, width, many) -> set[int]:
    """The marks that get a label at ``width`` px: of each run of marks of a lane closer than
    CLUSTER_PX, the first of its rarest kind (ids of the marks)."""
    heads, by_lane = set(), {}
    for mark in marks:
        by_lane.setdefault(mark.lane, []).append(mark)
    for run in by_lane.values():
        run.sort(key=lambda m: m.x)
        cluster = [run[0]]
        for mark in run[1:] + [None]:
            if mark is not None and (mark.x - cluster[-1].x) * width / 100 <= CLUSTER_PX:
                cluster.append(mark)
                continue
            heads.add(id(min(cluster, key=lambda m: many[m.category])))
            cluster = [mark]
    return heads


def _mark_labels(marks, period, tz, lang) -> list[tuple[Mark, list, list]]:
    """Each mark's label choices, most wanted first: the outage's start and restorations
    (name and time, over the band), then the first of each category, the rarest first, then
    the rest in time order (name; in the wider layout with its day); of marks that crowd
    together only one is a candidate (``_heads``)."""
    first_of_period = [id(m) for c in OUTAGE for m in period[c]]
    band = sorted(
        (m for m in marks if m.lane == "band"),
        key=lambda m: (id(m.moment) not in first_of_period, m.moment.get("at") or ""),
    )
    labels = []
    for mark in band:
        lines = (_name(mark, lang), _when(mark.moment, tz, lang))
        choices = _choices(lines, mark.x, ("band-0", "band-1"), rows_first=True)
        labels.append((mark, choices, choices))
    seen, firsts, rest = set(), [], []
    lanes = [m for m in marks if m.lane != "band"]
    for mark in lanes:
        (rest if mark.category in seen else firsts).append(mark)
        seen.add(mark.category)
    many = Counter(m.category for m in lanes)
    firsts.sort(key=lambda m: many[m.category])  # the rarer kind of a lane tells more
    on_a_phone, wider = _heads(lanes, NARROW, many), _heads(lanes, WIDE, many)
    for mark in firsts + rest:
        if id(mark) not in wider:  # a cluster's other marks: its head speaks for them
            continue
        rows = (f"{mark.lane}-below", f"{mark.lane}-above")
        name = _name(mark, lang)
        day = local(mark.moment.get("at"), tz)
        longer = _choices((f"{name} {short_day(day, lang)}",), mark.x, rows) if day else []
        short = _choices((name,), mark.x, rows)
        labels.append((mark, short if id(mark) in on_a_phone else [], longer + short))
    return labels


def _axis_labels(scale: TimeScale, lang) -> list[tuple[None, list, list]]:
    """Day numbers (the first of each strip and month, then the 15th, then the 8th, 22nd and
    29th, then in the wide strip every other day and the rest: as many as fit) and month
    names."""
    labels = []
    starts = {segment.first for segment in scale.segments}
    days = [scale.first + dt.timedelta(days=i) for i in range(scale.days)]

    def rank(day):
        segment = scale.segment(day)
        index = (day - segment.first).days
        return (
            0
            if day in starts
            else 1
            if day.day == 1
            else 2
            if day.day == 15
            else 3
            if day.day in (8, 22, 29)
            else 6
            if segment.compressed
            else 4
            if index % 2 == 0
            else 5,
            day,
        )

    for day in sorted((d for d in days if rank(d)[0] < 6), key=rank):
        x0, x1 = scale.day(day)
        box = anchored((x0 + x1) / 2, text_width(str(day.day), SMALL), "middle")
        choice = [Choice((str(day.day),), "days", "middle", 0.0, box)]
        labels.append((None, choice, choice))
    months = MONTHS[lang]
    for i, day in enumerate(d for d in days if d == scale.first or d.day == 1):
        year = f" {day.year}" if i == 0 or day.month == 1 else ""
        x, right = scale.day(day)
        short, full = months[day.month - 1][:3] + year, months[day.month - 1] + year
        narrow, wide = [], []
        for text, choices in ((short, narrow), (full, wide), (short, wide)):
            width = text_width(text, SMALL)
            choices.append(Choice((text,), "months", "start", 0.0, anchored(x, width, "start")))
            if day == scale.last:  # no room after the last day: the month ends under it
                choices.append(Choice((text,), "months", "end", 0.0, anchored(right, width, "end")))
        labels.append((None, narrow, wide))
    return labels


def _lane_name(key, lang) -> str:
    return next(names[lang] for lane, _, names in LANES if lane == key)


class _Rows:
    """Where each row of the drawing lies, from the top (px)."""

    def __init__(self):
        self.y, self.top = {}, 4.0

    def add(self, name, height):
        self.y[name] = self.top
        self.top += height


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
    story = Story(moments, tz=tz, lang=lang)
    period = story.period()
    scale = time_scale(*span, core=outage_days(period, story.moments, span, tz), tz=tz)
    marks = _marks(story.moments, scale)
    lanes = [key for key, _, _ in LANES if any(m.lane == key for m in marks)]
    labels, ticks, used = _place_labels(marks, lanes, period, scale, tz, lang)
    bars, most = _bar_values(counts, scale)
    band = any(m.lane == "band" for m in marks) or bool(period["outage_start"])
    rows = _rows(band, lanes, bool(bars), used)
    top = rows.y.get("band", rows.y.get(f"{lanes[0]}-above" if lanes else "axis"))
    parts = [
        _backgrounds(scale, period, top, rows.y["axis"]),
        _band(period, scale, rows.y["band"], lang) if band else "",
        *(_lane(key, rows, lang) for key in lanes),
        *(_mark(mark, labels.get(id(mark)), rows, tz, lang) for mark in marks),
        _bars(bars, most, rows, lang) if bars else "",
        _axis(scale, ticks, rows.y["axis"]),
    ]
    title = "Andamento del disservizio" if _it(lang) else "Course of the outage"
    description = _description(story, marks, lanes, scale, lang)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="overview-drawing" width="100%" '
        f'height="{rows.top:.0f}" role="img" aria-labelledby="overview-title overview-desc" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" '
        f'font-size="{TEXT}"><title id="overview-title">{_e(title)}</title>'
        f'<desc id="overview-desc">{_e(description)}</desc>'
        f"<style>{_STYLE}</style>{''.join(parts)}</svg>"
    )
    legend = _legend(story.moments, counts, marks, scale, period, lang)
    return (
        f'<figure class="overview" style="margin:0;container:overview/inline-size">{svg}\n'
        f'<figcaption style="font-size:0.85rem;color:{MUTED};display:flex;flex-wrap:wrap;'
        f'gap:0.2rem 0.9rem">{legend}</figcaption></figure>'
    )


#: The phone's labels everywhere; the wider layout's when the figure is that wide.
_STYLE = (
    ".overview-drawing a{text-decoration:none}.overview-drawing .ov-w{display:none}"
    f"@container overview (min-width:{WIDE}px){{.overview-drawing .ov-n{{display:none}}"
    ".overview-drawing .ov-w{display:inline}}"
)


def _place_labels(marks, lanes, period, scale, tz, lang):
    """The labels of the marks and of the axis, laid out for a phone and wider: per mark id
    and for the axis, (phone's choice, wider choice); and whether a row is used at all."""
    layout = TwoWidths(NARROW, WIDE)
    for key in lanes:  # each lane's name, at its left, above its marks
        name = Box(LEFT, 0, text_width(_lane_name(key, lang), SMALL))
        layout.narrow.take(f"{key}-above", name)
        layout.wide.take(f"{key}-above", name)
    wanted = _mark_labels(marks, period, tz, lang) + _axis_labels(scale, lang)
    placed = layout.place_all([(narrow, wide) for _, narrow, wide in wanted])
    labels, ticks = {}, []
    for (mark, _, _), shown in zip(wanted, placed, strict=True):
        if mark is None:
            ticks.append(shown)
        else:
            labels[id(mark)] = shown

    def used(row):
        return layout.narrow.used(row) or layout.wide.used(row)

    return labels, ticks, used


def _rows(band, lanes, bars, used) -> _Rows:
    """The rows from the top: the band's labels and the band, each lane (its name and labels
    above its marks, labels below), the bars, the axis. Rows without labels take no room."""
    rows = _Rows()
    if band:
        for row in ("band-1", "band-0"):
            if used(row):
                rows.add(row, PAIR_ROW)
        rows.add("band", BAND + 10)
    for key in lanes:
        rows.add(f"{key}-above", LANE_ROW)
        rows.add(f"{key}-dots", DOTS)
        rows.add(f"{key}-below", LANE_ROW + 2 if used(f"{key}-below") else 0)
        rows.top += 4
    if bars:
        rows.add("bars-title", LANE_ROW)
        rows.add("bars", BARS)
    rows.add("axis", 32)
    return rows


def _description(story: Story, marks, lanes, scale: TimeScale, lang) -> str:
    """The drawing in words: the outage sentence, the marks per lane, the days and the break."""
    it = _it(lang)
    words = [story.sentence_text()]
    per_lane = [
        f"{_lane_name(key, lang).lower()} {sum(m.lane == key for m in marks)}" for key in lanes
    ]
    if per_lane:
        words.append(
            ("Momenti chiave per tipo: " if it else "Key moments by kind: ")
            + ", ".join(per_lane)
            + "."
        )
    first, last = short_day(scale.first, lang), short_day(scale.last, lang)
    days = f"Giorni dal {first} al {last}" if it else f"Days from {first} to {last}"
    for segment in (s for s in scale.segments if s.compressed):
        first, last = short_day(segment.first, lang), short_day(segment.last, lang)
        days += (
            f"; dal {first} al {last} in scala ridotta" if it else f"; {first} to {last} compressed"
        )
    words.append(days + ".")
    return " ".join(w for w in words if w)


def _backgrounds(scale: TimeScale, period, top, bottom) -> str:
    """Compressed strips shaded grey; the outage's days tinted red through every lane."""
    height = f"{bottom - top:.0f}"
    out = [
        f'<rect class="compressed" x="{_pct(s.left)}" y="{top}" '
        f'width="{_pct(s.right - s.left)}" height="{height}" fill="{SHADE}"/>'
        for s in scale.segments
        if s.compressed
    ]
    starts = _positions(period["outage_start"], scale)
    if starts:
        end = min(_positions(period["restoration_complete"], scale), default=RIGHT)
        out.append(
            f'<rect x="{_pct(min(starts))}" y="{top}" '
            f'width="{_pct(max(end - min(starts), 0))}" height="{height}" '
            f'fill="{COLOURS["outage_start"]}" fill-opacity="0.06"/>'
        )
    return "".join(out)


def _positions(moments, scale: TimeScale) -> list[float]:
    return [x for x in (scale.moment(m.get("at")) for m in moments) if x is not None]


def _band(period, scale: TimeScale, top, lang) -> str:
    """Red from the start to partial restoration, amber from there to full restoration; pale
    between the alternatives of a disputed start, from the left edge when no source gives the
    start, and to the right edge when none reports full restoration."""
    it = _it(lang)
    starts = _positions(period["outage_start"], scale)
    partial = _positions(period["restoration_partial"], scale)
    complete = _positions(period["restoration_complete"], scale)
    stop_red = min(partial + complete, default=RIGHT)
    stop_amber = min(complete, default=RIGHT)
    pale = 0.55 if not complete else 1
    out = []

    def rect(kind, x0, x1, colour, opacity, title):
        if x1 - x0 > 0:
            out.append(
                f'<rect class="band {kind}" x="{_pct(x0)}" y="{top}" '
                f'width="{_pct(x1 - x0)}" height="{BAND}" fill="{colour}" '
                f'fill-opacity="{opacity}"><title>{_e(title)}</title></rect>'
            )

    red, amber = COLOURS["outage_start"], COLOURS["restoration_partial"]
    if starts:
        rect(
            "uncertain",
            min(starts),
            max(starts),
            red,
            0.35,
            "inizio incerto: le fonti non concordano"
            if it
            else "uncertain start: sources disagree",
        )
    else:
        rect(
            "uncertain",
            LEFT,
            stop_red,
            red,
            0.35,
            "inizio non riportato" if it else "start not reported",
        )
    rect(
        "outage",
        max(starts, default=stop_red),
        stop_red,
        red,
        pale if not partial else 1,
        "disservizio" if it else "outage",
    )
    if partial:
        rect(
            "partial",
            min(partial),
            stop_amber,
            amber,
            pale,
            "ripristino parziale" if it else "partly restored",
        )
    return "".join(out)


def _lane(key, rows: _Rows, lang) -> str:
    y = rows.y[f"{key}-dots"] + DOTS / 2
    return (
        f'<g class="lane" data-lane="{key}"><text class="lane-name" x="{_pct(LEFT)}" '
        f'y="{rows.y[f"{key}-above"] + 11}" font-size="{SMALL}" fill="{MUTED}">'
        f'{_e(_lane_name(key, lang))}</text><line x1="{_pct(LEFT)}" x2="{_pct(RIGHT)}" '
        f'y1="{y}" y2="{y}" stroke="{GUIDE}"/></g>'
    )


def _mark(mark: Mark, shown, rows: _Rows, tz, lang) -> str:
    """One key moment: its uncertainty, its dot, its label (a phone's, a wider one's), in a
    link to its entry in the list of key moments."""
    moment = mark.moment
    if mark.lane == "band":
        y = rows.y["band"] + BAND / 2
        span_y = rows.y["band"] + BAND + 4
    else:
        y = rows.y[f"{mark.lane}-dots"] + DOTS / 2 + (0, -STAGGER, STAGGER)[mark.level]
        span_y = y
    disputed = (" · contestato" if _it(lang) else " · disputed") if mark.conflict else ""
    title = f"{label(mark.category, lang)}{disputed}: {_when(moment, tz, lang)}"
    parts = [f"<title>{_e(title)}</title>"]
    if mark.high - mark.low > 0.05:
        parts.append(
            f'<line class="uncertainty" x1="{_pct(mark.low)}" x2="{_pct(mark.high)}" '
            f'y1="{span_y}" y2="{span_y}" stroke="{mark.colour}" stroke-width="2" '
            f'stroke-opacity="0.55"/>'
        )
    fill, stroke = ("#ffffff", mark.colour) if mark.conflict else (mark.colour, "#ffffff")
    parts.append(
        f'<circle cx="{_pct(mark.x)}" cy="{y}" r="{RADIUS}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{2 if mark.conflict else 1}"/>'
    )
    narrow, wide = shown or (None, None)
    for choice, cls in ((narrow, ""),) if narrow == wide else ((narrow, "ov-n"), (wide, "ov-w")):
        if choice is None:
            continue
        if mark.lane != "band":  # a leader from the dot to its label
            below = choice.row.endswith("-below")
            y1 = y + (RADIUS if below else -RADIUS)
            y2 = rows.y[choice.row] + (2 if below else 14)
            parts.append(
                f"<line{f' class={chr(34)}{cls}{chr(34)}' if cls else ''} "
                f'x1="{_pct(mark.x)}" x2="{_pct(mark.x)}" y1="{y1}" y2="{y2}" '
                f'stroke="{mark.colour}"/>'
            )
        parts.append(_label_text(choice, rows, cls))
    href = f' href="#moment-{_e(moment.get("id"))}"' if moment.get("id") is not None else ""
    # out of the tab order: to assistive technology the drawing is one image, the list the text
    return (
        f'<a{href} tabindex="-1"><g class="mark" data-category="{_e(mark.category)}" '
        f'data-lane="{mark.lane}">{"".join(parts)}</g></a>'
    )


def _label_text(choice: Choice, rows: _Rows, cls) -> str:
    """A label as <text>: a first line in bold ink, a second (a time) in grey below it."""
    baseline = rows.y[choice.row] + 11
    klass = f' class="label {cls}"' if cls else ' class="label"'
    lines = [f'<tspan font-weight="600" fill="{INK}">{_e(choice.lines[0])}</tspan>']
    if len(choice.lines) > 1:
        lines.append(
            f'<tspan x="{_pct(choice.box.at)}" dx="{choice.offset:g}" dy="13" '
            f'font-size="{SMALL}" fill="{MUTED}">{_e(choice.lines[1])}</tspan>'
        )
    return (
        f'<text{klass} x="{_pct(choice.box.at)}" dx="{choice.offset:g}" y="{baseline}" '
        f'text-anchor="{choice.anchor}">{"".join(lines)}</text>'
    )


@dataclass
class _Bar:
    first: dt.date
    days: int
    left: float
    right: float
    by_category: dict


def _bar_values(counts, scale: TimeScale) -> tuple[list[_Bar], float]:
    """A bar per day, or per few days in a compressed strip too narrow for a day each; and the
    most events a day of any bar (a bar of several days stands at their mean)."""
    per_day: dict[dt.date, dict[str, int]] = {}
    for row in counts:
        day = _day(row.get("day"))
        if day and scale.first <= day <= scale.last:
            category = row.get("category") or "other"
            category = category if category in COLOURS else "other"
            bucket = per_day.setdefault(day, {})
            bucket[category] = bucket.get(category, 0) + int(row.get("events") or 0)
    bars = []
    for segment in scale.segments:
        step = max(1, -int(-MIN_BAR_PX // (segment.day_width * NARROW / 100)))
        for offset in range(0, segment.days, step):
            first = segment.first + dt.timedelta(days=offset)
            days = min(step, segment.days - offset)
            total: dict[str, int] = {}
            for i in range(days):
                for category, n in per_day.get(first + dt.timedelta(days=i), {}).items():
                    total[category] = total.get(category, 0) + n
            if sum(total.values()):
                bars.append(_Bar(first, days, segment.at(offset), segment.at(offset + days), total))
    most = max((sum(b.by_category.values()) / b.days for b in bars), default=0)
    return bars, most


def _bars(bars: list[_Bar], most: float, rows: _Rows, lang) -> str:
    it = _it(lang)
    top = rows.y["bars"]
    most_day = max((sum(b.by_category.values()) for b in bars if b.days == 1), default=0)
    title = "Eventi al giorno" if it else "Events a day"
    if most_day:
        title += f" (max {most_day})"
    out = [
        f'<text class="bars-title" x="{_pct(LEFT)}" y="{rows.y["bars-title"] + 11}" '
        f'font-size="{SMALL}" '
        f'fill="{MUTED}">{_e(title)}</text>'
    ]
    for bar in bars:
        total = sum(bar.by_category.values())
        y = top + BARS
        width = bar.right - bar.left
        rects = []
        for category in COLOURS:
            n = bar.by_category.get(category, 0)
            if not n:
                continue
            h = BARS * n / bar.days / most
            y -= h
            rects.append(
                f'<rect x="{_pct(bar.left + width * 0.12)}" y="{y:.1f}" '
                f'width="{_pct(width * 0.76)}" height="{h:.1f}" '
                f'fill="{COLOURS[category]}"/>'
            )
        last = bar.first + dt.timedelta(days=bar.days - 1)
        when = short_day(bar.first, lang)
        when += f" – {short_day(last, lang)}" if bar.days > 1 else ""
        events = counted(total, "evento", "eventi") if it else counted(total, "event", "events")
        out.append(
            f'<g class="day-bar" data-date="{bar.first.isoformat()}" data-days="{bar.days}" '
            f'data-events="{total}"><title>{_e(when)}: {_e(events)}</title>'
            f"{''.join(rects)}</g>"
        )
    return "".join(out)


def _axis(scale: TimeScale, ticks, top) -> str:
    """The axis line of each strip, a break mark between strips, the day numbers and months."""
    out = [
        f'<line x1="{_pct(s.left)}" x2="{_pct(s.right)}" y1="{top}" y2="{top}" stroke="{MUTED}"/>'
        for s in scale.segments
    ]
    for left, right in scale.breaks:  # two slanted strokes in the gap (a nested svg: px at a %)
        out.append(
            f'<svg class="axis-break" x="{_pct((left + right) / 2)}" y="{top}" '
            f'overflow="visible"><path d="M-5,6 L-1,-6 M1,6 L5,-6" stroke="{MUTED}" '
            f'stroke-width="1.5" fill="none"/></svg>'
        )
    ticks = [pair for pair in ticks if pair[0] or pair[1]]
    for narrow, wide in sorted(ticks, key=lambda pair: (pair[0] or pair[1]).box.at):
        if narrow == wide:
            out.append(_axis_text(narrow, top, ""))
        else:
            out += [_axis_text(c, top, cls) for c, cls in ((narrow, "ov-n"), (wide, "ov-w")) if c]
    return "".join(out)


def _axis_text(choice: Choice, top, cls) -> str:
    x = _pct(choice.box.at)
    if choice.row == "days":
        return (
            f'<g class="{f"tick {cls}".strip()}"><line x1="{x}" x2="{x}" y1="{top}" '
            f'y2="{top + 3}" stroke="{MUTED}"/><text x="{x}" y="{top + 14}" '
            f'text-anchor="middle" font-size="{SMALL}" fill="{INK}">'
            f"{_e(choice.lines[0])}</text></g>"
        )
    return (
        f'<text class="{f"month {cls}".strip()}" x="{x}" y="{top + 28}" '
        f'text-anchor="{choice.anchor}" font-size="{SMALL}" fill="{MUTED}">'
        f"{_e(choice.lines[0])}</text>"
    )


def _swatch(colour, text, opacity=1.0, shape="0.8em") -> str:
    return (
        f'<span><span aria-hidden="true" style="display:inline-block;width:{shape};'
        f"height:0.8em;background:{colour};opacity:{opacity};margin-right:0.3em;"
        f'vertical-align:-0.05em"></span>{_e(text)}</span>'
    )


def _legend(moments, counts, marks, scale: TimeScale, period, lang) -> str:
    """What the colours and shapes drawn mean, and what falls outside the days drawn."""
    it = _it(lang)
    out = []
    if period["outage_start"] or period["restoration_partial"] or period["restoration_complete"]:
        out.append(_swatch(COLOURS["outage_start"], "disservizio" if it else "outage"))
    if period["restoration_partial"]:
        out.append(
            _swatch(
                COLOURS["restoration_partial"], "ripristino parziale" if it else "partly restored"
            )
        )
    if any(m.conflict for m in marks):
        out.append(f"<span>{'○ contestato' if it else '○ disputed'}</span>")
    if any(m.high - m.low > 0.05 for m in marks):
        out.append(f"<span>{'— margine di incertezza' if it else '— uncertainty'}</span>")
    if scale.breaks:
        out.append(
            _swatch(SHADE, "giorni in scala ridotta" if it else "days on a compressed scale")
        )
    out += [
        '<span style="flex-basis:100%;height:0"></span>',
        f"<span>{'Momenti ed eventi:' if it else 'Moments and events:'}</span>",
    ]
    drawn = {
        row.get("category") if row.get("category") in COLOURS else "other"
        for row in counts
        if scale.covers(row.get("day"))
    }
    drawn |= {m.category for m in marks}
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
        notes.append(
            f"{events(before)} {'prima del' if it else 'before'} {short_day(scale.first, lang)}"
        )
    if after:
        notes.append(
            f"{events(after)} {'dopo il' if it else 'after'} {short_day(scale.last, lang)}"
        )
    if undated:
        notes.append(f"{events(undated)} {'senza data' if it else 'undated'}")
    outside = len(moments) - len(marks)
    if outside:
        notes.append(
            counted(outside, "momento chiave", "momenti chiave") + " fuori dai giorni mostrati"
            if it
            else counted(outside, "key moment", "key moments") + " outside the days shown"
        )
    if notes:
        out.append(f"<span>({_e('; '.join(notes))})</span>")
    return "".join(out)
