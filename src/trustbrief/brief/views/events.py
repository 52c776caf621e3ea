"""The events table as the timeline and the findings read it: parsed dates, lane, notice,
certainty of the date; and the events no chart can place.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.style import INFERRED_BASES, NOTICE_ORDER, STATED_MARK, UNCERTAIN_MARK
from trustbrief.brief.views.cells import (
    as_list,
    day_label,
    numbers,
    side_noun,
    text_column,
    to_date,
    truthy,
)
from trustbrief.brief.views.notice import operation_heads
from trustbrief.brief.views.outlets import outlet_labels
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
    # an event dated to a month has no day: its mark sits mid-month, on its month's bar
    month = (out["date_precision"] == "month") & out["first"].notna() & out["last"].notna()
    out.loc[month, "day"] = [f + (la - f) / 2 for f, la in zip(out.loc[month, "first"],
                                                              out.loc[month, "last"],
                                                              strict=True)]
    is_op = out["operation"].map(truthy)
    lane = out["lane"].where(out["lane"] != "", None)
    out["lane"] = lane.fillna(is_op.map({True: "operations", False: "reporting"}))
    ops = is_op | (out["lane"] == "operations")
    notice = out["reported_notice"].where(out["reported_notice"].isin(NOTICE_ORDER), "unknown")
    # An operation no article gives an actor (the events stage writes n/a: no side acts) may
    # be the subject's: its notice is not reported, as the notice finding counts it.
    unnamed = (text_column(events, "agent_side") == "").to_numpy() & (notice == "n/a")
    out["notice"] = notice.mask(unnamed, "unknown").where(ops, "n/a")
    out["ranged"] = [f is not None and la is not None and f != la
                     for f, la in zip(out["first"], out["last"], strict=True)]
    # Filled: the day is stated in an article; hollow: inferred. A range is drawn as a bar.
    uncertain = out["date_basis"].isin(INFERRED_BASES)
    out["certainty"] = uncertain.map({True: UNCERTAIN_MARK, False: STATED_MARK})
    return out


def is_operation(events: pd.DataFrame) -> pd.Series:
    """THE operation of a brief: the events' own operation flag (a defensive act, shooting
    down what was fired, owes no notice and is none: data/event_types.yaml); the lane only
    when the table has no flag. Every count of operations and the operations lane use it."""
    if "operation" in events.columns:
        return text_column(events, "operation").str.strip().str.lower().isin(("true", "1", "yes"))
    return text_column(events, "lane") == "operations"


def drawn_lanes(events: pd.DataFrame, sides) -> pd.Series:
    """The lane each event is drawn in: the operations lane holds the operations of the focus
    pair (`sides`) and nothing else, so it shows what the heading counts; a third party's
    act of an operation's type, or an act of that type that is no operation (a shoot-down),
    goes with the other actions."""
    lane = text_column(events, "lane")
    other = (lane == "operations") & (~text_column(events, "agent_side").isin([*sides, ""])
                                      | ~is_operation(events))
    return lane.mask(other, "third-party actions")


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
    if row.date_precision == "month" and row["first"] is not None:
        text = f"{row['first']:%B %Y}"  # a month the articles name: no day to pick
    elif row.ranged and row["first"] is not None and row["last"] is not None:
        text = f"{day_label(row['first'])} – {day_label(row['last'])} (best {day_label(row.day)})"
    else:
        text = day_label(row.day)
    basis = row.date_basis or "unknown basis"
    precision = row.date_precision or "unknown precision"
    return f"{text}; {basis}, {precision}"


def event_notice(events: pd.DataFrame | None) -> pd.Series:
    """The notice column of an events table (`notice_to` names whose notice it is)."""
    return text_column(events, "notice")


NOT_CONFIDENT_STATUSES = (Factuality.PLANNED, Factuality.HYPOTHETICAL, Factuality.NEGATED,
                          Factuality.GENERIC)


def actor_sides(actor_mentions: pd.DataFrame | None) -> dict[str, str]:
    """Actor name -> its side, as the extraction resolved it (the most frequent side)."""
    if actor_mentions is None or actor_mentions.empty:
        return {}
    pairs = pd.DataFrame({"actor": text_column(actor_mentions, "actor"),
                          "side": text_column(actor_mentions, "side")})
    pairs = pairs[(pairs["actor"] != "") & (pairs["side"] != "")]
    top = pairs.groupby("actor")["side"].agg(lambda s: s.value_counts().index[0])
    return top.to_dict()


def within_one_side(events: pd.DataFrame | None, sides: dict[str, str]) -> pd.Series:
    """True for an event between actors of ONE side (two officials of the same government
    meeting): it says nothing about the relationship between the pair. The agent's side and
    every target's side must be known and equal."""
    if events is None or events.empty:
        return pd.Series([], dtype=bool)
    out = []
    for agent, agent_side, targets in zip(text_column(events, "agent"),
                                          text_column(events, "agent_side"),
                                          text_column(events, "targets"), strict=True):
        # the agent's own side first: an event's agent_side can name a target's side
        side = sides.get(agent, "") or agent_side
        target_sides = {sides.get(t, "?") for t in as_list(targets)}
        out.append(bool(side) and target_sides == {side})
    return pd.Series(out, index=events.index, dtype=bool)


