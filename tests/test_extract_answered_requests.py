"""Who was asked: 'X shut its office following a demand from Y' (data/syntax.yaml
roles.answered, extract/answered.py). The doer of the act done in answer is the request's
target; a pronoun there stands for the nearest preceding organisation or state of the
sentence; one no actor list names (a news outlet) puts the request outside the governments'
dealings, and its mention joins no event between them (events.cluster).

Short invented sentences and frames (no story's actors); helpers from test_extract and
test_events.
"""

from __future__ import annotations

from test_events import FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from test_events_one_act import TYPES
from test_extract import one_mention, run
from trustbrief import events

__all__ = ["rules"]  # the labels fixture of test_events


def test_a_pronoun_doer_standing_for_an_outlet_is_no_government(lex):
    m = one_mention(run(lex, ["The Daily Courier, operating in Niger since 1994, announced "
                              "that it made the difficult decision to shut its office "
                              "following an oral demand from the Nigerien government."]),
                    "demand")
    assert m["agent"] == "Niger"
    assert (list(m["targets"]), m["target_rule"]) == ([], "answered-request:outside")


def test_a_state_that_acts_following_a_demand_is_its_target(lex):
    m = one_mention(run(lex, ["Chad closed its embassy in Niamey following a demand from "
                              "Niger."]), "demand")
    assert (m["agent"], list(m["targets"])) == ("Niger", ["Chad"])
    assert m["target_rule"] == "answered-request"


def test_a_request_outside_joins_no_event_between_the_governments(rules):
    outside = mention("d2", 3, "demand", "Israel", [], text="an oral demand from Israel")
    outside["target_rule"] = "answered-request:outside"
    rows = [mention("d1", 1, "demand", "Israel", ["US"], text="Israel demanded the US act"),
            outside]
    docs = docs_frame([("d1", "A", "2024-11-06", ""), ("d2", "B", "2024-11-06", "")])
    out = events.build_events(found_frames(rows), docs, None, TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert len(out) == 2
    pair = out[out["agent"] == "Israel"].set_index("label")
    assert sorted(map(len, pair["mention_ids"])) == [1, 1]


def test_a_pronoun_object_of_a_directed_act_stands_for_the_organisation_before_it(lex):
    """'The Daily Courier said Niger had warned it': 'it' is the outlet, no government."""
    m = one_mention(run(lex, ["The Daily Courier said that Niger had warned it on Monday."]),
                    "warning")
    assert m["agent"] == "Niger"
    assert (list(m["targets"]), m["target_rule"]) == ([], "pronoun-object:outside")


def test_a_pronoun_object_standing_for_a_state_is_that_state(lex):
    m = one_mention(run(lex, ["Chad said that Niger had warned it on Monday."]), "warning")
    assert (m["agent"], list(m["targets"])) == ("Niger", ["Chad"])
    assert m["target_rule"] == "pronoun-object+coref"
