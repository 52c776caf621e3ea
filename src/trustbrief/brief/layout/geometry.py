"""Label boxes and greedy row packing, in pixels (y grows downward). Pure geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from trustbrief.brief.style import BOX_PX, CHAR_PX, ROW_PX
from trustbrief.brief.views.cells import short


@dataclass(frozen=True)
class LabelBox:
    """A placed text label: its box in pixels (y grows downward) and the mark it points at."""

    key: str
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    anchor_x: float
    anchor_y: float
    row: int
    align: str = "left"  # text alignment: at x0 ("left") or at x1 ("right")
    below: bool = False  # under the points (leader runs down to it); rows count downward
    kind: str = "label"  # or "number": a tag beside the point, explained in the key

    @property
    def text_x(self) -> float:
        return self.x0 + 2 if self.align == "left" else self.x1 - 2

    def overlaps(self, other: LabelBox | Box, gap: float = 2.0) -> bool:
        return boxes_overlap(self, other, gap)


@dataclass(frozen=True)
class Box:
    """Any other occupied rectangle (a mark, a header) the labels must avoid."""

    x0: float
    x1: float
    y0: float
    y1: float


def boxes_overlap(a, b, gap: float = 0.0) -> bool:
    return (a.x0 < b.x1 + gap and b.x0 < a.x1 + gap
            and a.y0 < b.y1 + gap and b.y0 < a.y1 + gap)


def text_width(text: str) -> float:
    return len(text) * CHAR_PX + 4


def x_pixels(day: pd.Timestamp, start: pd.Timestamp, end: pd.Timestamp, width: float) -> float:
    span = (end - start) / pd.Timedelta(days=1)
    return 0.0 if span <= 0 else (day - start) / pd.Timedelta(days=1) / span * width


def pack_labels(items: Sequence[tuple[str, float, str]], width: float, base_y: float,
                max_rows: int = 5, gap: float = 6.0) -> list[LabelBox]:
    """Greedy interval packing of labels into rows stacked upward from `base_y`.

    items: (key, anchor x in px, text). Row 0 is the lowest (its box bottom is
    `base_y`); a label goes to the first row where its box clears the other boxes of
    that row, its vertical leader (at the anchor x, running down to `base_y`) crosses
    no lower box, and its box covers no leader of a higher row. Labels extend toward
    the middle of the chart and are placed from the middle outward, so neighbours
    form a staircase instead of blocking each other. Labels that fit no row are
    dropped (their mark keeps its tooltip).
    """
    placed: list[LabelBox] = []
    middle = width / 2
    order = sorted(items, key=lambda item: (abs(item[1] - middle), item[1], item[0]))
    for key, anchor_x, text in order:
        text = short(text, max(int((width - 8) / CHAR_PX), 4))
        box = _best_box(key, text, anchor_x, base_y, width, placed, gap, max_rows)
        if box is not None:
            placed.append(box)
    return sorted(placed, key=lambda b: (b.anchor_x, b.row, b.key))


# Extending a label away from the middle costs as much as climbing this many rows: it
# blocks the labels beyond it, so the staircase toward the middle is preferred.
FLIP_COST_ROWS = 1.5


def _best_box(key, text, anchor_x, base_y, width, placed, gap, max_rows) -> LabelBox | None:
    """The cheapest fitting box: lowest row, on the side facing the chart's middle.

    A label too long for its side is shortened to the room there (keeping at least
    MIN_LABEL_CHARS) rather than pushed past its anchor, where it would hide neighbours -
    but only when no row or side has room for the whole label: a cut label ('raided the
    office of a Chadian news agen…') loses what a higher row would have kept.
    """
    for shorten in (False, True):
        box = _first_fit(key, text, anchor_x, base_y, width, placed, gap, max_rows, shorten)
        if box is not None:
            return box
    return None


def _first_fit(key, text, anchor_x, base_y, width, placed, gap, max_rows,
               shorten: bool) -> LabelBox | None:
    sides = [side_box(text, anchor_x, width, "right"), side_box(text, anchor_x, width, "left")]
    if anchor_x <= width / 2:
        sides.reverse()
    if not shorten:
        sides = [s if s[0] == text else None for s in sides]
    candidates = sorted(
        ((row + FLIP_COST_ROWS * rank, row, side)
         for row in range(max_rows) for rank, side in enumerate(sides) if side is not None),
        key=lambda c: c[0])
    for _, row, (label, x0, align) in candidates:
        y1 = base_y - row * ROW_PX
        box = LabelBox(key, label, x0, x0 + text_width(label), y1 - BOX_PX, y1, anchor_x,
                       base_y, row, align)
        if fits_row(box, placed, gap):
            return box
    return None


MIN_LABEL_CHARS = 16


def side_box(text: str, anchor_x: float, width: float, align: str) -> tuple[str, float, str]:
    """(text, x0, align) for a label ending at its anchor ('right') or starting there."""
    room = anchor_x + 4 if align == "right" else width - (anchor_x - 4)
    chars = int((room - 4) / CHAR_PX)
    if text_width(text) > room and chars >= min(len(text), MIN_LABEL_CHARS):
        text = short(text, chars)
    w = text_width(text)
    if align == "right":
        return text, min(max(anchor_x + 4 - w, 0.0), max(width - w, 0.0)), align
    return text, min(max(anchor_x - 4, 0.0), max(width - w, 0.0)), align


def fits_row(box: LabelBox, placed: list[LabelBox], gap: float) -> bool:
    for other in placed:
        if other.row == box.row and box.x0 < other.x1 + gap and other.x0 < box.x1 + gap:
            return False
        if other.row < box.row and other.x0 - 2 <= box.anchor_x <= other.x1 + 2:
            return False  # our leader would cross a lower label
        if other.row > box.row and box.x0 - 2 <= other.anchor_x <= box.x1 + 2:
            return False  # we would sit on a higher label's leader
    return True


def shift_box(box: LabelBox, base_y: float) -> LabelBox:
    """Move a box packed against y=0 down by `base_y` (its row 0 then sits on `base_y`)."""
    return replace(box, y0=box.y0 + base_y, y1=box.y1 + base_y, anchor_y=box.anchor_y + base_y)


def shift_mark(box: Box, dy: float) -> Box:
    return Box(box.x0, box.x1, box.y0 + dy, box.y1 + dy)
