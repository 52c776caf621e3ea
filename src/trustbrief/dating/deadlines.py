"""Clues from a deadline an article counts from a dated act (data/deadlines.yaml).

'A letter dated Oct. 13 gave A-land 30 days': one sentence holding one date and one number
of days, with a word that makes the days a time limit ('within', 'gave', 'deadline'), sets
a deadline on the date plus the days. The article's lede then places it: 'as the deadline
approaches' -> published on or before that day (half weight, as plans), and, a word that
says the deadline is near ('approaches', 'nears', 'looms'; not 'ahead of' or 'is due'), in
the second half of the time limit (half weight too: a deadline is said to approach once less
time is left than has gone); 'sidestepped its deadline' -> the deadline is the day's news:
published that day or the next. Two different deadlines in one article, or a date whose
year is unsure, give nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief.dating import lede
from trustbrief.dating.clues import PLANNED_WEIGHT, Clue
from trustbrief.dating.explicit import years_of
from trustbrief.knowledge import DataFileError, load_yaml, phrase_alternatives
from trustbrief.tables import frame_records

DEADLINES_FILE = "deadlines.yaml"
SECTIONS = ("nouns", "set_cues", "passed", "approaching", "nearing")
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
LEDE_SENTENCES = 3  # as the lede's dates (dating.explicit)
MAX_DAYS = 366  # a time limit longer than a year is not news of one day
NEWS_LAG = dt.timedelta(days=1)
DURATION = re.compile(r"dur:(\d+)")  # an exact number of days, not 'about 30 days'


@dataclass(frozen=True)
class DeadlineWords:
    nouns: re.Pattern
    set_cues: re.Pattern
    passed: re.Pattern
    approaching: re.Pattern
    nearing: re.Pattern  # of the approaching words, those that say it is near


def phrase_pattern(phrases: list[str], hyphens: bool = False) -> re.Pattern:
    """Any of the phrases as whole words (phrase_alternatives), case-blind; with `hyphens`, a
    phrase joined to a word by a hyphen ('post-crash') is no match either."""
    glue = "-" if hyphens else ""
    return re.compile(rf"(?i)(?<![\w'{glue}])(?:{phrase_alternatives(phrases)})(?![\w{glue}])")


# A phrase_pattern can only match a text whose lowercase holds the lowercase of one of its
# phrases' first words: re's case-blind match pairs an ASCII letter with its cases, with the
# characters whose lowercase it is, and with these three (re._casefix; U+0130's one-letter
# lowercase), which str.lower() does not map to it.
_CASE_BLIND_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_CASE_BLIND_CHARS = ("\u0130", "\u0131", "\u017f")


def first_words(phrases: list[str]) -> re.Pattern | None:
    """Any of the lowercase first words of `phrases`, for may_match (a plain alternation of
    literals, scanned far faster than phrase_pattern's); None when a phrase is not ASCII
    (then every text may match)."""
    words = {str(p).split()[0].lower() for p in phrases if str(p).split()}
    if not words or not all(w.isascii() for w in words):
        return None
    # a word holding another ('crashed', 'crash') is found by that one
    words = {w for w in words if not any(o != w and o in w for o in words)}
    return re.compile("|".join(map(re.escape, sorted(words))))


def lowered(text: str) -> str:
    """The text as may_match reads it."""
    if text.isascii() or not any(c in text for c in _CASE_BLIND_CHARS):
        return text.lower()
    return text.translate(_CASE_BLIND_ASCII).lower()


def may_match(lowered_text: str, words: re.Pattern | None) -> bool:
    """False only when no phrase of `words` (first_words) can match the text."""
    return words is None or words.search(lowered_text) is not None


def load_deadline_words(data_dir: Path | str = DEFAULT_DATA_DIR) -> DeadlineWords:
    path = Path(data_dir) / DEADLINES_FILE
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, None, "expected a mapping of sections")
    for name in SECTIONS:
        value = raw.get(name)
        if not isinstance(value, list) or not value or not all(
                isinstance(v, str) and v.strip() for v in value):
            raise DataFileError(path, name, "expected a non-empty list of words")
    approaching = {" ".join(str(w).lower().split()) for w in raw["approaching"]}
    for word in raw["nearing"]:
        if " ".join(word.lower().split()) not in approaching:
            raise DataFileError(path, "nearing", f"{word!r} is not in approaching")
    return DeadlineWords(*(phrase_pattern(raw[name]) for name in SECTIONS))


@functools.lru_cache(maxsize=4)
def default_deadline_words(data_dir: str = str(DEFAULT_DATA_DIR)) -> DeadlineWords:
    return load_deadline_words(data_dir)


def deadline_clues(times: pd.DataFrame | None, sentences: dict, doc_ids: set[str],
                   window: tuple[dt.date, dt.date] | None, depths: dict | None = None,
                   words: DeadlineWords | None = None) -> dict[str, list[Clue]]:
    """doc_id -> clues from the one deadline its sentences set and its lede places."""
    if times is None or times.empty or not doc_ids or window is None:
        return {}
    words = words or default_deadline_words()
    by_sentence: dict[tuple[str, str], list[dict]] = {}
    for t in frame_records(times, [c for c in ("doc_id", "sent_id", "text", "spec")
                                   if c in times]):
        if t["doc_id"] in doc_ids:
            by_sentence.setdefault((t["doc_id"], t["sent_id"]), []).append(t)
    set_by_doc: dict[str, set[tuple[dt.date, dt.date]]] = {}
    for key, found in by_sentence.items():
        day = _deadline_set(found, sentences.get(key, ""), window, words)
        if day is not None:
            set_by_doc.setdefault(key[0], set()).add(day)
    deadlines = {doc: days.pop() for doc, days in set_by_doc.items() if len(days) == 1}
    ledes: dict[str, list[tuple[str, str]]] = {}
    for (doc_id, sent_id), text in sorted(sentences.items()):
        if doc_id in deadlines and (lede.depth(doc_id, sent_id, depths or {})
                                    or LEDE_SENTENCES + 1) <= LEDE_SENTENCES:
            ledes.setdefault(doc_id, []).append((sent_id, str(text or "")))
    out: dict[str, list[Clue]] = {}
    for doc_id, deadline in deadlines.items():
        clues = _placed(doc_id, deadline, ledes.get(doc_id, []), words)
        if clues:
            out[doc_id] = clues
    return out


def _deadline_set(found: list[dict], sentence: str, window: tuple[dt.date, dt.date],
                  words: DeadlineWords) -> tuple[dt.date, dt.date] | None:
    """(the day it was set, the deadline) of the deadline one sentence sets: its one date
    plus its one number of days."""
    dates = [t for t in found if str(t["spec"]).startswith(("abs:", "md:"))]
    spans = [DURATION.fullmatch(str(t["spec"])) for t in found]
    spans = [int(m.group(1)) for m in spans if m]
    if len(dates) != 1 or len(spans) != 1 or not 0 < spans[0] <= MAX_DAYS:
        return None
    if not (words.nouns.search(sentence) or words.set_cues.search(sentence)):
        return None
    days = years_of(str(dates[0]["spec"]), None, window)
    if len(days) != 1:
        return None
    return days[0], days[0] + dt.timedelta(days=spans[0])


def _placed(doc_id: str, deadline: tuple[dt.date, dt.date],
            lede_sentences: list[tuple[str, str]], words: DeadlineWords) -> list[Clue]:
    """Clues from the lede sentences that name a deadline as passed or as ahead: either way
    the act that set it is past."""
    clues: list[Clue] = []
    set_on, deadline = deadline
    for sent_id, text in lede_sentences:
        if not words.nouns.search(text):
            continue
        base = (doc_id, sent_id, text)
        events = ((set_on, set_on), (deadline, deadline))
        clues.append(Clue(*base, "after", lambda d: d >= set_on, events,
                          ("after", set_on)))
        if words.passed.search(text):
            clues.append(Clue(*base, "after", lambda d: d >= deadline, events,
                              ("deadline-after", deadline)))
            clues.append(Clue(*base, "news", lambda d: deadline <= d <= deadline + NEWS_LAG,
                              events, ("deadline-news", deadline)))
        elif words.approaching.search(text):
            clues.append(Clue(*base, "before", lambda d: d <= deadline, events,
                              ("deadline-before", deadline), PLANNED_WEIGHT))
            if words.nearing.search(text):
                half = set_on + (deadline - set_on) // 2
                clues.append(Clue(*base, "after", lambda d, h=half: d >= h, events,
                                  ("deadline-near", half), PLANNED_WEIGHT))
        else:
            clues.pop()  # a deadline named, not placed: the sentence tells nothing
    return _first_reading(clues)


def _first_reading(clues: list[Clue]) -> list[Clue]:
    """One reading of the deadline: the first lede sentence that places it."""
    if not clues:
        return []
    first = clues[0].sent_id
    return [c for c in clues if c.sent_id == first]
