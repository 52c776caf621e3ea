"""The brief's charts (Altair), with one theme and fixed colour mappings.

Every function takes processed tables (all-string CSV frames, or frames straight
from the pipeline with Python lists) and returns an Altair chart sized for an A4
page (at most 640 px wide). Titles, takeaways and source lines are added by the
report around the chart, so no chart carries a title of its own.

Label placement is computed here, in pixels, so labels never overlap each other
or the marks: the charts draw on scales whose pixel mapping is known in advance
(`Scale(domain=..., range=...)`), and the computed boxes are what tests check.
Empty or incomplete tables give a chart with a 'no data' note instead of an error.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import altair as alt
import pandas as pd

# --- style ------------------------------------------------------------------------------------

FONT = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"
MAX_WIDTH = 640
PLOT_WIDTH = 600  # plot area; axis labels and padding fit in the rest of MAX_WIDTH
FONT_PX = 11
CHAR_PX = 6.2  # estimated width of one character at FONT_PX (mixed case, system sans)
ROW_PX = 16  # one line of annotation text, with its spacing
BOX_PX = 14  # the height of one text box
TEXT_COLOR = "#333333"
MUTED = "#666666"
GRID = "#e8e8e8"

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#999999"
DARK_GREY = "#5A5A5A"
LIGHT_GREY = "#B8B8B8"

# Fixed mappings: the same class has the same colour in every chart.
NOTICE_ORDER = ("none", "minutes", "hours", "days", "unknown", "n/a")
NOTICE_COLORS = {
    "none": OKABE_ITO["vermillion"],
    "minutes": OKABE_ITO["orange"],
    "hours": OKABE_ITO["sky_blue"],
    "days": OKABE_ITO["blue"],
    "unknown": DARK_GREY,
    "n/a": LIGHT_GREY,
}
# Sides of the gazetteer (data/gazetteer.yaml); sides not listed get a stable fallback colour.
SIDE_COLORS = {
    "US": OKABE_ITO["blue"],
    "Israel": OKABE_ITO["sky_blue"],
    "Iran": OKABE_ITO["bluish_green"],
    "Hezbollah": OKABE_ITO["yellow"],
    "Hamas": OKABE_ITO["reddish_purple"],
    "Lebanon": OKABE_ITO["orange"],
    "media": GREY,
    "other": OKABE_ITO["black"],
}
LANE_ORDER = ("operations", "third-party actions", "contacts", "reporting")
LANE_COLORS = {
    "operations": OKABE_ITO["vermillion"],
    "third-party actions": OKABE_ITO["reddish_purple"],
    "contacts": OKABE_ITO["blue"],
    "reporting": GREY,
}
SPEAKER_ORDER = ("named_official", "anonymous_official", "outlet", "organization",
                 "unattributed")
SPEAKER_LABELS = {
    "named_official": "named official",
    "anonymous_official": "anonymous official",
    "outlet": "cited outlet",
    "organization": "organization",
    "unattributed": "unattributed",
}
SPEAKER_COLORS = {
    "named_official": OKABE_ITO["blue"],
    "anonymous_official": OKABE_ITO["sky_blue"],
    "outlet": OKABE_ITO["orange"],
    "organization": OKABE_ITO["bluish_green"],
    "unattributed": LIGHT_GREY,
}
ORIGIN_KINDS = ("independent origin", "rewrite citing another outlet")
# Date bases that are not read off the article itself (drawn hollow / dashed).
INFERRED_BASES = ("relative-inferred", "chronology", "inferred")
STATED_MARK = "stated date"
NOT_AN_OPERATION_EXPR = "datum.label == 'n/a' ? 'not an operation' : datum.label"
UNCERTAIN_MARK = "inferred or ranged date"

THEME_NAME = "trustbrief"


def theme_config() -> dict:
    """The brief's Vega-Lite config: system fonts, light grid, no border."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 5,
            "view": {"stroke": None, "continuousWidth": PLOT_WIDTH},
            "axis": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": FONT_PX,
                "titleFontSize": FONT_PX, "titleFontWeight": "normal", "labelColor": TEXT_COLOR,
                "titleColor": TEXT_COLOR, "gridColor": GRID, "domainColor": "#999999",
                "tickColor": "#999999",
            },
            "legend": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": FONT_PX,
                "titleFontSize": FONT_PX, "titleFontWeight": "normal", "labelColor": TEXT_COLOR,
                "titleColor": TEXT_COLOR,
            },
            "text": {"font": FONT, "fontSize": FONT_PX, "color": TEXT_COLOR},
            "title": {"font": FONT},
        }
    }


def use_theme() -> None:
    """Register the brief's theme and make it the active Altair theme (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(lambda: alt.theme.ThemeConfig(theme_config()))


def side_color(side: str) -> str:
    """The fixed colour of a side; unknown sides get a stable colour from the palette."""
    if side in SIDE_COLORS:
        return SIDE_COLORS[side]
    palette = list(OKABE_ITO.values())
    return palette[sum(map(ord, side)) % len(palette)]


def color_scale(mapping: dict[str, str], domain: Iterable[str] | None = None) -> alt.Scale:
    """A categorical scale pinned to a fixed mapping (all classes, so colours never shift)."""
    keys = list(mapping) if domain is None else list(domain)
    return alt.Scale(domain=keys, range=[mapping[k] for k in keys])


# --- small helpers over string tables -----------------------------------------------------------

def _col(frame: pd.DataFrame | None, name: str, default: str = "") -> pd.Series:
    """A column as strings; a missing column is a column of `default`."""
    if frame is None or name not in getattr(frame, "columns", ()):
        index = frame.index if frame is not None else pd.RangeIndex(0)
        return pd.Series([default] * len(index), index=index, dtype=object)
    return frame[name].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                           else v if isinstance(v, (list, tuple)) else str(v))


def _num(frame: pd.DataFrame | None, name: str, default: float = 0.0) -> pd.Series:
    values = pd.to_numeric(_col(frame, name), errors="coerce")
    return values.fillna(default).astype(float)


def as_list(value) -> list[str]:
    """A list cell: a Python list (pipeline frames) or ';'-joined text (CSV)."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    if not isinstance(value, str) or not value.strip():
        return []
    return [v.strip() for v in value.split(";") if v.strip()]


def to_date(value) -> pd.Timestamp | None:
    """ISO date text -> UTC-naive Timestamp (None for empty or unparseable)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()[:10]
    if not text:
        return None
    try:
        return pd.Timestamp(text)
    except ValueError:
        return None


def epoch_ms(day: pd.Timestamp) -> int:
    """Milliseconds since 1970 (UTC): exact positions on a Vega-Lite UTC time scale."""
    return int((day - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1))


def short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def text_width(text: str) -> float:
    return len(text) * CHAR_PX + 4


def day_label(day: pd.Timestamp | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


def no_data_chart(message: str, width: int = PLOT_WIDTH, height: int = 60) -> alt.Chart:
    """A chart that says plainly what is missing instead of an empty panel."""
    frame = pd.DataFrame({"message": [message]})
    return alt.Chart(frame).mark_text(
        align="left", baseline="middle", fontSize=FONT_PX + 1, color=MUTED, font=FONT,
    ).encode(
        x=alt.value(4), y=alt.value(height / 2), text="message:N",
    ).properties(width=width, height=height)


def time_ticks(start: pd.Timestamp, end: pd.Timestamp, width: float,
               min_px: float = 64) -> list[int]:
    """Tick positions (epoch ms) at most one per `min_px` pixels: every 1, 2, 7 or 14 days,
    else the first of every n-th month. Chosen here, not by Vega, because Vega's own
    choice overlaps labels on a one-month axis in both the browser and the static SVG."""
    days = max((end - start).days, 1)
    most = max(2, int(width // min_px))
    for step in (1, 2, 7, 14):
        if days // step + 1 <= most:
            return [epoch_ms(start + pd.Timedelta(days=k * step)) for k in range(days // step + 1)]
    firsts = list(pd.date_range(start.normalize() + pd.offsets.MonthBegin(0), end, freq="MS"))
    every = -(-len(firsts) // most) or 1
    return [epoch_ms(day) for day in firsts[::every]]


def _time_axis(start: pd.Timestamp, end: pd.Timestamp, width: float,
               title: str | None = None, **kw) -> alt.Axis:
    # The scale is UTC, so Vega formats these labels in UTC (no formatType needed).
    return alt.Axis(format="%-d %b", title=title, values=time_ticks(start, end, width),
                    labelOverlap=True, grid=True, **kw)


def _time_scale(start: pd.Timestamp, end: pd.Timestamp, width: float) -> alt.Scale:
    return alt.Scale(type="utc", domain=[epoch_ms(start), epoch_ms(end)], range=[0, width],
                     nice=False)


def _pixel_scale(extent: float) -> alt.Scale:
    """Identity scale: data value == pixel from the top (or the left)."""
    return alt.Scale(domain=[0, extent], range=[0, extent], nice=False, zero=False)


def _x_pixels(day: pd.Timestamp, start: pd.Timestamp, end: pd.Timestamp, width: float) -> float:
    span = (end - start) / pd.Timedelta(days=1)
    return 0.0 if span <= 0 else (day - start) / pd.Timedelta(days=1) / span * width


# --- label packing ------------------------------------------------------------------------------

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
    MIN_LABEL_CHARS) rather than pushed past its anchor, where it would hide neighbours.
    """
    sides = [_side_box(text, anchor_x, width, "right"), _side_box(text, anchor_x, width, "left")]
    if anchor_x <= width / 2:
        sides.reverse()
    candidates = sorted(
        ((row + FLIP_COST_ROWS * rank, row, side)
         for row in range(max_rows) for rank, side in enumerate(sides)),
        key=lambda c: c[0])
    for _, row, (label, x0, align) in candidates:
        y1 = base_y - row * ROW_PX
        box = LabelBox(key, label, x0, x0 + text_width(label), y1 - BOX_PX, y1, anchor_x,
                       base_y, row, align)
        if _fits(box, placed, gap):
            return box
    return None


MIN_LABEL_CHARS = 16


def _side_box(text: str, anchor_x: float, width: float, align: str) -> tuple[str, float, str]:
    """(text, x0, align) for a label ending at its anchor ('right') or starting there."""
    room = anchor_x + 4 if align == "right" else width - (anchor_x - 4)
    chars = int((room - 4) / CHAR_PX)
    if text_width(text) > room and chars >= min(len(text), MIN_LABEL_CHARS):
        text = short(text, chars)
    w = text_width(text)
    if align == "right":
        return text, min(max(anchor_x + 4 - w, 0.0), max(width - w, 0.0)), align
    return text, min(max(anchor_x - 4, 0.0), max(width - w, 0.0)), align


def _fits(box: LabelBox, placed: list[LabelBox], gap: float) -> bool:
    for other in placed:
        if other.row == box.row and box.x0 < other.x1 + gap and other.x0 < box.x1 + gap:
            return False
        if other.row < box.row and other.x0 - 2 <= box.anchor_x <= other.x1 + 2:
            return False  # our leader would cross a lower label
        if other.row > box.row and box.x0 - 2 <= other.anchor_x <= box.x1 + 2:
            return False  # we would sit on a higher label's leader
    return True


# --- timeline label placement: a small search over both directions ------------------------------

