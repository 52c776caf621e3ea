"""A mention's own day tells which act it is (dating/own_days.py): another article's act of
the same type and parties pinned to another day is another act, and neither bounds nor dates
the article. Invented parties; Pinned as dating.chronology builds it."""

from __future__ import annotations

import datetime as dt

from trustbrief.dating import own_days
from trustbrief.dating.chronology import Pinned
from trustbrief.dating.clues import SentenceTimes, clues_for_mention, is_explicit_day


def pinned(first: str, last: str | None = None) -> Pinned:
    return Pinned(f"a:{first}", "restriction", frozenset({"Chad", "Niger"}), None,
                  dt.date.fromisoformat(first), dt.date.fromisoformat(last or first))


def test_an_act_of_another_day_is_not_the_mentions_act():
    june, february = pinned("2025-06-29"), pinned("2025-02-10", "2025-02-12")
    # 'on February 11' (no year): only the act whose days hold February 11
    assert own_days.fitting([june, february], ["md:02-11"]) == [february]
    # 'on 11 February 2025': the year counts too
    assert own_days.fitting([june, february], ["abs:2025-02-11"]) == [february]
    assert own_days.fitting([pinned("2024-02-11")], ["abs:2025-02-11"]) == []


def test_a_mention_without_its_own_day_keeps_every_match():
    events = [pinned("2025-06-29"), pinned("2025-02-11")]
    assert own_days.fitting(events, []) == events


def test_only_full_and_month_day_dates_are_a_mentions_own_day():
    assert is_explicit_day("abs:2025-02-11") and is_explicit_day("md:02-11")
    assert not any(is_explicit_day(s) for s in ("ym:2025-02", "weekday:past:MON", "reld:-1"))


def test_the_dating_clues_of_a_mention_naming_its_own_day():
    """dating.clues reads only the pinned acts that hold the mention's own day: an act of the
    same parties on another day gives no clue (it would bound the article after June 29)."""
    june, february = pinned("2025-06-29"), pinned("2025-02-11")
    mention = {"doc_id": "b", "sent_id": "b-s001", "event_type": "restriction",
               "text": "On February 11, Chad suspended the flights to Niger.",
               "actors": ["Chad", "Niger"], "polarity": "asserted", "time_id": "b-s001-t1"}
    day = {"time_id": "b-s001-t1", "doc_id": "b", "sent_id": "b-s001", "spec": "md:02-11"}
    times = SentenceTimes({("b", "b-s001"): [day]}, {("b", "b-s001"): {"b-s001-t1"}}, True)
    assert clues_for_mention(mention, times, [june]) == []
    found = clues_for_mention(mention, times, [june, february])
    assert found and {c.events for c in found} == {((february.first, february.last),)}
