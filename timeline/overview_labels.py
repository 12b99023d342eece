"""Labels that never overlap, in a drawing whose positions across are percentages of its width
and whose text keeps its size in pixels (the overview drawing).

A label is a box anchored at a position (% of the width) reaching ``left`` and ``right``
pixels from it. Two boxes on one row that are apart, in the order of their anchors, at a
width W stay apart at any wider width (their anchors move apart, their text does not), and a
box inside the drawing at W stays inside: so a layout checked at the narrowest width it is
shown at holds at every wider one.

    layout = Layout(320)
    layout.place("lane-1", Box(10.0, -4, 60))   # True: placed
    layout.place("lane-1", Box(20.0, -4, 60))   # False: at 320 px it would overlap the first

Text widths are estimated from a table of generous character widths (DejaVu Sans, a wide
common fallback font), so a label takes at most the room it was given in any usual font.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

#: Character widths in em (regular weight); anything else is a lowercase letter's.
_WIDTHS = {
    **dict.fromkeys("iljI.,:;'!|", 0.30),
    **dict.fromkeys("ftr ()[]-/", 0.43),
    **dict.fromkeys("mwMW", 0.98),
    **dict.fromkeys("0123456789", 0.64),
    "~": 0.84,
    "–": 0.52,
    "·": 0.32,
    "?": 0.54,
    "+": 0.84,
    "…": 1.0,
}
LOWER, UPPER, BOLD = 0.63, 0.74, 1.1
#: Pixels kept between two labels on one row.
PAD = 4.0
#: How far (px) beyond PAD two boxes may still conflict by the order of their anchors.
REACH = 12.0


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in pixels at ``size`` px, estimated generously."""
    em = sum(_WIDTHS.get(c, UPPER if c.isupper() else LOWER) for c in text)
    return em * size * (BOLD if bold else 1.0)


class Box(NamedTuple):
    """A label's extent: its anchor in % of the width, and pixels left and right of it."""

    at: float
    left: float
    right: float


def anchored(at: float, width: float, anchor: str, offset: float = 0.0) -> Box:
    """The box of a text ``width`` px wide drawn with text-anchor ``anchor`` at ``at`` %,
    shifted ``offset`` px (SVG's dx)."""
    if anchor == "start":
        return Box(at, offset, offset + width)
    if anchor == "end":
        return Box(at, offset - width, offset)
    return Box(at, offset - width / 2, offset + width / 2)


def apart(a: Box, b: Box, width: float) -> bool:
    """Whether two boxes on one row are apart at ``width`` px and at any wider width."""
    return _apart(_extent(a, width), _extent(b, width))


def _extent(box: Box, width: float) -> tuple[float, float, float]:
    x = box.at * width / 100
    return box.at, x + box.left, x + box.right


def _apart(a, b) -> bool:
    # Apart in the order of their anchors (equal anchors: either way round).
    if a[0] < b[0]:
        return a[2] + PAD <= b[1]
    if a[0] > b[0]:
        return b[2] + PAD <= a[1]
    return a[2] + PAD <= b[1] or b[2] + PAD <= a[1]


def inside(box: Box, width: float) -> bool:
    x = box.at * width / 100
    return x + box.left >= 0 and x + box.right <= width


class Layout:
    """Rows of boxes checked at one width (the narrowest the layout is shown at). The boxes
    of a row never overlap, so sorted by their left edge they are sorted by their right edge
    too: a new box is checked only against those within reach (bisection)."""

    def __init__(self, width: float):
        self.width = width
        self.rows: dict[str, tuple[list, list, list]] = {}  # lefts, rights, extents

    def fits(self, row: str, box: Box) -> bool:
        extent = _extent(box, self.width)
        if extent[1] < 0 or extent[2] > self.width:
            return False
        if row not in self.rows:
            return True
        lefts, rights, extents = self.rows[row]
        # _apart's order of anchors can reject a box a few px beyond PAD: look that far too
        first = bisect_right(rights, extent[1] - PAD - REACH)
        last = bisect_left(lefts, extent[2] + PAD + REACH)
        return all(_apart(extent, other) for other in extents[first:last])

    def take(self, row: str, box: Box) -> None:
        extent = _extent(box, self.width)
        lefts, rights, extents = self.rows.setdefault(row, ([], [], []))
        i = bisect_left(lefts, extent[1])
        lefts.insert(i, extent[1])
        rights.insert(i, extent[2])
        extents.insert(i, extent)

    def drop(self, row: str, box: Box) -> None:
        lefts, rights, extents = self.rows[row]
        i = extents.index(_extent(box, self.width))
        del lefts[i], rights[i], extents[i]

    def place(self, row: str, box: Box) -> bool:
        """Take the box when it fits; say whether it did."""
        if self.fits(row, box):
            self.take(row, box)
            return True
        return False

    def used(self, row: str) -> bool:
        return bool(self.rows.get(row, ((),))[0])


class Choice(NamedTuple):
    """One way to draw a label: its lines of text, on a row, with an anchor and a shift."""

    lines: tuple[str, ...]
    row: str
    anchor: str
    offset: float
    box: Box


class TwoWidths:
    """Labels laid out for a phone and for a wider screen at once. A label placed for the
    phone is shown at every width (it holds there too); a label that only fits the wider
    layout, or a longer text for it there, is shown only there.

    ``place_all`` takes, in priority order, each label's choices for the phone and its
    choices for the wider layout (preferred first) and returns, per label, the choice shown
    on a phone and the choice shown wider (either may be None)."""

    def __init__(self, narrow: float, wide: float):
        self.narrow, self.wide = Layout(narrow), Layout(wide)

    def place_all(self, labels: list[tuple[list[Choice], list[Choice]]]):
        chosen = [[None, None] for _ in labels]
        for i, (phone, _) in enumerate(labels):  # every label its place on a phone first
            for choice in phone:
                if self.narrow.place(choice.row, choice.box):
                    self.wide.take(choice.row, choice.box)
                    chosen[i] = [choice, choice]
                    break
        for i, (_, wider) in enumerate(labels):  # then the labels that only fit wider
            if chosen[i][0] is None:
                chosen[i][1] = next((c for c in wider if self.wide.place(c.row, c.box)), None)
        for i, (_, wider) in enumerate(labels):  # then longer texts where they fit wider
            current = chosen[i][0]
            if current is None or not wider or wider[0].lines == current.lines:
                continue
            self.wide.drop(current.row, current.box)
            better = next(
                (c for c in wider if c.lines != current.lines and self.wide.place(c.row, c.box)),
                None,
            )
            if better is None:
                self.wide.take(current.row, current.box)
            else:
                chosen[i][1] = better
        return chosen
