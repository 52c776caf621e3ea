"""The notice finding: operations in the period and the notice the observer got.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from trustbrief.brief.findings.base import (
    LITTLE_NOTICE,
    Finding,
    cite_documents,
    docs_of,
    join_words,
    parse_focus,
    period_words,
    plural,
    rows_in_window,
    some_of,
    table_of,
)
from trustbrief.brief.views.cells import (
    as_list,
    dates_by_event,
    event_span,
    quoted,
    sentence_start,
    side_noun,
    text_column,
    to_date,
    when_label,
)
from trustbrief.brief.views.events import event_notice, is_operation
from trustbrief.brief.views.notice import merge_same_operations, operation_heads
from trustbrief.contract.vocab import Notice


def operations_in_period(events: pd.DataFrame | None, start, end) -> pd.DataFrame:
    """Operations dated in [start, end] (by their best date): the one count of operations
    every sentence and chart takeaway of a brief uses. Undated operations never count."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])))
    ops = events[is_operation(events)]
    ops = rows_in_window(ops, start, end)
    return ops.assign(_sort=text_column(ops, "date")).sort_values(
        ["_sort", "event_id"] if "event_id" in ops.columns else ["_sort"]).drop(
        columns=["_sort"])


def operations_takeaway(ops: pd.DataFrame, observer: str, subject: str) -> str:
    """'5 operations, 4 with no or only minutes of notice to A'; when no operation is one
    side's against a third party (a strike of one on the other), notice is not at stake and
    the count says so rather than 'none with no notice'."""
    if ops.empty:
        return f"no operation by {side_noun(observer)} or {side_noun(subject)} is dated in it"
    notice = event_notice(ops)
    head = plural(len(ops), "operation")
    if (notice == Notice.NOT_APPLICABLE).all():
        return (f"{head}, {'none' if len(ops) > 1 else 'not'} against a third party, so no "
                f"advance notice to {side_noun(observer)} is at stake")
    little = int(notice.isin(LITTLE_NOTICE).sum())
    # '3 operations, 3 with ...' reads as if a count were missing: all of them are
    some = ("all " if len(ops) > 1 else "") if little == len(ops) else f"{little or 'none'} "
    return f"{head}, {some}with no or only minutes of notice to {side_noun(observer)}"


def operations_with_notice(tables, start, end) -> pd.DataFrame:
    """Dated operations in the period with their notice (the ledger's, else the event's)."""
    cols = ["event_id", "label", "date", "notice", "doc_ids"]
    ledger = table_of(tables, "notice_ledger")
    events = table_of(tables, "events")
    if events.empty:  # no events table: the ledger's dated rows stand in
        ops = rows_in_window(ledger, start, end)
        return pd.DataFrame({c: text_column(ops, c) for c in cols})
    ops = operations_in_period(events, start, end)
    ledger = merge_same_operations(ledger, events)
    notice = dict(zip(text_column(ledger, "event_id"), text_column(ledger, "notice"), strict=True))
    frame = pd.DataFrame({"event_id": text_column(ops, "event_id"),
                          "label": text_column(ops, "label"),
                          "date": text_column(ops, "date"),
                          "notice": event_notice(ops),
                          "doc_ids": text_column(ops, "doc_ids")})
    frame["notice"] = [notice.get(e) or n for e, n in zip(frame["event_id"], frame["notice"],
                                                          strict=True)]
    return _one_row_per_operation(frame, events)[cols]


