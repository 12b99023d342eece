"""A standalone report of one incident, for a complaint file or a post-mortem: the outage
period in one sentence, the key moments in order with their times, precision, quotes and
sources, where sources disagree, and every source document with its URL (and archived copy).
Markdown, or self-contained HTML (inline CSS, the overview drawing of the incident page).

    timeline report --db db/timeline.db --incident libero-2023 --format html > report.html

Reads the database read-only; an unknown incident is an error (exit 2), never an empty report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sqlite3
import sys
from pathlib import Path

from incident_timeline import web as web_package
from incident_timeline.labels import counted, label, language, moment_label
from incident_timeline.overview import COLOURS, overview_html
from incident_timeline.story import Link, Story, http_url, link_html, link_markdown, markdown_text


class ReportError(Exception):
    """The report cannot be made (no database, no such incident, no key moments)."""


#: Every word of the report, by language.
WORDS = {
    "it": {
        "report": "Rapporto sul disservizio",
        "period": "Il disservizio in breve",
        "overview": "Andamento",
        "moments": "Momenti chiave",
        "disagreements": "Dove le fonti non concordano",
        "no_disagreement": "Sui momenti chiave le fonti non si contraddicono.",
        "no_moments": "Nessun momento chiave nel database per questo incidente.",
        "sources": "Fonti",
        "archived": "copia d’archivio",
        "undated": "senza data",
        "made": "Generato il {date} da {db}: {events}, {documents}, {sources}; ore locali ({tz}).",
        "licence": "Dati: fatti e brevi citazioni dalle fonti indicate, ciascuna collegata al suo "
        "editore, a cui le parole citate appartengono.",
    },
    "en": {
        "report": "Outage report",
        "period": "The outage in brief",
        "overview": "Overview",
        "moments": "Key moments",
        "disagreements": "Where sources disagree",
        "no_disagreement": "Sources do not contradict each other on the key moments.",
        "no_moments": "No key moments in the database for this incident.",
        "sources": "Sources",
        "archived": "archived copy",
        "undated": "undated",
        "made": "Made on {date} from {db}: {events}, {documents}, {sources}; local times ({tz}).",
        "licence": "Data: facts and short quotations from the cited sources, each linked to its "
        "publisher, to whom the quoted words belong.",
    },
}


def _rows(conn, sql, params=()) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, params)]


def load(db_path, slug: str) -> dict:
    """What the report needs from the database, read-only."""
    path = Path(db_path)
    if not path.is_file():
        raise ReportError(f"no database at {path}")
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = {
            row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")
        }
        if "incidents" not in tables:
            raise ReportError(f"{path} is not a timeline database (no incidents table)")
        found = _rows(conn, "select * from incidents where slug = ?", [slug])
        if not found:
            known = ", ".join(
                r["slug"] for r in _rows(conn, "select slug from incidents order by slug")
            )
            raise ReportError(f"no incident '{slug}' in {path} (known: {known or 'none'})")
        if "key_moments" not in tables:
            raise ReportError(
                f"{path} has no key moments (built by an earlier version): "
                "run timeline crawl on it first"
            )
        columns = {row[1] for row in conn.execute("pragma table_info(documents)")}
        archived = "archived_url" if "archived_url" in columns else "null as archived_url"
        return {
            "incident": found[0],
            "moments": _rows(
                conn, "select * from key_moments where incident = ? order by at, id", [slug]
            ),
            "counts": _rows(
                conn, "select day, category, events from day_counts where incident = ?", [slug]
            )
            if "day_counts" in tables
            else [],
            "documents": _rows(
                conn,
                f"select id, url, source, kind, title, published, lang, {archived} "
                "from documents where incident = ? order by published is null, "
                "published, id",
                [slug],
            ),
            "events": conn.execute(
                "select count(*) from events where incident = ?", [slug]
            ).fetchone()[0],
        }
    finally:
        conn.close()


class Report:
    """The report of one incident, as Markdown or HTML."""

    def __init__(self, data: dict, lang: str | None = None, db_name: str = ""):
        incident = data["incident"]
        first_lang = next((d["lang"] for d in data["documents"] if d.get("lang")), "")
        self.lang = language(lang or first_lang, "it")
        self.words = WORDS[self.lang]
        self.incident, self.data, self.db_name = incident, data, db_name
        self.tz = incident.get("timezone")
        by_url = {d["url"]: d for d in data["documents"]}
        self.story = Story(data["moments"], by_url, tz=self.tz, lang=self.lang)
        self.title = incident.get("title") or incident.get("slug")

    def _made(self) -> str:
        it = self.lang == "it"
        documents = self.data["documents"]
        return self.words["made"].format(
            date=dt.date.today().isoformat(),
            db=self.db_name or "?",
            tz=self.tz or "UTC",
            events=counted(self.data["events"], "evento", "eventi")
            if it
            else counted(self.data["events"], "event", "events"),
            documents=counted(len(documents), "documento", "documenti")
            if it
            else counted(len(documents), "document", "documents"),
            sources=counted(len({d["source"] for d in documents}), "fonte", "fonti")
            if it
            else counted(len({d["source"] for d in documents}), "source", "sources"),
        )

    def _source_pieces(self, document) -> list:
        when = (
            moment_label(
                document.get("published"), "minute", tz=self.tz, lang=self.lang, style="long"
            )
            or self.words["undated"]
        )
        url = http_url(document.get("url"))
        pieces = [
            f"{document.get('source')} — «{document.get('title') or ''}» ({when}) — ",
            Link(document.get("url") or "", url),
        ]
        if archived := http_url(document.get("archived_url")):
            pieces += [f" — {self.words['archived']}: ", Link(archived, archived)]
        return pieces

    # -- Markdown -------------------------------------------------------------------------

    def markdown(self) -> str:
        w, story = self.words, self.story
        out = [f"# {markdown_text(self.title)}", ""]
        if self.incident.get("description"):
            out += [markdown_text(self.incident["description"]), ""]
        out += [f"*{markdown_text(self._made())}*", ""]
        out += [f"## {w['period']}", "", story.sentence_markdown() or w["no_moments"], ""]
        out += [
            f"## {w['moments']}",
            "",
            story.moments_markdown() if story.moments else w["no_moments"],
            "",
        ]
        out += [f"## {w['disagreements']}", ""]
        disagreements = story.disagreements()
        for category, pieces in disagreements:
            out.append(
                f"- **{markdown_text(label(category, self.lang))}**: "
                + "".join(link_markdown(p) for p in pieces)
            )
        out += [""] if disagreements else [w["no_disagreement"], ""]
        out += [f"## {w['sources']}", ""]
        for n, document in enumerate(self.data["documents"], 1):
            out.append(f"{n}. " + "".join(link_markdown(p) for p in self._source_pieces(document)))
        out += ["", "---", "", markdown_text(w["licence"]), ""]
        return "\n".join(out)

    # -- HTML -----------------------------------------------------------------------------

    def html(self) -> str:
        w, story, e = self.words, self.story, html.escape
        disagreements = "".join(
            f"<li><strong>{e(label(category, self.lang))}</strong>: "
            f"{''.join(link_html(p) for p in pieces)}</li>"
            for category, pieces in story.disagreements()
        )
        sources = "".join(
            f"<li>{''.join(link_html(p) for p in self._source_pieces(d))}</li>"
            for d in self.data["documents"]
        )
        disagreements = (
            f'<ul class="disagreements">{disagreements}</ul>'
            if disagreements
            else f"<p>{e(w['no_disagreement'])}</p>"
        )
        description = (
            f'<p class="summary">{e(self.incident["description"])}</p>'
            if self.incident.get("description")
            else ""
        )
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(w["report"])}: {e(self.title)}</title>
<style>{STYLE}{_category_style()}</style>
</head>
<body>
<main>
<p class="kicker">{e(w["report"])}</p>
<h1>{e(self.title)}</h1>
{description}
<p class="made">{e(self._made())}</p>
<h2>{e(w["period"])}</h2>
<p class="outage-period">{story.sentence_html() or e(w["no_moments"])}</p>
<h2>{e(w["overview"])}</h2>
{overview_html(story.moments, self.data["counts"], tz=self.tz, lang=self.lang)}
<h2>{e(w["moments"])}</h2>
{story.moments_html() if story.moments else f"<p>{e(w['no_moments'])}</p>"}
<h2>{e(w["disagreements"])}</h2>
{disagreements}
<h2>{e(w["sources"])} ({len(self.data["documents"])})</h2>
<ol class="sources">{sources}</ol>
<footer>{e(w["licence"])}</footer>
</main>
</body>
</html>
"""


# The report is one self-contained file: its style sheet is written into it.
STYLE = (Path(web_package.__file__).parent / "static" / "report.css").read_text(encoding="utf-8")


def _category_style() -> str:
    return "".join(
        f".cat.cat-{name} {{ background: {colour}; }}"
        f" .moment.cat-{name} {{ border-left-color: {colour}; }}"
        for name, colour in COLOURS.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline report",
        description="A standalone report of one incident (Markdown or HTML).",
    )
    parser.add_argument("--db", required=True, help="the database built by timeline crawl")
    parser.add_argument("--incident", required=True, help="the incident's slug")
    parser.add_argument(
        "--format", choices=("md", "html"), default="md", help="Markdown (default) or HTML"
    )
    parser.add_argument(
        "--lang", choices=("it", "en"), help="the report's language (default: its sources')"
    )
    parser.add_argument("--output", "-o", help="write to this file instead of standard output")
    args = parser.parse_args(argv)
    try:
        data = load(args.db, args.incident)
    except (ReportError, sqlite3.Error) as exc:
        print(f"timeline report: error: {exc}", file=sys.stderr)
        return 2
    report = Report(data, args.lang, db_name=Path(args.db).name)
    text = report.html() if args.format == "html" else report.markdown()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
