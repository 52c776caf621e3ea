"""Dates as articles print them: a day, month and year any of which the print may lack.

Read by the dateline grammar (trustbrief.corpus.datelines), which finds where a date is printed;
this module only says what a printed date is and reads one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedDate:
    """A date as printed: the year may be unknown; `day` None = only the month is known."""

    year: int | None
    month: int
    day: int | None

    def date(self) -> dt.date | None:
        if self.year is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def with_year(self, year: int) -> PrintedDate:
        return PrintedDate(year, self.month, self.day)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day it may be (a whole month when the day is unknown)."""
        if self.year is None:
            return None
        if self.day is not None:
            day = dt.date(self.year, self.month, self.day)
            return day, day
        first = dt.date(self.year, self.month, 1)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)

    def iso(self) -> str:
        """YYYY-MM-DD, --MM-DD without a year (ISO 8601), YYYY-MM without a day."""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


NUMERIC_DATE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")


def read_printed(text: str, months: dict[str, int], min_year: int,
                 order: str = "dmy") -> PrintedDate | None:
    """'Oct. 2, 2024', '30 Dec.', '30.06.2025', '2024-10-14', '14/10/2024' -> PrintedDate.
    months: lower-case name or abbreviation -> number; order: how 01/02/2024 is read."""
    text = text.strip()
    numeric = NUMERIC_DATE.search(text)
    if numeric:
        return _numeric_date(*numeric.groups(), order=order, min_year=min_year)
    month = next((months[w.lower()] for w in re.findall(r"[^\W\d_]+", text)
                  if w.lower() in months), None)
    if month is None:
        return None
    year = next((int(y) for y in re.findall(r"(?:19|20)\d\d", text)), None)
    rest = re.sub(r"(?:19|20)\d\d", " ", text)
    day = next((int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)),
               None)
    return checked_date(year, month, day, min_year)


def _numeric_date(a: str, b: str, c: str, order: str, min_year: int) -> PrintedDate | None:
    if len(a) == 4:
        return checked_date(int(a), int(b), int(c), min_year)
    if len(c) != 4:
        return None
    first, second, year = int(a), int(b), int(c)
    if first > 12 or (order == "dmy" and second <= 12):
        day, month = first, second
    else:
        month, day = first, second
    return checked_date(year, month, day, min_year)


def checked_date(year, month, day, min_year: int) -> PrintedDate | None:
    """The date if it can be one: a year in [min_year, next year], a month, a real day."""
    if year is not None and not min_year <= year <= dt.date.today().year + 1:
        return None
    if not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            dt.date(year or 2024, month, day)  # 2024: a leap year, so Feb 29 passes
        except ValueError:
            return None
    return PrintedDate(year, month, day)
