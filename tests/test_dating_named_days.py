"""A named day places the article when a word puts its event on that day, in the calendar of
the country its sentence names (trustbrief.dating.named_days), on invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DATA
from trustbrief.dating.named_days import load_named_days, named_day_clues
from trustbrief.knowledge import DataFileError

WINDOW = (dt.date(2024, 6, 1), dt.date(2025, 6, 30))


@pytest.fixture(scope="module")
def named():
    return load_named_days(DATA)


def _holding(clues, start: dt.date, days: int = 400) -> list[dt.date]:
    candidates = [start + dt.timedelta(days=i) for i in range(days)]
    return [d for d in candidates if all(c.holds(d) for c in clues)]


def _clues(named, text: str, depth: int = 1):
    sentences = {("d1", "d1-s001"): text}
    return named_day_clues(sentences, {"d1"}, WINDOW, {("d1", "d1-s001"): depth}, named)


def test_rules_give_the_days_of_the_calendar(named):
    days = {(d.names[0], d.country): d for d in named.days}
    assert days[("Election Day", "USA")].in_year(2024) == dt.date(2024, 11, 5)
    assert days[("Election Day", "USA")].in_year(2026) == dt.date(2026, 11, 3)
    assert days[("Memorial Day", "USA")].in_year(2025) == dt.date(2025, 5, 26)
    assert days[("Victory Day", "RUS")].in_year(2025) == dt.date(2025, 5, 9)


def test_a_lede_event_coinciding_with_a_named_day_is_that_days_news(named):
    clues = _clues(named, "Officials voiced shock at the sacking, coinciding with the "
                          "Election Day in the U.S. and a looming attack.")
    assert [c.kind for c in clues["d1"]] == ["after", "news"]
    assert _holding(clues["d1"], dt.date(2024, 10, 1)) == [dt.date(2024, 11, 5),
                                                           dt.date(2024, 11, 6)]


def test_deeper_in_the_article_a_named_day_only_bounds_from_below(named):
    clues = _clues(named, "The minister was fired on Election Day in the United States.", 5)
    assert [c.kind for c in clues["d1"]] == ["after"]


def test_a_name_without_a_same_day_word_tells_nothing(named):
    assert _clues(named, "He refused to attend the Victory Day events in Moscow.") == {}
    assert _clues(named, "Voters in the U.S. went to the polls after Election Day.") == {}


def test_the_place_after_the_name_chooses_the_countrys_day(named):
    clues = _clues(named, "The Azerbaijani leader stood beside him during the Victory Day "
                          "parade in Moscow, aides said.")
    assert _holding(clues["d1"], dt.date(2024, 6, 1))[:2] == [dt.date(2025, 5, 9),
                                                              dt.date(2025, 5, 10)]


def test_two_countries_with_a_day_of_that_name_and_no_place_give_nothing(named):
    assert _clues(named, "Russian and Azerbaijani officials met during Victory Day "
                         "celebrations.") == {}


def test_no_country_named_gives_nothing(named):
    assert _clues(named, "Officials were shocked, coinciding with Election Day.") == {}


def test_a_country_without_a_day_of_that_name_makes_the_name_unsure(named):
    # an Israeli 'Memorial Day' is not the American Memorial Day the data knows
    assert _clues(named, "Israeli and American officials met on Memorial Day.") == {}
    assert _clues(named, "American veterans marched on Memorial Day.") != {}


def test_a_plan_on_a_named_day_bounds_from_above(named):
    clues = _clues(named, "Russian veterans will march on Victory Day, the ministry said.")
    assert [c.kind for c in clues["d1"]] == ["before"]
    assert clues["d1"][0].holds(dt.date(2025, 5, 9))
    assert not clues["d1"][0].holds(dt.date(2025, 5, 10))


def test_a_trip_planned_for_a_named_day_bounds_from_above(named):
    # no same-day word: 'for' leads to the name through a few words of a clause that looks
    # ahead; the destination chooses between the two countries the sentence names
    clues = _clues(named, "The Azerbaijani president will not travel to Moscow for the "
                          "celebrations dedicated to the 80th anniversary of the Victory, "
                          "an aide said.")
    assert [c.kind for c in clues["d1"]] == ["before"]
    assert clues["d1"][0].holds(dt.date(2025, 5, 9))
    assert not clues["d1"][0].holds(dt.date(2025, 5, 10))


def test_a_trip_for_a_named_day_told_in_the_past_tells_nothing(named):
    assert _clues(named, "The Azerbaijani president travelled to Moscow for the Victory "
                         "Parade.") == {}
    # a look-ahead word in another clause does not reach the name
    assert _clues(named, "Aides said he will rest for a week, after the Victory Parade in "
                         "Moscow.") == {}


def test_a_malformed_day_is_named_with_its_entry(tmp_path):
    (tmp_path / "world").symlink_to(DATA / "world")
    (tmp_path / "named_days.yaml").write_text(
        "days:\n  - {names: [Flag Day], country: USA, month: 6, weekday: FUNDAY, nth: 1}\n"
        "same_day_cues: [during]\nlookahead_cues: [for]\n")
    with pytest.raises(DataFileError, match=r"days\[0\].*weekday"):
        load_named_days(tmp_path)


def test_two_named_countries_whose_days_differ_give_nothing(named):
    assert _clues(named, "Indian and Pakistani troops exchanged fire on Independence "
                         "Day.") == {}
    clues = _clues(named, "Indian troops paraded on Independence Day.")
    assert _holding(clues["d1"], dt.date(2024, 6, 1))[:2] == [dt.date(2024, 8, 15),
                                                              dt.date(2024, 8, 16)]
