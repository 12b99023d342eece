"""Turn the raw bytes of a web page into text, whatever (or however wrongly) it declares."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""",
    re.IGNORECASE,
)
# Browsers (WHATWG Encoding Standard) decode these labels as windows-1252.
WINDOWS_1252_ALIASES = set(
    "iso-8859-1 iso8859-1 latin-1 latin1 l1 ascii us-ascii iso_8859-1 cp819 ibm819 "
    "windows-1252 cp1252 x-cp1252".split()
)
# the Windows code pages of Western, Central European, Cyrillic and Greek pages: the undeclared
# cases we meet
SINGLE_BYTE_GUESSES = ["cp1252", "cp1250", "cp1251", "cp1253"]
# Letters a cp1252 page shows as Central-European ones when misread as cp1250 (è→č, à→ŕ, ì→ě, ò→ň,
# ù→ů).
CP1250_MISREADS = "čŕěňůăőń"
CP1250_HINTS = "šśžźřťďľĺąęłżőűČŠŽŘŁŚŹŻ"


def decode_html(body: bytes, http_charset: str | None = None) -> str:
    """Decode an HTML page: BOM, then declared charset (validated), then a restricted guess.

    >>> decode_html("La responsabilità è nostra".encode("cp1252"))
    'La responsabilità è nostra'
    """
    if isinstance(body, str):
        return body
    return decode_page(body, http_charset)[0]


def decode_page(body: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """``decode_html``'s text and the codec it was read with (a link's query is encoded in it, as a
    browser does).

    >>> decode_page("La responsabilità è nostra".encode("cp1252"))
    ('La responsabilità è nostra', 'cp1252')
    """
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError(f"body must be bytes, not {type(body).__name__}")
    body = bytes(body)
    for bom, name in BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace"), name
    declared = [normalise(http_charset), normalise(meta_charset(body))]
    for name in filter(None, declared):
        decoded = decode_declared(body, name)
        if decoded is not None:
            return decoded
    return guess(body)


def normalise(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None if unknown; latin-1/ascii mean cp1252."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(body: bytes) -> str | None:
    """The charset declared by a <meta> tag or XML declaration in the first 4 KB."""
    match = META_CHARSET_RE.search(body[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "ignore")


def decode_declared(body: bytes, name: str) -> tuple[str, str] | None:
    """(text, codec) decoded with a declared charset, or None when the declaration is evidently a
    lie."""
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # A page read as bytes with a meta tag in ASCII cannot really be UTF-16.
        return None
    if name != "utf-8" and is_utf8(body):
        # UTF-8 bytes declared as a single-byte charset: the declaration lies.
        return body.decode("utf-8"), "utf-8"
    try:
        return body.decode(name), name
    except (UnicodeDecodeError, LookupError):
        if name == "utf-8" and not is_utf8(body[:-4]):
            return None
        return body.decode(name, errors="replace"), name


def is_utf8(body: bytes) -> bool:
    """True if the bytes are valid UTF-8 with at least one non-ASCII character."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        # a truncated page may end inside a multi-byte sequence
        try:
            body[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def guess(body: bytes) -> tuple[str, str]:
    """Guess an undeclared encoding: UTF-8, else the likeliest single-byte code page.

    Returns (text, codec).
    """
    if body.isascii():
        return body.decode("ascii"), "ascii"
    if is_utf8(body):
        return body.decode("utf-8", errors="replace"), "utf-8"
    best = from_bytes(
        body, steps=3, chunk_size=512, cp_isolation=SINGLE_BYTE_GUESSES, preemptive_behaviour=False
    ).best()
    name = best.encoding if best else "cp1252"
    if name in {"cp1250", "iso8859_2"} and looks_western(body):
        name = "cp1252"
    return body.decode(name, errors="replace"), name


def looks_western(body: bytes) -> bool:
    """True if a single-byte page reads more naturally as cp1252 than as cp1250."""
    central = body.decode("cp1250", errors="replace")
    misreads = sum(central.count(c) for c in CP1250_MISREADS)
    hints = sum(central.count(c) for c in CP1250_HINTS)
    return misreads > hints
