"""The direction finding: which side took the conflictual steps against the other.

Reads the same rows as the relations finding (the metrics stage's `cooperation` table: events
between the pair on the Goldstein scale, dated in the period or reported by its articles) and
splits the conflictual ones by direction. Both directions present: the judgement is that the
two acted against each other; one only: that the steps came from that side, a claim of absence
about the other side, so it is held at moderate confidence at most.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    as_int,
    cite_documents,
    parse_focus,
    period_words,
    plural,
    table_of,
)
from trustbrief.brief.findings.cooperation import event_origins, period_rows
from trustbrief.brief.views.cells import (
    as_list,
    dates_by_event,
    event_span,
    quoted,
    side_noun,
    text_column,
    to_date,
    when_label,
)

ABSENCE_CEILING = "moderate"


def _example(rows: pd.DataFrame, dates: dict[str, dict]) -> str:
    """The best-corroborated act of a direction, dated ones first: '“X” on 8 Oct 2024', or
    '“X” in June 2025' when the articles give only its month, 'on 8–9 Oct 2025' when only
    its span (`dates`: event_id -> the events table's date precision, earliest and latest).
    No parentheses: the example sits in a list of clauses."""
    ranked = rows.assign(_dated=text_column(rows, "date") != "",
                         _origins=[as_int(n) for n in rows.get("n_origins", [0] * len(rows))])
    best = ranked.sort_values(["_dated", "_origins", "event_id"],
                              ascending=[False, False, True]).iloc[0]
    day = to_date(best["date"])
    if day is None:
        return quoted(str(best["label"]))
    known = dates.get(str(best["event_id"]), {})
    kind = known.get("date_precision", "")
    return f"{quoted(str(best['label']))} {'in' if kind == 'month' else 'on'} " \
        f"{when_label(day, kind, event_span(known))}"


def _direction_clause(rows: pd.DataFrame, actor: str, other: str,
                      dates: dict[str, dict]) -> str:
    if rows.empty:
        return f"none by {side_noun(actor)} against {side_noun(other)}"
    # 'such as' promises other acts: a lone act is named as the one it is
    lead = "such as" if len(rows) > 1 else "namely"
    return (f"{len(rows)} by {side_noun(actor)} against {side_noun(other)}, {lead} "
            f"{_example(rows, dates)}")


def _counted(conflict: pd.DataFrame, observer: str, subject: str, start, end) -> str:
    """'6 conflictual events between A and B between 1 Jul and ...' when every one is dated
    in the period; else how many are: the count holds the undated events an article of the
    period reports, and a reader must not take them all for dated in it."""
    dated = int((text_column(conflict, "date") != "").sum())
    head = (f"{plural(len(conflict), 'conflictual event')} between {side_noun(observer)} and "
            f"{side_noun(subject)}")
    if dated == len(conflict):
        return f"{head} {period_words(start, end)}"
    when = f"{dated} dated {period_words(start, end)}" if dated else \
        f"none dated {period_words(start, end)}"
    return f"{head} the articles of the period report ({when})"


def direction_finding(tables, start, end, focus: str) -> Finding:
    """'Of the 6 conflictual events ..., 4 by A against B, such as “X” on 8 Oct 2024; 1 by B
    against A, namely “Y”.'"""
    observer, subject = parse_focus(focus)
    rows, _ = period_rows(tables, start, end)
    conflict = rows[text_column(rows, "tone") == "conflictual"] if len(rows) else rows
    if conflict.empty:
        return Finding(f"No conflictual event between {side_noun(observer)} and "
                       f"{side_noun(subject)} is reported "
                       f"{period_words(start, end)}.", [], "direction", False)
    direction = text_column(conflict, "direction").str.replace(" ", "")
    by_observer = conflict[(direction == f"{observer}->{subject}").to_numpy()]
    by_subject = conflict[(direction == f"{subject}->{observer}").to_numpy()]
    events = table_of(tables, "events")
    dates = dates_by_event(events)
    text = (f"Of the {_counted(conflict, observer, subject, start, end)}, "
            f"{_direction_clause(by_observer, observer, subject, dates)}; "
            f"{_direction_clause(by_subject, subject, observer, dates)}.")
    if len(by_observer) and len(by_subject):
        # 'both acted' is only as sure as the less attested direction
        weaker, actor, other = min(
            (by_observer, observer, subject), (by_subject, subject, observer),
            key=lambda side: len(event_origins(side[0], events)))
        origins = event_origins(weaker, events)
        fewer = len(origins) < len(event_origins(conflict, events))
        return Finding(text, _cite(conflict, tables), "reciprocal", origins=origins,
                       origins_of=f"the less attested direction, {side_noun(actor)} against "
                       f"{side_noun(other)}"
                       if fewer else "")
    actor, other, mine = (observer, subject, by_observer) if len(by_observer) else \
        (subject, observer, by_subject)
    return Finding(text, _cite(mine, tables), "one_sided", origins=event_origins(mine, events),
                   ceiling=ABSENCE_CEILING,
                   ceiling_reason=f"no conflictual act of {side_noun(other)} is reported, and "
                   "an absence "
                                  "of reports is not an absence of acts",
                   terms={"actor": actor, "other": other})


def _cite(rows: pd.DataFrame, tables):
    docs = list(dict.fromkeys(d for cell in rows["doc_ids"] for d in as_list(cell)))
    return cite_documents(docs, table_of(tables, "documents"))
