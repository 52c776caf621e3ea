"""Conflicting accounts that truly conflict.

The events and metrics stages list every fact on which articles give different values. Many
are not contradictions: 'two months' and 'nearly 50 days' describe the same silence in
different words, and 'no notice' and 'minutes of notice' the same surprise. A group of
accounts is kept only when its values cannot all be true together:

- measures (durations, counts) are read as intervals in one unit, widened by what the
  wording admits ('nearly', 'about', 'more than'; a month is 30 days give or take half a
  month), and conflict only when two intervals do not overlap;
- notice levels conflict when they are more than one step apart (none, minutes, hours, days);
- dates conflict when the day ranges are more than a day apart; a range over a month wide
  ('in recent months') dates nothing and contradicts nothing;
- other words (what act it was, fact 'nature': 'arrested' against 'abducted / seized') are
  not compared: different words are shown, for a reader to judge;
- and in every case the accounts must come from different articles: one article giving two
  values tells of two things, which the events stage merged.
"""

from __future__ import annotations

import re

import pandas as pd

from trustbrief.brief.views.cells import as_list, range_text, text_column, to_date
from trustbrief.contract import Notice

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12, "a couple of": 2, "several": 4, "a few": 3, "few": 3}
# Days per unit, and the slack a round figure in that unit carries (days).
UNITS = {"day": (1, 0.0), "week": (7, 3.5), "month": (30, 15.0), "year": (365, 182.0),
         "hour": (1 / 24, 0.0), "time": (1, 0.0)}
QUALIFIERS = {  # (low factor, high factor) around the stated figure
    "nearly": (0.8, 1.0), "almost": (0.8, 1.0), "about": (0.85, 1.15), "around": (0.85, 1.15),
    "some": (0.85, 1.15), "roughly": (0.85, 1.15), "approximately": (0.85, 1.15),
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 2.0),
    "less than": (0.5, 1.0), "under": (0.5, 1.0), "up to": (0.0, 1.0),
}
RELATIVE_TOLERANCE = 0.1  # two exact figures within 10 % are one figure reported twice
NOTICE_STEPS = {level.value: step for step, level in enumerate(
    (Notice.NONE, Notice.MINUTES, Notice.HOURS, Notice.DAYS))}
_MEASURE = re.compile(
    r"(?:(?P<qual>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
    r"(?P<num>\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"\s*(?P<unit>hour|day|week|month|year|time)s?\b", re.IGNORECASE)


def measure_interval(text: str) -> tuple[float, float] | None:
    """'nearly 50 days' -> (40.0, 50.0); 'two months' -> (45.0, 75.0); None if no measure."""
    match = _MEASURE.search(str(text))
    if not match:
        return None
    raw = match["num"].lower()
    number = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS[raw])
    per, slack = UNITS[match["unit"].lower()]
    low_f, high_f = QUALIFIERS.get((match["qual"] or "").lower(), (1.0, 1.0))
    value = number * per
    spread = value * RELATIVE_TOLERANCE + slack
    # A bound ('more than a month') is exact on its own side; a figure is loose on both.
    lo = value * low_f if low_f == 1.0 and high_f > 1.0 else value * low_f - spread
    hi = value * high_f if high_f == 1.0 and low_f < 1.0 else value * high_f + spread
    return max(lo, 0.0), hi


def _measures_conflict(values: list[str]) -> bool:
    intervals = [i for i in map(measure_interval, values) if i is not None]
    return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(intervals)
               for b in intervals[i + 1:])


def _notices_conflict(values: list[str]) -> bool:
    steps = [NOTICE_STEPS[v] for v in values if v in NOTICE_STEPS]
    return len(steps) > 1 and max(steps) - min(steps) > 1


# A date account spread over more than a month ('in recent months') pins no date: it can
# contradict nothing (the sources list calls such an article undated for the same reason).
VAGUE_DATE_DAYS = 31
DATE_SLACK_DAYS = 1  # a day apart is one date told across a time-zone or a late edition


def date_interval(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """'2024-10-08' or '2024-10-08..2024-10-10' -> (first day, last day); None if no date."""
    first, _, last = str(value).strip().partition("..")
    lo, hi = to_date(first), to_date(last or first)
    if lo is None or hi is None:
        return None
    return (lo, hi) if lo <= hi else (hi, lo)


def _dates_conflict(values: list[str]) -> bool:
    """Two accounts' day ranges more than a day apart, neither vaguer than a month."""
    spans = [s for s in map(date_interval, values)
             if s is not None and (s[1] - s[0]).days <= VAGUE_DATE_DAYS]
    return any((b[0] - a[1]).days > DATE_SLACK_DAYS or (a[0] - b[1]).days > DATE_SLACK_DAYS
               for i, a in enumerate(spans) for b in spans[i + 1:])


def accounts_conflict(fact: str, values: list[str]) -> bool:
    """Can these values of one fact not all be true together?"""
    values = [v.strip().lower() for v in values if v and v.strip()]
    if len(set(values)) < 2:
        return False
    if fact == "notice" or set(values) <= set(NOTICE_STEPS):
        return _notices_conflict(values)
    if fact.startswith("date") or all(to_date(v) is not None for v in values):
        return _dates_conflict(values)
    if any(measure_interval(v) is not None for v in values):
        return _measures_conflict(values)
    return True  # different wording we cannot compare: shown, so a reader can judge


def real_conflicts(*tables: pd.DataFrame) -> pd.DataFrame:
    """The accounts of every fact whose values truly conflict, from the conflicts tables
    (fact, event_id or channel, account, value, doc_ids, ...), with a `subject` column."""
    frames = [t for t in tables if t is not None and len(t)]
    if not frames:
        return pd.DataFrame(columns=["fact", "subject", "value", "doc_ids", "evidence"])
    frame = pd.concat(frames, ignore_index=True).fillna("")
    frame["subject"] = [e or c for e, c in zip(text_column(frame, "event_id"),
                                               text_column(frame, "channel"), strict=True)]
    keep = [accounts_conflict(fact, list(group["value"])) and _two_sources(group)
            for (fact, _), group in frame.groupby(["fact", "subject"], sort=False)]
    groups = [g for k, (_, g) in zip(keep, frame.groupby(["fact", "subject"], sort=False),
                                     strict=True) if k]
    if not groups:
        return frame.iloc[0:0]
    return pd.concat(groups, ignore_index=True)


def _two_sources(group: pd.DataFrame) -> bool:
    """Sources disagree only when the accounts come from different articles: one article
    giving two dates ('spoke on Wednesday' ... 'the first time they had spoken since
    August') tells of two events the events stage merged, not of a contradiction between
    sources. So an article behind two accounts counts for neither, and at least two
    accounts must keep an article of their own."""
    sets = [frozenset(as_list(cell)) for cell in text_column(group, "doc_ids")]
    own = [docs - frozenset().union(*(other for j, other in enumerate(sets) if j != i))
           for i, docs in enumerate(sets)]
    return sum(1 for docs in own if docs) > 1


def value_text(fact: str, value: str) -> str:
    """An account's value as a reader reads it: '8–9 Oct 2025' for a date range, 'no
    notice' for a notice level, else as told."""
    text = str(value).strip()
    span = date_interval(text) if fact.startswith("date") or DATE_RANGE.fullmatch(text) \
        else None
    return range_text(*span) if span is not None else text.replace("_", " ")


DATE_RANGE = re.compile(r"\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?")


def cited_documents(frame: pd.DataFrame) -> list[str]:
    return [d for cell in text_column(frame, "doc_ids") for d in as_list(cell)]
