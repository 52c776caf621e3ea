"""Scoring candidate days by the clues they satisfy, and the verdict: a range, and the day
when the range pins one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustbrief.dating.clues import Clue

PIN_DAYS = 2  # a range of at most this many days is given as its first day


@dataclass(frozen=True)
class Verdict:
    """The range of publication days the clues allow; `published` only when it is pinned."""

    published: dt.date | None
    earliest: dt.date
    latest: dt.date
    used: list[Clue]
    score: float
    total: float


def _window(clues: list[Clue], lookaround_days: int,
            bounds: tuple[dt.date | None, dt.date | None] = (None, None)) -> list[dt.date]:
    """Candidate publication days: from a week before the earliest dated event to
    `lookaround_days` after the latest ('last month' can point that far back), or the bounds
    when known (a month in the URL, an update stamp, the corpus's span)."""
    days = [d for c in clues for e in c.events for d in e]
    lower, upper = bounds
    if not days and (lower is None or upper is None):
        return []
    # a plan bounds its report from above only: reported a week or months before its day
    below = [d for c in clues if c.kind != "before" for e in c.events for d in e]
    back = 7 if below else lookaround_days
    # a lower bound (a URL month, the year a printed '30 Dec.' may fall in) is the window's
    # start even before the events; an upper bound (the corpus's last dated article, a URL
    # month, an update stamp) its end, nearer or farther than the lookaround: an article may
    # report only background events months old
    start = lower or min(below or days) - dt.timedelta(days=back)
    end = upper or max(days) + dt.timedelta(days=lookaround_days)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def score(clues: list[Clue], day: dt.date) -> float:
    return sum(c.weight for c in clues if c.holds(day))


def score_days(clues: list[Clue], days: list[dt.date]) -> dict[dt.date, float]:
    return {d: score(clues, d) for d in days}


# Clues that hold one or two days of every week ('said on Tuesday' in the lede), or that
# match one of several events of the same parties ('spoke on Wednesday' of leaders who speak
# every few weeks, clues.is_recurring): they choose among the days the other clues allow,
# and never bound the range themselves.
PERIODIC_KINDS = ("lede", "recurring")


def decide(clues: list[Clue], max_lag_days: int = 14, lookaround_days: int = 62,
           bounds: tuple[dt.date | None, dt.date | None] = (None, None)) -> Verdict | None:
    """Best-scoring candidate days -> the range, and the day when the range pins one
    (None without clues or bounds). Clues that hold on no candidate day contradict the
    others (a 'Tuesday' matched to an event of a Friday) and are left out."""
    days = _window(clues, lookaround_days, bounds)
    if not days:
        return None
    live = [c for c in clues if any(c.holds(d) for d in days)]
    anchored = _anchored_range([c for c in live if c.kind not in PERIODIC_KINDS], days,
                               max_lag_days, bounds)
    if anchored is None:
        return None
    earliest, latest, top = anchored
    earliest, latest, weekly = _refined([c for c in live if c.kind in PERIODIC_KINDS],
                                        earliest, latest)
    pinned = (latest - earliest).days + 1 <= PIN_DAYS
    published = earliest if pinned else None
    used = [c for c in clues if c.holds(published or earliest)]
    return Verdict(published, earliest, latest, used, top + weekly,
                   sum(c.weight for c in clues))


def _anchored_range(clues: list[Clue], days: list[dt.date], max_lag_days: int,
                    bounds: tuple) -> tuple[dt.date, dt.date, float] | None:
    """(earliest, latest, score) of the best-scoring days; None without a clue that holds
    and without both bounds."""
    scores = score_days(clues, days)
    top = max(scores.values())
    if top == 0 and None in bounds:
        return None
    best = [d for d in days if scores[d] == top]
    lag = dt.timedelta(days=max_lag_days)
    open_below, open_above = best[0] == days[0], best[-1] == days[-1]
    earliest, latest = best[0], best[-1]
    if top > 0 and open_above and not open_below:
        # Only lower bounds: news usually follows what it reports within `lag`, but the
        # latest event may be background; the range stays open up to the corpus's last
        # dated article (the bounds' upper end) when that is later.
        latest = min(latest, max(earliest + lag, bounds[1] or earliest + lag))
    # Only upper bounds (plans): a plan may be reported weeks or months before its day, so
    # the range stays open down to the window's start
    return earliest, latest, top


def _refined(clues: list[Clue], earliest: dt.date, latest: dt.date
             ) -> tuple[dt.date, dt.date, float]:
    """The days of [earliest, latest] that the most weekly clues allow (the whole range when
    none of them holds there: a weak clue never overrules the others)."""
    days = [earliest + dt.timedelta(days=i) for i in range((latest - earliest).days + 1)]
    scores = score_days(clues, days)
    top = max(scores.values(), default=0)
    if top == 0:
        return earliest, latest, 0.0
    best = [d for d in days if scores[d] == top]
    return best[0], best[-1], top
