"""Recurring events of the same parties choose among days and never pin one on their own
(dating.recurring), on invented articles."""

from __future__ import annotations

import datetime as dt

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned
from trustbrief.dating import recurring

CALL = "phone_call"
LEADERS = "Ana Ruiz;Ben Okafor"

COLUMNS = ["published", "published_earliest", "published_latest"]


def test_weekday_of_reads_weekdays_and_full_dates_only():
    assert recurring.weekday_of("weekday:past:WED") == "WED"
    assert recurring.weekday_of("abs:2024-10-01") == "TUE"
    assert recurring.weekday_of("relw:-1") is None
    assert recurring.weekday_of("md:10-01") is None


def test_matches_on_separate_days_are_recurring():
    m = {"event_type": CALL, "actors": ["Ana Ruiz", "Ben Okafor"]}
    one = (dt.date(2024, 8, 21), dt.date(2024, 8, 21))
    two = (dt.date(2024, 10, 9), dt.date(2024, 10, 9))
    assert recurring.is_recurring(m, (one, two))
    assert not recurring.is_recurring(m, (one,))
    overlapping = (dt.date(2024, 8, 20), dt.date(2024, 8, 22))
    assert not recurring.is_recurring(m, (one, overlapping))


def test_two_weekdays_named_for_the_same_parties_make_two_events():
    m = {"event_type": CALL, "actors": ["Ana Ruiz", "Ben Okafor"]}
    one = ((dt.date(2024, 8, 21), dt.date(2024, 8, 21)),)  # a Wednesday
    other_parties = {CALL: [(frozenset({"Ana Ruiz", "Carl Lind"}), "THU")]}
    assert not recurring.is_recurring(m, one, other_parties)
    same_parties = {CALL: [(frozenset({"Ana Ruiz", "Ben Okafor"}), "THU")]}
    assert recurring.is_recurring(m, one, same_parties)
    same_weekday = {CALL: [(frozenset({"Ana Ruiz", "Ben Okafor"}), "WED")]}
    assert not recurring.is_recurring(m, one, same_weekday)


def test_a_call_of_leaders_who_talk_often_yields_to_the_week_of_a_dated_attack(tmp_path):
    # The leaders spoke on a Thursday (article A) and on a Wednesday (article B, 21 August):
    # their calls recur. The undated article's 'spoke on Wednesday' could be any Wednesday
    # call; its 'last week' attack (1 October) places it in 7-13 October, and its lede
    # Wednesday then picks 9 October, not the earlier call's 21 August.
    docs = [article("dA", "a.txt", "url", "2024-08-02"), article("dB", "b.txt", "url",
                                                                  "2024-08-22"),
            article("dC", "c.txt", "url", "2024-10-02"), article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, CALL, LEADERS, "Ruiz and Okafor spoke on Thursday evening."),
        mention("dB", 1, CALL, LEADERS, "Ruiz spoke by phone with Okafor on Wednesday."),
        mention("dC", 1, "missile_attack", "Norland;Southia",
                "Norland fired missiles at Southia on Oct. 1, 2024, the army said."),
        mention("dU", 1, CALL, LEADERS, "Ruiz and Okafor spoke on Wednesday, aides said."),
        mention("dU", 2, "missile_attack", "Norland;Southia",
                "Southia weighs its answer to a missile attack by Norland last week."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", COLUMNS].tolist() == ["2024-10-09", "2024-10-09", "2024-10-10"]


@pytest.mark.parametrize("second_call", [
    # only the recurring call dates the undated article: it may be another Wednesday call
    # that no article dates, so no day and no range come from it
    "Ruiz spoke by phone with Okafor on Wednesday.",
    # one call is dated by its date (Wednesday 21 August), another article names a Thursday
    # call of the same leaders: their 'spoke on Wednesday' may be another Wednesday's call
    "Ruiz spoke by phone with Okafor on Aug. 21, 2024.",
], ids=["weekday-only", "dated-call"])
def test_a_weekday_match_to_a_call_of_leaders_who_talk_often_pins_nothing(tmp_path,
                                                                           second_call):
    docs = [article("dA", "a.txt", "url", "2024-08-02"), article("dB", "b.txt", "url",
                                                                  "2024-08-22"),
            article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, CALL, LEADERS, "Ruiz and Okafor spoke on Thursday evening."),
        mention("dB", 1, CALL, LEADERS, second_call),
        mention("dU", 1, CALL, LEADERS, "Ruiz and Okafor spoke on Wednesday, aides said."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", "published"] == ""
    assert out.loc["dU", "published_earliest"] != "2024-08-21"
