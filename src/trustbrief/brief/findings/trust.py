"""The trust index finding: how the index moved and its sharpest drop.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    cite_documents,
    event_index,
    join_words,
    norm_direction,
    period_words,
    plural,
    rows_in_window,
    signed,
    table_of,
)
from trustbrief.brief.views.cells import as_list, day_label, text_column, to_date
from trustbrief.brief.views.trust import turning_points


def trust_finding(tables, start, end, focus: str) -> Finding:
    documents = table_of(tables, "documents")
    index = table_of(tables, "trust_index")
    index = rows_in_window(index, start, end)
    values = (pd.to_numeric(text_column(index, "index"), errors="coerce")
              if not index.empty else None)
    if index.empty or values is None or values.isna().all():
        return Finding(f"No {focus} trust signal is dated {period_words(start, end)}, so the trust "
                       "index could not be computed.", [], "trust", False)
    index = index.assign(value=values).dropna(subset=["value"]).sort_values("date")
    first, last = index.iloc[0], index.iloc[-1]
    change = last["value"] - first["value"]
    verb = "fell" if change < 0 else "rose" if change > 0 else "stayed"
    n_signals = int(pd.to_numeric(text_column(index, "n_signals"), errors="coerce").fillna(0).sum())
    text = (f"The {focus} trust index {verb} from {signed(first['value'])} on "
            f"{day_label(to_date(first['date']))} to {signed(last['value'])} on "
            f"{day_label(to_date(last['date']))} ({plural(n_signals, 'trust signal')})")
    events = event_index(table_of(tables, "events"))
    drops = turning_points(index.drop(columns=["value"]), limit=1)
    docs: list[str] = []
    if not drops.empty:
        drop = drops.iloc[0]
        ids = as_list(drop["events"])
        names = [events[e]["label"] for e in ids if e in events and events[e]["label"]]
        text += (f"; its sharpest drop, {signed(drop['change'])}, came on "
                 f"{day_label(to_date(drop['date']))}")
        if names:
            text += f", with {join_words(names)}"
        docs = [d for e in ids if e in events for d in as_list(events[e]["doc_ids"])]
    if not docs:
        # An article published before the period cannot report what happened in it.
        published = dict(zip(text_column(documents, "doc_id"), text_column(documents, "published"),
                             strict=True))
        docs = [d for d in _focus_signal_docs(tables, focus)
                if not published.get(d) or published[d] >= str(start)]
    return Finding(text + ".", cite_documents(docs, documents), "trust")


def _focus_signal_docs(tables, focus: str) -> list[str]:
    signals = table_of(tables, "trust_signals")
    if signals.empty:
        return []
    mask = text_column(signals, "direction").map(norm_direction) == norm_direction(focus)
    return list(dict.fromkeys(text_column(signals[mask], "doc_id")))
