"""Visits and events abroad their invitee stays away from (data/event_types.yaml
visit_skipped): 'skipped the summit in Y', 'declined to attend', "the president's refusal to
travel to Y".

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, only, run


def test_a_leader_who_skipped_a_summit_abroad_stays_away_from_its_host(lex):
    found = run(lex, ["The Chadian president skipped the summit in Paris on Monday."])
    m = one_mention(found, "visit_skipped")
    assert (m["agent"], m["locations"], m["factuality"]) == ("Chad", ["France"], "asserted")
    assert only(found["mentions"], event_type="meeting_visit").empty


def test_declining_to_attend_is_an_asserted_skip_not_a_negated_visit(lex):
    found = run(lex, ["Chad refused to attend the talks with France."])
    m = one_mention(found, "visit_skipped")
    assert (m["agent"], m["targets"], m["factuality"]) == ("Chad", ["France"], "asserted")


def test_a_refusal_to_travel_owned_by_a_president(lex):
    """The nominalization: "the Chadian president's refusal to participate" - its owner acts."""
    found = run(lex, ["The Chadian president's refusal to participate in the parade in Paris "
                      "was reported."])
    assert one_mention(found, "visit_skipped")["agent"] == "Chad"


def test_skipping_with_no_party_is_no_event(lex):
    """'skip' alone is common English: only with a party."""
    found = run(lex, ["Officials skipped the details."])
    assert only(found["mentions"], event_type="visit_skipped").empty


def test_the_cancellation_of_a_ministers_visit_targets_the_visitor(lex):
    """The nominalization of a cancelled visit: the canceller acts, the visitor is its target."""
    found = run(lex, ["Chad announced the cancellation of the French minister's visit."])
    m = one_mention(found, "visit_blocked")
    assert (m["agent"], m["targets"]) == ("Chad", ["France"])
