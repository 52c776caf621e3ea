"""Resolving a spec against an anchor (publication) date to a day or a range, with precision."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from trustbrief.contract.vocab import Approx, TimeKind, values

WEEKDAY_CODES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
WEEKDAY_MODES = ("past", "last", "next", "fut", "this")
# what a cue word before a bare month name says (data/time_expressions.yaml month_cues):
# a part of the month, or which one ('last December': the latest December strictly before
# the anchor's month; 'next March': the first March strictly after it)
MONTH_PARTS = ("", "early", "mid", "late", "last", "next")
APPROX_CLASSES = values(Approx)
MEASURE_KINDS = (TimeKind.DURATION.value, TimeKind.COUNT.value)
KINDS = values(TimeKind)


@dataclass(frozen=True)
class Resolved:
    date: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    basis: str


UNRESOLVED = Resolved(None, None, None, "unknown", "unresolved")


SPEC_PATTERN = re.compile(
    r"^(?:abs:\d{4}-\d\d-\d\d|md:\d\d-\d\d|ym:\d{4}-\d\d(?::(?:early|mid|late))?"
    r"|m:\d\d(?::(?:early|mid|late|last|next))?"
    r"|ys:\d{4}-(?:03|06|09|12)(?::(?:early|mid|late))?"
    r"|s:(?:03|06|09|12)(?::(?:early|mid|late|last|next))?"
    r"|weekday:(?:past|last|next|fut|this):(?:MON|TUE|WED|THU|FRI|SAT|SUN)(?::[a-z]+)?"
    r"|reld:-?\d+|relw:-?\d+(?::(?:before|after|early|late|weekend))?"
    r"|relm:-?\d+(?::(?:before|after|early|mid|late))?"
    r"|rely:-?\d+(?::(?:before|after|early|mid|late))?"
    r"|rng:-?\d+:-?\d+|dur:\d+(?:\.\d+)?(?::(?:about|under|over))?"
    r"|count:\d+(?:\.\d+)?(?::(?:about|under|over))?)$")


def is_valid_spec(spec: str) -> bool:
    if not isinstance(spec, str) or not SPEC_PATTERN.match(spec):
        return False
    if spec.startswith("rng:"):
        a, b = map(int, spec.split(":")[1:3])
        return a <= b
    return True


def _ranged(earliest: dt.date, latest: dt.date, precision: str, basis: str) -> Resolved:
    mid = earliest + (latest - earliest) // 2
    if earliest == latest:
        precision = "day"
    return Resolved(mid, earliest, latest, precision, basis)


def _month_range(year: int, month: int, part: str, anchor: dt.date | None) -> tuple:
    last = calendar.monthrange(year, month)[1]
    first, end = dt.date(year, month, 1), dt.date(year, month, last)
    bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}
    if part in bounds:
        lo, hi = bounds[part]
        return dt.date(year, month, lo), dt.date(year, month, hi), "range"
    if part == "before" and anchor is not None:
        return first, max(first, min(end, anchor - dt.timedelta(days=1))), "range"
    if part == "after" and anchor is not None:
        return min(end, max(first, anchor + dt.timedelta(days=1))), end, "range"
    return first, end, "month"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


# A bare month as far ahead as back (half a year away) is the past one: news reports what
# happened ('had sent a letter in April', read on 15 October, is this April, not next)
PAST_MONTH_BIAS_DAYS = 31


def _nearest_year_month(month: int, anchor: dt.date) -> int:
    """Year putting mid-month nearest the anchor ('in July' read in October -> this July), a
    month in the past counting PAST_MONTH_BIAS_DAYS nearer than it is."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)

    def distance(year: int) -> int:
        days = (dt.date(year, month, 15) - anchor).days
        return days if days >= 0 else -days - PAST_MONTH_BIAS_DAYS
    return min(years, key=lambda y: (distance(y), y))


def _strict_year_month(month: int, which: str, anchor: dt.date) -> int:
    """Year of the latest such month before the anchor's month ('last December' read in
    October 2025 -> December 2024), or (which='next') of the first one after it."""
    if which == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if month > anchor.month else anchor.year + 1


def _nearest_month_day(month: int, day: int, anchor: dt.date) -> dt.date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    # Nearest the anchor; on a tie, the past one (news reports what happened).
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def _weekday_date(mode: str, code: str, anchor: dt.date) -> dt.date:
    target = WEEKDAY_CODES.index(code)
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if mode == "past":
        return anchor - dt.timedelta(days=back)
    if mode == "last":
        return anchor - dt.timedelta(days=back or 7)
    if mode == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if mode == "fut":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target)  # this


def _season_range(year: int, first: int, part: str) -> tuple[dt.date, dt.date, str]:
    """The three months of the season starting in month `first` of `year` (early, mid, late:
    its first, second, third month)."""
    months = [_shift_month(year, first, k) for k in range(3)]
    if part in ("early", "mid", "late"):
        months = [months[("early", "mid", "late").index(part)]]
    (y0, m0), (y1, m1) = months[0], months[-1]
    return dt.date(y0, m0, 1), dt.date(y1, m1, calendar.monthrange(y1, m1)[1]), "range"


def _season_start(anchor: dt.date) -> dt.date:
    """First day of the anchor's own season (1 Dec for a January anchor)."""
    year, month = _shift_month(anchor.year, anchor.month, -((anchor.month % 12) % 3))
    return dt.date(year, month, 1)


