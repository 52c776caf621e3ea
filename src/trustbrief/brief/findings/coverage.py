"""The coverage findings: the most reported event, and the best-attested act of either side
(the central event a judgement says took place), with their independent origins.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    as_int,
    cite_documents,
    event_index,
    in_window,
    join_words,
    parse_focus,
    period_words,
    plural,
    table_of,
)
from trustbrief.brief.views.cells import (
    as_list,
    event_span,
    quoted,
    text_column,
    to_date,
    when_label,
)
from trustbrief.brief.views.events import SAYING
from trustbrief.brief.views.outlets import looks_like_doc_id
from trustbrief.contract import ConflictFact


def coverage_finding(tables, start, end, focus: str) -> Finding:
    events = list(event_index(table_of(tables, "events")).values())
    dated = [e for e in events if in_window(e["date"], start, end)]
    if not dated:
        return Finding(f"No event is dated {period_words(start, end)}.", [], "coverage", False)
    top = sorted(dated, key=lambda e: (-as_int(e["n_documents"]), -as_int(e["n_origins"]),
                                       e["date"], e["event_id"]))[0]
    n_docs, n_origins = as_int(top["n_documents"]), as_int(top["n_origins"])
    origins = as_list(top["origins"])
    when = when_label(to_date(top["date"]), str(top.get("date_precision") or ""),
                      event_span(top))
    text = (f"The most reported event, {top['label']} ({when}), "
            f"appears in {plural(n_docs, 'document')} from "
            f"{plural(as_int(top['n_outlets']), 'outlet')}, which trace back to "
            f"{plural(n_origins, 'independent origin')}")
    documents = table_of(tables, "documents")
    text += f" ({named_origins(origins, documents)})." if origins else "."
    return Finding(text, cite_documents(top["doc_ids"], documents), "coverage")


def named_origins(origins: list[str], documents) -> str:
    """'Example Press, Agency and 3 articles of unnamed outlets': an origin that is an
    article of its own (the origin rule names it by its doc_id) is counted, never shown as
    an id outside the annex."""
    doc_ids = set(text_column(documents, "doc_id")) if len(documents) else set()
    named = [o for o in origins if o not in doc_ids and not looks_like_doc_id(o)]
    rest = len(origins) - len(named)
    if rest:
        named.append(plural(rest, "article of an unnamed outlet", "articles of unnamed outlets"))
    return join_words(named)


# SAYING (views.events): what is said or reported rather than done is no act to judge as
# having taken place.
# An act one origin reports is no central event: the judgement needs two independent origins.
MIN_ORIGINS = 2
NATURE = ConflictFact.NATURE.value  # one act told as different acts (events/tellings.py)


def _pair_acts(events: pd.DataFrame, focus: str) -> pd.DataFrame:
    """Asserted acts one side of the pair did (its agent's side), not statements; without a
    side column, the operations lane (the pair's own operations)."""
    sides = parse_focus(focus)
    if "agent_side" in events.columns:
        mine = events[text_column(events, "agent_side").isin(sides)]
    else:
        mine = events[text_column(events, "lane") == "operations"]
    return mine[text_column(mine, "status").isin(("", "asserted"))
                & (text_column(mine, "plover") != SAYING)]


def central_event_finding(tables, start, end, focus: str) -> Finding:
    """The best-attested act of either side dated in the period: the judgement that it took
    place as reported rests on its independent origins ('contested' instead when its
    articles tell it as different acts, conflict fact 'nature': it took place, but its label
    is one side's word for it)."""
    events = table_of(tables, "events")
    acts = _pair_acts(events, focus) if len(events) else events
    dated = [e for e in event_index(acts).values() if in_window(e["date"], start, end)]
    if not dated:
        return Finding(f"No act of either side is dated {period_words(start, end)}.", [],
                       "central", False)
    top = sorted(dated, key=lambda e: (-as_int(e["n_origins"]), -as_int(e["n_documents"]),
                                       e["date"], e["event_id"]))[0]
    documents = table_of(tables, "documents")
    origins = as_list(top["origins"])
    day = when_label(to_date(top["date"]), str(top.get("date_precision") or ""),
                     event_span(top))
    text = (f"The best-attested act of either side, {quoted(top['label'])} ({day}), appears "
            f"in {plural(as_int(top['n_documents']), 'article')} tracing back to "
            f"{plural(as_int(top['n_origins']), 'independent origin')}"
            + (f": {named_origins(origins, documents)}." if origins else "."))
    told = told_apart(tables, str(top["event_id"]))
    if told:  # the label is one side's word for it: the judgement must not take it as settled
        text += f" The articles disagree on what it was: {told}."
    return Finding(text, cite_documents(top["doc_ids"], documents),
                   "contested" if told else "established",
                   origins=tuple(origins), supports=as_int(top["n_origins"]) >= MIN_ORIGINS,
                   terms={"event": quoted(top["label"]), "day": day})


def told_apart(tables, event_id: str) -> str:
    """'“arrested” versus “abducted / seized”' when the event's articles tell it as different
    acts (the events' conflicts of fact 'nature'); '' otherwise."""
    conflicts = table_of(tables, "conflicts")
    if not len(conflicts) or "fact" not in conflicts.columns:
        return ""
    rows = conflicts[(text_column(conflicts, "fact") == NATURE)
                     & (text_column(conflicts, "event_id") == event_id)]
    return " versus ".join(quoted(v) for v in rows["value"]) if len(rows) > 1 else ""
