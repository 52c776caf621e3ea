"""The trust index chart in pixels: value axis on round ticks and drop labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from trustbrief.brief.layout.geometry import LabelBox, pack_labels, shift_box, x_pixels
from trustbrief.brief.layout.ticks import nice_ticks, tick_format, tick_step
from trustbrief.brief.layout.timeline import time_window
from trustbrief.brief.style import PLOT_WIDTH, ROW_PX
from trustbrief.brief.views.cells import as_list, day_label, to_date
from trustbrief.brief.views.events import event_labels
from trustbrief.brief.views.trust import trust_frame
from trustbrief.brief.views.trust import turning_points as find_turning_points


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


def trust_layout(trust_index: pd.DataFrame | None, events: pd.DataFrame | None = None,
                 turning_points: pd.DataFrame | Sequence[str] | None = None, *, start=None,
                 end=None, width: float = PLOT_WIDTH - 40, height: float = 260
                 ) -> TrustLayout:
    """Value axis (including 0 and the whole band, on round ticks) and label boxes."""
    frame = trust_frame(trust_index)
    drops = _resolve_drops(frame, turning_points) if len(frame) else frame
    start_ts, end_ts = time_window(frame.rename(columns={"day": "first"}).assign(last=frame["day"]),
                               start, end)
    labels = event_labels(events)
    notes = []
    for row in drops.itertuples():
        names = [labels.get(e, e) for e in as_list(row.events)]
        change = f"{row.change:+.2f}".replace("-", "−")
        text = f"{change} on {day_label(to_date(row.date))[:-5]}"
        notes.append((row.date, x_pixels(to_date(row.date), start_ts, end_ts, width),
                      text + (f": {names[0]}" if names else "")))
    boxes = pack_labels(notes, width, base_y=0.0, max_rows=3)
    n_rows = 1 + max((b.row for b in boxes), default=-1)
    boxes = [shift_box(b, n_rows * ROW_PX) for b in boxes]
    head_px = n_rows * ROW_PX + (8 if boxes else 0)
    values = [*frame["low"], *frame["high"], *frame["index"], 0.0]
    lo, hi = min(values), max(values)
    step = tick_step(lo, hi, count=6)
    lo, hi = math.floor(lo / step - 1e-9) * step, math.ceil(hi / step + 1e-9) * step
    ticks = nice_ticks(lo, hi + step / 2)[:int(round((hi - lo) / step)) + 1]
    top = hi + (hi - lo) * head_px / max(height - head_px, 1)
    return TrustLayout(frame, boxes, lo, hi, top, ticks, tick_format(ticks), head_px, start_ts,
                       end_ts, width, height)


def _resolve_drops(frame: pd.DataFrame, chosen) -> pd.DataFrame:
    """Computed drops by default; or the caller's frame, or the caller's dates."""
    drops = find_turning_points(frame)
    if chosen is None:
        return drops
    if isinstance(chosen, pd.DataFrame):
        return chosen
    frame = frame.assign(change=frame["index"].diff().fillna(0.0))
    return frame[frame["date"].isin(list(chosen))][["date", "change", "index", "events"]]