# Costs, in 'rows climbed': a label below the points, or one cut short before a neighbour's
# leader, is worth it only when the plain label above does not fit.
BELOW_COST_ROWS = 1.0
CLIP_COST_ROWS = 2.5
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
    options = [_lane_candidates(key, short(text, max(int((width - 8) / CHAR_PX), 4)), x,
                                width, anchors, max_rows, marks, below_rows)
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
    """Every box a label may take, cheapest first (row, side, direction, shortening).

    A box below starts under the lowest point in its own x range, so a short leader is
    preferred: its cost grows with the leader's length.
    """
    sides = [_side_box(text, anchor_x, width, "right"), _side_box(text, anchor_x, width, "left")]
    if anchor_x <= width / 2:
        sides.reverse()
    shapes = []
    for rank, side in enumerate(sides):
        shapes.append((FLIP_COST_ROWS * rank + CLIP_COST_ROWS * (side[0] != text), side))
        clipped = _clipped(text, anchor_x, anchors, side[2])
        if clipped is not None:
            shapes.append((FLIP_COST_ROWS * rank + CLIP_COST_ROWS,
                           _side_box(clipped, anchor_x, width, side[2])))
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


def _clipped(text: str, anchor_x: float, anchors: Sequence[float], align: str) -> str | None:
    """The text cut to end before the nearest other anchor on its side (None: no need/room)."""
    if align == "left":
        ahead = [a for a in anchors if a > anchor_x + 1]
        room = (min(ahead) - 8) - (anchor_x - 4) if ahead else None
    else:
        behind = [a for a in anchors if a < anchor_x - 1]
        room = (anchor_x + 4) - (max(behind) + 8) if behind else None
    if room is None or text_width(text) <= room:
        return None
    chars = int((room - 4) / CHAR_PX)
    return short(text, chars) if chars >= MIN_LABEL_CHARS else None


def _fits_lane(box: LabelBox, placed: list[LabelBox], marks, own: dict, gap: float) -> bool:
    above = [b for b in placed if not b.below]
    if not box.below and not _fits(box, above, gap):
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


def number_box(key: str, number: int, mark: Box, width: float, taken: list,
               marks) -> LabelBox | None:
    """A small numbered tag right (or left) of a point, clear of labels and other marks."""
    w, cy = text_width(str(number)) + 6, (mark.y0 + mark.y1) / 2
    ax = (mark.x0 + mark.x1) / 2
    for x0 in (mark.x1 + 2, mark.x0 - 2 - w):
        if x0 < 0 or x0 + w > width:
            continue
        box = LabelBox(key, str(number), x0, x0 + w, cy - BOX_PX / 2, cy + BOX_PX / 2, ax, cy,
                       0, "left", kind="number")
        if not any(boxes_overlap(box, o, 1.0) for o in taken) and not any(
                k != key and boxes_overlap(box, m, 1.0) for k, m in marks):
            return box
    return None


# --- 1. timeline --------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineLayout:
    """Everything the timeline draws, in pixels; tests check its boxes for overlaps."""

    points: pd.DataFrame  # one row per placed event, with x, y, radius and tooltip fields
    labels: list[LabelBox]
    headers: list[tuple[str, Box]]  # lane names, key items, crisis label
    lanes: pd.DataFrame  # lane, top, bottom, point_y
    start: pd.Timestamp
    end: pd.Timestamp
    width: float
    height: float
    numbers: list[LabelBox] = field(default_factory=list)  # tags of key events without label
    footnotes: list[str] = field(default_factory=list)  # '1 = full label (date)' per tag

    def occupied(self) -> list[Box]:
        """Boxes of the marks (point circles) and the fixed headers."""
        marks = [Box(r.x - r.radius, r.x + r.radius, r.y - r.radius, r.y + r.radius)
                 for r in self.points.itertuples()]
        return marks + [box for _, box in self.headers]


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "y")


def event_frame(events: pd.DataFrame | None) -> pd.DataFrame:
    """Normalize an events table: parsed dates, lane, numbers, certainty class."""
    cols = ["event_id", "label", "date", "date_earliest", "date_latest", "date_precision",
            "date_basis", "event_type", "lane", "operation", "us_notice", "evidence",
            "outlets", "origins", "doc_ids"]
    if events is None or events.empty:
        return pd.DataFrame(columns=cols + ["day", "first", "last", "n_origins", "n_documents",
                                            "n_outlets", "notice", "certainty", "ranged"])
    out = pd.DataFrame({c: _col(events, c) for c in cols})
    for c in ("n_origins", "n_documents", "n_outlets"):
        out[c] = _num(events, c).astype(int)
    out["day"] = out["date"].map(to_date)
    out["first"] = [to_date(e) or d for e, d in zip(out["date_earliest"], out["day"], strict=True)]
    out["last"] = [to_date(e) or d for e, d in zip(out["date_latest"], out["day"], strict=True)]
    is_op = out["operation"].map(_truthy)
    lane = out["lane"].where(out["lane"] != "", None)
    out["lane"] = lane.fillna(is_op.map({True: "operations", False: "reporting"}))
    ops = is_op | (out["lane"] == "operations")
    notice = out["us_notice"].where(out["us_notice"].isin(NOTICE_ORDER), "unknown")
    out["notice"] = notice.where(ops, "n/a")
    out["ranged"] = [f is not None and la is not None and f != la
                     for f, la in zip(out["first"], out["last"], strict=True)]
    uncertain = (out["date_basis"].isin(INFERRED_BASES)
                 | ~out["date_precision"].isin(("day", "")) | out["ranged"])
    out["certainty"] = uncertain.map({True: UNCERTAIN_MARK, False: STATED_MARK})
    return out


def undated_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """Events the timeline cannot place (open or missing date), for a list under the chart."""
    frame = event_frame(events)
    open_ = frame["day"].isna() | (frame["date_basis"] == "open")
    keep = ["event_id", "label", "event_type", "lane", "n_documents", "n_origins", "us_notice",
            "evidence"]
    return frame.loc[open_, keep].sort_values(["lane", "label", "event_id"]).reset_index(drop=True)


KEY_EVENT_LANES = ("operations", "contacts", "third-party actions")


def default_key_events(frame: pd.DataFrame, limit: int = 9) -> list[str]:
    """All operations first, then contacts and third-party actions by origins and documents.

    When the frame has pixel positions (x, radius), an event that would stack on an already
    chosen one of its lane is passed over (its leader would cross that point); operations
    are always kept.
    """
    eligible = frame[frame["lane"].isin(KEY_EVENT_LANES)]
    ranked = eligible.assign(is_op=eligible["lane"] == "operations").sort_values(
        ["is_op", "n_origins", "n_documents", "day", "event_id"],
        ascending=[False, False, False, True, True])
    chosen: list = []
    for r in ranked.itertuples():
        if len(chosen) >= limit:
            break
        if not r.is_op and _stacks_on(r, chosen):
            continue
        chosen.append(r)
    return [r.event_id for r in chosen]


def _stacks_on(r, chosen) -> bool:
    if not hasattr(r, "x") or not hasattr(r, "radius"):
        return False
    return any(c.lane == r.lane and abs(c.x - r.x) < c.radius + r.radius + 1 for c in chosen)


def _date_text(row) -> str:
    if row.ranged and row["first"] is not None and row["last"] is not None:
        text = f"{day_label(row['first'])} – {day_label(row['last'])} (best {day_label(row.day)})"
    else:
        text = day_label(row.day)
    basis = row.date_basis or "unknown basis"
    precision = row.date_precision or "unknown precision"
    return f"{text}; {basis}, {precision}"


def _point_radius(n_origins: pd.Series) -> pd.Series:
    top = max(float(n_origins.max()) if len(n_origins) else 1.0, 1.0)
    return 3.5 + 4.5 * (n_origins.clip(lower=1) - 1) / max(top - 1, 1)


def timeline_layout(events: pd.DataFrame | None, start=None, end=None, crisis=None,
                    min_origins: int = 1, key_event_ids: Sequence[str] | None = None,
                    width: float = PLOT_WIDTH, crisis_label: str = "crisis window",
                    max_labels: int = 9) -> TimelineLayout:
    """Place events, lanes, headers and labels in pixels (pure; no Altair)."""
    frame = event_frame(events)
    frame = frame[frame["day"].notna() & (frame["date_basis"] != "open")]
    frame = frame[frame["n_origins"] >= min_origins]
    start_ts, end_ts = _window(frame, start, end)
    inside = (frame["last"] >= start_ts) & (frame["first"] <= end_ts)
    frame = frame[inside].sort_values(["day", "event_id"]).copy()
    frame["radius"] = _point_radius(frame["n_origins"]).astype(float)
    frame["y"] = 0.0

    def px(day):
        return _x_pixels(min(max(day, start_ts), end_ts), start_ts, end_ts, width)

    frame["x"] = frame["day"].map(px)
    frame["x_first"] = frame["first"].map(px)
    frame["x_last"] = frame["last"].map(px)
    headers = _timeline_headers(crisis, start_ts, end_ts, width, crisis_label)
    present = set(frame["lane"])  # empty lanes are left out
    lanes_present = [lane for lane in LANE_ORDER if lane in present] + sorted(
        present - set(LANE_ORDER))
    wanted = set(key_event_ids) if key_event_ids is not None else set(
        default_key_events(frame, max_labels))
    step = 2 * float(frame["radius"].max() if len(frame) else 4) + 2
    labels, unplaced, lane_rows, y = [], [], [], 2 * ROW_PX + 4
    for lane in lanes_present:
        members = frame[frame["lane"] == lane]
        slots = dodge_slots(members, wanted)
        # Lane-local pixels: label row 0 ends at y=0, the points' line is at y=12.
        local_y = {i: 12.0 + slot * step for i, slot in slots.items()}
        marks = [(r.event_id, Box(r.x - r.radius, r.x + r.radius, local_y[r.Index] - r.radius,
                                  local_y[r.Index] + r.radius)) for r in members.itertuples()]
        items = [(r.event_id, r.x, r.label or r.event_type or r.event_id)
                 for r in members.itertuples() if r.event_id in wanted]
        boxes, left_over = place_lane_labels(items, width, marks)
        n_rows = 1 + max((b.row for b in boxes if not b.below), default=-1)
        top = y
        headers.append((f"lane:{lane}", Box(0, text_width(lane), top, top + BOX_PX)))
        point_y = top + BOX_PX + 4 + n_rows * ROW_PX + 12
        shift = point_y - 12
        labels += [_shift(b, shift) for b in boxes]
        for index, local in local_y.items():
            frame.loc[index, "y"] = float(local + shift)
        shifted = [(k, _shift_box(m, shift)) for k, m in marks]
        unplaced += [(frame.loc[frame["event_id"] == k].iloc[0], dict(shifted)[k])
                     for k in left_over]
        bottom = max([m.y1 for _, m in shifted] + [b.y1 for b in labels if b.below]) + 8
        lane_rows.append({"lane": lane, "top": top, "point_y": point_y, "bottom": bottom})
        y = bottom
    numbers, footnotes = _number_unplaced(unplaced, labels, frame, width)
    lanes = pd.DataFrame(lane_rows, columns=["lane", "top", "point_y", "bottom"])
    return TimelineLayout(frame.reset_index(drop=True), labels, headers, lanes, start_ts, end_ts,
                          width, float(y + 2), numbers, footnotes)


def _number_unplaced(unplaced, labels, frame, width) -> tuple[list[LabelBox], list[str]]:
    """Numbered tags for key events no label fits, and the key lines that explain them."""
    marks = [(r.event_id, Box(r.x - r.radius, r.x + r.radius, r.y - r.radius, r.y + r.radius))
             for r in frame.itertuples()]
    numbers, footnotes = [], []
    for n, (row, mark) in enumerate(sorted(unplaced, key=lambda u: (u[0]["day"],
                                                                     u[0]["event_id"])), 1):
        box = number_box(row["event_id"], n, mark, width, labels + numbers, marks)
        if box is not None:
            numbers.append(box)
        text = row["label"] or row["event_type"] or row["event_id"]
        where = "" if box is not None else "; not marked: no room beside the point"
        footnotes.append(f"{n} = {text} ({day_label(row['day'])}{where})")
    return numbers, footnotes


