"""Clues from a named day ('coinciding with Election Day in the U.S.'), data/named_days.yaml.

A named day is read only when a word just before it puts the sentence's event on that day
('coinciding with', 'on', 'during'), or, in a clause that looks ahead, when a look-ahead word
leads to it ('will fly to Portview for the events of Independence Day'), and its sentence names the
country whose day it is (a place right after the name, 'Independence Day events in Portview', or
else the destination before it, 'fly to Portview for', decides between two countries' days of
one name). Its day is the one occurrence in the corpus's window (none, or two: no
clue). Then, as a printed date (dating.explicit): a clause that looks ahead ('will attend the
parade on Independence Day') bounds the article from above at half weight (it was written before
the day); otherwise the day is past (a lower bound), and in the lede it is the day's news:
published that day or the next.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trustbrief import timex
from trustbrief.dating import lede
from trustbrief.dating.clues import PLANNED_WEIGHT, Clue
from trustbrief.dating.explicit import CLAUSE_BREAK, LEDE_DATE_SENTENCES, NEWS_LAG, looks_ahead
from trustbrief.knowledge import DataFileError, load_yaml, phrase_alternatives, require_keys

NAMED_DAYS_FILE = "named_days.yaml"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
DAY_KEYS = ("names", "country", "month")
DAY_OPTIONAL = ("day", "weekday", "nth", "offset_days")
CUE_REACH = 40  # characters before a name searched for a same-day word
# between the word and the name only a determiner: 'on the eve of Election Day' is not on it
CUE_TAIL = r"(?:\s+(?:the|this|that|this\s+year's|last\s+year's))?\s*$"
PLACE_REACH = 30  # characters after a name searched for the place it is held in
# a look-ahead cue leads to the name within a few words of its clause ('for the events
# dedicated to the 80th anniversary of the ...')
LOOKAHEAD_TAIL = r"(?:\s+[\w'’-]+){0,8}\s+$"
DESTINATION_REACH = 100  # characters before a name searched for where one travels to it
DESTINATION = re.compile(r"(?i)\b(?:to|in)\s+$")  # 'fly to Portview for ...'


@dataclass(frozen=True)
class NamedDay:
    names: tuple[str, ...]
    country: str  # ISO 3166-1 alpha-3
    month: int
    day: int | None = None  # a fixed day of the month, or
    weekday: int | None = None  # the nth weekday (0 = Monday) of the month
    nth: int = 1  # -1: the last
    offset_days: int = 0

    def in_year(self, year: int) -> dt.date | None:
        if self.day is not None:
            try:
                return dt.date(year, self.month, self.day)
            except ValueError:
                return None
        days = [dt.date(year, self.month, 1) + dt.timedelta(days=i) for i in range(31)]
        days = [d for d in days if d.month == self.month and d.weekday() == self.weekday]
        if not -len(days) <= self.nth <= len(days) or self.nth == 0:
            return None
        base = days[self.nth - 1] if self.nth > 0 else days[self.nth]
        return base + dt.timedelta(days=self.offset_days)


@dataclass(frozen=True)
class NamedDays:
    days: tuple[NamedDay, ...]
    names: re.Pattern  # every name, matched whole, capitals as written
    same_day_cues: re.Pattern  # at the end of the text before a name
    lookahead_cues: re.Pattern  # at the end of a look-ahead clause's text before a name
    countries_in: Callable[[str], list[tuple[int, str]]]  # text -> (offset, country code)


def _alternation(phrases, flags: int = 0, tail: str = "") -> re.Pattern:
    """Any of the phrases as whole words (knowledge.phrase_alternatives), then `tail`."""
    return re.compile(rf"(?<![\w'])(?:{phrase_alternatives(set(phrases))})(?![\w]){tail}", flags)


def _day(path: Path, where: str, raw: dict) -> NamedDay:
    require_keys(path, where, raw, DAY_KEYS, DAY_OPTIONAL)
    names = raw["names"]
    if not isinstance(names, list) or not names or not all(
            isinstance(n, str) and n.strip() for n in names):
        raise DataFileError(path, where, "names: expected a non-empty list of phrases")
    if ("day" in raw) == ("weekday" in raw):
        raise DataFileError(path, where, "give either day or weekday (with nth)")
    weekday = raw.get("weekday")
    if weekday is not None and weekday not in timex.WEEKDAY_CODES:
        raise DataFileError(path, where, f"weekday {weekday!r}: one of "
                                         f"{', '.join(timex.WEEKDAY_CODES)}")
    entry = NamedDay(tuple(names), str(raw["country"]).upper(), int(raw["month"]),
                     raw.get("day"), timex.WEEKDAY_CODES.index(weekday) if weekday else None,
                     int(raw.get("nth", 1)), int(raw.get("offset_days", 0)))
    if not 1 <= entry.month <= 12 or entry.in_year(2024) is None:
        raise DataFileError(path, where, "no such day (month, day, nth)")
    return entry


def load_named_days(data_dir: Path | str = DEFAULT_DATA_DIR) -> NamedDays:
    """data/named_days.yaml, validated (file and entry in every error); countries are found
    in a sentence with the world knowledge of the same data folder."""
    from trustbrief.knowledge.world import load_world

    path = Path(data_dir) / NAMED_DAYS_FILE
    raw = load_yaml(path)
    require_keys(path, "top level", raw, ("days", "same_day_cues", "lookahead_cues"))
    if not isinstance(raw["days"], list) or not raw["days"]:
        raise DataFileError(path, "days", "expected a non-empty list of days")
    for key in ("same_day_cues", "lookahead_cues"):
        if not isinstance(raw[key], list) or not raw[key] or not all(
                isinstance(c, str) for c in raw[key]):
            raise DataFileError(path, key, "expected a non-empty list of words")
    days = tuple(_day(path, f"days[{i}]", d) for i, d in enumerate(raw["days"]))
    world = load_world(data_dir)
    countries = {c.code for c in world.countries.values()}
    for i, entry in enumerate(days):
        if entry.country not in countries:
            raise DataFileError(path, f"days[{i}]", f"unknown country {entry.country!r}")

    def countries_in(text: str) -> list[tuple[int, str]]:
        return [(start, form.country) for start, _, form in world.find(text) if form.country]

    return NamedDays(days, _alternation([n for d in days for n in d.names]),
                     _alternation(raw["same_day_cues"], re.IGNORECASE, CUE_TAIL),
                     _alternation(raw["lookahead_cues"], re.IGNORECASE, LOOKAHEAD_TAIL),
                     countries_in)


@functools.lru_cache(maxsize=4)
def default_named_days(data_dir: str = str(DEFAULT_DATA_DIR)) -> NamedDays:
    return load_named_days(data_dir)


def named_day_clues(sentences: dict, doc_ids: set[str], window: tuple[dt.date, dt.date] | None,
                    depths: dict | None = None, named: NamedDays | None = None,
                    vocab: timex.Vocabulary | None = None) -> dict[str, list[Clue]]:
    """doc_id -> clues from the named days of its sentences (`sentences`: (doc_id, sent_id)
    -> text; `window`: where the day may fall)."""
    if window is None or not doc_ids:
        return {}
    named = named or default_named_days()
    vocab = vocab or timex.default_vocabulary()
    out: dict[str, list[Clue]] = {}
    for (doc_id, sent_id), text in sorted(sentences.items()):
        if doc_id not in doc_ids or not isinstance(text, str):
            continue
        for match in named.names.finditer(text):
            day = _the_day(match, text, window, named)
            cued = _cue(match, text, named, vocab) if day is not None else None
            if cued is None:
                continue
            in_lede = (lede.depth(doc_id, sent_id, depths or {}) or LEDE_DATE_SENTENCES + 1) \
                <= LEDE_DATE_SENTENCES
            out.setdefault(doc_id, []).extend(_clues(
                (doc_id, sent_id, text), day, cued == "ahead", in_lede))
    return out


def _cue(match: re.Match, text: str, named: NamedDays, vocab: timex.Vocabulary) -> str | None:
    """'ahead' when the name's clause looks ahead and a same-day or look-ahead cue leads to
    it ('will attend the parade on Independence Day', 'will fly to Portview for the
    Independence Day events'), 'past' for a same-day cue in any other clause, else None (no cue)."""
    ahead = looks_ahead(text, match.start(), vocab)
    clause = CLAUSE_BREAK.split(text[:match.start()])[-1]
    if named.same_day_cues.search(text[max(0, match.start() - CUE_REACH):match.start()]):
        return "ahead" if ahead else "past"
    return "ahead" if ahead and named.lookahead_cues.search(clause) else None


def _the_day(match: re.Match, text: str, window: tuple[dt.date, dt.date],
             named: NamedDays) -> dt.date | None:
    """The one day the name can be, in the window: of the place named right after it
    ('Election Day in the U.S.'), else of the countries the sentence names when every one of
    them has a day of that name (a Chadian 'Memorial Day' is not the American one the data
    knows)."""
    name = " ".join(match.group(0).split())
    entries = [d for d in named.days if name in d.names]
    found = named.countries_in(text)
    after = [code for start, code in found
             if match.end() <= start <= match.end() + PLACE_REACH] or [
        code for start, code in reversed(found)
        if match.start() - DESTINATION_REACH <= start < match.start()
        and DESTINATION.search(text[:start])]
    named_here = {code for _, code in found}
    if after:
        chosen = [d for d in entries if d.country == after[0]]
    elif named_here and named_here <= {d.country for d in entries}:
        chosen = [d for d in entries if d.country in named_here]
    else:
        return None
    days = {day for d in chosen for year in range(window[0].year, window[1].year + 1)
            if (day := d.in_year(year)) is not None and window[0] <= day <= window[1]}
    return days.pop() if len(days) == 1 else None


def _clues(base: tuple[str, str, str], day: dt.date, ahead: bool, in_lede: bool
           ) -> list[Clue]:
    events = ((day, day),)
    if ahead:
        return [Clue(*base, "before", lambda d: d <= day, events, ("before", day),
                     PLANNED_WEIGHT)]
    clues = [Clue(*base, "after", lambda d: d >= day, events, ("after", day))]
    if in_lede:
        clues.append(Clue(*base, "news", lambda d: day <= d <= day + NEWS_LAG, events,
                          ("news", day)))
    return clues
