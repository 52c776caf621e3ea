"""The relations finding: were the events between the pair more conflictual than cooperative?

Counts events between the two sides whose PLOVER category is on the Goldstein scale (the
metrics stage's `cooperation` table): dated in the period, plus those no article dates
(reported by articles of the period, so they belong to its story but not to one month).
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    cite_documents,
    parse_focus,
    period_words,
    plural,
    table_of,
)
from trustbrief.brief.views.cells import as_list, side_noun, text_column
from trustbrief.brief.views.cooperation import dated_rows, undated_rows


def event_origins(rows: pd.DataFrame, events: pd.DataFrame) -> tuple[str, ...]:
    """The independent origins behind the events of `rows` (events.origins)."""
    if events.empty or rows.empty:
        return ()
    mine = events[text_column(events, "event_id").isin(set(text_column(rows, "event_id")))]
    return tuple(sorted({o for cell in mine.get("origins", []) for o in as_list(cell)}))


def _reported_in(rows: pd.DataFrame, documents: pd.DataFrame, start, end) -> pd.DataFrame:
    """Rows with at least one document published in [start, end]: an undated event belongs
    to the briefs of the periods that report it, not to every brief of the story."""
    if rows.empty or documents.empty:
        return rows
    days = pd.to_datetime(text_column(documents, "published").str[:10], errors="coerce")
    inside = (days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))
    docs = set(text_column(documents, "doc_id")[inside.to_numpy()])
    keep = [bool(docs & set(as_list(cell))) for cell in rows["doc_ids"]]
    return rows[keep]


def _tally(rows: pd.DataFrame) -> tuple[int, int]:
    tones = text_column(rows, "tone")
    return int((tones == "conflictual").sum()), int((tones == "cooperative").sum())


def period_rows(tables, start, end) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows of the period, those of them dated in it): the cooperation rows dated in
    [start, end], plus the undated ones an article of the period reports."""
    frame = table_of(tables, "cooperation")
    dated = dated_rows(frame, start, end) if len(frame) else frame
    undated = _reported_in(undated_rows(frame), table_of(tables, "documents"), start, end) \
        if len(frame) else frame
    rows = pd.concat([dated, undated]) if len(dated) or len(undated) else dated
    return rows, dated


# How an event counts, in a reader's words (the chart note names the scale: Goldstein 1992).
KIND_OF_ACT = ("by the kind of act: talks, agreements and aid cooperate; protests, sanctions "
               "and force conflict")


def cooperation_finding(tables, start, end, focus: str) -> Finding:
    """'Of 9 events between A and B ..., 7 conflictual and 2 cooperative ...'."""
    observer, subject = parse_focus(focus)
    rows, dated = period_rows(tables, start, end)
    if rows.empty:
        return Finding(f"No cooperative or conflictual event between {side_noun(observer)} "
                       f"and {side_noun(subject)} is reported {period_words(start, end)}.", [],
                       "relations", False)
    conflict, coop = _tally(rows)
    d_conflict, d_coop = _tally(dated)
    text = (f"The articles report {plural(len(rows), 'cooperative or conflictual event')} "
            f"between {side_noun(observer)} and {side_noun(subject)} ({KIND_OF_ACT}): "
            f"{conflict} conflictual, {coop} cooperative; "
            + (f"of the {len(dated)} dated {period_words(start, end)}, {d_conflict} "
               f"conflictual and {d_coop} cooperative." if len(dated) else
               f"none is dated {period_words(start, end)}."))
    lead = rows[text_column(rows, "tone") == ("conflictual" if conflict > coop
                                                else "cooperative")]
    docs = list(dict.fromkeys(d for cell in lead["doc_ids"] for d in as_list(cell)))
    ceiling, reason = _margin_ceiling(conflict, coop, d_conflict, d_coop)
    return Finding(text, cite_documents(docs, table_of(tables, "documents")), "relations",
                   origins=event_origins(lead, table_of(tables, "events")),
                   supports=conflict > coop, ceiling=ceiling, ceiling_reason=reason,
                   terms={"counted": _what_tips_it(conflict > coop, d_conflict, d_coop)})


def _what_tips_it(conflict_leads: bool, d_conflict: int, d_coop: int) -> str:
    """The words the judgement's headline adds when the lean it asserts comes from the
    events no article dates: the period's dated events alone do not lean that way, and an
    analyst reading only the headline must not take it for the dated record."""
    if not conflict_leads or d_conflict > d_coop:
        return ""
    if d_conflict + d_coop == 0:
        return ", a lean resting only on events no article dates"
    return (f", a lean resting on events no article dates: those dated in it are "
            f"{d_conflict} conflictual against {d_coop} cooperative")


# 'More conflictual than cooperative' is only as sure as the margin: two in three events
# conflictual, and the dated ones of the period leaning the same way, or it is a close call.
CLEAR_SHARE = 2 / 3


def _margin_ceiling(conflict: int, coop: int, d_conflict: int, d_coop: int
                    ) -> tuple[str, str]:
    """(highest confidence, why) the counts allow, whatever the sourcing: 5 against 3, or 2
    against 2 among the dated events of the period, is a roughly even call, not 'very
    likely'."""
    total = conflict + coop
    clear = total and conflict / total >= CLEAR_SHARE and d_conflict > d_coop
    if clear:
        return "high", ""
    return "low", (f"the margin is narrow: {conflict} conflictual against {coop} cooperative"
                   + (f", {d_conflict} against {d_coop} among those dated in the period"
                      if d_conflict + d_coop else ""))
