"""collect_clues reads the events other articles pin, their lede news and the weekdays named
for their parties only for the event types the documents to date mention (dating.mentions
._of_kinds): the clues are the ones the whole corpus's mentions give. Invented people."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from trustbrief import timex
from trustbrief.dating import mentions as dating_mentions
from trustbrief.dating.mentions import collect_clues

PARTIES = {"actors": ["Arman Tal", "Boris Vek"], "polarity": "asserted"}
# a (dated 4 August 2024, a Sunday) dates a call and a visit by 'Thursday'; c (dated) tells
# a visit; b, undated, tells the call on Thursday: only the call can date it
ROWS = [("a-s001", "Arman Tal and Boris Vek spoke by phone Thursday to discuss the crisis.",
         "phone_call", "contacts"),
        ("a-s002", "Arman Tal visited Boris Vek on Thursday in the capital.", "meeting_visit",
         "contacts"),
        ("c-s001", "Arman Tal and Boris Vek met on Friday at the border.", "meeting_visit",
         "contacts"),
        ("b-s001", "Arman Tal and Boris Vek spoke on Thursday evening amid the tensions.",
         "phone_call", "contacts")]


def _clues(monkeypatch=None, whole: bool = False) -> dict:
    if whole:  # every type's events read, as before the restriction
        monkeypatch.setattr(dating_mentions, "_of_kinds", lambda mentions, kinds: mentions)
    sentences = pd.DataFrame([{"doc_id": s.split("-")[0], "sent_id": s, "text": t,
                               "start": i * 100} for i, (s, t, _, _) in enumerate(ROWS)])
    times = timex.extract_time_expressions(sentences)
    first_time = times.drop_duplicates("sent_id").set_index("sent_id")["time_id"]
    mentions = pd.DataFrame([{"doc_id": s.split("-")[0], "sent_id": s, "text": t,
                              "time_id": first_time.get(s, ""), "event_type": kind,
                              "lane": lane, **PARTIES} for s, t, kind, lane in ROWS])
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "file": ["a.txt", "b.txt", "c.txt"],
                              "published": ["2024-08-04", "", "2024-08-10"],
                              "published_basis": ["stated", "unknown", "stated"]})
    found = {"mentions": mentions, "time_expressions": times}
    clues = collect_clues(documents, found, pd.DataFrame(), {"b"})
    # a clue's test (`holds`) is a function: its days and identity say what it holds
    return {doc: [(c.sent_id, c.kind, c.events, c.identity, c.weight, c.holds(dt.date(2024, 8, 2)))
                  for c in found_clues] for doc, found_clues in clues.items()}


def test_the_call_another_article_dates_dates_the_undated_one():
    days = {first for clue in _clues()["b"] for first, _ in clue[2]}
    assert dt.date(2024, 8, 1) in days  # a's Thursday call


def test_the_clues_are_those_of_every_type_read(monkeypatch):
    restricted = _clues()
    assert restricted == _clues(monkeypatch, whole=True)


@pytest.mark.parametrize("kinds", [set(), {"meeting_visit"}])
def test_types_other_than_the_documents_own_lose_the_clue(monkeypatch, kinds):
    # a restriction to the wrong types (none, or only the others') loses a's call
    of_kinds = dating_mentions._of_kinds
    monkeypatch.setattr(dating_mentions, "_of_kinds",
                        lambda mentions, wanted: of_kinds(mentions, kinds))
    days = {first for clue in _clues().get("b", []) for first, _ in clue[2]}
    assert dt.date(2024, 8, 1) not in days
