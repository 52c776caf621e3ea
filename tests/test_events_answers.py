"""events/answers.py: an interception told without a date happened on the day its article
dates the attack it answers (invented frames; helpers from test_events)."""

from __future__ import annotations

import dataclasses

import pytest

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from trustbrief import events
from trustbrief.knowledge import DataFileError

__all__ = ["rules"]  # the labels fixture of test_events

TYPES = dict(EVENT_TYPES, shootdown={"plover": "ASSAULT", "lane": "operations",
                                     "operation": True, "verb": "shoots down"})
ATTACK = "Two destroyers helped defend Israel during a missile attack by Iran on Tuesday, Oct. 1"
INTERCEPT = "The destroyers joined air defense units in firing interceptors at Iranian missiles"


def _built(rules, rows, published="2024-10-01"):
    docs = docs_frame([("d1", "A", published, "")])
    return events.build_events(found_frames(rows), docs, None, TYPES, rules=rules,
                               gazetteer=GAZETTEER, focus=FOCUS)


def _interception(out):
    return out["events"][out["events"]["event_type"] == "shootdown"].iloc[0]


def test_an_interception_takes_the_day_of_the_attack_it_answers(rules):
    assert "missile_attack" in dict((next(iter(j.source)), j.into) for j in rules.answers)[
        "shootdown"]
    out = _built(rules, [
        mention("d1", 2, "missile_attack", "Iran", ["Israel"], "2024-10-01", text=ATTACK),
        mention("d1", 5, "shootdown", "Israel", ["Iran"], text=INTERCEPT)])
    shot = _interception(out)
    assert (shot["date_earliest"], shot["date_latest"]) == ("2024-10-01", "2024-10-01")
    assert shot["date_basis"] == "explicit" and shot["evidence"] == INTERCEPT


def test_an_interception_aimed_elsewhere_or_between_two_days_stays_open(rules):
    two_days = _built(rules, [
        mention("d1", 2, "missile_attack", "Iran", ["Israel"], "2024-10-01", text=ATTACK),
        mention("d1", 3, "missile_attack", "Iran", ["Israel"], "2024-04-13",
                text="about twice as many missiles as Iran's April 13 attack"),
        mention("d1", 5, "shootdown", "Israel", ["Iran"], text=INTERCEPT)],
        published="2024-10-02")
    assert _interception(two_days)["date_earliest"] == ""
    elsewhere = _built(rules, [
        mention("d1", 2, "missile_attack", "Iran", ["Israel"], "2024-10-01", text=ATTACK),
        mention("d1", 5, "shootdown", "Israel", ["Hezbollah"], text="drones were shot down")])
    assert _interception(elsewhere)["date_earliest"] == ""


def test_without_the_rule_the_interception_stays_open(rules):
    out = _built(dataclasses.replace(rules, answers=()), [
        mention("d1", 2, "missile_attack", "Iran", ["Israel"], "2024-10-01", text=ATTACK),
        mention("d1", 5, "shootdown", "Israel", ["Iran"], text=INTERCEPT)])
    assert _interception(out)["date_earliest"] == ""


def test_answers_must_map_a_type_to_a_list_of_types(tmp_path):
    data = tmp_path / "labels.yaml"
    data.write_text("groups: {}\ntemplates: {default: ['{type_name}']}\n"
                    "answers: {shootdown: missile_attack}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="answers.shootdown"):
        events.load_labels(tmp_path)

