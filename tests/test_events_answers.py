"""events/answers.py: an interception told without a date happened on the day its article
dates the attack it answers (invented frames; helpers from test_events)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

import test_events
from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from trustbrief import events
from trustbrief.events.facts import lead_given
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



CALL = "My call with Minister Gallant took place while the operation was already underway."
CALL_TYPES = dict(TYPES, phone_call={"plover": "CONSULT", "lane": "contacts",
                                     "operation": False, "gives_notice": True,
                                     "verb": "calls", "symmetric": True})


def _call_built(rules, rows, signals=()):
    docs = docs_frame([("d1", "A", "2024-09-28", ""), ("d2", "B", "2024-09-28", "")])
    return events.build_events(found_frames(rows, signals), docs, None, CALL_TYPES,
                               rules=rules, gazetteer=GAZETTEER, focus=FOCUS)


def _call(out):
    calls = out["events"][out["events"]["event_type"] == "phone_call"]
    return calls[calls["evidence"] == CALL].iloc[0]


def test_a_call_held_while_the_act_went_on_takes_the_acts_day_as_the_corpus_dates_it(rules):
    """The article dates neither the strike nor the call; another article dates the strike:
    the call held while it was underway is of its day (rule during_acts)."""
    assert rules.during_acts is not None and rules.during_acts.cue.search(CALL)
    strike = "Israel struck the headquarters of Hezbollah in Beirut"
    rows = [mention("d1", 1, "airstrike", "Israel", ["Hezbollah"], text=strike),
            mention("d2", 1, "airstrike", "Israel", ["Hezbollah"], "2024-09-27",
                    text=strike + " on Friday"),
            mention("d1", 3, "phone_call", "Yoav Gallant", ["US"], text=CALL)]
    call = _call(_call_built(rules, rows))
    assert (call["date_earliest"], call["date_latest"]) == ("2024-09-27", "2024-09-27")
    assert call["date_basis"] == "relative-inferred"
    # no act its article tells is dated anywhere: the call stays open
    undated = [r for r in rows if r["doc_id"] == "d1"]
    assert _call(_call_built(rules, undated))["date_earliest"] == ""
    # without the rule, it stays open too
    without = dataclasses.replace(rules, during_acts=None)
    assert _call(_call_built(without, rows))["date_earliest"] == ""


def test_a_call_gets_the_lead_its_sentence_states(rules):
    rows = [mention("d1", 3, "phone_call", "Yoav Gallant", ["US"], "2024-09-27", text=CALL)]
    told = dict(test_events.signal("d1", 3, "minutes"), rule="surprise/told-while-underway")
    call = _call(_call_built(rules, rows, [told]))
    assert (call["notice"], call["notice_to"]) == ("minutes", "US")
    assert _call(_call_built(rules, rows))["notice"] == "n/a"


def test_a_contact_naming_no_partner_gives_its_lead_to_the_side_the_account_says_was_told():
    """'My call with Minister X took place while ...': the other participant is unnamed; the
    account's experiencer is the side told. An act of one side (not a contact) must name it."""
    def rec(symmetric):
        return SimpleNamespace(doc_id="d1", sent_id="d1-s003", text=CALL,
                               group=SimpleNamespace(symmetric=symmetric))
    told = dict(test_events.signal("d1", 3, "minutes"), rule="surprise/told-while-underway")
    ctx = SimpleNamespace(focus=("US", "Israel"), kinds={"US": {"side": "US"}},
                          signals_by_sent={("d1", "d1-s003"): [told]})
    assert lead_given([rec(True)], "Israel", [], ctx)[:2] == ("minutes", "US")
    assert lead_given([rec(False)], "Israel", [], ctx)[:2] == ("n/a", "")
