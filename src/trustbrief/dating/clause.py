"""The clause a date is printed in: does it look ahead?

'A-land's foreign minister will not attend the conference on March 25, 2025, the ministry said':
extract may give the date to the statement ('said', reported as done), but the clause the date
stands in is governed by 'will': the day is ahead of the report, an upper bound, whatever verb
of the sentence it is given to. Only the auxiliaries of data/time_expressions.yaml
future_clause_cues ('will', 'is expected to', 'is scheduled to') in the date's own clause (no
comma, colon or bracket between them) count: 'set for' or 'until' right before a date also
look ahead (explicit.looks_ahead) but are left to the verb's own reading ('the visit, set for
Oct. 9, was cancelled' may be reported after that day).
"""

from __future__ import annotations

import re

from trustbrief import timex

CLAUSE_LOOKBACK = 80  # characters before a date searched for a look-ahead auxiliary
CLAUSE_BREAK = re.compile(r"[,;:()\"“”]")


def start_in(sentence: str, t: dict) -> int:
    """Where the expression's text starts in its sentence (the end when not found)."""
    text = str(t.get("text") or "")
    found = sentence.find(text) if text else -1
    return found if found >= 0 else len(sentence)


def future_clause(sentence: str, start: int, vocab: timex.Vocabulary | None = None) -> bool:
    """A present/future auxiliary earlier in the clause of the expression at `start`."""
    vocab = vocab or timex.default_vocabulary()
    before = sentence[max(0, start - CLAUSE_LOOKBACK):start]
    return bool(vocab.future_clause.search(CLAUSE_BREAK.split(before)[-1]))


def future_dated(sentence: str, t: dict) -> bool:
    """The time expression `t` stands in a clause that looks ahead ('will attend ... on
    March 25, 2025')."""
    return bool(sentence) and future_clause(sentence, start_in(sentence, t))


def ahead_as_planned(m: dict, dated: list[dict]) -> dict:
    """The mention as planned when it is reported as done but one of the dates that may date
    it (`dated`, a day, month or season with its year) stands in a clause that looks ahead:
    'the minister will not attend the conference on March 25, 2025, the ministry said' is a
    plan for that day, not a statement made on it."""
    if (m.get("polarity") or "asserted") != "asserted" \
            or not any(future_dated(m.get("text") or "", t) for t in dated):
        return m
    return {**m, "polarity": "planned"}