# The PLOVER category of what is said or reported rather than done (data/goldstein.yaml: off
# the cooperation-conflict scale): statements, accounts, media reports.
SAYING = "OTHER"


def aside_statements(events: pd.DataFrame | None, sides: dict[str, str],
                     pair: tuple[str, str]) -> pd.Series:
    """True for a statement in the contacts lane that is not one side of the pair speaking
    to or about the other (a side's minister on a third country, a third party on either
    side, a statement naming no one): it is no contact between the two, so the timeline of
    their relationship leaves it to the annex. A target counts by its side (`sides`), else
    by its own name (a government named as itself)."""
    if events is None or events.empty:
        return pd.Series([], dtype=bool)
    saying = (text_column(events, "plover") == SAYING) & (text_column(events, "lane") ==
                                                          "contacts")
    out = []
    for said, agent, agent_side, targets in zip(saying, text_column(events, "agent"),
                                                text_column(events, "agent_side"),
                                                text_column(events, "targets"), strict=True):
        side = sides.get(agent, "") or agent_side
        addressed = {sides.get(t, t) for t in as_list(targets)}
        out.append(bool(said) and not (side in pair and set(pair) - {side} & addressed))
    return pd.Series(out, index=events.index, dtype=bool)


TIMELINE_EVENTS = 24  # the most corroborated events a timeline draws (size stays bounded)


def timeline_note(events: pd.DataFrame, notice_to: str) -> str:
    """How to read the timeline: the colour is explained only when a drawn operation is
    coloured by its notice (the chart then shows the legend), never above a chart whose
    points are all grey (az-ru: its one operation was aimed at the observer)."""
    coloured = bool(len(events)) and (event_frame(events)["notice"] != "n/a").any()
    colour = f"; colour: the notice {side_noun(notice_to)} had of an operation" \
        if coloured else ""
    return (f"Each point is one event, labelled or numbered (key below the chart){colour}. "
            "Filled: date stated in an article or the story's reference chronology; hollow: "
            "inferred; bar: a date range. Events within one side, statements not between the "
            "two, events undated, planned or of low confidence, and, past "
            f"{TIMELINE_EVENTS} events, the least corroborated other than operations, are "
            "listed in the annex.")


