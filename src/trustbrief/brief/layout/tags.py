"""Numbered tags for timeline points no label fits: the nearest free spot around the point,
joined to it by a short leader when the tag is not right beside it.

A dense day (three events stacked on 2 October, neighbours a few pixels away, labels in the
rows above and below) leaves no room right beside a point; a tag a little further out, on
a line that crosses nothing, still says which point it numbers. A point left with neither
label nor tag would be a dot the reader cannot name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trustbrief.brief.layout.geometry import Box, LabelBox, boxes_overlap, text_width
from trustbrief.brief.style import BOX_PX

# Pixels between the point's edge and the tag's box, nearest first. Up to TOUCHING the tag
# reads as beside its point; further out a leader joins them.
REACHES = (2.0, 6.0, 12.0, 20.0, 30.0, 42.0, 56.0)
TOUCHING = 4.0
AMBIGUOUS = 8.0  # px: another point this much further than its own still reads as its owner
TAG_RING_PX = 13.0  # the ring drawn around a tag's number (charts.timeline sizes it)
# Directions tried at each reach, in degrees (0 = right, 90 = down): the four sides first,
# then the diagonals, then the directions between.
ANGLES = (0, 180, 270, 90, 315, 225, 45, 135, 337.5, 202.5, 22.5, 157.5, 292.5, 247.5,
          67.5, 112.5)


@dataclass(frozen=True)
class Segment:
    """A straight line in pixels: a label's leader, or a tag's."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Room:
    """What a tag must stay clear of, and where it may go (its lane, the plot's width)."""

    width: float
    top: float
    bottom: float
    boxes: list  # labels, tags and headers already placed
    marks: list  # (key, Box) of every point
    lines: list  # Segments already drawn: label and tag leaders


