"""Trust signals read between two sides only (data/trust_cues.yaml, extract/signals.py):
an act whose parties are all on one side is that side's own ('A->A'), a cue that says notice
was given builds trust, and a side's own non-disclosure is no withholding from the other.

Short invented sentences about states the world knowledge knows (no story's actors); the
helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import only, run


def _signals(lex, text: str):
    return run(lex, [text])["trust_signals"]


def test_a_leader_vetoing_his_own_ministers_trip_is_no_bilateral_signal(lex):
    sig = _signals(lex, "Chadian officials said the Chadian defence minister postponed his "
                        "trip to Paris after the Chadian president vetoed it at the last "
                        "moment.")
    assert set(sig["direction"]) == {"Chad->Chad"}
    assert set(sig["rule"]) == {"withholding/4", "surprise/last-minute"}


def test_an_act_on_the_other_side_stays_bilateral(lex):
    sig = _signals(lex, "Chad vetoed the French proposal at the last moment.")
    assert "Chad->Chad" not in set(sig["direction"])
    assert only(sig, rule="withholding/4")["direction"].tolist() == ["France->Chad"]


def test_opposing_a_colleagues_visit_after_a_coordinated_verb_is_internal(lex):
    sig = _signals(lex, "The Chadian president wanted to speak with France and opposed the "
                        "Chadian defence minister's visit to Paris.")
    assert only(sig, rule="anger/5")["direction"].tolist() == ["Chad->Chad"]


def test_anger_at_the_other_side_is_read_from_the_possessor(lex):
    sig = _signals(lex, "The decision was a reason for the French president's anger at the "
                        "Chadian defence minister.")
    assert only(sig, category="anger")["direction"].tolist() == ["France->Chad"]


def test_notice_received_builds_trust_and_only_its_negation_erodes_it(lex):
    given = _signals(lex, "The French president said he did receive a heads up ahead of the "
                          "Chadian strikes.")
    row = only(given, rule="surprise/heads-up-received").iloc[0]
    assert (row["polarity"], bool(row["negated"]), row["notice"]) == (1, False, "hours")
    missed = _signals(lex, "The French president said he had not received a heads-up "
                           "before the Chadian strikes.")
    row = only(missed, rule="surprise/heads-up-received").iloc[0]
    assert (row["polarity"], bool(row["negated"])) == (1, True)


def test_being_told_of_an_intention_is_notice_given_not_distrust(lex):
    """'informed X about its intention to ...': told days ahead, as a heads-up received (a
    statement of distrust in the us-il brief's count before)."""
    sig = _signals(lex, "Chad has informed France about its intention to launch a ground "
                        "operation in Niger.")
    row = only(sig, rule="surprise/told-of-intention").iloc[0]
    assert (row["polarity"], bool(row["negated"]), row["notice"]) == (1, False, "days")


def test_asking_for_notice_still_erodes_trust(lex):
    sig = _signals(lex, "French officials hope Chad will provide advance notice of any "
                        "strike.")
    row = only(sig, category="transparency_demand").iloc[0]
    assert (row["polarity"], row["rule"]) == (-1, "surprise/heads-up-given+conditional")


def test_a_sides_own_non_disclosure_is_no_withholding(lex):
    sig = _signals(lex, "A French spokesman said the letter was meant for private "
                        "communications that we did not intend to disclose.")
    assert only(sig, category="withholding").empty
    sig = _signals(lex, "The French spokesman said France did not intend to disclose the "
                        "letter.")
    assert only(sig, category="withholding").empty


def test_not_sharing_with_the_other_side_stays_withholding(lex):
    sig = _signals(lex, "Chad did not want to share details of its plans with France.")
    assert only(sig, category="withholding")["direction"].tolist() == ["France->Chad"]


def test_a_side_judged_unworthy_of_trust_is_distrust_of_it(lex):
    sig = _signals(lex, "The French defence minister said on Wednesday that Chad could not "
                        "be trusted to keep agreements.")
    row = only(sig, category="distrust").iloc[0]
    assert (row["direction"], row["polarity"], bool(row["negated"])) == ("France->Chad", -1,
                                                                         False)


def test_trust_that_remained_low_is_distrust(lex):
    sig = _signals(lex, "Trust between France and Chad remained low after the raid.")
    assert only(sig, category="distrust")["rule"].tolist() == ["distrust/1"]


def test_a_writers_sentence_naming_no_side_tells_no_direction(lex):
    sig = _signals2(lex, ["France and Chad revived an old formula for their ties.",
                          "The distrust behind it has not gone away."])
    assert sig[sig["sent_id"].str.endswith("s002")]["direction"].tolist() == ["?->?"]


def test_an_unnamed_we_is_never_the_documents_other_side(lex):
    # a transcript's answer: no one names who 'we' are
    sig = _signals2(lex, ["France criticised Chad.",
                          "We firmly oppose any attempt to smear Chad's judicial system."])
    assert sig[sig["sent_id"].str.endswith("s002")]["direction"].tolist() == ["?->Chad"]


def _signals2(lex, texts: list[str]):
    return run(lex, texts)["trust_signals"]
