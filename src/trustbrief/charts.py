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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


def _time_axis(title: str | None = None, **kw) -> alt.Axis:
    # The scale is UTC, so Vega formats these labels in UTC (no formatType needed).
    return alt.Axis(format="%-d %b", title=title, labelOverlap=True, grid=True, **kw)


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
    """The cheapest fitting box: lowest row, on the side facing the chart's middle."""
    w = text_width(text)
    right = min(max(anchor_x - 4, 0.0), max(width - w, 0.0))  # text runs right of the anchor
    left = min(max(anchor_x + 4 - w, 0.0), max(width - w, 0.0))  # text ends at the anchor
    sides = [(left, "right"), (right, "left")]
    if anchor_x <= width / 2:
        sides.reverse()
    candidates = sorted(
        ((row + FLIP_COST_ROWS * rank, row, x0, align)
         for row in range(max_rows) for rank, (x0, align) in enumerate(sides)),
        key=lambda c: c[0])
    for _, row, x0, align in candidates:
        y1 = base_y - row * ROW_PX
        box = LabelBox(key, text, x0, x0 + w, y1 - BOX_PX, y1, anchor_x, base_y, row, align)
        if _fits(box, placed, gap):
            return box
    return None


def _fits(box: LabelBox, placed: list[LabelBox], gap: float) -> bool:
    for other in placed:
        if other.row == box.row and box.x0 < other.x1 + gap and other.x0 < box.x1 + gap:
            return False
        if other.row < box.row and other.x0 - 2 <= box.anchor_x <= other.x1 + 2:
            return False  # our leader would cross a lower label
        if other.row > box.row and box.x0 - 2 <= other.anchor_x <= box.x1 + 2:
            return False  # we would sit on a higher label's leader
    return True


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


def default_key_events(frame: pd.DataFrame, limit: int = 7) -> list[str]:
    """All operations first, then the most independently reported events, `limit` in all."""
    ranked = frame.assign(is_op=frame["lane"] == "operations").sort_values(
        ["is_op", "n_origins", "n_documents", "day", "event_id"],
        ascending=[False, False, False, True, True])
    return list(ranked["event_id"].head(limit))


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
                    max_labels: int = 7) -> TimelineLayout:
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
    lanes_present = [lane for lane in LANE_ORDER] + sorted(set(frame["lane"]) - set(LANE_ORDER))
    wanted = set(key_event_ids) if key_event_ids is not None else set(
        default_key_events(frame, max_labels))
    labels, lane_rows, y = [], [], 2 * ROW_PX + 4
    for lane in lanes_present:
        members = frame[frame["lane"] == lane]
        items = [(r.event_id, r.x, r.label or r.event_type or r.event_id)
                 for r in members.itertuples() if r.event_id in wanted]
        trial = pack_labels(items, width, base_y=0.0)
        n_rows = 1 + max((b.row for b in trial), default=-1)
        top = y
        header = Box(0, text_width(lane), top, top + BOX_PX)
        headers.append((f"lane:{lane}", header))
        point_y = top + BOX_PX + 4 + n_rows * ROW_PX + 12
        labels += [_shift(b, point_y - 12) for b in trial]
        lane_rows.append({"lane": lane, "top": top, "point_y": point_y, "bottom": point_y + 14})
        slots = dodge_slots(members, wanted)
        step = 2 * float(frame["radius"].max() if len(frame) else 4) + 2
        for index, slot in slots.items():
            frame.loc[index, "y"] = float(point_y + slot * step)
        bottom = point_y + max(slots.values(), default=0) * step + 14
        lane_rows[-1]["bottom"] = bottom
        y = bottom
    lanes = pd.DataFrame(lane_rows)
    return TimelineLayout(frame.reset_index(drop=True), labels, headers, lanes, start_ts, end_ts,
                          width, float(y + 2))


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
    """Move a box packed against y=0 so that its row 0 sits on `base_y`."""
    return LabelBox(box.key, box.text, box.x0, box.x1, box.y0 + base_y, box.y1 + base_y,
                    box.anchor_x, base_y, box.row, box.align)


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
    x = alt.X("x_ms:T", scale=xs, axis=_time_axis())
    y = alt.Y("y:Q", scale=ys, axis=None)
    layers = _crisis_layers(crisis, layout, xs, ys, crisis_label)
    layers += _lane_layers(layout, ys)
    layers += _range_layers(pts, xs, y)
    layers += _label_layers(layout, pts, ys)
    layers += _key_layers(layout, ys)
    layers.append(_event_points(pts, x, y))
    # Pixel-positioned text and the time axis use different x scales over the same range.
    return alt.layer(*layers).resolve_scale(x="independent").properties(
        width=layout.width, height=layout.height)


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
    if not layout.labels:
        return []
    radius = dict(zip(pts["event_id"], pts["radius"], strict=True))
    point_y = dict(zip(pts["event_id"], pts["y"], strict=True))
    boxes = pd.DataFrame([{
        "x": b.text_x, "y": (b.y0 + b.y1) / 2, "t": b.text, "align": b.align,
        "lx": b.anchor_x, "ly0": b.y1,
        "ly1": point_y.get(b.key, b.anchor_y + 12) - radius.get(b.key, 4) - 1,
    } for b in layout.labels])
    xs = _px_x(layout)
    leaders = alt.Chart(boxes).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=xs, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=None), y2="ly1:Q")
    return [leaders] + [_pixel_text(boxes[boxes["align"] == a], ys, align=a, x_scale=xs)
                        for a in ("left", "right") if (boxes["align"] == a).any()]


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


