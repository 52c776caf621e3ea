"""The events table as the timeline and the findings read it: parsed dates, lane, notice,
certainty of the date; and the events no chart can place.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.style import INFERRED_BASES, NOTICE_ORDER, STATED_MARK, UNCERTAIN_MARK
from trustbrief.brief.views.cells import day_label, numbers, text_column, to_date, truthy


def event_frame(events: pd.DataFrame | None) -> pd.DataFrame:
    """Normalize an events table: parsed dates, lane, numbers, certainty class."""
    cols = ["event_id", "label", "date", "date_earliest", "date_latest", "date_precision",
            "date_basis", "event_type", "lane", "operation", "notice", "evidence",
            "outlets", "origins", "doc_ids"]
    if events is None or events.empty:
        return pd.DataFrame(columns=cols + ["day", "first", "last", "n_origins", "n_documents",
                                            "n_outlets", "certainty", "ranged"])
    out = pd.DataFrame({c: text_column(events, c) for c in cols})
    for c in ("n_origins", "n_documents", "n_outlets"):
        out[c] = numbers(events, c).astype(int)
    out["day"] = out["date"].map(to_date)
    out["first"] = [to_date(e) or d for e, d in zip(out["date_earliest"], out["day"], strict=True)]
    out["last"] = [to_date(e) or d for e, d in zip(out["date_latest"], out["day"], strict=True)]
    is_op = out["operation"].map(truthy)
    lane = out["lane"].where(out["lane"] != "", None)
    out["lane"] = lane.fillna(is_op.map({True: "operations", False: "reporting"}))
    ops = is_op | (out["lane"] == "operations")
    notice = out["notice"].where(out["notice"].isin(NOTICE_ORDER), "unknown")
    out["notice"] = notice.where(ops, "n/a")
    out["ranged"] = [f is not None and la is not None and f != la
                     for f, la in zip(out["first"], out["last"], strict=True)]
    uncertain = (out["date_basis"].isin(INFERRED_BASES)
                 | ~out["date_precision"].isin(("day", "")) | out["ranged"])
    out["certainty"] = uncertain.map({True: UNCERTAIN_MARK, False: STATED_MARK})
    return out


def undated_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """Events the timeline cannot place (open or missing date), for a list under the chart."""
    frame = event_frame(events)
    open_ = frame["day"].isna() | (frame["date_basis"] == "open")
    keep = ["event_id", "label", "event_type", "lane", "n_documents", "n_origins", "notice",
            "evidence"]
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
