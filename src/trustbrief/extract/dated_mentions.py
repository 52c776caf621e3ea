"""Mentions dated by their governing time expressions (once those are resolved)."""

from __future__ import annotations

import pandas as pd

# the columns date_mentions sets (the others are extraction's, unchanged)
DATES_IN_MENTIONS = ("date", "date_earliest", "date_latest", "date_basis", "time_text")


def date_mentions(mentions: pd.DataFrame, time_expressions: pd.DataFrame) -> pd.DataFrame:
    """Copy each mention's governing time expression's resolved dates into the mention.

    A mention without a governing expression keeps empty dates and date_basis 'open'; one whose
    expression is not resolved (yet) gets date_basis 'unresolved'. Never the publication date.
    """
    out = mentions.copy()
    te = time_expressions
    lookup = {}  # time_id -> (date, date_earliest, date_latest, basis, text), NA read as ''
    if te is not None and not te.empty:
        def values(col: str) -> list:
            if col not in te.columns:
                return ["unresolved" if col == "basis" else ""] * len(te)
            column = te[col].astype(object)
            return ["" if missing else v for v, missing in zip(
                column.tolist(), column.isna().tolist(), strict=True)]
        lookup = {time_id: (str(d or ""), str(e or ""), str(la or ""), str(b or "unresolved"),
                            str(t))
                  for time_id, d, e, la, b, t in zip(*(values(c) for c in (
                      "time_id", "date", "date_earliest", "date_latest", "basis", "text")),
                      strict=True)}
    # one tuple per mention (shared ones for the undated), then one column per field
    open_dates, unresolved = ("", "", "", "open", ""), ("", "", "", "unresolved", "")
    rows = [lookup.get(time_id, unresolved) if time_id else open_dates
            for time_id in out["time_id"].tolist()]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(DATES_IN_MENTIONS)
    for name, column in zip(DATES_IN_MENTIONS, columns, strict=True):
        out[name] = pd.Series(list(column), index=out.index, dtype=object)
    return out
