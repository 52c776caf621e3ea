"""The cadence chart in pixels: one lane per channel, contact dots, gap bars, labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from trustbrief.brief.layout.geometry import (
    Box,
    LabelBox,
    pack_labels,
    shift_box,
    text_width,
    x_pixels,
)
from trustbrief.brief.style import BOX_PX, CHAR_PX, CONTACT_KEY, DOT_R, GAP_KEY, PLOT_WIDTH, ROW_PX
from trustbrief.brief.views.cadence import (
    CONTACT_STATUSES,
    MIN_SILENCE_DAYS,
    cadence_channels,
    cadence_contacts,
    contact_day,
    contact_silences,
    contact_text,
    gap_rows,
    gap_text,
    stated_items,
)
from trustbrief.brief.views.cells import short, to_date

DAY_ROWS = 2  # rows of day labels under a lane's dots (the second for days close together)
CONTACT_CHARS = 64  # a planned or blocked contact's label beside its dot ('blocked 9 Oct: ...')


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

    def as_of_spans(self, top: float, gap: float = 2.0) -> list[tuple[float, float]]:
        """The stretches (y0, y1) of the as-of rule from `top` to the chart's foot, broken
        where a label or header crosses the as-of day: a dotted line through words (a
        silence's label that ends at the day it is counted to) makes them unreadable."""
        x = x_pixels(self.as_of, self.start, self.end, self.width)
        cuts = sorted((b.y0 - gap, b.y1 + gap) for b in [*self.labels,
                                                         *(box for _, box in self.headers)]
                      if b.x0 - gap <= x <= b.x1 + gap and b.y1 > top)
        spans, y = [], top
        for y0, y1 in cuts:
            if y0 > y:
                spans.append((y, y0))
            y = max(y, y1)
        if y < self.height:
            spans.append((y, self.height))
        return spans

    def occupied(self) -> list[Box]:
        marks = [Box(r.x - DOT_R, r.x + DOT_R, r.y - DOT_R, r.y + DOT_R)
                 for r in self.points.itertuples()]
        return marks + [box for _, box in self.headers]


def cadence_layout(cadence: pd.DataFrame | None, contacts: pd.DataFrame | None = None,
                   events: pd.DataFrame | None = None, as_of=None, width: float = PLOT_WIDTH,
                   blocked_types: Sequence[str] = ("visit_blocked",), since=None,
                   stated: pd.DataFrame | None = None) -> CadenceLayout:
    """Place lanes, dots, gap bars and labels in pixels (pure; no Altair). With `since`
    (the brief's first day), the axis starts there: earlier contacts are left out and a
    silence that began earlier runs in from the left edge. `stated`: the stated_measures
    table (the counts beside each channel's name)."""
    channels = cadence_channels(cadence, as_of, stated)
    points, gaps, start, end, as_of_ts = _time_window(
        channels, cadence_contacts(channels, contacts, events, blocked_types), as_of, since)
    # a channel with nothing to draw in the window is no lane (the caller names it in prose)
    channels = channels[channels["channel"].isin(set(points["channel"]) | set(gaps["channel"]))]

    def px(day):
        return x_pixels(day, start, end, width)

    headers = _cadence_key(width)
    lane_rows, labels = [], []
    # a contact dated only to a month sits mid-month on a bar spanning it, never on its 1st
    # (lists, not .map: no contact left in the window keeps the days' dtype, and days add not)
    points = points.assign(x0=[px(d) for d in points["day"]],
                           x1=[px(d) for d in points["day_end"]], y=0.0)
    points = points.assign(x=(points["x0"] + points["x1"]) / 2)
    gaps = gaps.assign(x0=gaps["first"].map(px), x1=gaps["last"].map(px), y=0.0)
    y = max(box.y0 for _, box in headers) + 2 * ROW_PX
    for ch in channels.itertuples():
        counts = ", ".join(stated_items(ch.stated_counts))
        header = ch.channel_label + (f"  ·  stated: {counts}" if counts else "")
        header = short(header, int(width / CHAR_PX) - 1)
        headers.append((f"lane:{ch.channel}", Box(0, text_width(header), y, y + BOX_PX)))
        mine = points[points["channel"] == ch.channel]
        gap = gaps[gaps["channel"] == ch.channel]
        items = [(f"gap:{ch.channel}", _gap_anchor(g.x0, g.x1, g.text, width), g.text)
                 for g in gap.itertuples()]
        chars = min(CONTACT_CHARS, int(width / CHAR_PX) - 2)
        items += [(f"{ch.channel}:{r.event_id}:{r.status}", r.x, short(contact_text(r), chars))
                  for r in mine.itertuples() if r.status != "asserted"]
        trial = pack_labels(items, width, base_y=0.0, max_rows=2)
        n_rows = 1 + max((b.row for b in trial), default=-1)
        point_y = y + BOX_PX + 6 + n_rows * ROW_PX + DOT_R + 4
        labels += [shift_box(b, point_y - DOT_R - 3) for b in trial]
        slots = _dot_slots(mine)
        for index, slot in slots.items():
            points.loc[index, "y"] = point_y + slot * (2 * DOT_R + 2)
        gaps.loc[gap.index, "y"] = point_y
        bottom = point_y + max(slots.values(), default=0) * (2 * DOT_R + 2) + DOT_R + 8
        days = held_day_labels(points.loc[mine.index], width)
        labels += days
        bottom = max([bottom] + [b.y1 + 6 for b in days])
        lane_rows.append({"channel": ch.channel, "header": header, "top": y,
                          "point_y": point_y, "bottom": bottom})
        y = bottom
    lanes = pd.DataFrame(lane_rows, columns=["channel", "header", "top", "point_y", "bottom"])
    return CadenceLayout(lanes, points.reset_index(drop=True), gaps.reset_index(drop=True),
                         labels, headers, start, end, as_of_ts, width, float(y + 2))


def held_day_labels(dots: pd.DataFrame, width: float, gap: float = 6.0) -> list[LabelBox]:
    """Each held contact's day, centred under its dot (under the lowest dot stacked there):
    the lane says who spoke, the label says when. Left to right; a day that would touch
    the one before goes a row lower (with a leader up to its dot), and only a day with
    no free row of the two is left to the tooltip."""
    out: list[LabelBox] = []
    for r in dots[dots["status"] == "asserted"].sort_values(["x", "event_id"]).itertuples():
        text = contact_day(r)
        w = text_width(text)
        x0 = min(max(r.x - w / 2, 0.0), width - w)
        lowest = dots.loc[(dots["x"] - r.x).abs() < 2 * DOT_R + 1, "y"].max()
        for row in range(DAY_ROWS):
            y0 = lowest + DOT_R + 2 + row * ROW_PX
            box = LabelBox(f"day:{r.event_id}", text, x0, x0 + w, y0, y0 + BOX_PX, r.x, r.y,
                           row, "left", below=True)
            # a lower row's leader runs up past the row above: never through a day there
            leader_clear = row == 0 or not any(b.x0 - 1 <= r.x <= b.x1 + 1 for b in out
                                               if b.y0 < y0)
            # days of one row keep `gap` apart; rows are stacked a line apart
            if leader_clear and not any(box.overlaps(b, gap if b.row == row else 1.0)
                                        for b in out):
                out.append(box)
                break
    return out


def _time_window(channels: pd.DataFrame, points: pd.DataFrame, as_of, since):
    """The axis' first and last day (three days' margin), the as-of day, and the contacts
    and silences inside the window (a silence that began before `since` starts there)."""
    stated = [d for d in map(to_date, channels["as_of"]) if d is not None]
    as_of_ts = (max(stated) if stated else to_date(as_of)) or max(
        list(points["day"]) or [pd.Timestamp("2000-01-01")])
    gaps = gap_rows(channels)
    gaps = pd.concat([gaps, measured_gaps(points, gaps)], ignore_index=True) if len(
        points) else gaps
    days = list(points["day"]) + list(gaps["first"]) + list(gaps["last"]) + [as_of_ts]
    start, end = min(days) - pd.Timedelta(days=3), max(days) + pd.Timedelta(days=3)
    first_day = to_date(since)
    if first_day is not None and first_day < end - pd.Timedelta(days=7):
        # the axis is the brief's period: the stretches without contact show as such
        start = first_day
        points = points[points["day"] >= start]
        gaps = gaps[gaps["last"] > start]
        # a silence that began before the period says since when (its bar starts at the axis)
        gaps = gaps.assign(text=[gap_text(d, b, f) if f < start and b != "stated" else t
                                 for d, b, f, t in zip(gaps["days"], gaps["basis"],
                                                       gaps["first"], gaps["text"],
                                                       strict=True)],
                           first=[max(f, start) for f in gaps["first"]])
    return points, gaps, start, end, as_of_ts


def measured_gaps(points: pd.DataFrame, stated: pd.DataFrame) -> pd.DataFrame:
    """The silences between a channel's dated contacts (views.cadence.contact_silences: held
    or blocked contacts end a silence, the attempt was made; a contact dated only to a month
    bounds it by the month's first or last day, and the count is then a minimum), except
    where a gap of the metrics stage already covers that stretch."""
    rows = []
    for s in contact_silences(points).itertuples():
        known = stated[stated["channel"] == s.channel]
        if s.days < MIN_SILENCE_DAYS or any(
                f < s.last and s.first < la for f, la in zip(known["first"], known["last"],
                                                              strict=True)):
            continue
        rows.append({"channel": s.channel, "first": s.first, "last": s.last, "days": s.days,
                     "basis": "events", "text": gap_text(s.days, "events", at_least=s.at_least),
                     "stated": "-", "evidence": ""})
    return pd.DataFrame(rows, columns=list(stated.columns))


def _gap_anchor(x0: float, x1: float, text: str, width: float) -> float:
    """Where a silence's label hangs on its bar: the middle, unless the label is wider than
    the half chart there (a silence across the whole period), then near the bar's end nearer
    the chart's edge, so the label runs whole toward the middle instead of being cut. Not on
    the end itself: a contact's dot sits there, and the label of a planned or blocked
    contact needs its leader clear (the trust brief's 'planned 9 Oct: ...' was dropped)."""
    middle = (x0 + x1) / 2
    if text_width(text) <= min(middle, width - middle) - 8:
        return middle
    inset = DOT_R + 6
    return max(x0, 4.0) + inset if x0 < width - x1 else min(x1, width - 4.0) - inset


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
    """The key's items in a row, wrapping to a new row where the width runs out."""
    headers, x, y = [], 0.0, 0.0
    items = [(f"key:{status}", 16 + text_width(CONTACT_KEY[status]))
             for status in CONTACT_STATUSES] + [("key:gap", 26 + text_width(GAP_KEY))]
    for name, w in items:
        if x and x + w > width:
            x, y = 0.0, y + ROW_PX
        headers.append((name, Box(x, min(x + w, width), y, y + BOX_PX)))
        x += w + 14
    return headers
