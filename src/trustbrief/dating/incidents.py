"""Clues from an incident named by a word, not a date (data/incidents.yaml).

A story often turns on one incident that later articles name by a word: 'two days after one
of its planes crashed', 'Wednesday's crash', 'the downing of the plane last week'. The words
are read here, apart from extraction's event types (one incident is a 'shootdown' in one copy,
an 'airstrike' in another and no event at all in a third):

- a word's own time is the day or relative expression next to it in its clause ('crashed on
  December 25, 2024', 'Wednesday's crash', 'the downing ... last week'), or the one that opens
  the sentence ('On 25 December, an aircraft ... crashed'); 'N days after <word>' dates the
  sentence's other day instead, N days after the incident ('reported Friday, two days after
  one of its planes crashed').
- pinned: in a dated article (or by a full date), a word's time dates the incident. When the
  corpus dates a family's words to one day, or two days in a row, and never elsewhere, that is
  the incident's day; a family dated to days apart anchors nothing.
- clues: in an undated article, a word with a relative time is a relative clue against the
  incident's day ('Wednesday's crash' -> published within the week after it); a word without
  one reports the incident as past ('after'). An article whose sentences of the incident share
  fewer than two names with the pinning sentences may be about another incident: nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief import timex
from trustbrief.dating.clues import Clue, SentenceTimes, dated_days, relative_holds
from trustbrief.dating.deadlines import (
    first_words,
    lowered,
    may_match,
    phrase_pattern,
)
from trustbrief.dating.pinned import pinned_day
from trustbrief.knowledge import DataFileError, load_yaml, phrase_alternatives
from trustbrief.tables import frame_records

INCIDENTS_FILE = "incidents.yaml"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
ANCHOR_SPAN = dt.timedelta(days=1)  # a family's pins may cover two days in a row, no more
DAY_SPECS = ("abs:", "md:", "weekday:", "reld:")  # expressions that name one day
RELATIVE_SPECS = (*DAY_SPECS, "relw:", "rng:")
CLAUSE_BREAK = re.compile(r"[,;:()\"“”—]|\s[-–]\s")
AFTER = re.compile(r"^\s+(?:after|since)\b", re.IGNORECASE)
# between an expression and the word it dates: a possessive and up to two words ('Wednesday's
# deadly crash'); after the word, a few words with no verb ('near the city of Portview in')
BEFORE_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}")
MAX_GAP_WORDS = 8
# names an undated article's sentences of the incident share with the sentences that date it:
# the story's two countries alone are in every sentence of it ('A-land' of two blasts)
SHARED_NAMES = 2
VERB = re.compile(r"(?i)\b(?:is|was|were|are|be|been|being|has|have|had|did|does|do|will|"
                  r"would|could|can|may|might|says|said|say|\w+ed)\b")
NAME = re.compile(r"\b[A-Z][\w-]*[a-z][\w-]*")  # a capitalised word: a name, or a sentence's first


NOTHING = re.compile(r"(?!)")  # a list left empty matches no text


@dataclass(frozen=True)
class TenureWords:
    """data/incidents.yaml `tenure` as dating.tenure reads it (see the file's header)."""

    past_title: re.Pattern = NOTHING  # a past marker right before a title: 'former '
    left_office: re.Pattern = NOTHING  # leaving office told in a sentence: 'who was fired'
    older: re.Pattern = NOTHING  # a dismissal told as older news or undone: 'had', 'tried'


def whole_words(words, tail: str = r"\b") -> re.Pattern:
    """Any of the words or phrases, whole, case-blind, followed by `tail` (NOTHING for
    none)."""
    words = list(words)
    return re.compile(rf"(?i)\b(?:{phrase_alternatives(words)}){tail}") if words else NOTHING


@dataclass(frozen=True)
class IncidentWords:
    families: dict[str, re.Pattern]
    once_per_party: frozenset[str] = frozenset()  # event types that happen once to a party
    # family -> the first words of its phrases (deadlines.first_words): a sentence holding
    # none is not searched (most sentences of a corpus name no incident)
    first_words: dict[str, re.Pattern | None] = field(default_factory=dict)
    # event types that end the office of the person they happen to (dating.tenure)
    ends_tenure: frozenset[str] = frozenset()
    # a lede event told as older news is no news of its day (dating.news): older_news, lede_older
    lede_older: re.Pattern = NOTHING
    tenure: TenureWords = field(default_factory=lambda: TenureWords())
    # an event of once_per_party told as the cause of a lede's news, maybe older (dating.news)
    once_context: re.Pattern = NOTHING


def load_incident_words(data_dir: Path | str = DEFAULT_DATA_DIR) -> IncidentWords:
    path = Path(data_dir) / INCIDENTS_FILE
    raw = load_yaml(path)
    families = raw.get("families") if isinstance(raw, dict) else None
    if not isinstance(families, dict) or not families:
        raise DataFileError(path, None, "expected 'families': a mapping of name -> words")
    for name, words in families.items():
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(path, name, "expected a non-empty list of words")
    once, ends = (_event_types(path, raw, key) for key in ("once_per_party", "ends_tenure"))
    older = _words(path, raw, "older_news")
    tenure = raw.get("tenure") or {}
    if not isinstance(tenure, dict):
        raise DataFileError(path, "tenure", "expected a mapping of past_title, left_office, "
                                            "undone")
    return IncidentWords({str(name): phrase_pattern(words, hyphens=True)
                          for name, words in families.items()}, once,
                         {str(name): first_words(words) for name, words in families.items()},
                         ends, whole_words((*older, *_words(path, raw, "lede_older"))),
                         TenureWords(
                             # the marker ends the text before the title: 'former ', 'then-'
                             whole_words(_words(path, tenure, "past_title", "tenure."),
                                         r"\W*$"),
                             whole_words(_words(path, tenure, "left_office", "tenure.")),
                             whole_words((*older, *_words(path, tenure, "undone", "tenure.")))),
                         whole_words(_words(path, raw, "once_context")))


def _words(path: Path, raw: dict, key: str, prefix: str = "") -> list[str]:
    """An optional list of words or phrases under `key`."""
    words = raw.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(path, prefix + key, "expected a list of words")
    return words


def _event_types(path: Path, raw: dict, key: str) -> frozenset[str]:
    """An optional list of extraction's event type ids under `key`."""
    types = raw.get(key) or []
    if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
        raise DataFileError(path, key, "expected a list of event type ids")
    return frozenset(types)


@functools.cache
def default_incident_words() -> IncidentWords:
    return load_incident_words()


@dataclass(frozen=True)
class _Word:
    """One incident word of a sentence and the time expression that dates it."""

    doc_id: str
    sent_id: str
    family: str
    text: str
    time: dict | None  # the time expression record, None when the word has none
    offset: int  # days from the incident to the expression's day ('two days after')


def _expressions(times: pd.DataFrame | None) -> dict[tuple[str, str], list[dict]]:
    if times is None or times.empty or "start" not in times:
        return {}
    out: dict[tuple[str, str], list[dict]] = {}
    for t in frame_records(times, ["time_id", "doc_id", "sent_id", "start", "end", "spec"]):
        out.setdefault((t["doc_id"], t["sent_id"]), []).append(t)
    return out


def _time_of(text: str, start: int, end: int, expressions: list[dict]
             ) -> tuple[dict | None, int]:
    """(expression, offset) dating the word at text[start:end] (see the module docstring)."""
    days = [t for t in expressions if str(t["spec"]).startswith(RELATIVE_SPECS)]
    for t in expressions:
        count = re.fullmatch(r"dur:(\d+)", str(t["spec"]))
        if count and int(t["end"]) <= start and AFTER.match(text[int(t["end"]):]) \
                and not CLAUSE_BREAK.search(text[int(t["end"]):start]):
            others = [d for d in days if str(d["spec"]).startswith(DAY_SPECS)]
            return (others[0], int(count.group(1))) if len(others) == 1 else (None, 0)
    near = [t for t in days if _modifies(t, start, end, text)]
    return (near[0], 0) if len(near) == 1 else (None, 0)


def _modifies(t: dict, start: int, end: int, text: str) -> bool:
    """The expression dates the word: right before it ('Wednesday's crash', 'the Dec. 25
    crash'), or after it in its clause with no verb between ('crashed near Portview on
    Wednesday', 'the downing of a plane over Chad last week')."""
    if int(t["end"]) <= start:
        gap = text[int(t["end"]):start]
        return bool(BEFORE_GAP.fullmatch(gap)) and not VERB.search(gap)
    gap = text[end:int(t["start"])] if int(t["start"]) >= end else None
    return gap is not None and len(gap.split()) <= MAX_GAP_WORDS \
        and not CLAUSE_BREAK.search(gap) and not VERB.search(gap)


def incident_words(sentences: dict, times: pd.DataFrame | None, words: IncidentWords
                   ) -> list[_Word]:
    """Every sentence's first word of each family, with the expression that dates it."""
    expressions = _expressions(times)
    gates = [words.first_words.get(family) for family in words.families]
    any_family = re.compile("|".join(g.pattern for g in gates)) \
        if gates and None not in gates else None  # one scan for the many sentences of none
    out = []
    for (doc_id, sent_id), text in sentences.items():
        text = str(text or "")
        lowered_text = lowered(text)
        if not may_match(lowered_text, any_family):
            continue
        for family, pattern in words.families.items():
            if not may_match(lowered_text, words.first_words.get(family)):
                continue
            found = pattern.search(text)
            if found is None:
                continue
            time, offset = _time_of(text, found.start(), found.end(),
                                    expressions.get((doc_id, sent_id), []))
            out.append(_Word(doc_id, sent_id, family, text, time, offset))
    return out


def _names(text: str) -> set[str]:
    """The names a sentence holds: its capitalised words but the first (any sentence's)."""
    found = list(NAME.finditer(text))
    if found and not text[:found[0].start()].strip(" \t•*-–—\"“'‘"):
        found = found[1:]
    return {re.sub(r"[’']s$", "", n.group(0)).lower() for n in found} - _CALENDAR


_CALENDAR = {w.lower() for w in (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December").split()}


def _anchors(found: list[_Word], documents: pd.DataFrame) -> dict[str, tuple]:
    """family -> (first, last, names of the pinning sentences) for the families the corpus
    dates to one day or two in a row, and never elsewhere."""
    dated = dated_days(documents)
    pins: dict[str, list] = {}
    for word in found:
        if word.time is None or not str(word.time["spec"]).startswith(DAY_SPECS):
            continue
        mention = {"doc_id": word.doc_id, "sent_id": word.sent_id, "time_id": word.time["time_id"]}
        own = SentenceTimes({(word.doc_id, word.sent_id): [word.time]}, {}, True)
        day = pinned_day(mention, own, dated.get(word.doc_id))
        if day is not None:
            shift = dt.timedelta(days=word.offset)
            pins.setdefault(word.family, []).append((day[1] - shift, day[2] - shift,
                                                     _names(word.text)))
    out = {}
    for family, days in pins.items():
        first, last = min(d[0] for d in days), max(d[1] for d in days)
        if last - first <= ANCHOR_SPAN:
            out[family] = (first, last, set().union(*(d[2] for d in days)))
    return out


def incident_clues(documents: pd.DataFrame, times: pd.DataFrame | None, sentences: dict,
                   doc_ids: set[str], words: IncidentWords | None = None,
                   found_words: list[_Word] | None = None) -> dict[str, list[Clue]]:
    """Clues for the documents in `doc_ids` from the incidents the corpus dates (see the
    module docstring); `sentences` maps (doc_id, sent_id) to the sentence's text;
    `found_words`: incident_words of them when the caller has it already."""
    found = found_words if found_words is not None else \
        incident_words(sentences, times, words or default_incident_words())
    out: dict[str, list[Clue]] = {}
    for word, first, last in anchored_words(found, documents, doc_ids):
        clue = _clue(word, first, last)
        if clue is not None:
            out.setdefault(word.doc_id, []).append(clue)
    return out


def anchored_words(found: list[_Word], documents: pd.DataFrame, doc_ids: set[str]):
    """(word, first, last) for the words of `doc_ids` whose family the corpus dates (its
    first and last day), when the article's sentences of it share enough names with the
    sentences that date it."""
    anchors = _anchors(found, documents)
    named = incident_names(found)
    for word in found:
        anchor = anchors.get(word.family)
        if word.doc_id not in doc_ids or anchor is None:
            continue
        first, last, names = anchor
        # fewer shared names: maybe another incident of the kind (SHARED_NAMES)
        if len(named[(word.doc_id, word.family)] & names) >= SHARED_NAMES:
            yield word, first, last


def incident_names(found: list[_Word]) -> dict[tuple[str, str], set[str]]:
    """(doc_id, family) -> the names of the article's sentences with a word of the family."""
    named: dict[tuple[str, str], set[str]] = {}
    for word in found:
        named.setdefault((word.doc_id, word.family), set()).update(_names(word.text))
    return named


incident_anchors = _anchors  # public name for dating.elapsed
names_of = _names  # likewise


def dated_incidents(documents: pd.DataFrame, times: pd.DataFrame | None, sentences: dict,
                    words: IncidentWords | None = None, found_words: list[_Word] | None = None
                    ) -> dict[str, tuple[re.Pattern, dt.date, dt.date]]:
    """family -> (its words, first day, last day) for the incidents the corpus dates to one
    day or two in a row (the anchors of incident_clues), for the events stage: what an
    article says of 'the crash' happened after it. `documents` are dated (dating's output);
    `found_words`: incident_words of the sentences when the caller has it."""
    words = words or default_incident_words()
    found = found_words if found_words is not None else incident_words(sentences, times, words)
    anchors = _anchors(found, documents)
    return {family: (words.families[family], first, last)
            for family, (first, last, _names) in anchors.items()}


def _clue(word: _Word, first: dt.date, last: dt.date) -> Clue | None:
    shift = dt.timedelta(days=word.offset)
    events = ((first + shift, last + shift),)
    base = (word.doc_id, word.sent_id, word.text)
    spec = str(word.time["spec"]) if word.time is not None else ""
    if word.time is None or spec.startswith(("abs:", "md:")):
        return Clue(*base, "after", lambda d, f=first: d >= f, ((first, last),),
                    ("after", first))
    if not timex.is_anchor_relative(spec):
        return None
    return Clue(*base, "relative", relative_holds(spec, events), events,
                (word.sent_id, spec, events))


__all__ = ["IncidentWords", "anchored_words", "dated_incidents", "default_incident_words",
           "incident_anchors", "incident_clues", "incident_names", "incident_words",
           "load_incident_words", "names_of"]
