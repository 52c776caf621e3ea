"""The key findings of a brief, in order, and the headline written from the same numbers.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.findings.base import (
    LITTLE_NOTICE,
    Finding,
    in_window,
    parse_focus,
    period_words,
    plural,
    rows_in_window,
    span_words,
    table_of,
)
from trustbrief.brief.findings.cadence import cadence_finding
from trustbrief.brief.findings.coverage import coverage_finding
from trustbrief.brief.findings.notice import notice_finding, operations_with_notice
from trustbrief.brief.findings.origins import origins_finding
from trustbrief.brief.findings.trust import trust_finding
from trustbrief.brief.views.cells import text_column

FINDERS = (notice_finding, trust_finding, cadence_finding, origins_finding, coverage_finding)


def key_findings(tables, start, end, focus: str) -> list[Finding]:
    """Three to five findings: those the data supports first, then what is missing."""
    found = [finder(tables, start, end, focus) for finder in FINDERS]
    available = [f for f in found if f.available]
    missing = [f for f in found if not f.available]
    return (available + missing[: max(0, 3 - len(available))])[:5]


def headline(tables, start, end, focus: str) -> str:
    """A one-line dek written from the same numbers as the findings."""
    observer, _ = parse_focus(focus)
    parts = []
    ops = operations_with_notice(tables, start, end)
    if not ops.empty:
        little = int(ops["notice"].isin(LITTLE_NOTICE).sum())
        parts.append(f"{observer} got little or no notice of {little} of "
                     f"{plural(len(ops), 'dated operation')}")
    trust = trust_finding(tables, start, end, focus)
    index = table_of(tables, "trust_index")
    if trust.available:
        index = rows_in_window(index, start, end).sort_values("date")
        values = pd.to_numeric(text_column(index, "index"), errors="coerce")
        values = values.dropna()
        change = values.iloc[-1] - values.iloc[0]
        verb = "fell" if change < 0 else "rose" if change > 0 else "held"
        parts.append(f"the {focus} trust index {verb}"
                     + (f" by {abs(change):.2f}" if change else ""))
    if not parts:
        dates = text_column(table_of(tables, "events"), "date")
        n_events = sum(in_window(d, start, end) for d in dates)
        n_docs = len(table_of(tables, "documents"))
        return (f"{plural(n_events, 'dated event')} from {plural(n_docs, 'document')} "
                f"{period_words(start, end)}.")
    text = " as ".join(parts) if len(parts) == 2 else parts[0]
    return f"{text[0].upper()}{text[1:]}, {span_words(start, end)}."