def trust_chart(trust_index: pd.DataFrame | None, events: pd.DataFrame | None = None,
                turning_points: pd.DataFrame | Sequence[str] | None = None, *, start=None,
                end=None, width: int = PLOT_WIDTH - 40, height: int = 260,
                index_title: str = "trust index") -> alt.LayerChart | alt.Chart:
    """The index over time with its uncertainty band, a zero rule and its largest drops."""
    frame = _trust_frame(trust_index)
    if frame.empty:
        return no_data_chart("No trust index: no trust signals were found for this pair.",
                             width)
    drops = _resolve_drops(frame, turning_points)
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
    head_px = (1 + max((b.row for b in boxes), default=-1)) * ROW_PX + (8 if boxes else 0)
    lo = min(frame["low"].min(), frame["index"].min(), 0.0)
    hi = max(frame["high"].max(), frame["index"].max(), 0.0)
    pad = (hi - lo) * 0.08 or 0.5
    lo, hi = lo - pad, hi + pad
    top = hi + (hi - lo) * head_px / max(height - head_px, 1)

    def y_of(px: float) -> float:  # pixel from the top -> data value
        return top - px / height * (top - lo)

    data = frame.assign(x_ms=frame["day"].map(epoch_ms),
                        event_names=frame["events"].map(
                            lambda v: "; ".join(labels.get(e, e) for e in as_list(v))),
                        when=frame["day"].map(day_label))
    data = data.drop(columns=["day"])
    xs = _time_scale(start_ts, end_ts, width)
    ys = alt.Scale(domain=[lo, top], nice=False, zero=False)
    x = alt.X("x_ms:T", scale=xs, axis=None)
    y_axis = alt.Axis(values=_nice_ticks(lo, hi), title=index_title, format="~g", domain=False)
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("index:Q", format=".2f"),
               alt.Tooltip("low:Q", format=".2f"), alt.Tooltip("high:Q", format=".2f"),
               alt.Tooltip("n_signals:Q", title="signals"),
               alt.Tooltip("n_origins:Q", title="independent origins"),
               alt.Tooltip("event_names:N", title="events")]
    layers = [
        base.mark_area(color=OKABE_ITO["blue"], opacity=0.15, interpolate="step-after").encode(
            x=x, y=alt.Y("low:Q", scale=ys, axis=y_axis), y2="high:Q"),
        alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
            y=alt.Y("zero:Q", scale=ys, axis=y_axis)),
        base.mark_line(color=OKABE_ITO["blue"], strokeWidth=2, interpolate="step-after").encode(
            x=alt.X("x_ms:T", scale=xs, axis=_time_axis()),
            y=alt.Y("index:Q", scale=ys, axis=y_axis)),
        base.mark_point(filled=True, color=OKABE_ITO["blue"], size=36).encode(
            x=x, y=alt.Y("index:Q", scale=ys, axis=y_axis), tooltip=tooltip),
    ]
    n_rows = 1 + max((b.row for b in boxes), default=-1)
    boxes = [_shift(b, n_rows * ROW_PX) for b in boxes]
    layers += _drop_layers(boxes, frame, y_of, ys, y_axis, width)
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
    items = as_list(text)
    split = {}
    for item in items:
        name, _, count = item.partition(":")
        if name.strip() in NOTICE_X and count.strip().isdigit():
            split[name.strip()] = split.get(name.strip(), 0) + int(count)
    return (sum(split.values()), split) if split else (len(items), {})


