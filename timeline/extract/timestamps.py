"""Parse date strings (machine ISO/RFC values and human bylines) into local timestamps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

PRECISIONS = ("day", "minute", "second")


@dataclass(frozen=True)
class Stamp:
    """A moment in local time, how precisely the source knew it, and how the page stated it.

    >>> Stamp(datetime(2023, 1, 24, 10, 35, tzinfo=ZoneInfo("Europe/Rome")), "minute").iso()
    '2023-01-24T10:35:00+01:00'
    """

    moment: datetime
    precision: str
    #: the page's own wording: a date, a naive wall time, or a time with the offset it gave
    stated: date | datetime | None = None

    def iso(self) -> str:
        return self.moment.isoformat(timespec="seconds")

    def stated_iso(self) -> str:
        """The date as the page states it: its own offset, naive when it gives none, a date alone.

        >>> utc = make_stamp(date(2023, 1, 24), time(23, 20), zone("Europe/Rome"), timezone.utc)
        >>> utc.stated_iso()
        '2023-01-24T23:20:00+00:00'
        """
        stated = self.stated if self.stated is not None else self.moment
        if isinstance(stated, datetime):
            return stated.isoformat(timespec="seconds")
        return stated.isoformat()

    @property
    def day(self) -> date:
        return self.moment.date()


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for a timezone name, cached."""
    return ZoneInfo(name)


def make_stamp(
    d: date, t: time | None, tz: ZoneInfo, offset: timezone | None = None, seconds: bool = False
) -> Stamp:
    """A Stamp from a calendar date and optional wall time; `offset` is the source's own zone."""
    if t is None:
        return Stamp(datetime.combine(d, time(0), tz), "day", d)
    stated = datetime.combine(d, t, offset) if offset else datetime.combine(d, t)
    moment = datetime.combine(d, t, offset or tz).astimezone(tz)
    return Stamp(moment, "second" if seconds else "minute", stated)


ISO_RE = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|"
    r"[+-]\d{2})?)?"
)


def parse_machine(value: str, tz: ZoneInfo) -> Stamp | None:
    """Parse a machine-readable date (ISO 8601 or RFC 2822); naive values are local.

    >>> parse_machine("2023-01-24T23:30:00Z", zone("Europe/Rome")).iso()
    '2023-01-25T00:30:00+01:00'
    """
    if not value:
        return None
    match = JS_DATE_RE.match(value)
    if match:
        return js_date(match, tz)
    if len(value) > 64:
        return None
    match = ISO_RE.match(value)
    if match:
        y, mo, d, h, mi, s, off = match.groups()
        try:
            day = date(int(y), int(mo), int(d))
            if h is None:
                return make_stamp(day, None, tz)
            return make_stamp(
                day, time(int(h), int(mi), int(s or 0)), tz, parse_offset(off), s is not None
            )
        except ValueError:
            return None
    if re.match(r"^\s*\d{10}(\.\d+)?\s*$", value):  # unix epoch seconds
        instant = datetime.fromtimestamp(float(value), UTC)
        return Stamp(instant.astimezone(tz), "second", instant)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_human(value, tz)
    stated = moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return Stamp(moment.astimezone(tz), "second", stated)


# JavaScript's Date.toString(), as server-rendered pages print it in a datetime attribute:
# "Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)"
JS_DATE_RE = re.compile(
    r"\s*[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([0-3]?\d) ((?:19|20)\d\d) "
    r"([0-2]\d):([0-5]\d):([0-5]\d) GMT([+-]\d{4})"
)


def js_date(match: re.Match, tz: ZoneInfo) -> Stamp | None:
    """The Stamp of a JS_DATE_RE match, with the offset it states.

    >>> match = JS_DATE_RE.match("Tue Aug 25 2020 00:23:33 GMT+0000 (UTC)")
    >>> js_date(match, zone("UTC")).stated_iso()
    '2020-08-25T00:23:33+00:00'
    """
    mon, d, y, h, mi, s, off = match.groups()
    month = MONTH_NUMBER.get(mon.lower())
    try:
        day = date(int(y), month, int(d)) if month else None
        clock = time(int(h), int(mi), int(s))
    except ValueError:
        return None
    return make_stamp(day, clock, tz, parse_offset(off), seconds=True) if day else None


