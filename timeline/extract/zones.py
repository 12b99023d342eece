"""The timezone a page writes its clock times in, when the page says which country it is from.

A byline "Published 10:35" on a British site is London time, not the incident's time.
Only explicit signals count: a region in the declared locale (``en-GB``, ``og:locale
pt_PT``) or a country-code domain (``.co.uk``); otherwise the configured zone is used.

    >>> page_zone("en-GB", "https://news.example.com/a", ZoneInfo("Europe/Rome")).key
    'Europe/London'
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .timestamps import zone

# Country → its (single, European) civil timezone. Countries spanning several zones are left out.
COUNTRY_ZONES = {
    "gb": "Europe/London",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "pt": "Europe/Lisbon",
    "is": "Atlantic/Reykjavik",
    "it": "Europe/Rome",
    "sm": "Europe/Rome",
    "va": "Europe/Rome",
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "nl": "Europe/Amsterdam",
    "lu": "Europe/Luxembourg",
    "es": "Europe/Madrid",
    "dk": "Europe/Copenhagen",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "si": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "mt": "Europe/Malta",
    "fi": "Europe/Helsinki",
    "ee": "Europe/Tallinn",
    "lv": "Europe/Riga",
    "lt": "Europe/Vilnius",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "gr": "Europe/Athens",
    "cy": "Asia/Nicosia",
}
LOCALE_REGION = re.compile(r"^\s*[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})\b")


def region_of(locale: str | None) -> str | None:
    """'en-GB' / 'pt_PT' → 'gb' / 'pt'; None without a region."""
    match = LOCALE_REGION.match(locale or "")
    return match.group(1).lower() if match else None


def page_zone(locale: str | None, url: str | None, default: ZoneInfo) -> ZoneInfo:
    """The page's own zone: its locale's region's, else its country-code domain's, else
    ``default``."""
    country = region_of(locale)
    if country not in COUNTRY_ZONES:
        host = (urlsplit(url or "").hostname or "").rstrip(".")
        country = host.rsplit(".", 1)[-1] if "." in host else None
    name = COUNTRY_ZONES.get(country or "")
    return zone(name) if name else default


def declared_locale(tree) -> str | None:
    """The first locale the markup declares with a region (html lang, og:locale,
    Content-Language)."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    from .titles import metas

    for meta, key in metas(tree):
        key = key or (meta.get("http-equiv") or "").lower()
        if key in ("og:locale", "content-language", "language"):
            candidates.append(meta.get("content"))
    return next((c for c in candidates if region_of(c)), None)
