"""A mention's own day tells which act it is (dating/own_days.py): another article's act of
the same type and parties pinned to another day is another act, and neither bounds nor dates
the article. Invented parties; Pinned as dating.chronology builds it."""

from __future__ import annotations

import datetime as dt

from trustbrief.dating import own_days
from trustbrief.dating.chronology import Pinned


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
    assert own_days.is_day("abs:2025-02-11") and own_days.is_day("md:02-11")
    assert not any(own_days.is_day(s) for s in ("ym:2025-02", "weekday:past:MON", "reld:-1"))