def parse_offset(text: str | None) -> timezone | None:
    """'+01:00' / 'Z' / 'CET' → a fixed timezone; None when absent (local time)."""
    if not text:
        return None
    text = " ".join(text.upper().split())
    if text in ZONE_NAMES:
        return ZONE_NAMES[text]
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(sign * timedelta(minutes=minutes))


ZONE_NAMES = {
    "Z": UTC,
    "UTC": UTC,
    "GMT": UTC,
    "WET": UTC,
    "CET": timezone(timedelta(hours=1)),
    "MEZ": timezone(timedelta(hours=1)),
    "CEST": timezone(timedelta(hours=2)),
    "MESZ": timezone(timedelta(hours=2)),
    "BST": timezone(timedelta(hours=1)),
    "WEST": timezone(timedelta(hours=1)),
    "EET": timezone(timedelta(hours=2)),
    "EEST": timezone(timedelta(hours=3)),
    # North American zones: "ET"/"PT" follow daylight saving, so they are the region's rules
    "ET": ZoneInfo("America/New_York"),
    "EST": timezone(timedelta(hours=-5)),
    "EDT": timezone(timedelta(hours=-4)),
    "CT": ZoneInfo("America/Chicago"),
    "CST": timezone(timedelta(hours=-6)),
    "CDT": timezone(timedelta(hours=-5)),
    "MT": ZoneInfo("America/Denver"),
    "MST": timezone(timedelta(hours=-7)),
    "MDT": timezone(timedelta(hours=-6)),
    "PT": ZoneInfo("America/Los_Angeles"),
    "PST": timezone(timedelta(hours=-8)),
    "PDT": timezone(timedelta(hours=-7)),
    "BRT": timezone(timedelta(hours=-3)),
    "HORÁRIO DE BRASÍLIA": ZoneInfo("America/Sao_Paulo"),
    "HORA DE BRASÍLIA": ZoneInfo("America/Sao_Paulo"),
}

MONTHS = {
    1: (
        "gennaio gen january jan januar jänner jän janvier janv enero ene janeiro januari stycznia "
        "styczeń ledna leden ianuarie ian tammikuuta tammikuu január siječnja siječanj januarja "
        "ιανουαρίου ιανουάριος ιαν sij"
    ),
    2: (
        "febbraio feb february februar février fevrier févr fevr febrero fevereiro fev februari "
        "lutego luty února únor februarie helmikuuta helmikuu február febr veljače veljača "
        "februarja φεβρουαρίου φεβρουάριος φεβ velj"
    ),
    3: (
        "marzo mar march märz maerz mär mrz mars março marco maart mrt marca marzec března březen "
        "martie marts maaliskuuta maaliskuu március márc ožujka ožujak μαρτίου μάρτιος μαρ ožu"
    ),
    4: (
        "aprile apr april avril avr abril abr kwietnia kwiecień dubna duben aprilie huhtikuuta "
        "huhtikuu április ápr travnja travanj aprila απριλίου απρίλιος απρ tra."
    ),
    5: (
        "maggio mag may mai mayo maio mei maja maj května květen toukokuuta toukokuu május máj "
        "svibnja svibanj μαΐου μαΐος μάιος μαΐ svi"
    ),
    6: (
        "giugno giu june jun juni juin junio junho czerwca czerwiec června červen iunie iun "
        "kesäkuuta kesäkuu június jún lipnja lipanj junija ιουνίου ιούνιος ιουν lip"
    ),
    7: (
        "luglio lug july jul juli juillet juil julio julho lipca lipiec července červenec iulie "
        "iul heinäkuuta heinäkuu július júl srpnja srpanj julija ιουλίου ιούλιος ιουλ srp"
    ),
    8: (
        "agosto ago august aug août aout augustus augusti sierpnia sierpień srpna srpen elokuuta "
        "elokuu augusztus kolovoza kolovoz avgusta avgust αυγούστου αύγουστος αυγ kol"
    ),
    9: (
        "settembre set september sep sept septembre septiembre setiembre setembro września "
        "wrzesień září septembrie syyskuuta syyskuu szeptember szept rujna rujan septembra "
        "σεπτεμβρίου σεπτέμβριος σεπ ruj"
    ),
    10: (
        "ottobre ott october oct oktober octobre octubre outubro okt października październik "
        "října říjen octombrie lokakuuta lokakuu október oktobra οκτωβρίου οκτώβριος οκτ lis"
    ),
    11: (
        "novembre nov november noviembre novembro listopada listopad noiembrie marraskuuta "
        "marraskuu novembra studenoga studenog studeni νοεμβρίου νοέμβριος νοε stu"
    ),
    12: (
        "dicembre dic december dec dezember dez décembre decembre déc diciembre dezembro grudnia "
        "grudzień prosince prosinec decembrie desember joulukuuta joulukuu decembra prosinca "
        "prosinac δεκεμβρίου δεκέμβριος δεκ pro."
    ),
}
# the languages whose month names and bylines the tables above read (others go to dateparser, see
# foreign.py)
LANGUAGES = frozenset("it en de fr es pt nl pl cs ro fi hu hr sl el sv da nb no nn".split())
MONTH_NUMBER = {name: n for n, names in MONTHS.items() for name in names.split()}
# Croatian "tra." (April) and "pro." (December) need their dot: bare "tra"/"pro" are common words
MONTH = "|".join(re.escape(name) for name in sorted(MONTH_NUMBER, key=len, reverse=True))

