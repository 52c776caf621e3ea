"""Axis ticks chosen in Python (time and value axes), so the layout knows every label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from trustbrief.brief.views.cells import epoch_ms


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


def tick_step(lo: float, hi: float, count: int = 5) -> float:
    raw = max(hi - lo, 1e-9) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
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


def tick_format(ticks: Sequence[float]) -> str:
    """A plain d3 number format with as many decimals as the ticks need (never 1e+1)."""
    for decimals in range(0, 4):
        if all(abs(round(t, decimals) - t) < 1e-9 for t in ticks):
            return f",.{decimals}f"
    return ",.3f"


def count_ticks(top: float) -> list[int]:
    """Whole-number ticks at round steps (1, 2, 5, 10, 20, ...): counts never have halves."""
    raw = max(top / 6, 1)
    step = next(m * 10 ** e for e in range(0, 9) for m in (1, 2, 5) if m * 10 ** e >= raw)
    return list(range(0, int(top) + step, step))
