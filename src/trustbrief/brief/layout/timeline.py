"""The timeline in pixels: lanes, points, key labels and numbered tags (no Altair).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from trustbrief.brief.layout.geometry import (
    Box,
    LabelBox,
    shift_box,
    shift_mark,
    text_width,
    x_pixels,
)
from trustbrief.brief.layout.lanes import place_lane_labels
from trustbrief.brief.layout.tags import Room, Segment, label_leaders, place_tags
from trustbrief.brief.style import (
    BOX_PX,
    LANE_ORDER,
    PLOT_WIDTH,
    RANGE_DASH,
    ROW_PX,
    STATED_MARK,
    UNCERTAIN_MARK,
    lane_title,
)
from trustbrief.brief.views.cells import (
    range_text,
    short_span,
    to_date,
    when_label,
    without_year,
)
from trustbrief.brief.views.events import event_frame


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
    tag_leaders: list[Segment] = field(default_factory=list)  # point -> tag set further out
    unmarked: list[str] = field(default_factory=list)  # key events with no label and no tag

    def occupied(self) -> list[Box]:
        """Boxes of the marks (point circles) and the fixed headers."""
        marks = [Box(r.x - r.radius, r.x + r.radius, r.y - r.radius, r.y + r.radius)
                 for r in self.points.itertuples()]
        return marks + [box for _, box in self.headers]


def _point_radius(n_origins: pd.Series) -> pd.Series:
    top = max(float(n_origins.max()) if len(n_origins) else 1.0, 1.0)
    return 3.5 + 4.5 * (n_origins.clip(lower=1) - 1) / max(top - 1, 1)


def timeline_layout(events: pd.DataFrame | None, start=None, end=None, crisis=None,
                    min_origins: int = 1, key_event_ids: Sequence[str] | None = None,
                    width: float = PLOT_WIDTH, crisis_label: str = "crisis window"
                    ) -> TimelineLayout:
    """Place events, lanes, headers and labels in pixels (pure; no Altair).

    A lane where some point found room for neither its label nor its numbered tag (a day
    with three events, its neighbours close, labels in the rows above and below) is laid
    out again with its stacked points spread a tag's height apart, so their tags fit
    between them."""
    args = (events, start, end, crisis, min_origins, key_event_ids, width, crisis_label)
    layout = _lay_out(*args, loose=frozenset())
    crowded = frozenset(layout.points.loc[layout.points["event_id"].isin(
        layout.unmarked), "lane"])
    return _lay_out(*args, loose=crowded) if crowded else layout


def _lay_out(events, start, end, crisis, min_origins, key_event_ids, width, crisis_label,
             loose: frozenset) -> TimelineLayout:
    frame, start_ts, end_ts = _placed_events(events, start, end, min_origins, width)
    headers = _timeline_headers(crisis, start_ts, end_ts, width, crisis_label, frame)
    present = set(frame["lane"])  # empty lanes are left out
    lanes_present = [lane for lane in LANE_ORDER if lane in present] + sorted(
        present - set(LANE_ORDER))
    # Every point gets a label, or a number explained in the key when no label fits.
    wanted = set(key_event_ids) if key_event_ids is not None else set(frame["event_id"])
    step = 2 * float(frame["radius"].max() if len(frame) else 4) + 2
    labels, unplaced, lane_rows, y = [], [], [], 2 * ROW_PX + 4
    shown = _told_apart(frame)
    for lane in lanes_present:
        members = frame[frame["lane"] == lane]
        slots = dodge_slots(members, wanted)
        # Lane-local pixels: label row 0 ends at y=0, the points' line is at y=12.
        spread = step + (BOX_PX if lane in loose else 0.0)
        local_y = {i: 12.0 + slot * spread for i, slot in slots.items()}
        marks = [(r.event_id, Box(r.x - r.radius, r.x + r.radius, local_y[r.Index] - r.radius,
                                  local_y[r.Index] + r.radius)) for r in members.itertuples()]
        items = [(r.event_id, r.x, shown.get(r.event_id) or r.event_type or r.event_id)
                 for r in members.itertuples() if r.event_id in wanted]
        boxes, left_over = place_lane_labels(items, width, marks)
        n_rows = 1 + max((b.row for b in boxes if not b.below), default=-1)
        top = y
        headers.append((f"lane:{lane}", Box(0, text_width(lane_title(lane)), top, top + BOX_PX)))
        point_y = top + BOX_PX + 4 + n_rows * ROW_PX + 12
        shift = point_y - 12
        labels += [shift_box(b, shift) for b in boxes]
        for index, local in local_y.items():
            frame.loc[index, "y"] = float(local + shift)
        shifted = [(k, shift_mark(m, shift)) for k, m in marks]
        unplaced += [(frame.loc[frame["event_id"] == k].iloc[0], dict(shifted)[k])
                     for k in left_over]
        bottom = max([m.y1 for _, m in shifted] + [b.y1 for b in labels if b.below]) + 8
        lane_rows.append({"lane": lane, "top": top, "point_y": point_y, "bottom": bottom})
        y = bottom
    lanes = pd.DataFrame(lane_rows, columns=["lane", "top", "point_y", "bottom"])
    numbers, footnotes, tag_lines = _number_unplaced(unplaced, labels, headers, frame, lanes,
                                                     width)
    tagged = {b.key for b in numbers}
    unmarked = [row["event_id"] for row, _ in unplaced if row["event_id"] not in tagged]
    return TimelineLayout(frame.reset_index(drop=True), labels, headers, lanes, start_ts, end_ts,
                          width, float(y + 2), numbers, footnotes, tag_lines, unmarked)


def _told_apart(frame: pd.DataFrame) -> dict[str, str]:
    """event_id -> the text of its label on the chart: a label two points share ('The
    A-land and B-land presidents meet' at a summit and again in October) gets its day or month
    ('... meet (31 Aug)'), so a reader can tell which label is which point."""
    labels = frame["label"].fillna("").astype(str)
    twice = labels.ne("") & labels.duplicated(keep=False)
    return {e: f"{label} ({_short_when(day, precision, span)})" if again else label
            for e, label, again, day, precision, span in zip(
                frame["event_id"], labels, twice, frame["day"], frame["date_precision"],
                zip(frame["first"], frame["last"], strict=True), strict=True)}


def _short_when(day: pd.Timestamp, precision: str, span) -> str:
    """'31 Aug', 'Feb 2025' for an event the articles date by its month, '8–9 Oct' for one
    they date to a few days."""
    if precision == "month":
        return f"{day:%b %Y}"
    return without_year(range_text(*span)) if short_span(day, span) else f"{day.day} {day:%b}"


def _placed_events(events, start, end, min_origins: int, width: float):
    """The dated events inside the window, by day, with radius and x positions in pixels;
    and the window's first and last day."""
    frame = event_frame(events)
    frame = frame[frame["day"].notna() & (frame["date_basis"] != "open")]
    frame = frame[frame["n_origins"] >= min_origins]
    start_ts, end_ts = time_window(frame, start, end)
    inside = (frame["last"] >= start_ts) & (frame["first"] <= end_ts)
    frame = frame[inside].sort_values(["day", "event_id"]).copy()
    frame["radius"] = _point_radius(frame["n_origins"]).astype(float)
    frame["y"] = 0.0

    def px(day):
        return x_pixels(min(max(day, start_ts), end_ts), start_ts, end_ts, width)

    frame["x"] = frame["day"].map(px)
    frame["x_first"] = frame["first"].map(px)
    frame["x_last"] = frame["last"].map(px)
    # a range of a day or two ends under its own point, or a speck beside it: drawn only
    # when the bar shows past the point (the tooltip gives every range in words); a dashed
    # (estimated) bar only when a whole dash and its gap show, or it reads as a stray tick
    past = pd.concat([frame["x"] - frame["x_first"], frame["x_last"] - frame["x"]], axis=1)
    shows = frame["certainty"].map({UNCERTAIN_MARK: DASHED_RANGE_SHOWS_PX}).fillna(
        RANGE_SHOWS_PX)
    frame["range_drawn"] = frame["ranged"] & (past.max(axis=1) > frame["radius"] + shows)
    return frame, start_ts, end_ts


RANGE_SHOWS_PX = 3.0  # how far a date range must run past its point's edge to be drawn
DASHED_RANGE_SHOWS_PX = float(sum(RANGE_DASH) + RANGE_DASH[0])  # dash, gap, dash


def _number_unplaced(unplaced, labels, headers, frame, lanes, width
                     ) -> tuple[list[LabelBox], list[str], list[Segment]]:
    """Numbered tags for key events no label fits, the key lines that explain them, and the
    leaders of tags set away from their point."""
    marks = [(r.event_id, Box(r.x - r.radius, r.x + r.radius, r.y - r.radius, r.y + r.radius))
             for r in frame.itertuples()]
    lines = label_leaders(labels, dict(zip(frame["event_id"], frame["y"], strict=True)))
    bands = {r.lane: (r.top, r.bottom) for r in lanes.itertuples()}
    ordered = sorted(unplaced, key=lambda u: (u[0]["day"], u[0]["event_id"]))
    room = Room(width, 0.0, 0.0, labels + [box for _, box in headers], marks, lines)
    placed = place_tags([(row["event_id"], n, mark, bands[row["lane"]])
                         for n, (row, mark) in enumerate(ordered, 1)], room)
    footnotes = []
    for n, (row, _) in enumerate(ordered, 1):
        text = row["label"] or row["event_type"] or row["event_id"]
        where = "" if row["event_id"] in placed else "; not marked: no room near the point"
        # a month the articles name is no day: 'May 2025', never its mid-month mark's day
        when = when_label(row["day"], row["date_precision"], (row["first"], row["last"]))
        footnotes.append(f"{n} = {text} ({when}{where})")
    numbers = [box for box, _ in placed.values()]
    return numbers, footnotes, [line for _, line in placed.values() if line is not None]


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


def time_window(frame: pd.DataFrame, start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
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


def _timeline_headers(crisis, start, end, width, crisis_label, frame
                      ) -> list[tuple[str, Box]]:
    """Row 0: the key to date certainty (only the kinds of date drawn). Row 1: the crisis
    label, at the band's start."""
    headers = []
    x = 0.0
    kinds = (("key:stated", STATED_MARK, (frame["certainty"] == STATED_MARK).any()),
             ("key:uncertain", UNCERTAIN_MARK, (frame["certainty"] == UNCERTAIN_MARK).any()),
             ("key:range", "date range", frame["range_drawn"].any()))
    for name, text, drawn in kinds:
        if not drawn:
            continue
        w = 16 + text_width(text)
        headers.append((name, Box(x, x + w, 0, BOX_PX)))
        x += w + 14
    if crisis:
        c0 = to_date(crisis[0])
        if c0 is not None:
            cx = x_pixels(min(max(c0, start), end), start, end, width)
            w = text_width(crisis_label)
            x0 = min(cx + 3, width - w)
            headers.append(("crisis", Box(x0, x0 + w, ROW_PX, ROW_PX + BOX_PX)))
    return headers
