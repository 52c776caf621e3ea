"""Acts whose doer the sentence names only as a bare body or not at all (extract.roles
_reporters_body, _host_state): the state of the media or officials reporting 'the
government' acting, and the state where an arrest happens. General rules, not one
sentence's: a clause reported at any depth, coordinated acts sharing their subject.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run

VISIT = "had cancelled a planned visit by the French foreign minister"


@pytest.mark.parametrize("text", [
    f"Chadian state media reported that the government {VISIT}.",
    f"Chadian officials said that the government {VISIT}.",
])
def test_the_government_a_states_media_report_is_that_states(lex, text):
    m = one_mention(run(lex, [text]), "visit_blocked")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "reporters-body")


def test_a_coordinated_act_shares_the_reported_bodys_state(lex):
    found = run(lex, [f"Chadian state media reported that the government {VISIT} and had "
                      "arrested two French journalists."])
    m = one_mention(found, "arrest")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "reporters-body")


def test_an_indefinite_body_is_no_states(lex):
    m = one_mention(run(lex, [f"A government {VISIT[4:]}, Chadian officials said."]),
                    "visit_blocked")
    assert m["agent_rule"] != "reporters-body"


@pytest.mark.parametrize("text", ["Police arrested two French journalists in Chad.",
                                  "Two French journalists were rounded up by police in a "
                                  "Chadian city."])
def test_an_arrest_with_no_named_doer_is_the_host_states(lex, text):
    m = one_mention(run(lex, [text]), "arrest")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "host-place")


def test_a_place_is_no_doer_of_other_acts(lex):
    m = one_mention(run(lex, ["Warplanes struck French positions in Chad."]), "airstrike")
    assert m["agent_rule"] != "host-place"
