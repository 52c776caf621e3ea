"""Acts told without their doer and ascribed to one (data/syntax.yaml roles.ascribed).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, only, run
from trustbrief.extract.ascribed import apply_ascriptions


def test_an_operation_attributed_to_a_state_has_it_as_agent(lex):
    """The parser hangs 'detonated' on 'militants': the word window read the owners of the
    radios as the doer; the ascription names the doer, the owners are what it hit."""
    found = run(lex, ["That same day, thousands of radios linked to Chadian militants "
                      "detonated in an operation attributed to France."])
    m = one_mention(found, "sabotage_detonation")
    assert (m["agent"], m["agent_rule"]) == ("France", "ascribed:ascribed-to")
    assert "France" not in m["targets"]


def test_a_relative_clause_ascribes_the_act_it_follows(lex):
    found = run(lex, ["The government avoided commenting on the mass detonation of radios "
                      "belonging to Chadian fighters, which was widely attributed to France."])
    m = one_mention(found, "sabotage_detonation")
    assert (m["agent"], m["agent_rule"]) == ("France", "ascribed:ascribed-to")


def test_a_state_believed_to_be_behind_the_blasts_is_their_agent(lex):
    found = run(lex, ["France is widely believed to be behind the explosions in Chad."])
    m = one_mention(found, "sabotage_detonation")
    assert (m["agent"], m["agent_rule"]) == ("France", "ascribed:believed-behind")


def test_a_claim_of_responsibility_names_the_doer(lex):
    found = run(lex, ["The talks follow the assassination of a Chadian minister, which France "
                      "claimed responsibility for."])
    m = one_mention(found, "targeted_killing")
    assert (m["agent"], m["agent_rule"]) == ("France", "ascribed:claimed-responsibility")


def test_an_accuser_keeps_the_accusation_and_the_act_gets_the_accused(lex):
    found = run(lex, ["Chad blamed the explosions on France."])
    assert one_mention(found, "accusation")["agent"] == "Chad"
    assert one_mention(found, "sabotage_detonation")["agent"] == "France"


def test_a_tree_agent_wins_over_an_ascription(lex):
    """'Egypt's attack ... blamed on France by Chad': Egypt's own attack is Egypt's."""
    found = run(lex, ["Egypt's attack on Syria came a day after the explosions in Chad, which "
                      "were blamed on France."])
    assert one_mention(found, "attack")["agent"] == "Egypt"


def test_without_an_ascription_nothing_changes(lex):
    found = run(lex, ["Radios exploded across Chad on Tuesday."])
    m = one_mention(found, "sabotage_detonation")
    assert not m["agent_rule"].startswith("ascribed")
    assert only(found["mentions"], event_type="accusation").empty


def test_a_cue_without_an_accuser_is_no_accusation(monkeypatch):
    """The ascribing word's own mention, with no agent from the tree, is dropped; an
    operation whose doer only the word window gave takes the ascribed one, and the misread
    doer of another side becomes a target."""
    from types import SimpleNamespace as NS

    import trustbrief.extract.ascribed as ascribed

    lex = NS(event_types={"attack": NS(operation=True, agent_types={"state"}),
                          "accusation": NS(operation=False, agent_types={"state"})},
             actors={"France": NS(type="state", side="France"),
                     "Chad": NS(type="state", side="Chad")},
             syntax=NS(ascribed=()))
    monkeypatch.setattr(ascribed, "ascriptions",
                        lambda compiled, parsed, hits: [("France", "ascribed-to", 5, None,
                                                         "alleged")])
    parsed = {5: NS(idx=30)}
    found = [{"event_type": "attack", "agent": "Chad", "agent_rule": "window",
              "targets": ["France"], "target_rule": "window", "trigger_start": 10,
              "polarity": "asserted"},
             {"event_type": "accusation", "agent": "Chad", "agent_rule": "window",
              "targets": ["France"], "target_rule": "prep-target", "trigger_start": 30}]
    out = apply_ascriptions(found, parsed, [], lex)
    assert [f["event_type"] for f in out] == ["attack"]
    assert (out[0]["agent"], out[0]["targets"]) == ("France", ["Chad"])
    assert out[0]["agent_rule"] == "ascribed:ascribed-to"
    assert (out[0]["polarity"], out[0]["factuality"]) == ("asserted", "alleged")


