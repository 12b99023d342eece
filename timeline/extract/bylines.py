"""Find publication and update dates written for readers: bylines, datelines, update stamps."""

from __future__ import annotations

import re
from functools import lru_cache

from .candidate import EITHER, PUBLISHED, UPDATED, Candidate
from .layout import is_teaser
from .timestamps import QUICK_RE, find_human

PUBLISHED_LABELS = (
    r"pubblicat[oa]|pubblicazione|published|posted|first "
    r"published|publication|veröffentlicht|erschienen|"
    r"publié|publiée|publie|publicad[oa]|publicação|publicat|gepubliceerd|geplaatst|uitgegeven|"
    r"creat[oe]d?|opublikowano|data publikacji|dodano|erstellt|"
    r"publicerad|publicerat|publikováno|publikovano|vydáno|publicado "
    r"em|objavljeno|objavljen[oa]?|offentliggjort|publiceret|publisert|julkaistu|"
    r"megjelent|megjelenés|publikálva|közzétéve|δημοσίευση|δημοσιεύθηκε|δημοσιεύτηκε|"
    r"veröffentlichung|veröffentlichungsdatum|erscheinungsdatum|publicatiedatum|data publicării|"
    r"publiceringsdatum"
)
UPDATED_LABELS = (
    r"aggiornat[oa]|aggiornamento|ult\.?\s*agg\.?|ultima "
    r"modifica|modifica|modificat[oa]|updated|update|last modified|"
    r"modified|revised|aktualisiert|aktualisierung|geändert|zuletzt|stand|mis à jour|mise à "
    r"jour|màj|"
    r"actualizad[oa]|actualización|atualizad[oa]|atualização|bijgewerkt|gewijzigd|aangepast|"
    r"laatste update|aktualizacja|zaktualizowano|"
    r"uppdaterad|uppdaterat|aktualizováno|aktualizovano|actualizat|actualizare|opdateret|oppdatert|"
    r"päivitetty|frissítve|frissítés|módosítva|"
    r"ažurirano|posodobljeno|ενημέρωση|ενημερώθηκε|τελευταία ενημέρωση"
)
# "Oggi è lunedì 6 febbraio": a header widget showing the day the page was seen, not written
TODAY_RE = re.compile(
    r"(?<!\w)(?:oggi|today|heute|aujourd'hui|hoy|hoje|vandaag|dzisiaj|dziś|i "
    r"dag|tänään|σήμερα|danas|danes)(?!\w)[^\d]{0,25}$",
    re.IGNORECASE,
)
LABEL_RE = re.compile(
    rf"(?<!\w)(?:(?P<up>{UPDATED_LABELS})|(?P<pub>{PUBLISHED_LABELS}))(?!\w)", re.IGNORECASE
)
UPDATED_LABEL_RE = re.compile(rf"(?<!\w)(?:{UPDATED_LABELS})(?!\w)", re.IGNORECASE)
# a syndicated or re-published story states when the original appeared: that is its publication
ORIGINAL_RE = re.compile(
    r"(?<!\w)(?:originally (?:published|posted|appeared)|first (?:published|appeared)|"
    r"(?:pubblicat[oa]|apparso|uscit[oa]) (?:originariamente|originalmente|per la prima "
    r"volta)|(?:originariamente|originalmente) (?:pubblicat[oa]|apparso)|"
    r"ursprünglich (?:erschienen|veröffentlicht)|zuerst (?:erschienen|veröffentlicht)|erstmals "
    r"(?:erschienen|veröffentlicht)|"
    r"(?:publié|paru)e? (?:initialement|à l'origine|originellement|pour la première "
    r"fois)|initialement (?:publié|paru)e?|"
    r"publicad[oa] (?:originalmente|originariamente|por primera vez|inicialmente)|originalmente "
    r"publicad[oa]|"
    r"oorspronkelijk (?:gepubliceerd|verschenen)|eerder (?:gepubliceerd|verschenen)|pierwotnie "
    r"(?:opublikowan[oy]|ukazał)|"
    r"ursprungligen publicerad|původně (?:publikováno|vyšlo)|publicat "
    r"(?:inițial|initial|original))(?!\w)",
    re.IGNORECASE,
)
SELF_RE = re.compile(
    r"(?:this|the) (?:article|story|post|piece|essay|column|report)|(?:quest[oa]|l')\s?(?:articolo|"
    r"pezzo|post|intervento|contributo)|"
    r"(?:dieser|der) (?:artikel|beitrag|text)|(?:cet|l')\s?article|cette "
    r"(?:tribune|chronique)|(?:este|el) (?:artículo|texto)|"
    r"(?:este|o) (?:artigo|texto)|(?:dit|het) (?:artikel|stuk)|(?:ten )?(?:artykuł|tekst)|(?:denna "
    r")?artikel(?:n)?|(?:tento )?článek|"
    r"(?:acest )?articol(?:ul)?",
    re.IGNORECASE,
)
ORIGINAL_REACH = 120
ORIGINAL_LINE = 300
PRINT_RE = re.compile(
    r"(?<!\w)(?:heft|ausgabe|erstverkaufstag|print edition|printed edition|in print|print "
    r"issue|magazine issue|numero|in edicola|edicola|edizione cartacea|"
    r"numéro|en kiosque|kiosque|edición impresa|en el quiosco|edição impressa|nas bancas|gedrukte "
    r"editie|tijdschrift nr|wydanie drukowane|"
    r"papierowe wydanie|nummer|utgåva|papirudgave|papiravis|painetussa|nyomtatott)(?!\w)",
    re.IGNORECASE,
)
PRINT_TRUST = 50
# a time alone beside the headline ("17:52", "ULTIM'ORA 17:52"): the clock of a story dated only by
# URL or dateline
LONE_CLOCK_RE = re.compile(
    r"^[^\d]{0,24}?(?<![\d:.])(?:ore\s+|h\.?\s*|um\s+|at\s+|kl\.?\s*|à\s+)?([01]?\d|"
    r"2[0-3])[:.]([0-5]\d)(?:\s*(?:uhr|h))?\W*$",
    re.I,
)
LONE_CLOCK_LINE = 40
# "Aggiornato alle 20:10 del 24/01/2023 — Pubblicato alle 08:30": a publication label followed by a
# clock with no date of its own (the day is known from elsewhere)
PUBLISHED_CLOCK_RE = re.compile(
    rf"(?<!\w)(?:{PUBLISHED_LABELS})(?!\w)\s*:?\s*(?:(?:alle|alle ore|ore|at|um|à|a "
    r"las|às|om|kl\.?|klo|h\.?)\s+)?"
    r"(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d:])(?:\s*(?:uhr|h)\b)?(?![^\d\n]{0,12}\d)",
    re.I,
)
# class/id words of bylines and date stamps ("dateline", "timestamp" included); plain substring
# tests: a case-insensitive regex alternation cost 30 µs on each of the thousands of class names of
# a page
DATEISH_WORDS = tuple(
    "date time byline meta publi posted updat data info autore author firma datum fecha".split()
)
NEAR_HEADLINE_LINES = 8
BEFORE_HEADLINE_LINES = 5
# "This entry was posted on…", "Dieser Beitrag wurde am … veröffentlicht": a post's note about
# itself, often at its foot
POST_NOTE_RE = re.compile(
    r"\s*(?:this (?:entry|post|article|story) (?:was|has been)|"
    r"dieser (?:beitrag|artikel|eintrag) wurde|"
    r"quest[oa] (?:articolo|post|notizia) (?:è stat[oa]|fu)|"
    r"cet (?:article|billet) a été|(?:este|el) (?:artículo|post) (?:fue|ha sido)|"
    r"dit (?:bericht|artikel) (?:werd|is)|(?:este|o) (?:artigo|post) foi)(?!\w)",
    re.IGNORECASE,
)
POST_NOTE_TRUST = 80
LABEL_REACH = 45
BYLINE_REACH = 200
PROSE_LINE = 120


