"""An uncounted plural unit before a past date the article prints ('weeks after Norland's
Oct. 1, 2024 strike') bounds the article that long after the date (dating.explicit), on
invented texts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from trustbrief import timex
from trustbrief.dating.explicit import explicit_date_clues


def _clues(body: str) -> list:
    sentences = {("b", "b-s004"): body}
    frame = pd.DataFrame([{"doc_id": "b", "sent_id": "b-s004", "text": body}])
    times = timex.extract_time_expressions(frame)
    return explicit_date_clues(times, sentences, {"b"},
                               (dt.date(2024, 1, 1), dt.date(2025, 12, 31))).get("b", [])


def _first(clues) -> dt.date:
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(700)]
    return next(d for d in days if all(c.holds(d) for c in clues))


@pytest.mark.parametrize(("body", "first"), [
    # at least two of the unit, less half of one, after the date
    ("Southia struck Norland's bases weeks after Norland's Oct. 1, 2024 missile attack.",
     "2024-10-11"),
    ("Talks resumed days after the Oct. 1, 2024 strike on Portview.", "2024-10-03"),
    ("Ties soured in the months since the October 1, 2024 strike on Portview.", "2024-11-16"),
])
def test_an_uncounted_plural_before_a_past_date_bounds_the_article_later(body, first):
    clues = _clues(body)
    assert sorted(c.kind for c in clues) == ["after", "after"]
    assert _first(clues) == dt.date.fromisoformat(first)


@pytest.mark.parametrize("body", [
    "Southia struck Norland's bases two weeks after the Oct. 1, 2024 missile attack.",  # counted
    "Southia struck Norland's bases after the Oct. 1, 2024 missile attack.",  # no unit
    "Southia will strike Norland weeks after the Nov. 5, 2024 vote.",  # looks ahead
])
def test_a_counted_unit_none_or_a_plan_moves_nothing(body):
    clues = _clues(body)
    assert [c for c in clues if c.identity[0] == "uncounted"] == []


def _undated_range(tmp_path, text: str) -> list[str]:
    from test_dating import article, dated_without_chronology, found_for, mention

    docs = [article("dA", "a.txt", "url", "2024-10-02"), article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, "missile_attack", "Norland;Southia",
                "Norland fired missiles at Southia on Oct. 1, 2024, officials said."),
        mention("dU", 1, "missile_attack", "Norland;Southia", text),
    ]
    mentions[1]["trigger_start"] = text.find("missile attack")
    out = dated_without_chronology(tmp_path, docs, found_for(mentions))
    return out.loc["dU", ["published_earliest"]].tolist()


def test_weeks_after_an_event_another_article_dates_bound_the_article_later(tmp_path):
    # the attack is pinned to Oct. 1 by the dated article; 'weeks after' it: Oct. 11 or later
    moved = "Southia struck back weeks after Norland's missile attack on its cities."
    plain = "Southia struck back after Norland's missile attack on its cities."
    assert _undated_range(tmp_path, moved) == ["2024-10-11"]
    assert _undated_range(tmp_path, plain) == ["2024-10-01"]