def dodge_slots(members: pd.DataFrame, labelled: set[str]) -> dict:
    """Stack points that would overlap into slots below the lane line (slot 0 = on it).

    Labelled events are placed first so they keep the line and their leaders stay short.
    """
    order = sorted(members.itertuples(), key=lambda r: (r.event_id not in labelled, r.x,
                                                        r.event_id))
    taken: dict[int, list[tuple[float, float]]] = {}
    slots = {}
    for r in order:
        slot = 0
        while any(abs(r.x - x) < r.radius + radius + 1 for x, radius in taken.get(slot, [])):
            slot += 1
        taken.setdefault(slot, []).append((r.x, r.radius))
        slots[r.Index] = slot
    return slots


def _shift(box: LabelBox, base_y: float) -> LabelBox:
    """Move a box packed against y=0 down by `base_y` (its row 0 then sits on `base_y`)."""
    return replace(box, y0=box.y0 + base_y, y1=box.y1 + base_y, anchor_y=box.anchor_y + base_y)


def _shift_box(box: Box, dy: float) -> Box:
    return Box(box.x0, box.x1, box.y0 + dy, box.y1 + dy)


def _window(frame: pd.DataFrame, start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    start_ts, end_ts = to_date(start), to_date(end)
    if start_ts is None:
        start_ts = (frame["first"].min() if len(frame) else pd.Timestamp("2000-01-01"))
        start_ts -= pd.Timedelta(days=2)
    if end_ts is None:
        end_ts = (frame["last"].max() if len(frame) else start_ts + pd.Timedelta(days=30))
        end_ts += pd.Timedelta(days=2)
    if end_ts <= start_ts:
        end_ts = start_ts + pd.Timedelta(days=1)
    return start_ts, end_ts


def _timeline_headers(crisis, start, end, width, crisis_label) -> list[tuple[str, Box]]:
    """Row 0: the key to date certainty. Row 1: the crisis label, at the band's start."""
    headers = []
    x = 0.0
    for name, text in (("key:stated", STATED_MARK), ("key:uncertain", UNCERTAIN_MARK),
                       ("key:range", "date range")):
        w = 16 + text_width(text)
        headers.append((name, Box(x, x + w, 0, BOX_PX)))
        x += w + 14
    if crisis:
        c0 = to_date(crisis[0])
        if c0 is not None:
            cx = _x_pixels(min(max(c0, start), end), start, end, width)
            w = text_width(crisis_label)
            x0 = min(cx + 3, width - w)
            headers.append(("crisis", Box(x0, x0 + w, ROW_PX, ROW_PX + BOX_PX)))
    return headers


def _tooltip_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["when"] = [_date_text(r) for _, r in frame.iterrows()]
    out["sources"] = [", ".join(o for o in as_list(v) if not is_unknown_outlet(o))
                      or "unknown outlet" for v in frame["outlets"]]
    out["origin_list"] = [", ".join(as_list(o)) for o in frame["origins"]]
    out["evidence_short"] = frame["evidence"].map(lambda t: short(t, 240))
    return out


def timeline(events: pd.DataFrame | None, start=None, end=None, crisis=None,
             min_origins: int = 1, key_event_ids: Sequence[str] | None = None, *,
             width: int = PLOT_WIDTH, crisis_label: str = "crisis window"
             ) -> alt.LayerChart | alt.Chart:
    """Events on lanes over time, notice-coloured, with date uncertainty and key labels."""
    layout = timeline_layout(events, start, end, crisis, min_origins, key_event_ids, width,
                             crisis_label)
    if layout.points.empty:
        return no_data_chart("No dated events in this period (see the list of undated events).",
                             width)
    pts = _tooltip_frame(layout.points)
    pts["x_ms"] = pts["day"].map(lambda d: epoch_ms(min(max(d, layout.start), layout.end)))
    pts["x0_ms"] = pts["first"].map(lambda d: epoch_ms(max(d, layout.start)))
    pts["x1_ms"] = pts["last"].map(lambda d: epoch_ms(min(d, layout.end)))
    pts["fill"] = [NOTICE_COLORS[n] if c == STATED_MARK else "white"
                   for n, c in zip(pts["notice"], pts["certainty"], strict=True)]
    pts["size"] = (pts["radius"] * 2) ** 2
    pts["dashed"] = pts["date_basis"].isin(INFERRED_BASES)
    xs = _time_scale(layout.start, layout.end, layout.width)
    ys = _pixel_scale(layout.height)
    x = alt.X("x_ms:T", scale=xs, axis=_time_axis(layout.start, layout.end, layout.width))
    y = alt.Y("y:Q", scale=ys, axis=None)
    layers = _crisis_layers(crisis, layout, xs, ys, crisis_label)
    layers += _lane_layers(layout, ys)
    layers += _range_layers(pts, xs, y)
    layers += _label_layers(layout, pts, ys)
    layers += _key_layers(layout, ys)
    layers.append(_event_points(pts, x, y))
    # Pixel-positioned text and the time axis use different x scales over the same range.
    chart = alt.layer(*layers).resolve_scale(x="independent").properties(
        width=layout.width, height=layout.height)
    if layout.footnotes:  # the key to the numbered tags, under the x axis
        chart = chart.properties(title=alt.TitleParams(
            layout.footnotes, orient="bottom", anchor="start", fontSize=FONT_PX,
            fontWeight="normal", color=TEXT_COLOR, font=FONT, offset=6))
    return chart


def _event_points(pts: pd.DataFrame, x, y) -> alt.Chart:
    pick = alt.selection_point(name="event_pick", fields=["event_id"], on="click", empty=True)
    tooltip = [alt.Tooltip("label:N", title="event"), alt.Tooltip("when:N", title="date"),
               alt.Tooltip("sources:N", title="outlets"),
               alt.Tooltip("origin_list:N", title="independent origins"),
               alt.Tooltip("n_documents:Q", title="documents"),
               alt.Tooltip("n_origins:Q", title="origins"),
               alt.Tooltip("notice:N", title="US notice"),
               alt.Tooltip("evidence_short:N", title="evidence")]
    legend = alt.Legend(title="US notice", orient="bottom", direction="horizontal",
                        symbolType="circle", symbolOpacity=1,
                        labelExpr=NOT_AN_OPERATION_EXPR)
    cols = ["event_id", "label", "when", "sources", "origin_list", "n_documents", "n_origins",
            "notice", "evidence_short", "x_ms", "y", "size", "fill", "certainty"]
    return alt.Chart(pts[cols]).mark_point(filled=False, strokeWidth=2, fillOpacity=1).encode(
        x=x, y=y,
        size=alt.Size("size:Q", scale=None, legend=None),
        stroke=alt.Stroke("notice:N", scale=color_scale(NOTICE_COLORS), legend=legend),
        fill=alt.when(alt.datum.certainty == STATED_MARK).then(
            alt.Fill("notice:N", scale=color_scale(NOTICE_COLORS), legend=legend)
        ).otherwise(alt.value("white")),
        opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.3)),
        tooltip=tooltip,
    ).add_params(pick)


def _range_layers(pts: pd.DataFrame, xs, y) -> list[alt.Chart]:
    ranged = pts[pts["ranged"]]
    if ranged.empty:
        return []
    base = alt.Chart(ranged[["x0_ms", "x1_ms", "y", "dashed", "label"]])
    return [base.mark_rule(strokeWidth=2, color=GREY).encode(
        x=alt.X("x0_ms:T", scale=xs, axis=None), x2="x1_ms:T", y=y,
        strokeDash=alt.StrokeDash("dashed:N", scale=alt.Scale(domain=[False, True],
                                                               range=[[1, 0], [4, 3]]),
                                  legend=None),
    )]


def _crisis_layers(crisis, layout: TimelineLayout, xs, ys, crisis_label) -> list[alt.Chart]:
    if not crisis:
        return []
    c0, c1 = to_date(crisis[0]), to_date(crisis[1] if len(crisis) > 1 else None)
    if c0 is None:
        return []
    c1 = c1 or c0
    c0, c1 = max(c0, layout.start), min(c1, layout.end)
    if c1 < c0:
        return []
    band = pd.DataFrame({"x0": [epoch_ms(c0)], "x1": [epoch_ms(c1)], "y0": [ROW_PX],
                         "y1": [layout.height]})
    box = dict(layout.headers)["crisis"]
    text = pd.DataFrame({"x": [box.x0 + 2], "y": [(box.y0 + box.y1) / 2], "t": [crisis_label]})
    return [
        alt.Chart(band).mark_rect(color="#F2F2F2").encode(
            x=alt.X("x0:T", scale=xs, axis=None), x2="x1:T",
            y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q"),
        _pixel_text(text, ys, color=MUTED, style="italic"),
    ]


def _pixel_text(frame: pd.DataFrame, ys, color: str = TEXT_COLOR, align: str = "left",
                x_scale=None, **mark) -> alt.Chart:
    """Text at pixel positions (x px from the left, y px from the top)."""
    xs = x_scale or alt.Scale(domain=[0, PLOT_WIDTH], range=[0, PLOT_WIDTH], nice=False,
                              zero=False)
    style = mark.pop("style", "normal")
    return alt.Chart(frame).mark_text(align=align, baseline="middle", color=color,
                                      fontStyle=style, font=FONT, fontSize=FONT_PX,
                                      **mark).encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None), text="t:N")


def _lane_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    lanes = layout.lanes.copy()
    names = pd.DataFrame({"x": [0.0] * len(lanes), "y": lanes["top"] + BOX_PX / 2,
                          "t": lanes["lane"]})
    seps = pd.DataFrame({"y": lanes["bottom"].iloc[:-1]}) if len(lanes) > 1 else None
    layers = [_pixel_text(names, ys, color=MUTED, x_scale=_px_x(layout), fontWeight="bold")]
    if seps is not None:
        layers.append(alt.Chart(seps).mark_rule(color=GRID).encode(
            y=alt.Y("y:Q", scale=ys, axis=None)))
    return layers


def _px_x(layout) -> alt.Scale:
    return alt.Scale(domain=[0, layout.width], range=[0, layout.width], nice=False, zero=False)


def _label_layers(layout: TimelineLayout, pts: pd.DataFrame, ys) -> list[alt.Chart]:
    layers = _number_layers(layout, ys)
    if not layout.labels:
        return layers
    radius = dict(zip(pts["event_id"], pts["radius"], strict=True))
    point_y = dict(zip(pts["event_id"], pts["y"], strict=True))

    def leader_end(b: LabelBox) -> float:
        r = radius.get(b.key, 4) + 1
        if b.below:
            return point_y.get(b.key, b.anchor_y - 12) + r
        return point_y.get(b.key, b.anchor_y + 12) - r

    boxes = pd.DataFrame([{
        "x": b.text_x, "y": (b.y0 + b.y1) / 2, "t": b.text, "align": b.align,
        "lx": b.anchor_x, "ly0": b.y0 if b.below else b.y1, "ly1": leader_end(b),
    } for b in layout.labels])
    xs = _px_x(layout)
    leaders = alt.Chart(boxes).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=xs, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=None), y2="ly1:Q")
    return [leaders] + [_pixel_text(boxes[boxes["align"] == a], ys, align=a, x_scale=xs)
                        for a in ("left", "right") if (boxes["align"] == a).any()] + layers


def _number_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    """Circled numbers beside key events no label fits; the key under the axis explains them."""
    if not layout.numbers:
        return []
    tags = pd.DataFrame([{"x": (b.x0 + b.x1) / 2, "y": (b.y0 + b.y1) / 2, "t": b.text}
                         for b in layout.numbers])
    xs = _px_x(layout)
    ring = alt.Chart(tags).mark_point(shape="circle", size=150, color=DARK_GREY, filled=False,
                                      strokeWidth=1).encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None))
    return [ring, _pixel_text(tags, ys, align="center", x_scale=xs)]


