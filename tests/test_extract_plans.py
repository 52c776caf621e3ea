"""Plans reported before the act: an act named under a noun or verb of intent ('its
intention to initiate a ground incursion', 'is preparing to launch an offensive', 'plans for
an incursion') is planned, not asserted; a readiness for it is a disposition (hypothetical).
Only the asserted act bounds an article's date from below (dating), so a plan told as done
would date the article after an act it announces.

Short invented sentences about governments the world knowledge knows (no story's actors).
"""

from __future__ import annotations

from test_extract import one_mention, run


def _reading(found, sent: int) -> tuple[str, str]:
    m = one_mention(found, "ground_operation", sent=sent)
    return m["polarity"], m["factuality_rule"]


def test_the_object_of_an_intention_to_act_is_planned(lex):
    found = run(lex, ["France has informed Germany about its intention to initiate a limited "
                      "ground incursion into Chad.",
                      "France told Germany of its plans to launch a ground operation in Chad.",
                      "France launched a ground operation in Chad on Monday."])
    assert _reading(found, 1) == ("planned", "plan-noun-infinitive-object")
    assert _reading(found, 2) == ("planned", "plan-noun-infinitive-object")
    assert _reading(found, 3) == ("asserted", "")


def test_the_object_of_a_verb_of_intent_is_planned(lex):
    found = run(lex, ["France is preparing to launch a ground offensive into Chad.",
                      "France plans to launch a ground operation in Chad.",
                      "France prepared troops and launched a ground offensive into Chad."])
    assert _reading(found, 1) == ("planned", "plan-complement-object")
    assert _reading(found, 2) == ("planned", "plan-complement-object")
    assert _reading(found, 3)[0] == "asserted"


def test_plans_and_preparations_for_an_act_are_planned(lex):
    found = run(lex, ["France informed Germany of plans for a ground incursion into Chad.",
                      "Officials discussed preparations for a ground operation in Chad."])
    assert _reading(found, 1) == ("planned", "plan-for")
    assert _reading(found, 2) == ("planned", "plan-for")


def test_a_readiness_for_an_act_is_a_disposition(lex):
    found = run(lex, ["The rebels asserted their readiness for a French ground offensive."])
    assert _reading(found, 1) == ("hypothetical", "disposition-for")


def test_a_decision_to_act_stays_the_act(lex):
    """'regretted the decision to launch ...': a decision is mostly reported once carried
    out, so it is no cue of intent."""
    found = run(lex, ["France announced its decision to launch a ground operation in Chad."])
    assert _reading(found, 1)[0] == "asserted"