TIME = (
    r"\s*(?:\s*(?:[,|·•–—-]|\bum\b|\bat\b|\balle\b|\bore\b|\bh\b\.?|\bà\b|\ba\s+las\b|\bàs\b|"
    r"\bom\b|\bkl\b\.?|\bklo\b|\bkello\b|\bob\b|\bu\b|\bo\s+godz\.?|\bgodz\.?|στις|\.|\bdès\b)\s*)*"
    r"(?P<h>[01]?\d|2[0-3])\s*(?:[:.]|h(?=\d))\s*(?P<mi>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?:\s*(?:uhr|h\b))?(?:\s*\(?(?P<tz>cest|cet|utc|gmt|mesz|mez|"
    r"bst|z|(?-i:[ECMP][SD]?T|BRT)|hor[áa]rio\s+de\s+bras[íi]lia|hora\s+de\s+bras[íi]lia)\b\)?)?"
)
# a dateline in brackets may shorten the year: "(Pescasseroli, 14 Gennaio 20)"
DAY_FIRST = (
    rf"(?P<d>[0-3]?\d)(?:\.|º|°|er|st|nd|rd|th)?\s*(?:de\s+|di\s+)?(?P<mon>{MONTH})\.?,?"
    r"(?:\s*(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d|\d\d(?=\s*[)\]]))(?!\d))?"
)
MONTH_FIRST = (
    rf"(?P<mon2>{MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
)
# Hungarian order: "2023. március 14.", "2023.05.19."
YEAR_FIRST = (
    rf"(?P<hy>(?:19|20)\d\d)\.\s*(?:(?P<hmon>{MONTH})\.?|(?P<hm>[01]?\d)\.)\s*(?P<hd>[0-3]?\d)\.?"
)
NUMERIC = (
    r"(?P<nd>[0-3]?\d)(?:[./-]|\.\s)(?P<nm>[01]?\d)"
    r"(?:[./-](?P<ny>(?:19|20)\d\d|\d\d)|\.\s(?P<ny2>(?:19|20)\d\d))(?!\d)"
)
# day, month and year set apart by bars, as some templates print them: "26 | 01 | 2022"
BARRED = r"(?P<bd>[0-3]?\d)\s?\|\s?(?P<bm>[01]?\d)\s?\|\s?(?P<by>(?:19|20)\d\d)(?!\d)"
# "2023-01-24", and year-first with slashes as East Asian pages write it: "2023/01/24"
ISO_DAY = r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)"
# Chinese and Japanese: "2023年1月24日" (no word boundaries: the characters around are letters too)
CJK_DAY = r"(?<!\d)(?P<cy>(?:19|20)\d\d)\s*年\s*(?P<cm>[01]?\d)\s*月\s*(?P<cd>[0-3]?\d)\s*日"
HUMAN_RE = re.compile(
    rf"(?:(?<![\w/])(?:{ISO_DAY}|{YEAR_FIRST}|{NUMERIC}|{BARRED}|{MONTH_FIRST}|{DAY_FIRST})(?![\w])"
    rf"|{CJK_DAY})(?:{TIME})?",
    re.IGNORECASE,
)


