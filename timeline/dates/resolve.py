"""Resolution: turn grammar chunks into TIMEX3 values and bounds, relative to the publication time.

Bounds are computed as naive local datetimes [start, end) and written with the offset the
document's timezone has at that instant, so they are right across daylight-saving changes.

>>> from incident_timeline.dates import tag_timexes
>>> tag_timexes("Il guasto era iniziato martedì sera.", "2023-02-03T10:00")[0]["value"]
'2023-01-31TEV'
"""

import re
from bisect import bisect_left
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from .chunk import Chunk
from .lexicon import POD_HOURS, TIME_ZONES, feast_date, lowered

SECOND = timedelta(seconds=1)

# Tense markers, Italian and English; the one nearest to an expression decides its direction.
# Written for the lowered text (no re.IGNORECASE). Every alternative starts at a word start; in each
# tense the literal markers come first and word endings (-rà, -'ll; -ava, -ò; -ed) are tested by
# look-behinds after one possessive \w++, so nothing backtracks. Same markers as the IGNORECASE
# original on the test cases and the corpus pages.
TENSE = (  # compiled on first use
    r"(?<![\w'’])(?:"
    r"(?P<neutral>in\s+corso|is\s+(?:still\s+)?down|è\s+(?:ancora\s+)?(?:in|fuori|attiv))|"
    r"(?P<future>(?:è|e['’]|sono|sarà|saranno)\s+(?:stat[oaie]\s+)?"
    r"(?:previst|attes|programmat|fissat|pianificat|convocat)[oaie]|"
    r"dovrebber?o|potrebber?o|previst[oaie]|attes[oaie]|in\s+programma|programmat[oaie]|"
    r"fissat[oaie]|stanno\s+per|sta\s+per|entro|prossim[oaie]|"
    r"will|won['’]t|shall|going\s+to|would|"
    r"(?:is|are|be)\s+(?:\w+\s+)?(?:scheduled|expected|planned|set|slated|due|supposed)|"
    r"(?:scheduled|expected|set|slated|poised|planning|plans|plan|planned|hoped|intended|intends|"
    r"was\s+due|were\s+due)\s+to|"
    r"expects?|plans?\s+to|upcoming|scheduled|rescheduled|slated|"
    r"(?:was|were)\s+(?:planning|going|expected)\s+to|"
    r"\w++(?:(?<=rà)|(?<=ranno)|(?<=remo)|['’]ll))|"
    r"(?P<past>had\s+been\s+(?:scheduled|due|set|slated|expected|supposed|planned)|"
    r"(?:ha|hanno|ho|abbiamo|avete|hai|aveva|avevano|avevamo|avevo|avrebbe|avrebbero|"
    r"è|e['’]|sono|siamo|era|erano|eravamo|ero|fu|furono|sarebbe|sarebbero)\s+"
    r"(?:[\w'’]++\s+){0,2}?\w++(?:(?<=\w(?:at|ut|it|tt|st|ss|rt|es|us|os)[oaie])|"
    r"(?<=\w(?:ers|ort|olt)[oaie]))|"
    r"scors[oaie]|già|ieri|era|erano|ero|eravamo|fu|furono|c['’]era|c['’]erano|"
    r"was|were|had|did|ago|yesterday|previously|earlier|has\s+been|have\s+been|"
    r"(?!(?:però|ciò|può|perciò|sarò|farò|avrò|andrò|potrò|dovrò|vorrò|verrò|darò)(?!\w))"
    r"\w++(?:(?<=\w\w(?:ava|eva))|"
    r"(?<=\w\w(?:avano|evano|ivano|avamo|evamo|ivamo|arono|erono|irono))|"
    r"(?<=[^\Wtsc]iva)|(?<=\w\w\wò)))|"
    # English simple pasts, checked in tense_markers: not after be/is/the/a/an/its or an -ly adverb
    r"(?P<english_past>said|told|went|came|began|saw|took|made|gave|found|knew|thought|brought|"
    r"bought|hit|left|lost|ran|sent|spent|stood|kept|held|wrote|broke|fell|rose|grew|got|paid|"
    r"met|led|became|struck|shut|heard|"
    r"[a-z]++(?<=[a-z][a-z]ed)(?<!eed))"
    r")(?![\w'’])"
)
COMMA_PENALTY = 40  # characters: a verb after a comma counts as this much farther away
CLAUSE_END = re.compile(r"[.!?;:](?=\s)|\n", 0)  # a colon too: "Scheduled maintenance: ... will be"
# A dot after these ends no clause: "Roe vs. Wade", "Birmingham, Ala., killed", "Mr. Smith".
ABBREVIATIONS = set(
    """vs v mr mrs ms dr jr sr st gen col lt sgt rep sen gov inc corp co ltd no
nos mt ft ave jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del fla
ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
sig dott ing avv prof sig.ra""".split()
)
LAST_WORD = re.compile(r"([^\W\d_]+)$")


def clause_breaks(text: str) -> list:
    """(start, end) of every clause end: sentence marks, colons, semicolons, line breaks; not the
    dot of an abbreviation or an initial ("vs.", "Ala.", "J. Smith", "U.S.")."""
    breaks = []
    for m in CLAUSE_END.finditer(text):
        at = m.start()
        if text[at] == ".":
            word = LAST_WORD.search(text, max(0, at - 8), at)
            if word and (
                word.group(1).lower() in ABBREVIATIONS
                or len(word.group(1)) == 1
                and word.group(1).isupper()
            ):
                continue
        breaks.append((at, m.end()))
    return breaks