def _key_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    boxes = dict(layout.headers)
    stated, uncertain, rng = boxes["key:stated"], boxes["key:uncertain"], boxes["key:range"]
    y = BOX_PX / 2
    xs = _px_x(layout)
    marks = pd.DataFrame({"x": [stated.x0 + 6, uncertain.x0 + 6], "y": [y, y],
                          "fill": [DARK_GREY, "white"]})
    rule = pd.DataFrame({"x0": [rng.x0], "x1": [rng.x0 + 12], "y": [y]})
    texts = pd.DataFrame({"x": [stated.x0 + 16, uncertain.x0 + 16, rng.x0 + 16], "y": [y] * 3,
                          "t": [STATED_MARK, UNCERTAIN_MARK, "date range"]})
    return [
        alt.Chart(marks).mark_point(filled=False, strokeWidth=2, size=50, color=DARK_GREY).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None),
            fill=alt.Fill("fill:N", scale=None)),
        alt.Chart(rule).mark_rule(strokeWidth=2, color=GREY).encode(
            x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None)),
        _pixel_text(texts, ys, color=MUTED, x_scale=xs),
    ]


# --- 2. trust index -----------------------------------------------------------------------------

def turning_points(trust_index: pd.DataFrame | None, limit: int = 3) -> pd.DataFrame:
    """The largest day-to-day drops of the index: date, change, index, events."""
    frame = _trust_frame(trust_index)
    if len(frame) < 2:
        return pd.DataFrame(columns=["date", "change", "index", "events"])
    frame["change"] = frame["index"].diff()
    drops = frame[frame["change"] < 0].sort_values(["change", "date"]).head(limit)
    return drops[["date", "change", "index", "events"]].sort_values("date").reset_index(drop=True)


find_turning_points = turning_points  # trust_chart's parameter shadows the name


def _trust_frame(trust_index: pd.DataFrame | None) -> pd.DataFrame:
    if trust_index is None or trust_index.empty or "index" not in trust_index.columns:
        return pd.DataFrame(columns=["date", "day", "index", "low", "high", "n_signals",
                                     "n_origins", "events"])
    out = pd.DataFrame({"date": _col(trust_index, "date"), "events": _col(trust_index, "events")})
    out["day"] = out["date"].map(to_date)
    out["index"] = pd.to_numeric(_col(trust_index, "index"), errors="coerce")
    for name in ("low", "high"):
        values = pd.to_numeric(_col(trust_index, name), errors="coerce")
        out[name] = values.fillna(out["index"])
    for name in ("n_signals", "n_origins"):
        out[name] = _num(trust_index, name).astype(int)
    out = out[out["day"].notna() & out["index"].notna()]
    return out.sort_values("date").reset_index(drop=True)


def _event_labels(events: pd.DataFrame | None) -> dict[str, str]:
    if events is None or events.empty:
        return {}
    return dict(zip(_col(events, "event_id"), _col(events, "label"), strict=True))


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    span = max(hi - lo, 1e-9)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks, value = [], first
    while value <= hi + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


@dataclass(frozen=True)
class TrustLayout:
    """The trust chart's geometry: turning-point labels sit in a head band (pixels
    0..head_px from the top) above the highest value of the index and its band."""

    frame: pd.DataFrame  # the index, parsed and sorted
    labels: list[LabelBox]  # y in pixels from the top, all within the head band
    lo: float  # bottom of the value axis
    hi: float  # top of the value axis (>= every value, high bound and 0)
    top: float  # the value at pixel 0 (above hi: the head band)
    ticks: list[float]
    tick_format: str
    head_px: float
    start: pd.Timestamp
    end: pd.Timestamp
    width: float
    height: float

    def y_of(self, px: float) -> float:
        """Pixel from the top -> value."""
        return self.top - px / self.height * (self.top - self.lo)

    def px_of(self, value: float) -> float:
        """Value -> pixel from the top."""
        return (self.top - value) / (self.top - self.lo) * self.height


def _tick_step(lo: float, hi: float, count: int = 5) -> float:
    raw = max(hi - lo, 1e-9) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def tick_format(ticks: Sequence[float]) -> str:
    """A plain d3 number format with as many decimals as the ticks need (never 1e+1)."""
    for decimals in range(0, 4):
        if all(abs(round(t, decimals) - t) < 1e-9 for t in ticks):
            return f",.{decimals}f"
    return ",.3f"


def trust_layout(trust_index: pd.DataFrame | None, events: pd.DataFrame | None = None,
                 turning_points: pd.DataFrame | Sequence[str] | None = None, *, start=None,
                 end=None, width: float = PLOT_WIDTH - 40, height: float = 260
                 ) -> TrustLayout:
    """Value axis (including 0 and the whole band, on round ticks) and label boxes."""
    frame = _trust_frame(trust_index)
    drops = _resolve_drops(frame, turning_points) if len(frame) else frame
    start_ts, end_ts = _window(frame.rename(columns={"day": "first"}).assign(last=frame["day"]),
                               start, end)
    labels = _event_labels(events)
    notes = []
    for row in drops.itertuples():
        names = [labels.get(e, e) for e in as_list(row.events)]
        change = f"{row.change:+.2f}".replace("-", "−")
        text = f"{change} on {day_label(to_date(row.date))[:-5]}"
        notes.append((row.date, _x_pixels(to_date(row.date), start_ts, end_ts, width),
                      text + (f": {names[0]}" if names else "")))
    boxes = pack_labels(notes, width, base_y=0.0, max_rows=3)
    n_rows = 1 + max((b.row for b in boxes), default=-1)
    boxes = [_shift(b, n_rows * ROW_PX) for b in boxes]
    head_px = n_rows * ROW_PX + (8 if boxes else 0)
    values = [*frame["low"], *frame["high"], *frame["index"], 0.0]
    lo, hi = min(values), max(values)
    step = _tick_step(lo, hi, count=6)
    lo, hi = math.floor(lo / step - 1e-9) * step, math.ceil(hi / step + 1e-9) * step
    ticks = _nice_ticks(lo, hi + step / 2)[:int(round((hi - lo) / step)) + 1]
    top = hi + (hi - lo) * head_px / max(height - head_px, 1)
    return TrustLayout(frame, boxes, lo, hi, top, ticks, tick_format(ticks), head_px, start_ts,
                       end_ts, width, height)


def trust_chart(trust_index: pd.DataFrame | None, events: pd.DataFrame | None = None,
                turning_points: pd.DataFrame | Sequence[str] | None = None, *, start=None,
                end=None, width: int = PLOT_WIDTH - 40, height: int = 260,
                index_title: str = "trust index") -> alt.LayerChart | alt.Chart:
    """The index over time with its uncertainty band (both drawn only between the index's
    own dates, linearly), a zero rule, and its largest drops labelled above the data."""
    layout = trust_layout(trust_index, events, turning_points, start=start, end=end,
                          width=width, height=height)
    frame = layout.frame
    if frame.empty:
        return no_data_chart("No trust index: no trust signals were found for this pair.",
                             width)
    labels = _event_labels(events)
    data = frame.assign(x_ms=frame["day"].map(epoch_ms),
                        event_names=frame["events"].map(
                            lambda v: "; ".join(labels.get(e, e) for e in as_list(v))),
                        when=frame["day"].map(day_label))
    data = data.drop(columns=["day"])
    xs = _time_scale(layout.start, layout.end, width)
    ys = alt.Scale(domain=[layout.lo, layout.top], nice=False, zero=False)
    x = alt.X("x_ms:T", scale=xs, axis=None)
    y_axis = alt.Axis(values=layout.ticks, title=index_title, format=layout.tick_format,
                      domain=False)
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("index:Q", format=".2f"),
               alt.Tooltip("low:Q", format=".2f"), alt.Tooltip("high:Q", format=".2f"),
               alt.Tooltip("n_signals:Q", title="signals"),
               alt.Tooltip("n_origins:Q", title="independent origins"),
               alt.Tooltip("event_names:N", title="events")]
    layers = [
        base.mark_area(color=OKABE_ITO["blue"], opacity=0.15, interpolate="linear").encode(
            x=x, y=alt.Y("low:Q", scale=ys, axis=y_axis), y2="high:Q"),
        alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
            y=alt.Y("zero:Q", scale=ys, axis=y_axis)),
        base.mark_line(color=OKABE_ITO["blue"], strokeWidth=2, interpolate="linear").encode(
            x=alt.X("x_ms:T", scale=xs,
                    axis=_time_axis(layout.start, layout.end, layout.width)),
            y=alt.Y("index:Q", scale=ys, axis=y_axis)),
        base.mark_point(filled=True, color=OKABE_ITO["blue"], size=36, opacity=1).encode(
            x=x, y=alt.Y("index:Q", scale=ys, axis=y_axis), tooltip=tooltip),
    ]
    layers += _drop_layers(layout.labels, frame, layout.y_of, ys, y_axis, width)
    return alt.layer(*layers).resolve_scale(x="independent").properties(width=width,
                                                                        height=height)


def _resolve_drops(frame: pd.DataFrame, chosen) -> pd.DataFrame:
    """Computed drops by default; or the caller's frame, or the caller's dates."""
    drops = find_turning_points(frame)
    if chosen is None:
        return drops
    if isinstance(chosen, pd.DataFrame):
        return chosen
    frame = frame.assign(change=frame["index"].diff().fillna(0.0))
    return frame[frame["date"].isin(list(chosen))][["date", "change", "index", "events"]]


def _drop_layers(boxes, frame, y_of, ys, y_axis, width) -> list[alt.Chart]:
    if not boxes:
        return []
    value = dict(zip(frame["date"], frame["index"], strict=True))
    rows = pd.DataFrame([{
        "x": b.text_x, "align": b.align, "t": b.text, "y": y_of((b.y0 + b.y1) / 2),
        "lx": b.anchor_x, "ly0": y_of(b.y1), "ly1": value.get(b.key, 0.0),
    } for b in boxes])
    px = alt.Scale(domain=[0, width], range=[0, width], nice=False, zero=False)
    leaders = alt.Chart(rows).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=px, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=y_axis),
        y2="ly1:Q")
    texts = [alt.Chart(rows[rows["align"] == a]).mark_text(
        align=a, baseline="middle", font=FONT, fontSize=FONT_PX, color=TEXT_COLOR).encode(
        x=alt.X("x:Q", scale=px, axis=None), y=alt.Y("y:Q", scale=ys, axis=y_axis), text="t:N")
        for a in ("left", "right") if (rows["align"] == a).any()]
    return [leaders, *texts]


# --- 3. notice ledger ---------------------------------------------------------------------------

# x positions: an ordinal scale of notice, with 'unknown' set apart from the ordered classes.
NOTICE_X = {"none": 0.0, "minutes": 1.0, "hours": 2.0, "days": 3.0, "unknown": 4.4}


def _accounts(value: str) -> tuple[int, dict[str, int]]:
    """Parse the ledger's accounts cell: '3', 'none:2;minutes:1' or a list of account ids."""
    text = str(value or "").strip()
    if not text:
        return 0, {}
    if text.isdigit():
        return int(text), {}
    items = [part for item in as_list(text) for part in item.split(",") if part.strip()]
    split = {}
    for item in items:
        name, _, count = item.partition(":")
        if name.strip() in NOTICE_X and count.strip().isdigit():
            split[name.strip()] = split.get(name.strip(), 0) + int(count)
    return (sum(split.values()), split) if split else (len(items), {})


def accounts_text(value: str, documents: pd.DataFrame | None = None) -> str:
    """The ledger's accounts made readable: document ids become outlet names
    ('minutes: The Jerusalem Post, unknown #2; none: Caliber.Az'); other text is kept."""
    names = {d: full for d, (_, full) in outlet_labels(documents).items()}
    groups: list[tuple[str, list[str]]] = []
    for item in as_list(value):
        head, sep, rest = item.partition(":")
        if sep and head.strip() in NOTICE_X:
            groups.append((head.strip(), []))
            item = rest
        if not groups:
            groups.append(("", []))
        groups[-1][1].extend(names.get(p.strip(), p.strip()) for p in item.split(",")
                             if p.strip())
    return "; ".join(f"{k}: {', '.join(v)}" if k else ", ".join(v) for k, v in groups)


