"""Shared fixtures for the extraction tests: the saved pages and their expected fields."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).parent
PAGES = HERE / "pages"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
# frozen "now": the corpus was saved in summer 2023
NOW = datetime(2023, 7, 1, 12, 0, tzinfo=ZoneInfo("Europe/Rome"))


def same_moment(got: str | None, gold: str | None) -> bool:
    """The benchmark rule: same local calendar day and, where the gold has a time, the same minute.

    >>> same_moment("2023-01-24T10:35:00+01:00", "2023-01-24")
    True
    """
    if gold is None or got is None:
        return gold is got
    moment = datetime.fromisoformat(got).astimezone(ZoneInfo("Europe/Rome"))
    if "T" not in gold:
        return moment.date().isoformat() == gold
    expected = datetime.fromisoformat(gold).astimezone(ZoneInfo("Europe/Rome"))
    return moment.replace(second=0, microsecond=0) == expected.replace(second=0, microsecond=0)