def free_spots(key: str, number: int, mark: Box, room: Room
               ) -> list[tuple[LabelBox, Segment | None]]:
    """Every free spot for the tag, best first: nearest, a side before a diagonal; a leader
    crossing another leader only after every spot whose leader crosses nothing (a thin
    cross reads, a point without its number does not). The leader is None when the tag
    touches its point."""
    w = tag_width(number)
    cx, cy = (mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2
    radius = (mark.x1 - mark.x0) / 2
    spots = [_spot(key, number, w, cx, cy, radius, reach, angle)
             for reach in REACHES for angle in ANGLES]
    return ([s for s in spots if _is_free(*s, key, room, False)]
            + [s for s in spots if _is_free(*s, key, room, True)
               and not _is_free(*s, key, room, False)])


def place_tags(tags: list[tuple[str, int, Box, tuple[float, float]]], room: Room
               ) -> dict[str, tuple[LabelBox, Segment | None]]:
    """Tags (key, number, mark, lane's top and bottom) placed most constrained first: the
    point with the fewest free spots chooses before a neighbour takes its only one."""
    placed: dict[str, tuple[LabelBox, Segment | None]] = {}
    left = list(tags)
    while left:
        options = []
        for key, number, mark, (top, bottom) in left:
            taken = [box for box, _ in placed.values()]
            lines = [line for _, line in placed.values() if line is not None]
            here = Room(room.width, top, bottom, room.boxes + taken, room.marks,
                        room.lines + lines)
            options.append((free_spots(key, number, mark, here), key))
        possible = [(len(spots), key, spots[0]) for spots, key in options if spots]
        if not possible:
            break
        _, key, best = min(possible, key=lambda p: (p[0], p[1]))
        placed[key] = best
        left = [t for t in left if t[0] != key]
    return placed


def _spot(key, number, w, cx, cy, radius, reach, angle) -> tuple[LabelBox, Segment | None]:
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # from the tag's centre to its edge, along the direction: the box's side straight out,
    # the round ring's edge on a slant (the box's corner is empty: measured to it, a
    # diagonal tag would look twice as far from its point as a side one)
    edge = min(w / 2 / abs(dx) if abs(dx) > 1e-9 else math.inf,
               BOX_PX / 2 / abs(dy) if abs(dy) > 1e-9 else math.inf,
               max(min(w, BOX_PX) / 2, math.hypot(w / 2 * dx, BOX_PX / 2 * dy)))
    tx, ty = cx + (radius + reach + edge) * dx, cy + (radius + reach + edge) * dy
    box = LabelBox(key, str(number), tx - w / 2, tx + w / 2, ty - BOX_PX / 2, ty + BOX_PX / 2,
                   cx, cy, 0, "left", kind="number")
    leader = None if reach <= TOUCHING else Segment(
        cx + radius * dx, cy + radius * dy, tx - edge * dx, ty - edge * dy)
    return box, leader


def _is_free(box: LabelBox, leader: Segment | None, key: str, room: Room,
             may_cross: bool) -> bool:
    if box.x0 < 0 or box.x1 > room.width or box.y0 < room.top or box.y1 > room.bottom:
        return False
    others = [m for k, m in room.marks if k != key]
    if any(boxes_overlap(box, other, 1.0) for other in room.boxes + others):
        return False
    if boxes_overlap(box, dict(room.marks)[key], 0.0):  # the ring may near it, never cover it
        return False
    # A tag with no leader names the point it touches: no other point may be about as near.
    if leader is None and any(boxes_overlap(box, other, box_gap(box, room, key) + AMBIGUOUS)
                              for other in others):
        return False
    if any(crosses(line, box) for line in room.lines):
        return False
    return leader is None or not (any(crosses(leader, other) for other in room.boxes + others)
                                  or (not may_cross
                                      and any(intersect(leader, line) for line in room.lines)))


def box_gap(box: LabelBox, room: Room, key: str) -> float:
    """Pixels between the tag's box and its own point's box."""
    own = dict(room.marks)[key]
    dx = max(own.x0 - box.x1, box.x0 - own.x1, 0.0)
    dy = max(own.y0 - box.y1, box.y0 - own.y1, 0.0)
    return math.hypot(dx, dy)


def tag_width(number: int) -> float:
    """The tag's box: its ring (TAG_RING_PX across) around one digit, wider for more."""
    return max(TAG_RING_PX + 1, text_width(str(number)) + 2)


def intersect(a: Segment, b: Segment) -> bool:
    """Do two segments cross (touching ends count)?"""
    def side(s: Segment, x: float, y: float) -> float:
        return (s.x1 - s.x0) * (y - s.y0) - (s.y1 - s.y0) * (x - s.x0)

    d1, d2 = side(b, a.x0, a.y0), side(b, a.x1, a.y1)
    d3, d4 = side(a, b.x0, b.y0), side(a, b.x1, b.y1)
    if d1 * d2 > 0 or d3 * d4 > 0:
        return False
    return (min(a.x0, a.x1) <= max(b.x0, b.x1) + 1 and min(b.x0, b.x1) <= max(a.x0, a.x1) + 1
            and min(a.y0, a.y1) <= max(b.y0, b.y1) + 1 and min(b.y0, b.y1) <= max(a.y0, a.y1) + 1)


def crosses(line: Segment, box, pad: float = 1.0) -> bool:
    """Does the segment pass through the box (grown by pad)? Sampled every pixel."""
    steps = max(int(math.hypot(line.x1 - line.x0, line.y1 - line.y0)), 1)
    for i in range(steps + 1):
        x = line.x0 + (line.x1 - line.x0) * i / steps
        y = line.y0 + (line.y1 - line.y0) * i / steps
        if box.x0 - pad < x < box.x1 + pad and box.y0 - pad < y < box.y1 + pad:
            return True
    return False


def label_leaders(labels: list[LabelBox], point_y: dict[str, float]) -> list[Segment]:
    """The vertical leaders from labels to their points (what a tag must not sit on)."""
    lines = []
    for label in labels:
        y = point_y.get(label.key)
        if y is not None:
            lines.append(Segment(label.anchor_x, label.y0 if label.below else label.y1,
                                 label.anchor_x, y))
    return lines