QUICK_RE = re.compile(r"(?:19|20)\d\d|\d[./-]\d\d?[./-]\d\d|[^\W\d] \d\d\s*[)\]]")


def find_human(text: str, tz: ZoneInfo, default_year: int | None = None):
    """Yield (start, end, Stamp) for every human-written date in `text`.

    >>> found = find_human("Milano, 25 gennaio 2023 – ore 19:30", zone("Europe/Rome"))
    >>> [s.iso() for _, _, s in found]
    ['2023-01-25T19:30:00+01:00']
    """
    # most lines hold no date at all: a cheap look for a year or a numeric date spares the big regex
    if not QUICK_RE.search(text) if default_year is None else not any(c.isdigit() for c in text):
        return
    for match in HUMAN_RE.finditer(text):
        stamp = stamp_from_match(match, tz, default_year)
        if stamp is None:
            continue
        start = match.start()
        if stamp.precision == "day":
            # the clock written first: "3:02 PM EDT, Tue June 13, 2023", "10:35 Uhr, 24.01.2023"
            before = TIME_FIRST_RE.search(text, max(0, start - 40), start)
            if before is not None:
                timed = with_clock(stamp.day, before, tz)
                if timed is not None:
                    stamp, start = timed, before.start()
        yield start, match.end(), stamp


TIME_FIRST_RE = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?"
    r"\s?m\.?))?(?:\s*uhr)?"
    r"(?:\s*\(?(?P<tz>cest|cet|utc|gmt|mesz|mez|bst|(?-i:[ECMP][SD]?T))\b\)?)?"
    r"\s*[,|·–-]?\s*(?:[^\W\d]{2,12}\.?,?\s+)?$",
    re.IGNORECASE,
)


def with_clock(day: date, match: re.Match, tz: ZoneInfo) -> Stamp | None:
    """The day at the clock time of a TIME-like match (hour, minutes, am/pm, zone)."""
    g = match.groupdict()
    hour = int(g["h"])
    ampm = (g["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    try:
        clock = time(hour, int(g["mi"]), int(g.get("s") or 0))
    except ValueError:
        return None
    return make_stamp(day, clock, tz, parse_offset(g["tz"]), bool(g.get("s")))


def parse_human(text: str, tz: ZoneInfo, default_year: int | None = None) -> Stamp | None:
    """The first human-written date in `text`, or None."""
    return next((stamp for _, _, stamp in find_human(text, tz, default_year)), None)


def stamp_from_match(match: re.Match, tz: ZoneInfo, default_year: int | None) -> Stamp | None:
    g = match.groupdict()
    if g["iy"]:
        y, m, d = g["iy"], g["im"], g["id"]
    elif g["cy"]:
        y, m, d = g["cy"], g["cm"], g["cd"]
    elif g["hy"]:
        y, d = g["hy"], g["hd"]
        m = MONTH_NUMBER[g["hmon"].lower()] if g["hmon"] else g["hm"]
    elif g["nd"]:
        y, m, d = g["ny"] or g["ny2"], g["nm"], g["nd"]
        y = y if len(y) == 4 else "20" + y
    elif g["bd"]:
        y, m, d = g["by"], g["bm"], g["bd"]
    elif g["mon2"]:
        y, m, d = g["y2"], MONTH_NUMBER[g["mon2"].lower()], g["d2"]
    else:
        y, m, d = g["y"] or default_year, MONTH_NUMBER[g["mon"].lower()], g["d"]
        if y is None:
            return None
        y = "20" + y if len(str(y)) == 2 else y
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    if g["h"] is None:
        return make_stamp(day, None, tz)
    return with_clock(day, match, tz)
