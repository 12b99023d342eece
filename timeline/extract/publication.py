"""Rank date candidates by trust and decide when a page was published and last updated."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from . import bylines, fields, foreign, signals
from .candidate import EARLIEST, EITHER, PUBLISHED, UPDATED, Candidate
from .language import declared
from .last_resort import htmldate_candidate, page_wide
from .stated import EAST, WEST, as_page_states
from .timestamps import Stamp, make_stamp
from .zones import declared_locale, page_zone

# a byline one day off the URL is a late-night story filed before midnight
URL_SLACK = timedelta(days=1)


def plausible(candidates: list[Candidate], now: datetime) -> list[Candidate]:
    """Drop dates in the future (after `now`) or before the web had news sites."""
    today = now.date()
    kept = []
    for c in candidates:
        if c.stamp.day < EARLIEST or c.stamp.day > today:
            continue
        if c.stamp.precision != "day" and c.stamp.moment > now + timedelta(minutes=5):
            continue
        kept.append(c)
    return kept


def choose(
    candidates: list[Candidate], url_candidates: list[Candidate], now: datetime
) -> tuple[Stamp | None, Stamp | None]:
    """The (published, updated) stamps, best-trusted first, kept consistent with the URL's day.

    >>> choose([], [], datetime(2023, 2, 1))
    (None, None)
    """
    candidates = plausible(candidates, now)
    url_day = url_candidates[0].stamp.day if url_candidates else None
    ranked = sorted((c for c in candidates if c.role != UPDATED), key=lambda c: -c.trust)
    updates = sorted((c for c in candidates if c.role == UPDATED), key=lambda c: -c.trust)
    published = pick_published(ranked, url_candidates, url_day)
    if published is not None:
        published = shown_as_of_update(refine_time(published, ranked), ranked, updates, url_day)
    updated = None
    for c in updates:
        # an "update" at or before publication is a CMS echo of the publication date
        if published is None or c.stamp.moment - published.stamp.moment >= timedelta(minutes=1):
            updated = refine_time(c, updates, (UPDATED,)).stamp
            break
    return (published.stamp if published else None), updated


def pick_published(
    ranked: list[Candidate], url_candidates: list[Candidate], url_day
) -> Candidate | None:
    if not ranked:
        return url_candidates[0] if url_candidates else None
    best = ranked[0]
    if url_day is None:
        return confirmed(ranked)
    # a stated original publication (syndicated story) predates the re-publication the URL dates
    if on_day(best.stamp, url_day) or best.source == "original":
        return best
    # the URL fixes the day: a top signal on another day is usually an update posing as publication
    for c in ranked:
        if c.stamp.day == url_day and c.trust >= 60:
            return c
    if abs(best.stamp.day - url_day) <= URL_SLACK:
        return best
    return url_candidates[0]


def on_day(stamp: Stamp, day) -> bool:
    """True when the stamp falls on ``day``: its local day, or for an instant the page stated in UTC
    (a CMS's normalisation), the day some inhabited place's offset puts it on (a US story at 17:25
    on the 8th is 23:25Z, the 9th in Rome).

    >>> from datetime import date, timezone
    >>> from .timestamps import zone
    >>> utc = make_stamp(date(2023, 11, 8), time(23, 25), zone("Europe/Rome"), timezone.utc)
    >>> on_day(utc, date(2023, 11, 8)), on_day(utc, date(2023, 11, 7))
    (True, False)
    """
    if stamp.day == day:
        return True
    stated = stamp.stated
    if not isinstance(stated, datetime) or stated.utcoffset() != timedelta(0):
        return False
    return (stated + WEST).date() <= day <= (stated + EAST).date()


MACHINE_TRUST = 88
VISIBLE_SOURCES = {"text", "byline", "time", "note"}


def confirmed(ranked: list[Candidate]) -> Candidate:
    """The best candidate, unless trusted machine dates disagree on the day: then the best of them
    whose day a date written for readers confirms (JSON-LD says the 4th, article:published_time and
    the byline the 6th: the 6th)."""
    best = ranked[0]
    machine = [
        c
        for c in ranked
        if c.trust >= MACHINE_TRUST and c.source not in VISIBLE_SOURCES and c.role == PUBLISHED
    ]
    if best not in machine or all(c.stamp.day == best.stamp.day for c in machine):
        return best
    seen = {c.stamp.day for c in ranked if c.source in VISIBLE_SOURCES}
    if best.stamp.day in seen:
        return best
    return next((c for c in machine if c.stamp.day in seen), best)


BYLINE_TRUST = 64
# a page brought up to date more than a month after it first appeared is re-issued, not corrected
REISSUE_GAP = timedelta(days=30)


def shown_as_of_update(
    best: Candidate, ranked: list[Candidate], updates: list[Candidate], url_day
) -> Candidate:
    """The machine update date when it is the only date the page shows its readers: a re-issued page
    (a guide brought up to date) presents itself as of that day, its first publication shown
    nowhere.

    Only when no URL spells a day, the publication is machine data, a trusted machine update comes
    more than REISSUE_GAP later, and the dates written for readers near the headline are all on its
    day. A story corrected within the month keeps its first publication.
    """
    machine_updates = [
        c for c in updates if c.trust >= MACHINE_TRUST and c.source not in VISIBLE_SOURCES
    ]
    if url_day is not None or best.source in VISIBLE_SOURCES or not machine_updates:
        return best
    update = machine_updates[0]
    if update.stamp.day - best.stamp.day <= REISSUE_GAP:
        return best
    shown = {
        own_day(c)
        for c in ranked + updates
        if c.source in VISIBLE_SOURCES and c.trust >= BYLINE_TRUST
    }
    if shown == {own_day(update)}:
        return replace(update, role=PUBLISHED)
    return best


def own_day(c: Candidate):
    """The calendar day as the page wrote it (its own offset), else the local day."""
    stated = c.stamp.stated
    if isinstance(stated, datetime):
        return stated.date()
    return stated if stated is not None else c.stamp.day


def refine_time(
    best: Candidate, ranked: list[Candidate], roles: tuple[str, ...] = (PUBLISHED, EITHER)
) -> Candidate:
    """Borrow the time of day from a lesser signal of one of ``roles`` on the same day when the
    best one has none ("Last updated 20 April 2023" and a meta update at 15:10 that day)."""
    if best.stamp.precision != "day" and (best.stamp.moment.hour, best.stamp.moment.minute) != (
        0,
        0,
    ):
        return best
    for c in ranked:
        if (
            c is not best
            and c.stamp.precision != "day"
            and c.stamp.day == best.stamp.day
            and c.role in roles
        ):
            if (c.stamp.moment.hour, c.stamp.moment.minute) != (0, 0):
                return replace(best, stamp=c.stamp)
    return best


def publication_dates(layout, main, url, tz, now, metadata_only: bool = False):
    """The (published, updated) Stamps of a page, from every signal ranked by trust, in ``tz``.

    Clock times without an offset are read in the page's own zone (a British byline is London time)
    and then reported in ``tz``; each Stamp keeps how the page stated it. ``metadata_only`` (a
    listing page): only the JSON-LD, meta and microdata dates of the page itself.
    """
    own_zone = page_zone(declared_locale(layout.tree), url, None)
    site_tz = own_zone or tz
    structured = structured_dates(layout, main, site_tz)
    url_candidates = signals.from_url(url, site_tz)
    visible: list[Candidate] | None = None
    if metadata_only:
        published, updated = choose(structured, [], now)
        visible = []
    elif settled(structured, url_candidates, now, layout):
        # trusted machine dates for both publication and update: reading the page would add nothing
        published, updated = choose(structured, url_candidates, now)
    else:
        visible = visible_dates(layout, main, url, structured, url_candidates, site_tz, now)
        published, updated = choose(structured + visible, url_candidates, now)
        if published is not None and published.precision == "day":
            published = with_lone_clock(published, layout, site_tz, now)
    if published is not None:

        def page_evidence() -> list[Candidate]:
            nonlocal visible
            if visible is None:
                visible = visible_dates(layout, main, url, structured, url_candidates, site_tz, now)
            return visible

        published = as_page_states(published, structured, url_candidates, own_zone, page_evidence)
    return in_zone(published, tz), in_zone(updated, tz)


# a machine publication without a time of day is often a record's date typed by hand or a CMS
# default: a labelled date written for readers ("Erscheinungsdatum 25.01.2022") outranks it
DATE_ONLY_TRUST = 76


def structured_dates(layout, main, tz) -> list[Candidate]:
    """Machine-readable dates: the JSON-LD article node, meta tags, microdata."""
    found = (
        signals.from_jsonld(main, tz)
        + signals.from_meta(layout.tree, tz)
        + signals.from_microdata(layout, tz)
    )
    return [
        (
            replace(c, trust=min(c.trust, DATE_ONLY_TRUST))
            if c.stamp.precision == "day" and c.role == PUBLISHED
            else c
        )
        for c in found
    ]


def visible_dates(
    layout, main, url, structured: list[Candidate], url_candidates: list[Candidate], tz, now
) -> list[Candidate]:
    """Dates written for readers (``<time>``, bylines), and htmldate's guess when nothing else dates
    the page."""
    if structured:
        year = max(structured, key=lambda c: c.trust).stamp.day.year
    else:
        year = url_candidates[0].stamp.day.year if url_candidates else now.year
    visible = (
        signals.from_time_elements(layout, tz)
        + bylines.from_page(layout, tz, year)
        + fields.from_fields(layout, tz)
    )
    if not dates_publication(structured + visible):
        # our own rules found nothing: a byline in a language our tables lack, then htmldate's guess
        lines = signals.unread_meta_dates(layout.tree) + bylines.byline_lines(layout)
        visible += foreign.from_bylines(lines, declared(layout.tree, main), tz)
        if not dates_publication(visible) and not url_candidates:
            visible += htmldate_candidate(layout.tree, url, tz, now) or page_wide(layout, tz, now)
    return visible


def dates_publication(candidates: list[Candidate]) -> bool:
    """True when some candidate may be the publication (not only updates)."""
    return any(c.role != UPDATED for c in candidates)


def with_lone_clock(published: Stamp, layout, tz, now) -> Stamp:
    """A wire page dated by its URL or dateline, with only "17:52" beside the headline: that is its
    time."""
    clock = bylines.lone_clock(layout)
    if clock is None:
        return published
    timed = make_stamp(published.stated or published.day, time(*clock), tz)
    return timed if timed.moment <= now else published


def settled(structured: list, url_candidates: list, now: datetime, layout) -> bool:
    """True when trusted structured data gives a timed publication (matching the URL's day) and
    either an update date or no update label anywhere in the article's text."""
    kept = plausible(structured, now)
    published = [
        c for c in kept if c.role == PUBLISHED and c.trust >= 90 and c.stamp.precision != "day"
    ]
    if not published:
        return False
    best = max(published, key=lambda c: c.trust)
    if url_candidates and best.stamp.day != url_candidates[0].stamp.day:
        return False
    if any(
        c.stamp.day != best.stamp.day
        for c in kept
        if c.role == PUBLISHED and c.trust >= MACHINE_TRUST
    ):
        return False  # the machine dates disagree: the byline arbitrates
    if any(c.role == UPDATED and c.trust >= 90 for c in kept):
        # an update long after: the page may show only that one (see shown_as_of_update)
        return bool(url_candidates) or all(
            c.stamp.day - best.stamp.day <= REISSUE_GAP for c in kept if c.role == UPDATED
        )
    text = layout.region.text_content()
    return not bylines.UPDATED_LABEL_RE.search(text) and not bylines.ORIGINAL_RE.search(text)


def in_zone(stamp: Stamp | None, tz) -> Stamp | None:
    """The same moment in ``tz``; a day-precision stamp keeps its calendar day."""
    if stamp is None:
        return None
    if stamp.precision == "day":
        return replace(stamp, moment=make_stamp(stamp.day, None, tz).moment)
    return replace(stamp, moment=stamp.moment.astimezone(tz))
