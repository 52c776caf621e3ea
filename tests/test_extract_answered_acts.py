"""Who answers an attack neither does it nor fires its missiles (data/event_types.yaml,
data/syntax.yaml): 'destroyers fired interceptors at Niger's missiles' is a shoot-down, no
missile attack by the destroyers' state; 'France weighed how to answer the attack' and 'Chad
repelled the assault' do not make France or Chad the attacker.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import run


def test_interceptors_fired_at_missiles_are_a_shootdown(lex):
    found = run(lex, ["Two French destroyers fired about a dozen interceptors at the "
                      "missiles Niger launched at Chad on Tuesday."])["mentions"]
    kinds = dict(zip(found["event_type"], found["agent"], strict=True))
    assert kinds.get("shootdown") == "France"
    assert kinds.get("missile_attack", "Niger") == "Niger"


def test_missiles_fired_at_a_country_stay_a_missile_attack(lex):
    found = run(lex, ["Niger fired some 180 ballistic missiles at Chad."])["mentions"]
    assert "missile_attack" in set(found["event_type"])


@pytest.mark.parametrize("text", [
    "France and Chad weighed how to answer the largest attack yet.",
    "Chad repelled the attack on its border post.",
])
def test_who_answers_or_repels_an_attack_does_not_do_it(lex, text):
    found = run(lex, [text])["mentions"]
    attacks = found[found["event_type"] == "attack"]
    assert not attacks["agent"].isin(["France", "Chad"]).any()
