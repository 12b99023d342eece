"""Dates stated in a page's metadata fields: a label cell and its value cell, as document pages,
regulators and blogs lay them out ("<dt>Datum</dt><dd>12.01.2017</dd>",
"<tr><td>Data:</td><td>11/03/2023</td></tr>", "<li><b>Data:</b> 11/03/2023</li>").

A byline's label and its date share a line; in a field they sit in two cells, so the line-based
byline reader sees the date alone and cannot tell a publication from an update or from any date of
the text.
"""

from __future__ import annotations

import re

from .bylines import label_before
from .candidate import PUBLISHED, Candidate
from .layout import boilerplate_attrs, classes
from .timestamps import find_human

# "Date", "Datum", "Data", "Fecha" alone: a document's own date ("Date of the event" is not)
DATE_WORD_RE = re.compile(r"^\W*(?:date|datum|data|fecha|dátum|dato)\W*$", re.I)
LABEL_MAX = 40
VALUE_MAX = 80
# the value cell of each kind of label cell; a bold label's value follows it in the same line
VALUE_TAGS = {"dt": "dd", "th": "td", "td": "td"}
INLINE_LABELS = ("b", "strong", "label")
# a label naming the publication or the update, as a byline's label
LABELLED_TRUST = 88
# "Date:" alone: the document's date, above any date of its text, below its machine data
DATE_TRUST = 80


def from_fields(layout, tz) -> list[Candidate]:
    """Dates in the label/value fields of the article region: the label says what they are.

    >>> from incident_timeline.extract.layout import Layout, parse
    >>> from incident_timeline.extract.timestamps import zone
    >>> page = parse("<h1>Avviso</h1><table><tr><td>Data:</td><td>11/03/2023</td></tr></table>")
    >>> [(c.stamp.day.isoformat(), c.role, c.trust) for c in from_fields(Layout(page), zone("UTC"))]
    [('2023-03-11', 'published', 80)]
    """
    found = []
    for label in layout.region.iter("dt", "th", "td", *INLINE_LABELS):
        if len(label) > 3:
            continue
        name = " ".join(label.text_content().split())
        if not name or len(name) > LABEL_MAX or any(char.isdigit() for char in name):
            continue
        role = label_before(name + " ")
        if role is None and not DATE_WORD_RE.match(name):
            continue
        text = value_text(label)
        if not text or len(text) > VALUE_MAX or outside_story(label, layout):
            continue
        stamp = next((stamp for _, _, stamp in find_human(text, tz)), None)
        if stamp is not None:
            trust = LABELLED_TRUST if role else DATE_TRUST
            found.append(Candidate(stamp, role or PUBLISHED, trust, "byline"))
    return found


def value_text(label) -> str | None:
    """The text of a label's value: the next cell of its kind ("<dt>" → "<dd>"), or for a bold
    label inside a line the text after it ("<b>Data:</b> 11/03/2023")."""
    if label.tag in INLINE_LABELS:
        text = (label.tail or "").strip()
        if not text and label.getnext() is not None:
            text = label.getnext().text_content()
    else:
        value = label.getnext()
        if value is None or value.tag != VALUE_TAGS[label.tag]:
            return None
        text = value.text_content()
    return " ".join(text.split())


def outside_story(el, layout) -> bool:
    """True when the field sits in boilerplate, except in an <aside> named for no boilerplate: the
    article's own info box ("<aside class=blogData>")."""
    if not layout.in_boilerplate(el):
        return False
    for box in (el, *el.iterancestors()):
        if box is layout.region:
            return False
        if layout.is_boilerplate(box) and not (
            box.tag == "aside" and boilerplate_attrs(classes(box)) == "no"
        ):
            return True
    return False