def _one_row_per_operation(frame: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Rows that tell one operation (views.notice.operation_heads) as the most reported
    one's row, with every row's documents: an operation is counted once."""
    heads = operation_heads(events, list(frame["event_id"]))
    if all(heads[e] == e for e in frame["event_id"]):
        return frame
    docs: dict[str, list[str]] = {}
    for e, cell in zip(frame["event_id"], frame["doc_ids"], strict=True):
        docs.setdefault(heads[e], []).extend(as_list(cell))
    kept = frame[[heads[e] == e for e in frame["event_id"]]].copy()
    kept["doc_ids"] = [";".join(dict.fromkeys(docs[e])) for e in kept["event_id"]]
    return kept


NAMED_OPERATIONS = 4  # operations a finding names; the ledger lists them all
NOT_AT_STAKE = "where notice is not at stake"


def notice_finding(tables, start, end, focus: str) -> Finding:
    observer, subject = parse_focus(focus)
    documents = table_of(tables, "documents")
    ops = operations_with_notice(tables, start, end).sort_values(["date", "event_id"])
    if ops.empty:
        return Finding(f"No operation is dated {period_words(start, end)}, so there is no account "
                       f"of the notice {side_noun(observer)} got; the notice ledger is empty "
                       "for this period.", [], "notice", False)
    little = ops[ops["notice"].isin(LITTLE_NOTICE)]
    # notice is 'n/a' for an operation of one side on the other, or of a third party: no
    # advance notice to the observer is at stake, and none is missing from the reports
    counts = Counter(ops["notice"].replace({"": "unknown"}))
    if counts.get(Notice.NOT_APPLICABLE) == len(ops):
        return Finding(_not_at_stake(ops, table_of(tables, "events"), observer, subject,
                                     period_words(start, end)),
                       cite_documents(docs_of(ops), documents), "notice", supports=False)
    if little.empty:
        spread = join_words([f"{plural(n, 'operation')} " + (
            "whose notice no article reports" if k == "unknown" else NOT_AT_STAKE
            if k == Notice.NOT_APPLICABLE else f"with {k} of notice")
            for k, n in sorted(counts.items())])
        which = "The only dated operation" if len(ops) == 1 else \
            f"None of the {plural(len(ops), 'dated operation')}"
        negation = " not" if len(ops) == 1 else ""
        text = (f"{which} {period_words(start, end)} is{negation} reported as coming with no or "
                f"only minutes of notice to {side_noun(observer)} ({spread}).")
        return Finding(text, cite_documents(docs_of(ops), documents), "notice", supports=False)
    dates = dates_by_event(table_of(tables, "events"))
    named = [f"{quoted(r.label)} {_on_when(dates.get(r.event_id, {}), r.date)} "
             f"({_notice_words(r.notice)})" for r in little.head(NAMED_OPERATIONS).itertuples()]
    if len(little) > NAMED_OPERATIONS:  # the sentence does not grow with the corpus
        named.append(plural(len(little) - NAMED_OPERATIONS, "more operation"))
    which = join_words(named)
    text = (f"{sentence_start(some_of(len(little), len(ops), 'dated operation', 'the '))} "
            f"{period_words(start, end)} "
            f"came with no notice or only minutes of notice to {side_noun(observer)}: {which}.")
    unknown = counts.get("unknown", 0)
    if unknown:
        text += f" For {plural(unknown, 'other dated operation')}, the notice is not reported."
    return Finding(text, cite_documents(docs_of(little), documents), "notice")


def _whose(event: pd.Series | None, observer: str, subject: str) -> str:
    """Why no notice to the observer is at stake for one operation: 'an act of B-land
    against A-land', 'an act of A-land itself', 'an act of C-land'; '' unknown."""
    side = "" if event is None else str(event.get("agent_side") or "")
    if side == observer:
        return f"an act of {side_noun(observer)} itself"
    if side == subject:
        return f"an act of {side_noun(subject)} against {side_noun(observer)}"
    return f"an act of {side_noun(side)}" if side else ""


def _when(event: pd.Series | None, date: str) -> str:
    """'February 2025' for an operation the articles date by its month, else its day."""
    precision = "" if event is None else str(event.get("date_precision") or "")
    return when_label(to_date(date), precision, None if event is None else event_span(event))


def _on_when(known: dict, date: str) -> str:
    """'on 31 Jul 2024', 'on 17–18 Sep 2024' (a span of days), 'in February 2025' (a month):
    an operation's date as the articles know it (`known`: dates_by_event's row)."""
    precision = known.get("date_precision", "")
    return f"{'in' if precision == 'month' else 'on'} " \
        f"{when_label(to_date(date), precision, event_span(known))}"


def _not_at_stake(ops: pd.DataFrame, events: pd.DataFrame, observer: str, subject: str,
                  period: str) -> str:
    """Operations none of which is one side's act against a third party, each named with
    whose act it is (never 'aimed at one of the two or carried out by another party' when
    the events table says which); the general words when there are too many to name."""
    by_id = {e: row for e, (_, row) in zip(text_column(events, "event_id"), events.iterrows(),
                                           strict=True)}
    named = [(f"{quoted(r.label)} ({_when(by_id.get(r.event_id), r.date)})",
              _whose(by_id.get(r.event_id), observer, subject)) for r in ops.itertuples()]
    tail = f"so no advance notice to {side_noun(observer)} is at stake."
    known = all(whose for _, whose in named)
    observer, subject = side_noun(observer), side_noun(subject)  # as nouns from here
    if len(ops) == 1 and known:
        (what, whose), = named
        return (f"The only dated operation {period}, {what}, is {whose}, not an act of "
                f"{observer} or {subject} against a third party, {tail}")
    if len(ops) <= NAMED_OPERATIONS and known:
        each = join_words([f"{what} is {whose}" for what, whose in named])
        return (f"None of the {plural(len(ops), 'dated operation')} {period} is an act of "
                f"{observer} or {subject} against a third party: {each}; {tail}")
    which, negation, each = (("The only dated operation", " not", "it") if len(ops) == 1
                             else (f"None of the {plural(len(ops), 'dated operation')}", "",
                                   "each"))
    return (f"{which} {period} is{negation} an act of {observer} or {subject} against a "
            f"third party: {each} was aimed at one of the two or carried out by another "
            f"party, {tail}")


def _notice_words(notice: str) -> str:
    return "no notice" if notice == "none" else f"{notice} of notice"
