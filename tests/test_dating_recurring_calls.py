"""A call another article dates by its weekday is another call of the kind, not a weaker reading
of the calls the analyst's chronology dates (dating.clues._matched_events): the clue of an
undated article that says the two leaders 'spoke on Thursday' chooses among all three calls,
so its one Thursday can place the article. Invented people."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from trustbrief import timex
from trustbrief.dating.mentions import collect_clues

CALL = {"event_type": "phone_call", "actors": ["Arman Tal", "Boris Vek"],
        "polarity": "asserted", "lane": "contacts"}
TEXTS = {"a-s001": "Arman Tal and Boris Vek spoke by phone Thursday to discuss the crisis.",
         "b-s001": "Arman Tal and Boris Vek spoke on Thursday evening amid the tensions."}
# two calls the chronology dates, both on Wednesdays (21 August, 9 October 2024)
CHRONOLOGY = pd.DataFrame([
    {"key": f"call_{day}", "date": day, "date_latest": "", "event_type": "phone_call",
     "actors": "Arman Tal;Boris Vek", "keywords": "", "label": "call"}
    for day in ("2024-08-21", "2024-10-09")])
ARTICLE_CALL = dt.date(2024, 8, 1)  # article a, of Sunday 4 August, says 'Thursday'


def _call_days(chronology: pd.DataFrame, published_a: str = "2024-08-04") -> set[dt.date]:
    sentences = pd.DataFrame([{"doc_id": s.split("-")[0], "sent_id": s, "text": t,
                               "start": i * 100} for i, (s, t) in enumerate(TEXTS.items())])
    # each call is governed by its sentence's one time expression, as extraction gives it
    mentions = pd.DataFrame([{"doc_id": s.split("-")[0], "sent_id": s, "text": t,
                              "time_id": f"{s}-t1", **CALL} for s, t in TEXTS.items()])
    documents = pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"],
                              "published": [published_a, ""],
                              "published_basis": ["stated", "unknown"]})
    found = {"mentions": mentions, "time_expressions": timex.extract_time_expressions(sentences)}
    clues = collect_clues(documents, found, chronology, {"b"})["b"]
    return {first for clue in clues for first, _ in clue.events}


def test_the_weekday_dated_call_stands_beside_the_chronology_calls():
    assert _call_days(CHRONOLOGY) == {ARTICLE_CALL, dt.date(2024, 8, 21), dt.date(2024, 10, 9)}


def test_a_weekday_reading_a_week_from_a_dated_call_may_be_that_call():
    # article a of 25 August: its 'Thursday' is 22 August, a day after the dated call of the
    # 21st - the same call read a day off, not a third one
    assert dt.date(2024, 8, 22) not in _call_days(CHRONOLOGY, "2024-08-25")


def test_without_the_chronology_the_article_call_alone_is_matched():
    assert _call_days(CHRONOLOGY.iloc[0:0]) == {ARTICLE_CALL}
