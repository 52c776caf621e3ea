"""The dyadic cooperation-conflict series: the metrics stage's `cooperation` rows (events
between the pair, with the sign of their category's Goldstein weight) counted per period.

Counts, never sums: a month with one assault and two consultations shows 1 conflictual and
2 cooperative events, not a net score. Neutral events (weight 0) are left out of the bars.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.views.cells import text_column, to_date

TONES = ("cooperative", "conflictual")
COUNT_COLUMNS = ("period", "period_start", "cooperative", "conflictual")


def bin_rule(start, end) -> tuple[str, str]:
    """(pandas frequency, label format) of the periods: months past about three months,
    weeks past three weeks, else days, so a brief shows some 4-14 bars."""
    lo, hi = to_date(start), to_date(end)
    days = (hi - lo).days if lo is not None and hi is not None else 0
    if days > 92:
        return "MS", "%b"
    if days > 21:
        return "W-MON", "%-d %b"
    return "D", "%-d %b"


def _label(day: pd.Timestamp, fmt: str, first: bool) -> str:
    """'Dec \'24', 'Jan \'25', 'Feb': a month names its year when first and in January."""
    if fmt == "%b" and (first or day.month == 1):
        return day.strftime("%b '%y")
    return day.strftime(fmt)


def dated_rows(cooperation: pd.DataFrame, start, end) -> pd.DataFrame:
    """Cooperative or conflictual rows with a date inside [start, end]."""
    rows = cooperation
    if rows.empty:
        return rows
    rows = rows[text_column(rows, "tone").isin(TONES) & (text_column(rows, "date") != "")]
    days = pd.to_datetime(text_column(rows, "date"), errors="coerce")
    inside = (days >= to_date(start)) & (days <= to_date(end))
    return rows[inside.to_numpy()]


def undated_rows(cooperation: pd.DataFrame) -> pd.DataFrame:
    """Cooperative or conflictual rows no article dates (reported, not placed in time)."""
    if cooperation.empty:
        return cooperation
    return cooperation[text_column(cooperation, "tone").isin(TONES)
                       & (text_column(cooperation, "date") == "")]


def cooperation_counts(cooperation: pd.DataFrame, start, end) -> pd.DataFrame:
    """One row per period of [start, end] (empty periods included, so quiet months show):
    period label, its first day, and the counts of cooperative and conflictual events."""
    lo, hi = to_date(start), to_date(end)
    if lo is None or hi is None:
        return pd.DataFrame(columns=list(COUNT_COLUMNS))
    freq, fmt = bin_rule(start, end)
    first = {"MS": lo.replace(day=1), "W-MON": lo - pd.Timedelta(days=lo.weekday())}.get(freq, lo)
    starts = pd.date_range(first.normalize(), hi, freq=freq)
    rows = dated_rows(cooperation, start, end)
    days = pd.to_datetime(text_column(rows, "date"), errors="coerce")
    slot = starts.searchsorted(days, side="right") - 1
    out = pd.DataFrame({"period": [_label(d, fmt, i == 0) for i, d in enumerate(starts)],
                        "period_start": [d.strftime("%Y-%m-%d") for d in starts]})
    for tone in TONES:
        hits = pd.Series(slot[(text_column(rows, "tone") == tone).to_numpy()])
        out[tone] = [int((hits == i).sum()) for i in range(len(starts))]
    return out[list(COUNT_COLUMNS)]