def notice_ledger_chart(notice_ledger: pd.DataFrame | None, documents: pd.DataFrame | None = None,
                        *, width: int = PLOT_WIDTH, label_chars: int = 48
                        ) -> alt.LayerChart | alt.Chart:
    """Operation by operation (sorted by date, undated last), how much notice the US got,
    as reported; the tooltip lists the accounts by outlet."""
    if notice_ledger is None or notice_ledger.empty:
        return no_data_chart("No operations with a notice account in this period.", width)
    rows = []
    for r in notice_ledger.assign(**{c: _col(notice_ledger, c) for c in
                                     ("event_id", "label", "date", "notice", "accounts",
                                      "evidence", "outlets")}).itertuples():
        day = to_date(r.date)
        notice = r.notice if r.notice in NOTICE_X else "unknown"
        total, split = _accounts(r.accounts)
        when = f"{day.day} {day:%b}" if day is not None else "undated"
        rows.append({"event_id": r.event_id, "sort": r.date or "9999", "notice": notice,
                     "row": f"{when} · {r.label or r.event_id}",
                     "x": NOTICE_X[notice], "accounts": total,
                     "accounts_text": str(total) if total else "",
                     "split": ", ".join(f"{k}: {v}" for k, v in split.items()),
                     "by_outlet": short(accounts_text(r.accounts, documents), 240) or "-",
                     "evidence": short(r.evidence, 240),
                     "outlets": ", ".join(as_list(r.outlets)) or "unknown outlet"})
    data = pd.DataFrame(rows).sort_values(["sort", "event_id"]).reset_index(drop=True)
    data["row"] = unique_row_labels(list(data["row"]), label_chars)
    order = list(data["row"])
    label_px = min(max(len(t) for t in order) * CHAR_PX + 8, width * 0.5)
    plot_w = width - label_px
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False, labelPadding=6))
    xs = alt.Scale(domain=[-0.5, NOTICE_X["unknown"] + 0.6], nice=False, zero=False)
    x_axis = alt.Axis(values=list(NOTICE_X.values()), labelExpr=_notice_label_expr(),
                      title="advance notice as reported (beside each dot: accounts)",
                      grid=False, domain=False, ticks=False, orient="top")
    base = alt.Chart(data).encode(y=y)
    guide = pd.DataFrame({"x": [(NOTICE_X["days"] + NOTICE_X["unknown"]) / 2]})
    tooltip = [alt.Tooltip("row:N", title="operation"), alt.Tooltip("notice:N"),
               alt.Tooltip("accounts:Q"), alt.Tooltip("by_outlet:N", title="accounts by outlet"),
               alt.Tooltip("outlets:N"), alt.Tooltip("evidence:N")]
    layers = [
        base.mark_rule(color=GRID, strokeWidth=1).encode(
            x=alt.X("lo:Q", scale=xs, axis=x_axis), x2="hi:Q").transform_calculate(
            lo=f"{NOTICE_X['none']}", hi=f"{NOTICE_X['unknown']}"),
        alt.Chart(guide).mark_rule(color=LIGHT_GREY, strokeDash=[3, 3]).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis)),
        base.mark_point(filled=True, size=140, opacity=1).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis),
            color=alt.Color("notice:N", scale=color_scale(NOTICE_COLORS), legend=None),
            tooltip=tooltip),
        base.mark_text(align="left", baseline="middle", font=FONT, fontSize=FONT_PX,
                       color=MUTED, dx=10).encode(
            x=alt.X("x:Q", scale=xs, axis=x_axis), text="accounts_text:N"),
    ]
    return alt.layer(*layers).properties(width=plot_w, height=max(26 * len(order), 40))


def _notice_label_expr() -> str:
    parts = [f"datum.value == {x} ? '{name}'" for name, x in NOTICE_X.items()]
    return " : ".join(parts) + " : ''"


# --- 4. communication cadence -------------------------------------------------------------------

CADENCE_COLUMNS = ("channel", "channel_label", "actors", "as_of", "last_contact",
                   "last_contact_label", "last_contact_status", "days_since",
                   "previous_gap_days", "previous_gap_basis", "stated_gaps", "stated_counts",
                   "next_planned", "evidence", "doc_ids")
CONTACT_COLUMNS = ("channel", "event_id", "date", "date_basis", "label", "event_type", "status",
                   "evidence", "doc_ids", "outlets")
CONTACT_STATUSES = ("asserted", "planned", "blocked")
CONTACT_SHAPES = {"asserted": "circle", "planned": "circle", "blocked": "cross"}
CONTACT_COLORS = {"asserted": LANE_COLORS["contacts"], "planned": LANE_COLORS["contacts"],
                  "blocked": OKABE_ITO["vermillion"]}
GAP_KEY = "time without contact"
CONTACT_KEY = {"asserted": "contact", "planned": "planned contact", "blocked": "blocked contact"}
# Old cadence rows (one per statement) whose basis says what the row is.
_STATED_GAP_BASES = ("stated", "stated-duration")
_STATED_COUNT_BASES = ("stated-count",)
DOT_R = 5.0


# Cell notations of the metrics stage: 'nearly 50 days (d39974e08cc)' cites its documents;
# next_planned reads 'LABEL (YYYY-MM-DD, STATUS)'.
_CITED_DOCS = re.compile(r"\s*\((?P<ids>d[0-9a-f]{10}(?:[;, ]+d[0-9a-f]{10})*)\)\s*$")
_PLANNED = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:\s*,\s*(?P<status>[a-z]+))?")


def split_cited(item: str) -> tuple[str, list[str]]:
    """'nearly 50 days (d39974e08cc)' -> ('nearly 50 days', ['d39974e08cc'])."""
    match = _CITED_DOCS.search(item)
    if not match:
        return item.strip(), []
    return item[:match.start()].strip(), re.findall(r"d[0-9a-f]{10}", match["ids"])


def stated_items(value) -> list[str]:
    """A ';'-joined stated_gaps / stated_counts cell as plain phrases (doc ids dropped)."""
    return [split_cited(v)[0] for v in as_list(value) if split_cited(v)[0]]


def parse_planned(value: str) -> tuple[str, str, str]:
    """next_planned -> (label, ISO date, status), from 'Call (planned) - 2024-10-09, planned',
    'Call (2024-10-09, blocked)' or a bare date. The status defaults to 'planned'."""
    text = str(value or "").strip()
    match = _PLANNED.search(text)
    if not match or to_date(match["date"]) is None:
        return text, "", "planned"
    label = re.sub(r"\s*\((?:planned|blocked)\)\s*$", "", text[:match.start()].rstrip(" -:(,"))
    status = match["status"] if match["status"] in CONTACT_STATUSES else "planned"
    return label.strip(), match["date"], status


def _days(value) -> int | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(round(float(number)))


def cadence_channels(cadence: pd.DataFrame | None, as_of=None) -> pd.DataFrame:
    """One row per channel with the CADENCE_COLUMNS (all strings), sorted by channel label.

    Reads the current table (one row per channel) and the older one (one row per
    statement: channel, last_contact, date, days_since, basis, value, channel_name).
    """
    if cadence is None or cadence.empty or "channel" not in cadence.columns:
        return pd.DataFrame(columns=list(CADENCE_COLUMNS))
    if "channel_label" in cadence.columns:
        frame = pd.DataFrame({c: _col(cadence, c) for c in CADENCE_COLUMNS})
    else:
        frame = _cadence_from_statements(cadence, as_of)
    frame = frame[frame["channel"] != ""].drop_duplicates("channel")
    frame["channel_label"] = frame["channel_label"].where(frame["channel_label"] != "",
                                                          frame["channel"])
    return frame.reset_index(drop=True)  # the metrics stage's order


def _cadence_from_statements(cadence: pd.DataFrame, as_of) -> pd.DataFrame:
    """The older per-statement cadence table folded into one row per channel."""
    old = pd.DataFrame({c: _col(cadence, c) for c in
                        ("channel", "channel_name", "last_contact", "date", "days_since",
                         "basis", "value", "evidence", "doc_ids")})
    rows = []
    for channel, group in old.groupby("channel", sort=True):
        stated = group[group["basis"].isin(_STATED_GAP_BASES)]
        counts = group[group["basis"].isin(_STATED_COUNT_BASES)]
        dated = group[~group["basis"].isin(_STATED_GAP_BASES + _STATED_COUNT_BASES)
                      & (group["last_contact"] != "")]
        gaps = [d for d in map(_days, stated["days_since"]) if d is not None]
        last = max(dated["last_contact"], default="")
        if not last and len(stated):
            last = max(stated["date"], default="")
        day = to_date(as_of) or to_date(max(group["date"], default=""))
        since = "" if not last or day is None else str((day - to_date(last)).days)
        top = (stated if gaps else group).iloc[0]
        rows.append({
            "channel": channel, "channel_label": max(group["channel_name"], key=len) or channel,
            "actors": "", "as_of": "" if day is None else f"{day:%Y-%m-%d}", "last_contact": last,
            "last_contact_label": "", "last_contact_status": "asserted" if last else "",
            "days_since": since, "previous_gap_days": str(max(gaps)) if gaps else "",
            "previous_gap_basis": "stated" if gaps else "",
            "stated_gaps": ";".join(v for v in stated["value"] if v),
            "stated_counts": ";".join(v for v in counts["value"] if v),
            "next_planned": "", "evidence": top["evidence"], "doc_ids": top["doc_ids"]})
    return pd.DataFrame(rows, columns=list(CADENCE_COLUMNS))


def cadence_contacts(channels: pd.DataFrame, contacts: pd.DataFrame | None = None,
                     events: pd.DataFrame | None = None,
                     blocked_types: Sequence[str] = ("visit_blocked",)) -> pd.DataFrame:
    """Dated contacts per channel (CONTACT_COLUMNS + day), one row per channel and event.

    Without a contacts table, each channel's last contact and next planned date stand in,
    and blocked events whose actors include a channel's actors are added to it.
    """
    if contacts is not None and not contacts.empty and "channel" in contacts.columns:
        frame = pd.DataFrame({c: _col(contacts, c) for c in CONTACT_COLUMNS})
    else:
        frame = _contacts_from_channels(channels, events, blocked_types)
    frame = frame.assign(status=frame["status"].where(frame["status"].isin(CONTACT_STATUSES),
                                                      "asserted"))
    frame["day"] = frame["date"].map(to_date)
    frame = frame[frame["day"].notna() & frame["channel"].isin(set(channels["channel"]))]
    frame = frame.drop_duplicates(["channel", "event_id", "date", "status"])
    return frame.sort_values(["channel", "date", "event_id"]).reset_index(drop=True)


def _contacts_from_channels(channels, events, blocked_types) -> pd.DataFrame:
    rows = []
    for r in channels.itertuples():
        if r.last_contact:
            rows.append({"channel": r.channel, "event_id": f"{r.channel}:last",
                         "date": r.last_contact, "label": r.last_contact_label,
                         "status": r.last_contact_status, "evidence": r.evidence,
                         "doc_ids": r.doc_ids})
        label, date, status = parse_planned(r.next_planned)
        if date and date != r.last_contact:
            rows.append({"channel": r.channel, "event_id": f"{r.channel}:next",
                         "date": date, "label": label, "status": status, "doc_ids": r.doc_ids})
    ev = event_frame(events)
    blocked = ev[ev["event_type"].isin(blocked_types)]
    for r in channels.itertuples():
        actors = set(as_list(r.actors))
        if any(row["channel"] == r.channel and row["status"] == "blocked" for row in rows):
            continue
        for e in blocked.itertuples():
            # all of the channel's actors take part (the metrics stage's rule for contacts)
            if actors and actors <= set(as_list(_col(events, "actors")[e.Index])):
                rows.append({"channel": r.channel, "event_id": e.event_id, "date": e.date,
                             "label": e.label, "event_type": e.event_type, "status": "blocked",
                             "evidence": e.evidence, "doc_ids": e.doc_ids})
    frame = pd.DataFrame(rows, columns=list(CONTACT_COLUMNS), dtype=object)
    return frame.fillna("")


