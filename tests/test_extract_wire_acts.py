"""Kinds of wire writing about two governments' acts, each in a short invented sentence
about states the world knowledge knows (no story's actors): expulsions told as an order to
leave or a split 'declared ... persona non grata', a possessor shared by coordinated nouns,
the one who ignores a warning, a treaty named for a city, an aside after the object."""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


def test_an_order_to_leave_the_country_is_an_expulsion(lex):
    found = run(lex, ["Chad on Monday ordered nine Egyptian embassy staff to leave the "
                      "country within three days, a minister said."])
    m = one_mention(found, "restriction")
    assert (m["agent"], list(m["targets"])) == ("Chad", ["Egypt"])


def test_persona_non_grata_after_a_long_object_is_an_expulsion(lex):
    found = run(lex, ["On Monday, Chad declared seven officials of the Egyptian embassy "
                      "persona non grata."])
    assert one_mention(found, "restriction")["agent"] == "Chad"


def test_a_coordinated_noun_shares_the_possessor(lex):
    found = run(lex, ["The spokesperson said the other side had disregarded Egypt's repeated "
                      "dissuasion and warnings."])
    m = one_mention(found, "warning")
    assert (m["agent"], m["agent_rule"]) == ("Egypt", "possessive-of-conjunct")


def test_who_ignores_warnings_is_warned_not_warning(lex):
    found = run(lex, ["He said Chad had ignored repeated warnings."])
    m = one_mention(found, "warning")
    assert m["agent"] == "" and list(m["targets"]) == ["Chad"]


def test_a_treaty_named_for_a_capital_is_no_state_acting(lex):
    """'in violation of the Vienna Convention': no arrest by the convention city's state."""
    found = run(lex, ["The ministry said the Chadian consular agent had been arrested in a "
                      "humiliating manner, in violation of the Vienna Convention on Consular "
                      "Relations."])
    m = one_mention(found, "arrest")
    assert m["agent"] == "" and "Austria" not in m["actors"]


def test_an_aside_after_the_object_is_not_in_the_phrase(lex):
    found = run(lex, ["Egypt has accused Chad of the bombing, a charge Chad rejects."])
    assert one_mention(found, "accusation")["phrase"] == "Egypt has accused Chad of the bombing"


def test_the_state_named_before_a_decision_does_what_it_decided(lex):
    found = run(lex, ["The ministry rejected on Tuesday the Egyptian decision to expel eight "
                      "agents of the consular network."])
    m = one_mention(found, "restriction")
    assert (m["agent"], m["agent_rule"]) == ("Egypt", "modifier-of-deciding-noun")


def test_a_court_sentence_is_its_own_act(lex):
    """'a court sentenced the writer to five years in prison': the court's state coerces a
    person (sentencing), apart from the arrest that came before it."""
    found = run(lex, ["An Egyptian court on Thursday sentenced the Chadian writer to five "
                      "years in prison, his lawyer said."])
    m = one_mention(found, "sentencing")
    assert (m["agent"], list(m["targets"])) == ("Egypt", ["Chad"])


def test_who_acts_in_response_is_the_one_responding(lex):
    """'A-land ordered troops to take part in exercises, in response to the arrival of a
    B-land ship': the subject of the act the phrase hangs on responds."""
    found = run(lex, ["Chad ordered more than 5,000 troops to take part in exercises on its "
                      "coast, in response to the arrival in Niger of a French navy ship."])
    m = one_mention(found, "retaliation_plan")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "subject-of-responding-act")


def test_an_answer_given_in_response_is_no_responding_act(lex):
    """'said in response to a reporter's question': an answer, not an act in response."""
    found = run(lex, ["In response to a reporter's question, the French president said he "
                      "would not support strikes on Chad."])
    rows = found["mentions"]
    assert (rows[rows["event_type"] == "retaliation_plan"]["agent"] == "").all()


def test_a_statement_made_in_response_is_no_responding_act(lex):
    """'In response, the Chadian minister asserted the army's readiness': words, no act."""
    found = run(lex, ["In response, the Chadian defence minister asserted the army's readiness "
                      "for a ground offensive by Niger."])
    rows = found["mentions"]
    assert (rows[rows["event_type"] == "retaliation_plan"]["agent"] == "").all()


@pytest.mark.parametrize("text", [
    "The presidents of Chad and Niger agreed on Friday that neither country would use force.",
    "Chad and Niger issued a joint declaration on Friday after talks in Paris.",
])
def test_a_joint_text_or_a_settled_point_is_an_agreement(lex, text):
    """'agreed that neither would use force', 'issued a joint declaration': the parties
    settled something together (agreement), not only met."""
    found = run(lex, [text])
    assert one_mention(found, "agreement")["agent_side"] == "Chad"


def test_agreeing_in_the_present_is_an_opinion_shared(lex):
    found = run(lex, ["All seven of us agree that Chad has a right to respond, the French "
                      "president said."])
    assert found["mentions"][found["mentions"]["event_type"] == "agreement"].empty


def test_detained_on_a_states_territory_is_detained_by_it(lex):
    """'the men had been detained on Chadian territory': a detention's place is its doer's
    state (host_acts), never the one it was done to."""
    found = run(lex, ["The Chadian foreign ministry said the two men had been detained on "
                      "Chadian territory for illegal mining."])
    m = one_mention(found, "arrest")
    assert (m["agent"], m["agent_rule"], list(m["targets"])) == ("Chad", "host-place", [])


@pytest.mark.parametrize(("text", "event_type"), [
    ("The presidents of Chad and Niger agreed on Friday that neither would use force.",
     "agreement"),
    ("The foreign ministers of Chad and Niger met in Paris on Friday.", "meeting_visit"),
])
def test_the_states_a_subject_is_of_take_part(lex, text, event_type):
    """'the presidents of A-land and B-land agreed': both states are parties."""
    m = one_mention(run(lex, [text]), event_type)
    assert (m["agent"], list(m["targets"])) == ("Chad", ["Niger"])


def test_sanctions_a_ministry_calls_for_are_not_imposed(lex):
    found = run(lex, ["The Ministry calls on the European Union to impose sanctions on Chad."])
    assert one_mention(found, "restriction")["factuality"] == "wish"


def test_in_response_with_no_object_is_a_connective_not_a_retaliation(lex):
    found = run(lex, ["In response, Chad's government on Wednesday banned the entry of all "
                      "goods from Egypt."])
    assert "retaliation_plan" not in set(found["mentions"]["event_type"])
    assert one_mention(found, "restriction")["agent"] == "Chad"
