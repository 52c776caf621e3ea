"""timex and dating: seasons as month ranges (data/time_expressions.yaml seasons, season_cues):
northern meteorological seasons of three whole months, winter across the year boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned
from trustbrief import timex

WED = dt.date(2024, 10, 9)  # a Wednesday in autumn
D = dt.date.fromisoformat


def only(text: str) -> timex.TimeExpr:
    found = timex.find_time_expressions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, surface, earliest, latest", [
    ("The envoy visited in the autumn of 2024, officials said.", "in the autumn of 2024",
     "2024-09-01", "2024-11-30"),
    ("The fall of 2023 brought new talks.", "The fall of 2023", "2023-09-01", "2023-11-30"),
    ("Gas deliveries stalled in winter 2024-25.", "in winter 2024-25", "2024-12-01",
     "2025-02-28"),
    ("Prices rose in the winter of 2023/2024.", "in the winter of 2023/2024", "2023-12-01",
     "2024-02-29"),
    ("The summit is planned for spring 2025.", "spring 2025", "2025-03-01", "2025-05-31"),
    ("Ties cooled in late summer 2024.", "in late summer 2024", "2024-08-01", "2024-08-31"),
])
def test_a_season_with_its_year(sentence, surface, earliest, latest):
    expr = only(sentence)
    assert (expr.text, expr.kind) == (surface, "date")
    for anchor in (None, WED, D("2026-06-01")):  # its year says which one
        r = timex.resolve_spec(expr.spec, anchor)
        assert (r.earliest, r.latest, r.precision) == (D(earliest), D(latest), "range")


@pytest.mark.parametrize("sentence, surface, earliest, latest", [
    ("The ministers met this spring.", "this spring", "2024-03-01", "2024-05-31"),
    ("The ministers met last summer.", "last summer", "2024-06-01", "2024-08-31"),
    ("The talks began in early autumn.", "in early autumn", "2024-09-01", "2024-09-30"),
    ("A visit is expected next spring.", "next spring", "2025-03-01", "2025-05-31"),
    ("Talks may resume this winter.", "this winter", "2024-12-01", "2025-02-28"),
    ("Trade fell in the late autumn.", "in the late autumn", "2024-11-01", "2024-11-30"),
])
def test_a_season_after_a_cue_is_read_against_the_anchor(sentence, surface, earliest, latest):
    expr = only(sentence)
    assert expr.text == surface
    r = timex.resolve_spec(expr.spec, WED)
    assert (r.earliest, r.latest) == (D(earliest), D(latest))
    assert timex.resolve_spec(expr.spec, None) == timex.UNRESOLVED


def test_last_season_is_the_one_before_the_anchors_own():
    # read in July, 'last summer' is the summer before; read in January, 'last winter' is
    # the winter before the one under way
    assert timex.resolve_spec("s:06:last", D("2025-07-10")).earliest == D("2024-06-01")
    assert timex.resolve_spec("s:12:last", D("2025-01-10")).earliest == D("2023-12-01")
    assert timex.resolve_spec("s:12", D("2025-01-10")).earliest == D("2024-12-01")
    assert timex.is_anchor_relative("s:06:last") and not timex.is_anchor_relative("s:06")


@pytest.mark.parametrize("sentence", [
    "After the fall of Kabul, the embassy closed.",
    "The Arab Spring changed the region.",
    "They spoke in the fall of the regime.",
    "The last fall in prices was steep.",
    "Talks were held in the winter of 2024.",  # one year alone: which winter is unclear
    "Spring 2024-25 was dry.",  # not one season
])
def test_season_words_that_are_not_a_time(sentence):
    assert [e for e in timex.find_time_expressions(sentence) if e.kind == "date"] == []


def test_a_past_act_in_a_season_bounds_its_report_from_below(tmp_path):
    docs = [article("dU", "undated.txt")]
    mentions = [mention("dU", 1, "visit", "Germany;Chad",
                        "The German president visited Chad in the autumn of 2024.")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published_earliest"] >= "2024-09-01"


def test_a_plan_for_a_season_bounds_its_report_from_above(tmp_path):
    docs = [article("dU", "undated.txt")]
    mentions = [mention("dU", 1, "visit", "Germany;Chad",
                        "The German president will visit Chad in spring 2025.", "planned")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published_latest"] <= "2025-05-31"