@dataclass(frozen=True)
class CadenceLayout:
    """The cadence chart in pixels: lanes, contact dots, gap bars and labels."""

    lanes: pd.DataFrame  # channel, header, top, point_y, bottom
    points: pd.DataFrame  # one dot per contact: x, y, status and tooltip fields
    gaps: pd.DataFrame  # channel, x0, x1, y, days, text
    labels: list[LabelBox]
    headers: list[tuple[str, Box]]  # key items and lane headers
    start: pd.Timestamp
    end: pd.Timestamp
    as_of: pd.Timestamp
    width: float
    height: float

    def occupied(self) -> list[Box]:
        marks = [Box(r.x - DOT_R, r.x + DOT_R, r.y - DOT_R, r.y + DOT_R)
                 for r in self.points.itertuples()]
        return marks + [box for _, box in self.headers]


def gap_text(days: int, basis: str) -> str:
    """'~50 days without contact (stated)': stated gaps are approximate."""
    if basis == "stated":
        return f"~{days} days without contact (stated)"
    return f"{days} days without contact (between dated contacts)"


def _contact_text(r) -> str:
    return f"{r.status} {day_label(r.day)[:-5]}: {r.label}" if r.label else \
        f"{r.status} {day_label(r.day)[:-5]}"


def cadence_layout(cadence: pd.DataFrame | None, contacts: pd.DataFrame | None = None,
                   events: pd.DataFrame | None = None, as_of=None, width: float = PLOT_WIDTH,
                   blocked_types: Sequence[str] = ("visit_blocked",)) -> CadenceLayout:
    """Place lanes, dots, gap bars and labels in pixels (pure; no Altair)."""
    channels = cadence_channels(cadence, as_of)
    points = cadence_contacts(channels, contacts, events, blocked_types)
    stated = [d for d in map(to_date, channels["as_of"]) if d is not None]
    as_of_ts = (max(stated) if stated else to_date(as_of)) or max(
        list(points["day"]) or [pd.Timestamp("2000-01-01")])
    gaps = _gap_rows(channels)
    days = list(points["day"]) + list(gaps["first"]) + list(gaps["last"]) + [as_of_ts]
    start, end = min(days) - pd.Timedelta(days=3), max(days) + pd.Timedelta(days=3)

    def px(day):
        return _x_pixels(day, start, end, width)

    headers = _cadence_key(width)
    lane_rows, labels = [], []
    points = points.assign(x=points["day"].map(px), y=0.0)
    gaps = gaps.assign(x0=gaps["first"].map(px), x1=gaps["last"].map(px), y=0.0)
    y = 2 * ROW_PX
    for ch in channels.itertuples():
        counts = ", ".join(stated_items(ch.stated_counts))
        header = ch.channel_label + (f"  ·  stated: {counts}" if counts else "")
        header = short(header, int(width / CHAR_PX) - 1)
        headers.append((f"lane:{ch.channel}", Box(0, text_width(header), y, y + BOX_PX)))
        mine = points[points["channel"] == ch.channel]
        gap = gaps[gaps["channel"] == ch.channel]
        items = [(f"gap:{ch.channel}", (g.x0 + g.x1) / 2, g.text) for g in gap.itertuples()]
        items += [(f"{ch.channel}:{r.event_id}:{r.status}", r.x, short(_contact_text(r), 48))
                  for r in mine.itertuples() if r.status != "asserted"]
        trial = pack_labels(items, width, base_y=0.0, max_rows=2)
        n_rows = 1 + max((b.row for b in trial), default=-1)
        point_y = y + BOX_PX + 6 + n_rows * ROW_PX + DOT_R + 4
        labels += [_shift(b, point_y - DOT_R - 3) for b in trial]
        slots = _dot_slots(mine)
        for index, slot in slots.items():
            points.loc[index, "y"] = point_y + slot * (2 * DOT_R + 2)
        gaps.loc[gap.index, "y"] = point_y
        bottom = point_y + max(slots.values(), default=0) * (2 * DOT_R + 2) + DOT_R + 8
        lane_rows.append({"channel": ch.channel, "header": header, "top": y,
                          "point_y": point_y, "bottom": bottom})
        y = bottom
    lanes = pd.DataFrame(lane_rows, columns=["channel", "header", "top", "point_y", "bottom"])
    return CadenceLayout(lanes, points.reset_index(drop=True), gaps.reset_index(drop=True),
                         labels, headers, start, end, as_of_ts, width, float(y + 2))


def silence_is_current(ch) -> bool:
    """A stated gap that matches the days since the last contact describes the silence
    after it (up to the time of writing), not a gap before it."""
    gap, since = _days(ch.previous_gap_days), _days(ch.days_since)
    return bool(gap and since is not None and abs(gap - since) <= max(7, 0.2 * gap))


def _gap_rows(channels: pd.DataFrame) -> pd.DataFrame:
    """The gap bar of each channel: before the last contact, or after it when it is the
    current silence (then it ends at the next planned contact or as-of date). A silence
    reported without any dated contact ends at the time of writing (as-of)."""
    rows = []
    for ch in channels.itertuples():
        last, days = to_date(ch.last_contact), _days(ch.previous_gap_days)
        as_of = to_date(ch.as_of)
        if not days or (last is None and as_of is None):
            continue
        basis = ch.previous_gap_basis or "events"
        if last is None:
            first, end = as_of - pd.Timedelta(days=days), as_of
        else:
            first, end = last - pd.Timedelta(days=days), last
        if last is not None and silence_is_current(ch):  # up to the time of writing, not past
            first, end = last, last + pd.Timedelta(days=days)
            end = min(end, to_date(ch.as_of) or end)
        rows.append({"channel": ch.channel, "first": first, "last": end, "days": days,
                     "basis": basis, "text": gap_text(days, basis),
                     "stated": ", ".join(stated_items(ch.stated_gaps)) or "-",
                     "evidence": short(ch.evidence, 240)})
    return pd.DataFrame(rows, columns=["channel", "first", "last", "days", "basis", "text",
                                       "stated", "evidence"])


def _dot_slots(points: pd.DataFrame) -> dict:
    """Dots closer than their diameter go to slots below the lane line (slot 0 = on it)."""
    taken: dict[int, list[float]] = {}
    slots = {}
    for r in points.sort_values(["x", "status", "event_id"]).itertuples():
        slot = 0
        while any(abs(r.x - x) < 2 * DOT_R + 1 for x in taken.get(slot, [])):
            slot += 1
        taken.setdefault(slot, []).append(r.x)
        slots[r.Index] = slot
    return slots


def _cadence_key(width: float) -> list[tuple[str, Box]]:
    headers, x = [], 0.0
    for status in CONTACT_STATUSES:
        w = 16 + text_width(CONTACT_KEY[status])
        headers.append((f"key:{status}", Box(x, x + w, 0, BOX_PX)))
        x += w + 14
    w = 26 + text_width(GAP_KEY)
    headers.append(("key:gap", Box(x, min(x + w, width), 0, BOX_PX)))
    return headers


def cadence_chart(cadence: pd.DataFrame | None, events: pd.DataFrame | None = None,
                  as_of=None, *, contacts: pd.DataFrame | None = None, width: int = PLOT_WIDTH,
                  blocked_types: Sequence[str] = ("visit_blocked",)) -> alt.LayerChart | alt.Chart:
    """One lane per channel: contacts as dots (filled asserted, hollow planned, x blocked),
    the time without contact as a labelled bar, stated counts beside the name.

    The table's own as_of date (when the gaps were measured) wins over `as_of`, which
    serves tables without one. A contacts table passed in place of `events` is read as
    `contacts` (both shapes of call are in use)."""
    if contacts is None and events is not None and "status" in events.columns \
            and "channel" in events.columns:
        events, contacts = None, events
    layout = cadence_layout(cadence, contacts, events, as_of, width, blocked_types)
    if layout.lanes.empty:
        return no_data_chart("No contact channel found in the articles.", width)
    ys = _pixel_scale(layout.height)
    xs = _px_x(layout)
    layers = _as_of_layers(layout, ys)
    headers = dict(layout.headers)
    names = pd.DataFrame({"x": [0.0] * len(layout.lanes),
                          "y": [headers[f"lane:{c}"].y0 + BOX_PX / 2 for c in
                                layout.lanes["channel"]],
                          "t": layout.lanes["header"]})
    layers.append(_pixel_text(names, ys, x_scale=xs, fontWeight="bold"))
    if len(layout.lanes) > 1:
        seps = pd.DataFrame({"y": list(layout.lanes["bottom"].iloc[:-1])})
        layers.append(alt.Chart(seps).mark_rule(color=GRID).encode(
            y=alt.Y("y:Q", scale=ys, axis=None)))
    if not layout.gaps.empty:
        gaps = layout.gaps.drop(columns=["first", "last"]).assign(
            when=[f"{day_label(f)} – {day_label(la)}" for f, la in
                  zip(layout.gaps["first"], layout.gaps["last"], strict=True)])
        layers.append(alt.Chart(gaps).mark_rule(strokeWidth=8, color=LIGHT_GREY).encode(
            x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None),
            tooltip=[alt.Tooltip("text:N", title="gap"), alt.Tooltip("when:N"),
                     alt.Tooltip("stated:N", title="as stated"), alt.Tooltip("evidence:N")]))
    layers += _cadence_label_layers(layout, ys, xs)
    layers += _contact_layers(layout, ys, xs)
    layers += _cadence_key_layers(layout, ys, xs)
    return alt.layer(*layers).resolve_scale(x="independent").properties(
        width=layout.width, height=layout.height)


def _as_of_layers(layout: CadenceLayout, ys) -> list[alt.Chart]:
    """The as-of rule; it also carries the time axis."""
    xs = _time_scale(layout.start, layout.end, layout.width)
    frame = pd.DataFrame({"x": [epoch_ms(layout.as_of)], "y0": [2 * ROW_PX - 4],
                          "y1": [layout.height], "t": [f"as of {day_label(layout.as_of)}"]})
    return [alt.Chart(frame).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
        x=alt.X("x:T", scale=xs, axis=_time_axis(layout.start, layout.end, layout.width)),
        y=alt.Y("y0:Q", scale=ys, axis=None),
        y2="y1:Q", tooltip=[alt.Tooltip("t:N", title="date")])]


def _cadence_label_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    if not layout.labels:
        return []
    rows = pd.DataFrame([{"x": b.text_x, "y": (b.y0 + b.y1) / 2, "t": b.text, "align": b.align,
                          "lx": b.anchor_x, "ly0": b.y1, "ly1": b.anchor_y + DOT_R - 3}
                         for b in layout.labels])
    leaders = alt.Chart(rows).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=xs, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=None), y2="ly1:Q")
    return [leaders] + [_pixel_text(rows[rows["align"] == a], ys, align=a, x_scale=xs,
                                    color=MUTED)
                        for a in ("left", "right") if (rows["align"] == a).any()]


def _contact_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    pts = layout.points
    if pts.empty:
        return []
    data = pd.DataFrame({
        "x": pts["x"], "y": pts["y"], "status": pts["status"],
        "label": pts["label"].where(pts["label"] != "", pts["event_id"]),
        "when": pts["day"].map(day_label), "basis": pts["date_basis"],
        "outlets": pts["outlets"].map(lambda v: ", ".join(as_list(v)) or "-"),
        "evidence": pts["evidence"].map(lambda t: short(t, 240))})
    tooltip = [alt.Tooltip("label:N", title="contact"), alt.Tooltip("status:N"),
               alt.Tooltip("when:N", title="date"), alt.Tooltip("basis:N", title="date basis"),
               alt.Tooltip("outlets:N"), alt.Tooltip("evidence:N")]
    layers = []
    for status in CONTACT_STATUSES:
        part = data[data["status"] == status]
        if part.empty:
            continue
        layers.append(alt.Chart(part).mark_point(**_contact_mark(status)).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None),
            tooltip=tooltip))
    return layers