def label_before(text: str) -> str | None:
    """The role named by the last label just before a date: 'published', 'updated' or None.

    >>> label_before("Pubblicato il 24/01 - Aggiornato il ")
    'updated'
    """
    tail = text[-LABEL_REACH:]
    last = None
    for match in LABEL_RE.finditer(tail):
        last = match
    if last is None:
        return None
    return UPDATED if last.group("up") else PUBLISHED


# "vom 5. bis 11. Februar 2023", "from 3 to 5 May 2023", "dal 3 al 5 maggio", "3–5 mai 2023": an
# event's span
RANGE_END_RE = re.compile(
    r"(?:(?<![\d.:])[0-3]?\d(?:\.|º|er|st|nd|rd|th)?(?:\s+[^\W\d]{3,12}\.?)?|(?:19|20)\d\d)\s*"
    r"\b(?:bis|to|until|till|through|thru|al|all'|au|hasta|tot|t/m|do|til|och|és|ao)\b\s*$"
    r"|(?<![\d.:])[0-3]?\d\.?[-–—]\s?$",
    re.IGNORECASE,
)
RANGE_START_RE = re.compile(
    r"^\s*\b(?:bis|to|until|till|through|al|all'|au|hasta|tot|do|til)\b\s*[0-3]?\d(?!\d)(?![:.]\d)",
    re.IGNORECASE,
)
RANGE_REACH = 24


