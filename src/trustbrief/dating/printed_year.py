"""The year of a date printed without one, when the lede's weekday says which.

A yearless printed date ('PORTVIEW, Sept 18 (Wire) -') is looked for in the year that ends
with the corpus's span (dating.stage._bounds). A corpus that runs over more than a year holds
that day and month more than once; the lede's weekday ('A-land on Monday expelled ...') is
the day of publication or the day before, so when it contradicts the day found but agrees
with the same day and month one or more years earlier, inside the corpus's span, that is the
article's year. Only one such earlier year may agree; otherwise the first verdict stands.
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
    while lower + YEAR - ONE_DAY >= span_start:
        other = decide((lower, lower + YEAR - ONE_DAY))
        if other is not None and other.published is not None and \
                any(c.holds(other.published) for c in ledes):
            agreeing.append(other)
        lower -= YEAR
    return agreeing[0] if len(agreeing) == 1 else verdict