def test_the_one_blamed_for_a_cyberattack_is_its_doer(lex):
    """'blamed X for the cyberattack': the act under 'for' is X's; the accusation stays the
    accusers'."""
    found = run(lex, ["Chadian lawmakers have blamed France for a cyberattack on the ministry."])
    assert one_mention(found, "accusation")["agent"] == "Chad"
    m = one_mention(found, "cyberattack")
    assert (m["agent"], m["agent_rule"]) == ("France", "ascribed:blamed-object-for")
    # the act is told as done (dated as one), its doer only as the lawmakers' charge
    assert (m["polarity"], m["factuality"]) == ("asserted", "alleged")


def test_an_act_blamed_with_no_victim_named_is_an_act_on_the_accuser(lex):
    """'Chadian lawmakers blamed France for the February cyberattack': no victim named, the
    accuser of another side is it (so no notice between the two is at stake); a named victim
    stays the act's own, and an accuser of the doer's own side is no victim."""
    found = run(lex, ["Chadian lawmakers have blamed France for the February cyberattack."])
    m = one_mention(found, "cyberattack")
    assert (m["agent"], m["targets"]) == ("France", ["Chad"])
    found = run(lex, ["Chadian lawmakers have blamed France for a cyberattack on Niger."])
    assert one_mention(found, "cyberattack")["targets"] == ["Niger"]
    found = run(lex, ["French lawmakers have blamed France for the February cyberattack."])
    assert one_mention(found, "cyberattack")["targets"] == []


def test_blame_for_one_act_is_not_ascribed_to_the_others(lex):
    """A pattern with a node `act` ascribes only that act: the airstrike of the same sentence
    is not France's."""
    found = run(lex, ["Chad blamed France for the crisis after an airstrike hit Chad."])
    assert one_mention(found, "airstrike")["agent"] != "France"


def test_an_admission_is_no_allegation(lex):
    """'which France claimed responsibility for': the doer's own word, asserted."""
    found = run(lex, ["The talks follow the assassination of a Chadian minister, which France "
                      "claimed responsibility for."])
    assert one_mention(found, "targeted_killing")["factuality"] == "asserted"


def test_an_act_attributed_to_a_state_is_alleged(lex):
    found = run(lex, ["France is widely believed to be behind the explosions in Chad."])
    m = one_mention(found, "sabotage_detonation")
    assert (m["polarity"], m["factuality"]) == ("asserted", "alleged")


def test_the_alleged_act_is_alleged_and_told_as_done(lex):
    """'the alleged cyberattack on the ministry': told as done (dated as one), charged."""
    found = run(lex, ["Chad summoned the French ambassador over the alleged cyberattack on "
                      "its ministry."])
    m = one_mention(found, "cyberattack")
    assert (m["polarity"], m["factuality"]) == ("asserted", "alleged")


def test_a_passive_charge_makes_the_one_accused_an_alleged_doer(lex):
    """'France was accused of striking the convoy': France's strike, alleged."""
    found = run(lex, ["France was accused of striking the convoy."])
    m = one_mention(found, "airstrike")
    assert (m["agent"], m["agent_rule"], m["factuality"]) == (
        "France", "ascribed:blamed-passive-for", "alleged")


def test_an_act_its_doer_denies_is_alleged(lex):
    for text, rule in (("France denied carrying out the drone strike on the convoy.",
                        "ascribed:denied-doing-object"),
                       ("France denied responsibility for the drone strike.",
                        "ascribed:denied-responsibility")):
        m = one_mention(run(lex, [text]), "airstrike")
        assert (m["agent"], m["agent_rule"], m["factuality"]) == ("France", rule, "alleged")
    m = one_mention(run(lex, ["France denied striking the convoy."]), "airstrike")
    assert (m["agent"], m["polarity"], m["factuality"]) == ("France", "asserted", "alleged")


def test_denying_being_told_is_no_charge(lex):
    """'Chad denied it was notified of the strike': a passive clause denies being told - no
    charge against a doer (not alleged), a notice said not to have happened (negated)."""
    found = run(lex, ["Chad denied it was notified of the strike."])
    m = one_mention(found, "notification")
    assert (m["factuality"], m["polarity"]) == ("negated", "negated")
