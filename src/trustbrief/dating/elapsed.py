"""Clues from the time a headline says has passed since an incident the corpus dates.

A follow-up's headline often counts from the story's incident: 'X moves to sue Y over the
plane crash after seven months', 'Six weeks after the downing, ...', 'Two years on from the
blast'. A headline tells the news in the present: the article reports it about that long
after the incident. When the corpus dates the incident (dating.incidents: the family of
words the headline uses, dated to one day or two in a row), the article lies that long after
it, give or take half the unit the writer counted in (seven months is rounded from six and a
half to seven and a half), and a day more for the news to be published. Only weeks, months
and years are read: such a range never pins a day. A body sentence is left alone: 'two weeks
after the crash, X suspended flights' dates its own event, told in the past, not the article.
As for every incident clue, the headline and the article's incident sentences must share two
names with the sentences that date the incident (it may be another crash).

A plural unit with no count before the incident word ('weeks after N'Djamena launched ...',
'Days after the crash, X apologized', 'in recent months since the downing') is at least two
of them, in any sentence told in the past: what it tells came that long after the incident,
and the article after that. Less half a unit, as above; no upper bound ('weeks' may be ten).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from trustbrief import timex
from trustbrief.dating.clues import Clue
from trustbrief.dating.explicit import uncounted_days
from trustbrief.dating.incidents import (
    SHARED_NAMES,
    IncidentWords,
    anchored_words,
    default_incident_words,
    incident_anchors,
    incident_names,
    incident_words,
    names_of,
)
from trustbrief.tables import frame_records

# days in the unit a duration is counted in (timex's measure of 'seven months' is 7 x 30)
UNITS = {"week": (7, 7.0), "month": (30, 30.44), "year": (365, 365.25)}
UNIT = re.compile(r"\b(week|month|year)s?\s*$", re.IGNORECASE)
NEWS_LAG = dt.timedelta(days=1)
# the duration after the word ('crash after seven months') or before it, with up to four
# words between ('seven months after the Portview plane crash', 'two years on from the blast')
AFTER_WORD = re.compile(r"\s+after\s+", re.IGNORECASE)
BEFORE_WORD = re.compile(r"\s+(?:after|since|on\s+from)\s+(?:[\w'’-]+\s+){0,4}", re.IGNORECASE)


def _elapsed_days(title: str, start: int, end: int) -> tuple[float, float] | None:
    """(days counted, half the unit) of the one duration the title counts from the incident
    word at title[start:end], or None."""
    counted = []
    for t in timex.find_time_expressions(title):
        unit = UNIT.search(t.text)
        if t.kind != "duration" or unit is None or not t.measure_days:
            continue
        gap_after, gap_before = title[end:t.start], title[t.end:start]
        if (t.start >= end and AFTER_WORD.fullmatch(gap_after)) \
                or (t.end <= start and BEFORE_WORD.fullmatch(gap_before)):
            measured, calendar = UNITS[unit.group(1).lower()]
            count = round(float(t.measure_days) / measured)
            counted.append((count * calendar, calendar / 2))
    return counted[0] if len(counted) == 1 else None


def elapsed_clues(documents: pd.DataFrame, times: pd.DataFrame | None, sentences: dict,
                  doc_ids: set[str], words: IncidentWords | None = None,
                  found_words: list | None = None) -> dict[str, list[Clue]]:
    """Clues for the documents in `doc_ids` whose title counts the time since an incident
    the corpus dates (see the module docstring); `sentences` maps (doc_id, sent_id) to the
    sentence's text; `found_words`: incidents.incident_words of them when the caller has it."""
    if "title" not in documents or not doc_ids:
        return {}
    words = words or default_incident_words()
    found = found_words if found_words is not None else incident_words(sentences, times, words)
    anchors = incident_anchors(found, documents)
    named = incident_names(found)
    out: dict[str, list[Clue]] = {}
    for row in frame_records(documents, ["doc_id", "title"]):
        title = str(row.get("title") or "")
        if row["doc_id"] not in doc_ids or not title:
            continue
        for family, (first, last, names) in anchors.items():
            word = words.families[family].search(title)
            elapsed = _elapsed_days(title, word.start(), word.end()) if word else None
            ours = names_of(title) | named.get((row["doc_id"], family), set())
            if elapsed is None or len(ours & names) < SHARED_NAMES:
                continue
            days, half = elapsed
            low = first + dt.timedelta(days=round(days - half))
            high = last + dt.timedelta(days=round(days + half)) + NEWS_LAG
            out.setdefault(row["doc_id"], []).append(Clue(
                row["doc_id"], "", title, "elapsed", lambda d, lo=low, hi=high: lo <= d <= hi,
                ((low, high),), ("elapsed", family, low, high)))
    return out


def uncounted_clues(documents: pd.DataFrame, times: pd.DataFrame | None, sentences: dict,
                    doc_ids: set[str], words: IncidentWords | None = None,
                    found_words: list | None = None) -> dict[str, list[Clue]]:
    """Clues for the documents in `doc_ids` whose sentences tell something an uncounted
    plural of units after an incident the corpus dates (see the module docstring)."""
    if not doc_ids:
        return {}
    words = words or default_incident_words()
    found = found_words if found_words is not None else incident_words(sentences, times, words)
    vocab = timex.default_vocabulary()
    out: dict[str, list[Clue]] = {}
    for word, first, _last in anchored_words(found, documents, doc_ids):
        days = _uncounted_days(word.text, words.families[word.family], vocab)
        if days is None:
            continue
        low = first + dt.timedelta(days=round(days))
        out.setdefault(word.doc_id, []).append(Clue(
            word.doc_id, word.sent_id, word.text, "after", lambda d, lo=low: d >= lo,
            ((low, low),), ("uncounted", word.family, low)))
    return out


def _uncounted_days(text: str, family: re.Pattern, vocab: timex.Vocabulary) -> float | None:
    """Days at least between the incident and what the sentence tells, when an uncounted
    plural unit leads to the family's first word and the clause does not look ahead."""
    word = family.search(text)
    return uncounted_days(text, word.start(), vocab) if word else None


__all__ = ["elapsed_clues", "uncounted_clues"]