def notice_ledger_chart(notice_ledger: pd.DataFrame | None, *, width: int = PLOT_WIDTH,
                        label_chars: int = 48) -> alt.LayerChart | alt.Chart:
    """Operation by operation (by date), how much notice the US got, as reported."""
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
               alt.Tooltip("accounts:Q"), alt.Tooltip("split:N", title="accounts by class"),
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

CADENCE_ROW_PX = 44


def _cadence_frame(cadence: pd.DataFrame | None, as_of) -> tuple[list[dict], pd.Timestamp]:
    """One record per channel with `last` (Timestamp | None) and `days` (int | None)."""
    frame = pd.DataFrame({c: _col(cadence, c) for c in
                          ("channel", "last_contact", "date", "days_since", "basis",
                           "evidence")})
    records = [dict(r) for _, r in frame[frame["channel"] != ""].iterrows()]
    as_of_ts = to_date(as_of)
    if as_of_ts is None:
        dates = [to_date(r["date"]) for r in records if to_date(r["date"]) is not None]
        lasts = [to_date(r["last_contact"]) for r in records
                 if to_date(r["last_contact"]) is not None]
        as_of_ts = max(dates or lasts or [pd.Timestamp("2000-01-01")])
    for r in records:
        last = to_date(r["last_contact"])
        days = pd.to_numeric(r["days_since"], errors="coerce")
        days = None if pd.isna(days) else float(days)
        # A stated gap ('not spoken in 50 days') without a date still places the last contact.
        if last is None and days is not None:
            last = as_of_ts - pd.Timedelta(days=days)
        if days is None and last is not None:
            days = float((as_of_ts - last).days)
        r["last"], r["days"] = last, (None if days is None else int(round(days)))
    return records, as_of_ts


