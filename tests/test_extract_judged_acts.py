"""Who judges, reports or witnesses an act did not do it: the subject of the verb whose
object the act's noun is does it ('Chad carried out strikes'), unless the verb is one of
data/syntax.yaml roles.noun `not_from` ('Canada condemned the killing').

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


@pytest.mark.parametrize("verb", ["condemned", "denounced", "welcomed", "confirmed"])
def test_who_judges_a_killing_did_not_kill(lex, verb):
    found = run(lex, [f"Canada {verb} the killing of the French ambassador."])
    m = one_mention(found, "targeted_killing")
    assert m["agent"] != "Canada" and m["agent_rule"] != "subject-of-light-verb"
    assert "France" in m["target_sides"]


def test_who_welcomes_an_arrest_did_not_arrest(lex):
    m = one_mention(run(lex, ["Chad welcomed the arrest of the French envoy."]), "arrest")
    assert m["agent"] != "Chad"


def test_who_carries_out_strikes_strikes(lex):
    found = run(lex, ["Chad has been carrying out massive strikes on French targets."])
    m = one_mention(found, "airstrike")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "subject-of-light-verb")


def test_who_announces_a_cancellation_cancels(lex):
    found = run(lex, ["Chad announced the cancellation of the French minister's visit."])
    m = one_mention(found, "visit_blocked")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "subject-of-light-verb")
