"""Events other articles date (pinned): by a calendar date they print, or, in a dated article,
by a day relative to its own ('spoke on Thursday', 'this week'); see trustbrief.dating."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from trustbrief import timex
from trustbrief.dating.chronology import Pinned, actor_list, iso_or_none
from trustbrief.dating.clues import (
    ONE_DAY,
    SentenceTimes,
    dated_days,
    governing_times,
    is_explicit_day,
    is_full_date,
)


def pinned_from_dated_documents(mentions: list[dict], times: SentenceTimes,
                                documents: pd.DataFrame,
                                once_per_party: frozenset[str] = frozenset()) -> list[Pinned]:
    """Events another article dates: by an explicit date ('Chad fired missiles on Oct. 1';
    a full date needs no dated article), or, in a dated article, by a day relative to its
    own date ('spoke on Thursday', 'earlier today', 'yesterday'). `once_per_party`: the
    event types that happen once to a party (data/incidents.yaml), for Pinned.once."""
    anchors = dated_days(documents)
    ranges = ranged_days(documents)
    pinned = []
    for m in mentions:
        if m.get("sentence_actors"):
            continue
        found = pinned_day(m, times, anchors.get(m["doc_id"])) if m["doc_id"] not in ranges \
            else _pinned_in_range(m, times, ranges[m["doc_id"]])
        if found is not None:
            time_id, first, last, tier = found
            actors = frozenset(actor_list(m["actors"]))
            once = m["event_type"] in once_per_party and len(actors) == 1 and not m.get("agent")
            pinned.append(Pinned(f"{m['doc_id']}:{time_id}", m["event_type"], actors, None,
                                 first, last, tier != EXPLICIT, from_article=True,
                                 weekly=tier == WEEKLY, agent=m.get("agent") or "", once=once))
    return pinned


# An undated article whose clues leave it a few days (fewer than RANGE_PIN_DAYS) dates its
# events as a dated one does where every day of its range reads the expression alike
# ('Thursday' in an article of Aug 1-4 is Aug 1 whichever day it is of); the dating stage
# writes the range of such an article in these columns of its anchors between passes.
RANGE_PIN_DAYS = 7
RANGED_EARLIEST, RANGED_LATEST = "_ranged_earliest", "_ranged_latest"


def ranged_days(documents: pd.DataFrame) -> dict[str, list[dt.date]]:
    """doc_id -> the days of its narrow range, for the undated documents that have one."""
    if RANGED_EARLIEST not in documents.columns:
        return {}
    out = {}
    for doc_id, published, first, last in zip(
            documents["doc_id"], documents["published"], documents[RANGED_EARLIEST],
            documents[RANGED_LATEST], strict=True):
        start, end = iso_or_none(first), iso_or_none(last)
        if published or start is None or end is None:
            continue
        out[doc_id] = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    return out


def _pinned_in_range(m: dict, times: SentenceTimes, days: list[dt.date]
                     ) -> tuple[str, dt.date, dt.date, str] | None:
    """pinned_day when every day of the article's range gives the same one, else None."""
    found = {pinned_day(m, times, day) for day in days}
    return found.pop() if len(found) == 1 else None


EXPLICIT, DAILY, WEEKLY = "explicit", "daily", "weekly"  # how surely a pinned event is dated
WEEK_DAYS = 7


def pinned_day(m: dict, times: SentenceTimes, anchor: dt.date | None
                ) -> tuple[str, dt.date, dt.date, str] | None:
    """(time_id, first, last, tier) of the one date expression that dates the mention, or
    None: an explicit date; else, in a dated article, a day relative to it ('on Thursday');
    else its week ('this week', 'last week')."""
    explicit = [t for t, _ in governing_times(m, times, is_explicit_day)]
    if len(explicit) == 1:
        spec = explicit[0]["spec"]
        if anchor is None and not is_full_date(spec):
            return None
        day = _past_day(spec, anchor) if anchor else timex.resolve_spec(spec, None).date
        return (explicit[0]["time_id"], day, day, EXPLICIT) if day is not None else None
    if explicit or anchor is None:
        return None
    for wanted, tier in ((_is_day_relative, DAILY), (_is_week_relative, WEEKLY)):
        relative = [t for t, weight in governing_times(m, times, wanted) if weight == 1]
        if len(relative) > 1:
            return None
        if relative:
            resolved = timex.resolve_spec(relative[0]["spec"], anchor)
            if resolved.date is None or _ahead_of_a_past_act(m, resolved, anchor):
                return None
            if (resolved.latest - resolved.earliest).days >= (WEEK_DAYS if tier == WEEKLY
                                                               else 1):
                return None
            return relative[0]["time_id"], resolved.earliest, resolved.latest, tier
    return None


def _ahead_of_a_past_act(m: dict, resolved: timex.Resolved, anchor: dt.date) -> bool:
    """A day after the article's for an act it tells as done: the day is another clause's
    ('Z, who will on Thursday accept the nomination, also joined the call')."""
    return (m.get("polarity") or "asserted") == "asserted" and resolved.earliest > anchor


def _is_week_relative(spec: str) -> bool:
    """A week named relative to the article's ('this week', 'last week')."""
    return isinstance(spec, str) and spec.startswith("relw:")


def _is_day_relative(spec: str) -> bool:
    """A day named relative to the article's ('on Thursday', 'yesterday', 'today')."""
    return isinstance(spec, str) and spec.startswith(("weekday:", "reld:"))


def _past_day(spec: str, anchor: dt.date) -> dt.date | None:
    """The day an explicit date names, read as reported by an article of `anchor`: a day
    without its year ('December 25') is the latest such day not after the article (the
    nearest one may lie ahead: 'December 25' read in October is last December)."""
    day = timex.resolve_spec(spec, anchor).date
    if day is not None and spec.startswith("md:") and day > anchor + ONE_DAY:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:  # Feb 29
            return None
    return day