def cadence_chart(cadence: pd.DataFrame | None, events: pd.DataFrame | None = None,
                  as_of=None, *, width: int = PLOT_WIDTH,
                  blocked_types: Sequence[str] = ("visit_blocked",)) -> alt.LayerChart | alt.Chart:
    """Days without contact per channel, as gaps on a calendar, with blocked visits marked."""
    records, as_of_ts = _cadence_frame(cadence, as_of)
    if not records:
        return no_data_chart("No contact channel found in the articles.", width)
    blocked = event_frame(events)
    blocked = blocked[blocked["event_type"].isin(blocked_types) & blocked["day"].notna()]
    dated = [r["last"] for r in records if r["last"] is not None] + list(blocked["day"])
    dated.append(as_of_ts)
    start = min(dated) - pd.Timedelta(days=3)
    end = max(dated) + pd.Timedelta(days=2)
    head = ROW_PX * (1 + (not blocked.empty))
    height = head + CADENCE_ROW_PX * len(records)
    rows = []
    for i, r in enumerate(records):
        top = head + i * CADENCE_ROW_PX
        if r["last"] is None:
            text = f"{r['channel']}: no contact found in the articles"
        else:
            basis = f", {r['basis']}" if r["basis"] else ""
            text = (f"{r['channel']}: {r['days']} days without contact "
                    f"(last {day_label(r['last'])}{basis})")
        rows.append({"channel": r["channel"], "t": short(text, int(width / CHAR_PX)),
                     "ty": top + 8, "by": top + 26,
                     "x0": epoch_ms(r["last"]) if r["last"] is not None else None,
                     "x1": epoch_ms(as_of_ts), "evidence": short(r["evidence"], 240),
                     "days": r["days"]})
    data = pd.DataFrame(rows)
    xs = _time_scale(start, end, width)
    ys = _pixel_scale(height)
    px = alt.Scale(domain=[0, width], range=[0, width], nice=False, zero=False)
    tooltip = [alt.Tooltip("channel:N"), alt.Tooltip("days:Q", title="days without contact"),
               alt.Tooltip("evidence:N")]
    bars = data[data["x0"].notna()]
    layers = [
        alt.Chart(data.assign(x=0.0)).mark_text(align="left", baseline="middle", font=FONT,
                                                fontSize=FONT_PX, color=TEXT_COLOR).encode(
            x=alt.X("x:Q", scale=px, axis=None), y=alt.Y("ty:Q", scale=ys, axis=None),
            text="t:N", tooltip=tooltip),
    ]
    if not bars.empty:
        layers += [
            alt.Chart(bars).mark_rule(strokeWidth=10, color=LIGHT_GREY).encode(
                x=alt.X("x0:T", scale=xs, axis=_time_axis()), x2="x1:T",
                y=alt.Y("by:Q", scale=ys, axis=None), tooltip=tooltip),
            alt.Chart(bars).mark_point(filled=True, size=60, color=OKABE_ITO["blue"]).encode(
                x=alt.X("x0:T", scale=xs, axis=None), y=alt.Y("by:Q", scale=ys, axis=None),
                tooltip=tooltip),
        ]
    layers += _as_of_layers(as_of_ts, xs, ys, height, head)
    layers += _blocked_layers(blocked, xs, ys, height, start, end, width)
    return alt.layer(*layers).resolve_scale(x="independent").properties(width=width,
                                                                        height=height)


def _as_of_layers(as_of_ts, xs, ys, height, head) -> list[alt.Chart]:
    frame = pd.DataFrame({"x": [epoch_ms(as_of_ts)], "y0": [head - 4], "y1": [height],
                          "t": [f"as of {day_label(as_of_ts)}"]})
    return [alt.Chart(frame).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
        x=alt.X("x:T", scale=xs, axis=None), y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q",
        tooltip=[alt.Tooltip("t:N", title="date")])]


def _blocked_layers(blocked, xs, ys, height, start, end, width) -> list[alt.Chart]:
    if blocked.empty:
        return []
    items = [(r.event_id, _x_pixels(r.day, start, end, width), short(r.label, 80))
             for r in blocked.itertuples()]
    boxes = pack_labels(items, width, base_y=BOX_PX, max_rows=1)
    day = dict(zip(blocked["event_id"], blocked["day"], strict=True))
    frame = pd.DataFrame([{"x": epoch_ms(day[b.key]), "tx": b.text_x, "align": b.align,
                           "t": b.text, "ty": BOX_PX / 2, "y0": BOX_PX + 2, "y1": height}
                          for b in boxes])
    if frame.empty:
        return []
    px = alt.Scale(domain=[0, width], range=[0, width], nice=False, zero=False)
    layers = [alt.Chart(frame).mark_rule(color=OKABE_ITO["vermillion"], strokeWidth=1.5,
                                         strokeDash=[4, 2]).encode(
        x=alt.X("x:T", scale=xs, axis=None), y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q",
        tooltip=[alt.Tooltip("t:N", title="event")])]
    for a in ("left", "right"):
        part = frame[frame["align"] == a]
        if not part.empty:
            layers.append(alt.Chart(part).mark_text(
                align=a, baseline="middle", font=FONT, fontSize=FONT_PX,
                color=OKABE_ITO["vermillion"]).encode(
                x=alt.X("tx:Q", scale=px, axis=None), y=alt.Y("ty:Q", scale=ys, axis=None),
                text="t:N"))
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


