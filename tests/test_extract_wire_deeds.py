"""Words of wire writing that look like speech, a call or a charge and are not, and acts
taken from people, each in a short invented sentence about states the world knowledge knows
(no story's actors): 'adding armoured vehicles' (a deed, no speech), 'a province called X'
(a name, no call), 'denied it was notified' (a notice said not to have happened), people
seized or kidnapped (an abduction)."""

from __future__ import annotations

from test_extract import one_mention, only, run


def test_adding_things_is_no_speech(lex):
    """'Chad has expanded a base, adding armoured vehicles, a think tank reported': Chad
    speaks of nothing; the think tank tells it."""
    found = run(lex, ["Chad has expanded a military base on its border with Niger, adding "
                      "armoured vehicles and patrol boats, a think tank reported."])
    assert only(found["mentions"], event_type="statement", agent="Chad").empty


def test_claiming_land_is_no_speech(lex):
    found = run(lex, ["The talks followed weeks of tension after Chad held a referendum "
                      "claiming the border region of Niger."])
    assert only(found["mentions"], event_type="statement").empty


def test_claiming_responsibility_still_speaks(lex):
    found = run(lex, ["Chad claimed responsibility for the strike on Niger, a minister said."])
    assert not only(found["mentions"], agent_side="Chad").empty


def test_a_participle_that_names_is_no_call(lex):
    """'a law creating a province called New Rivera': a name, not a phone call."""
    found = run(lex, ["The Chadian president on Wednesday signed a law creating a province "
                      "called New Rivera in the territory that Niger administers."])
    assert only(found["mentions"], event_type="phone_call", polarity="asserted").empty


def test_a_denied_notice_is_negated(lex):
    """'It denied it was notified of any protest': the speaker says the notice did not
    happen."""
    found = run(lex, ["The Chadian foreign ministry said the men had been held for illegal "
                      "mining. It denied it was notified of any protest by Niger."])
    m = one_mention(found, "notification")
    assert (m["polarity"], m["factuality_rule"]) == ("negated", "denied-passive-clause")


def test_a_kidnapping_is_an_abduction(lex):
    found = run(lex, ["Niger on Tuesday accused Chadian soldiers of kidnapping two Nigerien "
                      "gold miners on the river."])
    m = one_mention(found, "abduction")
    assert (m["agent_side"], m["factuality"]) == ("Chad", "alleged")
    assert m["agent_rule"] == "ascribed:blamed-object-for"


def test_people_seized_are_abducted_not_confiscated(lex):
    found = run(lex, ["The foreign minister of Niger said two men were seized on Sunday from "
                      "a boat on the Nigerien side of the river."])
    assert one_mention(found, "abduction")["trigger"] == "seized"
    assert only(found["mentions"], event_type="seizure").empty


def test_a_seized_ship_stays_a_seizure(lex):
    found = run(lex, ["The Chadian coast guard seized a Nigerien cargo ship on Sunday."])
    assert one_mention(found, "seizure")["agent_side"] == "Chad"


def test_who_says_a_passive_clause_is_not_its_undergoer(lex):
    """'The minister said the two men were seized': the minister speaks; nobody named was
    seized (the word window took the actor before the passive as its subject)."""
    found = run(lex, ["Chadian Foreign Minister Ana Ruiz said the two men were seized on "
                      "Sunday from a boat on the river."])
    assert list(one_mention(found, "abduction")["targets"]) == []
