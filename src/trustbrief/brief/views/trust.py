"""The trust index as a frame of numbers, and its largest drops.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.views.cells import numbers, text_column, to_date


def turning_points(trust_index: pd.DataFrame | None, limit: int = 3) -> pd.DataFrame:
    """The largest day-to-day drops of the index: date, change, index, events."""
    frame = trust_frame(trust_index)
    if len(frame) < 2:
        return pd.DataFrame(columns=["date", "change", "index", "events"])
    frame["change"] = frame["index"].diff()
    drops = frame[frame["change"] < 0].sort_values(["change", "date"]).head(limit)
    return drops[["date", "change", "index", "events"]].sort_values("date").reset_index(drop=True)


def trust_frame(trust_index: pd.DataFrame | None) -> pd.DataFrame:
    if trust_index is None or trust_index.empty or "index" not in trust_index.columns:
        return pd.DataFrame(columns=["date", "day", "index", "low", "high", "n_signals",
                                     "n_origins", "events"])
    out = pd.DataFrame({"date": text_column(trust_index, "date"),
                        "events": text_column(trust_index, "events")})
    out["day"] = out["date"].map(to_date)
    out["index"] = pd.to_numeric(text_column(trust_index, "index"), errors="coerce")
    for name in ("low", "high"):
        values = pd.to_numeric(text_column(trust_index, name), errors="coerce")
        out[name] = values.fillna(out["index"])
    for name in ("n_signals", "n_origins"):
        out[name] = numbers(trust_index, name).astype(int)
    out = out[out["day"].notna() & out["index"].notna()]
    return out.sort_values("date").reset_index(drop=True)