STAMP_AFTER = re.compile(r"\s*(?:[–—-]|:\s)")
UPDATE_BEFORE = re.compile(
    r"(?:^|\n)[^\w\n]{0,3}(?:aggiornamento|aggiornato|aggiornata|agg\.|"
    r"update[d]?|edit)\b[^\n\d]{0,12}$",
    re.I,
)
CUE_PAST = re.compile(
    r"(?<![\w'’])(?:da|dal|dalla|dall['’]|già|sin\s+da|fin\s+da|since|already)\s+"
    r"(?:(?:il|la|lo|l['’])\s*|(?:oltre|più\s+di|almeno|ben|over|more\s+than)\s+)?$",
    re.I,
)
CUE_NEAREST = re.compile(
    r"(?<![\w'’])(?:until|till|through|fino\s+al|fino\s+alla|"
    r"fino\s+all['’])\s*$",
    re.I,
)
CUE_FUTURE = re.compile(
    r"(?<![\w'’])(?:entro|by|next|payable|effective|due|expires?|expiring|"
    r"(?:scheduled|set|slated|planned)\s+for|of\s+record|"
    r"as\s+(?:early|soon)\s+as|starting|beginning|a\s+partire\s+da|"
    r"in\s+scadenza)\s+(?:(?:il|la|lo|l['’])\s*)?$",
    re.I,
)
# A deadline or event moved to a date ("ha prorogato la scadenza al 15 ottobre", "rescheduled the
# call to
# Monday"): the date is ahead whatever the tense of the verb that moved it.
TO_BEFORE = re.compile(r"(?<![\w'’])(?:a|ad|al|alla|all['’]|to|until|till)(?:\s+the)?\s*$", re.I)
MOVED_VERB = re.compile(
    r"(?<![\w'’])(?:prorog|rinvi|posticip|spostat|spostan|spostò|slitt|rimand|differit|postpon|"
    r"reschedul|"
    r"pushed\s+back|push\s+back|delayed|extended)\w*(?![^.!?;\n]*[.!?;\n])",
    re.I,
)
# A pluperfect before a future cue: "had filed their reports by Wednesday", "avevano inviato i
# reclami entro lunedì". Not across "would"/"will"/"di"/"avrebbe" ("had said it would pay by
# Friday").
PLUPERFECT_BEFORE = re.compile(
    r"(?<![\w'’])(?:had\s+(?:already\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t|e)|"
    r"(?:aveva|avevano|avevamo)\s+(?:già\s+)?[a-zà-ù]+(?:at|ut|it|ss|st)[oaie])"
    r"(?![\w'’])(?:(?!\b(?:will|would|di|avrebbe|avrebbero)\b)[^.;:!?])*$",
    re.I,
)
CUE = re.compile(
    "|".join(
        f"(?P<{name}>{cue.pattern})"
        for name, cue in (("past", CUE_PAST), ("future", CUE_FUTURE), ("nearest", CUE_NEAREST))
    ),
    re.I,
)


WORD_TOKEN = re.compile(r"[^\W\d_]+")
CUE_WORDS = set(
    "da dal dalla dall già sin fin since already until till through fino entro by next "
    "payable effective due expire expires expiring scheduled set slated planned record as "
    "starting beginning partire scadenza".split()
)
TO_WORDS = {"a", "ad", "al", "alla", "all", "to", "until", "till", "the"}
UPDATE_WORDS = {"aggiornamento", "aggiornato", "aggiornata", "agg", "update", "updated", "edit"}


class Context:
    """One text being tagged: its publication time and what has been resolved so far."""

    __slots__ = tuple(
        "text published zone lang last_day last_day_at last_year last_month report_quarter "
        "tense_cache today markers clause_ends".split()
    )

    def __init__(self, text: str, published: datetime, zone: ZoneInfo, lang: str = "it"):
        self.text, self.published, self.zone, self.lang = (
            text,
            published,
            zone,
            lang,
        )  # published: aware, in zone
        self.last_day: date | None = None
        self.last_day_at: int | None = None  # where the expression naming last_day ends
        # The last year the text named ("in 1995 ... the following year").
        self.last_year: int | None = None
        self.last_month: tuple | None = None  # (year, month) last named ("the following month")
        # The first quarter the text reports on ("1989-Q3"): its "a year ago" is that quarter's.
        self.report_quarter: str | None = None
        self.tense_cache: dict = {}
        self.today: date = published.date()
        self.markers = None  # the text's tense markers, found once on first need
        self.clause_ends = None  # (start, end) of the text's clause breaks, likewise


class Point:
    """A resolved date, part of day or time: value, type and [start, end) in local time."""

    __slots__ = ("value", "type", "start", "end", "day")

    def __init__(self, value: str, type: str, start: datetime, end: datetime, day: date):
        self.value, self.type, self.start, self.end, self.day = value, type, start, end, day


def tense_markers(context: Context) -> list:
    """(start, end, kind) of every tense marker in the text, found in one pass on first need."""
    if context.markers is None:
        global TENSE
        if TENSE.__class__ is str:
            TENSE = re.compile(TENSE, 0)
        text = context.text
        markers = []
        for m in TENSE.finditer(lowered(text)):
            start, kind = m.start(), m.lastgroup
            if text[start].isupper() and NAME_POSITION.search(text, max(0, start - 3), start):
                continue  # a capitalised word inside a sentence is a name: "in Geneva", "Eva"
            if kind == "english_past":
                if NOT_A_PAST_VERB.search(text, max(0, start - 9), start):
                    # "will be paid", "is heard", "the reduced dividend", "previously announced"
                    continue
                kind = "past"
            elif kind == "past" and PLANNED.search(m.group()):
                kind = "future"  # "ha programmato uno sciopero per giovedì": the strike is ahead
            markers.append((start, m.end(), kind))
        context.markers = markers
    return context.markers


# Planning in the present perfect: what has been planned lies ahead ("era fissato" may be past).
PLANNED = re.compile(
    r"^(?:ha|hanno|ho|abbiamo|è|e['’]|sono|siamo)\s.*"
    r"(?:programmat|fissat|convocat|indett|pianificat|calendarizzat)[oaie]$",
    re.S,
)
NAME_POSITION = re.compile(r"[\w,;'’\"]\s+$")
# "will remain closed": an adjective.
NOT_A_PAST_VERB = re.compile(
    r"(?<![\w'’])(?:be|is|are|been|being|the|a|an|its|still|yet|"
    r"remain|remains|stay|stays|seem|seems|get|gets|become|becomes)"
    r"\s+$|ly\s+$",
    re.I,
)


