"""Timeline label placement: a bounded search over rows above and below a lane's points.
"""

from __future__ import annotations

from collections.abc import Sequence

from trustbrief.brief.layout.geometry import (
    FLIP_COST_ROWS,
    Box,
    LabelBox,
    boxes_overlap,
    fits_row,
    side_box,
    text_width,
)
from trustbrief.brief.style import BOX_PX, ROW_PX

# Costs, in 'rows climbed': a label below the points is worth it only when the plain label
# above does not fit.
BELOW_COST_ROWS = 1.0


SEARCH_BUDGET = 4000  # partial layouts tried per lane; the best one so far is kept


def place_lane_labels(items: Sequence[tuple[str, float, str]], width: float,
                      marks: Sequence[tuple[str, Box]], max_rows: int = 5,
                      below_rows: int = 2, gap: float = 6.0
                      ) -> tuple[list[LabelBox], list[str]]:
    """Labels above (rows up from y=0) or below a lane's points (under the marks there).

    items: (key, anchor x, text); marks: (key, box) of every point of the lane, in the
    same pixels (a label's own point has its key). Items are placed left to right by a
    bounded depth-first search that maximizes the number labelled, then minimizes cost,
    so a long label never takes the only room a neighbour had. No box overlaps another
    box or a mark; no leader crosses a label or another point. Returns (boxes, keys of
    the items that fit nowhere): the caller numbers those instead of dropping them.
    """
    order = sorted(items, key=lambda item: (item[1], item[0]))
    anchors = [item[1] for item in order]
    own = {key: box for key, box in marks}
    options = [_lane_candidates(key, text, x, width, anchors, max_rows, marks, below_rows)
               for key, x, text in order]
    best: dict = {"n": -1, "cost": 0.0, "boxes": []}
    budget = [SEARCH_BUDGET]

    def search(i: int, placed: list[LabelBox], cost: float) -> None:
        n = len(placed)
        if n + len(order) - i < best["n"] or (
                n + len(order) - i == best["n"] and cost >= best["cost"]):
            return
        if i == len(order):
            best.update(n=n, cost=cost, boxes=list(placed))
            return
        if budget[0] <= 0:
            return
        budget[0] -= 1
        for c, box in options[i]:
            if _fits_lane(box, placed, marks, own, gap):
                search(i + 1, placed + [box], cost + c)
        search(i + 1, placed, cost)  # leave it to a numbered marker

    search(0, [], 0.0)
    boxes = sorted(best["boxes"], key=lambda b: (b.anchor_x, b.below, b.row, b.key))
    done = {b.key for b in boxes}
    return boxes, [key for key, _, _ in order if key not in done]


def _lane_candidates(key, text, anchor_x, width, anchors, max_rows, marks, below_rows
                     ) -> list[tuple[float, LabelBox]]:
    """Every box a label may take, cheapest first (row, side, direction).

    A box below starts under the lowest point in its own x range, so a short leader is
    preferred: its cost grows with the leader's length.
    """
    sides = [side_box(text, anchor_x, width, "right"), side_box(text, anchor_x, width, "left")]
    if anchor_x <= width / 2:
        sides.reverse()
    # A label is drawn whole or not at all: a cut one ('... news agen…') loses what the key
    # to a number gives whole (the caller numbers the labels that fit nowhere).
    shapes = [(FLIP_COST_ROWS * rank, side) for rank, side in enumerate(sides)
              if side[0] == text and text_width(text) <= width and _anchored(side, anchor_x)]
    own = dict(marks).get(key)
    out = []
    for extra, (label, x0, align) in shapes:
        x1 = x0 + text_width(label)
        for row in range(max_rows):
            out.append((row + extra, LabelBox(key, label, x0, x1, -row * ROW_PX - BOX_PX,
                                              -row * ROW_PX, anchor_x, 0.0, row, align)))
        if own is None:
            continue
        floor = max([m.y1 for _, m in marks if m.x0 < x1 + 2 and x0 - 2 < m.x1] + [own.y1]) + 4
        for row in range(below_rows):
            y0 = floor + row * ROW_PX
            cost = BELOW_COST_ROWS + (y0 - own.y1) / ROW_PX + extra
            out.append((cost, LabelBox(key, label, x0, x1, y0, y0 + BOX_PX, anchor_x, 0.0, row,
                                       align, below=True)))
    return sorted(out, key=lambda c: c[0])


ANCHOR_SLACK_PX = 8.0  # how far a label's near end may sit from its point (the chart's edge)


def _anchored(side: tuple[str, float, str], anchor_x: float) -> bool:
    """Does the label start (left-aligned) or end (right-aligned) at its point? One pushed
    back from the chart's edge runs past its point, and the reader takes it for a
    neighbour's label: such a label is numbered instead."""
    label, x0, align = side
    if align == "left":
        return anchor_x - ANCHOR_SLACK_PX <= x0 <= anchor_x
    x1 = x0 + text_width(label)
    return anchor_x <= x1 <= anchor_x + ANCHOR_SLACK_PX


def _fits_lane(box: LabelBox, placed: list[LabelBox], marks, own: dict, gap: float) -> bool:
    above = [b for b in placed if not b.below]
    if not box.below and not fits_row(box, above, gap):
        return False
    for other in placed:
        if box.x0 < other.x1 + gap and other.x0 < box.x1 + gap and \
                box.y0 < other.y1 + 1 and other.y0 < box.y1 + 1:
            return False
        if box.below and other.below and (_on_leader(box, other, own)
                                          or _on_leader(other, box, own)):
            return False
    if any(boxes_overlap(box, mark, 1.0) for _, mark in marks):
        return False
    return not _leader_crosses_mark(box, marks, own)


def _on_leader(box: LabelBox, below: LabelBox, own: dict) -> bool:
    """Does `box` sit across the leader running down from `below`'s point to its label?"""
    point = own.get(below.key)
    top = point.y1 if point is not None else below.y0
    return (box.x0 - 2 <= below.anchor_x <= box.x1 + 2 and box.y0 < below.y0
            and box.y1 > top)


def _leader_crosses_mark(box: LabelBox, marks, own: dict) -> bool:
    point = own.get(box.key)
    if point is None:
        return False
    y0, y1 = (point.y1, box.y0) if box.below else (box.y1, point.y0)
    return any(key != box.key and mark.x0 - 1 <= box.anchor_x <= mark.x1 + 1
               and mark.y0 < y1 and y0 < mark.y1 for key, mark in marks)
