"""The coverage finding: the most reported event and its independent origins.
"""

from __future__ import annotations

from trustbrief.brief.findings.base import (
    Finding,
    as_int,
    cite_documents,
    event_index,
    in_window,
    join_words,
    period_words,
    plural,
    table_of,
)
from trustbrief.brief.views.cells import as_list, day_label, to_date


def coverage_finding(tables, start, end, focus: str) -> Finding:
    events = list(event_index(table_of(tables, "events")).values())
    dated = [e for e in events if in_window(e["date"], start, end)]
    if not dated:
        return Finding(f"No event is dated {period_words(start, end)}.", [], "coverage", False)
    top = sorted(dated, key=lambda e: (-as_int(e["n_documents"]), -as_int(e["n_origins"]),
                                       e["date"], e["event_id"]))[0]
    n_docs, n_origins = as_int(top["n_documents"]), as_int(top["n_origins"])
    origins = as_list(top["origins"])
    text = (f"The most reported event, {top['label']} ({day_label(to_date(top['date']))}), "
            f"appears in {plural(n_docs, 'document')} from "
            f"{plural(as_int(top['n_outlets']), 'outlet')}, which trace back to "
            f"{plural(n_origins, 'independent origin')}")
    text += f" ({join_words(origins)})." if origins else "."
    return Finding(text, cite_documents(top["doc_ids"], table_of(tables, "documents")),
                   "coverage")