def tense_near(context: Context, start: int, end: int) -> str | None:
    """'past' or 'future' from the verb nearest to text[start:end] in its clause; None if none."""
    text = context.text
    if context.clause_ends is None:  # where clauses end, found once per text
        context.clause_ends = clause_breaks(text)
    ends = context.clause_ends
    i = bisect_left(ends, (start,))  # the first clause end at or after the expression's start
    left = max(ends[i - 1][1] if i and ends[i - 1][1] <= start else 0, start - 300)
    j = bisect_left(ends, (end,))
    right = min(ends[j][0] if j < len(ends) else len(text), end + 300)
    key = (left, right, start)
    if key not in context.tense_cache:
        best = (10**9, None)
        for m_start, m_end, kind in tense_markers(context):
            if m_start < left or m_end > right or (m_end > start and m_start < end):
                continue
            distance = start - m_end if m_end <= start else m_start - end
            if m_start >= end and "," in text[end:m_start]:
                # "closed until Thursday, the bank said": a verb after a comma governs less
                distance += COMMA_PENALTY
            if distance < best[0] or (distance == best[0] and kind == "past"):
                best = (distance, kind)
        context.tense_cache[key] = None if best[1] == "neutral" else best[1]
    return context.tense_cache[key]


def direction_for(context: Context, chunk: Chunk) -> tuple[str | None, bool]:
    """(direction, strict): from scorso/prossimo (strict), else a cue word (da, entro), else the
    tense."""
    if chunk.direction:
        return chunk.direction, True
    text = context.text
    # The words a cue would be among.
    before = WORD_TOKEN.findall(text, max(0, chunk.start - 28), chunk.start)[-3:]
    if (
        chunk.time
        and not chunk.day
        and (
            STAMP_AFTER.match(text, chunk.end)
            and not text[text.rfind("\n", 0, chunk.start) + 1 : chunk.start].strip()
            or UPDATE_WORDS.intersection(w.lower() for w in before)
            and UPDATE_BEFORE.search(text, max(0, chunk.start - 30), chunk.start)
        )
    ):
        # A live blog's time stamp ("17:55 — Trenord comunica...") and an update stamp
        # ("Aggiornamento ore 19:10 –") are on the publication day, whatever the tense of the
        # entry (TIMEX.md).
        return None, False
    lowered_before = {w.lower() for w in before}
    if not CUE_WORDS.isdisjoint(lowered_before):  # a cue word is near: only then the cue regex runs
        cue = CUE.search(text, max(0, chunk.start - 20), chunk.start)
        if (
            cue
            and cue.lastgroup == "future"
            and PLUPERFECT_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
        ):
            # "had filed their reports by Wednesday", "had been due to expire Friday": done, or
            # planned, before then
            return "past", False
        if cue and not (cue.lastgroup == "nearest" and chunk.day and chunk.day[0] == "wd"):
            # "da martedì", "entro lunedì"; "until Dec. 15", "fino al 31 marzo" are bounds,
            # whatever the tense ("until Thursday" follows the tense: a weekday has no year to
            # guess)
            return {"past": "past", "future": "future"}.get(cue.lastgroup), False
    if (
        not TO_WORDS.isdisjoint(lowered_before)
        and TO_BEFORE.search(text, max(0, chunk.start - 10), chunk.start)
        and MOVED_VERB.search(text, max(0, chunk.start - 80), chunk.start)
    ):
        return "future", False
    if chunk.day and chunk.day[0] == "wd" and text.startswith(("'s", "’s"), chunk.end):
        # "Wednesday's ruling", "over Thursday's closing price": an event that has happened
        return "past", False
    return tense_near(context, chunk.start, chunk.end), False


def needs_direction(chunk: Chunk) -> bool:
    """Whether resolving a point depends on past/future: not for "ieri", "26 gennaio 2023", "in
    serata"."""
    spec = chunk.day
    while spec is not None and spec[0] in ("night_before", "shift"):
        spec = spec[1]
    if spec is None:
        return bool(chunk.time) or "this_night" in chunk.info  # "alle 20", "stanotte"
    if spec[0] in ("rel", "after_last", "weekday_from_last"):
        return False
    if spec[0] == "feast":
        return spec[2] is None
    return (
        spec[0] == "wd" or spec[1] is None or spec[2] is None
    )  # a weekday, or a day without a year


