"""A mention's own day tells which act it is: in 'on March 3, the office announced the
suspension of its activities', another article's suspension of the same parties pinned to
May 20 is another act. dating.clues matches pinned events by type and parties; a mention
that names its own day ('abs:' with its year, 'md:' without) keeps only the pinned events
whose days hold that day, so a second act of the same kind neither bounds nor dates the
article."""

from __future__ import annotations

import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def _holds(first: dt.date, last: dt.date, spec: str) -> bool:
    kind, value = spec.split(":", 1)
    if kind == "abs":
        return first.isoformat() <= value <= last.isoformat()
    day = first
    while day <= last:  # pinned ranges are a few days long
        if day.strftime("%m-%d") == value:
            return True
        day += ONE_DAY
    return False


def fitting(events: list, specs: list[str]) -> list:
    """The pinned events (with .first, .last) whose days hold every one of the mention's
    own day specs (clues.is_explicit_day: 'abs:' or 'md:'); all of them when it names no
    day."""
    return [p for p in events if all(_holds(p.first, p.last, s) for s in specs)]