def corroboration_cells(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                        mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (event, document): whether the document is an origin or a rewrite.

    A document counts as an independent origin of an event when its own outlet (or its
    doc_id) is among the event's origins; otherwise it repeats another outlet's report.
    """
    frame = event_frame(events)
    names = document_names(documents)
    mention_docs: dict[str, list[str]] = {}
    for eid, doc in zip(_col(mentions, "event_id"), _col(mentions, "doc_id"), strict=True):
        if eid and doc:
            mention_docs.setdefault(eid, []).append(doc)
    rows = []
    for r in frame.itertuples():
        docs = list(dict.fromkeys(as_list(r.doc_ids) + mention_docs.get(r.event_id, [])))
        origins = set(as_list(r.origins))
        for doc in docs:
            column = names.get(doc, f"unknown ({doc})")
            own = doc in origins or column in origins
            rows.append({"event_id": r.event_id, "label": r.label, "date": r.date,
                         "doc_id": doc, "column": column, "n_origins": r.n_origins,
                         "kind": ORIGIN_KINDS[0] if own else ORIGIN_KINDS[1],
                         "origins": ", ".join(sorted(origins)) or "unknown"})
    cols = ["event_id", "label", "date", "doc_id", "column", "n_origins", "kind", "origins"]
    return pd.DataFrame(rows, columns=cols)


ORIGINS_TEXT_PX = 175  # room for '2 origins: Axios, The Wall…' right of the matrix


def corroboration_matrix(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                         mentions: pd.DataFrame | None = None, *, start=None, end=None,
                         include_undated: bool = True, width: int = PLOT_WIDTH,
                         label_chars: int = 38) -> alt.LayerChart | alt.Chart:
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
    columns = sorted(set(cells["column"]), key=lambda c: (c.startswith("unknown"), c.lower()))
    counts = firsts.assign(row=rows, t=[
        _origins_text(n, o) for n, o in zip(firsts["n_origins"], firsts["origins"],
                                            strict=True)])
    label_px = min(max(len(t) for t in order) * CHAR_PX + 8, width * 0.42)
    text_px = min(max(len(t) for t in counts["t"]) * CHAR_PX + 14, ORIGINS_TEXT_PX)
    col_px = max(min((width - label_px - text_px - 10) / len(columns), 64), 18)
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False, labelPadding=6))
    x = alt.X("column:N", sort=columns, title=None, scale=alt.Scale(domain=columns),
              axis=alt.Axis(orient="top", labelAngle=-30, labelLimit=200, domain=False,
                            ticks=False, labelAlign="left"))
    tooltip = [alt.Tooltip("label:N", title="event"), alt.Tooltip("column:N", title="outlet"),
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

_CITED_COLUMNS = ("cited_outlet", "outlet_cited", "outlet.1", "cited")


def sourcing_counts(table: pd.DataFrame | None, documents: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Long counts (outlet, speaker_type, count) from the sourcing table or from claims."""
    if table is None or table.empty:
        return pd.DataFrame(columns=["outlet", "speaker_type", "count"])
    if "speaker_type" in table.columns:  # claims: count them per document's outlet
        names = document_names(documents)
        outlets = _col(table, "doc_id").map(lambda d: names.get(d, f"unknown ({d})"))
        frame = pd.DataFrame({"outlet": outlets, "speaker_type": _col(table, "speaker_type")})
        frame = frame[frame["speaker_type"].isin(SPEAKER_ORDER)]
        counts = frame.groupby(["outlet", "speaker_type"]).size().rename("count")
        return counts.reset_index()
    rows = []
    cited = next((c for c in _CITED_COLUMNS if c in table.columns), None)
    for i, outlet in enumerate(_col(table, "outlet")):
        for kind in SPEAKER_ORDER:
            column = cited if kind == "outlet" else kind
            if column is None or column not in table.columns:
                continue
            value = pd.to_numeric(table[column].iloc[i], errors="coerce")
            if not pd.isna(value) and value > 0:
                rows.append({"outlet": "unknown outlet" if is_unknown_outlet(outlet) else outlet,
                             "speaker_type": kind,
                             "count": int(value)})
    return pd.DataFrame(rows, columns=["outlet", "speaker_type", "count"])


def sourcing_chart(table: pd.DataFrame | None, documents: pd.DataFrame | None = None, *,
                   width: int = PLOT_WIDTH) -> alt.LayerChart | alt.Chart:
    """Per outlet, who its claims are attributed to: stacked horizontal bars."""
    counts = sourcing_counts(table, documents)
    if counts.empty:
        return no_data_chart("No attributed claims found.", width)
    counts = counts.assign(
        kind=counts["speaker_type"].map(SPEAKER_LABELS),
        order=counts["speaker_type"].map({k: i for i, k in enumerate(SPEAKER_ORDER)}))
    totals = counts.groupby("outlet")["count"].sum()
    outlets = sorted(totals.index, key=lambda o: (-totals[o], o.startswith("unknown"), o))
    label_px = min(max(len(o) for o in outlets) * CHAR_PX + 8, width * 0.4)
    plot_w = width - label_px - 30
    top = float(totals.max())
    # Segment labels only where the segment is wide enough to hold the number.
    counts["show"] = counts["count"] / top * plot_w >= 16
    y = alt.Y("outlet:N", sort=outlets, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False))
    x = alt.X("sum(count):Q", title="attributed claims", stack="zero",
              axis=alt.Axis(format="d", values=_count_ticks(top)))
    color = alt.Color("kind:N", title=None,
                      scale=alt.Scale(domain=[SPEAKER_LABELS[k] for k in SPEAKER_ORDER],
                                      range=[SPEAKER_COLORS[k] for k in SPEAKER_ORDER]),
                      legend=alt.Legend(orient="top", direction="horizontal", columns=3))
    tooltip = [alt.Tooltip("outlet:N"), alt.Tooltip("kind:N", title="attributed to"),
               alt.Tooltip("sum(count):Q", title="claims")]
    base = alt.Chart(counts).encode(y=y, order=alt.Order("order:Q"))
    bars = base.mark_bar(height=16).encode(x=x, color=color, tooltip=tooltip)
    labels = base.mark_text(align="center", baseline="middle", font=FONT, fontSize=10).encode(
        x=alt.X("sum(count):Q", stack="zero", bandPosition=0.5),
        text=alt.Text("sum(count):Q"), detail="speaker_type:N",
        color=alt.condition(alt.datum.speaker_type == "named_official", alt.value("white"),
                            alt.value("black")),
    ).transform_filter(alt.datum.show)
    return alt.layer(bars, labels).properties(width=plot_w, height=26 * len(outlets))


def _count_ticks(top: float) -> list[int]:
    """Whole-number ticks (counts never have halves)."""
    step = max(1, math.ceil(top / 6))
    return list(range(0, int(top) + step, step))


# --- 7. framing ---------------------------------------------------------------------------------

# Names and pronoun phrases say little about framing; aliases and titles do.
FRAMING_KINDS = ("alias", "title")


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
