"""Read the temporal-tagger cases: YAML files, one per phenomenon, shared by the tests and
bench/dates.py.

A file holds defaults and cases; an expected timex is [text, value, type, mod] with optional
earliest and latest, or a mapping with those keys:

    published: "2023-02-03T10:00"   # Friday
    lang: it
    cases:
      - id: evening
        text: "Il guasto era iniziato martedì sera."
        expect: [["martedì sera", "2023-01-31TEV", TIME, null]]

>>> len(load_cases(FOLDER)) > 250
True
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "cases"
HELDOUT = Path(__file__).parent / "heldout"
HELDOUT2 = Path(__file__).parent / "heldout2"  # written before the 2026 speed rewrite
HELDOUT3 = Path(__file__).parent / "heldout3"  # written before reading the grammar, 2026-12
HELDOUT4 = Path(__file__).parent / "heldout4"  # written before reading the grammar, 2027-01
FIELDS = ("text", "value", "type", "mod", "earliest", "latest")


@dataclass
class Case:
    id: str  # "phenomenon/case"
    text: str
    published: str
    lang: str
    timezone: str
    expect: list[dict]


def plain(value):
    """YAML reads 2023-01-31 as a date and 2021 as a number: the tagger speaks strings."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if isinstance(value, (int, float)) else value


def load_cases(folder: Path) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in document["cases"]:
            expect = [
                {
                    key: plain(value)
                    for key, value in (
                        dict(zip(FIELDS, e, strict=False)) if isinstance(e, list) else e
                    ).items()
                }
                for e in item.get("expect") or []
            ]
            cases.append(
                Case(
                    id=f"{path.stem}/{item['id']}",
                    text=item["text"],
                    published=plain(item.get("published", document.get("published"))),
                    lang=item.get("lang", document.get("lang", "it")),
                    timezone=item.get("timezone", document.get("timezone", "Europe/Rome")),
                    expect=expect,
                )
            )
    return cases