def _season_year(first: int, part: str, anchor: dt.date) -> int:
    """Year of the season starting in month `first` that 'last'/'next' name (the latest
    before the anchor's season, the first after it), or the nearest one, a past one counting
    PAST_MONTH_BIAS_DAYS nearer (as for a bare month)."""
    own = _season_start(anchor)
    starts = [dt.date(y, first, 1) for y in range(anchor.year - 2, anchor.year + 2)]
    if part == "last":
        return max(s for s in starts if s < own).year
    if part == "next":
        return min(s for s in starts if s > own).year

    def distance(start: dt.date) -> int:
        days = (start + dt.timedelta(days=45) - anchor).days
        return days if days >= 0 else -days - PAST_MONTH_BIAS_DAYS
    return min(starts, key=lambda s: (distance(s), s)).year


def _week_range(n: int, part: str, anchor: dt.date) -> tuple[dt.date, dt.date, str]:
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=n)
    sunday = monday + dt.timedelta(days=6)
    one = dt.timedelta(days=1)
    if part == "before":
        return monday, max(monday, min(sunday, anchor - one)), "range"
    if part == "after":
        return min(sunday, max(monday, anchor + one)), sunday, "range"
    if part == "early":
        return monday, monday + 2 * one, "range"
    if part == "late":
        return monday + 3 * one, sunday, "range"
    if part == "weekend":
        return monday + 5 * one, sunday, "range"
    return monday, sunday, "week"


def _year_range(year: int, part: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    first, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    one = dt.timedelta(days=1)
    parts = {"early": (first, dt.date(year, 4, 30)), "mid": (dt.date(year, 5, 1),
                                                            dt.date(year, 8, 31)),
             "late": (dt.date(year, 9, 1), end),
             "before": (first, max(first, min(end, anchor - one))),
             "after": (min(end, max(first, anchor + one)), end)}
    return parts.get(part, (first, end))


def _resolve(spec: str, anchor: dt.date | None) -> Resolved:
    head, *rest = spec.split(":")
    part = rest[-1] if rest and not re.fullmatch(r"-?\d+|\d\d-\d\d|\d{4}-\d\d", rest[-1]) else ""
    if head == "abs":
        day = dt.date.fromisoformat(rest[0])
        return Resolved(day, day, day, "day", "explicit")
    if head == "ym":
        year, month = map(int, rest[0].split("-"))
        return _ranged(*_month_range(year, month, part, anchor), "explicit")
    if head == "ys":
        year, first = map(int, rest[0].split("-"))
        return _ranged(*_season_range(year, first, part), "explicit")
    if head in ("dur", "count") or anchor is None:
        return UNRESOLVED
    if head == "md":
        month, day_of_month = map(int, rest[0].split("-"))
        day = _nearest_month_day(month, day_of_month, anchor)
        return Resolved(day, day, day, "day", "explicit") if day else UNRESOLVED
    if head == "m":
        month = int(rest[0])
        if part in ("last", "next"):
            return _ranged(*_month_range(_strict_year_month(month, part, anchor), month, "",
                                         anchor), "relative")
        return _ranged(*_month_range(_nearest_year_month(month, anchor), month, part, anchor),
                       "explicit")
    if head == "s":
        first = int(rest[0])
        year = _season_year(first, part, anchor)
        return _ranged(*_season_range(year, first, "" if part in ("last", "next") else part),
                       "relative" if part in ("last", "next") else "explicit")
    if head == "weekday":
        day = _weekday_date(rest[0], rest[1], anchor)
        return Resolved(day, day, day, "day", "relative")
    if head == "reld":
        day = anchor + dt.timedelta(days=int(rest[0]))
        return Resolved(day, day, day, "day", "relative")
    if head == "relw":
        return _ranged(*_week_range(int(rest[0]), part, anchor), "relative")
    if head == "relm":
        year, month = _shift_month(anchor.year, anchor.month, int(rest[0]))
        return _ranged(*_month_range(year, month, part, anchor), "relative")
    if head == "rely":
        return _ranged(*_year_range(anchor.year + int(rest[0]), part, anchor), "range",
                       "relative")
    if head == "rng":
        a, b = int(rest[0]), int(rest[1])
        return _ranged(anchor + dt.timedelta(days=a), anchor + dt.timedelta(days=b), "range",
                       "relative")
    return UNRESOLVED


def resolve_spec(spec: str, anchor: dt.date | None) -> Resolved:
    """Normalize an anchor-free spec against a publication date; never raises."""
    if not isinstance(spec, str):
        return UNRESOLVED
    if anchor is not None and not isinstance(anchor, dt.date):
        return UNRESOLVED
    return _resolve_cached(spec, anchor)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _resolve_cached(spec: str, anchor: dt.date | None) -> Resolved:
    """Dating tries the same few specs against every candidate day of every document: the
    answers (immutable) are kept instead of recomputed."""
    if not is_valid_spec(spec):
        return UNRESOLVED
    try:
        return _resolve(spec, anchor)
    except (ValueError, OverflowError, IndexError):
        return UNRESOLVED


def is_measure(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(("dur:", "count:"))


def is_anchor_relative(spec: str) -> bool:
    """Specs whose date depends on the publication date: 'last summer', 'next March' too;
    yearless dates excluded ('Sept. 28', 'in July', 'this spring': the nearest such day,
    month or season, see frames._yearless_in_range)."""
    return isinstance(spec, str) and (spec.startswith(
        ("weekday:", "reld:", "relw:", "relm:", "rely:", "rng:"))
        or spec.startswith(("m:", "s:")) and spec.endswith((":last", ":next")))