def in_range(line: str, start: int, end: int) -> bool:
    """True when the date ends or opens a span of days ("vom 5. bis 11. Februar 2023"): an event,
    not a byline.

    >>> in_range("Turnier vom 5. bis 11. Februar 2023 in Oberhaching", 19, 35)
    True
    """
    return bool(
        RANGE_END_RE.search(line[max(0, start - RANGE_REACH) : start])
        or RANGE_START_RE.match(line[end : end + RANGE_REACH])
    )


def from_lines(
    texts: list[str], tz, default_year: int | None, labelled_only: bool, trust: int
) -> list[Candidate]:
    """Dates in lines of visible text; a label before a date says what it is."""
    found = []
    for line in texts:
        # a byline sits at the start of a block: long prose is only read up to there
        line = line[:BYLINE_REACH] if len(line) > BYLINE_REACH else line
        for start, end, stamp in find_human(line, tz, default_year):
            if TODAY_RE.search(line[max(0, start - 40) : start]) or in_range(line, start, end):
                continue
            role = label_before(line[:start])
            if role is None:
                if labelled_only:
                    continue
                role = EITHER
            # a label deep inside a long paragraph is prose ("the report published on..."), not a
            # byline
            if len(line) >= BYLINE_REACH and start > 80:
                continue
            # "Erschienen in Heft 4/2023 (Erstverkaufstag 23.03.2023)": a print issue's date, not
            # the page's
            if PRINT_RE.search(line[max(0, start - LABEL_REACH) : start]):
                role, trust_here = EITHER, PRINT_TRUST
                found.append(Candidate(stamp, role, trust_here, "print"))
                continue
            bonus = 20 if role != EITHER else 0
            found.append(
                Candidate(stamp, role, trust + bonus, "byline" if role != EITHER else "text")
            )
    return found


