"""The events table as the timeline and the findings read it: parsed dates, lane, notice,
certainty of the date; and the events no chart can place.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.style import INFERRED_BASES, NOTICE_ORDER, STATED_MARK, UNCERTAIN_MARK
from trustbrief.brief.views.cells import day_label, numbers, text_column, to_date, truthy
from trustbrief.contract import Factuality


def event_frame(events: pd.DataFrame | None) -> pd.DataFrame:
    """Normalize an events table: parsed dates, lane, numbers, certainty class."""
    cols = ["event_id", "label", "date", "date_earliest", "date_latest", "date_precision",
            "date_basis", "event_type", "lane", "operation", "evidence",
            "outlets", "origins", "doc_ids"]
    if events is None or events.empty:
        return pd.DataFrame(columns=cols + ["reported_notice", "day", "first", "last",
                                            "n_origins", "n_documents", "n_outlets", "notice",
                                            "certainty", "ranged"])
    out = pd.DataFrame({c: text_column(events, c) for c in cols})
    out["reported_notice"] = event_notice(events)
    for c in ("n_origins", "n_documents", "n_outlets"):
        out[c] = numbers(events, c).astype(int)
    out["day"] = out["date"].map(to_date)
    out["first"] = [to_date(e) or d for e, d in zip(out["date_earliest"], out["day"], strict=True)]
    out["last"] = [to_date(e) or d for e, d in zip(out["date_latest"], out["day"], strict=True)]
    is_op = out["operation"].map(truthy)
    lane = out["lane"].where(out["lane"] != "", None)
    out["lane"] = lane.fillna(is_op.map({True: "operations", False: "reporting"}))
    ops = is_op | (out["lane"] == "operations")
    notice = out["reported_notice"].where(out["reported_notice"].isin(NOTICE_ORDER), "unknown")
    out["notice"] = notice.where(ops, "n/a")
    out["ranged"] = [f is not None and la is not None and f != la
                     for f, la in zip(out["first"], out["last"], strict=True)]
    # Filled: the day is stated in an article; hollow: inferred. A range is drawn as a bar.
    uncertain = out["date_basis"].isin(INFERRED_BASES)
    out["certainty"] = uncertain.map({True: UNCERTAIN_MARK, False: STATED_MARK})
    return out


def undated_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """Events the timeline cannot place (open or missing date), for a list under the chart."""
    frame = event_frame(events)
    open_ = frame["day"].isna() | (frame["date_basis"] == "open")
    keep = ["event_id", "label", "event_type", "lane", "n_documents", "n_origins",
            "reported_notice", "evidence"]
    return frame.loc[open_, keep].sort_values(["lane", "label", "event_id"]).reset_index(drop=True)


def event_labels(events: pd.DataFrame | None) -> dict[str, str]:
    if events is None or events.empty:
        return {}
    return dict(zip(text_column(events, "event_id"), text_column(events, "label"), strict=True))


def date_text(row) -> str:
    if row.ranged and row["first"] is not None and row["last"] is not None:
        text = f"{day_label(row['first'])} – {day_label(row['last'])} (best {day_label(row.day)})"
    else:
        text = day_label(row.day)
    basis = row.date_basis or "unknown basis"
    precision = row.date_precision or "unknown precision"
    return f"{text}; {basis}, {precision}"


def event_notice(events: pd.DataFrame | None) -> pd.Series:
    """The notice column of an events table: `notice` (with `notice_to` naming whose) in
    the contract's tables, `us_notice` in older ones."""
    if events is not None and "notice" in getattr(events, "columns", ()):
        return text_column(events, "notice")
    return text_column(events, "us_notice")


NOT_CONFIDENT_STATUSES = (Factuality.PLANNED, Factuality.HYPOTHETICAL, Factuality.NEGATED,
                          Factuality.GENERIC)


def confident_events(events: pd.DataFrame | None, start, end) -> pd.DataFrame:
    """The events a timeline may show: asserted (not planned or hypothetical), dated (not
    open), best date inside [start, end], and not the act of reporting itself."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])))
    frame = event_frame(events)
    lo, hi = to_date(start), to_date(end)
    inside = [day is not None and (lo is None or day >= lo) and (hi is None or day <= hi)
              for day in frame["day"]]
    keep = (pd.Series(inside, index=frame.index)
            & (frame["date_basis"] != "open")
            & ~text_column(events, "status").isin(NOT_CONFIDENT_STATUSES).values
            & (frame["lane"] != "reporting"))
    return events[keep.values]


def unplaced_events(events: pd.DataFrame | None, start, end) -> pd.DataFrame:
    """Events of the period left off the timeline: undated, planned, low-confidence."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])))
    shown = set(text_column(confident_events(events, start, end), "event_id"))
    return events[~text_column(events, "event_id").isin(shown)]