def confident_events(events: pd.DataFrame | None, start, end,
                     sides: dict[str, str] | None = None,
                     limit: int | None = None,
                     pair: tuple[str, str] | None = None) -> pd.DataFrame:
    """The events a timeline may show: asserted or alleged (told as done, the label saying
    its doer is only charged; not planned or hypothetical), dated (not
    open), best date inside [start, end], not the act of reporting itself and, when the
    actors' `sides` are given, not an event within one side (nor, with the `pair`, a
    statement not between the two); past `limit`, the events with the most independent
    origins."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])))
    return events[(off_timeline_reason(events, start, end, sides, limit, pair) == "").values]


OFF_TIMELINE = {  # why an event of the period is not on the timeline (annex wording)
    "undated": "no date", "status": "not asserted", "outside": "best date outside the period",
    "reporting": "the act of reporting", "one_side": "within one side",
    "limit": "past the drawn events (operations first, then most origins)",
    "retold": "the same operation as a better-reported event shown",
    "aside": "a statement not by one side to or about the other",
}


def _retold(events: pd.DataFrame, reasons: pd.Series) -> pd.Series:
    """Operations on the timeline that another shown row tells (views.notice.operation_heads:
    same day, category and acting side, one's target among the other's actors): drawn once."""
    ops = (reasons == "") & (text_column(events, "lane") == "operations").values
    ids = list(text_column(events, "event_id")[ops.values])
    heads = operation_heads(events, ids)
    return ops & text_column(events, "event_id").map(lambda e: heads.get(e, e) != e).values


def off_timeline_reason(events: pd.DataFrame, start, end,
                        sides: dict[str, str] | None = None,
                        limit: int | None = None,
                        pair: tuple[str, str] | None = None) -> pd.Series:
    """Per event, why the timeline leaves it out ('' when it is shown)."""
    frame = event_frame(events)
    lo, hi = to_date(start), to_date(end)
    status = text_column(events, "status").isin(NOT_CONFIDENT_STATUSES).values
    one_side = (within_one_side(events, sides).values if sides is not None
                else [False] * len(frame))
    aside = (aside_statements(events, sides or {}, pair).values if pair is not None
             else [False] * len(frame))
    reasons = []
    for i, r in enumerate(frame.itertuples()):
        if r.day is None or r.date_basis == "open":
            reasons.append(OFF_TIMELINE["undated"])
        elif status[i]:
            reasons.append(OFF_TIMELINE["status"])
        elif (lo is not None and r.day < lo) or (hi is not None and r.day > hi):
            reasons.append(OFF_TIMELINE["outside"])
        elif r.lane == "reporting":
            reasons.append(OFF_TIMELINE["reporting"])
        elif one_side[i]:
            reasons.append(OFF_TIMELINE["one_side"])
        elif aside[i]:
            reasons.append(OFF_TIMELINE["aside"])
        else:
            reasons.append("")
    out = pd.Series(reasons, index=events.index, dtype=object)
    out[_retold(events, out)] = OFF_TIMELINE["retold"]
    shown = frame.set_index(events.index)[out == ""]
    if limit is not None and len(shown) > limit:
        # an operation is what the notice finding and ledger count: it is drawn before any
        # better-corroborated contact or statement, so the timeline shows each one they name
        ops = is_operation(events)[out == ""]
        ranked = shown.assign(_op=ops.values).sort_values(
            ["_op", "n_origins", "n_documents", "date", "event_id"],
            ascending=[False, False, False, True, True])
        out[ranked.index[limit:]] = OFF_TIMELINE["limit"]
    return out


def unplaced_events(events: pd.DataFrame | None, start, end,
                    sides: dict[str, str] | None = None,
                    limit: int | None = None,
                    pair: tuple[str, str] | None = None) -> pd.DataFrame:
    """Events of the period left off the timeline (undated, planned, low-confidence, within
    one side, a statement not between the `pair`, past the limit), with the reason in
    `why`."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])) + ["why"])
    why = off_timeline_reason(events, start, end, sides, limit, pair)
    return events.assign(why=why)[why != ""]


def named_origins(events: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """The events with their `origins` cells named for a reader: an origin that is an article
    of its own (the origin rule names it by its doc_id) becomes the article's short name (its
    outlet, or its title), so chart tooltips never show an id outside the annex."""
    if events.empty or "origins" not in events.columns:
        return events
    # the cell is ';'-separated: a title's own ';' must not split it
    names = {d: name.replace(";", ",") for d, (name, _) in outlet_labels(documents).items()}
    return events.assign(origins=[";".join(dict.fromkeys(names.get(o, o) for o in as_list(cell)))
                                  for cell in text_column(events, "origins")])


def quiet_end(events: pd.DataFrame, start, end) -> str:
    """', none dated after 8 Oct 2024' when the drawn events stop well before the period's
    end (its last third), so an empty stretch of the chart reads as what it is: no article
    dates an event there, not a gap in the drawing."""
    days = [d for d in map(to_date, text_column(events, "date")) if d is not None]
    first, last = to_date(start), to_date(end)
    if not days or first is None or last is None:
        return ""
    latest = max(days)
    quiet = (last - latest).days
    return f", none dated after {day_label(latest)}" if quiet > max(
        7, (last - first).days / 3) else ""
