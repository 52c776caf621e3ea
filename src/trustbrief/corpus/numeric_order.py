"""Which way round a numeric stamp is read: '10/09/2024' is 9 October in the United States
and 10 September in most of the world, and the page rarely says which.

A numeric date both of whose first numbers may be the month is read the way the page
settles it, in this order:
  address   the day in the article's address is one reading (a day away at most: a time zone)
  stamps    another stamp of the page, with the month named, is one reading ('October 02,
            2024' in the dateline under '02/10/2024')
  weekday   the weekday printed beside it is one reading's ('Wed 02-10-2024')
  the line  the shape's own order, a month-first country's time zone ('10/01/2024 2:32 PM EDT'),
            or dots: '10.09.2024' is day first wherever it is printed
Otherwise both readings stand: the page gets no day, only the span between them (a confidently
wrong day is worse than a range; dating may pin a day inside it).
"""

from __future__ import annotations

import datetime as dt
import re

from trustbrief.corpus.printed_dates import NUMERIC_DATE, PrintedDate

WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\b",
                     re.IGNORECASE)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def numeric_reading(date: PrintedDate, statement, from_url: PrintedDate | None, grammar
                    ) -> PrintedDate | tuple[dt.date, dt.date]:
    """`date` as read from statement.date_evidence, or its other reading, or both days when
    nothing on the page settles which (statement: a datelines Statement; grammar: its
    Grammar)."""
    line = statement.date_evidence
    numeric = NUMERIC_DATE.search(line)
    if numeric is None or len(numeric.group(1)) == 4 or date.day is None or date.day > 12 \
            or date.day == date.month:
        return date
    swapped = PrintedDate(date.year, date.day, date.month)
    days = (date.date(), swapped.date())
    for fits in (_near_url(from_url), _near_stamp(statement), _on_weekday(line)):
        if fits is None:
            continue
        verdict = [fits(day) for day in days]
        if verdict == [True, False]:
            return date
        if verdict == [False, True]:
            return swapped
    if _line_settles(numeric, line, statement.date_shape, grammar):
        return date
    return days


def either_way(printed: str) -> bool:
    """A numeric date whose first numbers may each be the month ('02/10/2024'): read alone,
    it is no evidence of which day another numeric stamp is (datelines.Statement.also)."""
    m = NUMERIC_DATE.search(printed)
    return m is not None and len(m.group(1)) < 4


def _near_url(from_url: PrintedDate | None):
    """The address's day, a day away at most (a time zone)."""
    day = from_url.date() if from_url is not None else None
    return (lambda d: abs((d - day).days) <= 1) if day else None


def _near_stamp(statement):
    """Another stamp of the page with the month named ('October 02, 2024'), a day away at
    most (datelines.scan keeps only those that are no numeric date read one way round)."""
    named = [d.date() for d in statement.also if d.date() is not None]
    return (lambda d: any(abs((d - n).days) <= 1 for n in named)) if named else None


def _on_weekday(line: str):
    """The weekday printed beside the date."""
    m = WEEKDAY.search(line)
    return (lambda d: d.weekday() == WEEKDAYS.index(m.group(1).lower())) if m else None


def _line_settles(numeric: re.Match, line: str, shape_name: str, grammar) -> bool:
    """The line's own order: dots (day first everywhere), a shape's `order`, a month-first
    country's time zone."""
    if "." in numeric.group(0):
        return True
    shape = next((s for s in grammar.shapes if s.name == shape_name), None) if grammar else None
    if shape is not None and shape.order:
        return True
    return grammar is not None and grammar.month_first is not None \
        and bool(grammar.month_first.search(line))
