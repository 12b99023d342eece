"""An incident's story from its key moments (the ``key_moments`` table): the outage period in
one sentence, the moments in time order with their quotes and sources, disagreements shown
as such. Rendered as HTML (the incident page, the report) and Markdown (the report).

    story = Story(moments, documents, tz="Europe/Rome", lang="it")
    story.sentence_html()  # 'Il disservizio è iniziato domenica 22 gennaio verso le 22:00 (…)'
    story.moments_html()   # <ol class="moments">…</ol>

``moments`` are key_moments rows (dicts); ``documents`` maps a URL to its documents row
(source, title, published, id, archived_url) for the URLs the moments cite.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from incident_timeline.labels import label, language, local, moment_label, n_sources

#: The three moments that make the outage period, in order.
OUTAGE = ("outage_start", "restoration_partial", "restoration_complete")
#: Precisions too coarse to open the outage period or to decide the days of a drawing.
COARSE = ("week", "month")
_HTTP_URL = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)
_CONTROL = re.compile(r"[\n\r\t\x00]")


def http_url(value) -> str | None:
    """The URL when it is an absolute http(s) URL with a host, else None (never javascript:)."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    if _HTTP_URL.match(stripped) and not _CONTROL.search(stripped):
        return stripped
    return None


def json_list(value) -> list:
    """A JSON array column as a list ([] for null or anything unreadable)."""
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def cited_urls(moments) -> list[str]:
    """Every URL the moments cite (their documents and the statements' own), once each."""
    urls = []
    for moment in moments:
        urls.extend(json_list(moment.get("documents")))
        urls.append(moment.get("statement_url"))
    return [url for url in dict.fromkeys(urls) if isinstance(url, str)]


def _coarse(group) -> bool:
    return all(moment.get("precision") in COARSE for moment in group)


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


@dataclass
class Link:
    """A piece of text that links to a URL: an http(s) one (checked by who makes the Link) or
    an anchor in the same document ('#moment-3'); None for plain text."""

    text: str
    url: str | None = None