def _contact_mark(status: str) -> dict:
    mark = {"shape": CONTACT_SHAPES[status], "color": CONTACT_COLORS[status], "opacity": 1,
            "size": (2 * DOT_R) ** 2, "strokeWidth": 2, "filled": status != "planned"}
    if status == "planned":
        mark["fill"] = "white"
    if status == "blocked":
        mark["angle"] = 45  # a cross turned into an x
    return mark


def _cadence_key_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    boxes = dict(layout.headers)
    y = BOX_PX / 2
    layers = []
    for status in CONTACT_STATUSES:
        box = boxes[f"key:{status}"]
        layers.append(alt.Chart(pd.DataFrame({"x": [box.x0 + 6], "y": [y]})).mark_point(
            **_contact_mark(status)).encode(x=alt.X("x:Q", scale=xs, axis=None),
                                             y=alt.Y("y:Q", scale=ys, axis=None)))
    gap = boxes["key:gap"]
    layers.append(alt.Chart(pd.DataFrame({"x0": [gap.x0], "x1": [gap.x0 + 20], "y": [y]}))
                  .mark_rule(strokeWidth=8, color=LIGHT_GREY).encode(
        x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None)))
    texts = pd.DataFrame({"x": [boxes[f"key:{s}"].x0 + 16 for s in CONTACT_STATUSES]
                          + [gap.x0 + 26], "y": [y] * 4,
                          "t": [CONTACT_KEY[s] for s in CONTACT_STATUSES]
                          + [GAP_KEY]})
    layers.append(_pixel_text(texts, ys, color=MUTED, x_scale=xs))
    return layers


# --- 5. corroboration matrix --------------------------------------------------------------------

UNKNOWN_OUTLET_VALUES = ("", "unknown", "unknown outlet", "none", "n/a")


def is_unknown_outlet(outlet: str) -> bool:
    return str(outlet).strip().lower() in UNKNOWN_OUTLET_VALUES


def document_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> the outlet, or 'unknown (file)' when the outlet is unknown."""
    if documents is None or documents.empty:
        return {}
    names = {}
    for doc_id, outlet, file, title in zip(_col(documents, "doc_id"), _col(documents, "outlet"),
                                           _col(documents, "file"), _col(documents, "title"),
                                           strict=True):
        known = not is_unknown_outlet(outlet)
        names[doc_id] = outlet if known else f"unknown ({short(file or title or doc_id, 18)})"
    return names


SHORT_OUTLET_CHARS = 14
_UNKNOWN_NAMED = re.compile(r"^unknown(?: outlet)?\s*\((?P<file>.*)\)$", re.IGNORECASE)


def short_outlet(name: str, limit: int = SHORT_OUTLET_CHARS) -> str:
    """An outlet name for a narrow column: a leading 'The ' goes first, then the tail."""
    text = " ".join(str(name).split())
    if len(text) > limit and text.lower().startswith("the "):
        text = text[4:]
    return short(text, limit)


def _unknown_files(documents: pd.DataFrame | None) -> list[str]:
    """Files of unknown-outlet documents in a stable order: they number 'unknown #1', '#2'..."""
    if documents is None or documents.empty:
        return []
    return sorted({f or d for d, f, o in zip(_col(documents, "doc_id"), _col(documents, "file"),
                                             _col(documents, "outlet"), strict=True)
                   if is_unknown_outlet(o)})


def outlet_labels(documents: pd.DataFrame | None, limit: int = SHORT_OUTLET_CHARS
                  ) -> dict[str, tuple[str, str]]:
    """doc_id -> (short name, full name): ('Caliber.Az', 'Caliber.Az') or
    ('unknown #2', 'unknown outlet (002_x.txt)'). Short names are unique."""
    if documents is None or documents.empty:
        return {}
    number = {f: i for i, f in enumerate(_unknown_files(documents), start=1)}
    out, fulls = {}, {}
    for doc_id, outlet, file in zip(_col(documents, "doc_id"), _col(documents, "outlet"),
                                    _col(documents, "file"), strict=True):
        if is_unknown_outlet(outlet):
            out[doc_id] = (f"unknown #{number[file or doc_id]}",
                           f"unknown outlet ({file or doc_id})")
        else:
            fulls[doc_id] = outlet
    shorts = short_outlet_names(list(dict.fromkeys(fulls.values())), limit=limit)
    out.update({d: (shorts[o], o) for d, o in fulls.items()})
    return out


def short_outlet_names(names: Sequence[str], documents: pd.DataFrame | None = None,
                       limit: int = SHORT_OUTLET_CHARS) -> dict[str, str]:
    """Full outlet name -> unique short name. 'unknown outlet (FILE)' becomes 'unknown #N',
    numbered by the documents' unknown-outlet files (else by the files named here)."""
    files = _unknown_files(documents)
    named = sorted({m["file"] for m in map(_UNKNOWN_NAMED.match, names) if m})
    files += [f for f in named if f not in files]
    number = {f: i for i, f in enumerate(files, start=1)}
    out, seen = {}, Counter()
    for name in dict.fromkeys(names):
        match = _UNKNOWN_NAMED.match(name)
        if match:
            out[name] = f"unknown #{number[match['file']]}"
        elif is_unknown_outlet(name):
            out[name] = "unknown outlet"
        else:
            text = short_outlet(name, limit)
            out[name] = text + "\u200b" * seen[text]  # invisible, keeps two outlets apart
            seen[text] += 1
    return out