def originals(text_lines: list[str], tz) -> list[Candidate]:
    """'Originally published on The Flight Desk on May 3, 2023': the original publication, trusted
    above the re-publication's own metadata."""
    found = []
    for line in text_lines:
        # a note of its own ("This article was originally published on..."), not prose citing an old
        # report; and one with a year in it (a cheap test before the long alternation)
        if len(line) > ORIGINAL_LINE or not QUICK_RE.search(line):
            continue
        for match in ORIGINAL_RE.finditer(line):
            # the note speaks of the page itself: it opens the line, or follows "this article",
            # "questo articolo"...
            lead = line[: match.start()].strip(" *_([-–—").lower()
            if lead and not SELF_RE.search(lead):
                continue
            after = line[match.end() : match.end() + ORIGINAL_REACH]
            for _start, _end, stamp in find_human(after, tz):
                found.append(Candidate(stamp, PUBLISHED, 105, "original"))
                break
    return found


def from_page(layout, tz, default_year: int | None) -> list[Candidate]:
    """Visible dates near the headline, in byline-like elements, and labelled stamps anywhere in the
    article.

    >>> from_page(Layout(tree), zone("Europe/Rome"), 2023)  # doctest: +SKIP
    [Candidate(stamp=..., role='published', trust=88, source='byline')]
    """
    text_lines = layout.region_lines
    found: list[Candidate] = originals(text_lines, tz)
    at = headline_index(text_lines, layout.head)
    if at is not None:
        after = until_prose(text_lines[at + 1 : at + 1 + NEAR_HEADLINE_LINES])
        before = short_lines_before(text_lines, at)
        found += from_lines(after, tz, None, labelled_only=False, trust=68)
        found += from_lines(before, tz, None, labelled_only=False, trust=64)
    else:
        after = text_lines[:NEAR_HEADLINE_LINES]
        found += from_lines(after, tz, None, labelled_only=False, trust=62)
    near = "\n".join(after)
    found += post_notes(text_lines, tz)
    # labelled stamps at the start of any line ("Aggiornamento 26 gennaio h. 14:45 – ...")
    found += from_lines(
        [t for t in text_lines if LABEL_RE.match(t[:40].lstrip("(*-– "))],
        tz,
        default_year,
        labelled_only=True,
        trust=68,
    )
    for el, hint in layout.classed:
        if el.tag in {"time", "article", "main"}:
            continue
        if len(el) < 12 and is_dateish(hint):
            text = " ".join(el.text_content().split())
            if 6 <= len(text) <= 200 and not is_teaser(el) and not layout.in_boilerplate(el):
                text = shown_text(el, text)
                # a date-classed element right under the headline is the byline; elsewhere it may be
                # anything
                found += from_lines(
                    [text], tz, None, labelled_only=False, trust=70 if text in near else 58
                )
    return found


def byline_lines(layout) -> list[str]:
    """The lines where a byline may stand: just below and above the headline, and date-classed
    elements."""
    text_lines = layout.region_lines
    at = headline_index(text_lines, layout.head)
    if at is None:
        lines = text_lines[:NEAR_HEADLINE_LINES]
    else:
        after = until_prose(text_lines[at + 1 : at + 1 + NEAR_HEADLINE_LINES])
        lines = after + short_lines_before(text_lines, at)
    for el, hint in layout.classed:
        if el.tag in {"article", "main"} or len(el) >= 12 or not is_dateish(hint):
            continue
        if not is_teaser(el) and not layout.in_boilerplate(el):
            text = shown_text(el, " ".join(el.text_content().split()))
            if 6 <= len(text) <= BYLINE_REACH:
                lines.append(text)
    return lines


def shown_text(el, text: str) -> str:
    """An element's whole text (an icon's title, "Erscheinungsdatum", included) with a date's parts
    in boxes of their own set apart, as the region's lines read them; ``text`` is its plain text.

    >>> from incident_timeline.extract.layout import parse
    >>> page = parse('<div><span>Feb</span> <span>18</span><span>2009</span></div>')
    >>> shown_text(page.find(".//div"), "Feb 182009")
    'Feb 18 2009'
    """
    if not len(el):
        return text
    parts: list[str] = []

    def visit(node) -> None:
        if node.text:
            if node.text[0].isdigit() and parts and parts[-1][-1:].isalnum():
                parts.append(" ")
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return " ".join("".join(parts).split())


