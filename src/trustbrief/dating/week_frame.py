"""A roundup of this week: its weekdays are days of the week it frames.

An article whose first body sentence frames its news by the current week ('Regional tensions
escalated further this week ...') and then tells what happened on a bare weekday ('X and
Y spoke by phone Thursday') tells a day of that week: the weekday, read as the
latest such day on or before the article's, falls in the article's own week. Published on a
Wednesday, 'Thursday' would be the Thursday of the week before, outside the frame; so the
article is of that weekday or a later day of its week. A week runs Monday to Sunday in some
countries' usage and Sunday to Saturday in others; either one will do. Like a lede's weekday
the clue holds on some days of every week: it chooses among the days the other clues allow
and never bounds the range on its own (kind 'lede', dating.decide PERIODIC_KINDS). A frame
of another week ('last week', 'earlier this month') or one that looks ahead ('later this
week') gives no such clue.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from trustbrief import timex
from trustbrief.dating import lede
from trustbrief.dating.clues import BARE_WEEKDAY, LEDE_WEIGHT, Clue, sentence_text
from trustbrief.tables import frame_records

THIS_WEEK = ("relw:0", "relw:0:before")  # 'this week', 'earlier this week'


def week_frame_clues(times: pd.DataFrame | None, doc_ids: set[str],
                     depths: dict[tuple[str, str], int] | None = None
                     ) -> dict[str, list[Clue]]:
    """doc_id -> clues that the article's bare weekdays below a 'this week' frame fall in
    its own week; `depths`: lede.lede_depths (sentence numbers stand in without them)."""
    if times is None or times.empty:
        return {}
    columns = [c for c in ("doc_id", "sent_id", "spec", "text", "sentence_text")
               if c in times]
    records = [t for t in frame_records(times, columns) if t["doc_id"] in doc_ids]
    depths = depths or {}
    framed = {t["doc_id"] for t in records if str(t["spec"]) in THIS_WEEK
              and lede.depth(t["doc_id"], t["sent_id"], depths) == 1}
    out: dict[str, list[Clue]] = {}
    for t in records:
        if t["doc_id"] not in framed or not str(t["spec"]).startswith(BARE_WEEKDAY):
            continue
        number = lede.depth(t["doc_id"], t["sent_id"], depths)
        if number is None or number <= 1:
            continue
        out.setdefault(t["doc_id"], []).append(_in_the_week(t))
    return out


def _week_start(day: dt.date) -> dt.date:
    """The first day of the week holding `day`, in the usage that starts it earlier (a
    Sunday start on Sunday itself is that day; a Monday start is then six days before)."""
    monday = day - dt.timedelta(days=day.weekday())
    sunday = day - dt.timedelta(days=(day.weekday() + 1) % 7)
    return min(monday, sunday)


def _in_the_week(t: dict) -> Clue:
    spec = str(t["spec"])

    def holds(day: dt.date) -> bool:
        told = timex.resolve_spec(spec, day).date
        return told is not None and told >= _week_start(day)

    return Clue(t["doc_id"], t["sent_id"], sentence_text(t), "lede", holds, (),
                (t["sent_id"], "week", spec), LEDE_WEIGHT)