def corroboration_cells(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                        mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (event, document): whether the document is an origin or a rewrite.

    A document counts as an independent origin of an event when its own outlet (or its
    doc_id) is among the event's origins; otherwise it repeats another outlet's report.
    `column` is the outlet's short name ('unknown #1'), `outlet` its full name.
    """
    frame = event_frame(events)
    labels = outlet_labels(documents)
    mention_docs: dict[str, list[str]] = {}
    for eid, doc in zip(_col(mentions, "event_id"), _col(mentions, "doc_id"), strict=True):
        if eid and doc:
            mention_docs.setdefault(eid, []).append(doc)
    rows = []
    for r in frame.itertuples():
        docs = list(dict.fromkeys(as_list(r.doc_ids) + mention_docs.get(r.event_id, [])))
        origins = set(as_list(r.origins))
        for doc in docs:
            column, outlet = labels.get(doc, (short(f"unknown ({doc})", SHORT_OUTLET_CHARS),
                                              f"unknown outlet ({doc})"))
            own = doc in origins or outlet in origins
            rows.append({"event_id": r.event_id, "label": r.label, "date": r.date,
                         "doc_id": doc, "column": column, "outlet": outlet,
                         "n_origins": r.n_origins,
                         "kind": ORIGIN_KINDS[0] if own else ORIGIN_KINDS[1],
                         "origins": ", ".join(sorted(origins)) or "unknown"})
    cols = ["event_id", "label", "date", "doc_id", "column", "outlet", "n_origins", "kind",
            "origins"]
    return pd.DataFrame(rows, columns=cols)


ORIGINS_TEXT_PX = 175  # room for '2 origins: Axios, The Wall…' right of the matrix


def corroboration_matrix(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                         mentions: pd.DataFrame | None = None, *, start=None, end=None,
                         include_undated: bool = True, width: int = PLOT_WIDTH,
                         label_chars: int = 40) -> alt.LayerChart | alt.Chart:
    """Events (rows, by date) x outlets (columns): who reported what, origin or rewrite.

    The text at the end of each row names the event's independent origins, which are
    often outlets outside the corpus (every document in the row is then a rewrite).
    """
    cells = corroboration_cells(events, documents, mentions)
    cells = cells[[_keep_date(d, start, end, include_undated) for d in cells["date"]]]
    if cells.empty:
        return no_data_chart("No event is linked to a document yet.", width)
    firsts = cells.drop_duplicates("event_id")
    firsts = firsts.assign(sort=firsts["date"].replace("", "9999")).sort_values(
        ["sort", "event_id"])
    rows = unique_row_labels([f"{_short_day(d)} · {lab or eid}" for d, lab, eid in
                              zip(firsts["date"], firsts["label"], firsts["event_id"],
                                  strict=True)], label_chars)
    row_of = dict(zip(firsts["event_id"], rows, strict=True))
    cells = cells.assign(row=cells["event_id"].map(row_of))
    order = rows
    columns = sorted(set(cells["column"]), key=_column_order)
    counts = firsts.assign(row=rows, t=[
        _origins_text(n, o) for n, o in zip(firsts["n_origins"], firsts["origins"],
                                            strict=True)])
    label_px = min(max(len(t) for t in order) * CHAR_PX + 8, width * 0.45)
    text_px = min(max(len(t) for t in counts["t"]) * CHAR_PX + 14, ORIGINS_TEXT_PX)
    col_px = max(min((width - label_px - text_px - 10) / len(columns), 64), 22)
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False, labelPadding=6))
    # Short names at 45 degrees: each fits in SHORT_OUTLET_CHARS, so none is cut.
    x = alt.X("column:N", sort=columns, title=None, scale=alt.Scale(domain=columns),
              axis=alt.Axis(orient="top", labelAngle=-45, labelLimit=COLUMN_LABEL_PX,
                            domain=False, ticks=False, labelAlign="left", labelPadding=4))
    tooltip = [alt.Tooltip("label:N", title="event"), alt.Tooltip("outlet:N", title="outlet"),
               alt.Tooltip("kind:N"), alt.Tooltip("origins:N", title="origins of the event")]
    matrix = alt.Chart(cells).mark_point(size=110, strokeWidth=2, shape="circle",
                                         stroke=OKABE_ITO["blue"], opacity=1).encode(
        x=x, y=y,
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=list(ORIGIN_KINDS),
                                                range=[OKABE_ITO["blue"], "white"]),
                      legend=alt.Legend(title=None, orient="bottom", direction="horizontal",
                                        symbolStrokeColor=OKABE_ITO["blue"],
                                        symbolStrokeWidth=2, symbolType="circle")),
        tooltip=tooltip,
    )
    # Row totals sit right of the last column (text past the plot, inside the chart width).
    totals = alt.Chart(counts.assign(column=columns[-1])).mark_text(
        align="left", baseline="middle", font=FONT, fontSize=FONT_PX, color=MUTED,
        dx=col_px / 2 + 8).encode(x=x, y=y, text="t:N",
                                  tooltip=[alt.Tooltip("origins:N", title="origins")])
    return alt.layer(matrix, totals).properties(width=col_px * len(columns),
                                                height=22 * len(order))


COLUMN_LABEL_PX = SHORT_OUTLET_CHARS * CHAR_PX + 8


def _column_order(column: str) -> tuple:
    """Named outlets alphabetically, then 'unknown #1', '#2' ... by number."""
    match = re.fullmatch(r"unknown #(\d+)", column)
    return (1, int(match[1]), "") if match else (0, 0, column.lower())


def _keep_date(date: str, start, end, include_undated: bool) -> bool:
    day = to_date(date)
    if day is None:
        return include_undated
    lo, hi = to_date(start), to_date(end)
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def _origins_text(n: int, origins: str) -> str:
    names = [o for o in origins.split(", ") if o and o != "unknown"]
    text = f"{n} origin{'s' if n != 1 else ''}"
    return text + (f": {short(', '.join(names), 16)}" if names else "")


def unique_row_labels(labels: Sequence[str], limit: int) -> list[str]:
    """Shortened labels made unique with invisible zero-width spaces, so two events with
    the same wording stay two rows of a chart."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        text = short(label, limit)
        count = seen.get(text, 0)
        seen[text] = count + 1
        out.append(text + "\u200b" * count)
    return out


def _short_day(date: str) -> str:
    day = to_date(date)
    return "undated" if day is None else f"{day.day} {day:%b}"


# --- 6. sourcing --------------------------------------------------------------------------------

# Where the count of claims citing another outlet lives, newest table shape first.
_CITED_COLUMNS = ("cited_outlet", "outlet_cited", "outlet.1", "cited")
_NAME_COLUMNS = ("publisher", "source", "outlet_name")
SOURCING_NAME_CHARS = 30  # the bars' y axis has room for longer names than matrix columns


def _sourcing_name_and_cited(table: pd.DataFrame) -> tuple[pd.Series, str | None]:
    """The column naming the reporting outlet, and the column counting cited-outlet claims.

    Current tables name the outlet in `outlet` and count in `cited_outlet`; an older one
    named it in `publisher` and counted cited outlets in a second `outlet` column.
    """
    name_col = next((c for c in _NAME_COLUMNS if c in table.columns), None)
    if name_col is None:
        names = _col(table, "outlet")
        cited = next((c for c in _CITED_COLUMNS if c in table.columns), None)
        return names, cited
    cited = next((c for c in _CITED_COLUMNS if c in table.columns), None)
    return _col(table, name_col), cited or ("outlet" if "outlet" in table.columns else None)


def sourcing_counts(table: pd.DataFrame | None, documents: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Long counts (outlet, outlet_full, speaker_type, count) from the sourcing table or from
    claims; `outlet` is the short name used on the chart ('unknown #1' for unknown outlets)."""
    cols = ["outlet", "outlet_full", "speaker_type", "count"]
    if table is None or table.empty:
        return pd.DataFrame(columns=cols)
    if "speaker_type" in table.columns:  # claims: count them per document's outlet
        labels = outlet_labels(documents, SOURCING_NAME_CHARS)
        pairs = _col(table, "doc_id").map(lambda d: labels.get(d, (f"unknown ({d})",) * 2))
        frame = pd.DataFrame({"outlet": pairs.map(lambda p: p[0]),
                              "outlet_full": pairs.map(lambda p: p[1]),
                              "speaker_type": _col(table, "speaker_type")})
        frame = frame[frame["speaker_type"].isin(SPEAKER_ORDER)]
        counts = frame.groupby(["outlet", "outlet_full", "speaker_type"]).size().rename("count")
        return counts.reset_index()[cols]
    names, cited = _sourcing_name_and_cited(table)
    short_of = short_outlet_names(list(names), documents, limit=SOURCING_NAME_CHARS)
    rows = []
    for i, outlet in enumerate(names):
        for kind in SPEAKER_ORDER:
            column = cited if kind == "outlet" else kind
            if column is None or column not in table.columns:
                continue
            value = pd.to_numeric(table[column].iloc[i], errors="coerce")
            if not pd.isna(value) and value > 0:
                rows.append({"outlet": short_of[outlet], "outlet_full": outlet or "unknown",
                             "speaker_type": kind, "count": int(value)})
    return pd.DataFrame(rows, columns=cols)


def sourcing_segments(counts: pd.DataFrame, width: float) -> pd.DataFrame:
    """Stacked bar segments (x0, x1 in claims) in the fixed speaker order, with `show`:
    whether the segment is wide enough (in px, at `width` for the longest bar) for its label."""
    order = {k: i for i, k in enumerate(SPEAKER_ORDER)}
    frame = counts.assign(order=counts["speaker_type"].map(order)).sort_values(
        ["outlet", "order"]).reset_index(drop=True)
    frame["x1"] = frame.groupby("outlet")["count"].cumsum().astype(float)
    frame["x0"] = frame["x1"] - frame["count"]
    frame["mid"] = (frame["x0"] + frame["x1"]) / 2
    top = max(float(frame["x1"].max()) if len(frame) else 1.0, 1.0)
    frame["show"] = [c / top * width >= text_width(str(c)) + 4 for c in frame["count"]]
    frame["kind"] = frame["speaker_type"].map(SPEAKER_LABELS)
    return frame


def sourcing_chart(table: pd.DataFrame | None, documents: pd.DataFrame | None = None, *,
                   width: int = PLOT_WIDTH) -> alt.LayerChart | alt.Chart:
    """Per outlet (y, by name), who its claims are attributed to: bars stacked by speaker type
    in the fixed colours, with the count inside each segment wide enough to hold it."""
    counts = sourcing_counts(table, documents)
    if counts.empty:
        return no_data_chart("No attributed claims found.", width)
    totals = counts.groupby("outlet")["count"].sum()
    outlets = sorted(totals.index, key=lambda o: (o.startswith("unknown"), -totals[o], o))
    label_px = min(max(len(o) for o in outlets) * CHAR_PX + 8, width * 0.4)
    plot_w = width - label_px - 30
    top = float(totals.max())
    segments = sourcing_segments(counts, plot_w)
    xs = alt.Scale(domain=[0, top], nice=False, zero=True)
    y = alt.Y("outlet:N", sort=outlets, title=None, scale=alt.Scale(domain=outlets),
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False))
    color = alt.Color("kind:N", title=None,
                      scale=alt.Scale(domain=[SPEAKER_LABELS[k] for k in SPEAKER_ORDER],
                                      range=[SPEAKER_COLORS[k] for k in SPEAKER_ORDER]),
                      legend=alt.Legend(orient="top", direction="horizontal", columns=3))
    tooltip = [alt.Tooltip("outlet_full:N", title="outlet"),
               alt.Tooltip("kind:N", title="attributed to"), alt.Tooltip("count:Q", title="claims")]
    base = alt.Chart(segments)
    bars = base.mark_bar(height=16, stroke="white", strokeWidth=1).encode(
        x=alt.X("x0:Q", scale=xs, title="attributed claims",
                axis=alt.Axis(format="d", values=_count_ticks(top))),
        x2="x1:Q", y=y, color=color, tooltip=tooltip)
    labels = base.mark_text(align="center", baseline="middle", font=FONT, fontSize=10).encode(
        x=alt.X("mid:Q", scale=xs), y=y, text=alt.Text("count:Q"),
        color=alt.condition(alt.datum.speaker_type == "named_official", alt.value("white"),
                            alt.value("black")),
    ).transform_filter(alt.datum.show)
    return alt.layer(bars, labels).properties(width=plot_w, height=26 * len(outlets))


def _count_ticks(top: float) -> list[int]:
    """Whole-number ticks at round steps (1, 2, 5, 10, 20, ...): counts never have halves."""
    raw = max(top / 6, 1)
    step = next(m * 10 ** e for e in range(0, 9) for m in (1, 2, 5) if m * 10 ** e >= raw)
    return list(range(0, int(top) + step, step))


# --- 7. framing ---------------------------------------------------------------------------------

# Names and pronoun phrases say little about framing; aliases and titles do.
FRAMING_KINDS = ("name", "alias", "title", "epithet")  # not pronoun phrases


def framing_counts(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None
                   ) -> pd.DataFrame:
    """Long counts: actor, side, outlet, surface, count (aliases and titles)."""
    cols = ["actor", "side", "outlet", "surface", "count"]
    if actor_mentions is None or actor_mentions.empty:
        return pd.DataFrame(columns=cols)
    names = document_names(documents)
    frame = pd.DataFrame({
        "actor": _col(actor_mentions, "actor"), "side": _col(actor_mentions, "side"),
        "outlet": _col(actor_mentions, "doc_id").map(lambda d: names.get(d, f"unknown ({d})")),
        "surface": _col(actor_mentions, "surface").map(lambda t: " ".join(t.split())),
        "kind": _col(actor_mentions, "kind", "name"),
    })
    frame = frame[(frame["actor"] != "") & (frame["surface"] != "")
                  & (frame["kind"].isin(FRAMING_KINDS) | (frame["kind"] == ""))]
    # Capitalisation is not framing: 'prime minister' and 'Prime Minister' are one term,
    # shown in its most frequent spelling.
    frame = frame.assign(key=frame["surface"].str.casefold())
    spelling = frame.groupby("key")["surface"].agg(lambda v: Counter(v).most_common(1)[0][0])
    frame = frame.assign(surface=frame["key"].map(spelling))
    counts = frame.groupby(["actor", "side", "outlet", "surface"]).size().rename("count")
    counts = counts.reset_index().sort_values(["actor", "outlet", "count", "surface"],
                                              ascending=[True, True, False, True])
    return counts[cols].reset_index(drop=True)


def framing_table(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None, *,
                  only_divergent: bool = True) -> pd.DataFrame:
    """Actor x outlet -> the words each outlet uses for the actor, with counts.

    Columns: actor, side, one column per outlet ('Defense Minister (2); Gallant (1)'),
    n_variants (distinct surface terms across outlets). With `only_divergent`, actors
    every outlet names the same way are left out: they say nothing about framing.
    """
    counts = framing_counts(actor_mentions, documents)
    if counts.empty:
        return pd.DataFrame(columns=["actor", "side", "n_variants"])
    outlets = sorted(set(counts["outlet"]), key=lambda o: (o.startswith("unknown"), o.lower()))
    rows = []
    for (actor, side), group in counts.groupby(["actor", "side"], sort=True):
        variants = group["surface"].nunique()
        used = {o: "; ".join(f"{r.surface} ({r.count})" for r in g.itertuples())
                for o, g in group.groupby("outlet")}
        if only_divergent and _same_words_everywhere(group):
            continue
        rows.append({"actor": actor, "side": side, **{o: used.get(o, "") for o in outlets},
                     "n_variants": variants})
    frame = pd.DataFrame(rows, columns=["actor", "side", *outlets, "n_variants"])
    return frame.sort_values(["n_variants", "actor"], ascending=[False, True]).reset_index(
        drop=True)


def _same_words_everywhere(group: pd.DataFrame) -> bool:
    per_outlet = group.groupby("outlet")["surface"].apply(frozenset)
    return per_outlet.nunique() <= 1


def framing_chart(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None, *,
                  width: int = PLOT_WIDTH, max_actors: int = 6) -> alt.LayerChart | alt.Chart:
    """Dot matrix: for each actor, which outlet uses which term (dot size = uses)."""
    counts = framing_counts(actor_mentions, documents)
    table = framing_table(actor_mentions, documents)
    counts = counts[counts["actor"].isin(list(table["actor"].head(max_actors)))]
    if counts.empty:
        return no_data_chart("All outlets name the actors the same way.", width)
    counts = counts.assign(term=[f"{a}: {s}" for a, s in zip(counts["actor"], counts["surface"],
                                                             strict=True)])
    terms = list(dict.fromkeys(counts.sort_values(["actor", "surface"])["term"]))
    outlets = sorted(set(counts["outlet"]), key=lambda o: (o.startswith("unknown"), o.lower()))
    label_px = min(max(len(t) for t in terms) * CHAR_PX + 8, width * 0.5)
    col_px = max(min((width - label_px - 110) / max(len(outlets), 1), 64), 18)
    sides = sorted(set(counts["side"]))
    return alt.Chart(counts).mark_circle(opacity=1).encode(
        x=alt.X("outlet:N", sort=outlets, title=None,
                axis=alt.Axis(orient="top", labelAngle=-30, labelAlign="left", labelLimit=200,
                              domain=False, ticks=False)),
        y=alt.Y("term:N", sort=terms, title=None,
                axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False)),
        size=alt.Size("count:Q", scale=alt.Scale(range=[40, 260]), legend=None),
        color=alt.Color("side:N", scale=alt.Scale(domain=sides,
                                                  range=[side_color(s) for s in sides]),
                        legend=alt.Legend(title=None, orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("outlet:N"), alt.Tooltip("surface:N"),
                 alt.Tooltip("count:Q", title="uses")],
    ).properties(width=col_px * len(outlets), height=22 * len(terms))