@lru_cache(maxsize=4096)
def is_dateish(attrs: str) -> bool:
    """True for class/id names of bylines and date stamps.

    >>> is_dateish("entry-meta post-header"), is_dateish("col-md-8 wrapper")
    (True, False)
    """
    attrs = attrs.lower()
    return any(word in attrs for word in DATEISH_WORDS)


def short_lines_before(text_lines: list[str], at: int) -> list[str]:
    """The short lines just above the headline (kicker, date, print/share links), back to the first
    long one.

    >>> lines = ["A long teaser paragraph " * 8, "14 febbraio 2023", "Stampa", "Politica", "Titolo"]
    >>> short_lines_before(lines, 4)
    ['14 febbraio 2023', 'Stampa', 'Politica']
    """
    start = at
    while start > 0 and at - start < BEFORE_HEADLINE_LINES:
        if len(text_lines[start - 1]) >= PROSE_LINE:
            break
        start -= 1
    return text_lines[start:at]


def post_notes(text_lines: list[str], tz) -> list[Candidate]:
    """Dates in a post's own note about itself, wherever it stands: "This entry was posted on
    Saturday, December 3rd, 2011", "Dieser Beitrag wurde am 3. Dezember 2011 veröffentlicht" (the
    verb last)."""
    found = []
    for line in text_lines:
        if len(line) > ORIGINAL_LINE or not POST_NOTE_RE.match(line):
            continue
        labels = {m.lastgroup for m in LABEL_RE.finditer(line)}
        role = PUBLISHED if "pub" in labels else UPDATED if "up" in labels else None
        for _start, _end, stamp in find_human(line, tz) if role else ():
            found.append(Candidate(stamp, role, POST_NOTE_TRUST, "note"))
            break
    return found


def until_prose(text_lines: list[str]) -> list[str]:
    """The byline zone: the lines up to the first long paragraph (kept: it may open with a
    dateline); when short lines follow it, it was the standfirst, and the zone goes on to the next
    long paragraph (left out).

    >>> lead = "Trotz allem sieht sie den Handel weiter vorn. " * 3
    >>> until_prose([lead, "Datum:", "03.02.2022", "Der Text. " * 20])[1:]
    ['Datum:', '03.02.2022']
    """
    for i, line in enumerate(text_lines):
        if len(line) >= PROSE_LINE:
            rest = text_lines[i + 1 :]
            if not rest or len(rest[0]) >= PROSE_LINE:
                return text_lines[: i + 1]
            for j, later in enumerate(rest):
                if len(later) >= PROSE_LINE:
                    return text_lines[: i + 1 + j]
            return text_lines
    return text_lines


def headline_index(text_lines: list[str], head) -> int | None:
    """Index of the line holding the headline text."""
    if head is None:
        return None
    title = " ".join(head.text_content().split())
    if not title:
        return None
    for i, line in enumerate(text_lines):
        if title in line:
            return i
    # the lines set inline boxes apart ("iPhone<b>15</b>" reads "iPhone 15"): compare without spaces
    title = title.replace(" ", "")
    return next((i for i, line in enumerate(text_lines) if title in line.replace(" ", "")), None)


def lone_clock(layout):
    """(hour, minute) of a short line holding only a clock time right around the headline, else
    None."""
    text_lines = layout.region_lines
    at = headline_index(text_lines, layout.head)
    if at is None:
        return None
    for line in text_lines[max(0, at - 3) : at] + until_prose(
        text_lines[at + 1 : at + 1 + NEAR_HEADLINE_LINES]
    ):
        match = LONE_CLOCK_RE.match(line) if len(line) <= LONE_CLOCK_LINE else None
        if match is None and len(line) < BYLINE_REACH:
            match = PUBLISHED_CLOCK_RE.search(line)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None
