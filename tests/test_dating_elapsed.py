"""A headline that counts the time since an incident the corpus dates ('... over the crash
after seven months') places the article that long after it (trustbrief.dating.elapsed), on
invented texts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import DATA
from trustbrief import timex
from trustbrief.dating.elapsed import elapsed_clues, uncounted_clues
from trustbrief.dating.incidents import load_incident_words

DATED = "A Lakeair passenger jet crashed on March 12, 2025, near Portview, Norland officials said."
BODY = "Norland says Portview officials still give no answer about the Lakeair crash."


@pytest.fixture(scope="module")
def words():
    return load_incident_words(DATA)


def _clues(title: str, words, body: str = BODY, reader=elapsed_clues) -> list:
    texts = {"a": DATED, "b": body}
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "file": ["a.txt", "b.txt"], "title": ["Jet down", title],
        "published": ["2025-03-12", ""], "published_basis": ["stated", "unknown"]})
    sentences = {(d, f"{d}-s001"): text for d, text in texts.items()}
    frame = pd.DataFrame([{"doc_id": d, "sent_id": s, "text": t}
                          for (d, s), t in sentences.items()])
    times = timex.extract_time_expressions(frame)
    return reader(documents, times, sentences, {"b"}, words).get("b", [])


def _range(clues) -> tuple[dt.date, dt.date]:
    days = [dt.date(2025, 1, 1) + dt.timedelta(days=i) for i in range(1000)]
    held = [d for d in days if all(c.holds(d) for c in clues)]
    return held[0], held[-1]


@pytest.mark.parametrize(("title", "first", "last"), [
    # seven months of 30.44 days from 12 March, give or take half a month, and a day of news
    ("Norland moves to sue over Portview jet crash after seven months", "2025-09-26",
     "2025-10-27"),
    ("Six weeks after the Portview crash, Norland still waits", "2025-04-19", "2025-04-28"),
    ("Two years on from the Portview crash, Norland remembers", "2026-09-11", "2027-09-12"),
])
def test_a_headline_counting_from_the_incident_places_the_article(words, title, first, last):
    clues = _clues(title, words)
    assert [c.kind for c in clues] == ["elapsed"]
    assert _range(clues) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("title", [
    "Two days after the Portview crash, Norland halts flights",  # days would pin: not read
    "Norland court jails pilot for seven months over Portview crash",  # a sentence, not time since
    "Norland mourns after the Portview crash",  # no duration
])
def test_headlines_that_count_nothing_since_the_incident_give_no_clue(words, title):
    assert _clues(title, words) == []


def test_another_incident_of_the_kind_gives_no_clue(words):
    # no two names shared with the sentence that dates the crash: maybe another crash
    title = "Families sue over Eastfield crash after seven months"
    assert _clues(title, words, body="Eastfield families still wait for answers.") == []


@pytest.mark.parametrize(("body", "first"), [
    # at least two of the unit, less half of one, after 12 March
    ("Norland grounded Lakeair jets weeks after the Portview crash.", "2025-03-22"),
    ("Days after the Lakeair crash, Norland officials visited Portview.", "2025-03-14"),
    ("Ties between Norland and Portview soured in recent months since the Lakeair crash.",
     "2025-04-27"),
])
def test_an_uncounted_plural_since_the_incident_bounds_the_article_below(words, body, first):
    clues = _clues("Jet news", words, body, uncounted_clues)
    assert [c.kind for c in clues] == ["after"]
    assert _range(clues)[0] == dt.date.fromisoformat(first)


@pytest.mark.parametrize("body", [
    "Norland grounded Lakeair jets two weeks after the Portview crash.",  # counted
    "Norland will ground Lakeair jets weeks after the Portview crash.",  # looks ahead
    "Norland grounded Lakeair jets after the Portview crash.",  # no unit
])
def test_a_counted_or_planned_span_gives_no_uncounted_clue(words, body):
    assert _clues("Jet news", words, body, uncounted_clues) == []
