"""The year of a date printed without one, when the lede's weekday says which.

A yearless printed date ('PORTVIEW, Sept 18 (Wire) -') is looked for in the year that ends
with the corpus's span (dating.stage._bounds). A corpus that runs over more than a year holds
that day and month more than once; the lede's weekday ('A-land on Monday expelled ...') is
the day of publication or the day before, so when it contradicts the day found but agrees
with the same day and month one or more years earlier, inside the corpus's span, that is the
article's year; so is the year after, when only the span bounds the article (the span ends
a lookaround after the articles dated so far, and a later one may follow them). Only one such
year may agree; otherwise the first verdict stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from trustbrief.dating.clues import ONE_DAY, Clue
from trustbrief.dating.decide import Verdict

YEAR = dt.timedelta(days=365)  # the span a yearless date is looked for in (dating.stage)


def lede_year(verdict: Verdict | None, clues: list[Clue], bounds: tuple,
              span_start: dt.date | None,
              decide: Callable[[tuple], Verdict | None]) -> Verdict | None:
    """`verdict` for a yearless printed date, or the verdict of the one earlier year in the
    corpus's span whose day agrees with the lede's weekday. `decide(bounds)` decides the
    clues within other bounds."""
    ledes = [c for c in clues if c.kind == "lede"]
    if verdict is None or verdict.published is None or not ledes or span_start is None or \
            any(c.holds(verdict.published) for c in ledes) or bounds[0] is None:
        return verdict
    agreeing = []
    lower = bounds[0] - YEAR
    # the year after too, when nothing but the span bounds the article (a dated article of an
    # early pass ends the span; a later one printed 'Nov 16' is not a year older than it)
    tried = [bounds[0] + YEAR] if bounds[1] is not None and \
        bounds[1] - bounds[0] >= YEAR - ONE_DAY and bounds[0] + 2 * YEAR <= dt.date.today() else []
    while lower + YEAR - ONE_DAY >= span_start:
        tried.append(lower)
        lower -= YEAR
    for lower in tried:
        other = decide((lower, lower + YEAR - ONE_DAY))
        if other is not None and other.published is not None and \
                any(c.holds(other.published) for c in ledes):
            agreeing.append(other)
    return agreeing[0] if len(agreeing) == 1 else verdict