def choose(candidates: list, today, direction: str | None, strict: bool, distance):
    """The candidate nearest to `today` on the side `direction` points to (else nearest)."""
    if direction == "past":
        pool = [c for c in candidates if (c < today if strict else c <= today)]
        if pool:
            return max(pool)
    elif direction == "future":
        pool = [c for c in candidates if (c > today if strict else c >= today)]
        if pool:
            return min(pool)
    return min(candidates, key=lambda c: (abs(distance(c, today)), c > today))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_day(
    context: Context,
    spec: tuple,
    direction: str | None,
    strict: bool,
    chunk: Chunk | None = None,
    today: date | None = None,
) -> date | None:
    """The calendar day a day spec names (see chunk.Chunk); `chunk`, the expression, tells
    whether it dates a planned thing ("the Jan. 14 deadline"); `today`, the publication day where
    the expression's zone is, when it states one."""
    today = today or context.today
    kind = spec[0]
    if kind == "rel":
        return today + timedelta(days=spec[1])
    if kind == "after_last":  # "the next morning": the day after the last one the text named
        return (context.last_day or today) + timedelta(days=spec[1])
    if kind == "night_before":
        day = resolve_day(context, spec[1], direction, strict, today=today)
        return day and day - timedelta(days=1)
    if kind == "shift":  # "the day before last Tuesday"
        day = resolve_day(context, spec[1], direction, strict, chunk, today)
        return day and day + timedelta(days=spec[2])
    if kind == "weekday_from_last":  # "the previous Friday": before the last day named
        base, weekday = context.last_day or today, spec[1]
        if spec[2] > 0:
            return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        return base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
    if kind == "feast":  # "Pasqua", "last Thanksgiving": that feast in the year the direction picks
        _, feast, year = spec
        if year:
            return feast_date(feast, year)
        candidates = [feast_date(feast, y) for y in (today.year - 1, today.year, today.year + 1)]
        return choose(candidates, today, direction, strict, lambda a, b: (a - b).days)
    if kind == "wd":
        weekday = spec[1]
        if direction == "this":
            return today + timedelta(days=weekday - today.weekday())
        if weekday == today.weekday() and not strict:
            return today  # "said Friday" in a Friday article: the publication day (TIMEX.md)
        back = (today.weekday() - weekday) % 7 or 7
        forward = (weekday - today.weekday()) % 7 or 7
        if direction == "past":
            return today - timedelta(days=back)
        if direction == "future":
            return today + timedelta(days=forward)
        return today - timedelta(days=back) if back <= forward else today + timedelta(days=forward)
    _, year, month, day, weekday = spec
    if year and month:
        return safe_date(year, month, day)
    if month is None:
        # "giovedì 26": the nearby month where the 26th is a Thursday; "la mattina del 24": the
        # nearest 24th.
        months = [
            (today.year + (today.month - 1 + k) // 12, (today.month - 1 + k) % 12 + 1)
            for k in (range(-3, 4) if weekday is not None else range(-1, 2))
        ]
        candidates = [
            d
            for y, m in months
            if (d := safe_date(y, m, day)) and (weekday is None or d.weekday() == weekday)
        ]
        if not candidates:
            return safe_date(today.year, today.month, day)
        return choose(candidates, today, direction, False, lambda a, b: (a - b).days)
    candidates = [
        d for y in (today.year - 1, today.year, today.year + 1) if (d := safe_date(y, month, day))
    ]
    if weekday is not None:  # a weekday picks the year, if it matches one within half a year
        matching = [
            d for d in candidates if d.weekday() == weekday and abs((d - today).days) <= 183
        ]
        if matching:
            candidates = matching
    chosen = choose(candidates, today, direction, strict, lambda a, b: (a - b).days)
    if direction == "past" and not strict and abs((chosen - today).days) > UPDATE_WINDOW:
        # Articles are updated after publication: "Aggiornamento del 25 gennaio" on a page first
        # published on 24 January is the coming 25th, not the one a year back the past tense
        # points to.
        near = [d for d in candidates if 0 < (d - today).days <= UPDATE_WINDOW]
        if near:
            return near[0]
        if chunk is not None and (today - chosen).days > FAR and scheduled(context, chunk):
            # A past verb deciding a planned thing ("set a Jan. 14 deadline" in a 5 January
            # article) rarely reaches almost a year back when the same day comes in a few weeks.
            ahead = [d for d in candidates if 0 < (d - today).days <= NEAR_OTHER_SIDE]
            if ahead:
                return ahead[0]
    if direction == "future" and not strict and (chosen - today).days > FAR:
        # A future cue rarely points almost a year ahead when the same day and month passed a few
        # weeks ago: "repatriate the child by Jan. 14" in a 15 January article is the deadline
        # just gone.
        other = [d for d in candidates if 0 < (today - d).days <= NEAR_OTHER_SIDE]
        if other:
            return other[0]
    return chosen


# Days after publication within which a past-tense day and month is read as an update.
UPDATE_WINDOW = 7
# Days: a future date this far ahead gives way to one this recently past.
FAR, NEAR_OTHER_SIDE = 183, 45
FAR_MONTHS, NEAR_MONTHS = 6, 2  # the same for months named without a day
# Planned things a date may belong to whatever the tense of the verb that planned them.
SCHEDULED = re.compile(
    r"\b(?:deadlines?|date|hearings?|ceremony|meetings?|vote|elections?|trial|summit|conference|"
    r"session|talks|appointment|launch|release|opening|auction|redemption|expir\w*|payments?|"
    r"scadenz[ae]|termine|udienz[ae]|cerimonia|riunion[ei]|incontr[oi]|vertice|votazion[ei]|"
    r"elezioni|assemblea|convocazione|appuntamento|scioper[oi]|lancio|uscita|"
    r"scheduled|planned|(?:is|are|was|were|be)\s+due|set\s+for|previst[oaie]|fissat[oaie]|"
    r"convocat[oaie])\b",
    re.I,
)


# An infinitive between a past verb and a date: the date is the infinitive's, ahead of the
# decision ("subpoenaed him to testify on Feb. 10", "ha deciso di ammettere i tre paesi a marzo").
# Not "to" before an article, pronoun or plural noun ("returned the money to shareholders").
INFINITIVE = re.compile(
    r"(?<![\w'’])(?:to\s+(?!(?:the|a|an|its|his|her|their|our|this|that|these|"
    r"those|him|them|it|us|me|you|be|date|about|around|more|less|some|all|each|"
    r"one|two|three)\b)[a-z]+(?<![^su]s)|(?:di|per)\s+[a-zàèéìòù]+(?:are|ere|"
    r"ire)(?:l[oaie]|si|ne)?)(?![\w'’])"
)
PLANNED_BEFORE = 90  # characters before a date, within its clause, where a plan may be named


def scheduled(context: Context, chunk: Chunk) -> bool:
    """Whether a planned thing is named around a date ("the Jan. 14 deadline", "a hearing on Feb.
    10", "ha fissato l'udienza al 10 febbraio", "invited them to a ceremony in Missouri on March
    12") or the date is an infinitive's ("decided to admit them in early March")."""
    text = context.text
    if SCHEDULED.search(text, max(0, chunk.start - 30), min(len(text), chunk.end + 25)):
        return True
    low = max(0, chunk.start - PLANNED_BEFORE)
    if context.clause_ends is None:
        context.clause_ends = clause_breaks(text)
    i = bisect_left(context.clause_ends, (chunk.start,))
    if i and context.clause_ends[i - 1][1] > low:
        low = context.clause_ends[i - 1][1]
    return bool(
        SCHEDULED.search(text, low, chunk.start) or INFINITIVE.search(text, low, chunk.start)
    )


def resolve_point(
    context: Context, chunk: Chunk, direction, strict, shift_days: int = 0
) -> Point | None:
    """A day, part of day or time chunk as a Point; a time in a stated zone ("10:40 GMT") is that
    zone's wall clock, on its day, and its Point's start and end are aware."""
    zone = zone_info(chunk.info["zone"]) if chunk.time and "zone" in chunk.info else None
    published = context.published.astimezone(zone) if zone else context.published
    today = published.date()
    day = resolve_day(context, chunk.day, direction, strict, chunk, today) if chunk.day else None
    if chunk.day and day is None:
        return None
    bare_time = day is None and chunk.time and not chunk.pod
    if (
        day is None
        and chunk.pod
        and not chunk.time
        and "this_night" not in chunk.info
        and same_sentence_day(context, chunk)
    ):
        # "ieri 15 giugno, durante la mattinata": the part of the day named in the sentence
        day = context.last_day
    if day is None:
        day = today
        if chunk.info.get("this_night") and (
            direction == "past" or (direction is None and context.published.hour < 12)
        ):
            day -= timedelta(days=1)  # "stanotte" in the morning is the night just ended
    day += timedelta(days=shift_days)
    midnight = datetime(day.year, day.month, day.day)
    if chunk.time:
        hour, minute, given, hint = chunk.time
        part = hint or chunk.pod
        if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
            hour += 12
        if chunk.pod == "NI" and hour < 12:  # "domenica notte alle 3" is Monday 03:00
            midnight += timedelta(days=1)
        start = midnight + timedelta(hours=hour, minutes=minute)
        published = published.replace(tzinfo=None)
        if (
            bare_time and direction == "past" and start > published
        ):  # "alle 20 è crollato", written at 11
            start -= timedelta(days=1)
        elif bare_time and direction == "future" and start < published:
            start += timedelta(days=1)
        end = start + (timedelta(minutes=1) if given else timedelta(hours=1))
        value = start.isoformat(timespec="minutes")
        if zone:  # the instant, which `local` writes in the document's zone
            start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
        return Point(value, "TIME", start, end, start.date())
    if chunk.pod:
        first, last = POD_HOURS[chunk.pod]
        return Point(
            f"{day.isoformat()}T{chunk.pod}",
            "TIME",
            midnight + timedelta(hours=first),
            midnight + timedelta(hours=last),
            day,
        )
    return Point(day.isoformat(), "DATE", midnight, midnight + timedelta(days=1), day)


@lru_cache(maxsize=64)
def zone_info(zone) -> timezone | ZoneInfo:
    """The tzinfo of a zone a text states: a TIME_ZONES key, or hours from UTC."""
    zone = TIME_ZONES.get(zone, zone)
    if isinstance(zone, str):
        return ZoneInfo(zone)
    return timezone(timedelta(hours=zone))


SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def same_sentence_day(context: Context, chunk: Chunk) -> bool:
    """Whether a day was named earlier in the sentence of `chunk` (last_day_at is its end)."""
    at = context.last_day_at
    return (
        at is not None
        and at <= chunk.start
        and SENTENCE_END.search(context.text, at, chunk.start) is None
    )


def local(context: Context, moment: datetime) -> str:
    """ISO 8601 with the offset the timezone has at that local time."""
    if moment.tzinfo is None:  # a local wall-clock time: the zone gives its offset
        return wall_clock_iso(moment, context.zone)
    return moment.astimezone(context.zone).isoformat(timespec="seconds")


# The same bounds (midnights, ends of days) recur across an article's sentences.
@lru_cache(maxsize=4096)
def wall_clock_iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.replace(tzinfo=zone).isoformat(timespec="seconds")


def bounds(
    context: Context, start: datetime, end: datetime, mod: str | None, instant: bool = False
) -> tuple:
    """(earliest, latest) of [start, end), narrowed to a third by START/MID/END, opened by
    BEFORE/AFTER.

    An `instant` (a clock time) is its start: "dopo le 18" begins at 18:00, "dopo il 3" on the 4th.
    """
    if mod in ("START", "MID", "END"):
        start, end = third(start, end, ("START", "MID", "END").index(mod))
    if mod == "BEFORE":
        return None, local(context, start - SECOND)
    if mod == "AFTER":
        return local(context, start if instant else end), None
    return local(context, start), local(context, end - SECOND)


def third(start: datetime, end: datetime, index: int) -> tuple[datetime, datetime]:
    """The first, middle or last third of a period: by months for a year, by days from three days
    up."""
    if (end - start).days >= 730:  # decades and centuries: by years
        years = end.year - start.year
        cuts = [0, round(years / 3), round(2 * years / 3), years]
        return (
            start.replace(year=start.year + cuts[index]),
            start.replace(year=start.year + cuts[index + 1]),
        )
    if (end - start).days >= 365:
        return add_months(start, 4 * index), add_months(start, 4 * index + 4)
    if (end - start).days >= 3:
        days = (end - start).days
        cuts = (
            [0, 10, 20, days] if days >= 28 else [0, days // 3, 2 * days // 3, days]
        )  # months: 1-10, 11-20, 21-end
        return start + timedelta(days=cuts[index]), start + timedelta(days=cuts[index + 1])
    step = (end - start) / 3
    return start + step * index, start + step * (index + 1)


def add_months(moment, months: int):
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(
        moment.day,
        [
            31,
            29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][month - 1],
    )
    return moment.replace(year=year, month=month, day=day)


def point_timex(context: Context, chunk: Chunk) -> tuple | None:
    direction, strict = (
        direction_for(context, chunk)
        if chunk.direction or needs_direction(chunk)
        else (None, False)
    )
    point = resolve_point(context, chunk, direction, strict)
    if point is None:
        return None
    if chunk.day:  # a time or part of day alone ("overnight", "alle 10") names no day
        context.last_day = point.day
        context.last_day_at = chunk.end
    if "week_of" in chunk.info:
        return week_of(context, chunk, point.day, 0)
    spec = chunk.day
    if spec and spec[0] == "abs" and spec[4] is not None and point.day.weekday() != spec[4]:
        # "domenica 23 gennaio" when the 23rd was a Monday: the date wins, flagged.
        chunk.info["flag"] = "weekday_mismatch"
    if (
        chunk.time
        and chunk.mod in ("BEFORE", "AFTER")
        and SHORTLY.search(context.text, max(0, chunk.start - 12), chunk.end)
    ):
        # "poco dopo le 12:30", "shortly before 10 a.m.": within the hour on that side of the time
        start = point.start if chunk.mod == "AFTER" else point.start - HOUR
        return point.value, point.type, local(context, start), local(context, start + HOUR - SECOND)
    return (
        point.value,
        point.type,
        *bounds(context, point.start, point.end, chunk.mod, instant=bool(chunk.time)),
    )


HOUR = timedelta(hours=1)
SHORTLY = re.compile(
    r"(?<![\w'’])(?:poco|subito|appena|shortly|just|soon|immediately)\s+"
    r"(?:dopo|prima|after|before)(?![\w'’])",
    re.I,
)


def interval_timex(context: Context, chunk: Chunk) -> tuple | None:
    """ "dal 22 al 26 gennaio" → 2023-01-22/2023-01-26; an end before the start moves forward."""
    points = interval_points(context, chunk)
    if points is None:
        return None
    start, end, latest = points
    kind = "TIME" if "TIME" in (start.type, end.type) else "DATE"
    return f"{start.value}/{end.value}", kind, local(context, start.start), local(context, latest)


def interval_points(context: Context, chunk: Chunk) -> tuple | None:
    """(start Point, end Point, latest moment) of an interval chunk."""
    first, second = chunk.ends
    if ("zone" in first.info) != ("zone" in second.info):  # "between 0900 and 1100 GMT"
        zone = {"zone": first.info.get("zone") or second.info.get("zone")}
        first, second = (
            Chunk(
                end.start,
                end.end,
                end.day,
                end.pod,
                end.time,
                end.mod,
                end.direction,
                lead=end.lead,
                info={**end.info, **zone},
            )
            for end in (first, second)
        )
    if first.day is None and second.day is not None:
        first = first.with_day(second.day)
    if second.day is None and first.day is not None:
        second = second.with_day(first.day)
    direction, strict = (
        direction_for(context, chunk)
        if chunk.direction or needs_direction(first) or needs_direction(second)
        else (None, False)
    )
    end = resolve_point(context, second, direction, strict)
    if end is None:
        return None
    borrowed_year = bool(
        first.day and first.day[0] == "abs" and first.day[1] is None and first.day[2]
    )
    if borrowed_year:  # "dal 28 dicembre al 3 gennaio": the start takes the end's year...
        first = first.with_day(("abs", end.day.year, *first.day[2:]))
    start = resolve_point(context, first, direction, strict)
    if start is None:
        return None
    if borrowed_year and start.start > end.start:  # ...or the year before
        start = resolve_point(
            context, first.with_day(("abs", end.day.year - 1, *first.day[2:])), direction, strict
        )
    elif (
        start.start > end.start
        and second.day
        and second.day[0] == "abs"
        and second.day[1] is None
        and second.day[2]
    ):
        # "from today through Nov. 17" in a past sentence: the end is the first such day after the
        # start, not a year back
        for year in (start.day.year, start.day.year + 1):
            later = resolve_point(
                context, second.with_day(("abs", year, *second.day[2:])), direction, strict
            )
            if later is not None and later.start >= start.start:
                end = later
                break
    elif start.start > end.start:  # "dalle 23 alle 5", "da venerdì a lunedì": the end comes later
        step = 7 if second.day and second.day[0] == "wd" else 1
        end = resolve_point(context, second, direction, strict, shift_days=step)
    context.last_day = end.day
    context.last_day_at = chunk.end
    latest = end.start if second.time else end.end - SECOND  # "dalle 14 alle 18" ends at 18:00
    return start, end, latest


def period_timex(context: Context, chunk: Chunk, kind: str, value, direction) -> tuple:
    """Years, months, ISO weeks, weekends and seasons, fixed or relative to publication."""
    today = context.today
    if (
        direction is None
        and kind in ("month", "season", "weekend")
        and not (isinstance(value, tuple) and value[0])
    ):
        found, strict = direction_for(context, chunk)
    elif direction == "nearest":  # "il disservizio di gennaio": a month naming a thing, no tense
        found, strict = None, False
    else:
        found, strict = direction, direction in ("past", "future")
    step = {"past": -1, "future": 1, "this": 0}.get(found, 0)
    if kind == "weekend" and direction is None:  # by tense: the weekend just gone or the coming one
        step = {
            "past": -1 if today.weekday() < 5 else 0,
            "future": 0 if today.weekday() < 5 else 1,
        }.get(found, 0)
    if kind == "year":
        year = value if value else today.year + step
        start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
        text_value = str(year)
    elif kind == "month":
        if isinstance(value, tuple):
            year, month = value
        elif value is None:
            shifted = add_months(date(today.year, today.month, 1), step)
            year, month = shifted.year, shifted.month
        else:
            candidates = [y * 12 + value - 1 for y in (today.year - 1, today.year, today.year + 1)]
            now = today.year * 12 + today.month - 1
            chosen = (
                today.year * 12 + value - 1
                if found == "this"  # "this September"
                else choose(candidates, now, found, strict, lambda a, b: a - b)
            )
            if (
                found == "past"
                and not strict
                and now - chosen > FAR_MONTHS
                and scheduled(context, chunk)
            ):
                # As for days: "announced a vote in September" in August is the coming one.
                chosen = next((c for c in candidates if 0 < c - now <= NEAR_MONTHS), chosen)
            year, month = divmod(chosen, 12)
            month += 1
        start = datetime(year, month, 1)
        end = add_months(start, 1)
        text_value = f"{year}-{month:02d}"
    elif kind in ("week", "weekend"):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        iso = monday.isocalendar()
        text_value = f"{iso.year}-W{iso.week:02d}"
        start = datetime(monday.year, monday.month, monday.day)
        end = start + timedelta(days=7)
        if kind == "weekend":
            text_value += "-WE"
            start += timedelta(days=5)
    else:  # season
        year, code = value
        first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        if year is None:
            starts = [
                datetime(y, first_month, 1)
                for y in (today.year - 2, today.year - 1, today.year, today.year + 1)
            ]
            now = datetime(today.year, today.month, today.day)
            current = [s for s in starts if s <= now < add_months(s, 3)]
            if strict and found in (
                "past",
                "future",
            ):  # "l'inverno scorso" in February: not the winter under way
                chosen = (
                    max(s for s in starts if add_months(s, 3) <= now)
                    if found == "past"
                    else min(s for s in starts if s > now)
                )
            elif found in ("past", "future") or not current:
                chosen = choose(starts, now, found or "past", True, lambda a, b: (a - b).days)
            else:
                chosen = current[0]
            year = chosen.year
        start = datetime(year, first_month, 1)
        end = add_months(start, 3)
        text_value = f"{year}-{code}"
    return (text_value, "DATE", *bounds(context, start, end, chunk.mod))


def week_of(context: Context, chunk: Chunk, day: date, step: int) -> tuple:
    """The ISO week `step` weeks from the one holding `day`."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=step)
    iso = monday.isocalendar()
    start = datetime(monday.year, monday.month, monday.day)
    return (
        f"{iso.year}-W{iso.week:02d}",
        "DATE",
        *bounds(context, start, start + timedelta(days=7), chunk.mod),
    )


def shift(moment: datetime, count, unit: str, is_time: bool, sign: int) -> datetime:
    """`moment` moved by count units: hours and minutes in elapsed time, days and up on the
    calendar."""
    if is_time:
        seconds = {"H": 3600, "M": 60, "S": 1}[unit] * count
        utc = moment.astimezone(UTC) + sign * timedelta(seconds=seconds)
        return utc.astimezone(moment.tzinfo)
    if unit in ("D", "W"):
        return moment + sign * timedelta(days=count * (7 if unit == "W" else 1))
    months = round(count * (12 if unit == "Y" else 1))
    return add_months(moment, sign * months)


def granule(moment: datetime, unit: str, is_time: bool) -> tuple[datetime, datetime]:
    """The hour, minute or day containing a moment, as naive local [start, end)."""
    naive = moment.replace(tzinfo=None)
    if is_time and unit == "H":
        start = naive.replace(minute=0, second=0, microsecond=0)
        return start, start + timedelta(hours=1)
    if is_time:
        start = naive.replace(second=0, microsecond=0)
        return start, start + timedelta(minutes=1)
    start = naive.replace(hour=0, minute=0, second=0, microsecond=0)
    return start, start + timedelta(days=1)


def duration_value(count, unit: str, is_time: bool) -> str:
    """ "P3D"; a fraction goes to the next smaller unit when it is whole there, as TimeBank
    writes it: 2.5 years → P2Y6M, 1.5 hours → PT1H30M, 1.5 days → P1DT12H."""
    if isinstance(count, float):
        if count.is_integer():
            count = int(count)
        else:
            whole, rest = int(count), count - int(count)
            smaller, factor = {
                "Y": ("M", 12),
                "D": ("H", 24),
                "H": ("M", 60),
                "M": ("S", 60) if is_time else ("D", 30),
                "W": ("D", 7),
            }.get(unit, (None, 0))
            part = rest * factor
            if smaller and part.is_integer() and not (unit == "M" and not is_time):
                head = f"{whole}{unit}" if whole else ""
                if is_time or unit == "D" and smaller == "H":
                    return (
                        f"P{head}T{int(part)}{smaller}"
                        if not is_time
                        else f"PT{head}{int(part)}{smaller}"
                    )
                return f"P{head}{int(part)}{smaller}"
            count = round(count, 2)
    return f"P{'T' if is_time else ''}{count}{unit}"


FUTURE_LEADS = ("tra", "fra", "in", "nel giro di")
WITHIN_LEADS = (
    "entro",
    "within",
    "nell'arco di",
    "entro le prossime",
    "entro i prossimi",
    "nelle prossime",
    "nei prossimi",
    "over the next",
    "in the next",
    "for the next",
    "during the next",
    "the next",
    "within the next",
    "over the coming",
    "in the coming",
    "the coming",
)
SINCE_LEADS = (
    "negli ultimi",
    "nelle ultime",
    "over the past",
    "over the last",
    "in the past",
    "in the last",
    "for the past",
    "for the last",
    "during the past",
    "during the last",
    "the past",
    "the last",
    "within the past",
    "within the last",
)


def duration_timex(context: Context, chunk: Chunk, span: tuple, lead: str) -> tuple:
    """A DURATION; anchored to publication when it says when: "tra 48 ore", "da tre giorni", "negli
    ultimi 3 giorni"."""
    count, unit, is_time = span
    value = duration_value(count, unit, is_time)
    if count == "X":
        return value, "DURATION", None, None
    published = context.published
    if lead == "in":  # "risolto in tre giorni" is how long; "in two weeks" (future) is when
        tense = tense_near(context, chunk.start, chunk.end)
        if tense == "past" or (tense != "future" and context.lang != "en"):
            chunk.start += len("in ")
            return value, "DURATION", None, None
    if lead in FUTURE_LEADS:
        return (
            value,
            "DURATION",
            *map(
                lambda m: local(context, m),
                adjust_end(granule(shift(published, count, unit, is_time, 1), unit, is_time)),
            ),
        )
    if lead in WITHIN_LEADS:
        return (
            value,
            "DURATION",
            local(context, published),
            local(context, shift(published, count, unit, is_time, 1)),
        )
    since = (
        lead in SINCE_LEADS
        or CUE_PAST.search(context.text[max(0, chunk.start - 12) : chunk.start])
        and not context.text[max(0, chunk.start - 12) : chunk.start]
        .rstrip()
        .lower()
        .endswith(("già", "already"))
    )
    if since:
        begin = shift(published, count, unit, is_time, -1)
        if not is_time:
            begin = begin.replace(hour=0, minute=0, second=0, microsecond=0)
        return value, "DURATION", local(context, begin), local(context, published)
    return value, "DURATION", None, None


def range_timex(context: Context, chunk: Chunk, counts: tuple, span: tuple, lead: str) -> tuple:
    """ "two to three weeks" → PXW: TimeML has no range of counts, and TempEval-3 writes the count
    unspecified ("the next 12 to 18 months" → PXM). Anchored, the bounds run from the nearer end of
    the range to the farther: "tra due e tre settimane" from the day two weeks ahead to the end of
    the day three weeks ahead, "entro 2-3 giorni" from publication to three days on."""
    (low, high), (_, unit, is_time) = counts, span
    value = f"P{'T' if is_time else ''}X{unit}"
    _, _, earliest, latest = duration_timex(context, chunk, (high, unit, is_time), lead)
    if earliest is None:
        return value, "DURATION", None, None
    if lead in FUTURE_LEADS:
        earliest = duration_timex(
            context, Chunk(chunk.start, chunk.end), (low, unit, is_time), lead
        )[2]
    return value, "DURATION", earliest, latest


def adjust_end(span: tuple) -> tuple:
    return span[0], span[1] - SECOND


def offset_timex(context: Context, chunk: Chunk, span: tuple, sign: int) -> tuple:
    """ "tre giorni fa" → that day; "due settimane fa" → that ISO week; "due ore fa" → that hour."""
    count, unit, is_time = span
    if count == "X":
        return "PAST_REF", "DATE", None, None
    moment = shift(context.published, count, unit, is_time, sign)
    day = moment.date()
    if is_time:
        start, end = granule(moment, unit, is_time)
        return (
            moment.strftime("%Y-%m-%dT%H:%M"),
            "TIME",
            local(context, start),
            local(context, end - SECOND),
        )
    start = datetime(day.year, day.month, day.day)
    if unit == "D":
        context.last_day = day
        return (
            day.isoformat(),
            "DATE",
            local(context, start),
            local(context, start + timedelta(days=1) - SECOND),
        )
    if unit == "W":
        monday = start - timedelta(days=day.weekday())
        iso = day.isocalendar()
        return (
            f"{iso.year}-W{iso.week:02d}",
            "DATE",
            local(context, monday),
            local(context, monday + timedelta(days=7) - SECOND),
        )
    if unit == "M":
        first = start.replace(day=1)
        return (
            f"{day.year}-{day.month:02d}",
            "DATE",
            local(context, first),
            local(context, add_months(first, 1) - SECOND),
        )
    first = start.replace(month=1, day=1)
    return (
        str(day.year),
        "DATE",
        local(context, first),
        local(context, first.replace(year=day.year + 1) - SECOND),
    )


def offset_from_last_date(context: Context, chunk: Chunk, span: tuple, sign: int) -> tuple:
    """ "il giorno dopo", "tre giorni prima": counted from the last day the text mentioned."""
    count, unit, is_time = span
    if count == "X" or is_time or unit not in ("D", "W"):
        return duration_value(count, unit, is_time), "DURATION", None, None
    base = context.last_day or context.today
    if (
        context.last_day_at is not None
        and APPOSED.fullmatch(context.text, context.last_day_at, chunk.start)
        and WORD_AFTER.match(context.text, chunk.end)
    ):
        sign = 0  # "last seen Nov. 3, the day before a warrant was issued": Nov. 3 itself
    day = base + sign * timedelta(days=count * (7 if unit == "W" else 1))
    start = datetime(day.year, day.month, day.day)
    return (
        day.isoformat(),
        "DATE",
        local(context, start),
        local(context, start + timedelta(days=1) - SECOND),
    )


APPOSED = re.compile(r"\s*,\s*")
WORD_AFTER = re.compile(r"\s+[^\W\d_]")


def to_timex(context: Context, chunk: Chunk) -> dict | list | None:
    """The TIMEX.md dictionary for a chunk (a list of two for an English interval), or None when it
    resolves to no real date."""
    if chunk.ends and context.lang == "en":
        return interval_ends(context, chunk)
    if chunk.resolver:
        parts = chunk.resolver(context, chunk)
    elif chunk.ends:
        parts = interval_timex(context, chunk)
    else:
        parts = point_timex(context, chunk)
    if parts is None:
        return None
    value, kind, earliest, latest = parts
    if kind == "DATE" and YEAR_NAMED.search(context.text, chunk.start, chunk.end):
        context.last_year = int(value[:4]) if value[:4].isdigit() else context.last_year
    if kind == "DATE" and MONTH_VALUE.match(value):
        context.last_month = (int(value[:4]), int(value[5:7]))
    if (
        kind == "DATE"
        and value[4:6] == "-Q"
        and context.report_quarter is None
        and is_reported_quarter(context, chunk, value)
    ):
        context.report_quarter = value
    start, end = (
        english_span(context.text, chunk.start, chunk.end, "compound" not in chunk.info)
        if context.lang == "en"
        else (chunk.start, chunk.end)
    )
    timex = {
        "text": context.text[start:end],
        "span": [start, end],
        "type": kind,
        "value": value,
        "mod": chunk.mod,
        "earliest": earliest,
        "latest": latest,
    }
    if "flag" in chunk.info:
        timex["flag"] = chunk.info["flag"]
    return timex


def is_reported_quarter(context: Context, chunk: Chunk, value: str) -> bool:
    """Whether a quarter is one a report is about: recent, not itself a comparison ("the year-ago
    quarter") nor history ("the third quarter of 1984")."""
    return int(value[:4]) >= context.today.year - 1 and not chunk.info.get("compared")


MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?$")
YEAR_NAMED = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|nineteen|thousand", re.I)


def interval_ends(context: Context, chunk: Chunk) -> list | None:
    """ "from Sept. 14 to Thursday": TimeBank marks each end as its own timex, "from" and "to"
    outside."""
    points = interval_points(context, chunk)
    if points is None:
        return None
    timexes = []
    for part, point in zip(chunk.ends, points[:2], strict=False):
        if part.end <= part.start:
            return None
        start, end = english_span(context.text, part.start, part.end)
        earliest, latest = bounds(context, point.start, point.end, None, instant=bool(part.time))
        timexes.append(
            {
                "text": context.text[start:end],
                "span": [start, end],
                "type": point.type,
                "value": point.value,
                "mod": None,
                "earliest": earliest,
                "latest": latest,
            }
        )
    return timexes


# TimeBank and TempEval-3 leave prepositions and "about"/"almost" outside a timex and put "the"
# inside: "within [a week]", "over [the past two years]", "after [Oct. 12]". The value and mod stay
# the same.
ENGLISH_LEAD = re.compile(
    r"right\s+(?=now\b)|(?:(?:shortly|just|only|right|soon|immediately)\s+)?"
    r"(?:in|within|over(?!\s+an?\b)|for|during|by|at(?!\s+(?:least|most)\b)|"
    r"from|until|till|since|through|throughout|on|before|after|about|almost|"
    r"into|between|to|of|as\s+of)\s+",
    re.I,
)
THE_BEFORE = re.compile(r"(?<![\w'’])the\s+$", re.I)
ADJECTIVES = set(
    "current recent recently daily weekly monthly hourly nightly yearly annual biweekly".split()
)
CAPITAL_OR_DIGIT = re.compile(r"[A-Z\d]")  # "the Friday meeting", "the 1990s"
# "the eight-year war": an adjective, the article is the noun's.
ONE_HYPHENATED = re.compile(r"[^\W\d_]+-\S+")


def english_span(text: str, start: int, end: int, the: bool = True) -> tuple[int, int]:
    """The span of an English timex as TimeBank draws it; `the` False keeps an article out
    ("the [two day] rally")."""
    while True:
        lead = ENGLISH_LEAD.match(text, start, end)
        if lead is None or lead.end() >= end:
            break
        start = lead.end()
    # "[the weekend]", "[the past two years]"; not "the Friday meeting".
    if (
        the
        and not CAPITAL_OR_DIGIT.match(text, start)
        and text[start:end].lower() not in ADJECTIVES
        and not text.startswith(("the ", "The "), start)
        and not (ONE_HYPHENATED.fullmatch(text, start, end))
    ):
        the = THE_BEFORE.search(text, max(0, start - 5), start)
        if the:
            start = the.start()
    return start, end