@dataclass
class Story:
    moments: list
    documents: dict = field(default_factory=dict)
    tz: str | None = None
    lang: str = "it"
    #: Link each moment's time to its day in the page's list (#day-YYYY-MM-DD).
    day_links: bool = False

    def __post_init__(self):
        self.lang = language(self.lang)
        self.moments = sorted(
            (dict(m) for m in self.moments),
            key=lambda m: (str(m.get("at") or ""), m.get("id") or 0),
        )

    # -- structure --------------------------------------------------------------------

    def groups(self) -> list[list[dict]]:
        """The moments in time order; those that contradict each other (one conflict number)
        as one group, placed at the first one's time."""
        groups, by_conflict = [], {}
        for moment in self.moments:
            conflict = moment.get("conflict") or 0
            if conflict and conflict in by_conflict:
                by_conflict[conflict].append(moment)
                continue
            group = [moment]
            groups.append(group)
            if conflict:
                by_conflict[conflict] = group
        return groups

    def cards(self) -> list[list[dict]]:
        """What the page shows, one card each: the groups in time order, with the moments that
        say the same thing at the same time (a communiqué that is both the provider's statement
        and the cause it gives) on one card. A conflict stays a card of its own."""
        cards, said = [], {}
        for group in self.groups():
            moment = group[0]
            key = (moment.get("at"), moment.get("statement"))
            if len(group) == 1 and not moment.get("conflict") and key in said:
                said[key].append(moment)
                continue
            cards.append(group)
            if len(group) == 1 and not moment.get("conflict"):
                said[key] = group
        return cards

    def period(self) -> dict[str, list[dict]]:
        """For start, partial and full restoration: the first moment of that category known to
        a few days or better (else the first), with every moment it conflicts with ([] when no
        source reports it). A week- or month-long "started in January" does not open the period
        when a source gives the day."""
        found: dict[str, list] = {}
        for group in self.groups():
            category = group[0].get("category")
            if category in OUTAGE:
                found.setdefault(category, []).append(group)
        return {
            category: next(
                (g for g in found.get(category, []) if not _coarse(g)),
                (found.get(category) or [[]])[0],
            )
            for category in OUTAGE
        }

    def sources(self, moment) -> list[Link]:
        """The moment's sources by name, each linked to the first document of that source it
        cites (the statement's own document for the statement's source)."""
        urls = json_list(moment.get("documents"))
        links = []
        for name in json_list(moment.get("source_names")):
            url = moment.get("statement_url") if name == moment.get("statement_source") else None
            url = url or next(
                (u for u in urls if (self.documents.get(u) or {}).get("source") == name), None
            )
            links.append(Link(str(name), http_url(url)))
        return links

    def when(self, moment, style="long") -> str:
        return moment_label(
            moment.get("at"),
            moment.get("precision"),
            moment.get("earliest"),
            moment.get("latest"),
            tz=self.tz,
            lang=self.lang,
            style=style,
        )

    # -- the outage in one sentence ---------------------------------------------------

    def sentence(self) -> list:
        """The outage period as pieces of text and Links; [] when no moment of it is known."""
        period = self.period()
        if not any(period.values()):
            return []
        it = self.lang == "it"
        start, partial, complete = (period[c] for c in OUTAGE)
        out: list = []
        if len(start) > 1:
            out.append(
                "Le fonti non concordano sull'inizio del disservizio: "
                if it
                else "Sources disagree on when the outage began: "
            )
            out += self._alternatives(start, names=True)
        elif start:
            out.append(
                ("Il disservizio è iniziato " if it else "The outage began ")
                + self.when(start[0], "sentence")
                + " "
            )
            out += self._alternatives(start)
        else:
            out.append(
                "Nessuna fonte dice ancora quando è iniziato il disservizio"
                if it
                else "No source says yet when the outage began"
            )
        out.append("; ")
        if partial:
            out.append(self._restored(partial, "in parte" if it else "partly"))
            if complete:
                out.append(" e " if it else " and ")
        if complete:
            out.append(
                self._restored(complete, "del tutto" if it else "fully", again=bool(partial))
            )
        else:
            out.append(
                (", " if partial else "")
                + (
                    "nessuna fonte riporta ancora il ripristino completo"
                    if it
                    else "no source reports full restoration yet"
                )
            )
        # flatten the restoration clauses (lists) into the pieces
        flat = []
        for piece in out:
            flat.extend(piece if isinstance(piece, list) else [piece])
        flat.append(".")
        return flat

    def _restored(self, group, how, again=False) -> list:
        it = self.lang == "it"
        if len(group) > 1:
            head = (
                f"le fonti non concordano su quando è tornato {how}: "
                if it
                else f"sources disagree on when it was {how} restored: "
            )
            return [head, *self._alternatives(group, names=True)]
        if it:
            head = (
                "" if again else "il servizio è tornato "
            ) + f"{how} {self.when(group[0], 'sentence')} "
        else:
            head = (
                "" if again else "service was "
            ) + f"{how} restored {self.when(group[0], 'sentence')} "
        return [head, *self._alternatives(group)]

    def _alternatives(self, group, names=False) -> list:
        """'(3 fonti: a, b, c)' after one moment; 'X (2 fonti: …) oppure Y (1 fonte: …)' for a
        conflict."""
        out = []
        for i, moment in enumerate(group):
            if names and i:
                out.append(" oppure " if self.lang == "it" else " or ")
            if names:
                out.append(self.when(moment, "sentence") + " ")
            links = self.sources(moment)
            count = n_sources(len(links) or moment.get("sources") or 0, self.lang)
            if not names:  # one version: its sources are in the moment's entry
                out += ["(", Link(count, f"#moment-{moment.get('id')}"), ")"]
                continue
            out.append(f"({count}")
            for j, link in enumerate(links):
                out += [": " if j == 0 else ", ", link]
            out.append(")")
        return out

    def disagreements(self) -> list[tuple[str, list]]:
        """(category, pieces) for each set of moments that contradict each other: 'domenica 22
        gennaio verso le 22:00 (2 fonti: a, b) oppure nella notte di lunedì 23 gennaio (…)'."""
        return [
            (group[0].get("category"), self._alternatives(group, names=True))
            for group in self.groups()
            if len(group) > 1
        ]

    def period_line(self) -> str:
        """The outage period in a few words: 'Disservizio dal 22 gen ~22:00 al 28 gen 20:30'."""
        period = self.period()
        if not period["outage_start"] and not period["restoration_complete"]:
            return ""
        it = self.lang == "it"
        either = " o " if it else " or "
        start = either.join(self.when(m, "short") for m in period["outage_start"]) or "?"
        end = either.join(self.when(m, "short") for m in period["restoration_complete"])
        if end:
            return f"Disservizio dal {start} al {end}" if it else f"Outage from {start} to {end}"
        return (
            f"Disservizio dal {start}; ripristino completo non ancora riportato"
            if it
            else f"Outage from {start}; full restoration not reported yet"
        )

    # -- renderers ----------------------------------------------------------------------

    def sentence_text(self) -> str:
        return "".join(
            piece.text if isinstance(piece, Link) else piece for piece in self.sentence()
        )

    def sentence_html(self) -> str:
        return "".join(link_html(piece) for piece in self.sentence())

    def sentence_markdown(self) -> str:
        return "".join(link_markdown(piece) for piece in self.sentence())

    def moments_html(self, document_href: str | None = None) -> str:
        """The key moments in time order as an <ol>; a conflict as one item with its sides;
        moments that say the same thing at once as one item with a badge each."""
        it = self.lang == "it"
        items = []
        for group in self.cards():
            category = _e(group[0].get("category"))
            badge = " ".join(
                f'<span class="cat cat-{_e(m.get("category"))}">'
                f"{_e(label(m.get('category'), self.lang))}</span>"
                for m in (group if not group[0].get("conflict") else group[:1])
            )
            if not group[0].get("conflict"):
                # Every moment keeps its anchor (the day list links to it).
                anchors = "".join(f'<span id="moment-{_e(m.get("id"))}"></span>' for m in group[1:])
                items.append(
                    f'<li class="moment cat-{category}" id="moment-{_e(group[0].get("id"))}">'
                    f"{anchors}{self._moment_html(group, badge, document_href)}</li>\n"
                )
                continue
            sides = "".join(
                f'<li id="moment-{_e(m.get("id"))}">'
                f"{self._moment_html([m], '', document_href)}</li>\n"
                for m in group
            )
            note = "le fonti non concordano" if it else "sources disagree"
            conflict = _e(group[0].get("conflict"))
            items.append(
                f'<li class="moment conflict cat-{category}" id="conflict-{conflict}">'
                f'<p class="moment-head">{badge}'
                f' <strong class="disagreement-note">{note}</strong></p>\n'
                f'<ol class="alternatives">\n{sides}</ol></li>\n'
            )
        return f'<ol class="moments">\n{"".join(items)}</ol>\n'

    def _moment_html(self, card: list[dict], badge, document_href) -> str:
        """One card: the time, the badges, the quote, and the sources of all its moments."""
        it = self.lang == "it"
        moment = card[0]
        precision = moment.get("precision")
        time = f'<time datetime="{_e(moment.get("at"))}">{_e(self.when(moment))}</time>'
        at = local(moment.get("at"), self.tz)
        if self.day_links and at:
            time = f'<a href="#day-{at.date().isoformat()}">{time}</a>'
        head = (
            f'<p class="moment-head">{time} '
            f'{badge} <span class="precision">{"precisione" if it else "precision"}: '
            f"{_e(label(precision, self.lang))}</span></p>\n"
        )
        quote_lang = (self.documents.get(moment.get("statement_url")) or {}).get("lang")
        lang_attribute = f' lang="{_e(quote_lang)}"' if quote_lang else ""
        quote = (
            f'<blockquote class="statement"{lang_attribute}>'
            f"«{_e(moment.get('statement'))}»</blockquote>\n"
        )
        said = link_html(
            Link(str(moment.get("statement_source") or ""), http_url(moment.get("statement_url")))
        )
        links = self.card_sources(card)
        names = ", ".join(link_html(link) for link in links)
        first = moment_label(
            min(str(m.get("first_reported") or "") for m in card) or None,
            "minute",
            tz=self.tz,
            lang=self.lang,
            style="short",
        )
        if first:
            first = f" · {'prima notizia' if it else 'first reported'} {_e(first)}"
        line = (
            f'<p class="moment-sources">— {said} · {n_sources(len(links), self.lang)}: {names}'
            f"{first}</p>\n"
        )
        return head + quote + line

    def card_sources(self, card: list[dict]) -> list[Link]:
        """The sources of a card's moments, each once, in the order they first appear."""
        seen: dict[str, Link] = {}
        for moment in card:
            for link in self.sources(moment):
                seen.setdefault(link.text, link)
        return list(seen.values())

    def moments_markdown(self) -> str:
        """The key moments in time order: a heading each (time and what), the quote, the sources."""
        it = self.lang == "it"
        lines = []
        for group in self.cards():
            conflict = bool(group[0].get("conflict"))
            what = " · ".join(
                label(m.get("category"), self.lang) for m in (group[:1] if conflict else group)
            )
            what = what[:1].upper() + what[1:]
            if conflict:
                note = "le fonti non concordano" if it else "sources disagree"
                lines.append(f"### {markdown_text(what)} — {note}\n")
            for moment in group if conflict else group[:1]:
                precision = label(moment.get("precision"), self.lang)
                precision = f"{'precisione' if it else 'precision'}: {precision}"
                head = f"**{markdown_text(self.when(moment))}** ({precision})"
                card = [moment] if conflict else group
                sources = ", ".join(link_markdown(link) for link in self.card_sources(card))
                body = f"> «{markdown_text(moment.get('statement'))}»\n>\n> — {sources}\n"
                if conflict:
                    lines.append(f"- {head}\n\n  " + body.replace("\n", "\n  ").rstrip() + "\n")
                else:
                    lines.append(
                        f"### {markdown_text(self.when(moment))} — {markdown_text(what)}\n\n"
                        f"({precision})\n\n{body}"
                    )
        return "\n".join(lines)


def link_html(piece) -> str:
    if isinstance(piece, Link):
        if piece.url:
            rel = "" if piece.url.startswith("#") else ' rel="nofollow noopener noreferrer"'
            return f'<a href="{_e(piece.url)}"{rel}>{_e(piece.text)}</a>'
        return f'<span class="unlinked">{_e(piece.text)}</span>'
    return _e(piece)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_text(text) -> str:
    """Text with Markdown's special characters escaped (a quote is never markup)."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text)).replace("\n", " ")


def link_markdown(piece) -> str:
    if isinstance(piece, Link):
        external = piece.url and not piece.url.startswith("#")
        return (
            f"[{markdown_text(piece.text)}](<{piece.url}>)"
            if external
            else markdown_text(piece.text)
        )
    return markdown_text(piece)
